using Yishi.Platform.Data;
using Yishi.Platform.Media;
using Yishi.Platform.Rules;

namespace Yishi.ServiceAreas.Domain;

/// <summary>
/// One line of a household's points ledger (积分台账). Append-only: never updated or deleted. A correction
/// or an upheld appeal is a new entry that reverses this one (the same points with the opposite sign).
/// The household's balance is always the sum of its entries.
/// </summary>
public sealed class PointEntry : IAreaPlaced
{
    public const int EvidenceMaxLength = 500;

    private PointEntry() { }

    private PointEntry(Guid districtId, Guid householdId, Guid areaId, string areaPath, Guid ruleId, int ruleVersionNumber, int points,
        string evidence, Guid awardedBy, DateTime awardedAt, DateOnly occurredOn, Guid? reversesEntryId)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        HouseholdId = householdId;
        AreaId = areaId;
        AreaPath = areaPath;
        PointRuleId = ruleId;
        RuleVersionNumber = ruleVersionNumber;
        Points = points;
        Evidence = evidence;
        AwardedByUserId = awardedBy;
        AwardedAt = awardedAt;
        OccurredOn = occurredOn;
        ReversesEntryId = reversesEntryId;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid HouseholdId { get; private set; }
    /// <summary>The household's group (村民组/网格) when the entry was made.</summary>
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public Guid PointRuleId { get; private set; }
    /// <summary>The number of the list version the rule belongs to, cited on the entry.</summary>
    public int RuleVersionNumber { get; private set; }
    /// <summary>Signed: positive items add, negative items and reversals of positive items subtract.</summary>
    public int Points { get; private set; }
    public string Evidence { get; private set; } = "";
    public Guid AwardedByUserId { get; private set; }
    public DateTime AwardedAt { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    public Guid? ReversesEntryId { get; private set; }

    public bool IsReversal => ReversesEntryId is not null;

    public static PointEntry Award(Guid districtId, Guid householdId, Guid areaId, string areaPath, PointRule rule, int versionNumber,
        string evidence, Guid awardedBy, DateTime now, DateOnly occurredOn)
        => new(districtId, householdId, areaId, areaPath, rule.Id, versionNumber, rule.SignedPoints, evidence, awardedBy, now, occurredOn, null);

    /// <summary>The entry that cancels this one. A reversal itself cannot be reversed (award again instead).</summary>
    public PointEntry Reverse(string reason, Guid by, DateTime now, DateOnly today)
    {
        if (IsReversal) throw new RuleViolation("points.reversal_of_reversal", "Points_CannotReverseReversal", null, typeof(PointsStrings));
        return new(DistrictId, HouseholdId, AreaId, AreaPath, PointRuleId, RuleVersionNumber, -Points, reason, by, now, today, Id);
    }
}

public static class PointLedger
{
    /// <summary>A balance is the sum of the ledger; there is no other source.</summary>
    public static int Balance(IEnumerable<PointEntry> entries) => entries.Sum(e => e.Points);
}

public enum AppealStatus
{
    Open = 0,
    Upheld = 1,
    Dismissed = 2,
}

/// <summary>
/// 申诉: a household disputes one entry. The area's supervisor decides; the person who made the entry never
/// decides its appeal. Upheld → a reversing entry; dismissed → with a reason. One open appeal per entry
/// (<see cref="OpenEntryId"/> is the entry's id while open and null afterwards, under a unique index).
/// </summary>
public sealed class PointAppeal : IAreaPlaced, IVersioned
{
    public const int ReasonMaxLength = 1000;

    private PointAppeal() { }

    public PointAppeal(PointEntry entry, string reason, Guid raisedBy, DateTime now)
    {
        if (entry.IsReversal) throw new RuleViolation("points.appeal_reversal", "Points_CannotAppealReversal", null, typeof(PointsStrings));
        Id = Guid.CreateVersion7();
        DistrictId = entry.DistrictId;
        AreaId = entry.AreaId;
        AreaPath = entry.AreaPath;
        PointEntryId = entry.Id;
        OpenEntryId = entry.Id;
        HouseholdId = entry.HouseholdId;
        EntryAwardedByUserId = entry.AwardedByUserId;
        Reason = reason;
        RaisedByUserId = raisedBy;
        RaisedAt = now;
        Status = AppealStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public Guid PointEntryId { get; private set; }
    public Guid? OpenEntryId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public Guid EntryAwardedByUserId { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid RaisedByUserId { get; private set; }
    public DateTime RaisedAt { get; private set; }
    public AppealStatus Status { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }
    public Guid? ReversalEntryId { get; private set; }
    public int Version { get; set; }

    /// <summary>The awarder may never decide the appeal against their own entry, whatever roles they hold.</summary>
    public void EnsureMayDecide(Guid deciderId)
    {
        if (deciderId == EntryAwardedByUserId)
            throw new RuleViolation("points.awarder_cannot_decide", "Points_AwarderCannotDecide", null, typeof(PointsStrings), 403);
        if (Status != AppealStatus.Open)
            throw new RuleViolation("points.appeal_decided", "Points_AppealAlreadyDecided", null, typeof(PointsStrings));
    }

    public PointEntry Uphold(PointEntry entry, string note, Guid deciderId, DateTime now, DateOnly today)
    {
        EnsureMayDecide(deciderId);
        if (entry.Id != PointEntryId) throw new InvalidOperationException("Wrong entry for this appeal.");
        var reversal = entry.Reverse(note, deciderId, now, today);
        Close(AppealStatus.Upheld, note, deciderId, now);
        ReversalEntryId = reversal.Id;
        return reversal;
    }

    public void Dismiss(string note, Guid deciderId, DateTime now)
    {
        EnsureMayDecide(deciderId);
        Close(AppealStatus.Dismissed, note, deciderId, now);
    }

    private void Close(AppealStatus status, string note, Guid deciderId, DateTime now)
    {
        Status = status;
        DecisionNote = note;
        DecidedByUserId = deciderId;
        DecidedAt = now;
        OpenEntryId = null;
    }
}

/// <summary>The optional photo of a ledger entry's evidence (processed by <see cref="PhotoProcessor"/>). Added with the entry, never changed.</summary>
public sealed class PointEntryPhoto : StoredPhoto
{
    private PointEntryPhoto() { }

    public PointEntryPhoto(Guid districtId, Guid entryId, ProcessedPhoto photo, Guid? uploadedBy, DateTime now) : base(districtId, photo, uploadedBy, now)
        => PointEntryId = entryId;

    public Guid PointEntryId { get; private set; }
}
