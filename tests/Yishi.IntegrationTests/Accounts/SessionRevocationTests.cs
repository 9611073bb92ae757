using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Accounts;

/// <summary>
/// Sessions end everywhere (a copied cookie too) within a minute of sign-out, deactivation, a password reset
/// or a role change; cookie-authenticated API writes from another site are refused.
/// </summary>
public abstract class SessionRevocationTests(YishiApp app)
{
    private const string NewPassword = "Changed@2026y";

    [Theory]
    [InlineData("sign-out")]
    [InlineData("deactivate")]
    [InlineData("password-reset")]
    [InlineData("role-revoke")]
    [InlineData("role-grant")]
    public async Task A_copied_cookie_stops_working_within_a_minute(string change)
    {
        var d = await TestDistrict.CreateAsync(app);
        var target = await d.UserAsync(Role.GridWorker, "S1/C1");
        var bystander = await d.UserAsync(Role.GridWorker, "S1/C1");
        var copied = await CookieAsync(target.UserName!);
        var other = await CookieAsync(bystander.UserName!);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "S1");
        (await GetAsync(copied, "/api/v1/areas")).StatusCode.ShouldBe(HttpStatusCode.OK);

        switch (change)
        {
            case "sign-out":
                // Signed out on one device; the cookie copied to another must stop working too.
                (await SendAsync(copied, HttpMethod.Post, "/api/v1/auth/sign-out")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                break;
            case "deactivate":
                await (await admin.PostJson($"/api/v1/accounts/{target.Id}/deactivate", new { })).ShouldBe(HttpStatusCode.OK);
                break;
            case "password-reset":
                await (await admin.PostJson($"/api/v1/accounts/{target.Id}/password", new { newPassword = NewPassword })).ShouldBe(HttpStatusCode.NoContent);
                break;
            case "role-revoke":
                var assignment = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().RoleAssignments.Where(r => r.UserId == target.Id).Select(r => r.Id).SingleAsync());
                await (await admin.PostJson($"/api/v1/accounts/{target.Id}/roles/{assignment}/revoke", new { })).ShouldBe(HttpStatusCode.OK);
                break;
            default:
                await (await admin.PostJson($"/api/v1/accounts/{target.Id}/roles", new { role = "CommitteeMember", areaId = d["S1/C1"].Id })).ShouldBe(HttpStatusCode.Created);
                break;
        }

        app.Clock.Advance(AccountsSetup.SessionValidationInterval + TimeSpan.FromSeconds(1));
        (await GetAsync(copied, "/api/v1/areas")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // Somebody else's session is untouched by the same passage of time.
        (await GetAsync(other, "/api/v1/areas")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The page redirects a dead session to sign-in.
        var page = await GetAsync(copied, "/workbench");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/account/sign-in");
    }

    [Fact]
    public async Task A_cookie_api_write_from_a_foreign_origin_is_refused_and_a_same_origin_one_accepted()
    {
        var d = await TestDistrict.CreateAsync(app);
        var target = await d.UserAsync(Role.GridWorker, "S1/C1");
        var admin = await CookieAsync((await d.UserAsync(Role.DistrictAdmin, "S1")).UserName!);
        var url = $"/api/v1/accounts/{target.Id}/deactivate";

        foreach (var (header, value) in new[] { ("Origin", "https://evil.example"), ("Origin", "null"), ("Origin", "http://localhost:8080"), ("Referer", "https://evil.example/page") })
        {
            var refused = await SendAsync(admin, HttpMethod.Post, url, new { }, (header, value));
            (await refused.ShouldBe(HttpStatusCode.Forbidden)).Code().ShouldBe("cross_site_refused");
        }
        var localised = await SendAsync(admin, HttpMethod.Post, url, new { }, ("Origin", "https://evil.example"), ("Accept-Language", "en"));
        (await localised.ShouldBe(HttpStatusCode.Forbidden)).GetProperty("title").GetString().ShouldBe("Request origin not allowed");
        var stillActive = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Users.IgnoreQueryFilters().Where(u => u.Id == target.Id).Select(u => u.DeactivatedAt).SingleAsync());
        stillActive.ShouldBeNull();

        // Reads are not affected; same-origin writes pass.
        (await SendAsync(admin, HttpMethod.Get, $"/api/v1/accounts/{target.Id}", null, ("Origin", "https://evil.example"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await SendAsync(admin, HttpMethod.Post, url, new { }, ("Origin", "http://localhost"))).ShouldBe(HttpStatusCode.OK);
        await (await SendAsync(admin, HttpMethod.Post, $"/api/v1/accounts/{target.Id}/reactivate", new { }, ("Referer", "http://localhost/admin/accounts"))).ShouldBe(HttpStatusCode.OK);
        // A non-browser client sends neither header: allowed (documented in docs/operations.md).
        await (await SendAsync(admin, HttpMethod.Post, url, new { })).ShouldBe(HttpStatusCode.OK);
        // Anonymous calls carry no cookie to abuse: a foreign origin may still try to sign in.
        await (await SendAsync(null, HttpMethod.Post, "/api/v1/auth/sign-in", new { userName = "nobody", password = "x" }, ("Origin", "https://evil.example")))
            .ShouldBe(HttpStatusCode.Unauthorized);
    }

    private HttpClient Raw() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Signs in and returns the auth cookie as a browser would send it, to replay from "another device".</summary>
    private async Task<string> CookieAsync(string userName)
    {
        var response = await Raw().PostAsJsonAsync("/api/v1/auth/sign-in", new { userName, password = TestDistrict.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("yishi.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private Task<HttpResponseMessage> GetAsync(string cookie, string url) => SendAsync(cookie, HttpMethod.Get, url);

    private async Task<HttpResponseMessage> SendAsync(string? cookie, HttpMethod method, string url, object? body = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await Raw().SendAsync(request);
    }
}

public sealed class SessionRevocationTests_Sqlite(SqliteApp app) : SessionRevocationTests(app), IClassFixture<SqliteApp>;

public sealed class SessionRevocationTests_Postgres(PostgresApp app) : SessionRevocationTests(app), IClassFixture<PostgresApp>;
