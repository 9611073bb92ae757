using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Yishi.BrowserTests.Infrastructure;

namespace Yishi.BrowserTests;

/// <summary>
/// The whole demand loop through the pages, as the people involved would click it: a resident on a phone
/// submits → the community triages and escalates → the street routes it to a department → the department
/// handles → the resident is dissatisfied → reopened → handled again → satisfied → the council reviews → closed.
/// </summary>
public sealed partial class DemandJourney(BrowserApp app)
{
    private const string Password = "Yishi@2026";

    // A real 1×1 PNG, and a text file pretending to be a JPEG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static readonly byte[] FakeJpeg = "MZ this is not a picture at all"u8.ToArray();

    [Fact]
    public async Task A_demand_goes_round_the_whole_loop_from_a_phone_to_close_out()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var description = $"文华社区第三网格5号楼楼顶漏水，雨天屋里滴水，已经一个多月了（{run}）";

        // 1. A resident on a phone, not signed in, submits with a photo. A fake JPEG is refused first; what was typed stays.
        var phone = await app.NewPageAsync(phone: true);
        await phone.GotoAsync("/resident/submit");
        var group = await phone.Locator("#area option", new() { HasTextString = "文华社区 · 第三网格" }).GetAttributeAsync("value");
        await phone.SelectOptionAsync("#area", group!);
        await phone.FillAsync("#description", description);
        await phone.FillAsync("#location", "5号楼3单元顶楼");
        await phone.FillAsync("#phone", "13900001234");
        await phone.SetInputFilesAsync("#photos", new FilePayload { Name = "roof.jpg", MimeType = "image/jpeg", Buffer = FakeJpeg });
        await BrowserApp.ScreenshotAsync(phone, "demand-01-resident-submit");
        await phone.ClickAsync("#submit-demand");
        await phone.WaitForSelectorAsync(".field-error[data-field=Photos]");
        (await phone.InputValueAsync("#description")).ShouldBe(description);
        (await phone.InputValueAsync("#location")).ShouldBe("5号楼3单元顶楼");
        await BrowserApp.ScreenshotAsync(phone, "demand-02-resident-photo-refused");

        await phone.SetInputFilesAsync("#photos", new FilePayload { Name = "roof.png", MimeType = "image/png", Buffer = Png });
        await phone.ClickAsync("#submit-demand");
        await phone.WaitForURLAsync("**/track/YS-*");
        var code = (await phone.Locator("#tracking-code").InnerTextAsync()).Trim();
        TrackingCode().IsMatch(code).ShouldBeTrue(code);
        (await phone.Locator("#track-photos img").CountAsync()).ShouldBe(1);
        await BrowserApp.ScreenshotAsync(phone, "demand-03-resident-tracking-code");

        // 2. The community secretary finds it in the inbox, sees the suggestion, triages it and sends it up to the street.
        var community = await SignedInAsync("sec-wenhua");
        await community.GotoAsync("/demands");
        await community.ClickAsync($"a.demand-link:text-is('{code}')");
        await community.WaitForSelectorAsync("#triage-form");
        (await community.Locator("#demand-phone").InnerTextAsync()).ShouldContain("139****1234");
        await BrowserApp.ScreenshotAsync(community, "demand-04-community-triage");
        var demandUrl = community.Url;

        // A triage without a route is refused next to the field; the classification chosen stays.
        await community.CheckAsync("#triage-ownership-government");
        await community.SelectOptionAsync("#triage-content", "Development");
        await community.ClickAsync("#triage-submit");
        await community.WaitForSelectorAsync("#triage-form .field-error[data-field=Route]");
        (await community.IsCheckedAsync("#triage-ownership-government")).ShouldBeTrue();
        await community.CheckAsync("#route-assign");
        await community.SelectOptionAsync("#triage-assignee", new SelectOptionValue { Index = 1 });
        await community.FillAsync("#triage-assign-note", "先上门查看漏点");
        await community.ClickAsync("#triage-submit");
        await community.WaitForSelectorAsync("#done-alert");
        (await community.Locator("#demand-badges").InnerTextAsync()).ShouldContain("办理中");

