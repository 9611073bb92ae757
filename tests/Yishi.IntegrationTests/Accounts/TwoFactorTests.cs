using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Accounts;

/// <summary>
/// TOTP two-factor. Codes are computed here with an independent RFC 6238 implementation (<see cref="Totp"/>)
/// at the app's clock: the app verifies codes against its injected TimeProvider (the test clock), not the
/// wall clock, so the tests are deterministic.
/// </summary>
public abstract class TwoFactorTests(YishiApp app)
{
    private static readonly string[] GridWorkerOnly = ["GridWorker"];
    private static readonly string[] WorkerAndSecretary = ["GridWorker", "CommunitySecretary"];

    [Fact]
    public void The_test_code_generator_matches_the_rfc_6238_test_vectors()
    {
        var secret = "12345678901234567890"u8.ToArray();
        Totp.Code(secret, 59 / 30, 8).ShouldBe("94287082");
        Totp.Code(secret, 1111111109 / 30, 8).ShouldBe("07081804");
        Totp.Code(secret, 1234567890 / 30, 8).ShouldBe("89005924");
        Totp.Code(secret, 20000000000 / 30, 8).ShouldBe("65353130");
        Totp.Base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").ShouldBe(secret);
    }

    [Fact]
    public async Task A_required_role_must_enrol_before_using_the_api_and_then_signs_in_with_a_code()
    {
        var d = await TestDistrict.CreateAsync(app);
        var worker = await d.UserAsync(Role.GridWorker, "S1/C1");
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var set = await (await admin.PutJson("/api/v1/security/two-factor-roles", new { roles = WorkerAndSecretary })).ShouldBe(HttpStatusCode.OK);
        set.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["CommunitySecretary", "GridWorker"], ignoreOrder: true);

        // Password sign-in still works, but everything except the account endpoints answers 403 until enrolment.
        var client = app.Anonymous();
        (await (await client.PostJson("/api/v1/auth/sign-in", new { userName = worker.UserName, password = TestDistrict.Password })).ShouldBe(HttpStatusCode.OK))
            .GetProperty("outcome").GetString().ShouldBe("signed_in");
        var blocked = await (await client.GetAsync("/api/v1/areas")).ShouldBe(HttpStatusCode.Forbidden);
        blocked.Code().ShouldBe("two_factor_setup_required");

