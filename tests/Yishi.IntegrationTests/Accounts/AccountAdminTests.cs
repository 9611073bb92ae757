using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Accounts;

public abstract class AccountAdminTests(YishiApp app)
{
    private const string NewPassword = "Neu#2026pass";
    private static readonly string[] GridWorkerOnly = ["GridWorker"];

    [Fact]
    public async Task District_admin_creates_an_official_with_a_chinese_name_who_can_sign_in_and_the_audit_holds_no_personal_data()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var userName = $"李晓明{Guid.NewGuid().ToString("N")[..4]}";

        var created = await (await admin.PostJson("/api/v1/accounts", new
        {
            userName,
            displayName = "李晓明",
            phone = "139 1234 5678",
            password = "Xiao@ming2026",
            role = "GridWorker",
            areaId = d["S1/C1/G1"].Id,
        })).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        created.GetProperty("userName").GetString().ShouldBe(userName);
        created.GetProperty("displayName").GetString().ShouldBe("李晓明");
        created.GetProperty("phone").GetString().ShouldBe("139****5678");
        created.GetProperty("kind").GetString().ShouldBe("Official");
        var role = created.GetProperty("roles")[0];
        role.GetProperty("role").GetString().ShouldBe("GridWorker");
        role.GetProperty("areaTrail").GetString().ShouldBe("一街道 › 一社区 › 第一网格");

        var list = await (await admin.GetAsync($"/api/v1/accounts?q={Uri.EscapeDataString("晓明")}")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldBe([id]);

        var official = await app.SignInAsync(userName, "Xiao@ming2026");
        var tree = await (await official.GetAsync("/api/v1/areas")).ShouldBe(HttpStatusCode.OK);
        tree.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldBe([d["S1/C1/G1"].Id]);

        var entries = await AuditOfAsync(d, id);
        entries.Select(e => e.Action).ShouldBe(["account.created", "role.granted", "account.signed_in"], ignoreOrder: true);
        // The actor is named by user name (an account identifier); what changed is told with ids and roles only.
        foreach (var e in entries)
        {
            (e.From + e.To + e.Note + e.ActorName).ShouldNotContain("5678");
            (e.From + e.To + e.Note).ShouldNotContain("晓明");
        }
    }

    public enum Held { Own, Parent, Sibling, OtherDistrict, WrongRole, Auditor, Anonymous }

    public static TheoryData<string, Held> Matrix()
    {
        var data = new TheoryData<string, Held>();
        foreach (var action in new[] { "create", "grant", "revoke", "unlock", "reset-password" })
            foreach (var held in Enum.GetValues<Held>())
                data.Add(action, held);
        return data;
    }

    /// <summary>
    /// The target is a grid worker of community S1/C1 (or, for "create", a new account there). "Own" is a
    /// district admin held at S1/C1, "Parent" at S1, "Sibling" at S1/C2, "WrongRole" the community secretary of
    /// S1/C1, "Auditor" the district's auditor.
    /// </summary>
    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Account_changes_are_authorised_by_role_and_area_scope(string action, Held held)
    {
        var d = await TestDistrict.CreateAsync(app);
        var target = await d.UserAsync(Role.GridWorker, "S1/C1", "王小红");
        var assignmentId = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().RoleAssignments.Where(r => r.UserId == target.Id).Select(r => r.Id).SingleAsync());
        if (action == "unlock")
            await app.InScopeAsync(d.Id, async sp =>
            {
                var users = sp.GetRequiredService<UserManager<YishiUser>>();
                (await users.SetLockoutEndDateAsync((await users.FindByIdAsync(target.Id.ToString()))!, app.Clock.GetUtcNow().AddMinutes(30))).Succeeded.ShouldBeTrue();
            });
        var client = held switch
        {
            Held.Own => await d.ClientAsync(Role.DistrictAdmin, "S1/C1"),
            Held.Parent => await d.ClientAsync(Role.DistrictAdmin, "S1"),
            Held.Sibling => await d.ClientAsync(Role.DistrictAdmin, "S1/C2"),
            Held.OtherDistrict => await (await TestDistrict.CreateAsync(app)).ClientAsync(Role.DistrictAdmin, "D"),
            Held.WrongRole => await d.ClientAsync(Role.CommunitySecretary, "S1/C1"),
            Held.Auditor => await d.ClientAsync(Role.Auditor, "D"),
            _ => app.Anonymous(),
        };
        var auditBefore = await AuditCountAsync(d);

