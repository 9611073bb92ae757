using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.ServiceAreas.Domain;

/// <summary>One change of a service request, for its timeline (the audit trail).</summary>
public sealed record ServiceRequestChange(ServiceRequestAction Action, ServiceRequestStatus From, ServiceRequestStatus To, string? Note);

/// <summary>
/// 陪办/帮办/代办: a resident asks the service area's team to accompany them, help them, or act on their behalf
/// (or a cadre records it for a household). Every state change goes through <see cref="ServiceRequestTransitions"/>.
/// </summary>
public sealed class ResidentService : IAreaPlaced, IVersioned
{
    public const int NeedMaxLength = 1000;
    public const int NoteMaxLength = 1000;

    private ResidentService() { }

    public ResidentService(ServiceArea area, Guid householdId, ServiceKind kind, string need, Guid? requestedByUserId, Guid? recordedByUserId, DateTime now)
    {
        area.EnsureActive();
        Id = Guid.CreateVersion7();
        DistrictId = area.DistrictId;
        AreaId = area.AreaId;
        AreaPath = area.AreaPath;
        ServiceAreaId = area.Id;
        HouseholdId = householdId;
        Kind = kind;
        Need = need;
        RequestedByUserId = requestedByUserId;
        RecordedByUserId = recordedByUserId;
        Status = ServiceRequestStatus.Requested;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public Guid ServiceAreaId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public ServiceKind Kind { get; private set; }
    public string Need { get; private set; } = "";
    /// <summary>The resident who asked (signed in); they rate it.</summary>
    public Guid? RequestedByUserId { get; private set; }
    /// <summary>The cadre who recorded it for the household, when it was not the resident.</summary>
    public Guid? RecordedByUserId { get; private set; }
    public ServiceRequestStatus Status { get; private set; }
    public Guid? AssigneeMemberId { get; private set; }
    public Guid? AssigneeUserId { get; private set; }
    public DateTime? AssignedAt { get; private set; }
    public DateTime? DoneAt { get; private set; }
    public string? DoneNote { get; private set; }
    public ServiceSatisfaction? Satisfaction { get; private set; }
    public string? RatingComment { get; private set; }
    public DateTime? RatedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; set; }

    public bool IsOpen => Status is ServiceRequestStatus.Requested or ServiceRequestStatus.Assigned;

    private ServiceRequestChange Apply(ServiceRequestAction action, string? note)
    {
        if (!ServiceRequestTransitions.Table.TryGetValue((Status, action), out var to))
            throw new RuleViolation("service_request.transition_forbidden", "ServiceRequest_TransitionForbidden", null, typeof(ServiceAreaStrings));
        var change = new ServiceRequestChange(action, Status, to, note);
        Status = to;
        return change;
    }

    /// <summary>The organiser assigns a current member of this area's team (again to reassign).</summary>
    public ServiceRequestChange Assign(TeamMember volunteer, DateTime now)
    {
        if (volunteer.ServiceAreaId != ServiceAreaId || !volunteer.IsCurrent)
            throw new InputInvalid("TeamMemberId", "ServiceRequest_NotATeamMember", typeof(ServiceAreaStrings));
        if (volunteer.Id == AssigneeMemberId)
            throw new RuleViolation("service_request.same_volunteer", "ServiceRequest_SameVolunteer", "TeamMemberId", typeof(ServiceAreaStrings));
        var change = Apply(ServiceRequestAction.Assign, null);
        AssigneeMemberId = volunteer.Id;
        AssigneeUserId = volunteer.UserId;
        AssignedAt = now;
        return change;
    }

    /// <summary>The assigned volunteer has done it and says what was done.</summary>
    public ServiceRequestChange Complete(string note, DateTime now)
    {
        var change = Apply(ServiceRequestAction.Complete, null);
        DoneNote = note;
        DoneAt = now;
        return change;
    }

    /// <summary>The requesting resident rates the service; dissatisfied needs a comment.</summary>
    public ServiceRequestChange Rate(ServiceSatisfaction satisfaction, string? comment, DateTime now)
    {
        if (satisfaction == ServiceSatisfaction.Dissatisfied && string.IsNullOrWhiteSpace(comment))
            throw new InputInvalid("Comment", "ServiceRequest_DissatisfiedNeedsComment", typeof(ServiceAreaStrings));
        var change = Apply(ServiceRequestAction.Rate, null);
        Satisfaction = satisfaction;
        RatingComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        RatedAt = now;
        return change;
    }

    /// <summary>Withdrawn by the resident, or cancelled by the organiser with a reason, before it is done.</summary>
    public ServiceRequestChange Cancel(string reason, DateTime now)
    {
        var change = Apply(ServiceRequestAction.Cancel, null);
        CancelReason = reason;
        CancelledAt = now;
        return change;
    }
}
