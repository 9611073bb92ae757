using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Yishi.BrowserTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;

namespace Yishi.BrowserTests;

/// <summary>
/// "1+1" service areas through the pages: the district admin creates a service area and appoints its organiser and
/// supervisor, prints the poster; a resident opens the QR link on a phone and asks for a proxy service (代办); the
/// organiser assigns a volunteer; the volunteer does it; the resident rates it.
/// </summary>
public sealed class ServiceAreaJourney(BrowserApp app)
{
    private const string Password = "Yishi@2026";

    // A real 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Admin_sets_up_a_service_area_and_a_resident_gets_a_proxy_service_through_its_signboard()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var (community, residentUser, houseNumber) = await ResidentAsync();
        var organiser = await OfficialAsync($"sa-org-{run}", "欧阳振华", community);
        var supervisor = await OfficialAsync($"sa-sup-{run}", "钱德厚", community);
        var volunteer = await OfficialAsync($"sa-vol-{run}", "孙晓燕", community);
        var name = $"旅程{run}服务区";

        // 1. The district admin creates the service area; an empty name is refused by the field.
        var admin = await SignedInAsync("admin", $"/service-areas?community={community}");
        await admin.FillAsync("#area-duties", "代办医保社保、陪同就医、调解邻里纠纷");
        await admin.ClickAsync("#create-area");
        await admin.WaitForSelectorAsync("#create-form .field-error[data-field=Name]");
        (await admin.InputValueAsync("#area-duties")).ShouldBe("代办医保社保、陪同就医、调解邻里纠纷");
        await admin.FillAsync("#area-name", name);
        await admin.ClickAsync("#create-area");
        await admin.WaitForSelectorAsync("#done-message");
        (await admin.Locator("#area-title").InnerTextAsync()).ShouldBe(name);
        var areaUrl = new Uri(admin.Url).AbsolutePath;
        var areaId = areaUrl.Split('/')[^1];

        // 2. The two members, a volunteer and the resident's household.
        await admin.SelectOptionAsync("#appoint-kind", "Organiser");
        await admin.SelectOptionAsync("#appoint-user", organiser.ToString());
        await admin.ClickAsync("#appoint-submit");
        await admin.WaitForSelectorAsync("#done-message");
        await admin.SelectOptionAsync("#appoint-kind", "Supervisor");
        await admin.SelectOptionAsync("#appoint-user", supervisor.ToString());
        await admin.ClickAsync("#appoint-submit");
        await admin.WaitForSelectorAsync("#done-message");
        await admin.SelectOptionAsync("#member-user", volunteer.ToString());
        await admin.ClickAsync("#member-submit");
        await admin.WaitForSelectorAsync("#done-message");
        await admin.FillAsync("#household-number", houseNumber);
        await admin.ClickAsync("#household-submit");
        await admin.WaitForSelectorAsync("#done-message");
        (await admin.Locator("#current-organiser").InnerTextAsync()).ShouldBe("欧阳振华");
        (await admin.Locator("#current-supervisor").InnerTextAsync()).ShouldBe("钱德厚");
        (await admin.Locator("#fact-households").InnerTextAsync()).ShouldBe("1");
        await BrowserApp.ScreenshotAsync(admin, "sa-01-admin-area-detail");

        // 3. The poster with its QR code, as printed.
        await admin.GotoAsync($"{areaUrl}/poster");
        await admin.WaitForSelectorAsync("#poster-qr svg");
        (await admin.Locator("#poster-organiser").InnerTextAsync()).ShouldBe("欧**华");
        var publicUrl = (await admin.Locator("#poster-url").InnerTextAsync()).Trim();
        publicUrl.ShouldEndWith($"/s/{areaId}");
        await BrowserApp.ScreenshotAsync(admin, "sa-02-poster");
        await BrowserApp.PrintScreenshotAsync(admin, "sa-03-poster-print", "#poster-organiser", "#poster-qr svg");

