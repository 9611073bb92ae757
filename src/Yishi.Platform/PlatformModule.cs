using System.Reflection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Features.AreaTree;
using Yishi.Platform.Areas.Features.CreateArea;
using Yishi.Platform.Areas.Features.MoveArea;
using Yishi.Platform.Areas.Features.RenameArea;
using Yishi.Platform.Areas.Features.RetireArea;
using Yishi.Platform.Audit;
using Yishi.Platform.Localization;
using Yishi.Platform.Modules;
using Yishi.Platform.Security;

namespace Yishi.Platform;

public sealed class PlatformModule : IYishiModule
{
    public Assembly Assembly => typeof(PlatformModule).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AuditTrail>();
        services.AddScoped<Demo.IDemoSeeder, Demo.DemoDistrictSeeder>();
        services.AddScoped<AccessScope>();
        services.AddScoped<AreaTree>();
        services.AddScoped<CreateArea>();
        services.AddScoped<RenameArea>();
        services.AddScoped<MoveArea>();
        services.AddScoped<RetireArea>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        AreaTree.Map(api);
        CreateArea.Map(api);
        RenameArea.Map(api);
        MoveArea.Map(api);
        RetireArea.Map(api);
    }

    public void MapPublic(IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", async (HttpContext http, IAntiforgery antiforgery, SignInManager<YishiUser> signIn) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("/workbench", "Nav_Workbench", typeof(SharedStrings), null, 0),
        new("/admin/areas", "Nav_Areas", typeof(SharedStrings), Permission.ManageAreas, 10),
    ];
}
