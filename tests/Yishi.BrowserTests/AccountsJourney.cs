using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Yishi.BrowserTests.Infrastructure;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;

namespace Yishi.BrowserTests;

public sealed class AccountsJourney(BrowserApp app)
{
    private const string AdminPassword = "Yishi@2026";

    [Fact]
    public async Task Admin_creates_an_official_grants_a_community_role_and_the_official_sees_it_on_the_workbench()
    {
        var (community, group) = await AreasAsync("文华社区");
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var userName = $"刘春梅{suffix}";

        var page = await SignedInAsync("admin", AdminPassword);
        await page.GotoAsync("/admin/accounts");
        await page.WaitForSelectorAsync("#accounts-table");
        await BrowserApp.ScreenshotAsync(page, "accounts-01-list");

        await page.ClickAsync("#new-account");
        await page.WaitForURLAsync("**/admin/accounts/new");
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#display-name", "刘春梅");
        await page.FillAsync("#phone", "13800001111");
        await page.FillAsync("#password", "chunmei2026");
        await page.SelectOptionAsync("#role", "GridWorker");
        await page.SelectOptionAsync("#area", group.ToString());
        await page.ClickAsync("#create-submit");
        (await page.Locator(".field-error[data-field=Password]").InnerTextAsync()).ShouldContain("至少三类");
        (await page.InputValueAsync("#user-name")).ShouldBe(userName);
        (await page.InputValueAsync("#display-name")).ShouldBe("刘春梅");
        await BrowserApp.ScreenshotAsync(page, "accounts-02-create-password-refused");

        await page.FillAsync("#password", "Chunmei@2026");
        await page.ClickAsync("#create-submit");
        await page.WaitForURLAsync("**/admin/accounts/*?done=created");
        (await page.Locator("#account-name").InnerTextAsync()).ShouldBe("刘春梅");
        (await page.Locator("#active-roles").InnerTextAsync()).ShouldContain("网格员");

        await page.SelectOptionAsync("#grant-role", "CommitteeMember");
        await page.SelectOptionAsync("#grant-area", community.ToString());
        await page.ClickAsync("#grant-submit");
        await page.WaitForURLAsync("**done=granted");
        var roles = await page.Locator("#active-roles").InnerTextAsync();
        roles.ShouldContain("两委委员");
        roles.ShouldContain("文华社区");
        (await page.Locator("#account-facts").InnerTextAsync()).ShouldContain("138****1111");
        await BrowserApp.ScreenshotAsync(page, "accounts-03-details-granted");

        var official = await SignedInAsync(userName, "Chunmei@2026");
        var workbench = await official.Locator("#my-roles").InnerTextAsync();
        workbench.ShouldContain("两委委员");
        workbench.ShouldContain("文华社区");
        (await official.Locator("#current-user").InnerTextAsync()).ShouldBe("刘春梅");
        await BrowserApp.ScreenshotAsync(official, "accounts-04-official-workbench");
    }

    [Fact]
    public async Task A_resident_gets_a_texted_code_registers_on_a_phone_signs_in_and_lands_on_the_workbench()
    {
        var (community, _) = await AreasAsync("江城社区");
        var phone = $"137{Random.Shared.Next(10_000_000, 99_999_999)}";
        var page = await app.NewPageAsync(phone: true);
        await page.GotoAsync("/account/sign-in");
        await page.ClickAsync("#register-link");
        await page.WaitForURLAsync("**/account/register");
        await page.FillAsync("#phone", phone);
        await page.FillAsync("#display-name", "陈阿姨");
        await page.SelectOptionAsync("#area", community.ToString());
        await page.FillAsync("#house-number", "江城路5号");
        await page.FillAsync("#password", "Chen@2026a");
        await page.FillAsync("#confirm-password", "Chen@2026b");
        // "Get code" keeps everything typed.
        await page.ClickAsync("#send-code");
        await page.Locator("#code-sent").WaitForAsync();
        (await page.InputValueAsync("#phone")).ShouldBe(phone);
        (await page.InputValueAsync("#display-name")).ShouldBe("陈阿姨");
        (await page.InputValueAsync("#area")).ShouldBe(community.ToString());
        (await page.InputValueAsync("#house-number")).ShouldBe("江城路5号");
        (await page.InputValueAsync("#password")).ShouldBe("Chen@2026a");
        await BrowserApp.ScreenshotAsync(page, "accounts-05a-register-code-sent");
        await page.FillAsync("#code", await TextedCodeAsync(phone));

        await page.ClickAsync("#register-submit");
        (await page.Locator(".field-error[data-field=ConfirmPassword]").InnerTextAsync()).ShouldContain("不一致");
        (await page.InputValueAsync("#phone")).ShouldBe(phone);
        await BrowserApp.ScreenshotAsync(page, "accounts-05-register-phone-error");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

        await page.FillAsync("#password", "Chen@2026a");
        await page.FillAsync("#confirm-password", "Chen@2026a");
        await page.ClickAsync("#register-submit");
        await page.WaitForURLAsync("**/account/sign-in?registered=1");
        (await page.Locator("#registered-notice").InnerTextAsync()).ShouldContain("请用手机号和密码登录");
        await page.FillAsync("#user-name", phone);
        await page.FillAsync("#password", "Chen@2026a");
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync("**/workbench");
        var roles = await page.Locator("#my-roles").InnerTextAsync();
        roles.ShouldContain("居民");
        roles.ShouldContain("江城社区");
        await BrowserApp.ScreenshotAsync(page, "accounts-06-resident-workbench-phone");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
    }

