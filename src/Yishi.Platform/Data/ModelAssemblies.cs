using System.Reflection;

namespace Yishi.Platform.Data;

/// <summary>The assemblies whose IEntityTypeConfiguration classes make up the one YishiDbContext model.</summary>
public sealed record ModelAssemblies(IReadOnlyList<Assembly> Assemblies);
