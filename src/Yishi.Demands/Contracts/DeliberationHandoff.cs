using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Contracts;

public sealed record DemandAwaitingDeliberation(Guid Id, string TrackingCode, Guid AreaId, string AreaPath, string Description,
    string? MustDeliberate, DateTime CreatedAt);

/// <summary>
/// What the Deliberation module may use: the demands sent to deliberation, and a way to report the
/// resolution back (the demand then goes on as responsible-unit handling of the resolution).
/// </summary>
public interface IDeliberationHandoff
{
    Task<IReadOnlyList<DemandAwaitingDeliberation>> AwaitingAsync(string areaPath, CancellationToken ct = default);
    Task RecordResolutionAsync(Guid demandId, string summary, CancellationToken ct = default);
}

internal sealed class DeliberationHandoff(YishiDbContext db, DemandWorkflow workflow) : IDeliberationHandoff
{
    public async Task<IReadOnlyList<DemandAwaitingDeliberation>> AwaitingAsync(string areaPath, CancellationToken ct = default)
        => await db.Set<Demand>().AsNoTracking()
            .Where(d => d.Status == DemandStatus.AwaitingDeliberation && d.AreaPath.StartsWith(areaPath))
            .OrderBy(d => d.CreatedAt).Take(500)
            .Select(d => new DemandAwaitingDeliberation(d.Id, d.TrackingCode, d.AreaId, d.AreaPath, d.Description,
                d.MustDeliberate == null ? null : d.MustDeliberate.ToString(), d.CreatedAt))
            .ToListAsync(ct);

    public async Task RecordResolutionAsync(Guid demandId, string summary, CancellationToken ct = default)
    {
        var d = await db.Set<Demand>().FirstOrDefaultAsync(x => x.Id == demandId, ct) ?? throw new NotFound("demand");
        var change = d.RecordResolution(summary, await workflow.ResolveDueAsync(d, ct));
        workflow.Record(d, change);
        workflow.NotifyReporter(d, $"您的诉求 {d.TrackingCode} 已经议事形成决议，正在落实。");
        await workflow.CommitAsync(ct);
    }
}
