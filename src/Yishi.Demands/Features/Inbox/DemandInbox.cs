using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Data;
using Yishi.Platform.Paging;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Demands.Features.Inbox;

public sealed record InboxItem(Guid Id, string TrackingCode, string Description, DemandStatus Status, HandlingLevel Level, bool Urgent,
    Ownership? Ownership, DateTime CreatedAt, DateTime? DueAt, bool Overdue, int ReopenCount, int Version);

/// <summary>Which open demands of the inbox to list.</summary>
public enum InboxView
{
    All,
    /// <summary>Past the acknowledge or resolve deadline.</summary>
    Overdue,
    Urgent,
    /// <summary>Reopened after a dissatisfied rating or a failed review.</summary>
    Reopened,
    /// <summary>Not yet triaged (待受理).</summary>
    New,
    /// <summary>Handled demands due for the follow-up review (回头议): for council members and secretaries.</summary>
    Review,
}

/// <summary>One page of the inbox with the counts of every view (for the tabs).</summary>
public sealed record InboxPage(IReadOnlyList<InboxItem> Items, string? Next, int Total, int Overdue, int Urgent, int Reopened, int New, int? Review);

/// <summary>
/// What waits for me: open demands on the rung(s) I act for, in my areas (a department officer: what
/// reached my department). Urgent first, then the most due; views (overdue, urgent, reopened, new), a text or
/// tracking-code search, and keyset pages of <see cref="Keyset.DefaultSize"/>: an inbox of 300 stays workable.
/// Escalated demands appear in the higher level's inbox.
/// </summary>
public sealed class DemandInbox(YishiDbContext db, AccessScope scope, DemandAccess access, DemandWorkflow workflow, RequestContext request)
{
    public async Task<Expression<Func<Demand, bool>>?> MineAsync(CancellationToken ct)
    {
        var held = await scope.HeldRolesAsync(ct);
        var units = await access.MyUnitsAsync(ct);
        var d = Expression.Parameter(typeof(Demand), "d");
        Expression? any = null;
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var level in new[] { HandlingLevel.Council, HandlingLevel.Community, HandlingLevel.Street })
        {
            var depth = level == HandlingLevel.Street ? 2 : 3;
            foreach (var path in held.Where(h => DemandRoles.ActsAt(h.Role, level) && h.AreaPath.Count(c => c == '/') - 1 <= depth).Select(h => h.AreaPath).Distinct())
            {
                Expression<Func<string>> p = () => path;
                var term = Expression.AndAlso(
                    Expression.Equal(Expression.Property(d, nameof(Demand.Level)), Expression.Constant(level)),
                    Expression.Call(Expression.Property(d, nameof(Demand.AreaPath)), startsWith, p.Body));
                any = any is null ? term : Expression.OrElse(any, term);
            }
        }
        if (units.Count > 0)
        {
            Expression<Func<Demand, bool>> dept = x => x.Level == HandlingLevel.Department && x.UnitId != null && units.Contains(x.UnitId.Value);
            var term = new Replace(dept.Parameters[0], d).Visit(dept.Body);
            any = any is null ? term : Expression.OrElse(any, term);
        }
        return any is null ? null : Expression.Lambda<Func<Demand, bool>>(any, d);
    }

    public async Task<InboxPage> HandleAsync(InboxView view = InboxView.All, string? q = null, string? cursor = null, int? size = null, CancellationToken ct = default)
    {
        var mine = await MineAsync(ct);
        var reviewPaths = await scope.PathsWhereAsync(DemandRoles.CanReview, ct);
        if (mine is null && reviewPaths.Count == 0) return new InboxPage([], null, 0, 0, 0, 0, 0, null);
        var now = workflow.Now;
        var text = Check.OptionalText(q, "q", 50);
        var open = Search(db.Set<Demand>().AsNoTracking().Where(mine ?? (x => false))
            .Where(x => x.Status == DemandStatus.Submitted || x.Status == DemandStatus.InProgress || x.Status == DemandStatus.Guidance), text);
        IQueryable<Demand>? dueForReview = null;
        if (reviewPaths.Count > 0 && request.DistrictId is { } district)
        {
            var reviewAfter = (await workflow.SettingsAsync(district, ct)).ReviewAfterDays;
            var handledBefore = now.AddDays(-reviewAfter);
            dueForReview = Search(db.Set<Demand>().AsNoTracking().WithinAny(x => x.AreaPath, reviewPaths)
                .Where(x => x.Status == DemandStatus.Handled && x.HandledAt != null && x.HandledAt <= handledBefore), text);
        }
        // The counts of every view in one round trip.
        var counts = await open.GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            Overdue = g.Count(x => x.DueAt != null && x.DueAt < now),
            Urgent = g.Count(x => x.Urgent),
            Reopened = g.Count(x => x.ReopenCount > 0),
            New = g.Count(x => x.Status == DemandStatus.Submitted),
        }).FirstOrDefaultAsync(ct);
        int? review = dueForReview is null ? null : await dueForReview.CountAsync(ct);

        var list = view switch
        {
            InboxView.Overdue => open.Where(x => x.DueAt != null && x.DueAt < now),
            InboxView.Urgent => open.Where(x => x.Urgent),
            InboxView.Reopened => open.Where(x => x.ReopenCount > 0),
            InboxView.New => open.Where(x => x.Status == DemandStatus.Submitted),
            InboxView.Review => dueForReview ?? open.Where(x => false),
            _ => open,
        };
        // Order: urgent first, then by due time (no deadline: by arrival), then the code; the cursor is that triple.
        if (Keyset.Decode(cursor, 3) is [var u, var ticksText, var c])
        {
            if (u is not ("0" or "1") || !long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks)
                throw new InputInvalid("cursor", "Cursor_Invalid");
            var at = new DateTime(ticks, DateTimeKind.Utc);
            var wasUrgent = u == "1";
            list = list.Where(x => (x.Urgent == wasUrgent && ((x.DueAt ?? x.CreatedAt) > at || ((x.DueAt ?? x.CreatedAt) == at && string.Compare(x.TrackingCode, c) > 0)))
                || (wasUrgent && !x.Urgent));
        }
        var take = Keyset.Size(size);
        var rows = await list
            .OrderByDescending(x => x.Urgent).ThenBy(x => x.DueAt ?? x.CreatedAt).ThenBy(x => x.TrackingCode)
            .Take(take + 1)
            .Select(x => new InboxItem(x.Id, x.TrackingCode, x.Description.Length > 80 ? x.Description.Substring(0, 80) : x.Description,
                x.Status, x.Level, x.Urgent, x.Ownership, x.CreatedAt, x.DueAt, x.DueAt != null && x.DueAt < now, x.ReopenCount, x.Version))
            .ToListAsync(ct);
        var page = Keyset.Build(rows, take, r => Keyset.Encode(r.Urgent ? "1" : "0",
            (r.DueAt ?? r.CreatedAt).Ticks.ToString(CultureInfo.InvariantCulture), r.TrackingCode));
        return new InboxPage(page.Items, page.Next, counts?.Total ?? 0, counts?.Overdue ?? 0, counts?.Urgent ?? 0, counts?.Reopened ?? 0, counts?.New ?? 0, review);
    }

    private static IQueryable<Demand> Search(IQueryable<Demand> q, string? text)
    {
        if (text is null) return q;
        var code = TrackingCode.Normalise(text);
        return code is null ? q.Where(x => x.Description.Contains(text) || (x.Location != null && x.Location.Contains(text))) : q.Where(x => x.TrackingCode == code);
    }

    private sealed class Replace(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/demands/inbox", async (DemandInbox handler, InboxView? view, string? q, string? cursor, int? size, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(view ?? InboxView.All, q, cursor, size, ct)))
            .WithTags("Demands")
            .WithSummary("Open demands waiting for the caller's rung of the ladder, urgent and most due first")
            .WithDescription("view: All | Overdue | Urgent | Reopened | New | Review (handled demands due for the follow-up review, for council members and secretaries; `review` is null for others). q: text in the description or location, or a tracking code. Keyset pages: pass `next` back as `cursor`. The counts are of the whole inbox (after q), for tabs.");
}

public sealed class DemandDetail(DemandAccess access)
{
    public async Task<DemandView> HandleAsync(Guid id, CancellationToken ct = default) => DemandView.From(await access.LoadForViewAsync(id, ct));

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/demands/{id:guid}", async (Guid id, DemandDetail handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithTags("Demands").WithSummary("A demand as officials see it (contact phone masked)");
}
