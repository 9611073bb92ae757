using Yishi.Platform.Data;

namespace Yishi.Platform.Audit;

/// <summary>
/// One state change: who, when, what, from → to. Append-only: the DbContext refuses updates and
/// deletes, and the migrations add database triggers that do the same.
/// It is also each entity's timeline.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    private AuditEntry() { }

    public AuditEntry(Guid districtId, DateTime at, Guid? actorId, string actorName, string action,
        string entityType, Guid entityId, string? from, string? to, string? note)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        At = at;
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
}