        // Reading the state changes nothing: no key yet, no audit row.
        var initial = await (await client.GetAsync("/api/v1/auth/two-factor")).ShouldBe(HttpStatusCode.OK);
        initial.GetProperty("sharedKey").ValueKind.ShouldBe(JsonValueKind.Null);
        initial.GetProperty("authenticatorUri").ValueKind.ShouldBe(JsonValueKind.Null);
        (await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.CountAsync(a => a.EntityId == worker.Id && a.Action == "account.totp_key_created"))).ShouldBe(0);
        var status = await (await client.PostJson("/api/v1/auth/two-factor/key", new { })).ShouldBe(HttpStatusCode.OK);
        status.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        status.GetProperty("required").GetBoolean().ShouldBeTrue();
        var key = status.GetProperty("sharedKey").GetString()!;
        key.Split(' ').ShouldAllBe(group => group.Length <= 4);
        var uri = status.GetProperty("authenticatorUri").GetString()!;
        uri.ShouldStartWith($"otpauth://totp/{Uri.EscapeDataString("议事")}:{worker.UserName}?secret={key.Replace(" ", "", StringComparison.Ordinal)}&issuer={Uri.EscapeDataString("议事")}&digits=6");
        // Asking again shows the same key (it is made once).
        (await (await client.GetAsync("/api/v1/auth/two-factor")).ShouldBe(HttpStatusCode.OK)).GetProperty("sharedKey").GetString().ShouldBe(key);
        (await (await client.PostJson("/api/v1/auth/two-factor/key", new { })).ShouldBe(HttpStatusCode.OK)).GetProperty("sharedKey").GetString().ShouldBe(key);
        var keyEntries = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries
            .Where(a => a.EntityId == worker.Id && a.Action == "account.totp_key_created").ToListAsync());
        keyEntries.Count.ShouldBe(1);
        // The key itself never reaches the audit trail.
        keyEntries.ShouldAllBe(a => a.From == null && a.To == null && a.Note == null);

        var now = app.Clock.GetUtcNow();
        var wrong = await (await client.PostJson("/api/v1/auth/two-factor/enable", new { code = Totp.Code(key, now.AddMinutes(-5)) })).ShouldBe(HttpStatusCode.BadRequest);
        wrong.GetProperty("errors").GetProperty("Code")[0].GetString()!.ShouldContain("验证码不正确");
        await (await client.GetAsync("/api/v1/areas")).ShouldBe(HttpStatusCode.Forbidden);

        var enabled = await (await client.PostJson("/api/v1/auth/two-factor/enable", new { code = Totp.Code(key, now) })).ShouldBe(HttpStatusCode.OK);
        enabled.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        enabled.GetProperty("sharedKey").ValueKind.ShouldBe(JsonValueKind.Null);
        // The refreshed cookie no longer carries the "must enrol" marker.
        await (await client.GetAsync("/api/v1/areas")).ShouldBe(HttpStatusCode.OK);
        (await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.CountAsync(a => a.EntityId == worker.Id && a.Action == "account.totp_enabled"))).ShouldBe(1);

        // Signing in again takes the password and then the code.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var next = app.Anonymous();
        (await (await next.PostJson("/api/v1/auth/sign-in", new { userName = worker.UserName, password = TestDistrict.Password })).ShouldBe(HttpStatusCode.OK))
            .GetProperty("outcome").GetString().ShouldBe("totp_required");
        (await next.GetAsync("/api/v1/areas")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var bad = await (await next.PostJson("/api/v1/auth/sign-in/totp", new { code = Totp.Code(key, app.Clock.GetUtcNow().AddMinutes(-3)) })).ShouldBe(HttpStatusCode.Unauthorized);
        bad.Code().ShouldBe("sign_in_failed");
        (await next.GetAsync("/api/v1/areas")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var code = Totp.Code(key, app.Clock.GetUtcNow());
        (await (await next.PostJson("/api/v1/auth/sign-in/totp", new { code })).ShouldBe(HttpStatusCode.OK)).GetProperty("outcome").GetString().ShouldBe("signed_in");
        await (await next.GetAsync("/api/v1/areas")).ShouldBe(HttpStatusCode.OK);

        // A code is good once: replaying it in another sign-in is refused.
        var replay = app.Anonymous();
        (await (await replay.PostJson("/api/v1/auth/sign-in", new { userName = worker.UserName, password = TestDistrict.Password })).ShouldBe(HttpStatusCode.OK))
            .GetProperty("outcome").GetString().ShouldBe("totp_required");
        await (await replay.PostJson("/api/v1/auth/sign-in/totp", new { code })).ShouldBe(HttpStatusCode.Unauthorized);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await (await replay.PostJson("/api/v1/auth/sign-in/totp", new { code = Totp.Code(key, app.Clock.GetUtcNow()) })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Two_factor_can_be_switched_off_only_when_no_requirement_applies()
    {
        var d = await TestDistrict.CreateAsync(app);
        var worker = await d.UserAsync(Role.GridWorker, "S1/C1");
        var client = await app.SignInAsync(worker.UserName!, TestDistrict.Password);
        var key = (await (await client.PostJson("/api/v1/auth/two-factor/key", new { })).ShouldBe(HttpStatusCode.OK)).GetProperty("sharedKey").GetString()!;
        await (await client.PostJson("/api/v1/auth/two-factor/enable", new { code = Totp.Code(key, app.Clock.GetUtcNow()) })).ShouldBe(HttpStatusCode.OK);
        (await (await client.PostJson("/api/v1/auth/two-factor/enable", new { code = "123456" })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("two_factor.already_enabled");
        (await (await client.PostJson("/api/v1/auth/two-factor/key", new { })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("two_factor.already_enabled");

        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        await (await admin.PutJson("/api/v1/security/two-factor-roles", new { roles = GridWorkerOnly })).ShouldBe(HttpStatusCode.OK);
        (await (await client.PostJson("/api/v1/auth/two-factor/disable", new { })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("two_factor.required");

        await (await admin.PutJson("/api/v1/security/two-factor-roles", new { roles = Array.Empty<string>() })).ShouldBe(HttpStatusCode.OK);
        await (await client.PostJson("/api/v1/auth/two-factor/disable", new { })).ShouldBe(HttpStatusCode.NoContent);
        var after = await (await client.GetAsync("/api/v1/auth/two-factor")).ShouldBe(HttpStatusCode.OK);
        after.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        after.GetProperty("sharedKey").GetString().ShouldNotBe(key);
        (await (await app.Anonymous().PostJson("/api/v1/auth/sign-in", new { userName = worker.UserName, password = TestDistrict.Password })).ShouldBe(HttpStatusCode.OK))
            .GetProperty("outcome").GetString().ShouldBe("signed_in");

        var actions = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries
            .Where(a => a.Action == "security.two_factor_roles_changed").OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => a.From + ">" + a.To).ToListAsync());
        actions.ShouldBe([">GridWorker", "GridWorker>"]);
    }

    [Fact]
    public async Task The_two_factor_policy_is_set_only_by_security_admins_of_the_whole_district()
    {
        var d = await TestDistrict.CreateAsync(app);
        var body = new { roles = GridWorkerOnly };
        await (await (await d.ClientAsync(Role.CommunitySecretary, "S1/C1")).PutJson("/api/v1/security/two-factor-roles", body)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await d.ClientAsync(Role.DistrictAdmin, "S1")).PutJson("/api/v1/security/two-factor-roles", body)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await d.ClientAsync(Role.Auditor, "D")).PutJson("/api/v1/security/two-factor-roles", body)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous().PutJson("/api/v1/security/two-factor-roles", body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await (await d.ClientAsync(Role.SystemAdmin, "D")).PutJson("/api/v1/security/two-factor-roles", body)).ShouldBe(HttpStatusCode.OK);
        (await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().TwoFactorRequirements.Select(r => r.Role).ToListAsync())).ShouldBe([Role.GridWorker]);
        // Another district's policy is its own.
        var other = await TestDistrict.CreateAsync(app);
        var otherAdmin = await other.ClientAsync(Role.DistrictAdmin, "D");
        (await (await otherAdmin.GetAsync("/api/v1/security/two-factor-roles")).ShouldBe(HttpStatusCode.OK)).GetProperty("roles").GetArrayLength().ShouldBe(0);
        await (await otherAdmin.PutJson("/api/v1/security/two-factor-roles", new { roles = (string[]?)null })).ShouldBe(HttpStatusCode.BadRequest);
    }
}

public sealed class TwoFactorTests_Sqlite(SqliteApp app) : TwoFactorTests(app), IClassFixture<SqliteApp>;

public sealed class TwoFactorTests_Postgres(PostgresApp app) : TwoFactorTests(app), IClassFixture<PostgresApp>;
