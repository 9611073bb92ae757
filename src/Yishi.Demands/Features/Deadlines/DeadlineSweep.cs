using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Data;

namespace Yishi.Demands.Features.Deadlines;

/// <summary>
/// Fires due deadline timers exactly once: each timer is fired in its own transaction together with
/// its consequence (escalation one rung up, or an "overdue" mark at the top), guarded by the timer's
/// version so that a second instance racing for the same timer rolls back. Stale timers (the demand
/// moved on) are marked fired without effect. Timers live in the database, so restarts lose nothing.
/// </summary>
public sealed class DeadlineSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeadlineSweep> log)
{
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(Guid Id, Guid DistrictId)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
            due = (await db.Set<DemandTimer>().IgnoreQueryFilters().AsNoTracking()
                    .Where(t => t.FiredAt == null && t.DueAt <= now).OrderBy(t => t.DueAt).Take(500)
                    .Select(t => new { t.Id, t.DistrictId }).ToListAsync(ct))
                .Select(t => (t.Id, t.DistrictId)).ToList();
        }
        var fired = 0;
        foreach (var (id, districtId) in due)
        {
            try
            {
                if (await FireAsync(id, districtId, ct)) fired++;
            }
            catch (DbUpdateConcurrencyException)
            {
                log.LogInformation("Timer {TimerId} was fired by another instance", id);
            }
        }
        return fired;
    }

    private async Task<bool> FireAsync(Guid timerId, Guid districtId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(districtId, "deadline");
        var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
        var workflow = scope.ServiceProvider.GetRequiredService<DemandWorkflow>();
        var timer = await db.Set<DemandTimer>().FirstOrDefaultAsync(t => t.Id == timerId && t.FiredAt == null, ct);
        if (timer is null) return false;
        var now = workflow.Now;
        timer.Fire(now);
        var d = await db.Set<Demand>().FirstAsync(x => x.Id == timer.DemandId, ct);
        // A member of a common issue follows its lead: the lead's deadlines count, not the member's own.
        var follower = d.CommonIssueId is { } issue
            && await db.Set<CommonIssue>().AnyAsync(c => c.Id == issue && c.LeadDemandId != d.Id, ct);
        var current = !follower && (timer.Kind == TimerKind.Acknowledge
            ? d.Status == DemandStatus.Submitted && d.AcknowledgedAt == null && d.AcknowledgeDueAt == timer.DueAt
            : d.Status is DemandStatus.InProgress or DemandStatus.Guidance && d.ResolveDueAt == timer.DueAt);
        if (current)
        {
            var reason = timer.Kind == TimerKind.Acknowledge ? "超时未受理，自动上报" : "超期未办结，自动上报";
            var canClimb = Demand.Above(d.Level) is { } next && (next != HandlingLevel.Department || d.UnitId is not null)
                && d.Status != DemandStatus.Guidance;
            if (canClimb)
            {
                await workflow.NotifyLevelAsync(d, DemandWorkflow.Text($"Notify_AutoUp_{timer.Kind}", d.TrackingCode), ct);
                var change = d.Escalate(reason, d.UnitId, now, now, automatic: true);
                d.AcknowledgeDueAt = await workflow.AcknowledgeDueAsync(d, ct);
                workflow.Record(d, change, timer.Kind.ToString());
                await workflow.NotifyLevelAsync(d, DemandWorkflow.Text($"Notify_AutoHere_{timer.Kind}", d.TrackingCode), ct);
                await workflow.NotifyReporterOfLevelAsync(d, ct);
            }
            else
            {
                workflow.RecordNote(d, "demand.overdue", timer.Kind.ToString());
                await workflow.NotifyLevelAsync(d, DemandWorkflow.Text("Notify_Overdue", d.TrackingCode), ct);
            }
        }
        await workflow.CommitAsync(ct);
        return current;
    }
}

/// <summary>Runs the sweep every 30 seconds in the background.</summary>
public sealed class DeadlineSweepService(DeadlineSweep sweep, ILogger<DeadlineSweepService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        do
        {
            try
            {
                await sweep.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Deadline sweep failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
