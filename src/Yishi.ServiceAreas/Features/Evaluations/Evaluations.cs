using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;
using Yishi.Platform.Rules;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.PointsShared;

namespace Yishi.ServiceAreas.Features.Evaluations;

public sealed record CriterionInput([property: Required, MaxLength(EvaluationCriterion.NameMaxLength)] string? Name, int? MaxScore);

public sealed record CreateRoundInput(Guid? CommunityId, EvaluationKind? Kind, [property: Required, MaxLength(EvaluationRound.PeriodMaxLength)] string? Period, IReadOnlyList<CriterionInput>? Criteria);

public sealed record AddEvaluatorInput(Guid? UserId);

public sealed record ItemScoreInput(Guid CriterionId, int? Score);

public sealed record ScoreInput(Guid? ServiceAreaId, IReadOnlyList<ItemScoreInput>? Scores);

public sealed record RespondInput(MemberRating? Rating, [property: MaxLength(MemberEvaluation.CommentMaxLength)] string? Comment);

public sealed record CriterionDto(Guid Id, string Name, int MaxScore);

public sealed record RoundDto(Guid Id, Guid CommunityId, EvaluationKind Kind, string Period, EvaluationRoundStatus Status, DateTime CreatedAt, DateTime? ClosedAt,
    IReadOnlyList<CriterionDto> Criteria, int Version);

public sealed record MutualResult(int Rank, Guid ServiceAreaId, string ServiceAreaName, int Scorers, int TotalSum, int AverageTenths);

public sealed record MemberResult(Guid ServiceAreaId, string ServiceAreaName, int Satisfied, int BasicallySatisfied, int Dissatisfied, int SatisfactionPerMille,
    IReadOnlyList<string> Comments);

public sealed record RoundResultsDto(RoundDto Round, bool Published, IReadOnlyList<MutualResult> Mutual, IReadOnlyList<MemberResult> Members);

public sealed record MyResponseDto(Guid RoundId, string Period, MemberRating Rating, string? Comment, DateTime At);

public static class EvaluationRoles
{
    /// <summary>Results are for the community (secretary, committee) and the street (and the district's admin and auditor).</summary>
    public static bool CanViewResults(Role r) => r is Role.CommunitySecretary or Role.CommitteeMember or Role.StreetOfficer or Role.DistrictAdmin or Role.Auditor;
}

/// <summary>
/// 人居环境互评 (evaluators from other service areas score each area against a checklist) and residents' evaluation of the
/// two members (one response per household per round).
/// </summary>
public sealed class Evaluations(YishiDbContext db, PointsAccess access, AuditTrail audit)
{
    public const int MaxCriterionScore = 100;

    public async Task<RoundDto> CreateRoundAsync(CreateRoundInput input, CancellationToken ct = default)
    {
        var communityId = input.CommunityId ?? throw new InputInvalid("CommunityId", "Field_Required");
        var community = await access.CommunityAsync(communityId, PointRoles.CanManage, ct);
        var kind = input.Kind is { } k && Enum.IsDefined(k) ? k : throw new InputInvalid("Kind", "Field_Required");
        var period = EvaluationPeriods.Normalise(Check.RequiredText(input.Period, "Period", EvaluationRound.PeriodMaxLength));
        var criteria = new List<(string Name, int Max)>();
        if (kind == EvaluationKind.Mutual)
        {
            foreach (var (c, i) in (input.Criteria ?? []).Select((c, i) => (c, i)))
            {
                if (string.IsNullOrWhiteSpace(c.Name) && c.MaxScore is null) continue;
                var name = Check.RequiredText(c.Name, $"Criteria[{i}].Name", EvaluationCriterion.NameMaxLength);
                if (c.MaxScore is not { } max || max <= 0 || max > MaxCriterionScore)
                    throw new InputInvalid($"Criteria[{i}].MaxScore", "Evaluation_MaxScoreRange", typeof(PointsStrings));
                criteria.Add((name, max));
            }
            if (criteria.Count == 0) throw new InputInvalid("Criteria", "Evaluation_CriteriaRequired", typeof(PointsStrings));
        }
        var existing = await db.Set<EvaluationRound>().Where(r => r.AreaId == community.Id).Select(r => new { r.Kind, r.Period }).ToListAsync(ct);
        if (EvaluationPeriods.IsTaken(existing.Select(e => (e.Kind, e.Period)), kind, period)) throw PeriodTaken();
        var round = new EvaluationRound(community.DistrictId, community.Id, community.Path, kind, period, access.Scope.UserId, access.Now);
        db.Add(round);
        var rows = criteria.Select((c, i) => new EvaluationCriterion(round.DistrictId, round.Id, c.Name, c.Max, i)).ToList();
        db.AddRange(rows);
        audit.Record(round.DistrictId, "evaluation.round_opened", "evaluation_round", round.Id, to: "Open", note: $"{kind} {period}");
        await SaveAsync(PeriodTaken, ct);
        return ToDto(round, rows);
    }

