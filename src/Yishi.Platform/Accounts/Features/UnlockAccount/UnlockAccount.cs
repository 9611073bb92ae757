using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;

namespace Yishi.Platform.Accounts.Features.UnlockAccount;

/// <summary>Lifts a lockout (too many wrong passwords) before its 30 minutes are up and clears the failure count.</summary>
public sealed class UnlockAccount(YishiDbContext db, AccountAccess access, YishiUserManager users, AuditTrail audit)
{
    public async Task<AccountDto> HandleAsync(Guid accountId, CancellationToken ct = default)
    {
        var account = await access.RequireControlAsync(accountId, ct);
        var user = account.User;
        if (user.LockoutEnd is not null || user.AccessFailedCount > 0)
        {
            var wasLocked = await users.IsLockedOutAsync(user);
            audit.Record(user.DistrictId, "account.unlocked", "account", user.Id, from: wasLocked ? "locked" : $"failures:{user.AccessFailedCount}");
            AccountInput.ThrowIfFailed(await users.SetLockoutEndDateAsync(user, null));
            AccountInput.ThrowIfFailed(await users.ResetAccessFailedCountAsync(user));
        }
        return await AccountDetails.AccountDetails.DescribeAsync(db, access, users, account, ct);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/accounts/{id:guid}/unlock", async (Guid id, UnlockAccount handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithTags("Accounts").WithSummary("Unlock an account locked after failed sign-ins");
}
