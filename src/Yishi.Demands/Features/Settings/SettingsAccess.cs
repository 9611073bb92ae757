using Yishi.Demands.Features.Access;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Demands.Features.Settings;

/// <summary>
/// District-wide settings of demand handling. Changing them takes <see cref="DemandRoles.CanConfigure"/> held at the
/// district itself; every official of the district may read the handling units (they pick them when routing).
/// The settings belong to the caller's own district, so a caller inside it but without the role gets 403.
/// </summary>
public sealed class SettingsAccess(AccessScope scope)
{
    public static string RootPath(Guid districtId) => $"/{Area.Segment(districtId)}/";

    public async Task<Guid> RequireConfigureAsync(CancellationToken ct = default)
    {
        if (!scope.IsSignedIn) throw new Forbidden();
        var districtId = scope.DistrictId;
        if (!await scope.CanAsync(RootPath(districtId), DemandRoles.CanConfigure, ct)) throw new Forbidden();
        return districtId;
    }

    public async Task<bool> CanConfigureAsync(CancellationToken ct = default)
        => scope.IsSignedIn && await scope.CanAsync(RootPath(scope.DistrictId), DemandRoles.CanConfigure, ct);

    public async Task<Guid> RequireReadUnitsAsync(CancellationToken ct = default)
    {
        if (!scope.IsSignedIn) throw new Forbidden();
        var districtId = scope.DistrictId;
        if (!(await scope.HeldRolesAsync(ct)).Any(h => RolePermissions.IsOfficial(h.Role))) throw new Forbidden();
        return districtId;
    }
}
