using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Platform.Accounts.Features.DeactivateAccount;

/// <summary>
/// A deactivated account cannot sign in (<see cref="SignInFlow"/> refuses it) and its open sessions end at
/// the next security-stamp check; reactivating gives it back. Roles are kept either way.
/// </summary>
public sealed class DeactivateAccount(YishiDbContext db, AccountAccess access, YishiUserManager users, AuditTrail audit, TimeProvider clock)
{
    public async Task<AccountDto> DeactivateAsync(Guid accountId, CancellationToken ct = default)
    {
        var account = await access.RequireControlAsync(accountId, ct);
        var user = account.User;
        if (user.DeactivatedAt is not null) throw new RuleViolation("account.already_deactivated", "Account_AlreadyDeactivated", null, typeof(AccountsStrings));
        user.DeactivatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(user.DistrictId, "account.deactivated", "account", user.Id, from: "active", to: "deactivated");
        AccountInput.ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
        return await AccountDetails.AccountDetails.DescribeAsync(db, access, users, account, ct);
    }

    public async Task<AccountDto> ReactivateAsync(Guid accountId, CancellationToken ct = default)
    {
        var account = await access.RequireControlAsync(accountId, ct);
        var user = account.User;
        if (user.DeactivatedAt is null) throw new RuleViolation("account.not_deactivated", "Account_NotDeactivated", null, typeof(AccountsStrings));
        user.DeactivatedAt = null;
        audit.Record(user.DistrictId, "account.reactivated", "account", user.Id, from: "deactivated", to: "active");
        AccountInput.ThrowIfFailed(await users.UpdateAsync(user));
        return await AccountDetails.AccountDetails.DescribeAsync(db, access, users, account, ct);
    }

    internal static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/accounts/{id:guid}/deactivate", async (Guid id, DeactivateAccount handler, CancellationToken ct) => TypedResults.Ok(await handler.DeactivateAsync(id, ct)))
            .WithTags("Accounts").WithSummary("Deactivate an account: it can no longer sign in");
        api.MapPost("/accounts/{id:guid}/reactivate", async (Guid id, DeactivateAccount handler, CancellationToken ct) => TypedResults.Ok(await handler.ReactivateAsync(id, ct)))
            .WithTags("Accounts").WithSummary("Reactivate a deactivated account");
    }
}
