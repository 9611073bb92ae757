using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Contracts;

public sealed record DemandAwaitingDeliberation(Guid Id, string TrackingCode, Guid AreaId, string AreaPath, string Description,
    string? MustDeliberate, DateTime CreatedAt);

/// <summary>Where a linked demand stands, for showing next to a topic. <c>Status</c> is the Demands status name
/// (Submitted, InProgress, Guidance, AwaitingDeliberation, Handled, Closed).</summary>
public sealed record LinkedDemandState(Guid Id, string TrackingCode, string Status, bool Urgent, DateTime CreatedAt);

/// <summary>
/// What the Deliberation module may use: the demands sent to deliberation, and ways to report each step back
/// (resolution → implemented → follow-up review, or returned). The caller authorises the step (it is the
/// council's secretary acting on the council's topic); these apply within the signed-in user's district and
/// enforce the demand's own state machine (RuleViolation 409 when the demand is not in the right state).
/// </summary>
public interface IDeliberationHandoff
{
    Task<IReadOnlyList<DemandAwaitingDeliberation>> AwaitingAsync(string areaPath, CancellationToken ct = default);
    /// <summary>A resolution was passed for the topic made from this demand: AwaitingDeliberation → InProgress.</summary>
    Task RecordResolutionAsync(Guid demandId, string summary, CancellationToken ct = default);

    /// <summary>The topic was rejected or withdrawn: the demand goes back to its level for triage (AwaitingDeliberation → Submitted).</summary>
    Task ReturnFromDeliberationAsync(Guid demandId, string reason, CancellationToken ct = default);

    /// <summary>The resolution's tasks are done: the demand is handled (InProgress → Handled) with this summary as the reply.</summary>
    Task RecordImplementedAsync(Guid demandId, string summary, CancellationToken ct = default);

    /// <summary>回头议 at the council: passed closes the demand (Handled → Closed); failed reopens it.</summary>
    Task RecordFollowUpReviewAsync(Guid demandId, bool metExpectations, bool residentsSatisfied, string note, CancellationToken ct = default);

    /// <summary>
    /// Tells the demand's reporter (in-app and, if the district texts reporters, SMS) about a step of the deliberation,
    /// in the reporter's language. The template's <c>{trackingCode}</c> placeholder is filled with the demand's tracking code
    /// unless the caller gave it.
    /// </summary>
    Task NotifyReporterAsync(Guid demandId, NotificationText text, CancellationToken ct = default);

    Task<IReadOnlyList<LinkedDemandState>> DescribeAsync(IReadOnlyCollection<Guid> demandIds, CancellationToken ct = default);
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
        var change = d.RecordResolution(summary, await workflow.ResolveDueAsync(d, ct), workflow.Now);
        workflow.Record(d, change);
        await workflow.NotifyReporterAsync(d, DemandWorkflow.Text("Notify_Resolution", d.TrackingCode), ct);
        await workflow.CommitAsync(ct);
    }

    public async Task ReturnFromDeliberationAsync(Guid demandId, string reason, CancellationToken ct = default)
    {
        var d = await LoadAsync(demandId, ct);
        var change = d.ReturnFromDeliberation(reason, await workflow.AcknowledgeDueAsync(d, ct), workflow.Now);
        workflow.Record(d, change);
        await workflow.NotifyLevelAsync(d, DemandWorkflow.Text("Notify_ReturnedLevel", d.TrackingCode), ct);
        await workflow.NotifyReporterAsync(d, DemandWorkflow.Text("Notify_ReturnedReporter", d.TrackingCode), ct);
        await workflow.CommitAsync(ct);
    }

    public async Task RecordImplementedAsync(Guid demandId, string summary, CancellationToken ct = default)
    {
        var d = await LoadAsync(demandId, ct);
        var change = d.Handle(summary, workflow.Now);
        workflow.Record(d, change);
        workflow.Touch(d);
        await workflow.NotifyReporterAsync(d, DemandWorkflow.Text("Notify_Implemented", d.TrackingCode), ct);
        await workflow.CommitAsync(ct);
    }

    public async Task RecordFollowUpReviewAsync(Guid demandId, bool metExpectations, bool residentsSatisfied, string note, CancellationToken ct = default)
    {
        var d = await LoadAsync(demandId, ct);
        var change = d.Review(metExpectations, residentsSatisfied, note, workflow.Now, await workflow.ResolveDueAsync(d, ct));
        workflow.Record(d, change, Features.Review.ReviewDemand.ReviewNote(metExpectations, residentsSatisfied));
        workflow.Touch(d);
        await workflow.NotifyReporterAsync(d, DemandWorkflow.Text(d.Status == DemandStatus.Closed ? "Notify_FollowUpClosed" : "Notify_FollowUpReopened", d.TrackingCode), ct);
        await workflow.CommitAsync(ct);
    }

    public async Task NotifyReporterAsync(Guid demandId, NotificationText text, CancellationToken ct = default)
    {
        var d = await LoadAsync(demandId, ct);
        if (!text.Args.ContainsKey("trackingCode"))
            text = text with { Args = new Dictionary<string, object?>(text.Args) { ["trackingCode"] = d.TrackingCode } };
        await workflow.NotifyReporterAsync(d, text, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<LinkedDemandState>> DescribeAsync(IReadOnlyCollection<Guid> demandIds, CancellationToken ct = default)
        => demandIds.Count == 0 ? [] : await db.Set<Demand>().AsNoTracking()
            .Where(d => demandIds.Contains(d.Id))
            .OrderBy(d => d.CreatedAt)
            .Select(d => new LinkedDemandState(d.Id, d.TrackingCode, d.Status.ToString(), d.Urgent, d.CreatedAt))
            .ToListAsync(ct);

    private async Task<Demand> LoadAsync(Guid demandId, CancellationToken ct)
        => await db.Set<Demand>().FirstOrDefaultAsync(x => x.Id == demandId, ct) ?? throw new NotFound("demand");
}
