using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.Accounts.Features.GrantRole;

public sealed record GrantRoleInput(Role? Role, Guid? AreaId);

/// <summary>
/// Gives an account a role in an area: the caller needs ManageAccounts there through a role that may grant
/// it (<see cref="RolePermissions.MayGrant"/>), the area must be active, and the same role may not be held twice.
/// </summary>
public sealed class GrantRole(YishiDbContext db, AccessScope scope, AccountAccess access, YishiUserManager users, AuditTrail audit, TimeProvider clock)
{
    public async Task<RoleAssignmentDto> HandleAsync(Guid accountId, GrantRoleInput input, CancellationToken ct = default)
    {
        var check = new AccountInput();
        if (input.Role is null) check.Fail("Role", "Field_Required");
        if (input.AreaId is null) check.Fail("AreaId", "Field_Required");
        check.ThrowIfAny();
        var role = input.Role!.Value;

        var account = await access.RequireVisibleAsync(accountId, ct);
        var area = await access.RequireAssignableAreaAsync(input.AreaId!.Value, ct);
        if (!await access.MayGrantAsync(area.Path, role, ct)) throw new Forbidden();
        if (account.Active.Any(a => a.Role == role && a.AreaId == area.Id))
            throw new RuleViolation("role.duplicate", "Role_Duplicate", "Role", typeof(AccountsStrings));

        var assignment = new RoleAssignment(area.DistrictId, accountId, role, area.Id, area.Path, clock.GetUtcNow().UtcDateTime, scope.UserId);
        db.RoleAssignments.Add(assignment);
        audit.Record(area.DistrictId, "role.granted", "account", accountId, to: $"{role}@{area.Id}", note: $"assignment:{assignment.Id}");
        // The account's sessions end (security stamp), so it signs in again with the new role set.
        AccountInput.ThrowIfFailed(await users.UpdateSecurityStampAsync(account.User));
        return (await AreaLabels.DescribeAsync(db, [assignment], ct))[0];
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/accounts/{id:guid}/roles", async Task<Created<RoleAssignmentDto>> (Guid id, GrantRoleInput input, GrantRole handler, CancellationToken ct) =>
            {
                var granted = await handler.HandleAsync(id, input, ct);
                return TypedResults.Created($"/api/v1/accounts/{id}", granted);
            })
            .WithTags("Accounts").WithSummary("Grant a role in an area");
}