    /// <summary>The newest code texted to <paramref name="phone"/>, read from the outbox as the phone would receive it.</summary>
    private async Task<string> TextedCodeAsync(string phone)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
        var body = await db.Set<Yishi.Platform.Notifications.OutboxMessage>().IgnoreQueryFilters()
            .Where(m => m.Recipient == phone).OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstAsync();
        return System.Text.RegularExpressions.Regex.Match(body, @"\d{6}").Value;
    }

    [Fact]
    public async Task When_two_factor_is_required_the_official_enrols_with_the_shown_key_and_is_let_through()
    {
        // A role no other journey signs in with: the policy is district-wide and the journeys share one app.
        var userName = $"wg{Guid.NewGuid().ToString("N")[..6]}";
        await OfficialAsync(userName, "孙志强", Role.WorkGroupMember, "文华社区");

        var admin = await SignedInAsync("admin", AdminPassword);
        await admin.GotoAsync("/admin/security");
        await admin.CheckAsync("#require-WorkGroupMember");
        await admin.ClickAsync("#security-save");
        await admin.WaitForURLAsync("**/admin/security?done=saved");
        (await admin.IsCheckedAsync("#require-WorkGroupMember")).ShouldBeTrue();
        await BrowserApp.ScreenshotAsync(admin, "accounts-07-security-policy");

        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#password", AdminPassword);
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync("**/account/two-factor");
        // Any other page sends them back here until they have enrolled.
        await page.GotoAsync("/workbench");
        await page.WaitForURLAsync("**/account/two-factor");
        // Opening the page makes no key; the person asks for one (a POST, audited).
        await page.ClickAsync("#totp-start");
        await page.WaitForSelectorAsync("#totp-qr svg");
        (await page.Locator("#totp-required").InnerTextAsync()).ShouldContain("要求启用两步验证");
        await BrowserApp.ScreenshotAsync(page, "accounts-08-two-factor-enrolment");

        var key = (await page.Locator("#totp-key").InnerTextAsync()).Trim();
        await page.FillAsync("#totp-code", Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(-10)));
        await page.ClickAsync("#totp-enable");
        (await page.Locator(".field-error[data-field=Code]").InnerTextAsync()).ShouldContain("验证码不正确");
        (await page.Locator("#totp-key").InnerTextAsync()).Trim().ShouldBe(key);

        await page.FillAsync("#totp-code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("#totp-enable");
        await page.WaitForURLAsync("**/workbench");
        (await page.Locator("#my-roles").InnerTextAsync()).ShouldContain("工作组成员");
        (await page.Locator("#two-factor-status").InnerTextAsync()).ShouldContain("已启用两步验证");
        await BrowserApp.ScreenshotAsync(page, "accounts-09-two-factor-let-through");
    }

    [Fact]
    public async Task Admin_unlocks_revokes_resets_and_deactivates_from_the_account_page()
    {
        var userName = $"网格员{Guid.NewGuid().ToString("N")[..4]}";
        var id = await OfficialAsync(userName, "何丽", Role.GridWorker, "桂园社区");
        var official = await app.NewPageAsync();
        await official.GotoAsync("/account/sign-in");
        for (var i = 0; i < 5; i++)
        {
            await official.FillAsync("#user-name", userName);
            await official.FillAsync("#password", "Wrong@pass1");
            await official.ClickAsync("#sign-in-submit");
            await official.WaitForSelectorAsync("#form-errors");
        }
        // A locked account answers like any failed sign-in (no account enumeration); the admin sees the lock.
        (await official.Locator("#form-errors").InnerTextAsync()).ShouldContain("用户名或密码不正确");

        var admin = await SignedInAsync("admin", AdminPassword);
        await admin.GotoAsync($"/admin/accounts/{id}");
        (await admin.Locator("#account-state").InnerTextAsync()).ShouldContain("已锁定");
        await admin.ClickAsync("#unlock");
        await admin.WaitForURLAsync("**done=unlocked");
        (await admin.Locator("#account-state").InnerTextAsync()).ShouldNotContain("已锁定");

        await admin.FillAsync("#new-password", "weakpass");
        await admin.ClickAsync("#reset-submit");
        (await admin.Locator(".field-error[data-field=NewPassword]").InnerTextAsync()).ShouldContain("至少三类");
        await admin.FillAsync("#new-password", "Heli@2026new");
        await admin.ClickAsync("#reset-submit");
        await admin.WaitForURLAsync("**done=password_reset");

        await admin.ClickAsync("#active-roles button[id^=revoke-]");
        await admin.WaitForURLAsync("**done=revoked");
        await admin.ClickAsync("#role-history summary");
        (await admin.Locator("#role-history").InnerTextAsync()).ShouldContain("网格员");
        await admin.ClickAsync("#deactivate");
        await admin.WaitForURLAsync("**done=deactivated");
        (await admin.Locator("#account-state").InnerTextAsync()).ShouldContain("已停用");
        await admin.ClickAsync("#role-history summary");
        await BrowserApp.ScreenshotAsync(admin, "accounts-10-details-history-deactivated");

        await official.FillAsync("#user-name", userName);
        await official.FillAsync("#password", "Heli@2026new");
        await official.ClickAsync("#sign-in-submit");
        (await official.Locator("#form-errors").InnerTextAsync()).ShouldContain("用户名或密码不正确");
    }

    [Fact]
    public async Task The_auditor_browses_the_audit_trail_and_changes_nothing()
    {
        var page = await SignedInAsync("auditor", AdminPassword);
        (await page.Locator("#shortcuts").InnerTextAsync()).ShouldContain("审计日志");
        await page.ClickAsync("#shortcuts a[data-shortcut='/audit']");
        await page.WaitForURLAsync("**/audit");
        await page.WaitForSelectorAsync("#audit-table");
        await BrowserApp.ScreenshotAsync(page, "accounts-11-audit-trail");
        await page.FillAsync("#filter-action", "account.");
        await page.ClickAsync("#audit-filter-submit");
        await page.WaitForURLAsync("**/audit?*action=account.*");
        (await page.Locator("#audit-table tbody").InnerTextAsync()).ShouldContain("account.signed_in");
        await page.GotoAsync("/admin/accounts");
        await page.WaitForURLAsync("**/account/denied");
    }

    private async Task<IPage> SignedInAsync(string userName, string password)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync("**/workbench");
        return page;
    }

    /// <summary>The demo community with that name and its first group.</summary>
    private async Task<(Guid Community, Guid Group)> AreasAsync(string communityName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
        var community = await db.Areas.IgnoreQueryFilters().SingleAsync(a => a.Name == communityName && a.Level == AreaLevel.Community);
        var group = await db.Areas.IgnoreQueryFilters().Where(a => a.ParentId == community.Id).OrderBy(a => a.Name).FirstAsync();
        return (community.Id, group.Id);
    }

    /// <summary>Test set-up, not part of the journey: an official holding a role in a demo area.</summary>
    private async Task<Guid> OfficialAsync(string userName, string displayName, Role role, string areaName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
        var area = await db.Areas.IgnoreQueryFilters().SingleAsync(a => a.Name == areaName);
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(area.DistrictId, "test");
        var user = new YishiUser { Id = Guid.CreateVersion7(), UserName = userName, DisplayName = displayName, DistrictId = area.DistrictId, Kind = AccountKind.Official, CreatedAt = DateTime.UtcNow };
        (await scope.ServiceProvider.GetRequiredService<UserManager<YishiUser>>().CreateAsync(user, AdminPassword)).Succeeded.ShouldBeTrue();
        db.RoleAssignments.Add(new RoleAssignment(area.DistrictId, user.Id, role, area.Id, area.Path, DateTime.UtcNow, null));
        await db.SaveChangesAsync();
        return user.Id;
    }
}
