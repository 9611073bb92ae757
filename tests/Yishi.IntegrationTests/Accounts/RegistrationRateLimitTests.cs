using System.Net;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.IntegrationTests.Platform;

namespace Yishi.IntegrationTests.Accounts;

/// <summary>Registration is limited per address like sign-in (3 a minute in this app), both the API and the page.</summary>
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
        // The page shares the sign-in policy's budget for this address.
        (await client.GetAsync("/account/register")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}

public sealed class RegistrationRateLimitTests_Sqlite(LowLimitSqliteApp app) : RegistrationRateLimitTests(app), IClassFixture<LowLimitSqliteApp>;

public sealed class RegistrationRateLimitTests_Postgres(LowLimitPostgresApp app) : RegistrationRateLimitTests(app), IClassFixture<LowLimitPostgresApp>;
