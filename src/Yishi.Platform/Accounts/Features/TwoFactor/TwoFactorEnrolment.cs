using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using QRCoder;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Platform.Accounts.Features.TwoFactor;

/// <summary>The signed-in person's two-factor state. The key and its URI are shown only while not yet enrolled.</summary>
public sealed record TwoFactorStatus(bool Enabled, bool Required, string? SharedKey, string? AuthenticatorUri);

public sealed record TwoFactorCodeInput(string? Code);

/// <summary>
/// Enrolling an authenticator app (TOTP): the key is made once and shown as text and QR code; a correct code
/// from the app switches two-factor on and refreshes the sign-in cookie (which drops the "must enrol" marker).
/// Switching it off is allowed only when no district requirement applies to the person's roles.
/// </summary>
public sealed class TwoFactorEnrolment(YishiDbContext db, YishiUserManager users, SignInManager<YishiUser> signIn,
    RequestContext request, AuditTrail audit)
{
    public const string Issuer = "议事";

    /// <summary>Reads only: a GET changes nothing. The key is made by <see cref="CreateKeyAsync"/>.</summary>
    public async Task<TwoFactorStatus> StatusAsync(CancellationToken ct = default)
    {
        var user = await CurrentAsync();
        var required = await YishiClaimsFactory.TwoFactorRequiredAsync(db, user);
        if (user.TwoFactorEnabled) return new TwoFactorStatus(true, required, null, null);
        var key = await users.GetAuthenticatorKeyAsync(user);
        return string.IsNullOrEmpty(key)
            ? new TwoFactorStatus(false, required, null, null)
            : new TwoFactorStatus(false, required, FormatKey(key), AuthenticatorUri(user.UserName!, key));
    }

    /// <summary>
    /// Makes the authenticator key (an explicit POST, audited as <c>account.totp_key_created</c>, never the key itself).
    /// Asking again while a key exists shows the same key and records nothing.
    /// </summary>
    public async Task<TwoFactorStatus> CreateKeyAsync(CancellationToken ct = default)
    {
        var user = await CurrentAsync();
        if (user.TwoFactorEnabled) throw new RuleViolation("two_factor.already_enabled", "TwoFactor_AlreadyEnabled", null, typeof(AccountsStrings));
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            audit.Record(user.DistrictId, "account.totp_key_created", "account", user.Id);
            AccountInput.ThrowIfFailed(await users.ResetAuthenticatorKeyAsync(user));
            // The reset changed the security stamp; re-issue the cookie so this session stays valid.
            await signIn.RefreshSignInAsync(user);
        }
        return await StatusAsync(ct);
    }

    public async Task EnableAsync(TwoFactorCodeInput input, CancellationToken ct = default)
    {
        var user = await CurrentAsync();
        if (user.TwoFactorEnabled) throw new RuleViolation("two_factor.already_enabled", "TwoFactor_AlreadyEnabled", null, typeof(AccountsStrings));
        var code = new string((input.Code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (code.Length == 0) throw new InputInvalid("Code", "Field_Required", typeof(AccountsStrings));
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user))
            || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
            throw new InputInvalid("Code", "TwoFactor_CodeWrong", typeof(AccountsStrings));
        audit.Record(user.DistrictId, "account.totp_enabled", "account", user.Id, from: "off", to: "on");
        AccountInput.ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, true));
        await signIn.RefreshSignInAsync(user);
    }

    public async Task DisableAsync(CancellationToken ct = default)
    {
        var user = await CurrentAsync();
        if (!user.TwoFactorEnabled) throw new RuleViolation("two_factor.not_enabled", "TwoFactor_NotEnabled", null, typeof(AccountsStrings));
        if (await YishiClaimsFactory.TwoFactorRequiredAsync(db, user))
            throw new RuleViolation("two_factor.required", "TwoFactor_RequiredCannotDisable", null, typeof(AccountsStrings));
        audit.Record(user.DistrictId, "account.totp_disabled", "account", user.Id, from: "on", to: "off");
        AccountInput.ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, false));
        // A later enrolment starts with a fresh key: the old one may still sit in a lost phone.
        AccountInput.ThrowIfFailed(await users.ResetAuthenticatorKeyAsync(user));
        await signIn.RefreshSignInAsync(user);
    }

    /// <summary>ABCD EFGH …: easier to type into an app by hand.</summary>
    public static string FormatKey(string key)
        => string.Join(' ', key.Chunk(4).Select(c => new string(c)));

    public static string AuthenticatorUri(string userName, string key)
    {
        var issuer = Uri.EscapeDataString(Issuer);
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={issuer}&digits=6";
    }

    /// <summary>The URI as an inline SVG QR code (scales with its container).</summary>
    public static string QrSvg(string uri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(8, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    private async Task<YishiUser> CurrentAsync()
        => request.UserId is { } id && await users.FindByIdAsync(id.ToString()) is { } user ? user : throw new Forbidden();

    internal static void Map(RouteGroupBuilder api)
    {
        // Under /auth so that the two-factor setup gate lets a person who must enrol reach them.
        api.MapGet("/auth/two-factor", async (TwoFactorEnrolment handler, CancellationToken ct) => TypedResults.Ok(await handler.StatusAsync(ct)))
            .WithTags("Account").WithSummary("Own two-factor state; while not enrolled and a key was made, the authenticator key and otpauth URI");
        api.MapPost("/auth/two-factor/key", async (TwoFactorEnrolment handler, CancellationToken ct) => TypedResults.Ok(await handler.CreateKeyAsync(ct)))
            .WithTags("Account").WithSummary("Make the authenticator key (once; asking again returns the same key) and return the state with key and URI");
        api.MapPost("/auth/two-factor/enable", async (TwoFactorCodeInput input, TwoFactorEnrolment handler, CancellationToken ct) =>
            {
                await handler.EnableAsync(input, ct);
                return TypedResults.Ok(await handler.StatusAsync(ct));
            })
            .WithTags("Account").WithSummary("Turn two-factor on with a code from the authenticator app");
        api.MapPost("/auth/two-factor/disable", async (TwoFactorEnrolment handler, CancellationToken ct) =>
            {
                await handler.DisableAsync(ct);
                return TypedResults.NoContent();
            })
            .WithTags("Account").WithSummary("Turn two-factor off (refused while a district requirement applies)");
    }
}
