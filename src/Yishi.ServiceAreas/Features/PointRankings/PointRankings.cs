using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.PointsShared;

namespace Yishi.ServiceAreas.Features.PointRankings;

/// <summary>One household's place. <see cref="Name"/> is the head's full name for officials and the masked name on public pages.</summary>
public sealed record RankedHousehold(int Rank, Guid HouseholdId, string? HouseNumber, string Name, Guid AreaId, string AreaName, int Points);

public sealed record GroupRanking(Guid AreaId, string AreaName, int Points, int Households, IReadOnlyList<RankedHousehold> Ranking);

public sealed record PointRankingDto(Guid CommunityId, string CommunityName, DateOnly From, DateOnly To, IReadOnlyList<RankedHousehold> Community, IReadOnlyList<GroupRanking> Groups);

public sealed record RuleAwardFigure(Guid PointRuleId, string Code, string Description, int VersionNumber, PointDirection Direction, int Awards, int Reversals, int Points);

public sealed record AwardsByRuleDto(Guid CommunityId, string CommunityName, DateOnly From, DateOnly To, IReadOnlyList<RuleAwardFigure> Rules, int Awards, int Points);

/// <summary>Rankings (sum of points in a period, per group and per community) and the figure "awards by rule".</summary>
public sealed class PointRankings(YishiDbContext db, PointsAccess access)
{
    public const int PublicTop = 20;

    public (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to)
    {
        var today = access.Today;
        var f = from ?? new DateOnly(today.Year, 1, 1);
        var t = to ?? today;
        if (t < f) throw new InputInvalid("To", "Points_PeriodInvalid", typeof(PointsStrings));
        return (f, t);
    }

    public async Task<PointRankingDto> RankingAsync(Guid communityId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var community = await access.CommunityForReadingAsync(communityId, PointRoles.CanView, ct);
        var (f, t) = Period(from, to);
        return await BuildAsync(community, f, t, publicView: false, ct);
    }

