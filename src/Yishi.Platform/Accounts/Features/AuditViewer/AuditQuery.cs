using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Paging;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.Accounts.Features.AuditViewer;

public sealed record AuditEntryDto(Guid Id, DateTime At, Guid? ActorId, string ActorName, string Action, string EntityType, Guid EntityId,
    string? From, string? To, string? Note, long Sequence, string Hash);

/// <summary>Filters of the audit trail. <see cref="Action"/> ending in "." matches a prefix ("account."); <see cref="To"/> is exclusive.</summary>
public sealed record AuditFilter(string? EntityType = null, Guid? EntityId = null, string? Actor = null, string? Action = null,
    DateTime? From = null, DateTime? To = null, string? Cursor = null, int? Size = null);

/// <summary>
/// The district's audit trail, newest first, keyset-paginated on (At, Id). Read-only, for ReadAudit held at
/// the district itself: entries are district-wide, not placed in areas.
/// </summary>
public sealed class AuditQuery(YishiDbContext db, AccessScope scope)
{
    public async Task<Page<AuditEntryDto>> HandleAsync(AuditFilter filter, CancellationToken ct = default)
    {
        if (!scope.IsSignedIn) throw new Forbidden();
        if (!await scope.CanAsync(AccountAccess.RootPath(scope.DistrictId), Permission.ReadAudit, ct)) throw new Forbidden();
        var size = Keyset.Size(filter.Size);
        var q = db.AuditEntries.AsNoTracking();
        if (filter.EntityType?.Trim() is { Length: > 0 } type) q = q.Where(a => a.EntityType == type);
        if (filter.EntityId is { } entityId) q = q.Where(a => a.EntityId == entityId);
        if (filter.Actor?.Trim() is { Length: > 0 } actor)
            q = Guid.TryParse(actor, out var actorId) ? q.Where(a => a.ActorId == actorId) : q.Where(a => a.ActorName == actor);
        if (filter.Action?.Trim() is { Length: > 0 } action)
            q = action.EndsWith('.') ? q.Where(a => a.Action.StartsWith(action)) : q.Where(a => a.Action == action);
        if (filter.From is { } from) q = q.Where(a => a.At >= from);
        if (filter.To is { } to) q = q.Where(a => a.At < to);
        if (Keyset.Decode(filter.Cursor, 2) is [var atText, var idText])
        {
            if (!long.TryParse(atText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks
                || !Guid.TryParseExact(idText, "N", out var id))
                throw new InputInvalid("cursor", "Cursor_Invalid");
            var at = new DateTime(ticks, DateTimeKind.Utc);
            q = q.Where(a => a.At < at || (a.At == at && a.Id < id));
        }
        var rows = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(size + 1)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.ActorId, a.ActorName, a.Action, a.EntityType, a.EntityId, a.From, a.To, a.Note, a.Sequence, a.Hash))
            .ToListAsync(ct);
        return Keyset.Build(rows, size, a => Keyset.Encode(a.At.Ticks.ToString(CultureInfo.InvariantCulture), a.Id.ToString("N")));
    }

    /// <summary>Query-string times: ISO 8601; without an offset they are UTC.</summary>
    public static DateTime? ParseTime(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t.UtcDateTime;
        throw new InputInvalid(field, "Audit_TimeInvalid", typeof(AccountsStrings));
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit", async (string? entityType, Guid? entityId, string? actor, string? action, string? from, string? to, string? cursor, int? size,
                AuditQuery handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(new AuditFilter(entityType, entityId, actor, action,
                    ParseTime(from, "from"), ParseTime(to, "to"), cursor, size), ct)))
            .WithTags("Audit").WithSummary("The district's audit trail, newest first (ReadAudit); filter by entity, actor, action and time");
}
