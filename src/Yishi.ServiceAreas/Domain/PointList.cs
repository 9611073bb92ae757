using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.ServiceAreas.Domain;

public enum PointDirection
{
    Positive = 0,
    Negative = 1,
}

public enum PointListVersionStatus
{
    Draft = 0,
    Approved = 1,
    Superseded = 2,
}

/// <summary>正负面清单: one per community (村/社区). Its rules live in numbered versions; only approved ones are used.</summary>
public sealed class PointList : IAreaPlaced, IVersioned
{
    private PointList() { }

    public PointList(Guid districtId, Guid communityId, string communityPath, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        AreaId = communityId;
        AreaPath = communityPath;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    /// <summary>The community (村/社区) whose list this is.</summary>
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    /// <summary>The highest version number handed out, so drafts are numbered 1, 2, 3 … without gaps.</summary>
    public int LastNumber { get; private set; }
    public int Version { get; set; }

    public PointListVersion NewDraft(Guid userId, DateTime now)
    {
        LastNumber++;
        return new PointListVersion(DistrictId, Id, LastNumber, userId, now);
    }
}

/// <summary>
/// One version of a points list. A draft is edited freely; approval (by a representatives-assembly resolution
/// or a recorded meeting vote) freezes it, and it applies from <see cref="EffectiveFrom"/>. Approving a newer
/// version supersedes the current one (which still applies to days before the newer one's effective date).
/// </summary>
public sealed class PointListVersion : ITenantOwned, IVersioned
{
    public const int BodyNameMaxLength = 60;

    private PointListVersion() { }

