using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Accounts.Identity;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;

namespace Yishi.IntegrationTests.Accounts;

/// <summary>Registration proves the phone with a texted code; households are linked only by that proof or an officer's confirmation; nothing reveals an account.</summary>
public abstract class ResidentIdentityTests(YishiApp app)
{
    private const string Password = Registrant.Password;
    private static int _phones;

    private static string NewPhone() => $"136{Interlocked.Increment(ref _phones):D8}";

    private static object Body(string phone, Guid areaId, string? code, string name = "吴芳", string? houseNumber = null)
        => new { phone, displayName = name, password = Password, confirmPassword = Password, areaId, code, houseNumber };

    private Task<bool> AccountExistsAsync(string phone)
        => app.InScopeAsync(null, sp => sp.GetRequiredService<YishiDbContext>().Users.AnyAsync(u => u.UserName == phone));

    private static string Other(string code) => code == "000000" ? "111111" : "000000";

    [Fact]
    public async Task A_registrant_without_the_texted_code_cannot_register()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = NewPhone();
        var problem = await (await app.Anonymous().PostJson("/api/v1/auth/register", Body(phone, d["S1/C1"].Id, "123456"))).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("Code")[0].GetString().ShouldBe("验证码已失效，请重新获取。");
        (await AccountExistsAsync(phone)).ShouldBeFalse();

