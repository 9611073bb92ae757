using Yishi.Platform.Data;

namespace Yishi.Platform.People.Domain;

/// <summary>户: a household registered in a group (村民组/网格). Members are <see cref="Resident"/>s.</summary>
public sealed class Household : IAreaPlaced, IVersioned
{
    public const int HouseNumberMaxLength = 40;

    private Household() { }

    public Household(Guid districtId, Guid areaId, string areaPath, string houseNumber, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        AreaId = areaId;
        AreaPath = areaPath;
        HouseNumber = houseNumber;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public string HouseNumber { get; set; } = "";
    public DateTime CreatedAt { get; private set; }
    public int Version { get; set; }
    public List<Resident> Members { get; private set; } = [];
}

/// <summary>居民: a person in a household. Phone is personal data: masked in lists, revealed with a reason.</summary>
public sealed class Resident : ITenantOwned, IVersioned
{
    public const int NameMaxLength = 40;

    private Resident() { }

    public Resident(Guid districtId, Guid householdId, string name, bool isHead, string? phone)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        HouseholdId = householdId;
        Name = name;
        IsHead = isHead;
        Phone = phone;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public string Name { get; set; } = "";
    public bool IsHead { get; set; }
    public string? Phone { get; set; }
    public int Version { get; set; }
}
