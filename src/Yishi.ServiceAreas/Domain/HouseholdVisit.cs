using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.ServiceAreas.Domain;

/// <summary>
/// 走访: someone of the service area (a team member, or the organiser/supervisor who captain it) visits a household
/// and may collect suggestions. The visitor's name is a snapshot, like holdings.
/// </summary>
public sealed class HouseholdVisit : IAreaPlaced
{
    public const int NotesMaxLength = 2000;

    private HouseholdVisit() { }

    public HouseholdVisit(ServiceArea area, Guid householdId, PersonRef visitor, Guid? visitorMemberId, DateOnly visitedOn, string? notes, Guid recordedBy, DateOnly today, DateTime now)
    {
        area.EnsureActive();
        if (visitedOn > today) throw new InputInvalid("VisitedOn", "Date_InFuture", typeof(ServiceAreaStrings));
        Id = Guid.CreateVersion7();
        DistrictId = area.DistrictId;
        AreaId = area.AreaId;
        AreaPath = area.AreaPath;
        ServiceAreaId = area.Id;
        HouseholdId = householdId;
        VisitorMemberId = visitorMemberId;
        VisitorUserId = visitor.UserId;
        VisitorName = visitor.DisplayName;
        VisitedOn = visitedOn;
        Notes = notes;
        RecordedBy = recordedBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public Guid ServiceAreaId { get; private set; }
    public Guid HouseholdId { get; private set; }
    /// <summary>The team member who visited, when the visitor is on the team (organisers and supervisors captain it without a member row).</summary>
    public Guid? VisitorMemberId { get; private set; }
    public Guid? VisitorUserId { get; private set; }
    public string VisitorName { get; private set; } = "";
    public DateOnly VisitedOn { get; private set; }
    public string? Notes { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
}

/// <summary>A suggestion collected on a visit; the organiser answers it (once).</summary>
public sealed class VisitSuggestion : IAreaPlaced, IVersioned
{
    public const int TextMaxLength = 1000;
    public const int AnswerMaxLength = 1000;

    private VisitSuggestion() { }

    public VisitSuggestion(HouseholdVisit visit, string text, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = visit.DistrictId;
        AreaId = visit.AreaId;
        AreaPath = visit.AreaPath;
        ServiceAreaId = visit.ServiceAreaId;
        VisitId = visit.Id;
        HouseholdId = visit.HouseholdId;
        Text = text;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public Guid ServiceAreaId { get; private set; }
    public Guid VisitId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public string Text { get; private set; } = "";
    public string? Answer { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public Guid? AnsweredBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; set; }

    public bool IsAnswered => Answer is not null;

    public void AnswerWith(string answer, Guid by, DateTime now)
    {
        if (IsAnswered) throw new RuleViolation("suggestion.already_answered", "Suggestion_AlreadyAnswered", null, typeof(ServiceAreaStrings));
        Answer = answer;
        AnsweredBy = by;
        AnsweredAt = now;
    }
}
