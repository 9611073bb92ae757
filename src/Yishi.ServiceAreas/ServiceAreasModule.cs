using System.Reflection;
using Yishi.Platform.Modules;

namespace Yishi.ServiceAreas;

public sealed class ServiceAreasModule : IYishiModule
{
    public Assembly Assembly => typeof(ServiceAreasModule).Assembly;
}
