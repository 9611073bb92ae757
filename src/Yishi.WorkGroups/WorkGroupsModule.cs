using System.Reflection;
using Yishi.Platform.Modules;

namespace Yishi.WorkGroups;

public sealed class WorkGroupsModule : IYishiModule
{
    public Assembly Assembly => typeof(WorkGroupsModule).Assembly;
}