        var response = action switch
        {
            "create" => await client.PostJson("/api/v1/accounts", new { userName = $"new{Guid.NewGuid():N}"[..16], displayName = "新干部", password = NewPassword, role = "GridWorker", areaId = d["S1/C1"].Id }),
            "grant" => await client.PostJson($"/api/v1/accounts/{target.Id}/roles", new { role = "CommitteeMember", areaId = d["S1/C1"].Id }),
            "revoke" => await client.PostJson($"/api/v1/accounts/{target.Id}/roles/{assignmentId}/revoke", new { }),
            "unlock" => await client.PostJson($"/api/v1/accounts/{target.Id}/unlock", new { }),
            _ => await client.PostJson($"/api/v1/accounts/{target.Id}/password", new { newPassword = NewPassword }),
        };

        var expected = held switch
        {
            Held.Own or Held.Parent => action switch { "create" or "grant" => HttpStatusCode.Created, "reset-password" => HttpStatusCode.NoContent, _ => HttpStatusCode.OK },
            Held.Sibling or Held.OtherDistrict => HttpStatusCode.NotFound,
            Held.WrongRole or Held.Auditor => HttpStatusCode.Forbidden,
            _ => HttpStatusCode.Unauthorized,
        };
        await response.ShouldBe(expected);
        var succeeded = expected is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent;
        var auditAfter = await AuditCountAsync(d);
        if (succeeded) auditAfter.ShouldBeGreaterThan(auditBefore);
        else auditAfter.ShouldBe(auditBefore);

