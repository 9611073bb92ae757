using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.ServiceAreas.Domain;

/// <summary>
/// A place held by a person for a time: never deleted. A change ends the current row with a day and a
/// reason and opens a new one, so the history of who held it stays readable.
/// </summary>
public abstract class Holding : ITenantOwned
{
    public const int ReasonMaxLength = 200;

    protected Holding() { }

    protected Holding(Guid districtId, Guid serviceAreaId, PersonRef person, DateOnly startedOn)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        ServiceAreaId = serviceAreaId;
        UserId = person.UserId;
        ResidentId = person.ResidentId;
        DisplayName = person.DisplayName;
        StartedOn = startedOn;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid ServiceAreaId { get; private set; }
    public Guid? UserId { get; private set; }
    public Guid? ResidentId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }

    public bool IsCurrent => EndedOn is null;

    public PersonRef Person => new(UserId, ResidentId, DisplayName);

    /// <summary>Ends the holding on <paramref name="on"/> (not before it started) with a reason; an ended holding stays ended.</summary>
    public void End(DateOnly on, string reason, string field = "EndedOn")
    {
        if (!IsCurrent) throw new RuleViolation("holding.already_ended", "Holding_AlreadyEnded", null, typeof(ServiceAreaStrings));
        if (on < StartedOn) throw new InputInvalid(field, "Holding_EndBeforeStart", typeof(ServiceAreaStrings));
        var why = Check.RequiredText(reason, "Reason", ReasonMaxLength);
        EndedOn = on;
        EndReason = why;
    }
}

/// <summary>组织员 / 监督员 of a service area. One current holding of each kind per area.</summary>
public sealed class ServiceAreaPost : Holding
{
    private ServiceAreaPost() { }

    private ServiceAreaPost(Guid districtId, Guid serviceAreaId, PostKind kind, PersonRef person, DateOnly startedOn)
        : base(districtId, serviceAreaId, person, startedOn) => Kind = kind;

    public PostKind Kind { get; private set; }

    /// <summary>
    /// Appoints <paramref name="person"/> to <paramref name="kind"/> from <paramref name="on"/>. The current
    /// holder (if any) is ended the same day with <paramref name="reason"/>; appointing the current holder again is refused.
    /// </summary>
    public static ServiceAreaPost Appoint(ServiceArea area, PostKind kind, ServiceAreaPost? current, PersonRef person, DateOnly on, string? reason)
    {
        area.EnsureActive();
        if (current is not null)
        {
            if (current.Kind != kind || current.ServiceAreaId != area.Id || !current.IsCurrent)
                throw new InvalidOperationException("current must be the area's current holder of the post");
            if (current.Person.IsSame(person.UserId, person.ResidentId))
                throw new RuleViolation("post.same_person", "Post_SamePerson", "Person", typeof(ServiceAreaStrings));
            current.End(on, reason ?? "", "StartedOn");
        }
        return new ServiceAreaPost(area.DistrictId, area.Id, kind, person, on);
    }
}

/// <summary>志愿服务队: one per service area; the organiser is its captain and the supervisor its vice-captain.</summary>
public sealed class VolunteerTeam : ITenantOwned
{
    public const int NameMaxLength = 80;

    private VolunteerTeam() { }

    public VolunteerTeam(ServiceArea area, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = area.DistrictId;
        ServiceAreaId = area.Id;
        Name = area.Name + "志愿服务队";
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid ServiceAreaId { get; private set; }
    public string Name { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public void Rename(string serviceAreaName) => Name = serviceAreaName + "志愿服务队";
}

/// <summary>A member of a volunteer team; leaving ends the holding (the row stays).</summary>
public sealed class TeamMember : Holding
{
    private TeamMember() { }

    private TeamMember(Guid districtId, Guid serviceAreaId, Guid teamId, VolunteerKind kind, PersonRef person, DateOnly joinedOn)
        : base(districtId, serviceAreaId, person, joinedOn)
    {
        TeamId = teamId;
        Kind = kind;
    }

    public Guid TeamId { get; private set; }
    public VolunteerKind Kind { get; private set; }
    public DateOnly JoinedOn => StartedOn;
    public DateOnly? LeftOn => EndedOn;

    /// <summary>Adds a member; someone already on the team (current) cannot join twice.</summary>
    public static TeamMember Join(ServiceArea area, VolunteerTeam team, IEnumerable<TeamMember> current, VolunteerKind kind, PersonRef person, DateOnly on)
    {
        area.EnsureActive();
        if (team.ServiceAreaId != area.Id) throw new InvalidOperationException("team of another area");
        if (current.Any(m => m.IsCurrent && m.Person.IsSame(person.UserId, person.ResidentId)))
            throw new RuleViolation("team.already_member", "Team_AlreadyMember", "Person", typeof(ServiceAreaStrings));
        return new TeamMember(area.DistrictId, area.Id, team.Id, kind, person, on);
    }

    public void Leave(DateOnly on, string reason) => End(on, reason, "LeftOn");
}

/// <summary>巷长 / 楼长 / 院坝长 of a lane, building or courtyard in a service area.</summary>
public sealed class BlockChief : Holding
{
    public const int LabelMaxLength = 60;

    private BlockChief() { }

    private BlockChief(Guid districtId, Guid serviceAreaId, BlockChiefKind kind, string label, PersonRef person, DateOnly startedOn)
        : base(districtId, serviceAreaId, person, startedOn)
    {
        Kind = kind;
        Label = label;
    }

    public BlockChiefKind Kind { get; private set; }
    /// <summary>The lane, building or courtyard, e.g. "3号楼", "石门巷".</summary>
    public string Label { get; private set; } = "";

    /// <summary>Appoints a chief for a block; the block's current chief (same kind and label) is ended the same day.</summary>
    public static BlockChief Appoint(ServiceArea area, BlockChief? current, BlockChiefKind kind, string label, PersonRef person, DateOnly on, string? reason)
    {
        area.EnsureActive();
        if (current is not null)
        {
            if (current.Person.IsSame(person.UserId, person.ResidentId))
                throw new RuleViolation("post.same_person", "Post_SamePerson", "Person", typeof(ServiceAreaStrings));
            current.End(on, reason ?? "", "StartedOn");
        }
        return new BlockChief(area.DistrictId, area.Id, kind, label, person, on);
    }
}
