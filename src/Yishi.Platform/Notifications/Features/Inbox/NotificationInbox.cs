using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Data;
using Yishi.Platform.Paging;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.Notifications.Features.Inbox;

public sealed record NotificationDto(Guid Id, string Text, string? Link, DateTime CreatedAt, DateTime? ReadAt);

public sealed record UnreadCount(int Count);

public sealed record MarkedRead(int Count);

/// <summary>
/// The signed-in user's own in-app notifications: newest first (keyset on CreatedAt, Id), unread count, mark read.
/// Another user's notification is "not found". Reading is not audited: it changes nothing but the reader's own view.
/// </summary>
public sealed class NotificationInbox(YishiDbContext db, AccessScope scope, TimeProvider clock)
{
    /// <summary>The bell shows "99+" above this.</summary>
    public const int CountCap = 99;

    private IQueryable<Notification> Mine()
    {
        var userId = scope.UserId;
        return db.Set<Notification>().Where(n => n.UserId == userId);
    }

    public async Task<Page<NotificationDto>> ListAsync(string? cursor, int? size, CancellationToken ct = default)
    {
        var take = Keyset.Size(size);
        var q = Mine().AsNoTracking();
        if (Keyset.Decode(cursor, 2) is [var atText, var idText])
        {
            if (!long.TryParse(atText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks
                || !Guid.TryParseExact(idText, "N", out var id))
                throw new InputInvalid("cursor", "Cursor_Invalid");
            var at = new DateTime(ticks, DateTimeKind.Utc);
            q = q.Where(n => n.CreatedAt < at || (n.CreatedAt == at && n.Id < id));
        }
        var rows = await q.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take + 1)
            .Select(n => new NotificationDto(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);
        return Keyset.Build(rows, take, n => Keyset.Encode(n.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture), n.Id.ToString("N")));
    }

    /// <summary>Counts at most <see cref="CountCap"/> + 1 rows (index on user and ReadAt), so a huge backlog stays cheap.</summary>
    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
        => await Mine().Where(n => n.ReadAt == null).Take(CountCap + 1).CountAsync(ct);

    public async Task<NotificationDto> MarkReadAsync(Guid id, CancellationToken ct = default)
    {
        var n = await Mine().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new Rules.NotFound("notification");
        if (n.ReadAt is null)
        {
            n.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return new NotificationDto(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt);
    }

    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await Mine().Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    /// <summary>Only links inside this site are followed (a notification's link is written by the app, but be strict).</summary>
    public static string SafeLink(string? link)
        => link is { Length: > 1 } && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/\\", StringComparison.Ordinal)
            ? link : "/notifications";

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("Notifications");
        g.MapGet("", async (string? cursor, int? size, NotificationInbox inbox, CancellationToken ct)
                => TypedResults.Ok(await inbox.ListAsync(cursor, size, ct)))
            .WithSummary("My notifications, newest first (keyset-paginated)");
        g.MapGet("/unread-count", async (NotificationInbox inbox, CancellationToken ct)
                => TypedResults.Ok(new UnreadCount(await inbox.UnreadCountAsync(ct))))
            .WithSummary($"How many of my notifications are unread (counted up to {CountCap} + 1)");
        g.MapPost("/{id:guid}/read", async Task<Ok<NotificationDto>> (Guid id, NotificationInbox inbox, CancellationToken ct)
                => TypedResults.Ok(await inbox.MarkReadAsync(id, ct)))
            .WithSummary("Mark one of my notifications read");
        g.MapPost("/read-all", async (NotificationInbox inbox, CancellationToken ct)
                => TypedResults.Ok(new MarkedRead(await inbox.MarkAllReadAsync(ct))))
            .WithSummary("Mark all my notifications read");
    }

    /// <summary>The page's links: a form POST that marks the notification read and redirects to its target.</summary>
    internal static void MapPublic(IEndpointRouteBuilder app) =>
        app.MapPost("/notifications/{id:guid}/open", async (Guid id, HttpContext http, IAntiforgery antiforgery, NotificationInbox inbox, CancellationToken ct) =>
            {
                await antiforgery.ValidateRequestAsync(http);
                var n = await inbox.MarkReadAsync(id, ct);
                return Results.LocalRedirect(SafeLink(n.Link));
            })
            .RequireAuthorization().ExcludeFromDescription();
}
