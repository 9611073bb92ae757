using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.Accounts.Features;

/// <summary>
/// Which accounts an administrator may see and change. An account lives where its active roles are
/// (or, with none active, where its past roles were; with none at all, at the district root).
/// <list type="bullet">
/// <item>See it: ManageAccounts over one of those areas. No role at all over them → 404, a role without ManageAccounts → 403.</item>
/// <item>Change the account itself (password, lock, deactivate): for EVERY active role it holds, a role of
/// the caller with ManageAccounts over that area that may grant that role — so a district admin cannot
/// take over an auditor's or another admin's account through a lesser role it also holds.</item>
/// </list>
/// </summary>
public sealed class AccountAccess(YishiDbContext db, AccessScope scope)
{
    public sealed record Managed(YishiUser User, IReadOnlyList<RoleAssignment> Assignments)
    {
        public IEnumerable<RoleAssignment> Active => Assignments.Where(a => a.RevokedAt is null);
    }

    /// <summary>The accounts of the caller's district that live inside the caller's ManageAccounts scope.</summary>
    public async Task<IQueryable<YishiUser>> VisibleAsync(CancellationToken ct = default)
    {
        var paths = await scope.RequirePathsAsync(Permission.ManageAccounts, ct);
        var districtId = scope.DistrictId;
        var inScope = db.RoleAssignments.WithinAny(r => r.AreaPath, paths);
        var atRoot = paths.Contains(RootPath(districtId));
        return db.Users.Where(u => u.DistrictId == districtId && (
            inScope.Any(r => r.UserId == u.Id && r.RevokedAt == null)
            || (!db.RoleAssignments.Any(r => r.UserId == u.Id && r.RevokedAt == null)
                && (atRoot || inScope.Any(r => r.UserId == u.Id)))));
    }

    /// <summary>Loads an account the caller may see (404 / 403 otherwise), with its whole role history.</summary>
    public async Task<Managed> RequireVisibleAsync(Guid userId, CancellationToken ct = default)
    {
        if (!scope.IsSignedIn) throw new Forbidden();
        var districtId = scope.DistrictId;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.DistrictId == districtId, ct) ?? throw new NotFound("account");
        var assignments = await db.RoleAssignments.Where(r => r.UserId == userId).OrderBy(r => r.GrantedAt).ThenBy(r => r.Id).ToListAsync(ct);
        var held = await scope.HeldRolesAsync(ct);
        var places = PlacesOf(assignments, districtId);
        if (!places.Any(p => held.Any(h => Covers(h, p)))) throw new NotFound("account");
        if (!places.Any(p => held.Any(h => Covers(h, p) && RolePermissions.Grants(h.Role, Permission.ManageAccounts)))) throw new Forbidden();
        return new Managed(user, assignments);
    }

    /// <summary>For changes to the account itself: the caller must be able to grant every role it holds, where it holds it.</summary>
    public async Task<Managed> RequireControlAsync(Guid userId, CancellationToken ct = default)
    {
        var account = await RequireVisibleAsync(userId, ct);
        if (account.User.Id == scope.UserId) throw new RuleViolation("account.self", "Account_Self", null, typeof(AccountsStrings), 422);
        if (!await ControlsAsync(account, ct)) throw new Forbidden();
        return account;
    }

    public async Task<bool> ControlsAsync(Managed account, CancellationToken ct = default)
    {
        var held = await scope.HeldRolesAsync(ct);
        return account.Active.All(a => MayGrantAt(held, a.AreaPath, a.Role));
    }

    /// <summary>May the caller give (or take away) <paramref name="role"/> in the area at <paramref name="areaPath"/>?</summary>
    public async Task<bool> MayGrantAsync(string areaPath, Role role, CancellationToken ct = default)
        => MayGrantAt(await scope.HeldRolesAsync(ct), areaPath, role);

    /// <summary>The roles the caller may grant somewhere (for pickers).</summary>
    public async Task<IReadOnlyList<Role>> GrantableRolesAsync(CancellationToken ct = default)
    {
        var held = (await scope.HeldRolesAsync(ct)).Where(h => RolePermissions.Grants(h.Role, Permission.ManageAccounts)).ToList();
        return Enum.GetValues<Role>().Where(r => held.Any(h => RolePermissions.MayGrant(h.Role, r))).ToList();
    }

    /// <summary>A district's active area where a role may be held: in scope with ManageAccounts (404/403), not retired (409).</summary>
    public async Task<Area> RequireAssignableAreaAsync(Guid areaId, CancellationToken ct = default)
    {
        var area = await scope.RequireAreaAsync(areaId, Permission.ManageAccounts, ct);
        if (area.IsRetired) throw new RuleViolation("role.area_retired", "Role_AreaRetired", "AreaId", typeof(AccountsStrings));
        return area;
    }

    public static string RootPath(Guid districtId) => $"/{Area.Segment(districtId)}/";

    private static bool MayGrantAt(IReadOnlyList<AccessScope.HeldRole> held, string areaPath, Role role)
        => held.Any(h => Covers(h, areaPath) && RolePermissions.Grants(h.Role, Permission.ManageAccounts) && RolePermissions.MayGrant(h.Role, role));

    private static bool Covers(AccessScope.HeldRole h, string path) => path.StartsWith(h.AreaPath, StringComparison.Ordinal);

    private static List<string> PlacesOf(IReadOnlyList<RoleAssignment> assignments, Guid districtId)
    {
        var active = assignments.Where(a => a.RevokedAt is null).Select(a => a.AreaPath).ToList();
        if (active.Count > 0) return active;
        var past = assignments.Select(a => a.AreaPath).ToList();
        return past.Count > 0 ? past : [RootPath(districtId)];
    }
}