        // The change happened exactly when allowed, and a refusal saved nothing.
        var (roles, locked) = await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var users = sp.GetRequiredService<UserManager<YishiUser>>();
            var active = await db.RoleAssignments.Where(r => r.UserId == target.Id && r.RevokedAt == null).Select(r => r.Role).ToListAsync();
            return (active, await users.IsLockedOutAsync((await users.FindByIdAsync(target.Id.ToString()))!));
        });
        switch (action)
        {
            case "grant": roles.Count.ShouldBe(succeeded ? 2 : 1); break;
            case "revoke": roles.Count.ShouldBe(succeeded ? 0 : 1); break;
            case "unlock": locked.ShouldBe(!succeeded); break;
            case "reset-password":
                var signIn = await app.Anonymous().PostJson("/api/v1/auth/sign-in", new { userName = target.UserName, password = succeeded ? NewPassword : TestDistrict.Password });
                signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
                break;
        }
    }

    [Fact]
    public async Task District_admin_cannot_grant_admin_or_auditor_roles_but_a_system_admin_can()
    {
        var d = await TestDistrict.CreateAsync(app);
        var target = await d.UserAsync(Role.StreetOfficer, "S1");
        var districtAdmin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var systemAdmin = await d.ClientAsync(Role.SystemAdmin, "D");
        foreach (var role in new[] { "DistrictAdmin", "Auditor", "SystemAdmin" })
        {
            var refused = await (await districtAdmin.PostJson($"/api/v1/accounts/{target.Id}/roles", new { role, areaId = d["D"].Id })).ShouldBe(HttpStatusCode.Forbidden);
            refused.Code().ShouldBe("forbidden");
            await (await districtAdmin.PostJson("/api/v1/accounts", new { userName = $"x{Guid.NewGuid():N}"[..12], displayName = "某某", password = NewPassword, role, areaId = d["D"].Id }))
                .ShouldBe(HttpStatusCode.Forbidden);
            await (await systemAdmin.PostJson($"/api/v1/accounts/{target.Id}/roles", new { role, areaId = d["D"].Id })).ShouldBe(HttpStatusCode.Created);
        }
        // …and having made the street officer an auditor, the district admin can no longer take over that account.
        await (await districtAdmin.PostJson($"/api/v1/accounts/{target.Id}/password", new { newPassword = NewPassword })).ShouldBe(HttpStatusCode.Forbidden);
        await (await districtAdmin.PostJson($"/api/v1/accounts/{target.Id}/deactivate", new { })).ShouldBe(HttpStatusCode.Forbidden);
        await (await systemAdmin.PostJson($"/api/v1/accounts/{target.Id}/deactivate", new { })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Roles_are_not_granted_twice_nor_in_retired_or_foreign_areas_and_revoking_keeps_history()
    {
        var d = await TestDistrict.CreateAsync(app);
        var target = await d.UserAsync(Role.GridWorker, "S1/C1/G1");
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");

        var dup = await (await admin.PostJson($"/api/v1/accounts/{target.Id}/roles", new { role = "GridWorker", areaId = d["S1/C1/G1"].Id })).ShouldBe(HttpStatusCode.Conflict);
        dup.Code().ShouldBe("role.duplicate");
        dup.GetProperty("field").GetString().ShouldBe("Role");

        await (await admin.PostJson($"/api/v1/areas/{d["S1/C1/G2"].Id}/retire", new { version = 0 })).ShouldBe(HttpStatusCode.OK);
        var retired = await (await admin.PostJson($"/api/v1/accounts/{target.Id}/roles", new { role = "GridWorker", areaId = d["S1/C1/G2"].Id })).ShouldBe(HttpStatusCode.Conflict);
        retired.Code().ShouldBe("role.area_retired");
        var other = await TestDistrict.CreateAsync(app);
        await (await admin.PostJson($"/api/v1/accounts/{target.Id}/roles", new { role = "GridWorker", areaId = other["S1/C1"].Id })).ShouldBe(HttpStatusCode.NotFound);
        var missing = await (await admin.PostJson($"/api/v1/accounts/{target.Id}/roles", new { areaId = d["S1"].Id })).ShouldBe(HttpStatusCode.BadRequest);
        missing.GetProperty("errors").GetProperty("Role")[0].GetString().ShouldBe("此项为必填。");

        var details = await (await admin.GetAsync($"/api/v1/accounts/{target.Id}")).ShouldBe(HttpStatusCode.OK);
        var assignmentId = details.GetProperty("roles")[0].GetProperty("id").GetGuid();
        var revoked = await (await admin.PostJson($"/api/v1/accounts/{target.Id}/roles/{assignmentId}/revoke", new { })).ShouldBe(HttpStatusCode.OK);
        revoked.GetProperty("revokedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await (await admin.PostJson($"/api/v1/accounts/{target.Id}/roles/{assignmentId}/revoke", new { })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("role.already_revoked");
        await (await admin.PostJson($"/api/v1/accounts/{target.Id}/roles", new { role = "GridWorker", areaId = d["S1/C1/G1"].Id })).ShouldBe(HttpStatusCode.Created);

        details = await (await admin.GetAsync($"/api/v1/accounts/{target.Id}")).ShouldBe(HttpStatusCode.OK);
        var roles = details.GetProperty("roles").EnumerateArray().ToList();
        roles.Count.ShouldBe(2);
        roles.Count(r => r.GetProperty("revokedAt").ValueKind == JsonValueKind.Null).ShouldBe(1);
        (await AuditOfAsync(d, target.Id)).Select(e => e.Action).ShouldBe(["role.revoked", "role.granted"], ignoreOrder: true);
    }

    [Fact]
    public async Task Password_policy_refusals_are_localised_field_errors_and_nothing_is_saved()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var policy = "密码至少8位，且包含大写字母、小写字母、数字、符号中的至少三类。";
        foreach (var password in new[] { "Ab1#", "lowercase123", "UPPER-CASE-ONLY" })
        {
            var userName = $"p{Guid.NewGuid():N}"[..12];
            var problem = await (await admin.PostJson("/api/v1/accounts", new { userName, displayName = "张三", password, role = "GridWorker", areaId = d["S1/C1"].Id }))
                .ShouldBe(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").GetProperty("Password")[0].GetString().ShouldBe(policy);
            (await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<UserManager<YishiUser>>().FindByNameAsync(userName))).ShouldBeNull();
        }

        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { userName = "", displayName = new string('长', 41), phone = "12345", password = "short", role = "GridWorker", areaId = d["S1/C1"].Id }),
        };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var all = await (await admin.SendAsync(english)).ShouldBe(HttpStatusCode.BadRequest);
        var errors = all.GetProperty("errors");
        errors.GetProperty("UserName")[0].GetString().ShouldBe("This field is required.");
        errors.GetProperty("DisplayName").GetArrayLength().ShouldBe(1);
        errors.GetProperty("Phone").GetArrayLength().ShouldBe(1);
        errors.GetProperty("Password")[0].GetString()!.ShouldContain("at least 8");

        var target = await d.UserAsync(Role.GridWorker, "S1/C1");
        var reset = await (await admin.PostJson($"/api/v1/accounts/{target.Id}/password", new { newPassword = "abcdefgh" })).ShouldBe(HttpStatusCode.BadRequest);
        reset.GetProperty("errors").GetProperty("NewPassword")[0].GetString().ShouldBe(policy);
    }

    [Fact]
    public async Task Chinese_user_names_are_accepted_and_a_taken_name_is_a_conflict_on_the_field()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "S1");
        var userName = $"欧阳娜娜{Guid.NewGuid().ToString("N")[..4]}";
        var body = new { userName, displayName = "欧阳娜娜", password = NewPassword, role = "CommitteeMember", areaId = d["S1/C2"].Id };
        await (await admin.PostJson("/api/v1/accounts", body)).ShouldBe(HttpStatusCode.Created);
        var taken = await (await admin.PostJson("/api/v1/accounts", body with { displayName = "另一人" })).ShouldBe(HttpStatusCode.Conflict);
        taken.Code().ShouldBe("account.user_name_taken");
        taken.GetProperty("field").GetString().ShouldBe("UserName");
        taken.GetProperty("title").GetString().ShouldBe("该用户名已被使用。");

        var digits = await (await admin.PostJson("/api/v1/accounts", body with { userName = "13800138000" })).ShouldBe(HttpStatusCode.BadRequest);
        digits.GetProperty("errors").GetProperty("UserName").GetArrayLength().ShouldBe(1);
        (await app.SignInAsync(userName, NewPassword)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_an_admin_unlocks_it()
    {
        var d = await TestDistrict.CreateAsync(app);
        var target = await d.UserAsync(Role.GridWorker, "S1/C1");
        var client = app.Anonymous();
        for (var i = 1; i <= 4; i++)
            (await (await client.PostJson("/api/v1/auth/sign-in", new { userName = target.UserName, password = "Wrong#pass1" })).ShouldBe(HttpStatusCode.Unauthorized)).Code().ShouldBe("sign_in_failed");
        // The fifth failure locks the account (answered like any failure, so the answer never tells an account exists)…
        (await (await client.PostJson("/api/v1/auth/sign-in", new { userName = target.UserName, password = "Wrong#pass1" })).ShouldBe(HttpStatusCode.Unauthorized)).Code().ShouldBe("sign_in_failed");
        // …so the sixth attempt, with the RIGHT password, is refused too.
        var sixth = await (await client.PostJson("/api/v1/auth/sign-in", new { userName = target.UserName, password = TestDistrict.Password })).ShouldBe(HttpStatusCode.Unauthorized);
        sixth.Code().ShouldBe("sign_in_failed");
        (await AuditOfAsync(d, target.Id)).ShouldContain(e => e.Action == "account.locked_out");

        var admin = await d.ClientAsync(Role.DistrictAdmin, "S1");
        var list = await (await admin.GetAsync("/api/v1/accounts")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == target.Id).GetProperty("lockedOut").GetBoolean().ShouldBeTrue();
        var unlocked = await (await admin.PostJson($"/api/v1/accounts/{target.Id}/unlock", new { })).ShouldBe(HttpStatusCode.OK);
        unlocked.GetProperty("lockedOut").GetBoolean().ShouldBeFalse();
        (await (await client.PostJson("/api/v1/auth/sign-in", new { userName = target.UserName, password = TestDistrict.Password })).ShouldBe(HttpStatusCode.OK))
            .GetProperty("outcome").GetString().ShouldBe("signed_in");
        (await AuditOfAsync(d, target.Id)).Select(e => e.Action).ShouldContain("account.unlocked");
    }

    [Fact]
    public async Task A_lockout_ends_by_itself_after_thirty_minutes_of_the_apps_clock()
    {
        var d = await TestDistrict.CreateAsync(app);
        var target = await d.UserAsync(Role.GridWorker, "S1/C1");
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++) await client.PostJson("/api/v1/auth/sign-in", new { userName = target.UserName, password = "Wrong#pass1" });
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        await (await client.PostJson("/api/v1/auth/sign-in", new { userName = target.UserName, password = TestDistrict.Password })).ShouldBe(HttpStatusCode.Unauthorized);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await (await client.PostJson("/api/v1/auth/sign-in", new { userName = target.UserName, password = TestDistrict.Password })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_and_its_session_ends_until_it_is_reactivated()
    {
        var d = await TestDistrict.CreateAsync(app);
        var target = await d.UserAsync(Role.GridWorker, "S1/C1");
        var session = await app.SignInAsync(target.UserName!, TestDistrict.Password);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "S1/C1");

        var deactivated = await (await admin.PostJson($"/api/v1/accounts/{target.Id}/deactivate", new { })).ShouldBe(HttpStatusCode.OK);
        deactivated.GetProperty("deactivated").GetBoolean().ShouldBeTrue();
        (await (await admin.PostJson($"/api/v1/accounts/{target.Id}/deactivate", new { })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("account.already_deactivated");
        await (await app.Anonymous().PostJson("/api/v1/auth/sign-in", new { userName = target.UserName, password = TestDistrict.Password })).ShouldBe(HttpStatusCode.Unauthorized);
        // The open session ends at the next security-stamp check (at least once a minute).
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        (await session.GetAsync("/api/v1/areas")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        admin = await d.ClientAsync(Role.DistrictAdmin, "S1/C1");
        await (await admin.PostJson($"/api/v1/accounts/{target.Id}/reactivate", new { })).ShouldBe(HttpStatusCode.OK);
        await (await app.Anonymous().PostJson("/api/v1/auth/sign-in", new { userName = target.UserName, password = TestDistrict.Password })).ShouldBe(HttpStatusCode.OK);
        (await AuditOfAsync(d, target.Id)).Select(e => e.Action).ShouldContain("account.deactivated");
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_or_reset_their_own_account()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.UserAsync(Role.DistrictAdmin, "D");
        var client = await app.SignInAsync(admin.UserName!, TestDistrict.Password);
        (await (await client.PostJson($"/api/v1/accounts/{admin.Id}/deactivate", new { })).ShouldBe(HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("account.self");
        (await (await client.PostJson($"/api/v1/accounts/{admin.Id}/password", new { newPassword = NewPassword })).ShouldBe(HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("account.self");
    }

    [Fact]
    public async Task The_list_shows_only_accounts_in_scope_with_masked_phones_filters_and_pages()
    {
        var d = await TestDistrict.CreateAsync(app);
        var inC1 = new List<Guid>();
        for (var i = 0; i < 5; i++) inC1.Add((await d.UserAsync(i % 2 == 0 ? Role.GridWorker : Role.BlockChief, i < 3 ? "S1/C1/G1" : "S1/C1")).Id);
        var elsewhere = await d.UserAsync(Role.GridWorker, "S2/C3");
        var other = await TestDistrict.CreateAsync(app);
        await other.UserAsync(Role.GridWorker, "S1/C1");
        await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var first = await db.Users.SingleAsync(u => u.Id == inC1[0]);
            first.PhoneNumber = "13912345678";
            await db.SaveChangesAsync();
        });
        var admin = await d.UserAsync(Role.DistrictAdmin, "S1/C1");
        inC1.Add(admin.Id);
        var client = await app.SignInAsync(admin.UserName!, TestDistrict.Password);

        var seen = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/accounts?size=2{(cursor is null ? "" : $"&cursor={cursor}")}")).ShouldBe(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("next").GetString();
        } while (cursor is not null);
        seen.Select(a => a.GetProperty("id").GetGuid()).ShouldBe(inC1, ignoreOrder: true);
        seen.Select(a => a.GetProperty("userName").GetString()).ShouldBe(seen.Select(a => a.GetProperty("userName").GetString()).Order(StringComparer.OrdinalIgnoreCase));
        seen.Single(a => a.GetProperty("id").GetGuid() == inC1[0]).GetProperty("phone").GetString().ShouldBe("139****5678");
        JsonSerializer.Serialize(seen).ShouldNotContain("13912345678");

        var chiefs = await (await client.GetAsync("/api/v1/accounts?role=BlockChief")).ShouldBe(HttpStatusCode.OK);
        chiefs.GetProperty("items").GetArrayLength().ShouldBe(2);
        var inG1 = await (await client.GetAsync($"/api/v1/accounts?areaId={d["S1/C1/G1"].Id}")).ShouldBe(HttpStatusCode.OK);
        inG1.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldBe(inC1.Take(3), ignoreOrder: true);
        var workers = await (await client.GetAsync($"/api/v1/accounts?role=GridWorker&areaId={d["S1/C1/G1"].Id}")).ShouldBe(HttpStatusCode.OK);
        workers.GetProperty("items").GetArrayLength().ShouldBe(2);

        await (await client.GetAsync($"/api/v1/accounts/{elsewhere.Id}")).ShouldBe(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/accounts?areaId={d["S2/C3"].Id}")).ShouldBe(HttpStatusCode.NotFound);
        var secretary = await d.ClientAsync(Role.CommunitySecretary, "S1/C1");
        await (await secretary.GetAsync("/api/v1/accounts")).ShouldBe(HttpStatusCode.Forbidden);
        await (await secretary.GetAsync($"/api/v1/accounts/{inC1[0]}")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_auditor_changes_nothing_anywhere()
    {
        var d = await TestDistrict.CreateAsync(app);
        var auditor = await d.ClientAsync(Role.Auditor, "D");
        var target = await d.UserAsync(Role.GridWorker, "S1/C1");
        await (await auditor.PostJson("/api/v1/areas", new { parentId = d["S1"].Id, name = "审计员建的社区" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await auditor.PutJson($"/api/v1/areas/{d["S1/C1"].Id}/name", new { name = "改名", version = 0 })).ShouldBe(HttpStatusCode.Forbidden);
        await (await auditor.PostJson($"/api/v1/areas/{d["S1/C1/G2"].Id}/retire", new { version = 0 })).ShouldBe(HttpStatusCode.Forbidden);
        await (await auditor.PostJson("/api/v1/accounts", new { userName = "auditor-made", displayName = "某某", password = NewPassword, role = "GridWorker", areaId = d["S1/C1"].Id })).ShouldBe(HttpStatusCode.Forbidden);
        await (await auditor.PostJson($"/api/v1/accounts/{target.Id}/roles", new { role = "GridWorker", areaId = d["S1/C2"].Id })).ShouldBe(HttpStatusCode.Forbidden);
        await (await auditor.PostJson($"/api/v1/accounts/{target.Id}/deactivate", new { })).ShouldBe(HttpStatusCode.Forbidden);
        await (await auditor.PutJson("/api/v1/security/two-factor-roles", new { roles = GridWorkerOnly })).ShouldBe(HttpStatusCode.Forbidden);
        await (await auditor.GetAsync("/api/v1/accounts")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_sign_in_cookie_expires_after_thirty_idle_minutes_and_slides_with_use()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        options.ExpireTimeSpan.ShouldBe(TimeSpan.FromMinutes(30));
        options.SlidingExpiration.ShouldBeTrue();

        var d = await TestDistrict.CreateAsync(app);
        var active = await d.ClientAsync(Role.GridWorker, "S1/C1");
        var idle = await d.ClientAsync(Role.GridWorker, "S1/C1");
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await (await active.GetAsync("/api/v1/areas")).ShouldBe(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await (await active.GetAsync("/api/v1/areas")).ShouldBe(HttpStatusCode.OK);
        (await idle.GetAsync("/api/v1/areas")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private Task<int> AuditCountAsync(TestDistrict d)
        => app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.CountAsync());

    private Task<List<Yishi.Platform.Audit.AuditEntry>> AuditOfAsync(TestDistrict d, Guid entityId)
        => app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.AsNoTracking().Where(a => a.EntityId == entityId).ToListAsync());
}

public sealed class AccountAdminTests_Sqlite(SqliteApp app) : AccountAdminTests(app), IClassFixture<SqliteApp>;

public sealed class AccountAdminTests_Postgres(PostgresApp app) : AccountAdminTests(app), IClassFixture<PostgresApp>;