        // A code texted to ANOTHER phone does not prove this one.
        var other = NewPhone();
        var code = await app.CodeAsync(other, d["S1/C1"].Id);
        await (await app.Anonymous().PostJson("/api/v1/auth/register", Body(phone, d["S1/C1"].Id, code))).ShouldBe(HttpStatusCode.BadRequest);
        (await AccountExistsAsync(phone)).ShouldBeFalse();
    }

    [Fact]
    public async Task Five_wrong_codes_burn_it_so_even_the_right_one_is_refused_afterwards()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = NewPhone();
        var code = await app.CodeAsync(phone, d["S1/C1"].Id);
        for (var i = 1; i <= 4; i++)
        {
            var wrong = await (await app.Anonymous().PostJson("/api/v1/auth/register", Body(phone, d["S1/C1"].Id, Other(code)))).ShouldBe(HttpStatusCode.BadRequest);
            wrong.GetProperty("errors").GetProperty("Code")[0].GetString().ShouldBe("验证码不正确。");
        }
        var fifth = await (await app.Anonymous().PostJson("/api/v1/auth/register", Body(phone, d["S1/C1"].Id, Other(code)))).ShouldBe(HttpStatusCode.BadRequest);
        fifth.GetProperty("errors").GetProperty("Code")[0].GetString().ShouldBe("验证码已失效，请重新获取。");
        await (await app.Anonymous().PostJson("/api/v1/auth/register", Body(phone, d["S1/C1"].Id, code))).ShouldBe(HttpStatusCode.BadRequest);
        (await AccountExistsAsync(phone)).ShouldBeFalse();

        // Only a hash is stored, and the row shows it was burned.
        var row = await app.InScopeAsync(null, sp => sp.GetRequiredService<YishiDbContext>().Set<PhoneVerification>().IgnoreQueryFilters().SingleAsync(v => v.Phone == phone));
        (row.FailedAttempts, row.ClosedAt is not null).ShouldBe((5, true));
        row.CodeHash.ShouldNotContain(code);
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = NewPhone();
        var code = await app.CodeAsync(phone, d["S1/C1"].Id);
        app.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var problem = await (await app.Anonymous().PostJson("/api/v1/auth/register", Body(phone, d["S1/C1"].Id, code))).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("Code")[0].GetString().ShouldBe("验证码已失效，请重新获取。");
        (await AccountExistsAsync(phone)).ShouldBeFalse();
    }

    [Fact]
    public async Task Codes_are_sent_at_most_once_a_minute_and_five_times_a_day_per_phone_and_only_the_newest_works()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = NewPhone();
        var area = d["S1/C1"].Id;
        var first = await app.CodeAsync(phone, area);
        var again = await (await app.Anonymous().PostJson("/api/v1/auth/register/code", new { phone, areaId = area })).ShouldBe(HttpStatusCode.TooManyRequests);
        again.Code().ShouldBe("verification.too_soon");
        // Another phone is not held back.
        await app.CodeAsync(NewPhone(), area);
        string latest = first;
        for (var i = 2; i <= 5; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(61));
            latest = await app.CodeAsync(phone, area);
        }
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        (await (await app.Anonymous().PostJson("/api/v1/auth/register/code", new { phone, areaId = area })).ShouldBe(HttpStatusCode.TooManyRequests))
            .Code().ShouldBe("verification.daily_limit");
        (await app.TextsToAsync(phone)).Count.ShouldBe(5);

        if (first != latest)
            await (await app.Anonymous().PostJson("/api/v1/auth/register", Body(phone, area, first))).ShouldBe(HttpStatusCode.BadRequest);
        await (await app.Anonymous().PostJson("/api/v1/auth/register", Body(phone, area, latest))).ShouldBe(HttpStatusCode.Accepted);

        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.CodeAsync(phone, area);
    }

    [Fact]
    public async Task The_code_step_answers_the_same_for_a_phone_with_an_account_and_a_new_one()
    {
        var d = await TestDistrict.CreateAsync(app);
        var taken = NewPhone();
        await app.RegisteredAsync(taken, "郑一", d["S1/C1"].Id);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var a = await (await app.Anonymous().PostJson("/api/v1/auth/register/code", new { phone = taken, areaId = d["S1/C1"].Id })).ShouldBe(HttpStatusCode.Accepted);
        var b = await (await app.Anonymous().PostJson("/api/v1/auth/register/code", new { phone = NewPhone(), areaId = d["S1/C1"].Id })).ShouldBe(HttpStatusCode.Accepted);
        a.GetRawText().ShouldBe(b.GetRawText());
        var bad = await (await app.Anonymous().PostJson("/api/v1/auth/register/code", new { phone = "123", areaId = d["S1"].Id })).ShouldBe(HttpStatusCode.BadRequest);
        bad.GetProperty("errors").TryGetProperty("Phone", out _).ShouldBeTrue();
        bad.GetProperty("errors").TryGetProperty("AreaId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Without_a_roster_phone_the_account_sees_no_household_until_an_officer_in_scope_confirms_it()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = NewPhone();
        var (householdId, residentId) = await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var household = new Household(d.Id, d["S1/C1/G1"].Id, d["S1/C1/G1"].Path, "和平路8号", app.Clock.GetUtcNow().UtcDateTime);
            // On the roster with an old number: the registrant's phone proves nothing about this household.
            var r = new Resident(d.Id, household.Id, "吴芳", true, "13000000000");
            db.Households.Add(household);
            db.Residents.Add(r);
            await db.SaveChangesAsync();
            return (household.Id, r.Id);
        });
        var body = await app.RegisteredAsync(phone, "吴芳", d["S1/C1/G1"].Id, houseNumber: "和平路8号");
        body.TryGetProperty("linkedToRoster", out _).ShouldBeFalse();
        var resident = await app.SignInAsync(phone, Password);

        (await (await resident.GetAsync("/api/v1/my/points")).ShouldBe(HttpStatusCode.NotFound)).Code().ShouldBe("points.no_household");
        (await (await resident.GetAsync("/api/v1/my/evaluations")).ShouldBe(HttpStatusCode.NotFound)).Code().ShouldBe("points.no_household");
        // Their own requests they can still track.
        await (await resident.GetAsync("/api/v1/services/mine")).ShouldBe(HttpStatusCode.OK);

        var gridWorker = await d.ClientAsync(Role.GridWorker, "S1/C1/G1");
        var queue = await (await gridWorker.GetAsync("/api/v1/resident-links")).ShouldBe(HttpStatusCode.OK);
        var item = queue.GetProperty("items").EnumerateArray().Single();
        var requestId = item.GetProperty("id").GetGuid();
        item.GetProperty("displayName").GetString().ShouldBe("吴芳");
        item.GetProperty("phone").GetString().ShouldBe($"{phone[..3]}****{phone[^4..]}");
        item.GetProperty("houseNumber").GetString().ShouldBe("和平路8号");
        item.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("residentId").GetGuid()).ShouldBe([residentId]);
        var version = item.GetProperty("version").GetInt32();

        // Out of scope: another community's grid worker neither sees it nor may confirm it (404); a resident may not (403).
        var outside = await d.ClientAsync(Role.GridWorker, "S1/C2");
        (await (await outside.GetAsync("/api/v1/resident-links")).ShouldBe(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().ShouldBe(0);
        await (await outside.PostJson($"/api/v1/resident-links/{requestId}/confirm", new { residentId, version })).ShouldBe(HttpStatusCode.NotFound);
        await (await resident.PostJson($"/api/v1/resident-links/{requestId}/confirm", new { residentId, version })).ShouldBe(HttpStatusCode.Forbidden);
        await (await resident.GetAsync("/api/v1/resident-links")).ShouldBe(HttpStatusCode.Forbidden);
        await (await app.Anonymous().PostJson($"/api/v1/resident-links/{requestId}/confirm", new { residentId, version })).ShouldBe(HttpStatusCode.Unauthorized);
        var committee = await d.ClientAsync(Role.CommitteeMember, "S1/C1");
        await (await committee.PostJson($"/api/v1/resident-links/{requestId}/confirm", new { residentId, version })).ShouldBe(HttpStatusCode.Forbidden);
        (await (await resident.GetAsync("/api/v1/my/points")).ShouldBe(HttpStatusCode.NotFound)).Code().ShouldBe("points.no_household");

        // A resident of another community's roster cannot be chosen.
        var foreignResident = await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var h = new Household(d.Id, d["S1/C2/G1"].Id, d["S1/C2/G1"].Path, "远方路1号", app.Clock.GetUtcNow().UtcDateTime);
            var r = new Resident(d.Id, h.Id, "吴芳", true, null);
            db.Households.Add(h);
            db.Residents.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        (await (await gridWorker.PostJson($"/api/v1/resident-links/{requestId}/confirm", new { residentId = foreignResident, version })).ShouldBe(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("ResidentId", out _).ShouldBeTrue();

        var secretary = await d.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var confirmed = await (await secretary.PostJson($"/api/v1/resident-links/{requestId}/confirm", new { residentId, version })).ShouldBe(HttpStatusCode.OK);
        confirmed.GetProperty("status").GetString().ShouldBe("Confirmed");
        await (await resident.GetAsync("/api/v1/my/points")).ShouldBe(HttpStatusCode.OK);
        await (await resident.GetAsync("/api/v1/my/evaluations")).ShouldBe(HttpStatusCode.OK);
        (await (await gridWorker.GetAsync("/api/v1/resident-links")).ShouldBe(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await (await gridWorker.PostJson($"/api/v1/resident-links/{requestId}/refuse", new { version = version + 1 })).ShouldBe(HttpStatusCode.Conflict))
            .Code().ShouldBe("resident_link.decided");

        await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var user = await db.Users.SingleAsync(u => u.UserName == phone);
            user.ResidentId.ShouldBe(residentId);
            var actions = await db.AuditEntries.Where(a => a.EntityId == requestId || a.EntityId == user.Id).Select(a => a.Action).ToListAsync();
            actions.ShouldContain("resident_link.requested");
            actions.ShouldContain("resident_link.confirmed");
            actions.ShouldContain("account.linked_to_roster");
            var confirmedEntry = await db.AuditEntries.SingleAsync(a => a.EntityId == requestId && a.Action == "resident_link.confirmed");
            (confirmedEntry.ActorName + confirmedEntry.Note).ShouldNotContain(phone);
        });
        householdId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task An_officer_refuses_a_link_request_and_it_is_audited_and_the_account_stays_unlinked()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = NewPhone();
        await app.RegisteredAsync(phone, "冯六", d["S1/C1"].Id);
        var secretary = await d.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var item = (await (await secretary.GetAsync("/api/v1/resident-links")).ShouldBe(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Single();
        var id = item.GetProperty("id").GetGuid();
        // A grid worker of a group below does not see a request made for the whole community.
        var below = await d.ClientAsync(Role.GridWorker, "S1/C1/G1");
        await (await below.PostJson($"/api/v1/resident-links/{id}/refuse", new { version = 0 })).ShouldBe(HttpStatusCode.NotFound);
        await (await secretary.PostJson($"/api/v1/resident-links/{id}/refuse", new { version = 7 })).ShouldBe(HttpStatusCode.Conflict);
        var refused = await (await secretary.PostJson($"/api/v1/resident-links/{id}/refuse", new { reason = "查无此人", version = 0 })).ShouldBe(HttpStatusCode.OK);
        refused.GetProperty("status").GetString().ShouldBe("Refused");
        await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            (await db.Users.SingleAsync(u => u.UserName == phone)).ResidentId.ShouldBeNull();
            (await db.AuditEntries.CountAsync(a => a.EntityId == id && a.Action == "resident_link.refused")).ShouldBe(1);
        });
    }

    [Fact]
    public async Task Unknown_wrong_password_locked_and_deactivated_sign_ins_get_the_identical_answer()
    {
        var d = await TestDistrict.CreateAsync(app);
        var wrong = await d.UserAsync(Role.GridWorker, "S1/C1");
        var locked = await d.UserAsync(Role.GridWorker, "S1/C1");
        var gone = await d.UserAsync(Role.GridWorker, "S1/C1");
        await app.InScopeAsync(d.Id, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<YishiUser>>();
            var l = (await users.FindByIdAsync(locked.Id.ToString()))!;
            (await users.SetLockoutEndDateAsync(l, app.Clock.GetUtcNow().AddMinutes(30))).Succeeded.ShouldBeTrue();
            var g = (await users.FindByIdAsync(gone.Id.ToString()))!;
            g.DeactivatedAt = app.Clock.GetUtcNow().UtcDateTime;
            (await users.UpdateAsync(g)).Succeeded.ShouldBeTrue();
        });
        async Task<(HttpStatusCode, string)> SignIn(string userName, string password)
        {
            var response = await app.Anonymous().PostJson("/api/v1/auth/sign-in", new { userName, password });
            // Everything but the per-request trace id.
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, System.Text.RegularExpressions.Regex.Replace(text, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"…\""));
        }
        var unknown = await SignIn("nobody" + Guid.NewGuid().ToString("N")[..8], TestDistrict.Password);
        unknown.Item1.ShouldBe(HttpStatusCode.Unauthorized);
        unknown.Item2.ShouldContain("sign_in_failed");
        (await SignIn(wrong.UserName!, "Wrong#pass1")).ShouldBe(unknown);
        // The RIGHT password of a locked or a deactivated account gets the same answer.
        (await SignIn(locked.UserName!, TestDistrict.Password)).ShouldBe(unknown);
        (await SignIn(gone.UserName!, TestDistrict.Password)).ShouldBe(unknown);
        unknown.Item2.ShouldNotContain("锁定");
    }
}

public sealed class ResidentIdentityTests_Sqlite(SqliteApp app) : ResidentIdentityTests(app), IClassFixture<SqliteApp>;

public sealed class ResidentIdentityTests_Postgres(PostgresApp app) : ResidentIdentityTests(app), IClassFixture<PostgresApp>;
