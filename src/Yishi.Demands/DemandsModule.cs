using System.Reflection;
using Yishi.Platform.Modules;

namespace Yishi.Demands;

public sealed class DemandsModule : IYishiModule
{
    public Assembly Assembly => typeof(DemandsModule).Assembly;
}
