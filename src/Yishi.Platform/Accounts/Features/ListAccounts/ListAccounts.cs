using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Paging;
using Yishi.Platform.Security;

namespace Yishi.Platform.Accounts.Features.ListAccounts;

public sealed record ListAccountsQuery(string? Q = null, Role? Role = null, Guid? AreaId = null, string? Cursor = null, int? Size = null);

/// <summary>Officials and residents living in the caller's ManageAccounts scope, by user name (keyset).</summary>
public sealed class ListAccounts(YishiDbContext db, AccessScope scope, AccountAccess access, YishiUserManager users)
{
    public async Task<Page<AccountDto>> HandleAsync(ListAccountsQuery query, CancellationToken ct = default)
    {
        var size = Keyset.Size(query.Size);
        var after = Keyset.Decode(query.Cursor, 1)?[0];
        var accounts = await access.VisibleAsync(ct);

        if (query.Role is not null || query.AreaId is not null)
        {
            var roles = db.RoleAssignments.Where(r => r.RevokedAt == null);
            if (query.Role is { } role) roles = roles.Where(r => r.Role == role);
            if (query.AreaId is { } areaId)
            {
                var area = await scope.RequireAreaAsync(areaId, Permission.ManageAccounts, ct);
                roles = roles.Where(r => r.AreaPath.StartsWith(area.Path));
            }
            accounts = accounts.Where(u => roles.Any(r => r.UserId == u.Id));
        }
        if (query.Q?.Trim() is { Length: > 0 } q)
        {
            var upper = q.ToUpperInvariant();
            accounts = accounts.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(q));
        }
        if (after is not null) accounts = accounts.Where(u => string.Compare(u.NormalizedUserName, after) > 0);

        var rows = await accounts.AsNoTracking().OrderBy(u => u.NormalizedUserName).Take(size + 1).ToListAsync(ct);
        var ids = rows.Select(u => u.Id).ToList();
        var held = await db.RoleAssignments.AsNoTracking().Where(r => ids.Contains(r.UserId) && r.RevokedAt == null).ToListAsync(ct);
        var described = (await AreaLabels.DescribeAsync(db, held, ct)).ToDictionary(r => r.Id);
        var byUser = held.ToLookup(r => r.UserId, r => described[r.Id]);
        var now = users.Now;
        var items = rows.Select(u => AccountDto.From(u, byUser[u.Id].OrderBy(r => r.AreaLevel).ThenBy(r => r.Role), now)).ToList();
        return Keyset.Build(items, size, a => Keyset.Encode(rows.First(r => r.Id == a.Id).NormalizedUserName!));
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/accounts", async (string? q, Role? role, Guid? areaId, string? cursor, int? size, ListAccounts handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(new ListAccountsQuery(q, role, areaId, cursor, size), ct)))
            .WithTags("Accounts").WithSummary("Accounts whose roles are in the caller's scope; search by name, filter by role and area");
}
