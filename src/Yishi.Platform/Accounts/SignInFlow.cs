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

public static class SignInOutcomes
{
    /// <summary>Failed and locked out look the same to the caller.</summary>
    public static bool IsFailure(this SignInOutcome outcome) => outcome is SignInOutcome.Failed or SignInOutcome.LockedOut;
}

/// <summary>Sign-in used by both the pages and the API, so lockout, two-factor and auditing behave the same.</summary>
/// <remarks>
/// Callers answer every failure alike (unknown user, wrong password, locked, deactivated: see <see cref="SignInOutcomes.IsFailure"/>)
/// so an answer never tells whether an account exists; where no password check runs, a dummy hash is checked so the
/// time taken is comparable too.
/// </remarks>
public sealed class SignInFlow(SignInManager<YishiUser> signIn, UserManager<YishiUser> users, YishiDbContext db,
    RequestContext request, AuditTrail audit)
{
    private static string? _dummyHash;

    public async Task<SignInOutcome> PasswordAsync(string? userName, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return SignInOutcome.Failed;
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null || user.DeactivatedAt is not null)
        {
            CheckDummy(password);
            return SignInOutcome.Failed;
        }
        if (await users.IsLockedOutAsync(user))
        {
            // Identity refuses a locked account before checking the password; check one anyway for the timing.
            CheckDummy(password);
            await RecordAsync(user, SignInOutcome.LockedOut, ct);
            return SignInOutcome.LockedOut;
        }
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

    /// <summary>Verifies the password against a fixed dummy hash (made once with the configured hasher), and ignores the result.</summary>
    private void CheckDummy(string password)
    {
        var dummy = new YishiUser { UserName = "dummy" };
        _dummyHash ??= users.PasswordHasher.HashPassword(dummy, "Dummy#Password-" + Guid.NewGuid());
        users.PasswordHasher.VerifyHashedPassword(dummy, _dummyHash, password);
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
