using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Platform.Modules;

namespace Yishi.Platform.Accounts;

/// <summary>Registers the Accounts features: their handlers, API endpoints and navigation entries.</summary>
internal static class AccountFeatures
{
    public static void AddServices(IServiceCollection services)
    {
    }

    public static void MapApi(RouteGroupBuilder api)
    {
    }

    public static void MapPublic(IEndpointRouteBuilder app)
    {
    }

    public static IEnumerable<NavItem> Navigation => [];
}
