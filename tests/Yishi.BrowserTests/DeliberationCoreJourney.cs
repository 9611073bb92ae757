using System.Globalization;
using Microsoft.Playwright;
using Yishi.BrowserTests.Infrastructure;

namespace Yishi.BrowserTests;

/// <summary>
/// The deliberation core through the pages, as the community secretary of 文华社区 would click it: a demand sent to
/// deliberation becomes a topic → accepted into review → put on a meeting agenda → agenda published → session opened →
/// members signed in → votes recorded (show of hands) → the vote closed into a resolution under public notice.
/// </summary>
public sealed class DeliberationCoreJourney(BrowserApp app)
{
    private const string Password = "Yishi@2026";

    [Fact]
    public async Task A_demand_is_deliberated_voted_and_resolved_at_a_council_meeting()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var description = $"文华社区第二网格东门路灯坏了三盏，晚上出行很不安全（{run}）";

        // A resident reports it (not signed in).
        var resident = await app.NewPageAsync(phone: true);
        await resident.GotoAsync("/resident/submit");
        var group = await resident.Locator("#area option", new() { HasTextString = "文华社区 · 第二网格" }).GetAttributeAsync("value");
        await resident.SelectOptionAsync("#area", group!);
        await resident.FillAsync("#description", description);
        await resident.ClickAsync("#submit-demand");
        await resident.WaitForURLAsync("**/track/YS-*");
        var code = (await resident.Locator("#tracking-code").InnerTextAsync()).Trim();

        // The secretary sends it to deliberation (三事分流 → 提交议事).
        var sec = await SignedInAsync("sec-wenhua");
        await sec.GotoAsync("/demands");
        await sec.ClickAsync($"a.demand-link:text-is('{code}')");
        await sec.WaitForSelectorAsync("#triage-form");
        await sec.CheckAsync("#triage-ownership-community");
        await sec.SelectOptionAsync("#triage-content", "Development");
        await sec.SelectOptionAsync("#triage-must", "PublicFacilities");
        await sec.CheckAsync("#route-deliberate");
        await sec.FillAsync("#triage-deliberate-note", "涉及公共设施，提交议事团审议");
        await sec.ClickAsync("#triage-submit");
        await sec.WaitForSelectorAsync("#done-alert");

        // A council of the community: created, three members with accounts.
        await sec.GotoAsync("/deliberation/councils");
        await BrowserApp.ScreenshotAsync(sec, "del-01-councils");
        var wenhua = await sec.Locator("#council-area option", new() { HasTextString = "文华社区" }).First.GetAttributeAsync("value");
        await sec.SelectOptionAsync("#council-area", wenhua!);
        await sec.SelectOptionAsync("#council-kind", "PublicCouncil");
        await sec.ClickAsync("#council-create-submit");
        await sec.WaitForSelectorAsync("#council-create-form .field-error[data-field=Name]");
        await sec.FillAsync("#council-name", $"文华社区大众议事团{run}");
        await sec.ClickAsync("#council-create-submit");
        await sec.WaitForURLAsync("**/deliberation/councils/*?done=created");
        var councilUrl = sec.Url.Split('?')[0];
        for (var n = 1; n <= 3; n++)
        {
            await OpenAsync(sec, "#member-add");
            var user = await sec.Locator("#member-user option", new() { HasTextString = $"（council-wenhua-{n}）" }).GetAttributeAsync("value");
            await sec.SelectOptionAsync("#member-user", user!);
            await sec.SelectOptionAsync("#member-position", n == 1 ? "Chair" : "Member");
            await sec.ClickAsync("#member-submit");
            await sec.WaitForSelectorAsync("#done-alert");
        }
        (await sec.Locator("#council-members li[data-member]").CountAsync()).ShouldBe(3);

        // A meeting three days ahead (in China time), and the demand made a topic.
        await OpenAsync(sec, "#meeting-new");
        await sec.FillAsync("#meeting-starts", DateTime.UtcNow.AddHours(8).AddDays(3).ToString("yyyy-MM-dd'T'19:30", CultureInfo.InvariantCulture));
        await sec.FillAsync("#meeting-place", "文华社区议事厅");
        await sec.SelectOptionAsync("#meeting-form-kind", "EveningTalk");
        await sec.ClickAsync("#meeting-submit");
        await sec.WaitForURLAsync("**/deliberation/meetings/*?done=scheduled");
        var meetingId = sec.Url.Split('?')[0].Split('/')[^1];
        await sec.GotoAsync(councilUrl);
        var awaiting = sec.Locator($"#awaiting-demands li[data-demand='{code}']");
        await awaiting.WaitForAsync();
        await BrowserApp.ScreenshotAsync(sec, "del-02-council-awaiting-demand");
        await awaiting.Locator("input[name='Act.Title']").FillAsync($"更换东门路灯（{run}）");
        await awaiting.Locator("button[type=submit]").ClickAsync();
        await sec.WaitForURLAsync("**/deliberation/topics/*?done=created");
        (await sec.Locator("#topic-badges").InnerTextAsync()).ShouldContain("提议");
        (await sec.Locator("#topic-demands").InnerTextAsync()).ShouldContain(code);

