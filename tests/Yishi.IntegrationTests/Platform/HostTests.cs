using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.IntegrationTests.Platform;

/// <summary>What the host promises every module: health, API description, headers, error shapes, localisation.</summary>
public abstract class HostTests(YishiApp app)
{
    [Fact]
    public async Task Healthz_reports_the_database_as_reachable()
    {
        var body = await (await app.Anonymous().GetAsync("/healthz")).ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task OpenAPI_document_describes_the_area_endpoints_and_swagger_ui_is_served()
    {
        var doc = await (await app.Anonymous().GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);
        doc.GetProperty("info").GetProperty("title").GetString().ShouldBe("Yishi API");
        var paths = doc.GetProperty("paths");
        paths.TryGetProperty("/api/v1/areas", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/areas/{id}/move", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/auth/sign-in", out _).ShouldBeTrue();
        var swagger = await app.Anonymous().GetAsync("/swagger/index.html");
        swagger.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_are_not_cached()
    {
        var response = await app.Anonymous().GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"zh-CN\"");
        html.ShouldContain("议事：让民情有回应");
        // Chinese is emitted as text, not as numeric entities (the encoder allows all Unicode ranges).
        System.Text.RegularExpressions.Regex.IsMatch(html, "&#x[4-9][0-9A-F]{3};").ShouldBeFalse();
    }

    [Fact]
    public async Task English_is_chosen_with_the_language_switch_and_kept_in_a_cookie()
    {
        var client = app.Anonymous();
        var switched = await client.GetAsync("/culture?c=en&r=%2F");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.ToString().ShouldBe("/");
        var html = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"en\"");
        html.ShouldContain("every demand answered");
        // An open redirect is refused.
        (await client.GetAsync("/culture?c=zh-CN&r=%2F%2Fevil.example")).Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task Unknown_api_routes_are_problem_details_and_unknown_pages_show_the_not_found_page()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var api = await admin.GetAsync("/api/v1/no-such-thing");
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var page = await app.Anonymous().GetAsync("/no-such-page");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
    }

    [Fact]
    public async Task Page_failures_show_an_html_page_with_the_right_status_never_json_or_a_500()
    {
        // A query value that does not parse is the link's mistake: 400 with the error page.
        var badQuery = await app.Anonymous().GetAsync("/admin/areas?retired=maybe");
        var anonymousRedirect = badQuery.StatusCode == HttpStatusCode.Redirect;
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        badQuery = await admin.GetAsync("/admin/areas?retired=maybe");
        badQuery.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        badQuery.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await badQuery.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"error-page\" data-status=\"400\"");
        html.ShouldContain("请求格式有误");
        anonymousRedirect.ShouldBeTrue();

        // A record outside the caller's scope thrown while rendering: the not-found text, as a page.
        var missing = await admin.GetAsync($"/demands/{Guid.NewGuid()}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await missing.Content.ReadAsStringAsync()).ShouldContain("未找到该记录");
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_from_pages_and_get_401_from_the_api()
    {
        var page = await app.Anonymous().GetAsync("/workbench");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/account/sign-in");
        (await app.Anonymous().GetAsync("/api/v1/areas")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_password_is_a_localised_401_and_is_audited()
    {
        var d = await TestDistrict.CreateAsync(app);
        var user = await d.UserAsync(Role.GridWorker, "S1/C1/G1");
        var problem = await (await app.Anonymous().PostJson("/api/v1/auth/sign-in", new { userName = user.UserName, password = "Wrong@12345" })).ShouldBe(HttpStatusCode.Unauthorized);
        problem.Code().ShouldBe("sign_in_failed");
        problem.GetProperty("title").GetString().ShouldBe("用户名或密码不正确，或账号暂时无法登录。");
        // Unknown users get exactly the same answer (no account enumeration).
        var unknown = await (await app.Anonymous().PostJson("/api/v1/auth/sign-in", new { userName = "nobody-" + Guid.NewGuid(), password = "Wrong@12345" })).ShouldBe(HttpStatusCode.Unauthorized);
        unknown.GetProperty("title").GetString().ShouldBe(problem.GetProperty("title").GetString());
        _ = JsonSerializer.Serialize(problem);
    }

    [Fact]
    public async Task Public_directory_lists_districts_and_communities_without_signing_in()
    {
        var d = await TestDistrict.CreateAsync(app);
        var html = await (await app.Anonymous().GetAsync("/public")).Content.ReadAsStringAsync();
        html.ShouldContain(d["D"].Name);
        html.ShouldContain("一社区");
    }
}

public sealed class HostTests_Sqlite(SqliteApp app) : HostTests(app), IClassFixture<SqliteApp>;

public sealed class HostTests_Postgres(PostgresApp app) : HostTests(app), IClassFixture<PostgresApp>;

/// <summary>The same app with a low sign-in limit.</summary>
public abstract class RateLimitTests(YishiApp app)
{
    [Fact]
    public async Task Too_many_sign_in_attempts_get_429_with_retry_after()
    {
        var client = app.Anonymous();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
            last = await client.PostJson("/api/v1/auth/sign-in", new { userName = "x", password = "y" });
        last!.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter.ShouldNotBeNull();
    }
}

public sealed class LowLimitSqliteApp() : YishiAppWithSettings("Sqlite", null, ("RateLimits:SignInPerMinute", "3"), ("RateLimits:RegisterPerMinute", "3"));

public sealed class LowLimitPostgresApp(PostgresServer pg) : YishiAppWithSettings("Postgres", pg, ("RateLimits:SignInPerMinute", "3"), ("RateLimits:RegisterPerMinute", "3"));

public sealed class RateLimitTests_Sqlite(LowLimitSqliteApp app) : RateLimitTests(app), IClassFixture<LowLimitSqliteApp>;

public sealed class RateLimitTests_Postgres(LowLimitPostgresApp app) : RateLimitTests(app), IClassFixture<LowLimitPostgresApp>;
