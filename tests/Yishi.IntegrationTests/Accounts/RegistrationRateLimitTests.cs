using System.Net;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.IntegrationTests.Platform;

namespace Yishi.IntegrationTests.Accounts;

/// <summary>Registration has its own per-address bucket (3 a minute in this app), shared by the API and the page's POST.</summary>
public abstract class RegistrationRateLimitTests(YishiApp app)
{
    [Fact]
    public async Task Too_many_registrations_from_one_address_get_429_on_the_api_and_the_page()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 3; i++)
            (await client.PostJson("/api/v1/auth/register", new { phone = "1", displayName = "", password = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var limited = await client.PostJson("/api/v1/auth/register", new { phone = "1" });
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        // The page's POST shares the registration budget of this address; showing the page does not count.
        (await client.PostAsync("/account/register", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/account/register")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Sign-in has a bucket of its own.
        (await client.PostJson("/api/v1/auth/sign-in", new { userName = "x", password = "y" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class RegistrationRateLimitTests_Sqlite(LowLimitSqliteApp app) : RegistrationRateLimitTests(app), IClassFixture<LowLimitSqliteApp>;

public sealed class RegistrationRateLimitTests_Postgres(LowLimitPostgresApp app) : RegistrationRateLimitTests(app), IClassFixture<LowLimitPostgresApp>;
