using Yishi.Platform.Areas.Domain;

namespace Yishi.Platform.Areas.Features;

public sealed record AreaDto(Guid Id, Guid? ParentId, AreaLevel Level, string Name, string Path, bool Retired, int Version)
{
    public static AreaDto From(Area a) => new(a.Id, a.ParentId, a.Level, a.Name, a.Path, a.IsRetired, a.Version);
}
