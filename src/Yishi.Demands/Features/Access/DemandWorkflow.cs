using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;

namespace Yishi.Demands.Features.Access;

/// <summary>What every demand change shares: the clock, the district's deadlines, timers, the timeline and notifications.</summary>
public sealed class DemandWorkflow(YishiDbContext db, TimeProvider clock, AuditTrail audit, Notifier notifier)
{
    private readonly List<Demand> _touched = [];
    private DeadlinePolicy? _policy;
    private DemandSettings? _settings;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Tracking codes carry the local (China Standard Time) date.</summary>
    public DateTime LocalToday => clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date;

    public async Task<DeadlinePolicy> PolicyAsync(Guid districtId, CancellationToken ct = default)
        => _policy ??= new DeadlinePolicy(await db.Set<DeadlineRule>().IgnoreQueryFilters().Where(r => r.DistrictId == districtId).ToListAsync(ct));

    public async Task<DemandSettings> SettingsAsync(Guid districtId, CancellationToken ct = default)
        => _settings ??= await db.Set<DemandSettings>().IgnoreQueryFilters().FirstOrDefaultAsync(s => s.DistrictId == districtId, ct)
            ?? new DemandSettings(districtId);

    public async Task<DateTime> AcknowledgeDueAsync(Demand d, CancellationToken ct = default)
        => Now + (await PolicyAsync(d.DistrictId, ct)).For(d.Ownership, d.Urgent).Acknowledge;

    public async Task<DateTime> ResolveDueAsync(Demand d, CancellationToken ct = default)
        => Now + (await PolicyAsync(d.DistrictId, ct)).For(d.Ownership, d.Urgent).Resolve;

    /// <summary>Records the change on the timeline and (re)arms the timers the new due times call for.</summary>
    public void Record(Demand d, DemandChange change, string? extra = null)
    {
        if (d.CommonIssueId is not null && !_touched.Contains(d)) _touched.Add(d);
        audit.Record(d.DistrictId, "demand." + Action(change.Action), "demand", d.Id,
            from: $"{change.From}@{change.FromLevel}", to: $"{change.To}@{d.Level}", note: Cap(Join(change.Note, extra)));
        Arm(d);
    }

    /// <summary>Marks a demand whose common-issue members must catch up with it at the next commit.</summary>
    public void Touch(Demand d)
    {
        if (!_touched.Contains(d)) _touched.Add(d);
    }

    /// <summary>
    /// Saves the unit of work. Before that, members of a common issue whose lead was handled or closed
    /// follow it (each on its own timeline, each reporter notified), so the issue is handled once.
    /// </summary>
    public async Task CommitAsync(CancellationToken ct = default)
    {
        foreach (var lead in _touched.ToList())
        {
            if (lead.CommonIssueId is not { } issueId || lead.Status is not (DemandStatus.Handled or DemandStatus.Closed)) continue;
            // A common issue created in this unit of work is not in the database yet.
            var isLead = db.Set<CommonIssue>().Local.Any(c => c.Id == issueId && c.LeadDemandId == lead.Id)
                || await db.Set<CommonIssue>().AnyAsync(c => c.Id == issueId && c.LeadDemandId == lead.Id, ct);
            if (!isLead) continue;
            var followingStates = lead.Status == DemandStatus.Handled
                ? new[] { DemandStatus.Submitted, DemandStatus.InProgress, DemandStatus.Guidance, DemandStatus.AwaitingDeliberation }
                : [DemandStatus.Handled];
            // Load the stored members into the change tracker, then decide on the tracked state: members merged in
            // this unit of work are not in the database yet, and tracked ones may have changed since.
            await db.Set<Demand>().Where(m => m.CommonIssueId == issueId && m.Id != lead.Id && followingStates.Contains(m.Status)).LoadAsync(ct);
            var members = db.Set<Demand>().Local.Where(m => m.CommonIssueId == issueId && m.Id != lead.Id && followingStates.Contains(m.Status)).ToList();
            foreach (var member in members)
            {
                var change = member.FollowLead(lead, Now);
                audit.Record(member.DistrictId, "demand.followed_common_issue", "demand", member.Id,
                    from: $"{change.From}@{change.FromLevel}", to: $"{change.To}@{member.Level}", note: Cap(change.Note));
                member.SyncDue();
                await NotifyReporterAsync(member, Text(member.Status == DemandStatus.Handled ? "Notify_CommonHandled" : "Notify_CommonClosed", member.TrackingCode), ct);
            }
        }
        _touched.Clear();
        await db.SaveChangesAsync(ct);
    }