    private static RuleViolation PeriodTaken() => new("evaluation.period_taken", "Evaluation_PeriodTaken", "Period", typeof(PointsStrings));

    public async Task<IReadOnlyList<RoundDto>> ListAsync(Guid communityId, CancellationToken ct = default)
    {
        await access.CommunityForReadingAsync(communityId, r => EvaluationRoles.CanViewResults(r) || PointRoles.CanManage(r) || r is Role.Organiser or Role.Supervisor, ct);
        var rounds = await db.Set<EvaluationRound>().AsNoTracking().Where(r => r.AreaId == communityId).OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var criteria = await db.Set<EvaluationCriterion>().AsNoTracking().Where(c => ids.Contains(c.RoundId)).ToListAsync(ct);
        return rounds.Select(r => ToDto(r, criteria)).ToList();
    }

    public async Task<RoundDto> AddEvaluatorAsync(Guid roundId, AddEvaluatorInput input, CancellationToken ct = default)
    {
        var round = await RoundAsync(roundId, PointRoles.CanManage, ct);
        round.EnsureKind(EvaluationKind.Mutual);
        round.EnsureOpen();
        var userId = input.UserId ?? throw new InputInvalid("UserId", "Field_Required");
        var own = await ServiceAreaOfMemberAsync(round.AreaId, userId, ct)
            ?? throw new RuleViolation("evaluation.evaluator_not_member", "Evaluation_EvaluatorNotMember", "UserId", typeof(PointsStrings), 422);
        if (await db.Set<EvaluationEvaluator>().AnyAsync(e => e.RoundId == round.Id && e.UserId == userId, ct)) throw EvaluatorTaken();
        db.Add(new EvaluationEvaluator(round.DistrictId, round.Id, userId, own));
        audit.Record(round.DistrictId, "evaluation.evaluator_added", "evaluation_round", round.Id, note: $"user {userId} area {own}");
        await SaveAsync(EvaluatorTaken, ct);
        return ToDto(round, await db.Set<EvaluationCriterion>().AsNoTracking().Where(c => c.RoundId == round.Id).ToListAsync(ct));
    }

    private static RuleViolation EvaluatorTaken() => new("evaluation.evaluator_exists", "Evaluation_EvaluatorExists", "UserId", typeof(PointsStrings));

    /// <summary>The service area of the community in which <paramref name="userId"/> currently holds the organiser or supervisor post.</summary>
    private async Task<Guid?> ServiceAreaOfMemberAsync(Guid communityId, Guid userId, CancellationToken ct)
        => await (from p in db.Set<ServiceAreaPost>()
                  join a in db.Set<ServiceArea>() on p.ServiceAreaId equals a.Id
                  where p.UserId == userId && p.EndedOn == null && a.AreaId == communityId && a.RetiredAt == null
                  select (Guid?)a.Id).FirstOrDefaultAsync(ct);

