using System.Reflection;

namespace Yishi.UnitTests;

/// <summary>A module references the Platform and other modules' Contracts only, never their insides.</summary>
public class ModuleReferenceTests
{
    private static readonly string[] Modules = ["Yishi.Demands", "Yishi.Deliberation", "Yishi.ServiceAreas", "Yishi.WorkGroups", "Yishi.Transparency", "Yishi.Open311"];

    [Fact]
    public void Platform_references_no_module()
        => Assembly.Load("Yishi.Platform").GetReferencedAssemblies().Select(a => a.Name).ShouldNotContain(n => Modules.Contains(n));

    [Fact]
    public void Modules_use_only_the_public_contracts_of_other_modules()
    {
        foreach (var module in Modules)
        {
            var assembly = Assembly.Load(module);
            var foreign = assembly.GetTypes()
                .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public).Select(f => f.FieldType)
                    .Concat(t.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)))
                .Where(t => t.Assembly != assembly && Modules.Contains(t.Assembly.GetName().Name) && t.Namespace?.Contains(".Contracts", StringComparison.Ordinal) != true)
                .Select(t => t.FullName)
                .Distinct()
                .ToList();
            foreign.ShouldBeEmpty($"{module} reaches into another module");
        }
    }
}
