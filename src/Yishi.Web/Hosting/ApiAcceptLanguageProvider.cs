using Microsoft.AspNetCore.Localization;

namespace Yishi.Web.Hosting;

/// <summary>Honours Accept-Language for the API only: a browser's English default must not turn the pages English.</summary>
internal sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        => httpContext.Request.Path.StartsWithSegments("/api") || httpContext.Request.Path.StartsWithSegments("/open311")
            ? base.DetermineProviderCultureResult(httpContext)
            : NullProviderCultureResult;
}
