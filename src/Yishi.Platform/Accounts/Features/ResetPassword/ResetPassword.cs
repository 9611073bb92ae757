using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yishi.Platform.Audit;

namespace Yishi.Platform.Accounts.Features.ResetPassword;

public sealed record ResetPasswordInput(string? NewPassword);

/// <summary>
/// An administrator sets a new password (the policy applies) for someone who forgot theirs; it also lifts a
/// lockout. The security stamp changes, so sessions signed in with the old password end.
/// </summary>
public sealed class ResetPassword(AccountAccess access, YishiUserManager users, AuditTrail audit)
{
    public async Task HandleAsync(Guid accountId, ResetPasswordInput input, CancellationToken ct = default)
    {
        var check = new AccountInput();
        var account = await access.RequireControlAsync(accountId, ct);
        var user = account.User;
        var password = await check.PasswordAsync(users, user, input.NewPassword, "NewPassword");
        check.ThrowIfAny();
        audit.Record(user.DistrictId, "account.password_reset", "account", user.Id);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        AccountInput.ThrowIfFailed(await users.ResetPasswordAsync(user, token, password!), passwordField: "NewPassword");
        if (user.LockoutEnd is not null) AccountInput.ThrowIfFailed(await users.SetLockoutEndDateAsync(user, null));
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/accounts/{id:guid}/password", async (Guid id, ResetPasswordInput input, ResetPassword handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(id, input, ct);
                return TypedResults.NoContent();
            })
            .WithTags("Accounts").WithSummary("Set a new password for an account (administrator reset)");
}
