using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Ledger;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Features.Stats;

/// <summary>
/// The three rates. Response rate (响应率) = demands that got a first response from an official / all;
/// completion rate (办结率) = handled or closed (not dismissed) / all; satisfaction rate (满意率) =
/// satisfied + basically satisfied / rated. Dismissed submissions count in none of them.
/// Months are China-time calendar months.
/// </summary>
public sealed record Rates(int Total, int Responded, int Completed, int Rated, int Satisfied)
{
    public double ResponseRate => Total == 0 ? 0 : Math.Round(100.0 * Responded / Total, 1);
    public double CompletionRate => Total == 0 ? 0 : Math.Round(100.0 * Completed / Total, 1);
    public double SatisfactionRate => Rated == 0 ? 0 : Math.Round(100.0 * Satisfied / Rated, 1);
}

public sealed record PeriodRates(string Period, Rates Rates);

public sealed record AreaRates(Guid AreaId, string AreaName, Rates Rates);

public sealed record StatsResult(
    Guid? AreaId, string AreaName, DateTime? From, DateTime? To, Rates Overall,
    IReadOnlyDictionary<string, int> ByStatus, IReadOnlyDictionary<string, int> ByChannel, IReadOnlyDictionary<string, int> ByOwnership,
    IReadOnlyDictionary<string, int> ByContent, IReadOnlyDictionary<string, int> ByMustDeliberate,
    IReadOnlyList<PeriodRates> ByMonth, IReadOnlyList<AreaRates> BySubArea);

public sealed class DemandStats(YishiDbContext db, LedgerQuery ledger)
{
    public async Task<StatsResult> HandleAsync(Guid? areaId, DateTime? from, DateTime? to, CancellationToken ct = default)
    {
        if (from is { } f && to is { } t && t <= f) throw new InputInvalid("to", "Stats_PeriodInvalid", typeof(DemandStrings));
        var q = (await ledger.FilteredAsync(new LedgerFilter(AreaId: areaId, From: from, To: to), ct))
            .Where(d => d.CloseReason == null || d.HandledAt != null);
        Area? area = areaId is { } id ? await db.Areas.AsNoTracking().FirstAsync(a => a.Id == id, ct) : null;

        // Months are China-time months (UTC+8), like every date officials see.
        var byMonth = await q.GroupBy(d => new { d.CreatedAt.AddHours(8).Year, d.CreatedAt.AddHours(8).Month })
            .Select(g => new
            {
                g.Key.Year,
                g.Key.Month,
                Total = g.Count(),
                Responded = g.Count(d => d.FirstRespondedAt != null),
                Completed = g.Count(d => d.Status == DemandStatus.Handled || d.Status == DemandStatus.Closed),
                Rated = g.Count(d => d.Satisfaction != null),
                Satisfied = g.Count(d => d.Satisfaction == Satisfaction.Satisfied || d.Satisfaction == Satisfaction.BasicallySatisfied),
            })
            .ToListAsync(ct);
        var months = byMonth.OrderBy(m => m.Year).ThenBy(m => m.Month)
            .Select(m => new PeriodRates($"{m.Year:0000}-{m.Month:00}", new Rates(m.Total, m.Responded, m.Completed, m.Rated, m.Satisfied))).ToList();
        var overall = new Rates(months.Sum(m => m.Rates.Total), months.Sum(m => m.Rates.Responded), months.Sum(m => m.Rates.Completed),
            months.Sum(m => m.Rates.Rated), months.Sum(m => m.Rates.Satisfied));

        var subAreas = new List<AreaRates>();
        if (area is { Level: < AreaLevel.Group })
        {
            var childLength = area.Path.Length + 33; // one more "N"-format id and a slash
            var grouped = await q.Where(d => d.AreaPath.Length >= childLength)
                .GroupBy(d => d.AreaPath.Substring(0, childLength))
                .Select(g => new
                {
                    Path = g.Key,
                    Total = g.Count(),
                    Responded = g.Count(d => d.FirstRespondedAt != null),
                    Completed = g.Count(d => d.Status == DemandStatus.Handled || d.Status == DemandStatus.Closed),
                    Rated = g.Count(d => d.Satisfaction != null),
                    Satisfied = g.Count(d => d.Satisfaction == Satisfaction.Satisfied || d.Satisfaction == Satisfaction.BasicallySatisfied),
                })
                .ToListAsync(ct);
            var children = await db.Areas.AsNoTracking().Where(a => a.ParentId == area.Id).Select(a => new { a.Id, a.Name, a.Path }).ToListAsync(ct);
            subAreas = children.Select(c =>
                {
                    var g = grouped.FirstOrDefault(x => x.Path == c.Path);
                    return new AreaRates(c.Id, c.Name, g is null ? new Rates(0, 0, 0, 0, 0) : new Rates(g.Total, g.Responded, g.Completed, g.Rated, g.Satisfied));
                })
                .OrderByDescending(a => a.Rates.Total).ToList();
        }

        return new StatsResult(areaId, area?.Name ?? "", from, to, overall,
            await CountAsync(q, d => d.Status, ct),
            await CountAsync(q, d => d.Channel, ct),
            await CountAsync(q.Where(d => d.Ownership != null), d => d.Ownership!.Value, ct),
            await CountAsync(q.Where(d => d.ContentCategory != null), d => d.ContentCategory!.Value, ct),
            await CountAsync(q.Where(d => d.MustDeliberate != null), d => d.MustDeliberate!.Value, ct),
            months, subAreas);
    }

    private static async Task<IReadOnlyDictionary<string, int>> CountAsync<TKey>(IQueryable<Demand> q, System.Linq.Expressions.Expression<Func<Demand, TKey>> key, CancellationToken ct)
        where TKey : struct, Enum
        => (await q.GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key.ToString(), x => x.Count);

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/demands/stats", async (Guid? areaId, DateTime? from, DateTime? to, DemandStats handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(areaId,
                    from is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null, to is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null, ct)))
            .WithTags("Demands").WithSummary("Counts by status, channel, ownership and categories, and the three rates (response, completion, satisfaction) by month and sub-area");
}
