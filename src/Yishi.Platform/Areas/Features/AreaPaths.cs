using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;

namespace Yishi.Platform.Areas.Features;

/// <summary>
/// Rewrites materialised paths after a move: the areas of the subtree and every row placed in them
/// (<see cref="IAreaPlaced"/> tables of every module). Paths start with the district id, so a prefix
/// match never crosses tenants.
/// </summary>
internal static class AreaPaths
{
    public static async Task<int> RewriteAsync(YishiDbContext db, string oldPrefix, string newPrefix, CancellationToken ct)
    {
        var total = 0;
        foreach (var entity in db.Model.GetEntityTypes())
        {
            string? property = entity.ClrType == typeof(Area) ? nameof(Area.Path)
                : typeof(IAreaPlaced).IsAssignableFrom(entity.ClrType) ? nameof(IAreaPlaced.AreaPath) : null;
            if (property is null || entity.GetTableName() is not { } table) continue;
            var column = entity.FindProperty(property)!.GetColumnName();
            var sql = $"UPDATE \"{table}\" SET \"{column}\" = {{0}} || substr(\"{column}\", {{1}}) WHERE \"{column}\" LIKE {{2}}";
            total += await db.Database.ExecuteSqlRawAsync(sql, [newPrefix, oldPrefix.Length + 1, oldPrefix + "%"], ct);
        }
        return total;
    }
}
