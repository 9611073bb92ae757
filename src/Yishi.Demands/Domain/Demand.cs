using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Domain;

/// <summary>One change of a demand, for its timeline (the audit trail).</summary>
/// <summary>One state change; <paramref name="FromLevel"/> is the rung the demand stood on before it (an escalation moves it).</summary>
public sealed record DemandChange(DemandAction Action, DemandStatus From, DemandStatus To, string? Note, HandlingLevel FromLevel);

/// <summary>
/// 民情/诉求: anything a resident raises. The aggregate guards every state change with
/// <see cref="DemandTransitions"/>; handlers load it, call one method, record the returned change, save.
/// </summary>
public sealed class Demand : IAreaPlaced, IVersioned
{
    public const int DescriptionMaxLength = 2000;
    public const int LocationMaxLength = 200;
    public const int ReplyMaxLength = 2000;

    private Demand() { }

    public Demand(Guid districtId, Guid areaId, string areaPath, string trackingCode, string description, string? location,
        Channel channel, bool urgent, string? contactPhone, Guid? reporterUserId, Guid? recordedByUserId, HandlingLevel level, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        AreaId = areaId;
        AreaPath = areaPath;
        TrackingCode = trackingCode;
        Description = description;
        Location = location;
        Channel = channel;
        Urgent = urgent;
        ContactPhone = contactPhone;
        ReporterUserId = reporterUserId;
        RecordedByUserId = recordedByUserId;
        Level = level;
        Status = DemandStatus.Submitted;
        CreatedAt = now;
        LevelSince = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public string TrackingCode { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string? Location { get; private set; }
    public Channel Channel { get; private set; }
    public bool Urgent { get; private set; }
    public string? ContactPhone { get; private set; }
    public Guid? ReporterUserId { get; private set; }
    public Guid? RecordedByUserId { get; private set; }

    public DemandStatus Status { get; private set; }
    public HandlingLevel Level { get; private set; }
    public DateTime LevelSince { get; private set; }
    public int EscalationCount { get; private set; }
    public Ownership? Ownership { get; private set; }
    public ContentCategory? ContentCategory { get; private set; }
    public MustDeliberateCategory? MustDeliberate { get; private set; }
    public Guid? UnitId { get; private set; }
    public Guid? AssigneeUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime? AcknowledgedAt { get; private set; }
    public DateTime? FirstRespondedAt { get; private set; }
    public DateTime? AcknowledgeDueAt { get; set; }
    public DateTime? ResolveDueAt { get; set; }
    /// <summary>The deadline that applies now (acknowledge while waiting, resolve while being handled); indexed for "sort by due" and "overdue".</summary>
    public DateTime? DueAt { get; private set; }
    public DateTime? HandledAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    public string? Reply { get; private set; }
    public bool HandledOnSpot { get; private set; }
    public Satisfaction? Satisfaction { get; private set; }
    public string? RatingComment { get; private set; }
    public DateTime? RatedAt { get; private set; }
    public int ReopenCount { get; private set; }
    public bool? ReviewMetExpectations { get; private set; }
    public string? CloseReason { get; private set; }
    public Guid? CommonIssueId { get; private set; }
    /// <summary>When the Deliberation module recorded a resolution for this demand (十必议: allows closing as handled).</summary>
    public DateTime? DeliberatedAt { get; private set; }
    /// <summary>The secretary's recorded reason why a must-deliberate demand may be handled without a resolution.</summary>
    public string? DeliberationExemption { get; private set; }
    public DateTime? DeliberationExemptedAt { get; private set; }
    public int Version { get; set; }

    public bool IsOpen => Status != DemandStatus.Closed;

    public void SyncDue() => DueAt = Status switch
    {
        DemandStatus.Submitted => AcknowledgeDueAt,
        DemandStatus.InProgress or DemandStatus.Guidance => ResolveDueAt,
        _ => null,
    };

    private void RequireAllowed(DemandAction action)
    {
        if (!DemandTransitions.IsAllowed(Status, action))
            throw new RuleViolation("demand.transition_forbidden", "Demand_TransitionForbidden", null, typeof(DemandStrings), 409);
    }

    private DemandChange Apply(DemandAction action, string? note)
    {
        RequireAllowed(action);
        var to = DemandTransitions.Table[(Status, action)];
        var change = new DemandChange(action, Status, to, note, Level);
        Status = to;
        return change;
    }

    private void Acknowledge(DateTime now)
    {
        AcknowledgedAt ??= now;
        FirstRespondedAt ??= now;
        AcknowledgeDueAt = null;
    }

    /// <summary>三事分流: the receiving level classifies the demand. Allowed while it waits for triage.</summary>
    /// <remarks>
    /// 十必议 cannot be bypassed by re-triage: removing or changing a must-deliberate category is the community
    /// secretary's recorded decision (the handler authorises it); here the reason is required.
    /// </remarks>
    public void Classify(Ownership ownership, bool urgent, ContentCategory? category, MustDeliberateCategory? mustDeliberate, string? mustDeliberateChangeReason = null)
    {
        if (Status is not (DemandStatus.Submitted or DemandStatus.InProgress or DemandStatus.Guidance))
            throw new RuleViolation("demand.transition_forbidden", "Demand_TransitionForbidden", null, typeof(DemandStrings), 409);
        if (ChangesMustDeliberate(mustDeliberate) && string.IsNullOrWhiteSpace(mustDeliberateChangeReason))
            throw new InputInvalid("MustDeliberateChangeReason", "Demand_MustDeliberateChangeReasonRequired", typeof(DemandRuleStrings));
        Ownership = ownership;
        Urgent = urgent;
        ContentCategory = category;
        MustDeliberate = mustDeliberate;
    }

    /// <summary>Whether classifying with <paramref name="to"/> would remove or change the must-deliberate category already recorded.</summary>
    public bool ChangesMustDeliberate(MustDeliberateCategory? to) => MustDeliberate is not null && MustDeliberate != to;

    /// <summary>马上办: handled by the receiver at once; the result is recorded in the same step.</summary>
    public DemandChange HandleOnSpot(string reply, DateTime now)
    {
        RequireAllowed(DemandAction.HandleOnSpot);
        RequireDeliberatedOrExempt();
        var change = Apply(DemandAction.HandleOnSpot, reply);
        Acknowledge(now);
        HandledOnSpot = true;
        Reply = reply;
        HandledAt = now;
        ResolveDueAt = null;
        ClearRating();
        return change;
    }

    /// <summary>负责办: assigned to a person and/or unit with a resolve deadline.</summary>
    public DemandChange Assign(Guid? assigneeUserId, Guid? unitId, DateTime resolveDueAt, DateTime now, string? note)
    {
        if (assigneeUserId is null && unitId is null)
            throw new InputInvalid("AssigneeUserId", "Demand_AssigneeRequired", typeof(DemandStrings));
        var change = Apply(DemandAction.Assign, note);
        Acknowledge(now);
        AssigneeUserId = assigneeUserId;
        UnitId = unitId ?? UnitId;
        ResolveDueAt = resolveDueAt;
        return change;
    }

    /// <summary>私事: the resident is guided (self-help, mutual aid, market services); the item stays followed up.</summary>
    public DemandChange Guide(string guidance, DateTime followUpDueAt, DateTime now)
    {
        if (Ownership != Domain.Ownership.Personal)
            throw new RuleViolation("demand.guidance_needs_personal", "Demand_GuidanceNeedsPersonal", "Ownership", typeof(DemandStrings), 422);
        var change = Apply(DemandAction.Guide, guidance);
        Acknowledge(now);
        Reply = guidance;
        ResolveDueAt = followUpDueAt;
        return change;
    }

    /// <summary>The private matter turned out to need the community or the government.</summary>
    public DemandChange Convert(Ownership ownership, string reason, DateTime acknowledgeDueAt, DateTime now)
    {
        if (ownership == Domain.Ownership.Personal)
            throw new RuleViolation("demand.convert_to_personal", "Demand_ConvertNeedsPublicOwnership", "Ownership", typeof(DemandStrings), 422);
        var change = Apply(DemandAction.Convert, reason);
        Ownership = ownership;
        AcknowledgedAt = null;
        AcknowledgeDueAt = acknowledgeDueAt;
        ResolveDueAt = null;
        LevelSince = now;
        return change;
    }

    /// <summary>The level above this one, or null at the top of the ladder.</summary>
    public static HandlingLevel? Above(HandlingLevel level) => level switch
    {
        HandlingLevel.Council => HandlingLevel.Community,
        HandlingLevel.Community => HandlingLevel.Street,
        HandlingLevel.Street => HandlingLevel.Department,
        _ => null,
    };

    /// <summary>Up one rung of the ladder with a reason; the next level must acknowledge it in time.</summary>
    public DemandChange Escalate(string reason, Guid? departmentUnitId, DateTime acknowledgeDueAt, DateTime now, bool automatic = false)
    {
        var next = Above(Level) ?? throw new RuleViolation("demand.top_of_ladder", "Demand_TopOfLadder", null, typeof(DemandStrings), 409);
        if (next == HandlingLevel.Department && departmentUnitId is null)
            throw new InputInvalid("UnitId", "Demand_DepartmentRequired", typeof(DemandStrings));
        var change = Apply(automatic ? DemandAction.AutoEscalate : DemandAction.Escalate, reason);
        FirstRespondedAt ??= automatic ? null : now;
        Level = next;
        LevelSince = now;
        EscalationCount++;
        AcknowledgedAt = null;
        AcknowledgeDueAt = acknowledgeDueAt;
        ResolveDueAt = null;
        AssigneeUserId = null;
        UnitId = next == HandlingLevel.Department ? departmentUnitId : null;
        return change;
    }

    /// <summary>A department refers the demand sideways to the right department.</summary>
    public DemandChange Refer(Guid departmentUnitId, string reason, DateTime acknowledgeDueAt, DateTime now)
    {
        if (Level != HandlingLevel.Department)
            throw new RuleViolation("demand.refer_only_departments", "Demand_ReferOnlyDepartments", null, typeof(DemandStrings), 409);
        if (departmentUnitId == UnitId)
            throw new RuleViolation("demand.refer_same_unit", "Demand_ReferSameUnit", "UnitId", typeof(DemandStrings), 422);
        var change = Apply(DemandAction.Refer, reason);
        FirstRespondedAt ??= now;
        UnitId = departmentUnitId;
        AssigneeUserId = null;
        LevelSince = now;
        EscalationCount++;
        AcknowledgedAt = null;
        AcknowledgeDueAt = acknowledgeDueAt;
        ResolveDueAt = null;
        return change;
    }

    public DemandChange SendToDeliberation(string reason, DateTime now)
    {
        var change = Apply(DemandAction.SendToDeliberation, reason);
        Acknowledge(now);
        ResolveDueAt = null;
        return change;
    }

    /// <summary>The Deliberation module recorded a resolution; implementation follows as responsible-unit handling.</summary>
    public DemandChange RecordResolution(string summary, DateTime resolveDueAt, DateTime now)
    {
        var change = Apply(DemandAction.RecordResolution, summary);
        ResolveDueAt = resolveDueAt;
        DeliberatedAt = now;
        return change;
    }

    /// <summary>The deliberation body sent the matter back (topic rejected or withdrawn): the receiving level triages it again.</summary>
    public DemandChange ReturnFromDeliberation(string reason, DateTime acknowledgeDueAt, DateTime now)
    {
        var change = Apply(DemandAction.ReturnFromDeliberation, reason);
        AcknowledgedAt = null;
        AcknowledgeDueAt = acknowledgeDueAt;
        LevelSince = now;
        return change;
    }

    /// <summary>十必议: whether this demand still needs a resolution (or a recorded exemption) before it may be handled.</summary>
    public bool AwaitsDeliberationOrExemption => MustDeliberate is not null && DeliberatedAt is null && DeliberationExemptedAt is null;

    /// <summary>十必议: the secretary records why this must-deliberate demand may be handled without a resolution.</summary>
    public DemandChange ExemptFromDeliberation(string reason, DateTime now)
    {
        RequireAllowed(DemandAction.ExemptFromDeliberation);
        if (MustDeliberate is null)
            throw new RuleViolation("demand.not_must_deliberate", "Demand_NotMustDeliberate", null, typeof(DemandStrings), 409);
        if (DeliberationExemptedAt is not null || DeliberatedAt is not null)
            throw new RuleViolation("demand.already_exempt", "Demand_AlreadyExempt", null, typeof(DemandStrings), 409);
        var change = Apply(DemandAction.ExemptFromDeliberation, reason);
        DeliberationExemption = reason;
        DeliberationExemptedAt = now;
        return change;
    }

    private void RequireDeliberatedOrExempt()
    {
        if (AwaitsDeliberationOrExemption)
            throw new RuleViolation("demand.must_deliberate", "Demand_MustDeliberateFirst", "MustDeliberate", typeof(DemandStrings), 409);
    }

    public DemandChange Handle(string reply, DateTime now)
    {
        RequireAllowed(DemandAction.Handle);
        RequireDeliberatedOrExempt();
        var change = Apply(DemandAction.Handle, reply);
        Reply = reply;
        HandledAt = now;
        ResolveDueAt = null;
        ClearRating();
        return change;
    }

    /// <summary>A demand reopened after a dissatisfied rating and handled again is rated afresh.</summary>
    private void ClearRating()
    {
        Satisfaction = null;
        RatingComment = null;
        RatedAt = null;
    }

    /// <summary>The resident rates the handling within the window; dissatisfied reopens it to the same handler.</summary>
    public DemandChange Rate(Satisfaction satisfaction, string? comment, DateTime now, TimeSpan window, DateTime resolveDueAt)
    {
        if (Status != DemandStatus.Handled || HandledAt is null)
            throw new RuleViolation("demand.transition_forbidden", "Demand_TransitionForbidden", null, typeof(DemandStrings), 409);
        if (RatedAt is not null)
            throw new RuleViolation("demand.already_rated", "Demand_AlreadyRated", null, typeof(DemandStrings), 409);
        if (now > HandledAt.Value + window)
            throw new RuleViolation("demand.rating_window_closed", "Demand_RatingWindowClosed", null, typeof(DemandStrings), 409);
        if (satisfaction == Domain.Satisfaction.Dissatisfied && string.IsNullOrWhiteSpace(comment))
            throw new InputInvalid("Comment", "Demand_DissatisfiedNeedsComment", typeof(DemandStrings));
        var change = Apply(satisfaction == Domain.Satisfaction.Dissatisfied ? DemandAction.RateDissatisfied : DemandAction.RateSatisfied, comment);
        Satisfaction = satisfaction;
        RatingComment = comment;
        RatedAt = now;
        if (satisfaction == Domain.Satisfaction.Dissatisfied)
        {
            ReopenCount++;
            HandledAt = null;
            ResolveDueAt = resolveDueAt;
        }
        return change;
    }

    /// <summary>回头议: the council reviews a handled demand; only a passed review closes it (销号).</summary>
    public DemandChange Review(bool metExpectations, bool residentsSatisfied, string note, DateTime now, DateTime resolveDueAt)
    {
        var passed = metExpectations && residentsSatisfied;
        var change = Apply(passed ? DemandAction.ReviewPassed : DemandAction.ReviewFailed, note);
        ReviewMetExpectations = passed;
        if (passed)
        {
            ClosedAt = now;
        }
        else
        {
            ReopenCount++;
            HandledAt = null;
            ResolveDueAt = resolveDueAt;
        }
        return change;
    }

    public DemandChange CloseWithoutReview(string reason, DateTime now)
    {
        var change = Apply(DemandAction.CloseWithoutReview, reason);
        CloseReason = reason;
        ClosedAt = now;
        return change;
    }

    /// <summary>Not a demand (spam, duplicate filed twice): closed at intake with a reason.</summary>
    public DemandChange Dismiss(string reason, DateTime now)
    {
        var change = Apply(DemandAction.Dismiss, reason);
        Acknowledge(now);
        CloseReason = reason;
        ClosedAt = now;
        return change;
    }

    public void JoinCommonIssue(Guid commonIssueId)
    {
        if (!IsOpen) throw new RuleViolation("demand.closed", "Demand_Closed", null, typeof(DemandStrings), 409);
        if (CommonIssueId is not null && CommonIssueId != commonIssueId)
            throw new RuleViolation("demand.already_in_common_issue", "Demand_AlreadyInCommonIssue", "DemandIds", typeof(DemandStrings), 409);
        CommonIssueId = commonIssueId;
    }

    /// <summary>A member whose reporter is not satisfied with the shared result is handled on its own again.</summary>
    public void LeaveCommonIssue() => CommonIssueId = null;

    /// <summary>
    /// A member follows its common issue's lead: when the lead is handled the member is handled with the
    /// lead's reply (the reporter can rate it); when the lead is closed the member is closed too.
    /// </summary>
    public DemandChange FollowLead(Demand lead, DateTime now)
    {
        if (CommonIssueId is null || lead.CommonIssueId != CommonIssueId || lead.Id == Id)
            throw new RuleViolation("demand.not_in_common_issue", "Demand_NotInCommonIssue", null, typeof(DemandStrings), 409);
        RequireAllowed(DemandAction.FollowCommonIssue);
        // 十必议 holds for every member: the lead's handling does not stand in for the member's own resolution or exemption.
        if (Status != DemandStatus.Handled && AwaitsDeliberationOrExemption)
            throw new RuleViolation("demand.member_must_deliberate", "Demand_MemberMustDeliberate", "MustDeliberate", typeof(DemandRuleStrings), 409, TrackingCode);
        var change = Apply(DemandAction.FollowCommonIssue, lead.Reply);
        if (Status == DemandStatus.Handled)
        {
            Acknowledge(now);
            Reply = lead.Reply;
            HandledAt = now;
            ResolveDueAt = null;
            AcknowledgeDueAt = null;
        }
        else
        {
            CloseReason = "随共性问题销号";
            ClosedAt = now;
        }
        return change;
    }
}
