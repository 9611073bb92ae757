using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Accounts.Features;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications.Relay;
using Yishi.Platform.Paging;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.Notifications.Features.OutboxAdmin;

/// <summary>
/// An outbox message as the admin sees it: the recipient masked, no message text; only in Development a system admin
/// also sees the <see cref="Body"/> (e.g. to read a registration code without an SMS gateway).
/// </summary>
public sealed record OutboxMessageDto(Guid Id, string Channel, string Recipient, OutboxStatus Status, int Attempts,
    DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt, string? LastError, int Version, string? Body = null);

public sealed record OutboxSummary(int Pending, int Sent, int Dead);

public sealed record RetryInput(int Version);

/// <summary>
/// The district's outgoing email/SMS for its admins (ManageOutbox at the district itself): counts, the recent
/// messages newest first, and "send again" for dead ones (audited).
/// </summary>
public sealed class OutboxAdmin(YishiDbContext db, AccessScope scope, AuditTrail audit, TimeProvider clock, IHostEnvironment env)
{
    private async Task RequireAsync(CancellationToken ct)
    {
        if (!scope.IsSignedIn) throw new Forbidden();
        if (!await scope.CanAsync(AccountAccess.RootPath(scope.DistrictId), Permission.ManageOutbox, ct)) throw new Forbidden();
    }

    public async Task<OutboxSummary> SummaryAsync(CancellationToken ct = default)
    {
        await RequireAsync(ct);
        var counts = await db.Set<OutboxMessage>().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(OutboxStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return new OutboxSummary(Of(OutboxStatus.Pending), Of(OutboxStatus.Sent), Of(OutboxStatus.Dead));
    }

    public async Task<Page<OutboxMessageDto>> ListAsync(OutboxStatus? status, string? cursor, int? size, CancellationToken ct = default)
    {
        await RequireAsync(ct);
        var take = Keyset.Size(size);
        var q = db.Set<OutboxMessage>().AsNoTracking();
        if (status is { } s) q = q.Where(m => m.Status == s);
        if (Keyset.Decode(cursor, 2) is [var atText, var idText])
        {
            if (!long.TryParse(atText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks
                || !Guid.TryParseExact(idText, "N", out var id))
                throw new InputInvalid("cursor", "Cursor_Invalid");
            var at = new DateTime(ticks, DateTimeKind.Utc);
            q = q.Where(m => m.CreatedAt < at || (m.CreatedAt == at && m.Id < id));
        }
        var rows = await q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(take + 1).ToListAsync(ct);
        var showBody = env.IsDevelopment() && (await scope.HeldRolesAsync(ct)).Any(h => h.Role == Role.SystemAdmin);
        return Keyset.Build(rows.Select(m => Dto(m) with { Body = showBody ? m.Body : null }).ToList(), take, m => Keyset.Encode(m.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture), m.Id.ToString("N")));
    }

    public async Task<OutboxMessageDto> RetryAsync(Guid id, RetryInput input, CancellationToken ct = default)
    {
        await RequireAsync(ct);
        var m = await db.Set<OutboxMessage>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new Rules.NotFound("outbox_message");
        Concurrency.Expect(m, input.Version);
        m.Retry(clock.GetUtcNow().UtcDateTime);
        audit.Record(m.DistrictId, "outbox.retried", "outbox_message", m.Id, from: nameof(OutboxStatus.Dead), to: nameof(OutboxStatus.Pending), note: m.Channel);
        await db.SaveChangesAsync(ct);
        return Dto(m);
    }

    private static OutboxMessageDto Dto(OutboxMessage m)
        => new(m.Id, m.Channel, OutboxRecipients.Mask(m.Recipient), m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError, m.Version);

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/outbox").WithTags("Outbox");
        g.MapGet("/summary", async (OutboxAdmin handler, CancellationToken ct) => TypedResults.Ok(await handler.SummaryAsync(ct)))
            .WithSummary("Counts of pending, sent and dead outgoing messages in the district (ManageOutbox)");
        g.MapGet("", async (OutboxStatus? status, string? cursor, int? size, OutboxAdmin handler, CancellationToken ct)
                => TypedResults.Ok(await handler.ListAsync(status, cursor, size, ct)))
            .WithSummary("Outgoing messages, newest first, recipients masked (ManageOutbox)");
        g.MapPost("/{id:guid}/retry", async Task<Ok<OutboxMessageDto>> (Guid id, RetryInput input, OutboxAdmin handler, CancellationToken ct)
                => TypedResults.Ok(await handler.RetryAsync(id, input, ct)))
            .WithSummary("Send a dead message again (ManageOutbox; audited)");
    }
}
