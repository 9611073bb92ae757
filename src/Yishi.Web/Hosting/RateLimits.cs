using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Yishi.Platform.Localization;
using Yishi.Platform.Security;

namespace Yishi.Web.Hosting;

/// <summary>What a request is for, as far as rate limiting goes. Each purpose has its own buckets.</summary>
public enum LimitPurpose
{
    None,
    SignIn,
    Register,
    Track,
    Intake,
}

/// <summary>
/// Rate limits by purpose, for pages and the API alike (one global limiter, chained):
/// <list type="bullet">
/// <item>per purpose and client address: sign-in, registration (and its SMS codes), tracking look-ups, intake;</item>
/// <item>sign-in also per user name, across addresses (many addresses trying one account);</item>
/// <item>every API call per signed-in account, or per address when anonymous.</item>
/// </list>
/// Buckets are separate, so tracking look-ups from one office never use up that office's sign-in budget.
/// The client address is <see cref="ConnectionInfo.RemoteIpAddress"/>, which only configured proxies may
/// rewrite (see <see cref="TransportSecurity"/>). Refusals are 429 with Retry-After: a localised
/// ProblemDetails for the API, a localised HTML page for pages. Settings: <c>RateLimits:*</c> (per minute).
/// </summary>
public static class RateLimits
{
    /// <summary>HttpContext item holding the normalised user name of a sign-in attempt (read by <see cref="SignInNameReader"/>).</summary>
    internal const string SignInNameItem = "yishi:sign-in-name";

    public sealed record Settings(int SignInPerIp, int SignInPerUserName, int RegisterPerIp, int TrackPerIp, int IntakePerIp, int ApiPerClient)
    {
        public static Settings From(IConfiguration config)
        {
            var s = config.GetSection("RateLimits");
            return new Settings(
                s.GetValue("SignInPerMinute", 20),
                s.GetValue("SignInPerUserNamePerMinute", 10),
                s.GetValue("RegisterPerMinute", 10),
                s.GetValue("TrackPerMinute", 60),
                s.GetValue("IntakePerMinute", 20),
                s.GetValue("ApiPerMinute", 600));
        }

