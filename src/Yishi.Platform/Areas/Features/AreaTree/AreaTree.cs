using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Data;
using Yishi.Platform.Security;

namespace Yishi.Platform.Areas.Features.AreaTree;

/// <summary>The areas the caller holds any role in, with their subtrees, ordered as a tree (by path).</summary>
public sealed class AreaTree(YishiDbContext db, AccessScope scope)
{
    public async Task<IReadOnlyList<AreaDto>> HandleAsync(bool includeRetired, CancellationToken ct = default)
    {
        var held = await scope.HeldRolesAsync(ct);
        var paths = held.Select(h => h.AreaPath).Distinct().ToList();
        if (paths.Count == 0) return [];
        var query = db.Areas.AsNoTracking().WithinAny(a => a.Path, paths);
        if (!includeRetired) query = query.Where(a => a.RetiredAt == null);
        var areas = await query.OrderBy(a => a.Path).ToListAsync(ct);
        // Sort by the display path of names so siblings appear alphabetically within their parent.
        var byId = areas.ToDictionary(a => a.Id);
        string Key(Domain.Area a) => a.ParentId is { } p && byId.TryGetValue(p, out var parent) ? Key(parent) + "\u0001" + a.Name : a.Name;
        return areas.OrderBy(Key, StringComparer.Ordinal).Select(AreaDto.From).ToList();
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/areas", async (bool? includeRetired, AreaTree handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(includeRetired ?? false, ct)))
            .WithTags("Areas").WithSummary("Areas in the caller's scope, ordered as a tree");
}
