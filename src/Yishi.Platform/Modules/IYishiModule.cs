using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.Platform.Modules;

/// <summary>
/// How a module plugs into the host: its services, its API endpoints (under the authenticated
/// <c>/api/v1</c> group or anonymous routes), its Razor pages (discovered from <see cref="Assembly"/>),
/// its EF configurations (also from <see cref="Assembly"/>) and its navigation entries.
/// </summary>
public interface IYishiModule
{
    Assembly Assembly { get; }
    void AddServices(IServiceCollection services, IConfiguration configuration) { }
    void MapApi(RouteGroupBuilder api) { }
    /// <summary>Anonymous endpoints under <c>/api/v1</c> (rate-limited like sign-in).</summary>
    void MapAnonymousApi(RouteGroupBuilder publicApi) { }
    void MapPublic(IEndpointRouteBuilder app) { }
    IEnumerable<NavItem> Navigation => [];
}

/// <summary>
/// A link in the workbench navigation, shown to those who hold <see cref="Requires"/> somewhere (or to every signed-in user when null)
/// and, when <see cref="HeldRole"/> is set, who also hold a role somewhere that it accepts (for modules with their own role tables).
/// </summary>
public sealed record NavItem(string Href, string TextKey, Type Resource, Permission? Requires, int Order = 100, Func<Role, bool>? HeldRole = null);