    /// <summary>The public ranking: anonymous, district taken from the community; names masked, no house numbers, no phones.</summary>
    public async Task<PointRankingDto?> PublicAsync(Guid communityId, RequestContext request, CancellationToken ct = default)
    {
        var community = await db.Areas.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == communityId && a.RetiredAt == null, ct);
        if (community is null || community.Level != AreaLevel.Community) return null;
        if (request.DistrictId is null) request.SetDistrictOnly(community.DistrictId);
        else if (request.DistrictId != community.DistrictId) return null;
        var (f, t) = Period(null, null);
        return await BuildAsync(community, f, t, publicView: true, ct);
    }

    private async Task<PointRankingDto> BuildAsync(Area community, DateOnly from, DateOnly to, bool publicView, CancellationToken ct)
    {
        var path = community.Path;
        var sums = await db.Set<PointEntry>().AsNoTracking()
            .Where(e => e.AreaPath.StartsWith(path) && e.OccurredOn >= from && e.OccurredOn <= to)
            .GroupBy(e => e.HouseholdId)
            .Select(g => new { HouseholdId = g.Key, Points = g.Sum(e => e.Points) })
            .ToListAsync(ct);
        var ids = sums.Select(s => s.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).Select(h => new { h.Id, h.AreaId, h.HouseNumber }).ToDictionaryAsync(h => h.Id, ct);
        var heads = await db.Residents.AsNoTracking().Where(r => ids.Contains(r.HouseholdId) && r.IsHead).Select(r => new { r.HouseholdId, r.Name }).ToListAsync(ct);
        var headOf = heads.GroupBy(h => h.HouseholdId).ToDictionary(g => g.Key, g => g.First().Name);
        var names = await access.AreaNamesAsync(households.Values.Select(h => h.AreaId), ct);
        var rows = sums.Where(s => households.ContainsKey(s.HouseholdId)).Select(s =>
        {
            var h = households[s.HouseholdId];
            var name = headOf.GetValueOrDefault(s.HouseholdId, "");
            return new RankedHousehold(0, s.HouseholdId, publicView ? null : h.HouseNumber, publicView ? PersonalData.MaskName(name) : name, h.AreaId,
                names.GetValueOrDefault(h.AreaId, ""), s.Points);
        }).ToList();
        var communityRanking = Rank(rows);
        if (publicView) communityRanking = communityRanking.Take(PublicTop).ToList();
        var groups = rows.GroupBy(r => r.AreaId)
            .Select(g => new GroupRanking(g.Key, names.GetValueOrDefault(g.Key, ""), g.Sum(r => r.Points), g.Count(), publicView ? Rank(g).Take(3).ToList() : Rank(g)))
            .OrderByDescending(g => g.Points).ThenBy(g => g.AreaName, StringComparer.Ordinal).ToList();
        return new PointRankingDto(community.Id, community.Name, from, to, communityRanking, groups);
    }

    /// <summary>Standard competition ranking (1, 2, 2, 4) by points, ties in house-number order.</summary>
    internal static List<RankedHousehold> Rank(IEnumerable<RankedHousehold> rows)
    {
        var ordered = rows.OrderByDescending(r => r.Points).ThenBy(r => r.AreaName, StringComparer.Ordinal).ThenBy(r => r.HouseNumber, StringComparer.Ordinal)
            .ThenBy(r => r.HouseholdId).ToList();
        var result = new List<RankedHousehold>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Points == ordered[i - 1].Points ? result[i - 1].Rank : i + 1;
            result.Add(ordered[i] with { Rank = rank });
        }
        return result;
    }

    /// <summary>Figures: for each rule, how many awards in the period, how many reversed, and the net points.</summary>
    public async Task<AwardsByRuleDto> AwardsByRuleAsync(Guid communityId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var community = await access.CommunityForReadingAsync(communityId, PointRoles.CanView, ct);
        var (f, t) = Period(from, to);
        var path = community.Path;
        var figures = await db.Set<PointEntry>().AsNoTracking()
            .Where(e => e.AreaPath.StartsWith(path) && e.OccurredOn >= f && e.OccurredOn <= t)
            .GroupBy(e => e.PointRuleId)
            .Select(g => new
            {
                RuleId = g.Key,
                Awards = g.Count(e => e.ReversesEntryId == null),
                Reversals = g.Count(e => e.ReversesEntryId != null),
                Points = g.Sum(e => e.Points),
            })
            .ToListAsync(ct);
        var ruleIds = figures.Select(x => x.RuleId).ToList();
        var rules = await db.Set<PointRule>().AsNoTracking().Where(r => ruleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var versionIds = rules.Values.Select(r => r.PointListVersionId).Distinct().ToList();
        var numbers = await db.Set<PointListVersion>().AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Number, ct);
        var list = figures.Select(x =>
            {
                var r = rules[x.RuleId];
                return new RuleAwardFigure(r.Id, r.Code, r.Description, numbers.GetValueOrDefault(r.PointListVersionId), r.Direction, x.Awards, x.Reversals, x.Points);
            })
            .OrderBy(x => x.Direction).ThenByDescending(x => x.Awards).ThenBy(x => x.Code, StringComparer.Ordinal).ThenBy(x => x.VersionNumber).ToList();
        return new AwardsByRuleDto(community.Id, community.Name, f, t, list, list.Sum(x => x.Awards), list.Sum(x => x.Points));
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Points");
        g.MapGet("/communities/{communityId:guid}/point-rankings", async (Guid communityId, DateOnly? from, DateOnly? to, PointRankings h, CancellationToken ct) =>
                TypedResults.Ok(await h.RankingAsync(communityId, from, to, ct)))
            .WithSummary("Households ranked by points in a period (default: this year), in the community and in each group");
        g.MapGet("/communities/{communityId:guid}/point-awards-by-rule", async (Guid communityId, DateOnly? from, DateOnly? to, PointRankings h, CancellationToken ct) =>
                TypedResults.Ok(await h.AwardsByRuleAsync(communityId, from, to, ct)))
            .WithSummary("Figures: awards, reversals and net points per rule in a period (default: this year)");
    }
}
