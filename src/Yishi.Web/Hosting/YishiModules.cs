using Yishi.Deliberation;
using Yishi.Demands;
using Yishi.Open311;
using Yishi.Platform;
using Yishi.Platform.Modules;
using Yishi.ServiceAreas;
using Yishi.Transparency;
using Yishi.WorkGroups;

namespace Yishi.Web.Hosting;

/// <summary>The modules composed into the host, in the order their services and routes are added.</summary>
internal static class YishiModules
{
    public static IReadOnlyList<IYishiModule> All { get; } =
    [
        new PlatformModule(),
        new DemandsModule(),
        new DeliberationModule(),
        new ServiceAreasModule(),
        new WorkGroupsModule(),
        new TransparencyModule(),
        new Open311Module(),
    ];
}