    public async Task<int> ScoreAsync(Guid roundId, ScoreInput input, CancellationToken ct = default)
    {
        if (!access.Scope.IsSignedIn) throw new Forbidden();
        var me = access.Scope.UserId;
        var round = await db.Set<EvaluationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFound("evaluation_round");
        var evaluator = await db.Set<EvaluationEvaluator>().AsNoTracking().FirstOrDefaultAsync(e => e.RoundId == round.Id && e.UserId == me, ct);
        if (evaluator is null)
        {
            if (!await access.Scope.CanAsync(round.AreaPath, _ => true, ct) && !(await access.Scope.HeldRolesAsync(ct)).Any(h => h.AreaPath.StartsWith(round.AreaPath, StringComparison.Ordinal)))
                throw new NotFound("evaluation_round");
            throw new RuleViolation("evaluation.not_evaluator", "Evaluation_NotEvaluator", null, typeof(PointsStrings), 403);
        }
        round.EnsureKind(EvaluationKind.Mutual);
        round.EnsureOpen();
        var areaId = input.ServiceAreaId ?? throw new InputInvalid("ServiceAreaId", "Field_Required");
        if (!await db.Set<ServiceArea>().AnyAsync(a => a.Id == areaId && a.AreaId == round.AreaId && a.RetiredAt == null, ct)) throw new NotFound("service_area");
        evaluator.EnsureMayScore(areaId);
        var criteria = await db.Set<EvaluationCriterion>().AsNoTracking().Where(c => c.RoundId == round.Id).ToListAsync(ct);
        var scores = input.Scores ?? [];
        var errors = new Dictionary<string, string>();
        var items = new List<(EvaluationCriterion Criterion, int Score)>();
        foreach (var c in criteria.OrderBy(c => c.Order))
        {
            var given = scores.Where(s => s.CriterionId == c.Id).ToList();
            if (given.Count != 1 || given[0].Score is not { } score) { errors[$"Score_{c.Id}"] = "Field_Required"; continue; }
            if (score < 0 || score > c.MaxScore) { errors[$"Score_{c.Id}"] = "Evaluation_ScoreRange"; continue; }
            items.Add((c, score));
        }
        if (scores.Any(s => criteria.All(c => c.Id != s.CriterionId))) errors["Scores"] = "Evaluation_UnknownCriterion";
        if (errors.Count > 0) throw new InputInvalid(errors, typeof(PointsStrings));
        if (await db.Set<EvaluationScore>().AnyAsync(s => s.RoundId == round.Id && s.EvaluatorUserId == me && s.ServiceAreaId == areaId, ct)) throw AlreadyScored();
        var total = items.Sum(i => i.Score);
        var row = new EvaluationScore(round.DistrictId, round.Id, me, areaId, total, access.Now);
        db.Add(row);
        db.AddRange(items.Select(i => new EvaluationScoreItem(round.DistrictId, row.Id, i.Criterion.Id, i.Score)));
        audit.Record(round.DistrictId, "evaluation.scored", "evaluation_round", round.Id, to: total.ToString(System.Globalization.CultureInfo.InvariantCulture), note: $"area {areaId}");
        await SaveAsync(AlreadyScored, ct);
        return total;
    }

    private static RuleViolation AlreadyScored() => new("evaluation.already_scored", "Evaluation_AlreadyScored", "ServiceAreaId", typeof(PointsStrings));

    public async Task<RoundDto> CloseAsync(Guid roundId, CancellationToken ct = default)
    {
        var round = await RoundAsync(roundId, PointRoles.CanManage, ct);
        round.Close(access.Now);
        audit.Record(round.DistrictId, "evaluation.round_closed", "evaluation_round", round.Id, "Open", "Closed");
        await db.SaveChangesAsync(ct);
        return ToDto(round, await db.Set<EvaluationCriterion>().AsNoTracking().Where(c => c.RoundId == round.Id).ToListAsync(ct));
    }

