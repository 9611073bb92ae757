using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;

namespace Yishi.IntegrationTests.Platform;

/// <summary>
/// The test server's TCP peer is the proxy 10.0.0.1 (a test server has no peer address of its own); whether its
/// X-Forwarded-* headers are believed depends on <c>ForwardedHeaders:KnownProxies</c>.
/// </summary>
public abstract class PeerApp(string provider, PostgresServer? postgres, params (string Key, string Value)[] settings)
    : YishiAppWithSettings(provider, postgres, settings)
{
    public static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.1");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, PeerFilter>());
    }

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) =>
            {
                http.Connection.RemoteIpAddress = Proxy;
                return inner(http);
            });
            next(app);
        };
    }

    public HttpClient Raw() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A request as the proxy forwards it for <paramref name="clientIp"/> (over HTTPS when <paramref name="https"/>).</summary>
    public static HttpRequestMessage Forwarded(HttpMethod method, string url, string clientIp, HttpContent? content = null, bool https = false)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("X-Forwarded-For", clientIp);
        if (https) request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }
}

internal static class Limits
{
    public const int SignInPerIp = 4;
    public const int SignInPerUserName = 3;
    public const int TrackPerIp = 3;
    public const int IntakePerIp = 2;

    public static readonly (string, string)[] Low =
    [
        ("RateLimits:SignInPerMinute", SignInPerIp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("RateLimits:SignInPerUserNamePerMinute", SignInPerUserName.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("RateLimits:TrackPerMinute", TrackPerIp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("RateLimits:IntakePerMinute", IntakePerIp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public static readonly (string, string)[] WithProxy = [.. Low, ("ForwardedHeaders:KnownProxies:0", "10.0.0.1")];

    /// <summary>A distinct documentation-range address per call, so tests in one app never share a bucket.</summary>
    private static int _next;
    public static string NewIp()
    {
        var n = Interlocked.Increment(ref _next);
        return $"198.51.{n / 250}.{n % 250 + 1}";
    }

    public static FormUrlEncodedContent SignInForm(string userName) => new(new Dictionary<string, string>
    {
        ["_handler"] = "sign-in",
        ["Input.UserName"] = userName,
        ["Input.Password"] = "wrong-password-1",
    });

    public static HttpContent SignInJson(string userName) => JsonContent.Create(new { userName, password = "wrong-password-1" });
}

public sealed class ProxiedLowLimitSqliteApp() : PeerApp("Sqlite", null, Limits.WithProxy);

public sealed class ProxiedLowLimitPostgresApp(PostgresServer pg) : PeerApp("Postgres", pg, Limits.WithProxy);

public sealed class UnproxiedLowLimitSqliteApp() : PeerApp("Sqlite", null, Limits.Low);

public sealed class UnproxiedLowLimitPostgresApp(PostgresServer pg) : PeerApp("Postgres", pg, Limits.Low);

/// <summary>Limits by purpose behind a configured proxy: each test uses client addresses of its own.</summary>
public abstract class PurposeRateLimitTests(PeerApp app)
{
    [Fact]
    public async Task The_html_sign_in_form_gets_429_with_retry_after_and_a_localised_page_after_the_per_address_limit()
    {
        var client = app.Raw();
        var ip = Limits.NewIp();
        // Password spraying: a different user name each time, from one address.
        for (var i = 0; i < Limits.SignInPerIp; i++)
        {
            var attempt = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/account/sign-in", ip, Limits.SignInForm($"spray{i}-{Guid.NewGuid():N}")));
            attempt.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }
        var limited = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/account/sign-in", ip, Limits.SignInForm($"spray-{Guid.NewGuid():N}")));
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var zh = await limited.Content.ReadAsStringAsync();
        zh.ShouldContain("请求过于频繁");
        zh.ShouldContain("lang=\"zh-CN\"");

        var en = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/account/sign-in?culture=en", ip, Limits.SignInForm("someone")));
        en.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await en.Content.ReadAsStringAsync()).ShouldContain("Too many requests");

        // The same address still reaches the API (other than sign-in) and the pages.
        (await client.SendAsync(PeerApp.Forwarded(HttpMethod.Get, "/api/v1/public/areas", ip))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(PeerApp.Forwarded(HttpMethod.Get, "/account/sign-in", ip))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task One_user_name_is_limited_across_addresses_on_the_api_and_the_page()
    {
        var client = app.Raw();
        var victim = $"victim-{Guid.NewGuid():N}";
        for (var i = 0; i < Limits.SignInPerUserName; i++)
        {
            var attempt = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/api/v1/auth/sign-in", Limits.NewIp(), Limits.SignInJson(victim)));
            await attempt.ShouldBe(HttpStatusCode.Unauthorized);
        }
        // A fresh address, the same name (any case): refused, on the API and on the page.
        var limited = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/api/v1/auth/sign-in", Limits.NewIp(), Limits.SignInJson(victim.ToUpperInvariant())));
        (await limited.ShouldBe(HttpStatusCode.TooManyRequests)).Code().ShouldBe("rate_limited");
        limited.Headers.RetryAfter.ShouldNotBeNull();
        var page = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/account/sign-in", Limits.NewIp(), Limits.SignInForm(victim)));
        page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        // Another name from a fresh address is not affected.
        await (await client.SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/api/v1/auth/sign-in", Limits.NewIp(), Limits.SignInJson($"other-{Guid.NewGuid():N}"))))
            .ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_sign_in_page_still_signs_in_and_its_attempts_count_for_the_user_name()
    {
        var d = await TestDistrict.CreateAsync(app);
        var user = await d.UserAsync(Yishi.Platform.Accounts.Domain.Role.GridWorker, "S1/C1");
        var client = app.Anonymous();
        var ip = Limits.NewIp();
        var page = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Get, "/account/sign-in", ip));
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var token = html.QuerySelector("#sign-in-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = user.UserName!,
            ["Input.Password"] = TestDistrict.Password,
        });
        var signedIn = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/account/sign-in", ip, form));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.AbsolutePath.ShouldBe("/workbench");

        // Page attempts on one name from many addresses use up that name's budget for the API too.
        var victim = $"formvictim-{Guid.NewGuid():N}";
        for (var i = 0; i < Limits.SignInPerUserName; i++)
            (await app.Raw().SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/account/sign-in", Limits.NewIp(), Limits.SignInForm(victim)))).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        await (await app.Raw().SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/api/v1/auth/sign-in", Limits.NewIp(), Limits.SignInJson(victim)))).ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Tracking_look_ups_use_their_own_bucket_and_never_block_sign_in_from_the_same_office()
    {
        var client = app.Raw();
        var office = Limits.NewIp();
        for (var i = 0; i < Limits.TrackPerIp; i++)
            await (await client.SendAsync(PeerApp.Forwarded(HttpMethod.Get, $"/api/v1/demands/track/NOPE{i}", office))).ShouldBe(HttpStatusCode.NotFound);
        var api = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Get, "/api/v1/demands/track/NOPE9", office));
        var problem = await api.ShouldBe(HttpStatusCode.TooManyRequests);
        problem.Code().ShouldBe("rate_limited");
        problem.GetProperty("title").GetString().ShouldBe("请求过于频繁");
        // The tracking page shares the look-up bucket.
        var page = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Get, "/track/NOPE9", office));
        page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        page.Headers.RetryAfter.ShouldNotBeNull();

        // Sign-in from the same office is untouched.
        await (await client.SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/api/v1/auth/sign-in", office, Limits.SignInJson($"clerk-{Guid.NewGuid():N}"))))
            .ShouldBe(HttpStatusCode.Unauthorized);
        // Another address still looks up.
        await (await client.SendAsync(PeerApp.Forwarded(HttpMethod.Get, "/api/v1/demands/track/NOPE9", Limits.NewIp()))).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_intake_is_limited_per_address_with_a_localised_problem()
    {
        var client = app.Raw();
        var ip = Limits.NewIp();
        for (var i = 0; i < Limits.IntakePerIp; i++)
            await (await client.SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/api/v1/demands", ip, JsonContent.Create(new { description = "" })))).ShouldBe(HttpStatusCode.BadRequest);
        var request = PeerApp.Forwarded(HttpMethod.Post, "/api/v1/demands", ip, JsonContent.Create(new { description = "" }));
        request.Headers.AcceptLanguage.ParseAdd("en");
        var limited = await client.SendAsync(request);
        var problem = await limited.ShouldBe(HttpStatusCode.TooManyRequests);
        problem.GetProperty("title").GetString().ShouldBe("Too many requests");
        limited.Headers.RetryAfter.ShouldNotBeNull();
        // The page POST draws from the same bucket.
        (await client.SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/resident/submit", ip, new FormUrlEncodedContent([])))).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        // Another address still submits (and gets its validation error).
        await (await client.SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/api/v1/demands", Limits.NewIp(), JsonContent.Create(new { description = "" })))).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Https_through_the_known_proxy_gives_secure_cookies_and_hsts()
    {
        var d = await TestDistrict.CreateAsync(app);
        var user = await d.UserAsync(Yishi.Platform.Accounts.Domain.Role.GridWorker, "S1/C1");
        var client = app.Raw();
        var body = JsonContent.Create(new { userName = user.UserName, password = TestDistrict.Password });
        var https = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/api/v1/auth/sign-in", Limits.NewIp(), body, https: true));
        https.StatusCode.ShouldBe(HttpStatusCode.OK);
        https.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
        CookieLine(https, "yishi.auth").ShouldContain("secure");

        var antiforgery = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Get, "/account/sign-in", Limits.NewIp(), https: true));
        CookieLine(antiforgery, ".AspNetCore.Antiforgery").ShouldContain("secure");
        var culture = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Get, "/culture?c=en", Limits.NewIp(), https: true));
        CookieLine(culture, ".AspNetCore.Culture").ShouldContain("secure");

        // Plain HTTP: no Secure flag, no HSTS.
        var plain = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Get, "/culture?c=en", Limits.NewIp()));
        CookieLine(plain, ".AspNetCore.Culture").ShouldNotContain("secure");
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    internal static string CookieLine(HttpResponseMessage response, string name)
        => response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name, StringComparison.Ordinal)).ToLowerInvariant();
}

