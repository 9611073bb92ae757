using System.Reflection;
using Yishi.Platform.Modules;

namespace Yishi.Transparency;

public sealed class TransparencyModule : IYishiModule
{
    public Assembly Assembly => typeof(TransparencyModule).Assembly;
}
