using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Platform.Areas.Domain;

public enum AreaLevel
{
    District = 0,
    Street = 1,
    Community = 2,
    Group = 3,
}

/// <summary>
/// One node of the area tree District → Street → Community → Group. A district is a tenant: its
/// <see cref="DistrictId"/> is its own id. <see cref="Path"/> is the materialised path of ids
/// (<c>/d/s/c/g/</c>, each id in "N" format) so a subtree is a prefix.
/// </summary>
public sealed class Area : ITenantOwned, IVersioned
{
    public const int NameMaxLength = 60;

    private Area() { }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid? ParentId { get; private set; }
    public AreaLevel Level { get; private set; }
    public string Name { get; private set; } = "";
    public string Path { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RetiredAt { get; private set; }
    public int Version { get; set; }

    public bool IsRetired => RetiredAt is not null;

    public static string Segment(Guid id) => id.ToString("N");

    public static Area NewDistrict(string name, DateTime now)
    {
        var id = Guid.CreateVersion7();
        return new Area
        {
            Id = id,
            DistrictId = id,
            ParentId = null,
            Level = AreaLevel.District,
            Name = name,
            Path = $"/{Segment(id)}/",
            CreatedAt = now,
        };
    }

    public Area NewChild(string name, DateTime now)
    {
        if (IsRetired) throw new RuleViolation("area.parent_retired", "Area_ParentRetired", "ParentId");
        if (Level == AreaLevel.Group) throw new RuleViolation("area.too_deep", "Area_GroupHasNoChildren", "ParentId", status: 422);
        var id = Guid.CreateVersion7();
        return new Area
        {
            Id = id,
            DistrictId = DistrictId,
            ParentId = Id,
            Level = Level + 1,
            Name = name,
            Path = $"{Path}{Segment(id)}/",
            CreatedAt = now,
        };
    }

    public bool Contains(Area other) => other.DistrictId == DistrictId && other.Path.StartsWith(Path, StringComparison.Ordinal);

    public void Rename(string name)
    {
        if (IsRetired) throw new RuleViolation("area.retired", "Area_Retired");
        Name = name;
    }

    /// <summary>Checks a move and returns the new path; the caller rewrites the subtree's paths.</summary>
    public string MoveUnder(Area newParent)
    {
        if (Level == AreaLevel.District) throw new RuleViolation("area.district_fixed", "Area_DistrictCannotMove", status: 422);
        if (IsRetired) throw new RuleViolation("area.retired", "Area_Retired");
        if (newParent.IsRetired) throw new RuleViolation("area.parent_retired", "Area_ParentRetired", "NewParentId");
        if (newParent.DistrictId != DistrictId) throw new NotFound("area");
        if (newParent.Level != Level - 1) throw new RuleViolation("area.wrong_level", "Area_MoveWrongLevel", "NewParentId", status: 422);
        if (newParent.Id == ParentId) throw new RuleViolation("area.same_parent", "Area_MoveSameParent", "NewParentId", status: 422);
        ParentId = newParent.Id;
        Path = $"{newParent.Path}{Segment(Id)}/";
        return Path;
    }

    public void Retire(DateTime now, bool hasActiveChildren)
    {
        if (Level == AreaLevel.District) throw new RuleViolation("area.district_fixed", "Area_DistrictCannotRetire", status: 422);
        if (IsRetired) throw new RuleViolation("area.retired", "Area_Retired");
        if (hasActiveChildren) throw new RuleViolation("area.has_children", "Area_RetireHasChildren");
        RetiredAt = now;
    }
}
