using System.Reflection;
using Yishi.Platform.Modules;

namespace Yishi.Open311;

public sealed class Open311Module : IYishiModule
{
    public Assembly Assembly => typeof(Open311Module).Assembly;
}