        await OpenAsync(community, "#action-escalate");
        await community.ClickAsync("#escalate-submit");
        await community.WaitForSelectorAsync("#escalate-form .field-error[data-field=Reason]");
        await community.FillAsync("#escalate-reason", "屋面防水需整体维修，超出社区能力，请街道协调");
        await community.ClickAsync("#escalate-submit");
        await community.WaitForSelectorAsync("#done-alert");
        (await community.Locator("#demand-timeline").InnerTextAsync()).ShouldContain("超出社区能力");
        await BrowserApp.ScreenshotAsync(community, "demand-05-community-escalated");

        // 3. The street sees it in its inbox and routes it to the housing department.
        var street = await SignedInAsync("street-nanen");
        await street.GotoAsync("/demands");
        await street.WaitForSelectorAsync($"a.demand-link:text-is('{code}')");
        await BrowserApp.ScreenshotAsync(street, "demand-06-street-inbox");
        await street.GotoAsync(demandUrl);
        await OpenAsync(street, "#action-escalate");
        await BrowserApp.ScreenshotAsync(street, "demand-07-street-routes-to-department");
        await street.SelectOptionAsync("#escalate-unit", new SelectOptionValue { Label = "住建局" });
        await street.FillAsync("#escalate-reason", "属房屋维修，转住建局办理");
        await street.ClickAsync("#escalate-submit");
        await street.WaitForURLAsync("**done=escalated*");

        // 4. The department takes it on (负责办, with its deadline) and handles it with a reply.
        var department = await SignedInAsync("dept-zhujian");
        await department.GotoAsync("/demands");
        await department.ClickAsync($"a.demand-link:text-is('{code}')");
        await department.WaitForSelectorAsync("#triage-form");
        await BrowserApp.ScreenshotAsync(department, "demand-08-department-receives");
        await department.CheckAsync("#route-assign");
        await department.SelectOptionAsync("#triage-assignee", new SelectOptionValue { Index = 1 });
        await department.FillAsync("#triage-assign-note", "安排房屋维修科现场查勘");
        await department.ClickAsync("#triage-submit");
        await department.WaitForSelectorAsync("#done-alert");
        await HandleAsync(department, "已安排施工队对屋面做临时防水处理");
        await BrowserApp.ScreenshotAsync(department, "demand-09-department-handled");

        // 5. The resident reads the reply on the phone and is not satisfied: reopened to the same handler.
        await phone.GotoAsync($"/track/{code}");
        (await phone.Locator("#track-reply").InnerTextAsync()).ShouldContain("临时防水");
        await phone.ClickAsync("label[for=rate-dissatisfied]");
        await phone.FillAsync("#rate-comment", "临时处理后又漏了，希望彻底修好");
        await BrowserApp.ScreenshotAsync(phone, "demand-10-resident-rates-dissatisfied");
        await phone.ClickAsync("#rate-submit");
        await phone.WaitForSelectorAsync("#done-alert");
        (await phone.Locator("#track-timeline").InnerTextAsync()).ShouldContain("群众不满意，重新办理");

        // The reopened view: the whole department inbox is longer than a page once other journeys have added to it.
        await department.GotoAsync("/demands?view=Reopened");
        var reopenedRow = department.Locator($"tr:has(a.demand-link:text-is('{code}'))");
        (await reopenedRow.InnerTextAsync()).ShouldContain("重新办理");
        await reopenedRow.Locator("a.demand-link").ClickAsync();
        await HandleAsync(department, "已完成屋面整体防水翻新，并经住户确认不再漏水");

        // 6. Satisfied this time.
        await phone.GotoAsync($"/track/{code}");
        await phone.ClickAsync("label[for=rate-satisfied]");
        await phone.ClickAsync("#rate-submit");
        await phone.WaitForSelectorAsync("#track-rated");
        await BrowserApp.ScreenshotAsync(phone, "demand-11-resident-satisfied");

