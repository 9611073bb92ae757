using System.Reflection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Platform.Accounts;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas;
using Yishi.Platform.Audit;
using Yishi.Platform.Localization;
using Yishi.Platform.Modules;
using Yishi.Platform.Notifications;
using Yishi.Platform.People;
using Yishi.Platform.Security;

namespace Yishi.Platform;

/// <summary>The shared kernel as a module: areas, people, accounts, audit. Each feature area registers itself.</summary>
public sealed class PlatformModule : IYishiModule
{
    public Assembly Assembly => typeof(PlatformModule).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        Media.PhotoProcessor.EnsureAvailable();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AccessScope>();
        services.AddScoped<Data.Sequences>();
        services.AddScoped<Demo.IDemoSeeder, Demo.DemoDistrictSeeder>();
        AreaFeatures.AddServices(services);
        PeopleFeatures.AddServices(services);
        AccountFeatures.AddServices(services);
        NotificationFeatures.AddServices(services, configuration);
    }

    public void MapApi(RouteGroupBuilder api)
    {
        AreaFeatures.MapApi(api);
        PeopleFeatures.MapApi(api);
        AccountFeatures.MapApi(api);
        NotificationFeatures.MapApi(api);
    }

    public void MapAnonymousApi(RouteGroupBuilder publicApi) => AccountFeatures.MapAnonymousApi(publicApi);

    public void MapPublic(IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", async (HttpContext http, IAntiforgery antiforgery, SignInManager<YishiUser> signIn) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            await AccountsSetup.SignOutEverywhereAsync(signIn, http.User);
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();
        AreaFeatures.MapPublic(app);
        PeopleFeatures.MapPublic(app);
        AccountFeatures.MapPublic(app);
        NotificationFeatures.MapPublic(app);
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("/workbench", "Nav_Workbench", typeof(SharedStrings), null, 0),
        .. AreaFeatures.Navigation,
        .. PeopleFeatures.Navigation,
        .. AccountFeatures.Navigation,
        .. NotificationFeatures.Navigation,
    ];
}
