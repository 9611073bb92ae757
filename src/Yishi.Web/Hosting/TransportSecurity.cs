using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Yishi.Platform.Security;

namespace Yishi.Web.Hosting;

/// <summary>
/// The client's address and scheme, Secure cookies and HSTS, and the cross-site check on cookie-authenticated
/// API writes.
/// <para>
/// X-Forwarded-For / X-Forwarded-Proto are believed only from the proxies listed under
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR). With none
/// listed the headers are ignored: the address limited by <see cref="RateLimits"/> is the TCP peer.
/// </para>
/// </summary>
public static class TransportSecurity
{
    /// <summary>The request header that carries an antiforgery token on API calls made by scripts of our own pages.</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static IServiceCollection AddYishiTransportSecurity(this IServiceCollection services, IConfiguration config)
    {
        var proxies = Values(config.GetSection("ForwardedHeaders:KnownProxies")).Select(IPAddress.Parse).ToList();
        var networks = Values(config.GetSection("ForwardedHeaders:KnownNetworks")).Select(System.Net.IPNetwork.Parse).ToList();
        services.AddSingleton(new TrustedProxies(proxies.Count + networks.Count > 0));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what is configured is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
            o.ForwardLimit = config.GetValue("ForwardedHeaders:ForwardLimit", 1);
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            // Sent on every HTTPS response, also for a host named localhost.
            o.ExcludedHosts.Clear();
        });
        // Every cookie (sign-in, antiforgery, culture) is Secure when the request came over HTTPS.
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = AntiforgeryHeader;
        });
        return services;
    }

    /// <summary>First in the pipeline: the real client address and scheme, then HSTS and the cookie policy.</summary>
    public static IApplicationBuilder UseYishiTransportSecurity(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<TrustedProxies>().Any) app.UseForwardedHeaders();
        app.UseHsts();
        return app.UseCookiePolicy();
    }

    private static IEnumerable<string> Values(IConfigurationSection section)
    {
        var listed = section.GetChildren().Select(c => c.Value).ToList();
        if (listed.Count == 0 && section.Value is { } single) listed = [.. single.Split(',')];
        return listed.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim());
    }

    private sealed record TrustedProxies(bool Any);
}

/// <summary>
/// A cookie-authenticated write to the API (POST/PUT/PATCH/DELETE) must come from our own pages: it carries a
/// valid antiforgery header, or its Origin (else its Referer) is this site. A foreign or "null" Origin is refused
/// with 403. A request with neither Origin nor Referer is let through: browsers send Origin on every cross-site
/// POST/PUT/PATCH/DELETE (and the sign-in cookie is SameSite=Lax besides), so such a request comes from a
/// non-browser client that holds the cookie itself (scripts, the integration tests), which CSRF cannot exploit.
/// </summary>
internal sealed class ApiWriteOriginCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (ProblemMapping.IsApi(http) && IsWrite(http.Request.Method) && http.User.Identity?.IsAuthenticated == true && !await AllowedAsync(http))
        {
            var l = http.RequestServices.GetRequiredService<IStringLocalizer<SecurityStrings>>();
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = l["CrossSite_Title"].Value,
                    Detail = l["CrossSite_Detail"].Value,
                    Extensions = { ["code"] = "cross_site_refused" },
                },
            });
            return;
        }
        await next(http);
    }

    private static bool IsWrite(string method)
        => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static async Task<bool> AllowedAsync(HttpContext http)
    {
        var headers = http.Request.Headers;
        if (headers.ContainsKey(TransportSecurity.AntiforgeryHeader)
            && await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http)) return true;
        var origin = headers.Origin.ToString();
        if (origin.Length > 0) return SameOrigin(http.Request, origin);
        var referer = headers.Referer.ToString();
        if (referer.Length > 0) return SameOrigin(http.Request, referer);
        return true;
    }

    internal static bool SameOrigin(HttpRequest request, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        var defaultPort = request.IsHttps ? 443 : 80;
        return uri.Scheme.Equals(request.Scheme, StringComparison.OrdinalIgnoreCase)
            && uri.Host.Equals(request.Host.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == (request.Host.Port ?? defaultPort);
    }
}
