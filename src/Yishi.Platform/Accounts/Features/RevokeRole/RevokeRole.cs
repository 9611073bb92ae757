using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.Accounts.Features.RevokeRole;

/// <summary>Ends a role assignment. The row stays (with who and when) as the account's history.</summary>
public sealed class RevokeRole(YishiDbContext db, AccessScope scope, AccountAccess access, YishiUserManager users, AuditTrail audit, TimeProvider clock)
{
    public async Task<RoleAssignmentDto> HandleAsync(Guid accountId, Guid assignmentId, CancellationToken ct = default)
    {
        var account = await access.RequireVisibleAsync(accountId, ct);
        var assignment = account.Assignments.FirstOrDefault(a => a.Id == assignmentId) ?? throw new NotFound("role_assignment");
        // Someone who holds a role over the account but not over this assignment's area learns nothing about it.
        var held = await scope.HeldRolesAsync(ct);
        if (!held.Any(h => assignment.AreaPath.StartsWith(h.AreaPath, StringComparison.Ordinal))) throw new NotFound("role_assignment");
        if (!await access.MayGrantAsync(assignment.AreaPath, assignment.Role, ct)) throw new Forbidden();
        if (accountId == scope.UserId) throw new RuleViolation("account.self", "Account_Self", null, typeof(AccountsStrings), 422);
        if (assignment.RevokedAt is not null) throw new RuleViolation("role.already_revoked", "Role_AlreadyRevoked", null, typeof(AccountsStrings));

        assignment.Revoke(clock.GetUtcNow().UtcDateTime, scope.UserId);
        audit.Record(assignment.DistrictId, "role.revoked", "account", accountId, from: $"{assignment.Role}@{assignment.AreaId}", note: $"assignment:{assignment.Id}");
        // The account's sessions end (security stamp): a revoked role stops working within a minute.
        AccountInput.ThrowIfFailed(await users.UpdateSecurityStampAsync(account.User));
        return (await AreaLabels.DescribeAsync(db, [assignment], ct))[0];
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/accounts/{id:guid}/roles/{assignmentId:guid}/revoke", async (Guid id, Guid assignmentId, RevokeRole handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(id, assignmentId, ct)))
            .WithTags("Accounts").WithSummary("Revoke a role assignment (kept as history)");
}
