using System.Reflection;
using Yishi.Platform.Modules;

namespace Yishi.Deliberation;

public sealed class DeliberationModule : IYishiModule
{
    public Assembly Assembly => typeof(DeliberationModule).Assembly;
}