        // 4. A resident scans the QR code on a phone: the public signboard, then sign in and ask for 代办.
        var phone = await app.NewPageAsync(phone: true);
        await phone.GotoAsync(new Uri(publicUrl).PathAndQuery);
        await phone.WaitForSelectorAsync("#signboard");
        var board = await phone.Locator("#signboard").InnerTextAsync();
        board.ShouldContain("欧**华");
        board.ShouldNotContain("欧阳振华");
        board.ShouldNotContain("孙晓燕");
        await BrowserApp.ScreenshotAsync(phone, "sa-04-phone-signboard");
        await phone.ClickAsync("#signboard-service");
        await phone.WaitForURLAsync("**/account/sign-in**");
        await phone.FillAsync("#user-name", residentUser);
        await phone.FillAsync("#password", Password);
        await phone.ClickAsync("#sign-in-submit");
        await phone.WaitForURLAsync($"**/s/{areaId}/request");
        (await phone.Locator("#request-not-here").CountAsync()).ShouldBe(0);
        await phone.ClickAsync("label[for=kind-ActOnBehalf]");
        await phone.ClickAsync("#request-submit");
        await phone.WaitForSelectorAsync("#request-form .field-error[data-field=Need]");
        (await phone.IsCheckedAsync("#kind-ActOnBehalf")).ShouldBeTrue();
        var need = $"帮我到镇便民服务中心代缴城乡居民医保，我腿脚不便（{run}）";
        await phone.FillAsync("#request-need", need);
        await BrowserApp.ScreenshotAsync(phone, "sa-05-phone-request");
        await phone.ClickAsync("#request-submit");
        await phone.WaitForURLAsync("**/service-areas/my-services?done=requested");
        var card = phone.Locator("[data-service]", new() { HasTextString = run });
        (await card.InnerTextAsync()).ShouldContain("待指派");
        await BrowserApp.ScreenshotAsync(phone, "sa-06-phone-my-services");

        // 5. The organiser assigns the volunteer.
        var org = await SignedInAsync($"sa-org-{run}", $"{areaUrl}/services");
        var orgCard = org.Locator("[data-service]", new() { HasTextString = run });
        await orgCard.Locator("select").SelectOptionAsync(await MemberIdAsync(areaId));
        await orgCard.Locator("button[type=submit]", new() { HasTextString = "指派" }).ClickAsync();
        await org.WaitForSelectorAsync("#done-message");
        (await org.Locator("[data-service]", new() { HasTextString = run }).InnerTextAsync()).ShouldContain("孙晓燕");
        await BrowserApp.ScreenshotAsync(org, "sa-07-organiser-assigned");

        // 6. The volunteer, notified, marks it done (on a phone too).
        var vol = await SignedInAsync($"sa-vol-{run}", $"{areaUrl}/services", phone: true);
        var volCard = vol.Locator("[data-service]", new() { HasTextString = run });
        await volCard.Locator("input[name='Complete.Note']").FillAsync("已代缴2027年度医保，缴费凭证已送到家中");
        await volCard.Locator("button", new() { HasTextString = "标记已办好" }).ClickAsync();
        await vol.WaitForSelectorAsync("#done-message");
        await BrowserApp.ScreenshotAsync(vol, "sa-08-volunteer-done");

        // 7. The resident rates it.
        await phone.GotoAsync("/service-areas/my-services");
        var mine = phone.Locator("[data-service]", new() { HasTextString = run });
        (await mine.InnerTextAsync()).ShouldContain("缴费凭证已送到家中");
        await mine.Locator("label", new() { HasTextString = "满意" }).First.ClickAsync();
        await mine.Locator("button", new() { HasTextString = "提交评价" }).ClickAsync();
        await phone.WaitForURLAsync("**/service-areas/my-services?done=rated");
        var rated = await phone.Locator("[data-service]", new() { HasTextString = run }).InnerTextAsync();
        rated.ShouldContain("已评价");
        rated.ShouldContain("满意");
        await BrowserApp.ScreenshotAsync(phone, "sa-09-phone-rated");

        // 8. The organiser records an activity with a photo; the volunteer logs a visit with a suggestion; the organiser answers it.
        await org.GotoAsync($"{areaUrl}/activities");
        await org.SelectOptionAsync("#activity-type", "VolunteerService");
        await org.FillAsync("#activity-title", $"帮留守老人清扫院坝（{run}）");
        await org.FillAsync("#activity-people", "6");
        await org.FillAsync("#activity-hours", "2.5");
        await org.SetInputFilesAsync("#activity-photos", new FilePayload { Name = "yard.png", MimeType = "image/png", Buffer = Png });
        await org.ClickAsync("#activity-submit");
        await org.WaitForSelectorAsync("#done-message");
        var activityRow = await org.Locator("#activities-table tbody tr", new() { HasTextString = run }).InnerTextAsync();
        activityRow.ShouldContain("志愿服务");
        activityRow.ShouldContain("2.5");
        (await org.Locator("#activities-table img").CountAsync()).ShouldBe(1);
        await BrowserApp.ScreenshotAsync(org, "sa-10-organiser-activities");