        // 提议 → 评议 → 审议 (on the meeting's agenda).
        await sec.ClickAsync("#accept-submit");
        await sec.WaitForURLAsync("**?done=accepted");
        (await sec.Locator("#topic-badges").InnerTextAsync()).ShouldContain("评议");
        await BrowserApp.ScreenshotAsync(sec, "del-03-topic-in-review");
        await sec.SelectOptionAsync("#agenda-meeting", meetingId);
        await sec.ClickAsync("#agenda-submit");
        await sec.WaitForURLAsync($"**/deliberation/meetings/{meetingId}?done=placed");
        await sec.ClickAsync("#publish-submit");
        await sec.WaitForURLAsync("**?done=published");
        await BrowserApp.ScreenshotAsync(sec, "del-04-meeting-agenda-published");

        // The session: opened, members signed in by the secretary, votes by show of hands, the vote closed.
        // The meeting is days away: opening it now is an early start with a recorded reason (the meeting moves to now).
        await sec.FillAsync("#early-reason", "全体成员已到齐，提前召开");
        await sec.ClickAsync("#open-submit");
        await sec.WaitForURLAsync("**?done=opened");
        for (var n = 0; n < 3; n++)
        {
            await sec.Locator("#meeting-attendance li[data-member] form button").First.ClickAsync();
            await sec.WaitForURLAsync("**?done=checked_in");
        }
        (await sec.Locator("#quorum-line").InnerTextAsync()).ShouldContain("已达法定人数");
        await BrowserApp.ScreenshotAsync(sec, "del-05-meeting-in-session");
        foreach (var choice in new[] { "For", "For", "Against" })
        {
            await sec.Locator($".record-votes li form button[value={choice}]").First.ClickAsync();
            await sec.WaitForURLAsync("**?done=vote_recorded");
        }
        (await sec.Locator(".vote-tally").InnerTextAsync()).ShouldContain("赞成 2 · 反对 1 · 弃权 0");
        await sec.Locator(".agenda-item details.resolve summary").ClickAsync();
        await sec.Locator(".agenda-item details.resolve textarea").FillAsync("同意更换东门三盏路灯，由社区负责实施");
        await sec.Locator(".agenda-item details.resolve button[type=submit]").ClickAsync();
        await sec.WaitForURLAsync("**?done=resolved");
        var resolution = await sec.Locator(".resolution-box").InnerTextAsync();
        resolution.ShouldContain("通过");
        resolution.ShouldContain("应到 3 人，实到 3 人；赞成 2，反对 1，弃权 0");
        await BrowserApp.ScreenshotAsync(sec, "del-06-meeting-resolved");

        // The topic is under public notice and the demand has moved on to implementation.
        await sec.Locator(".agenda-item a").First.ClickAsync();
        await sec.WaitForSelectorAsync("#topic-resolutions");
        (await sec.Locator("#topic-badges").InnerTextAsync()).ShouldContain("决议公示");
        await BrowserApp.ScreenshotAsync(sec, "del-07-topic-under-notice");
        await sec.Locator($"#topic-demands a:text-is('{code}')").ClickAsync();
        await sec.WaitForSelectorAsync("#demand-badges");
        (await sec.Locator("#demand-badges").InnerTextAsync()).ShouldContain("办理中");

        // The session ends; the secretary drafts the minutes, a member who was present approves them on a phone.
        await sec.GotoAsync($"/deliberation/meetings/{meetingId}");
        await sec.ClickAsync("#adjourn-submit");
        await sec.WaitForURLAsync("**?done=adjourned");
        (await sec.InputValueAsync("#minutes-text")).ShouldContain("更换东门路灯");
        await sec.ClickAsync("#minutes-submit");
        await sec.WaitForURLAsync("**?done=minutes");
        await sec.ClickAsync("#minutes-print");
        await sec.WaitForSelectorAsync("#print-minutes");
        (await sec.Locator("#print-minutes").InnerTextAsync()).ShouldContain("YS-JY-");
        await BrowserApp.ScreenshotAsync(sec, "del-10-minutes-print");
        await BrowserApp.PrintScreenshotAsync(sec, "del-10b-minutes-print-media", "#print-minutes .record-head h1", "#print-minutes .record-sub");

        var member = await SignedInAsync("council-wenhua-1", phone: true);
        await member.GotoAsync("/deliberation/my");
        await BrowserApp.ScreenshotAsync(member, "del-11-my-meetings-phone");
        await member.GotoAsync($"/deliberation/meetings/{meetingId}");
        await member.ClickAsync("#minutes-approve");
        await member.WaitForURLAsync("**?done=approved");
        (await member.Locator("#meeting-minutes").InnerTextAsync()).ShouldContain("已有 1 人确认");

        // The same meeting on a phone.
        var phone = await SignedInAsync("sec-wenhua", phone: true);
        await phone.GotoAsync($"/deliberation/meetings/{meetingId}");
        await phone.WaitForSelectorAsync(".resolution-box");
        await BrowserApp.ScreenshotAsync(phone, "del-08-meeting-phone");
        await phone.GotoAsync(councilUrl);
        await BrowserApp.ScreenshotAsync(phone, "del-09-council-phone");
    }

    private static async Task OpenAsync(IPage page, string card)
    {
        var details = page.Locator($"details{card}").First;
        if (await details.CountAsync() > 0 && await details.GetAttributeAsync("open") is null)
            await details.Locator("summary").First.ClickAsync();
        await page.Locator($"{card} form").First.WaitForAsync(new() { State = WaitForSelectorState.Visible });
    }

    private async Task<IPage> SignedInAsync(string user, bool phone = false)
    {
        var page = await app.NewPageAsync(phone);
        await page.GotoAsync("/account/sign-in?ReturnUrl=%2Fdemands");
        await page.FillAsync("#user-name", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync("**/demands");
        return page;
    }
}