    /// <summary>A resident evaluates their service area's two members, once per household per round.</summary>
    public async Task<MyResponseDto> RespondAsync(Guid roundId, RespondInput input, CancellationToken ct = default)
    {
        var household = await access.RequireMyHouseholdAsync(ct);
        var round = await db.Set<EvaluationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || !household.AreaPath.StartsWith(round.AreaPath, StringComparison.Ordinal)) throw new NotFound("evaluation_round");
        round.EnsureKind(EvaluationKind.Members);
        round.EnsureOpen();
        var rating = input.Rating is { } r && Enum.IsDefined(r) ? r : throw new InputInvalid("Rating", "Field_Required");
        var comment = Check.OptionalText(input.Comment, "Comment", MemberEvaluation.CommentMaxLength);
        if (rating == MemberRating.Dissatisfied && comment is null) throw new InputInvalid("Comment", "Evaluation_DissatisfiedNeedsComment", typeof(PointsStrings));
        var serviceArea = await ServiceAreaOfHouseholdAsync(household, ct)
            ?? throw new RuleViolation("evaluation.no_service_area", "Evaluation_NoServiceArea", null, typeof(PointsStrings), 422);
        if (await db.Set<MemberEvaluation>().AnyAsync(m => m.RoundId == round.Id && m.HouseholdId == household.Id, ct)) throw AlreadyResponded();
        var row = new MemberEvaluation(round.DistrictId, round.Id, household.Id, household.AreaId, household.AreaPath, serviceArea, rating, comment, access.Scope.UserId, access.Now);
        db.Add(row);
        audit.Record(round.DistrictId, "evaluation.responded", "evaluation_round", round.Id, to: rating.ToString(), note: $"{household.HouseNumber}");
        await SaveAsync(AlreadyResponded, ct);
        return new MyResponseDto(round.Id, round.Period, row.Rating, row.Comment, row.At);
    }

    private static RuleViolation AlreadyResponded() => new("evaluation.already_responded", "Evaluation_AlreadyResponded", null, typeof(PointsStrings));

    internal async Task<Guid?> ServiceAreaOfHouseholdAsync(Household household, CancellationToken ct)
    {
        var explicitArea = await (from x in db.Set<ServiceAreaHousehold>()
                                  join a in db.Set<ServiceArea>() on x.ServiceAreaId equals a.Id
                                  where x.HouseholdId == household.Id && a.RetiredAt == null
                                  select (Guid?)a.Id).FirstOrDefaultAsync(ct);
        return explicitArea ?? await (from g in db.Set<ServiceAreaGroup>()
                                      join a in db.Set<ServiceArea>() on g.ServiceAreaId equals a.Id
                                      where g.AreaId == household.AreaId && a.RetiredAt == null
                                      select (Guid?)a.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The open residents' rounds of the signed-in resident's community, with their household's response if any.</summary>
    public async Task<IReadOnlyList<(RoundDto Round, MyResponseDto? Mine)>> MineAsync(CancellationToken ct = default)
    {
        var household = await access.RequireMyHouseholdAsync(ct);
        var communityPath = PointsAccess.CommunityPath(household.AreaPath);
        var rounds = await db.Set<EvaluationRound>().AsNoTracking().Where(r => r.AreaPath == communityPath && r.Kind == EvaluationKind.Members)
            .OrderByDescending(r => r.CreatedAt).Take(10).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var mine = await db.Set<MemberEvaluation>().AsNoTracking().Where(m => ids.Contains(m.RoundId) && m.HouseholdId == household.Id).ToListAsync(ct);
        return rounds.Select(r => (ToDto(r, []), mine.FirstOrDefault(m => m.RoundId == r.Id) is { } m ? new MyResponseDto(r.Id, r.Period, m.Rating, m.Comment, m.At) : null)).ToList();
    }

    public async Task<RoundResultsDto> ResultsAsync(Guid roundId, CancellationToken ct = default)
    {
        var round = await db.Set<EvaluationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFound("evaluation_round");
        await access.CommunityForReadingAsync(round.AreaId, r => EvaluationRoles.CanViewResults(r) || PointRoles.CanManage(r), ct);
        var criteria = await db.Set<EvaluationCriterion>().AsNoTracking().Where(c => c.RoundId == round.Id).ToListAsync(ct);
        var areas = await db.Set<ServiceArea>().AsNoTracking().Where(a => a.AreaId == round.AreaId).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var mutual = new List<MutualResult>();
        var members = new List<MemberResult>();
        if (round.Kind == EvaluationKind.Mutual)
        {
            var totals = await db.Set<EvaluationScore>().AsNoTracking().Where(s => s.RoundId == round.Id).Select(s => new { s.ServiceAreaId, s.Total }).ToListAsync(ct);
            var rows = totals.GroupBy(t => t.ServiceAreaId)
                .Select(g => (Id: g.Key, Scorers: g.Count(), Sum: g.Sum(x => x.Total), Avg: EvaluationResults.AverageTenths(g.Select(x => x.Total).ToList())))
                .OrderByDescending(x => x.Avg).ThenBy(x => areas.GetValueOrDefault(x.Id, ""), StringComparer.Ordinal).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                var rank = i > 0 && rows[i].Avg == rows[i - 1].Avg ? mutual[i - 1].Rank : i + 1;
                mutual.Add(new MutualResult(rank, rows[i].Id, areas.GetValueOrDefault(rows[i].Id, ""), rows[i].Scorers, rows[i].Sum, rows[i].Avg));
            }
        }
        else
        {
            var responses = await db.Set<MemberEvaluation>().AsNoTracking().Where(m => m.RoundId == round.Id)
                .Select(m => new { m.ServiceAreaId, m.Rating, m.Comment }).ToListAsync(ct);
            members = responses.GroupBy(r => r.ServiceAreaId).Select(g =>
            {
                int Count(MemberRating rating) => g.Count(x => x.Rating == rating);
                var (s, b, d) = (Count(MemberRating.Satisfied), Count(MemberRating.BasicallySatisfied), Count(MemberRating.Dissatisfied));
                return new MemberResult(g.Key, areas.GetValueOrDefault(g.Key, ""), s, b, d, EvaluationResults.SatisfactionPerMille(s, b, d),
                    g.Where(x => x.Comment is not null).Select(x => x.Comment!).Take(20).ToList());
            }).OrderByDescending(m => m.SatisfactionPerMille).ThenBy(m => m.ServiceAreaName, StringComparer.Ordinal).ToList();
        }
        return new RoundResultsDto(ToDto(round, criteria), round.Status == EvaluationRoundStatus.Closed, mutual, members);
    }

    public sealed record Candidate(Guid UserId, string Name, Guid ServiceAreaId, string ServiceAreaName, bool Assigned);

    public sealed record ScoringView(RoundDto Round, Guid OwnServiceAreaId, IReadOnlyList<(Guid Id, string Name, bool Scored)> Targets);

    /// <summary>For the round page: the organisers and supervisors of the community's service areas, and whether each is assigned.</summary>
    public async Task<IReadOnlyList<Candidate>> CandidatesAsync(Guid roundId, CancellationToken ct = default)
    {
        var round = await RoundAsync(roundId, PointRoles.CanManage, ct);
        var assigned = await db.Set<EvaluationEvaluator>().AsNoTracking().Where(e => e.RoundId == round.Id).Select(e => e.UserId).ToListAsync(ct);
        var rows = await (from p in db.Set<ServiceAreaPost>().AsNoTracking()
                          join a in db.Set<ServiceArea>().AsNoTracking() on p.ServiceAreaId equals a.Id
                          where p.EndedOn == null && p.UserId != null && a.AreaId == round.AreaId && a.RetiredAt == null
                          select new { UserId = p.UserId!.Value, p.DisplayName, p.Kind, AreaId = a.Id, a.Name }).ToListAsync(ct);
        return rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Kind)
            .Select(r => new Candidate(r.UserId, r.DisplayName, r.AreaId, r.Name, assigned.Contains(r.UserId))).ToList();
    }

    /// <summary>For an evaluator: the areas they may score in the round and which they have scored; null when the caller is not an evaluator.</summary>
    public async Task<ScoringView?> ScoringAsync(Guid roundId, CancellationToken ct = default)
    {
        if (!access.Scope.IsSignedIn) return null;
        var me = access.Scope.UserId;
        var evaluator = await db.Set<EvaluationEvaluator>().AsNoTracking().FirstOrDefaultAsync(e => e.RoundId == roundId && e.UserId == me, ct);
        if (evaluator is null) return null;
        var round = await db.Set<EvaluationRound>().AsNoTracking().FirstAsync(r => r.Id == roundId, ct);
        var criteria = await db.Set<EvaluationCriterion>().AsNoTracking().Where(c => c.RoundId == round.Id).ToListAsync(ct);
        var areas = await db.Set<ServiceArea>().AsNoTracking().Where(a => a.AreaId == round.AreaId && a.RetiredAt == null && a.Id != evaluator.OwnServiceAreaId)
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var scored = await db.Set<EvaluationScore>().AsNoTracking().Where(x => x.RoundId == round.Id && x.EvaluatorUserId == me).Select(x => x.ServiceAreaId).ToListAsync(ct);
        return new ScoringView(ToDto(round, criteria), evaluator.OwnServiceAreaId, areas.Select(a => (a.Id, a.Name, scored.Contains(a.Id))).ToList());
    }

    /// <summary>For the public page (district already set from the community): the latest closed mutual round and its ranking. No personal data.</summary>
    internal async Task<(string Period, IReadOnlyList<MutualResult> Ranking)?> PublishedMutualAsync(Guid communityId, CancellationToken ct)
    {
        var round = await db.Set<EvaluationRound>().AsNoTracking()
            .Where(r => r.AreaId == communityId && r.Kind == EvaluationKind.Mutual && r.Status == EvaluationRoundStatus.Closed)
            .OrderByDescending(r => r.ClosedAt).FirstOrDefaultAsync(ct);
        if (round is null) return null;
        var areas = await db.Set<ServiceArea>().AsNoTracking().Where(a => a.AreaId == communityId).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var totals = await db.Set<EvaluationScore>().AsNoTracking().Where(x => x.RoundId == round.Id).Select(x => new { x.ServiceAreaId, x.Total }).ToListAsync(ct);
        var rows = totals.GroupBy(t => t.ServiceAreaId)
            .Select(g => (Id: g.Key, Scorers: g.Count(), Sum: g.Sum(x => x.Total), Avg: EvaluationResults.AverageTenths(g.Select(x => x.Total).ToList())))
            .OrderByDescending(x => x.Avg).ThenBy(x => areas.GetValueOrDefault(x.Id, ""), StringComparer.Ordinal).ToList();
        var ranking = new List<MutualResult>();
        for (var i = 0; i < rows.Count; i++)
        {
            var rank = i > 0 && rows[i].Avg == rows[i - 1].Avg ? ranking[i - 1].Rank : i + 1;
            ranking.Add(new MutualResult(rank, rows[i].Id, areas.GetValueOrDefault(rows[i].Id, ""), rows[i].Scorers, rows[i].Sum, rows[i].Avg));
        }
        return (round.Period, ranking);
    }

    private async Task<EvaluationRound> RoundAsync(Guid roundId, Func<Role, bool> grants, CancellationToken ct)
    {
        var round = await db.Set<EvaluationRound>().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFound("evaluation_round");
        await access.Scope.RequireAsync(round.AreaPath, grants, "evaluation_round", ct);
        return round;
    }

    private static RoundDto ToDto(EvaluationRound r, IEnumerable<EvaluationCriterion> criteria)
        => new(r.Id, r.AreaId, r.Kind, r.Period, r.Status, r.CreatedAt, r.ClosedAt,
            criteria.Where(c => c.RoundId == r.Id).OrderBy(c => c.Order).Select(c => new CriterionDto(c.Id, c.Name, c.MaxScore)).ToList(), r.Version);

    private async Task SaveAsync(Func<RuleViolation> onDuplicate, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // The unique index decided between two requests at the same moment.
            throw onDuplicate();
        }
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Evaluations");
        g.MapPost("/evaluation-rounds", async (CreateRoundInput input, Evaluations h, CancellationToken ct) =>
            {
                var round = await h.CreateRoundAsync(input, ct);
                return TypedResults.Created($"/api/v1/evaluation-rounds/{round.Id}/results", round);
            })
            .WithSummary("Open a round for a community and period: mutual evaluation (with a checklist) or residents' evaluation of the two members");
        g.MapGet("/communities/{communityId:guid}/evaluation-rounds", async (Guid communityId, Evaluations h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(communityId, ct)))
            .WithSummary("The community's evaluation rounds");
        g.MapPost("/evaluation-rounds/{id:guid}/evaluators", async (Guid id, AddEvaluatorInput input, Evaluations h, CancellationToken ct) =>
                TypedResults.Ok(await h.AddEvaluatorAsync(id, input, ct)))
            .WithSummary("Assign an evaluator (an organiser or supervisor of one of the community's service areas)");
        g.MapPost("/evaluation-rounds/{id:guid}/scores", async (Guid id, ScoreInput input, Evaluations h, CancellationToken ct) =>
                TypedResults.Ok(new { total = await h.ScoreAsync(id, input, ct) }))
            .WithSummary("An evaluator scores another service area against the checklist, once per round");
        g.MapPost("/evaluation-rounds/{id:guid}/close", async (Guid id, Evaluations h, CancellationToken ct) => TypedResults.Ok(await h.CloseAsync(id, ct)))
            .WithSummary("Close the round and publish the results");
        g.MapGet("/evaluation-rounds/{id:guid}/results", async (Guid id, Evaluations h, CancellationToken ct) => TypedResults.Ok(await h.ResultsAsync(id, ct)))
            .WithSummary("Results: average and total per service area with the ranking, or satisfaction counts per service area");
        g.MapPost("/evaluation-rounds/{id:guid}/responses", async (Guid id, RespondInput input, Evaluations h, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/my/evaluations", await h.RespondAsync(id, input, ct)))
            .WithSummary("A resident evaluates their service area's organiser and supervisor (one response per household per round)");
        g.MapGet("/my/evaluations", async (Evaluations h, CancellationToken ct) =>
                TypedResults.Ok((await h.MineAsync(ct)).Select(x => new { round = x.Round, mine = x.Mine })))
            .WithSummary("The resident's community's rounds with their household's own response");
    }
}
