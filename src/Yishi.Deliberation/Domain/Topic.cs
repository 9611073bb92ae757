using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Deliberation.Domain;

/// <summary>One change of a topic's stage, for its timeline.</summary>
public sealed record TopicChange(TopicAction Action, TopicStage From, TopicStage To, string? Note);

/// <summary>
/// 议题: a matter for a council to decide, raised directly or made from demands. It goes through the
/// four steps (提议、评议、审议、决议), public notice, implementation and follow-up review;
/// every change is guarded by <see cref="TopicTransitions"/>.
/// </summary>
public sealed class Topic : IAreaPlaced, IVersioned
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 4000;
    public const int ReasonMaxLength = 1000;
    public const int DefaultReviewDays = 3;

    private Topic() { }

    public Topic(Guid districtId, Guid areaId, string areaPath, Guid councilId, string title, string description, string? reason,
        long? estimatedCostFen, TopicOrigin origin, Guid? proposedByUserId, bool vitalInterest, bool urgent,
        TopicContentCategory? contentCategory, TopicMustDeliberate? mustDeliberate, DateTime now)
    {
        if (estimatedCostFen is < 0) throw new InputInvalid("EstimatedCostFen", "Topic_CostInvalid", typeof(DeliberationStrings));
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        AreaId = areaId;
        AreaPath = areaPath;
        CouncilId = councilId;
        Title = title;
        Description = description;
        Reason = reason;
        EstimatedCostFen = estimatedCostFen;
        Origin = origin;
        ProposedByUserId = proposedByUserId;
        VitalInterest = vitalInterest;
        Urgent = urgent;
        ContentCategory = contentCategory;
        MustDeliberate = mustDeliberate;
        Stage = TopicStage.Proposal;
        CreatedAt = now;
        StageChangedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    /// <summary>The council that will decide.</summary>
    public Guid CouncilId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string? Reason { get; private set; }
    public long? EstimatedCostFen { get; private set; }
    public TopicOrigin Origin { get; private set; }
    public Guid? ProposedByUserId { get; private set; }
    /// <summary>Touches residents' vital interests: only a council that decides vital interests may resolve it.</summary>
    public bool VitalInterest { get; private set; }
    public bool Urgent { get; private set; }
    public TopicContentCategory? ContentCategory { get; private set; }
    public TopicMustDeliberate? MustDeliberate { get; private set; }
    public TopicStage Stage { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime StageChangedAt { get; private set; }
    /// <summary>The end of the review (评议) period: comments are taken until then.</summary>
    public DateTime? ReviewEndsAt { get; private set; }
    /// <summary>The resolution that decided the topic (the latest one).</summary>
    public Guid? ResolutionId { get; private set; }
    public string? LastReason { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public int Version { get; set; }

    public bool IsFinished => Stage is TopicStage.Closed or TopicStage.Rejected;

    private TopicChange Apply(TopicAction action, string? note, DateTime now)
    {
        if (!TopicTransitions.Table.TryGetValue((Stage, action), out var to))
            throw new RuleViolation("topic.transition_forbidden", "Topic_TransitionForbidden", null, typeof(DeliberationStrings), 409);
        if (TopicTransitions.NeedsReason(action) && string.IsNullOrWhiteSpace(note))
            throw new InputInvalid("Reason", "Topic_ReasonRequired", typeof(DeliberationStrings));
        var change = new TopicChange(action, Stage, to, note);
        Stage = to;
        StageChangedAt = now;
        if (TopicTransitions.NeedsReason(action)) LastReason = note;
        if (to is TopicStage.Closed or TopicStage.Rejected) ClosedAt = now;
        return change;
    }

    public void Edit(string title, string description, string? reason, long? estimatedCostFen, bool vitalInterest, bool urgent,
        TopicContentCategory? contentCategory, TopicMustDeliberate? mustDeliberate)
    {
        if (Stage is not (TopicStage.Proposal or TopicStage.Review))
            throw new RuleViolation("topic.not_editable", "Topic_NotEditable", null, typeof(DeliberationStrings));
        if (estimatedCostFen is < 0) throw new InputInvalid("EstimatedCostFen", "Topic_CostInvalid", typeof(DeliberationStrings));
        Title = title;
        Description = description;
        Reason = reason;
        EstimatedCostFen = estimatedCostFen;
        VitalInterest = vitalInterest;
        Urgent = urgent;
        ContentCategory = contentCategory;
        MustDeliberate = mustDeliberate;
    }

    /// <summary>提议 → 评议: accepted for review; comments are taken for <paramref name="reviewDays"/> days.</summary>
    public TopicChange Accept(int reviewDays, string? note, DateTime now)
    {
        if (reviewDays is < 0 or > 60) throw new InputInvalid("ReviewDays", "Topic_ReviewDaysInvalid", typeof(DeliberationStrings));
        var change = Apply(TopicAction.Accept, note, now);
        ReviewEndsAt = now.AddDays(reviewDays);
        return change;
    }

    public TopicChange SendBack(string reason, DateTime now) => Apply(TopicAction.SendBack, reason, now);

    public TopicChange Reject(string reason, DateTime now) => Apply(TopicAction.Reject, reason, now);

    /// <summary>评议 → 审议: put on a meeting of <paramref name="council"/>.</summary>
    public TopicChange PlaceOnAgenda(Council council, Meeting meeting, string? note, DateTime now)
    {
        // A council that does not decide vital interests may still discuss such a topic (and then forward it, see ForwardToRepresentatives).
        if (meeting.CouncilId != council.Id)
            throw new RuleViolation("topic.wrong_council", "Topic_WrongCouncil", "MeetingId", typeof(DeliberationStrings), 409);
        if (meeting.Kind == MeetingKind.Emergency && !Urgent)
            throw new RuleViolation("topic.emergency_only_urgent", "Topic_EmergencyOnlyUrgent", "MeetingId", typeof(DeliberationStrings), 409);
        if (!meeting.IsOpenForAgenda)
            throw new RuleViolation("topic.meeting_not_open", "Topic_MeetingNotOpen", "MeetingId", typeof(DeliberationStrings), 409);
        if (!AreaPath.StartsWith(council.AreaPath, StringComparison.Ordinal))
            throw new RuleViolation("topic.outside_council_area", "Topic_OutsideCouncilArea", "MeetingId", typeof(DeliberationStrings), 409);
        var change = Apply(TopicAction.PlaceOnAgenda, note, now);
        // The matter may go to another body than the one it was raised to (a vital interest goes to the representatives meeting).
        CouncilId = council.Id;
        return change;
    }

    /// <summary>Only a council that decides vital interests may pass a resolution on a topic touching them.</summary>
    public void RequireDecidableBy(Council council)
    {
        if (VitalInterest && !council.DecidesVitalInterests)
            throw new RuleViolation("topic.vital_interest_needs_representatives", "Topic_VitalInterestForwardOnly", null, typeof(MeetingRuleStrings), 409, council.Name);
    }

    /// <summary>
    /// 审议 → 评议 at <paramref name="representatives"/>: a council that does not decide vital interests discussed the topic
    /// and hands it to the representatives meeting, which puts it on one of its meetings and decides.
    /// </summary>
    public TopicChange ForwardToRepresentatives(Council from, Council representatives, string? note, DateTime now)
    {
        if (!TopicTransitions.IsAllowed(Stage, TopicAction.ForwardToRepresentatives))
            throw new RuleViolation("topic.transition_forbidden", "Topic_TransitionForbidden", null, typeof(DeliberationStrings), 409);
        if (!VitalInterest || from.DecidesVitalInterests)
            throw new RuleViolation("topic.forward_not_needed", "Topic_ForwardNotNeeded", null, typeof(MeetingRuleStrings), 409);
        if (!representatives.DecidesVitalInterests || representatives.Archived || !AreaPath.StartsWith(representatives.AreaPath, StringComparison.Ordinal))
            throw new RuleViolation("topic.no_representatives_council", "Topic_NoRepresentativesCouncil", null, typeof(MeetingRuleStrings), 409);
        var change = Apply(TopicAction.ForwardToRepresentatives, note, now);
        CouncilId = representatives.Id;
        return change;
    }

    /// <summary>决议: the vote was closed. Passed → public notice; failed → rejected, or back to review with a reason.</summary>
    public TopicChange Resolve(Resolution resolution, bool backToReview, string? reason, DateTime now)
    {
        var change = resolution.Passed
            ? Apply(TopicAction.ResolvePassed, reason, now)
            : Apply(backToReview ? TopicAction.ResolveFailedToReview : TopicAction.ResolveFailed, reason ?? (backToReview ? null : "表决未通过"), now);
        ResolutionId = resolution.Id;
        return change;
    }

    public TopicChange NoticeEnded(DateTime now) => Apply(TopicAction.NoticeEnded, null, now);

    public TopicChange ObjectionUpheld(string reason, DateTime now) => Apply(TopicAction.ObjectionUpheld, reason, now);

    public TopicChange TasksDone(DateTime now) => Apply(TopicAction.TasksDone, null, now);

    /// <summary>回头议: passed only when the result met expectations and residents are satisfied.</summary>
    public TopicChange FollowUpReviewed(bool metExpectations, bool residentsSatisfied, string? note, DateTime now)
        => metExpectations && residentsSatisfied
            ? Apply(TopicAction.ReviewPassed, note, now)
            : Apply(TopicAction.ReviewFailed, note, now);
}

/// <summary>A demand the topic was made from (with the tracking code as it was).</summary>
public sealed class TopicDemand : ITenantOwned
{
    private TopicDemand() { }

    public TopicDemand(Guid districtId, Guid topicId, Guid demandId, string trackingCode)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        TopicId = topicId;
        DemandId = demandId;
        TrackingCode = trackingCode;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid TopicId { get; private set; }
    public Guid DemandId { get; private set; }
    public string TrackingCode { get; private set; } = "";
}

/// <summary>The topic's timeline: who did what, when, from which stage to which, why.</summary>
public sealed class TopicEvent : ITenantOwned
{
    private TopicEvent() { }

    public TopicEvent(Guid districtId, Guid topicId, string action, TopicStage from, TopicStage to, string? note, Guid? byUserId, DateTime at)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        TopicId = topicId;
        Action = action;
        From = from;
        To = to;
        Note = note;
        ByUserId = byUserId;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid TopicId { get; private set; }
    /// <summary>A <see cref="TopicAction"/> name, or another event (created, comment, task …).</summary>
    public string Action { get; private set; } = "";
    public TopicStage From { get; private set; }
    public TopicStage To { get; private set; }
    public string? Note { get; private set; }
    public Guid? ByUserId { get; private set; }
    public DateTime At { get; private set; }
}

/// <summary>评议: a comment on a topic under review, by a member or a resident of the topic's area.</summary>
public sealed class TopicComment : ITenantOwned
{
    public const int TextMaxLength = 1000;

    private TopicComment() { }

    public TopicComment(Guid districtId, Guid topicId, Guid userId, Stance stance, string text, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        TopicId = topicId;
        UserId = userId;
        Stance = stance;
        Text = text;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid TopicId { get; private set; }
    public Guid UserId { get; private set; }
    public Stance Stance { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
