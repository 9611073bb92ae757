using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Security;

namespace Yishi.Platform.Areas.Features.ManageAreas;

/// <summary>One area of the caller's tree with its sub-areas and the households in its subtree.</summary>
public sealed class AreaNode(AreaDto area)
{
    public AreaDto Area { get; } = area;
    public List<AreaNode> Children { get; } = [];
    public int ActiveChildren => Children.Count(c => !c.Area.Retired);
    public int Households { get; set; }
}

public sealed record AreaOverviewResult(IReadOnlyList<AreaNode> Roots, IReadOnlyList<AreaNode> InTreeOrder, IReadOnlyDictionary<Guid, AreaNode> ById, bool IsOfficial)
{
    public int ActiveAreas => ById.Values.Count(n => !n.Area.Retired);
    public int Households => Roots.Sum(r => r.Households);
}

/// <summary>A parent an area may move under, with the name of that parent's own parent (for grouping in the select).</summary>
public sealed record MoveTarget(AreaDto Parent, string Group);

public sealed record AreaDetailResult(
    AreaNode Node,
    IReadOnlyList<(AreaDto Area, bool InScope)> Trail,
    DateTime CreatedAt,
    DateTime? RetiredAt,
    bool CanManage,
    IReadOnlyList<MoveTarget> MoveTargets);

/// <summary>
/// The read side of the area pages. The tree comes from the same <see cref="AreaTree.AreaTree"/> handler as the API
/// (so it is the caller's subtree only); child counts come from that list and household counts from one
/// grouped query, rolled up the tree in memory.
/// </summary>
public sealed class AreaOverview(YishiDbContext db, AccessScope scope, AreaTree.AreaTree tree)
{
    public async Task<AreaOverviewResult> LoadAsync(CancellationToken ct = default)
    {
        var held = await scope.HeldRolesAsync(ct);
        var areas = await tree.HandleAsync(includeRetired: true, ct);
        var ordered = areas.Select(a => new AreaNode(a)).ToList();
        var nodes = ordered.ToDictionary(n => n.Area.Id);
        var roots = new List<AreaNode>();
        foreach (var area in areas)
        {
            if (area.ParentId is { } parentId && nodes.TryGetValue(parentId, out var parent)) parent.Children.Add(nodes[area.Id]);
            else roots.Add(nodes[area.Id]);
        }

        var paths = roots.Select(r => r.Area.Path).ToList();
        var counts = await db.Households.AsNoTracking().WithinAny(h => h.AreaPath, paths)
            .GroupBy(h => h.AreaId).Select(g => new { AreaId = g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var count in counts)
            if (nodes.TryGetValue(count.AreaId, out var node)) node.Households += count.Count;
        foreach (var node in nodes.Values.OrderByDescending(n => n.Area.Level))
            if (node.Area.ParentId is { } parentId && nodes.TryGetValue(parentId, out var parent)) parent.Households += node.Households;

        return new AreaOverviewResult(roots, ordered, nodes, held.Any(h => RolePermissions.IsOfficial(h.Role)));
    }

    public Task<bool> CanManageAnyAsync(CancellationToken ct = default) => scope.HoldsAsync(Permission.ManageAreas, ct);

    /// <summary>One area of the caller's tree, or null when it is unknown or outside the caller's subtree (the page shows 404).</summary>
    public async Task<AreaDetailResult?> DetailAsync(Guid id, CancellationToken ct = default)
    {
        var overview = await LoadAsync(ct);
        if (!overview.IsOfficial || !overview.ById.TryGetValue(id, out var node)) return null;
        var area = await db.Areas.AsNoTracking().SingleAsync(a => a.Id == id, ct);

        // Ancestors above the caller's scope are shown by name (as on the workbench) but not linked.
        var ancestorIds = area.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N")).Where(a => a != id).ToList();
        var outside = ancestorIds.Where(a => !overview.ById.ContainsKey(a)).ToList();
        var outsideAreas = outside.Count == 0 ? [] : await db.Areas.AsNoTracking().Where(a => outside.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var trail = new List<(AreaDto Area, bool InScope)>();
        foreach (var ancestorId in ancestorIds)
        {
            if (overview.ById.TryGetValue(ancestorId, out var inScope)) trail.Add((inScope.Area, true));
            else if (outsideAreas.TryGetValue(ancestorId, out var above)) trail.Add((AreaDto.From(above), false));
        }

        var canManage = await scope.CanAsync(area.Path, Permission.ManageAreas, ct);
        var targets = new List<MoveTarget>();
        if (canManage && area.Level != AreaLevel.District && !area.IsRetired)
        {
            var managed = await scope.PathsWithAsync(Permission.ManageAreas, ct);
            targets = overview.InTreeOrder
                .Where(n => n.Area.Level == area.Level - 1 && !n.Area.Retired && n.Area.Id != area.ParentId
                    && managed.Any(p => n.Area.Path.StartsWith(p, StringComparison.Ordinal)))
                .Select(n => new MoveTarget(n.Area, n.Area.ParentId is { } p && overview.ById.TryGetValue(p, out var gp) ? gp.Area.Name : ""))
                .ToList();
        }
        return new AreaDetailResult(node, trail, area.CreatedAt, area.RetiredAt, canManage, targets);
    }
}