public sealed class PurposeRateLimitTests_Sqlite(ProxiedLowLimitSqliteApp app) : PurposeRateLimitTests(app), IClassFixture<ProxiedLowLimitSqliteApp>;

public sealed class PurposeRateLimitTests_Postgres(ProxiedLowLimitPostgresApp app) : PurposeRateLimitTests(app), IClassFixture<ProxiedLowLimitPostgresApp>;

/// <summary>Without configured proxies X-Forwarded-* are ignored: every request counts against the TCP peer.</summary>
public abstract class UnproxiedForwardedHeaderTests(PeerApp app)
{
    [Fact]
    public async Task X_forwarded_for_and_proto_are_ignored_without_configured_proxies()
    {
        var client = app.Raw();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Limits.SignInPerIp; i++)
            statuses.Add((await client.SendAsync(PeerApp.Forwarded(HttpMethod.Post, "/api/v1/auth/sign-in", Limits.NewIp(), Limits.SignInJson($"n{i}-{Guid.NewGuid():N}")))).StatusCode);
        // Had the forged addresses been believed, each would have had a fresh bucket.
        statuses[^1].ShouldBe(HttpStatusCode.TooManyRequests);

        var culture = await client.SendAsync(PeerApp.Forwarded(HttpMethod.Get, "/culture?c=en", Limits.NewIp(), https: true));
        PurposeRateLimitTests.CookieLine(culture, ".AspNetCore.Culture").ShouldNotContain("secure");
        culture.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }
}

public sealed class UnproxiedForwardedHeaderTests_Sqlite(UnproxiedLowLimitSqliteApp app) : UnproxiedForwardedHeaderTests(app), IClassFixture<UnproxiedLowLimitSqliteApp>;

public sealed class UnproxiedForwardedHeaderTests_Postgres(UnproxiedLowLimitPostgresApp app) : UnproxiedForwardedHeaderTests(app), IClassFixture<UnproxiedLowLimitPostgresApp>;
