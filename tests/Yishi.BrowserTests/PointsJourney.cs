using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Yishi.BrowserTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.ServiceAreas.Domain;

namespace Yishi.BrowserTests;

/// <summary>
/// 正负面清单积分 through the pages: the village secretary drafts version 3 of the list and records the assembly's
/// approval (a vote without quorum is refused first), the organiser awards points under the new item, the resident
/// sees the balance on a phone and appeals, the supervisor upholds the appeal, and the public ranking shows masked names.
/// </summary>
public sealed class PointsJourney(BrowserApp app)
{
    private const string Password = "Yishi@2026";

    // A real 1×1 PNG (the photo of the sign-in sheet).
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_list_is_approved_points_are_awarded_appealed_and_reversed_and_the_public_sees_a_masked_ranking()
    {
        var run = Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var (communityId, householdId, houseNumber, headName, residentUser) = await ResidentOfGroupOneAsync("石门村");

        // 1. The secretary starts a draft (a copy of the version in force) and adds an item.
        var secretary = await SignedInAsync("sec-shimen", "/service-areas/points");
        await secretary.GotoAsync($"/service-areas/points?community={communityId}");
        await secretary.WaitForSelectorAsync("#versions-table");
        await BrowserApp.ScreenshotAsync(secretary, "pts-01-secretary-list");
        await secretary.ClickAsync("#new-draft");
        await secretary.WaitForURLAsync("**/service-areas/points/versions/*");
        await secretary.FillAsync("#rule-code", $"J{run}");
        await secretary.SelectOptionAsync("#rule-direction", "Positive");
        await secretary.FillAsync("#rule-points", "4");
        await secretary.FillAsync("#rule-category", "基层议事");
        await secretary.FillAsync("#rule-description", $"参加积分制议事培训（{run}）");
        await secretary.FillAsync("#rule-evidence", "培训签到表");
        await secretary.ClickAsync("#add-rule");
        await secretary.WaitForURLAsync("**done=rule_added*");
        (await secretary.Locator($"tr[data-rule=J{run}]").CountAsync()).ShouldBe(1);

        // 2. A vote without a two-thirds quorum is refused by the field; what was typed stays. Then the real vote.
        await secretary.FillAsync("#approve-memberstotal", "35");
        await secretary.FillAsync("#approve-present", "20");
        await secretary.FillAsync("#approve-for", "19");
        await secretary.FillAsync("#approve-against", "1");
        await secretary.FillAsync("#approve-abstain", "0");
        await secretary.ClickAsync("#approve");
        await secretary.WaitForSelectorAsync(".field-error[data-field=Present]");
        (await secretary.InputValueAsync("#approve-present")).ShouldBe("20");
        (await secretary.Locator(".field-error[data-field=Present]").InnerTextAsync()).ShouldContain("三分之二");
        await BrowserApp.ScreenshotAsync(secretary, "pts-02-approval-refused-no-quorum");
        await secretary.FillAsync("#approve-present", "30");
        await secretary.FillAsync("#approve-for", "27");
        await secretary.FillAsync("#approve-against", "2");
        await secretary.FillAsync("#approve-abstain", "1");
        await secretary.ClickAsync("#approve");
        await secretary.WaitForURLAsync("**done=approved*");
        (await secretary.Locator("#version-approval").InnerTextAsync()).ShouldContain("27");
        (await secretary.Locator("#add-rule-form").CountAsync()).ShouldBe(0);
        await BrowserApp.ScreenshotAsync(secretary, "pts-03-approved");

        // 3. The organiser of the group awards points to the household under the new item.
        var organiser = await SignedInAsync("org-shimen-1", "/service-areas/points");
        await organiser.GotoAsync($"/service-areas/points/award?community={communityId}&house={Uri.EscapeDataString(houseNumber)}");
        await organiser.SelectOptionAsync("#award-household", householdId.ToString());
        await organiser.SelectOptionAsync("#award-rule", new SelectOptionValue { Label = $"+4 · 参加积分制议事培训（{run}） (J{run})" });
        await organiser.ClickAsync("#award");
        await organiser.WaitForSelectorAsync(".field-error[data-field=Evidence]");
        await BrowserApp.ScreenshotAsync(organiser, "pts-04-award-needs-evidence");
        await organiser.FillAsync("#award-evidence", $"11月参加村里组织的积分制议事培训（{run}）");
        await organiser.SetInputFilesAsync("#award-photo", new FilePayload { Name = "sign-in.png", MimeType = "image/png", Buffer = Png });
        await organiser.ClickAsync("#award");
        await organiser.WaitForURLAsync("**done=*");
        await organiser.WaitForSelectorAsync("#done-message");
        await BrowserApp.ScreenshotAsync(organiser, "pts-05-awarded");
        await organiser.GotoAsync($"/service-areas/points/households/{householdId}");
        var balanceText = await organiser.Locator("#household-balance span").InnerTextAsync();
        var balance = int.Parse(balanceText.Trim(), System.Globalization.CultureInfo.InvariantCulture);

        // 4. The resident, on a phone, sees the balance and the entry, and appeals it.
        var phone = await app.NewPageAsync(phone: true);
        await phone.GotoAsync("/account/sign-in?ReturnUrl=%2Fresident%2Fpoints");
        await phone.FillAsync("#user-name", residentUser);
        await phone.FillAsync("#password", Password);
        await phone.ClickAsync("#sign-in-submit");
        await phone.WaitForURLAsync("**/resident/points");
        (await phone.Locator("#balance").InnerTextAsync()).Trim().ShouldBe(balance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var entry = phone.Locator("#history li", new() { HasTextString = run });
        await entry.First.WaitForAsync();
        (await entry.First.Locator("img.entry-photo").CountAsync()).ShouldBe(1);
        await BrowserApp.ScreenshotAsync(phone, "pts-06-resident-balance-phone");
        await entry.First.Locator("a[id^=appeal-]").ClickAsync();
        await phone.WaitForSelectorAsync("#appeal-form");
        await phone.ClickAsync("#submit-appeal");
        await phone.WaitForSelectorAsync(".field-error[data-field=Reason]");
        await phone.FillAsync("#appeal-reason", $"培训那天我在外地打工，是邻居去参加的，记错户了（{run}）");
        await BrowserApp.ScreenshotAsync(phone, "pts-07-resident-appeal-phone");
        await phone.ClickAsync("#submit-appeal");
        await phone.WaitForURLAsync("**/resident/points?done=appealed");
        await BrowserApp.ScreenshotAsync(phone, "pts-08-resident-appealed-phone");

        // 5. The organiser who made the entry may not decide it; the supervisor upholds it and the entry is reversed.
        await organiser.GotoAsync("/service-areas/points/appeals");
        var card = organiser.Locator("[data-appeal]", new() { HasTextString = run });
        await card.First.Locator("a[id^=decide-]").ClickAsync();
        await organiser.WaitForSelectorAsync("#awarder-warning");
        (await organiser.Locator("#decide-form").CountAsync()).ShouldBe(0);
        var supervisor = await SignedInAsync("sup-shimen-1", "/service-areas/points/appeals");
        var supCard = supervisor.Locator("[data-appeal]", new() { HasTextString = run });
        await supCard.First.WaitForAsync();
        await BrowserApp.ScreenshotAsync(supervisor, "pts-09-supervisor-inbox");
        await supCard.First.Locator("a[id^=decide-]").ClickAsync();
        await supervisor.WaitForSelectorAsync("#decide-form");
        await supervisor.CheckAsync("#outcome-upheld");
        await supervisor.FillAsync("#decide-note", "经核实，培训签到为邻户，予以冲正。");
        await BrowserApp.ScreenshotAsync(supervisor, "pts-10-supervisor-decides");
        await supervisor.ClickAsync("#submit-decision");
        await supervisor.WaitForURLAsync("**done=upheld*");

        await phone.GotoAsync("/resident/points");
        (await phone.Locator("#balance").InnerTextAsync()).Trim().ShouldBe((balance - 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await BrowserApp.ScreenshotAsync(phone, "pts-11-resident-reversed-phone");

        // 6. The public ranking (phone): masked names only, no house numbers, no phones.
        var visitor = await app.NewPageAsync(phone: true);
        await visitor.GotoAsync($"/public/points/{communityId}");
        await visitor.WaitForSelectorAsync("#public-ranking");
        var html = await visitor.ContentAsync();
        html.ShouldNotContain(headName);
        html.ShouldNotContain("1390000");
        html.ShouldNotContain("1380000");
        await BrowserApp.ScreenshotAsync(visitor, "pts-12-public-ranking-phone");

        // 7. Figures: awards by item for the village.
        await secretary.GotoAsync($"/service-areas/points/stats?community={communityId}");
        await secretary.WaitForSelectorAsync($"#by-rule-table tr[data-rule=J{run}]");
        await BrowserApp.ScreenshotAsync(secretary, "pts-13-figures");

        // 8. The secretary opens the residents' evaluation of the two members; the resident answers on the phone, once.
        await secretary.GotoAsync($"/service-areas/evaluations?community={communityId}");
        await secretary.SelectOptionAsync("#round-kind", "Members");
        await secretary.FillAsync("#round-period", $"2026年测评{run}");
        await secretary.ClickAsync("#open-round");
        await secretary.WaitForURLAsync("**/service-areas/evaluations/*");
        var roundUrl = secretary.Url;
        await phone.GotoAsync("/resident/evaluations");
        await phone.WaitForSelectorAsync("#respond-form");
        await phone.CheckAsync("#rating-Dissatisfied");
        await phone.ClickAsync("#submit-response");
        await phone.WaitForSelectorAsync(".field-error[data-field=Comment]");
        (await phone.IsCheckedAsync("#rating-Dissatisfied")).ShouldBeTrue();
        await phone.CheckAsync("#rating-Satisfied");
        await phone.FillAsync("#respond-comment", "组织员常来走访，有事找得到人。");
        await BrowserApp.ScreenshotAsync(phone, "pts-14-resident-evaluates-phone");
        await phone.ClickAsync("#submit-response");
        await phone.WaitForURLAsync("**/resident/evaluations?done=responded");
        (await phone.Locator("#respond-form").CountAsync()).ShouldBe(0);
        await BrowserApp.ScreenshotAsync(phone, "pts-15-resident-evaluated-phone");

        await secretary.GotoAsync(roundUrl);
        await secretary.WaitForSelectorAsync("#member-results");
        (await secretary.Locator("#member-results tbody").InnerTextAsync()).ShouldContain("100.0%");
        await secretary.ClickAsync("#close-round");
        await secretary.WaitForURLAsync("**done=round_closed*");
        await BrowserApp.ScreenshotAsync(secretary, "pts-16-evaluation-results");
    }

    private async Task<IPage> SignedInAsync(string user, string returnUrl)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#user-name", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync($"**{returnUrl}");
        return page;
    }

    /// <summary>Test set-up, not part of the journey: a resident account for the head of a household of the village's first group that has none.</summary>
    private async Task<(Guid Community, Guid Household, string HouseNumber, string HeadName, string UserName)> ResidentOfGroupOneAsync(string village)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
        var community = await db.Areas.IgnoreQueryFilters().SingleAsync(a => a.Name == village && a.Level == AreaLevel.Community);
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(community.DistrictId, "test");
        var group = await db.Areas.SingleAsync(a => a.ParentId == community.Id && a.Name == "第一村民组");
        var linked = await db.Users.Where(u => u.ResidentId != null).Select(u => u.ResidentId).ToListAsync();
        var head = await db.Residents.Where(r => r.IsHead && !linked.Contains(r.Id))
            .Join(db.Households.Where(h => h.AreaId == group.Id), r => r.HouseholdId, h => h.Id, (r, h) => new { r.Id, r.Name, h.HouseNumber, HouseholdId = h.Id })
            .OrderBy(x => x.HouseNumber).Skip(3).FirstAsync();
        var userName = $"pts{Guid.NewGuid():N}"[..16];
        var user = new YishiUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = head.Name,
            DistrictId = community.DistrictId,
            Kind = AccountKind.Resident,
            ResidentId = head.Id,
            CreatedAt = DateTime.UtcNow,
        };
        (await scope.ServiceProvider.GetRequiredService<UserManager<YishiUser>>().CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        db.RoleAssignments.Add(new RoleAssignment(community.DistrictId, user.Id, Role.Resident, group.Id, group.Path, DateTime.UtcNow, null));
        // The group must be in a service area for the residents' evaluation (the demo's own service areas may already cover it).
        if (!await db.Set<ServiceAreaGroup>().AnyAsync(g => g.AreaId == group.Id))
        {
            var area = new ServiceArea(community.DistrictId, community.Id, community.Path, $"第一服务区{userName[^4..]}", null, DateTime.UtcNow);
            db.Add(area);
            db.Add(new ServiceAreaGroup(community.DistrictId, area.Id, group.Id, group.Path));
        }
        await db.SaveChangesAsync();
        return (community.Id, head.HouseholdId, head.HouseNumber, head.Name, userName);
    }
}
