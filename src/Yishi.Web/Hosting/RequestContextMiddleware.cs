using System.Security.Claims;
using Yishi.Platform.Accounts;
using Yishi.Platform.Data;
using Yishi.Platform.Security;

namespace Yishi.Web.Hosting;

/// <summary>Fills the request's <see cref="RequestContext"/> (actor and tenant) from the sign-in cookie.</summary>
internal sealed class RequestContextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, RequestContext request, AccessScope scope)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true
            && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && Guid.TryParse(user.FindFirstValue(YishiClaims.District), out var districtId))
        {
            request.SetUser(userId, user.FindFirstValue(ClaimTypes.Name) ?? userId.ToString(), districtId);
            // Load the held roles before anything renders: the layout (navigation) and the page both ask for
            // them, and static rendering may run their initialisers concurrently on the one DbContext.
            await scope.HeldRolesAsync(http.RequestAborted);
        }
        await next(http);
    }
}

/// <summary>While an official must enrol an authenticator, only the account pages answer.</summary>
internal sealed class TwoFactorSetupGate(RequestDelegate next)
{
    private static readonly string[] Allowed = ["/account", "/api/v1/auth", "/culture", "/_framework", "/_content", "/lib", "/css", "/js", "/healthz", "/favicon"];

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.User.HasClaim(YishiClaims.TwoFactorSetupRequired, "1")
            && !Allowed.Any(a => http.Request.Path.StartsWithSegments(a, StringComparison.OrdinalIgnoreCase)))
        {
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = 403, Title = "two_factor_setup_required", Extensions = { ["code"] = "two_factor_setup_required" } },
                });
                return;
            }
            http.Response.Redirect("/account/two-factor");
            return;
        }
        await next(http);
    }
}

/// <summary>CSP and friends on every response; no-store on everything that is not a static file.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            h["X-Content-Type-Options"] = "nosniff";
            h["X-Frame-Options"] = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(self), geolocation=(self), microphone=()";
            if (!http.Request.Path.StartsWithSegments("/swagger"))
                h["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            if (!h.ContainsKey("Cache-Control") && !IsStatic(http.Request.Path)) h["Cache-Control"] = "no-store";
            return Task.CompletedTask;
        });
        return next(http);
    }

    private static bool IsStatic(PathString path)
        => path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js")
            || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content");
}
