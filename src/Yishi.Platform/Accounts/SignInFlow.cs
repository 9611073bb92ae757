using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;

namespace Yishi.Platform.Accounts;

public enum SignInOutcome
{
    Succeeded,
    RequiresTwoFactor,
    LockedOut,
    Failed,
}

/// <summary>Sign-in used by both the pages and the API, so lockout, two-factor and auditing behave the same.</summary>
public sealed class SignInFlow(SignInManager<YishiUser> signIn, UserManager<YishiUser> users, YishiDbContext db,
    RequestContext request, AuditTrail audit)
{
    public async Task<SignInOutcome> PasswordAsync(string? userName, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return SignInOutcome.Failed;
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null || user.DeactivatedAt is not null) return SignInOutcome.Failed;
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        var outcome = result.Succeeded ? SignInOutcome.Succeeded
            : result.RequiresTwoFactor ? SignInOutcome.RequiresTwoFactor
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : SignInOutcome.Failed;
        await RecordAsync(user, outcome, ct);
        return outcome;
    }

    public async Task<SignInOutcome> TwoFactorAsync(string? code, CancellationToken ct = default)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || string.IsNullOrWhiteSpace(code)) return SignInOutcome.Failed;
        var normalized = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(normalized, isPersistent: false, rememberClient: false);
        var outcome = result.Succeeded ? SignInOutcome.Succeeded : result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        await RecordAsync(user, outcome, ct, "totp");
        return outcome;
    }

    private async Task RecordAsync(YishiUser user, SignInOutcome outcome, CancellationToken ct, string? note = null)
    {
        // Sign-in happens before a district is known to the request; record it in the account's district.
        request.SetUser(user.Id, user.UserName ?? user.Id.ToString(), user.DistrictId);
        var action = outcome switch
        {
            SignInOutcome.Succeeded => "account.signed_in",
            SignInOutcome.RequiresTwoFactor => "account.password_ok_awaiting_totp",
            SignInOutcome.LockedOut => "account.locked_out",
            _ => "account.sign_in_failed",
        };
        audit.Record(user.DistrictId, action, "account", user.Id, note: note);
        await db.SaveChangesAsync(ct);
    }
}