        // 7. The council's follow-up review (回头议) closes it (销号).
        var council = await SignedInAsync("council-wenhua-1");
        await council.GotoAsync(demandUrl);
        await OpenAsync(council, "#action-review");
        await council.CheckAsync("#review-met");
        await council.CheckAsync("#review-satisfied");
        await council.FillAsync("#review-note", "回访住户，屋顶不再漏水，居民满意");
        await council.ClickAsync("#review-submit");
        await council.WaitForSelectorAsync("#done-alert");
        (await council.Locator("#demand-badges").InnerTextAsync()).ShouldContain("已销号");
        await BrowserApp.ScreenshotAsync(council, "demand-12-council-reviewed-closed");

        // The resident's tracking page shows the whole way, step by step.
        await phone.GotoAsync($"/track/{code}");
        var timeline = await phone.Locator("#track-timeline").InnerTextAsync();
        timeline.ShouldContain("上报上级");
        timeline.ShouldContain("回头议通过");
        await BrowserApp.ScreenshotAsync(phone, "demand-13-resident-closed");
    }

    [Fact]
    public async Task A_cadre_merges_look_alike_demands_into_a_common_issue_from_the_duplicates_panel()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var first = await SubmitAsync($"江城社区第二网格12栋门口路灯不亮，晚上很黑（{run}）");
        var second = await SubmitAsync($"江城社区第二网格12栋路灯坏了，晚上出门很黑（{run}）");

        var community = await SignedInAsync("sec-jiangcheng");
        await community.GotoAsync($"/demands?q={first}");
        await community.ClickAsync($"a.demand-link:text-is('{first}')");
        await community.WaitForSelectorAsync("#similar-panel");
        (await community.Locator("#similar-panel").InnerTextAsync()).ShouldContain(second);
        await community.ClickAsync("#merge-submit");
        await community.WaitForSelectorAsync("#merge-form .field-error[data-field=DemandIds]");
        await community.CheckAsync($"#merge-{second}");
        await community.FillAsync("#merge-title", "12栋门口路灯不亮");
        await community.ClickAsync("#merge-submit");
        await community.WaitForSelectorAsync("#common-issue");
        var card = await community.Locator("#common-issue").InnerTextAsync();
        card.ShouldContain("12栋门口路灯不亮");
        card.ShouldContain(second);
        await BrowserApp.ScreenshotAsync(community, "demand-20-common-issue");
    }

    private async Task<string> SubmitAsync(string description)
    {
        var phone = await app.NewPageAsync(phone: true);
        await phone.GotoAsync("/resident/submit");
        var group = await phone.Locator("#area option", new() { HasTextString = "江城社区 · 第二网格" }).GetAttributeAsync("value");
        await phone.SelectOptionAsync("#area", group!);
        await phone.FillAsync("#description", description);
        await phone.ClickAsync("#submit-demand");
        await phone.WaitForURLAsync("**/track/YS-*");
        var code = (await phone.Locator("#tracking-code").InnerTextAsync()).Trim();
        await phone.Context.CloseAsync();
        return code;
    }

    private static async Task HandleAsync(IPage page, string reply)
    {
        await page.WaitForSelectorAsync("#handle-form");
        await page.FillAsync("#handle-reply", reply);
        await page.ClickAsync("#handle-submit");
        await page.WaitForSelectorAsync("#done-alert");
        (await page.Locator("#demand-badges").InnerTextAsync()).ShouldContain("已办结");
    }

    /// <summary>Secondary actions are collapsed &lt;details&gt;: open one if it is.</summary>
    private static async Task OpenAsync(IPage page, string card)
    {
        var details = page.Locator($"details{card}");
        if (await details.CountAsync() > 0 && await details.GetAttributeAsync("open") is null)
            await details.Locator("summary").ClickAsync();
        await page.WaitForSelectorAsync($"{card} form", new() { State = WaitForSelectorState.Visible });
    }

    private async Task<IPage> SignedInAsync(string user)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in?ReturnUrl=%2Fdemands");
        await page.FillAsync("#user-name", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync("**/demands");
        return page;
    }

    [GeneratedRegex(@"^YS-\d{8}-\d{6}-[A-Z0-9]{4}$")]
    private static partial Regex TrackingCode();
}
