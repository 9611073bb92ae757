using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.Accounts.Features.SecurityPolicy;

public sealed record TwoFactorRolesInput(IReadOnlyList<Role>? Roles);

public sealed record TwoFactorRolesDto(IReadOnlyList<Role> Roles);

/// <summary>
/// The roles whose holders must use an authenticator app in the district. A district-wide policy, so it
/// takes ManageSecurityPolicy held at the district itself.
/// </summary>
public sealed class TwoFactorRoles(YishiDbContext db, AccessScope scope, AuditTrail audit, TimeProvider clock)
{
    public async Task<TwoFactorRolesDto> GetAsync(CancellationToken ct = default)
    {
        await RequireAsync(ct);
        return new TwoFactorRolesDto(await CurrentAsync(ct));
    }

    public async Task<TwoFactorRolesDto> SetAsync(TwoFactorRolesInput input, CancellationToken ct = default)
    {
        if (input.Roles is null) throw new InputInvalid("Roles", "Field_Required", typeof(AccountsStrings));
        var districtId = await RequireAsync(ct);
        var wanted = input.Roles.Distinct().Order().ToList();
        var rows = await db.TwoFactorRequirements.ToListAsync(ct);
        var before = rows.Select(r => r.Role).Order().ToList();
        if (before.SequenceEqual(wanted)) return new TwoFactorRolesDto(before);
        db.TwoFactorRequirements.RemoveRange(rows.Where(r => !wanted.Contains(r.Role)));
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var role in wanted.Except(before)) db.TwoFactorRequirements.Add(new TwoFactorRequirement(districtId, role, now, scope.UserId));
        audit.Record(districtId, "security.two_factor_roles_changed", "security_policy", districtId,
            from: string.Join(',', before), to: string.Join(',', wanted));
        await db.SaveChangesAsync(ct);
        return new TwoFactorRolesDto(wanted);
    }

    private async Task<List<Role>> CurrentAsync(CancellationToken ct)
        => (await db.TwoFactorRequirements.AsNoTracking().Select(r => r.Role).ToListAsync(ct)).Order().ToList();

    private async Task<Guid> RequireAsync(CancellationToken ct)
    {
        if (!scope.IsSignedIn) throw new Forbidden();
        var districtId = scope.DistrictId;
        if (!await scope.CanAsync(AccountAccess.RootPath(districtId), Permission.ManageSecurityPolicy, ct)) throw new Forbidden();
        return districtId;
    }

    internal static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/security/two-factor-roles", async (TwoFactorRoles handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(ct)))
            .WithTags("Security").WithSummary("Roles that must use two-factor sign-in in the caller's district");
        api.MapPut("/security/two-factor-roles", async (TwoFactorRolesInput input, TwoFactorRoles handler, CancellationToken ct) => TypedResults.Ok(await handler.SetAsync(input, ct)))
            .WithTags("Security").WithSummary("Set the roles that must use two-factor sign-in (district-wide)");
    }
}