        public int PerIp(LimitPurpose purpose) => purpose switch
        {
            LimitPurpose.SignIn => SignInPerIp,
            LimitPurpose.Register => RegisterPerIp,
            LimitPurpose.Track => TrackPerIp,
            LimitPurpose.Intake => IntakePerIp,
            _ => int.MaxValue,
        };
    }

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddYishiRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var settings = Settings.From(config);
        services.AddSingleton(settings);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                {
                    var purpose = Classify(http.Request);
                    return purpose == LimitPurpose.None
                        ? RateLimitPartition.GetNoLimiter("none")
                        : Fixed($"{purpose}:{ClientAddress(http)}", settings.PerIp(purpose));
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    http.Items[SignInNameItem] is string name
                        ? Fixed($"user-name:{name}", settings.SignInPerUserName)
                        : RateLimitPartition.GetNoLimiter("none")),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                {
                    if (!ProblemMapping.IsApi(http)) return RateLimitPartition.GetNoLimiter("pages");
                    var account = http.User.Identity?.IsAuthenticated == true ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
                    return Fixed(account is null ? $"api:{ClientAddress(http)}" : $"api-account:{account}", settings.ApiPerClient);
                }));
        });
        return services;
    }

    /// <summary>After authentication (the API limit is per account) and before the endpoints.</summary>
    public static IApplicationBuilder UseYishiRateLimits(this IApplicationBuilder app)
    {
        app.UseMiddleware<SignInNameReader>();
        return app.UseRateLimiter();
    }

    /// <summary>Which purpose bucket a request draws from; page GETs other than tracking are not limited.</summary>
    public static LimitPurpose Classify(HttpRequest request)
    {
        var path = request.Path;
        var post = HttpMethods.IsPost(request.Method);
        if (path.StartsWithSegments("/api/v1/auth/sign-in") || (post && path.StartsWithSegments("/account/sign-in"))) return LimitPurpose.SignIn;
        if (path.StartsWithSegments("/api/v1/auth/register") || (post && path.StartsWithSegments("/account/register"))) return LimitPurpose.Register;
        if (path.StartsWithSegments("/api/v1/demands/track") || path.StartsWithSegments("/track")) return LimitPurpose.Track;
        if (post && (path.Equals("/api/v1/demands") || path.StartsWithSegments("/resident/submit"))) return LimitPurpose.Intake;
        return LimitPurpose.None;
    }

    internal static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        var ip => ip.ToString(),
    };

    private static RateLimitPartition<string> Fixed(string key, int permits) => RateLimitPartition.GetFixedWindowLimiter(key,
        _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = Window, QueueLimit = 0 });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : (int)Window.TotalSeconds;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SecurityStrings>>();
        var title = l["RateLimit_Title"].Value;
        var detail = l["RateLimit_Detail", seconds].Value;
        if (ProblemMapping.IsApi(http))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = title,
                    Detail = detail,
                    Extensions = { ["code"] = "rate_limited", ["retryAfter"] = seconds },
                },
            });
            return;
        }
        var app = http.RequestServices.GetRequiredService<IStringLocalizer<SharedStrings>>()["App_Name"].Value;
        var lang = CultureInfo.CurrentUICulture.Name is { Length: > 0 } name ? name : "zh-CN";
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(lang)}">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{WebUtility.HtmlEncode(title)} · {WebUtility.HtmlEncode(app)}</title>
            <link rel="stylesheet" href="/lib/bootstrap/css/bootstrap.min.css" />
            <link rel="stylesheet" href="/css/site.css" />
            </head>
            <body>
            <main class="container py-4">
            <div class="card card-narrow shadow-sm mt-md-4" id="rate-limited">
            <div class="card-body p-4">
            <h1 class="h4 mb-3">{WebUtility.HtmlEncode(title)}</h1>
            <p>{WebUtility.HtmlEncode(detail)}</p>
            <p class="small text-muted">{WebUtility.HtmlEncode(l["RateLimit_Back"].Value)}</p>
            <a class="btn btn-outline-primary" href="/">{WebUtility.HtmlEncode(l["RateLimit_Home"].Value)}</a>
            </div>
            </div>
            </main>
            </body>
            </html>
            """, ct);
    }
}

/// <summary>
/// Reads the user name of a sign-in attempt (JSON <c>userName</c> on the API, the <c>Input.UserName</c> field
/// of the sign-in page's form) before the rate limiter runs, so attempts on one account are limited across
/// addresses. The body stays readable for the endpoint.
/// </summary>
internal sealed class SignInNameReader(RequestDelegate next)
{
    private const int MaxBody = 16 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        if (HttpMethods.IsPost(http.Request.Method) && RateLimits.Classify(http.Request) == LimitPurpose.SignIn)
        {
            var name = await ReadAsync(http.Request);
            if (!string.IsNullOrWhiteSpace(name))
            {
                var normalised = name.Trim().ToUpperInvariant();
                http.Items[RateLimits.SignInNameItem] = normalised.Length > 64 ? normalised[..64] : normalised;
            }
        }
        await next(http);
    }

    private static async Task<string?> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength is > MaxBody) return null;
        try
        {
            if (request.HasJsonContentType())
            {
                request.EnableBuffering(MaxBody);
                try
                {
                    using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                    if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
                    foreach (var property in doc.RootElement.EnumerateObject())
                        if (property.Name.Equals("userName", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                            return property.Value.GetString();
                    return null;
                }
                finally
                {
                    request.Body.Position = 0;
                }
            }
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                return form["Input.UserName"].FirstOrDefault();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException or BadHttpRequestException)
        {
            // A malformed body is the endpoint's to refuse; it is still limited per address.
        }
        return null;
    }
}
