using Yishi.Platform.Data;

namespace Yishi.Platform.Audit;

/// <summary>Adds audit entries to the current unit of work, so they commit with the change they describe.</summary>
public sealed class AuditTrail(YishiDbContext db, RequestContext request, TimeProvider clock)
{
    public AuditEntry Record(Guid districtId, string action, string entityType, Guid entityId,
        string? from = null, string? to = null, string? note = null)
    {
        var entry = new AuditEntry(districtId, clock.GetUtcNow().UtcDateTime, request.UserId, request.ActorName,
            action, entityType, entityId, from, to, note);
        db.AuditEntries.Add(entry);
        return entry;
    }
}
