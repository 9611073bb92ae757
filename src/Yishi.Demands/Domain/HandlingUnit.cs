using Yishi.Platform.Data;

namespace Yishi.Demands.Domain;

/// <summary>A district department (住建局, 民政局 …) that demands can be routed to; its officers are its members.</summary>
public sealed class HandlingUnit : ITenantOwned, IVersioned
{
    public const int NameMaxLength = 60;

    private HandlingUnit() { }

    public HandlingUnit(Guid districtId, string name, string? duties)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        Name = name;
        Duties = duties;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public string Name { get; set; } = "";
    public string? Duties { get; set; }
    public bool Active { get; set; } = true;
    public int Version { get; set; }
}

/// <summary>An officer who works for a unit: they see and handle what reached that unit.</summary>
public sealed class UnitMember : ITenantOwned
{
    private UnitMember() { }

    public UnitMember(Guid districtId, Guid unitId, Guid userId)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        UnitId = unitId;
        UserId = userId;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid UserId { get; private set; }
}
