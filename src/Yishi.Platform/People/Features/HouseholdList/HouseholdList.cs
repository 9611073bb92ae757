using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Paging;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.People.Features.HouseholdList;

public sealed record HouseholdListItem(Guid Id, Guid AreaId, string CommunityName, string GroupName, string HouseNumber,
    string? HeadName, string HeadPhone, int MemberCount, int Version);

/// <summary>
/// Households in the caller's scope, optionally within one area's subtree and matching a house number or a
/// member's name. Keyset order (AreaPath, HouseNumber) is unique and backed by an index; one query for the
/// page (head, phone and member count as subqueries) and one for the area names.
/// </summary>
public sealed class HouseholdList(YishiDbContext db, AccessScope scope)
{
    public const int QueryMaxLength = 40;

    public async Task<Page<HouseholdListItem>> HandleAsync(Guid? areaId, string? q, string? cursor, int? size, CancellationToken ct = default)
    {
        var paths = await scope.RequirePathsAsync(Permission.ViewHouseholds, ct);
        var query = db.Households.AsNoTracking().WithinAny(h => h.AreaPath, paths);
        if (areaId is { } id)
        {
            var area = await scope.RequireAreaAsync(id, Permission.ViewHouseholds, ct);
            var prefix = area.Path;
            query = query.Where(h => h.AreaPath.StartsWith(prefix));
        }
        if (Check.OptionalText(q, "q", QueryMaxLength) is { } text)
            query = query.Where(h => h.HouseNumber.Contains(text) || h.Members.Any(m => m.Name.Contains(text)));
        if (Keyset.Decode(cursor, 2) is [var afterPath, var afterNumber])
            query = query.Where(h => string.Compare(h.AreaPath, afterPath) > 0
                || (h.AreaPath == afterPath && string.Compare(h.HouseNumber, afterNumber) > 0));

        var take = Keyset.Size(size);
        var rows = await query
            .OrderBy(h => h.AreaPath).ThenBy(h => h.HouseNumber)
            .Take(take + 1)
            .Select(h => new Row(h.Id, h.AreaId, h.AreaPath, h.HouseNumber, h.Version,
                h.Members.Where(m => m.IsHead).Select(m => m.Name).FirstOrDefault(),
                h.Members.Where(m => m.IsHead).Select(m => m.Phone).FirstOrDefault(),
                h.Members.Count))
            .ToListAsync(ct);
        var page = Keyset.Build(rows, take, r => Keyset.Encode(r.AreaPath, r.HouseNumber));
        var names = await AreaNamesLookup.ForPathsAsync(db, page.Items.Select(r => r.AreaPath).Distinct(), ct);
        var items = page.Items.Select(r =>
        {
            var (community, group) = AreaNamesLookup.Labels(r.AreaPath, names);
            return new HouseholdListItem(r.Id, r.AreaId, community, group, r.HouseNumber, r.HeadName, PersonalData.MaskPhone(r.HeadPhone), r.Members, r.Version);
        }).ToList();
        return new Page<HouseholdListItem>(items, page.Next);
    }

    private sealed record Row(Guid Id, Guid AreaId, string AreaPath, string HouseNumber, int Version, string? HeadName, string? HeadPhone, int Members);

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/households", async (Guid? areaId, string? q, string? cursor, int? size, HouseholdList handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(areaId, q, cursor, size, ct)))
            .WithTags("Households").WithSummary("Households in the caller's scope (keyset-paginated; search by house number or member name)");
}