        await vol.GotoAsync($"{areaUrl}/visits");
        await vol.FillAsync("#visit-house", houseNumber);
        await vol.FillAsync("#visit-suggestions", $"希望村口装一盏路灯（{run}）");
        await vol.ClickAsync("#visit-submit");
        await vol.WaitForSelectorAsync("#done-message");
        await BrowserApp.ScreenshotAsync(vol, "sa-11-volunteer-visit");
        await org.GotoAsync($"{areaUrl}/visits");
        var suggestion = org.Locator("#open-suggestions li", new() { HasTextString = run });
        await suggestion.Locator("input[name='Answer.Text']").FillAsync("已报村委，本月内安装");
        await suggestion.Locator("button").ClickAsync();
        await org.WaitForSelectorAsync("#done-message");
        (await org.Locator("#open-suggestions li", new() { HasTextString = run }).CountAsync()).ShouldBe(0);
        await BrowserApp.ScreenshotAsync(org, "sa-12-organiser-answered");

        // The figures page counts it.
        await admin.GotoAsync("/service-areas/stats");
        await admin.WaitForSelectorAsync("#stats-table");
        (await admin.Locator("#stats-table").InnerTextAsync()).ShouldContain(name);
        await BrowserApp.ScreenshotAsync(admin, "sa-13-stats");
    }

    private async Task<IPage> SignedInAsync(string user, string returnUrl, bool phone = false)
    {
        var page = await app.NewPageAsync(phone);
        await page.GotoAsync($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#user-name", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync($"**{returnUrl}");
        return page;
    }

    /// <summary>Test set-up: the last demo resident account in a village, its community and house number.</summary>
    private async Task<(Guid Community, string UserName, string HouseNumber)> ResidentAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
        var rows = await (from u in db.Users.IgnoreQueryFilters()
                          join r in db.Residents.IgnoreQueryFilters() on u.ResidentId equals r.Id
                          join h in db.Households.IgnoreQueryFilters() on r.HouseholdId equals h.Id
                          join g in db.Areas.IgnoreQueryFilters() on h.AreaId equals g.Id
                          join c in db.Areas.IgnoreQueryFilters() on g.ParentId equals c.Id
                          where u.Kind == AccountKind.Resident && c.Name == "龙潭村"
                          select new { Community = c.Id, u.UserName, h.HouseNumber }).ToListAsync();
        var pick = rows.OrderBy(r => r.UserName, StringComparer.Ordinal).Last();
        return (pick.Community, pick.UserName!, pick.HouseNumber);
    }

    /// <summary>Test set-up: an official of the community (a volunteer role there), to be appointed on the pages.</summary>
    private async Task<Guid> OfficialAsync(string userName, string displayName, Guid communityId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
        var area = await db.Areas.IgnoreQueryFilters().SingleAsync(a => a.Id == communityId);
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(area.DistrictId, "test");
        var user = new YishiUser { Id = Guid.CreateVersion7(), UserName = userName, DisplayName = displayName, DistrictId = area.DistrictId, Kind = AccountKind.Official, CreatedAt = DateTime.UtcNow };
        (await scope.ServiceProvider.GetRequiredService<UserManager<YishiUser>>().CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        db.RoleAssignments.Add(new RoleAssignment(area.DistrictId, user.Id, Role.Volunteer, area.Id, area.Path, DateTime.UtcNow, null));
        await db.SaveChangesAsync();
        return user.Id;
    }

    private async Task<string> MemberIdAsync(string areaId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
        return (await db.Set<Yishi.ServiceAreas.Domain.TeamMember>().IgnoreQueryFilters().SingleAsync(m => m.ServiceAreaId == Guid.Parse(areaId))).Id.ToString();
    }
}
