using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.ServiceAreas.Domain;

public enum EvaluationKind
{
    /// <summary>人居环境互评: evaluators from other service areas score each area against a checklist.</summary>
    Mutual = 0,
    /// <summary>Residents' evaluation of the two members (organiser + supervisor): one response per household.</summary>
    Members = 1,
}

public enum EvaluationRoundStatus
{
    Open = 0,
    /// <summary>No more scores or responses; results are published.</summary>
    Closed = 1,
}

public enum MemberRating
{
    Satisfied = 0,
    BasicallySatisfied = 1,
    Dissatisfied = 2,
}

/// <summary>An evaluation round of a community for one period (e.g. "2026年第三季度"); unique per community, kind and period.</summary>
public sealed class EvaluationRound : IAreaPlaced, IVersioned
{
    public const int PeriodMaxLength = 30;

    private EvaluationRound() { }

    public EvaluationRound(Guid districtId, Guid communityId, string communityPath, EvaluationKind kind, string period, Guid createdBy, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        AreaId = communityId;
        AreaPath = communityPath;
        Kind = kind;
        Period = EvaluationPeriods.Normalise(period);
        Status = EvaluationRoundStatus.Open;
        CreatedByUserId = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public EvaluationKind Kind { get; private set; }
    public string Period { get; private set; } = "";
    public EvaluationRoundStatus Status { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public int Version { get; set; }

    public void EnsureOpen()
    {
        if (Status != EvaluationRoundStatus.Open)
            throw new RuleViolation("evaluation.round_closed", "Evaluation_RoundClosed", null, typeof(PointsStrings));
    }

    public void EnsureKind(EvaluationKind kind)
    {
        if (Kind != kind) throw new RuleViolation("evaluation.wrong_kind", "Evaluation_WrongKind", null, typeof(PointsStrings), 422);
    }

    public void Close(DateTime now)
    {
        EnsureOpen();
        Status = EvaluationRoundStatus.Closed;
        ClosedAt = now;
    }
}

public static class EvaluationPeriods
{
    /// <summary>"2026年 第三季度 " → "2026年第三季度": whitespace does not make a period different.</summary>
    public static string Normalise(string period) => string.Concat(period.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Whether a new round of <paramref name="kind"/> for <paramref name="period"/> would duplicate one of <paramref name="existing"/>.</summary>
    public static bool IsTaken(IEnumerable<(EvaluationKind Kind, string Period)> existing, EvaluationKind kind, string period)
        => existing.Any(e => e.Kind == kind && string.Equals(Normalise(e.Period), Normalise(period), StringComparison.Ordinal));
}

/// <summary>A checklist item of a mutual evaluation round, scored 0..<see cref="MaxScore"/>.</summary>
public sealed class EvaluationCriterion : ITenantOwned
{
    public const int NameMaxLength = 60;

    private EvaluationCriterion() { }

    public EvaluationCriterion(Guid districtId, Guid roundId, string name, int maxScore, int order)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        RoundId = roundId;
        Name = name;
        MaxScore = maxScore;
        Order = order;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid RoundId { get; private set; }
    public string Name { get; private set; } = "";
    public int MaxScore { get; private set; }
    public int Order { get; private set; }
}

/// <summary>An evaluator of a mutual round: an organiser or supervisor of one service area of the community, who scores the others.</summary>
public sealed class EvaluationEvaluator : ITenantOwned
{
    private EvaluationEvaluator() { }

    public EvaluationEvaluator(Guid districtId, Guid roundId, Guid userId, Guid ownServiceAreaId)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        RoundId = roundId;
        UserId = userId;
        OwnServiceAreaId = ownServiceAreaId;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid UserId { get; private set; }
    public Guid OwnServiceAreaId { get; private set; }

    public void EnsureMayScore(Guid serviceAreaId)
    {
        if (serviceAreaId == OwnServiceAreaId)
            throw new RuleViolation("evaluation.own_area", "Evaluation_OwnArea", "ServiceAreaId", typeof(PointsStrings));
    }
}

/// <summary>One evaluator's scores for one service area in one round (unique), with the item scores.</summary>
public sealed class EvaluationScore : ITenantOwned
{
    private EvaluationScore() { }

    public EvaluationScore(Guid districtId, Guid roundId, Guid evaluatorUserId, Guid serviceAreaId, int total, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        RoundId = roundId;
        EvaluatorUserId = evaluatorUserId;
        ServiceAreaId = serviceAreaId;
        Total = total;
        ScoredAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid EvaluatorUserId { get; private set; }
    public Guid ServiceAreaId { get; private set; }
    public int Total { get; private set; }
    public DateTime ScoredAt { get; private set; }
}

public sealed class EvaluationScoreItem : ITenantOwned
{
    private EvaluationScoreItem() { }

    public EvaluationScoreItem(Guid districtId, Guid scoreId, Guid criterionId, int score)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        ScoreId = scoreId;
        CriterionId = criterionId;
        Score = score;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid ScoreId { get; private set; }
    public Guid CriterionId { get; private set; }
    public int Score { get; private set; }
}

/// <summary>A household's evaluation of its service area's two members in a round: one per household (unique index).</summary>
public sealed class MemberEvaluation : IAreaPlaced
{
    public const int CommentMaxLength = 500;

    private MemberEvaluation() { }

    public MemberEvaluation(Guid districtId, Guid roundId, Guid householdId, Guid areaId, string areaPath, Guid serviceAreaId, MemberRating rating, string? comment,
        Guid byUserId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        RoundId = roundId;
        HouseholdId = householdId;
        AreaId = areaId;
        AreaPath = areaPath;
        ServiceAreaId = serviceAreaId;
        Rating = rating;
        Comment = comment;
        ByUserId = byUserId;
        At = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid HouseholdId { get; private set; }
    /// <summary>The household's group.</summary>
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public Guid ServiceAreaId { get; private set; }
    public MemberRating Rating { get; private set; }
    public string? Comment { get; private set; }
    public Guid ByUserId { get; private set; }
    public DateTime At { get; private set; }
}

/// <summary>Results arithmetic, in integers: averages in tenths, rates in per mille.</summary>
public static class EvaluationResults
{
    /// <summary>The average of <paramref name="totals"/> in tenths of a point, rounded half up (e.g. 85, 86 → 855).</summary>
    public static int AverageTenths(IReadOnlyCollection<int> totals)
        => totals.Count == 0 ? 0 : (int)((totals.Sum(t => (long)t) * 20 + totals.Count) / (2L * totals.Count));

    /// <summary>满意率: (satisfied + basically satisfied) / all, in per mille, rounded half up.</summary>
    public static int SatisfactionPerMille(int satisfied, int basically, int dissatisfied)
    {
        var all = satisfied + basically + dissatisfied;
        return all == 0 ? 0 : (int)(((satisfied + basically) * 2000L + all) / (2L * all));
    }
}
