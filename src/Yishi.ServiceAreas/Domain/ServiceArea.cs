using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.ServiceAreas.Domain;

/// <summary>
/// 服务区: part of a village/community (<see cref="AreaId"/> is the community) covering some of its villager
/// groups (<see cref="ServiceAreaGroup"/>) and, where groups don't fit, individual households
/// (<see cref="ServiceAreaHousehold"/>). It has one organiser and one supervisor at a time
/// (<see cref="ServiceAreaPost"/>), a <see cref="VolunteerTeam"/> and block chiefs.
/// </summary>
public sealed class ServiceArea : IAreaPlaced, IVersioned
{
    public const int NameMaxLength = 60;
    public const int DutiesMaxLength = 1000;

    private ServiceArea() { }

    public ServiceArea(Guid districtId, Guid communityId, string communityPath, string name, string? duties, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        AreaId = communityId;
        AreaPath = communityPath;
        Name = name;
        Duties = duties;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    /// <summary>The village/community the service area belongs to.</summary>
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Duties { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? RetiredAt { get; private set; }
    public int Version { get; set; }

    public bool IsRetired => RetiredAt is not null;

    public void Edit(string name, string? duties)
    {
        EnsureActive();
        Name = name;
        Duties = duties;
    }

    public void Retire(DateTime now)
    {
        EnsureActive();
        RetiredAt = now;
    }

    /// <summary>Every change to a retired area (its people, groups, activities, services) is refused.</summary>
    public void EnsureActive()
    {
        if (IsRetired) throw new RuleViolation("service_area.retired", "ServiceArea_Retired", null, typeof(ServiceAreaStrings));
    }
}

/// <summary>A villager group (Group-level area) covered by a service area. Placed in the group, so area moves rewrite its path.</summary>
public sealed class ServiceAreaGroup : IAreaPlaced
{
    private ServiceAreaGroup() { }

    public ServiceAreaGroup(Guid districtId, Guid serviceAreaId, Guid groupId, string groupPath)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        ServiceAreaId = serviceAreaId;
        AreaId = groupId;
        AreaPath = groupPath;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid ServiceAreaId { get; private set; }
    /// <summary>The group.</summary>
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
}

/// <summary>A household assigned to a service area explicitly (when its group does not fit).</summary>
public sealed class ServiceAreaHousehold : ITenantOwned
{
    private ServiceAreaHousehold() { }

    public ServiceAreaHousehold(Guid districtId, Guid serviceAreaId, Guid householdId)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        ServiceAreaId = serviceAreaId;
        HouseholdId = householdId;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid ServiceAreaId { get; private set; }
    public Guid HouseholdId { get; private set; }
}
