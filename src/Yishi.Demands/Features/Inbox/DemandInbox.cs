using System.Linq.Expressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Data;
using Yishi.Platform.Security;

namespace Yishi.Demands.Features.Inbox;

public sealed record InboxItem(Guid Id, string TrackingCode, string Description, DemandStatus Status, HandlingLevel Level, bool Urgent,
    Ownership? Ownership, DateTime CreatedAt, DateTime? DueAt, bool Overdue, int ReopenCount, int Version);

public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Total, int Overdue);

/// <summary>
/// What waits for me: open demands on the rung(s) I act for, in my areas (a department officer: what
/// reached my department). Urgent first, then by due time. Escalated demands appear in the higher level's inbox.
/// </summary>
public sealed class DemandInbox(YishiDbContext db, AccessScope scope, DemandAccess access, DemandWorkflow workflow)
{
    public const int Limit = 200;

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

    public async Task<InboxPage> HandleAsync(CancellationToken ct = default)
    {
        var mine = await MineAsync(ct);
        if (mine is null) return new InboxPage([], 0, 0);
        var now = workflow.Now;
        var open = db.Set<Demand>().AsNoTracking().Where(mine)
            .Where(x => x.Status == DemandStatus.Submitted || x.Status == DemandStatus.InProgress || x.Status == DemandStatus.Guidance);
        var total = await open.CountAsync(ct);
        var overdue = await open.CountAsync(x => (x.AcknowledgeDueAt != null && x.AcknowledgeDueAt < now) || (x.ResolveDueAt != null && x.ResolveDueAt < now), ct);
        var items = await open
            .OrderByDescending(x => x.Urgent).ThenBy(x => x.AcknowledgeDueAt ?? x.ResolveDueAt ?? x.CreatedAt).ThenBy(x => x.Id)
            .Take(Limit)
            .Select(x => new InboxItem(x.Id, x.TrackingCode, x.Description.Length > 80 ? x.Description.Substring(0, 80) : x.Description,
                x.Status, x.Level, x.Urgent, x.Ownership, x.CreatedAt, x.AcknowledgeDueAt ?? x.ResolveDueAt,
                (x.AcknowledgeDueAt ?? x.ResolveDueAt) < now, x.ReopenCount, x.Version))
            .ToListAsync(ct);
        return new InboxPage(items, total, overdue);
    }

    private sealed class Replace(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/demands/inbox", async (DemandInbox handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithTags("Demands").WithSummary("Open demands waiting for the caller's rung of the ladder, urgent and most due first");
}

public sealed class DemandDetail(DemandAccess access)
{
    public async Task<DemandView> HandleAsync(Guid id, CancellationToken ct = default) => DemandView.From(await access.LoadForViewAsync(id, ct));

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/demands/{id:guid}", async (Guid id, DemandDetail handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithTags("Demands").WithSummary("A demand as officials see it (contact phone masked)");
}