    internal PointListVersion(Guid districtId, Guid listId, int number, Guid draftedBy, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        PointListId = listId;
        Number = number;
        Status = PointListVersionStatus.Draft;
        DraftedByUserId = draftedBy;
        DraftedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid PointListId { get; private set; }
    public int Number { get; private set; }
    public PointListVersionStatus Status { get; private set; }
    public Guid DraftedByUserId { get; private set; }
    public DateTime DraftedAt { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }
    public DateOnly? EffectiveFrom { get; private set; }
    public Guid? ApprovedByUserId { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    /// <summary>The Deliberation resolution that approved this version, when approval is cited from there.</summary>
    public Guid? ResolutionId { get; private set; }
    // The manual approval record (a meeting held outside the platform).
    public string? BodyName { get; private set; }
    public int? MembersTotal { get; private set; }
    public int? MembersPresent { get; private set; }
    public int? VotesFor { get; private set; }
    public int? VotesAgainst { get; private set; }
    public int? VotesAbstain { get; private set; }
    public DateTime? SupersededAt { get; private set; }
    public int Version { get; set; }

    public bool IsDraft => Status == PointListVersionStatus.Draft;

    public void EnsureDraft()
    {
        if (!IsDraft) throw new RuleViolation("points.version_not_draft", "Points_VersionNotDraft", null, typeof(PointsStrings));
    }

    public void ApproveManually(ApprovalRecord record, DateOnly effectiveFrom, Guid userId, DateTime now)
    {
        EnsureDraft();
        if (ManualApproval.Refusal(record) is { } key)
            throw new RuleViolation("points.approval_refused", key, ManualApproval.FieldOf(key), typeof(PointsStrings), 422);
        BodyName = record.BodyName;
        MembersTotal = record.MembersTotal;
        MembersPresent = record.Present;
        VotesFor = record.For;
        VotesAgainst = record.Against;
        VotesAbstain = record.Abstain;
        Approve(record.MeetingDate, effectiveFrom, userId, now);
    }

    public void ApproveByResolution(Guid resolutionId, DateOnly adoptedOn, DateOnly effectiveFrom, Guid userId, DateTime now)
    {
        EnsureDraft();
        ResolutionId = resolutionId;
        Approve(adoptedOn, effectiveFrom, userId, now);
    }

    private void Approve(DateOnly approvedOn, DateOnly effectiveFrom, Guid userId, DateTime now)
    {
        if (effectiveFrom < approvedOn)
            throw new RuleViolation("points.effective_before_approval", "Points_EffectiveBeforeApproval", "EffectiveFrom", typeof(PointsStrings), 422);
        Status = PointListVersionStatus.Approved;
        ApprovedOn = approvedOn;
        EffectiveFrom = effectiveFrom;
        ApprovedByUserId = userId;
        ApprovedAt = now;
    }

    public void Supersede(DateTime now)
    {
        if (Status != PointListVersionStatus.Approved) return;
        Status = PointListVersionStatus.Superseded;
        SupersededAt = now;
    }
}

/// <summary>A meeting vote recorded by hand: who met, how many members, how many came, how they voted.</summary>
public sealed record ApprovalRecord(DateOnly MeetingDate, string BodyName, int MembersTotal, int Present, int For, int Against, int Abstain);

/// <summary>The arithmetic of a representatives-assembly vote (村民代表会议): two thirds present, more than half of those present for.</summary>
public static class ManualApproval
{
    public static bool HasQuorum(int total, int present) => present * 3 >= total * 2;

    public static bool HasMajority(int present, int votesFor) => votesFor * 2 > present;

    /// <summary>The form field a refusal is shown next to.</summary>
    public static string FieldOf(string refusalKey) => refusalKey switch
    {
        "Points_NoQuorum" or "Points_PresentAboveTotal" => "Present",
        "Points_VoteNumbersInvalid" => "MembersTotal",
        _ => "For",
    };

    /// <summary>The message key explaining why the vote does not approve the list, or null when it does.</summary>
    public static string? Refusal(ApprovalRecord r)
    {
        if (r.MembersTotal <= 0 || r.Present < 0 || r.For < 0 || r.Against < 0 || r.Abstain < 0) return "Points_VoteNumbersInvalid";
        if (r.Present > r.MembersTotal) return "Points_PresentAboveTotal";
        if (r.For + r.Against + r.Abstain > r.Present) return "Points_VotesAbovePresent";
        if (!HasQuorum(r.MembersTotal, r.Present)) return "Points_NoQuorum";
        if (!HasMajority(r.Present, r.For)) return "Points_NoMajority";
        return null;
    }
}

/// <summary>Which version of a points list applies on a given day.</summary>
public static class PointRuleVersions
{
    /// <summary>The approved (or since superseded) version with the greatest <c>EffectiveFrom</c> on or before <paramref name="day"/>; null before the first.</summary>
    public static T? InForce<T>(IEnumerable<T> versions, DateOnly day, Func<T, PointListVersionStatus> status, Func<T, DateOnly?> effectiveFrom, Func<T, int> number)
        where T : class
        => versions.Where(v => status(v) != PointListVersionStatus.Draft && effectiveFrom(v) is { } from && from <= day)
            .OrderByDescending(v => effectiveFrom(v)).ThenByDescending(number).FirstOrDefault();

    public static PointListVersion? InForce(IEnumerable<PointListVersion> versions, DateOnly day)
        => InForce(versions, day, v => v.Status, v => v.EffectiveFrom, v => v.Number);
}

/// <summary>正负面清单的一条: a positive or negative item and its point value. Belongs to one version.</summary>
public sealed class PointRule : ITenantOwned
{
    public const int CodeMaxLength = 20;
    public const int DescriptionMaxLength = 200;
    public const int EvidenceMaxLength = 200;
    public const int CategoryMaxLength = 30;
    public const int MaxPoints = 1000;

    private PointRule() { }

    public PointRule(Guid districtId, Guid versionId, string code, PointDirection direction, int points, string description, string? evidenceRequired, string? category)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        PointListVersionId = versionId;
        Set(code, direction, points, description, evidenceRequired, category);
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid PointListVersionId { get; private set; }
    public string Code { get; private set; } = "";
    public PointDirection Direction { get; private set; }
    /// <summary>Always positive; the sign comes from <see cref="Direction"/>.</summary>
    public int Points { get; private set; }
    public string Description { get; private set; } = "";
    public string? EvidenceRequired { get; private set; }
    public string? Category { get; private set; }

    public int SignedPoints => Direction == PointDirection.Positive ? Points : -Points;

    public void Set(string code, PointDirection direction, int points, string description, string? evidenceRequired, string? category)
    {
        if (points <= 0 || points > MaxPoints) throw new InputInvalid("Points", "Points_PointsRange", typeof(PointsStrings));
        Code = code;
        Direction = direction;
        Points = points;
        Description = description;
        EvidenceRequired = evidenceRequired;
        Category = category;
    }

    public PointRule CopyTo(Guid versionId) => new(DistrictId, versionId, Code, Direction, Points, Description, EvidenceRequired, Category);
}
