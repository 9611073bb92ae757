using Yishi.Platform.Data;

namespace Yishi.Platform.Audit;

/// <summary>
/// One state change: who, when, what, from → to. Append-only: the DbContext refuses updates and
/// deletes, and the migrations add database triggers that do the same.
/// It is also each entity's timeline. Tamper-evident: each row carries its place in the district's chain
/// (<see cref="Sequence"/>, <see cref="PreviousHash"/>) and a SHA-256 <see cref="Hash"/> over its content,
/// filled in by <see cref="AuditChain"/> when the row is saved.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    private AuditEntry() { }

    public AuditEntry(Guid districtId, DateTime at, Guid? actorId, string actorName, string action,
        string entityType, Guid entityId, string? from, string? to, string? note)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        // PostgreSQL keeps microseconds: the hashed time must be the one the database gives back.
        At = AuditChain.ToMicroseconds(at);
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        From = from;
        To = to;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public DateTime At { get; private set; }
    public Guid? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public Guid EntityId { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public string? Note { get; private set; }

    /// <summary>1, 2, 3 … within the district, in the order rows were saved (not necessarily <see cref="At"/> order).</summary>
    public long Sequence { get; private set; }

    /// <summary>The <see cref="Hash"/> of the row before this one in the district's chain (64 zeros for the first).</summary>
    public string PreviousHash { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of <see cref="AuditChain.Canonical"/>.</summary>
    public string Hash { get; private set; } = "";
}
