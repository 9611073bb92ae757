using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Data;

namespace Yishi.Demands.Features.Similar;

public sealed record SimilarDemand(Guid Id, string TrackingCode, string Description, DemandStatus Status, DateTime CreatedAt, Guid? CommonIssueId, double Score);

/// <summary>
/// Possible duplicates of a demand: open or recent demands in the same community (the area subtree),
/// ranked by character-bigram similarity. Candidates are bounded (the newest few hundred in the
/// community over the last 90 days), so the cost does not grow with the ledger.
/// </summary>
public sealed class SimilarDemands(YishiDbContext db, DemandAccess access, DemandWorkflow workflow)
{
    public const double Threshold = 0.3;
    public const int Candidates = 300;

    public async Task<IReadOnlyList<SimilarDemand>> HandleAsync(Guid id, CancellationToken ct = default)
    {
        var d = await access.LoadForViewAsync(id, ct);
        return await FindAsync(d.DistrictId, DemandRoles.LevelPath(d.AreaPath, HandlingLevel.Community), d.Description, d.Id, ct);
    }

    public async Task<IReadOnlyList<SimilarDemand>> FindAsync(Guid districtId, string communityPath, string text, Guid? except, CancellationToken ct = default)
    {
        var since = workflow.Now.AddDays(-90);
        var candidates = await db.Set<Demand>().IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.DistrictId == districtId && x.AreaPath.StartsWith(communityPath) && x.CreatedAt >= since && x.Id != except)
            .OrderByDescending(x => x.CreatedAt).Take(Candidates)
            .Select(x => new { x.Id, x.TrackingCode, x.Description, x.Status, x.CreatedAt, x.CommonIssueId })
            .ToListAsync(ct);
        var mine = Similarity.Bigrams(text);
        return candidates
            .Select(c => new SimilarDemand(c.Id, c.TrackingCode, c.Description, c.Status, c.CreatedAt, c.CommonIssueId, Math.Round(Similarity.Dice(mine, Similarity.Bigrams(c.Description)), 2)))
            .Where(s => s.Score >= Threshold)
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.CreatedAt)
            .Take(10)
            .ToList();
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/demands/{id:guid}/similar", async (Guid id, SimilarDemands handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithTags("Demands").WithSummary("Possible duplicates in the same community (character-bigram similarity), best first");
}
