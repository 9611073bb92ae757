using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Platform.Security;

/// <summary>
/// The one place that decides "may this person do P in area X": a role held in an area applies to its
/// subtree. Outside every held subtree (sibling, parent, other district, unknown id) → 404; inside a
/// subtree but without a role granting P → 403. Deny by default.
/// </summary>
public sealed class AccessScope(YishiDbContext db, RequestContext request)
{
    private Task<IReadOnlyList<HeldRole>>? _held;

    public sealed record HeldRole(Role Role, Guid AreaId, string AreaPath);

    public bool IsSignedIn => request.UserId is not null;
    public Guid UserId => request.UserId ?? throw new Forbidden();
    public Guid DistrictId => request.DistrictId ?? throw new Forbidden();

    /// <summary>
    /// Loaded once per request. The in-flight task is shared: the layout (navigation) and the page ask
    /// concurrently while rendering, and two queries at once on one DbContext would throw.
    /// </summary>
    public Task<IReadOnlyList<HeldRole>> HeldRolesAsync(CancellationToken ct = default) => _held ??= LoadHeldAsync(ct);

    private async Task<IReadOnlyList<HeldRole>> LoadHeldAsync(CancellationToken ct)
    {
        if (request.UserId is not { } userId) return [];
        return await db.RoleAssignments.AsNoTracking()
            .Where(r => r.UserId == userId && r.RevokedAt == null)
            .Select(r => new HeldRole(r.Role, r.AreaId, r.AreaPath))
            .ToListAsync(ct);
    }

    public async Task<bool> HoldsAsync(Permission permission, CancellationToken ct = default)
        => (await HeldRolesAsync(ct)).Any(h => RolePermissions.Grants(h.Role, permission));

    /// <summary>The highest area paths in which the caller holds <paramref name="permission"/>; nested ones removed.</summary>
    public async Task<IReadOnlyList<string>> PathsWithAsync(Permission permission, CancellationToken ct = default)
    {
        var paths = (await HeldRolesAsync(ct)).Where(h => RolePermissions.Grants(h.Role, permission))
            .Select(h => h.AreaPath).Distinct().OrderBy(p => p.Length).ToList();
        var top = new List<string>();
        foreach (var p in paths)
            if (!top.Any(t => p.StartsWith(t, StringComparison.Ordinal))) top.Add(p);
        return top;
    }

    /// <summary>For list endpoints: 403 when no held role grants the permission anywhere.</summary>
    public async Task<IReadOnlyList<string>> RequirePathsAsync(Permission permission, CancellationToken ct = default)
    {
        if (!IsSignedIn) throw new Forbidden();
        var paths = await PathsWithAsync(permission, ct);
        if (paths.Count == 0) throw new Forbidden();
        return paths;
    }

    public async Task<Area> RequireAreaAsync(Guid areaId, Permission permission, CancellationToken ct = default)
    {
        var area = await db.Areas.FirstOrDefaultAsync(a => a.Id == areaId, ct) ?? throw new NotFound("area");
        await RequireAsync(area.Path, permission, "area", ct);
        return area;
    }

    /// <summary>Checks a row placed at <paramref name="areaPath"/>; <paramref name="what"/> names it in the 404.</summary>
    public async Task RequireAsync(string areaPath, Permission permission, string what, CancellationToken ct = default)
    {
        var held = (await HeldRolesAsync(ct)).Where(h => areaPath.StartsWith(h.AreaPath, StringComparison.Ordinal)).ToList();
        if (held.Count == 0) throw new NotFound(what);
        if (!held.Any(h => RolePermissions.Grants(h.Role, permission))) throw new Forbidden();
    }

    // Modules keep their own role tables (e.g. who may triage a demand) and pass them as predicates.

    public async Task RequireAsync(string areaPath, Func<Role, bool> grants, string what, CancellationToken ct = default)
    {
        var held = (await HeldRolesAsync(ct)).Where(h => areaPath.StartsWith(h.AreaPath, StringComparison.Ordinal)).ToList();
        if (held.Count == 0) throw new NotFound(what);
        if (!held.Any(h => grants(h.Role))) throw new Forbidden();
    }

    public async Task<IReadOnlyList<string>> PathsWhereAsync(Func<Role, bool> grants, CancellationToken ct = default)
    {
        var paths = (await HeldRolesAsync(ct)).Where(h => grants(h.Role)).Select(h => h.AreaPath).Distinct().OrderBy(p => p.Length).ToList();
        var top = new List<string>();
        foreach (var p in paths)
            if (!top.Any(t => p.StartsWith(t, StringComparison.Ordinal))) top.Add(p);
        return top;
    }

    public async Task<bool> CanAsync(string areaPath, Func<Role, bool> grants, CancellationToken ct = default)
        => (await HeldRolesAsync(ct)).Any(h => areaPath.StartsWith(h.AreaPath, StringComparison.Ordinal) && grants(h.Role));

    public async Task<bool> CanAsync(string areaPath, Permission permission, CancellationToken ct = default)
        => (await HeldRolesAsync(ct)).Any(h => areaPath.StartsWith(h.AreaPath, StringComparison.Ordinal) && RolePermissions.Grants(h.Role, permission));
}

public static class ScopeFilter
{
    /// <summary>Keeps rows whose area path starts with one of <paramref name="paths"/> (an OR of indexed prefix matches).</summary>
    public static IQueryable<T> WithinAny<T>(this IQueryable<T> query, Expression<Func<T, string>> pathOf, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) return query.Where(_ => false);
        var param = pathOf.Parameters[0];
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression? body = null;
        foreach (var p in paths)
        {
            Expression<Func<string>> boxed = () => p; // parameterised, not inlined
            var call = Expression.Call(pathOf.Body, startsWith, boxed.Body);
            body = body is null ? call : Expression.OrElse(body, call);
        }
        return query.Where(Expression.Lambda<Func<T, bool>>(body!, param));
    }
}
