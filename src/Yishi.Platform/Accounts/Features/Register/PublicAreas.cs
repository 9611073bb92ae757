using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;

namespace Yishi.Platform.Accounts.Features.Register;

public sealed record PublicAreaDto(Guid Id, Guid? ParentId, AreaLevel Level, string Name);

/// <summary>
/// The active area tree of every district, for the registration picker: ids, levels and names only
/// (area names are public). Ordered as a tree, siblings by name.
/// </summary>
public sealed class PublicAreas(YishiDbContext db)
{
    public async Task<IReadOnlyList<PublicAreaDto>> HandleAsync(CancellationToken ct = default)
    {
        var areas = await db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => a.RetiredAt == null)
            .Select(a => new PublicAreaDto(a.Id, a.ParentId, a.Level, a.Name)).ToListAsync(ct);
        var byId = areas.ToDictionary(a => a.Id);
        // A retired parent hides its (still active) children: they cannot be reached in the tree.
        bool Reachable(PublicAreaDto a) => a.ParentId is not { } p || (byId.TryGetValue(p, out var parent) && Reachable(parent));
        string Key(PublicAreaDto a) => a.ParentId is { } p && byId.TryGetValue(p, out var parent) ? Key(parent) + "\u0001" + a.Name : a.Name;
        return areas.Where(Reachable).OrderBy(Key, StringComparer.Ordinal).ToList();
    }

    internal static void Map(RouteGroupBuilder publicApi) =>
        publicApi.MapGet("/public/areas", async (PublicAreas handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithTags("Public").WithSummary("Active areas of every district (id, parent, level, name), for the resident registration picker");
}
