using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Features.AreaTree;
using Yishi.Platform.Areas.Features.CreateArea;
using Yishi.Platform.Areas.Features.ManageAreas;
using Yishi.Platform.Areas.Features.MoveArea;
using Yishi.Platform.Areas.Features.RenameArea;
using Yishi.Platform.Areas.Features.RetireArea;
using Yishi.Platform.Localization;
using Yishi.Platform.Modules;

namespace Yishi.Platform.Areas;

/// <summary>Registers the Areas features: their handlers, API endpoints and navigation entries.</summary>
internal static class AreaFeatures
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<AreaTree>();
        services.AddScoped<CreateArea>();
        services.AddScoped<RenameArea>();
        services.AddScoped<MoveArea>();
        services.AddScoped<RetireArea>();
        services.AddScoped<AreaOverview>();
        Demo.DemoFeatures.AddServices(services);
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        AreaTree.Map(api);
        CreateArea.Map(api);
        RenameArea.Map(api);
        MoveArea.Map(api);
        RetireArea.Map(api);
    }

    public static void MapPublic(IEndpointRouteBuilder app)
    {
    }

    public static IEnumerable<NavItem> Navigation => [new("/admin/areas", "Nav_Areas", typeof(SharedStrings), Permission.ManageAreas, 10)];
}