    public void RecordNote(Demand d, string action, string? note) => audit.Record(d.DistrictId, action, "demand", d.Id, note: note);

    public void Arm(Demand d)
    {
        d.SyncDue();
        if (d.AcknowledgeDueAt is { } ack) db.Set<DemandTimer>().Add(new DemandTimer(d.DistrictId, d.Id, TimerKind.Acknowledge, ack));
        if (d.ResolveDueAt is { } resolve) db.Set<DemandTimer>().Add(new DemandTimer(d.DistrictId, d.Id, TimerKind.Resolve, resolve));
    }

    /// <summary>In-app notification to the officials who act for the demand's current rung.</summary>
    public async Task NotifyLevelAsync(Demand d, NotificationText text, CancellationToken ct = default)
    {
        List<Guid> users;
        if (d.Level == HandlingLevel.Department)
        {
            users = d.UnitId is { } unit
                ? await db.Set<UnitMember>().IgnoreQueryFilters().Where(m => m.DistrictId == d.DistrictId && m.UnitId == unit).Select(m => m.UserId).ToListAsync(ct)
                : [];
        }
        else
        {
            var roles = Enum.GetValues<Role>().Where(r => DemandRoles.ActsAt(r, d.Level)).ToList();
            users = await notifier.UsersActingForAsync(d.DistrictId, DemandRoles.LevelPath(d.AreaPath, d.Level), roles, ct);
        }
        await notifier.NotifyAsync(d.DistrictId, users, text, $"/demands/{d.Id}", ct: ct);
    }

    /// <summary>
    /// The reporter's account (in-app) and, when the demand left a contact phone and the district texts reporters,
    /// an SMS with the same words (they name the tracking code only) and the tracking link.
    /// </summary>
    public Task NotifyReporterAsync(Demand d, NotificationText text, CancellationToken ct = default)
        => notifier.NotifyAsync(d.DistrictId, d.ReporterUserId is { } reporter ? [reporter] : [], text, $"/track/{d.TrackingCode}", smsTo: d.ContactPhone, ct: ct);

    /// <summary>A notification template from the Demands strings naming the demand's tracking code.</summary>
    public static NotificationText Text(string key, string trackingCode) => NotificationText.Of<DemandStrings>(key, ("trackingCode", trackingCode));

    /// <summary>Tells the reporter which rung now handles the demand (the department is not named, as on the tracking page).</summary>
    public Task NotifyReporterOfLevelAsync(Demand d, CancellationToken ct = default)
    {
        var level = d.Level switch
        {
            HandlingLevel.Council => "NotifyLevel_Council",
            HandlingLevel.Community => "NotifyLevel_Community",
            HandlingLevel.Street => "NotifyLevel_Street",
            _ => "NotifyLevel_Department",
        };
        return NotifyReporterAsync(d, NotificationText.Of<DemandStrings>("Notify_ReporterLevel",
            ("trackingCode", d.TrackingCode), ("level", NotificationText.Of<DemandStrings>(level))), ct);
    }

    internal static string Action(DemandAction a) => a switch
    {
        DemandAction.HandleOnSpot => "handled_on_spot",
        DemandAction.Assign => "assigned",
        DemandAction.Guide => "guided",
        DemandAction.Escalate => "escalated",
        DemandAction.AutoEscalate => "auto_escalated",
        DemandAction.Refer => "referred",
        DemandAction.SendToDeliberation => "sent_to_deliberation",
        DemandAction.RecordResolution => "resolution_recorded",
        DemandAction.Handle => "handled",
        DemandAction.Convert => "converted",
        DemandAction.RateSatisfied => "rated",
        DemandAction.RateDissatisfied => "rated_dissatisfied",
        DemandAction.ReviewPassed => "review_passed",
        DemandAction.ReviewFailed => "review_failed",
        DemandAction.CloseWithoutReview => "closed_without_review",
        DemandAction.ExemptFromDeliberation => "exempted_from_deliberation",
        DemandAction.ReturnFromDeliberation => "returned_from_deliberation",
        DemandAction.FollowCommonIssue => "followed_common_issue",
        _ => "dismissed",
    };

    internal static string? Cap(string? s) => s is { Length: > 2000 } ? s[..2000] : s;

    internal static string? Join(string? a, string? b) => (a, b) switch
    {
        (null, null) => null,
        (_, null) => a,
        (null, _) => b,
        _ => $"{a} | {b}",
    };
}
