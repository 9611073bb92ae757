using Yishi.Platform.Data;

namespace Yishi.Demands.Domain;

/// <summary>Acknowledge-within and resolve-within for one ownership × urgency (null ownership = not yet triaged).</summary>
public sealed class DeadlineRule : ITenantOwned, IVersioned
{
    private DeadlineRule() { }

    public DeadlineRule(Guid districtId, Ownership? ownership, bool urgent, int acknowledgeMinutes, int resolveMinutes)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        Ownership = ownership;
        Urgent = urgent;
        AcknowledgeMinutes = acknowledgeMinutes;
        ResolveMinutes = resolveMinutes;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Ownership? Ownership { get; private set; }
    public bool Urgent { get; private set; }
    public int AcknowledgeMinutes { get; set; }
    public int ResolveMinutes { get; set; }
    public int Version { get; set; }
}

/// <summary>The deadlines in force for a district; districts without rules get <see cref="Defaults"/>.</summary>
public sealed class DeadlinePolicy(IReadOnlyList<DeadlineRule> rules)
{
    /// <summary>Urgent: acknowledged in 2 h, resolved in 24 h. Otherwise 1 working day / 7 days (15 for government matters).</summary>
    public static (int Acknowledge, int Resolve) Defaults(Ownership? ownership, bool urgent) => (urgent, ownership) switch
    {
        (true, _) => (120, 24 * 60),
        (false, Ownership.Government) => (24 * 60, 15 * 24 * 60),
        _ => (24 * 60, 7 * 24 * 60),
    };

    public (TimeSpan Acknowledge, TimeSpan Resolve) For(Ownership? ownership, bool urgent)
    {
        var rule = rules.FirstOrDefault(r => r.Ownership == ownership && r.Urgent == urgent)
            ?? rules.FirstOrDefault(r => r.Ownership == null && r.Urgent == urgent);
        var (ack, resolve) = rule is null ? Defaults(ownership, urgent) : (rule.AcknowledgeMinutes, rule.ResolveMinutes);
        return (TimeSpan.FromMinutes(ack), TimeSpan.FromMinutes(resolve));
    }
}

public enum TimerKind
{
    Acknowledge = 0,
    Resolve = 1,
}

/// <summary>
/// A deadline that fires at most once, across restarts and instances: the sweep sets <see cref="FiredAt"/>
/// in the same transaction as the escalation, guarded by <see cref="Version"/>. A timer is stale (and is
/// simply marked fired) when the demand's due time no longer equals <see cref="DueAt"/>: it moved on.
/// </summary>
public sealed class DemandTimer : ITenantOwned, IVersioned
{
    private DemandTimer() { }

    public DemandTimer(Guid districtId, Guid demandId, TimerKind kind, DateTime dueAt)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        DemandId = demandId;
        Kind = kind;
        DueAt = dueAt;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid DemandId { get; private set; }
    public TimerKind Kind { get; private set; }
    public DateTime DueAt { get; private set; }
    public DateTime? FiredAt { get; private set; }
    public int Version { get; set; }

    public void Fire(DateTime now) => FiredAt = now;
}
