using Microsoft.EntityFrameworkCore;
using Yishi.Deliberation.Contracts;
using Yishi.Deliberation.Domain;
using Yishi.Platform.Data;

namespace Yishi.Deliberation.Features.Registry;

internal sealed class ResolutionRegistry(YishiDbContext db) : IResolutionRegistry
{
    public async Task<ResolutionSummary?> FindAsync(Guid resolutionId, CancellationToken ct)
        => (await QueryAsync(db.Set<Resolution>().Where(r => r.Id == resolutionId), ct)).FirstOrDefault();

    public async Task<IReadOnlyList<ResolutionSummary>> PassedInAreaAsync(string areaPath, CancellationToken ct)
        => await QueryAsync(db.Set<Resolution>().Where(r => r.Passed && r.AreaPath.StartsWith(areaPath)).OrderByDescending(r => r.DecidedAt).Take(500), ct);

    private async Task<List<ResolutionSummary>> QueryAsync(IQueryable<Resolution> query, CancellationToken ct)
    {
        var rows = await (from r in query.AsNoTracking()
                          join c in db.Set<Council>() on r.CouncilId equals c.Id
                          select new { r, c.Kind }).ToListAsync(ct);
        return rows.Select(x => new ResolutionSummary(x.r.Id, x.r.Number, x.r.AreaId, x.r.AreaPath, x.Kind.ToString(), x.r.Title, x.r.DecidedAt,
            x.r.MembersTotal, x.r.Present, x.r.For, x.r.Against, x.r.Abstain, x.r.Passed, x.r.Status.ToString())).ToList();
    }
}
