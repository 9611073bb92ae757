using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Accounts.Identity;
using Yishi.Platform.Localization;

namespace Yishi.Platform.Accounts.Features.SignIn;

public sealed record SignInInput(string? UserName, string? Password);
public sealed record TotpInput(string? Code);
public sealed record SignInResult(string Outcome);

/// <summary>Anonymous account endpoints of the API. Pages use the same <see cref="SignInFlow"/>.</summary>
public static class AuthEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/auth/sign-in", async Task<Results<Ok<SignInResult>, ProblemHttpResult>> (SignInInput input, SignInFlow flow, IStringLocalizer<IdentityStrings> l, CancellationToken ct) =>
            {
                var outcome = await flow.PasswordAsync(input.UserName, input.Password, ct);
                // Unknown user, wrong password, locked or deactivated account: one answer, so none reveals an account.
                return Respond(outcome.IsFailure() ? SignInOutcome.Failed : outcome, l);
            })
            .WithTags("Account").WithSummary("Sign in with user name (or phone) and password; sets the auth cookie. Every failure is the same 401");

        api.MapPost("/auth/sign-in/totp", async Task<Results<Ok<SignInResult>, ProblemHttpResult>> (TotpInput input, SignInFlow flow, IStringLocalizer<SharedStrings> l, CancellationToken ct) =>
            {
                var outcome = await flow.TwoFactorAsync(input.Code, ct);
                return Respond(outcome, l);
            })
            .WithTags("Account").WithSummary("Second step: the 6-digit code from the authenticator app");

        api.MapPost("/auth/sign-out", async (SignInManager<YishiUser> signIn, HttpContext http) =>
            {
                await AccountsSetup.SignOutEverywhereAsync(signIn, http.User);
                return TypedResults.NoContent();
            })
            .WithTags("Account").WithSummary("Sign out: ends every session of the account within a minute");
    }

    private static Results<Ok<SignInResult>, ProblemHttpResult> Respond(SignInOutcome outcome, IStringLocalizer l) => outcome switch
    {
        SignInOutcome.Succeeded => TypedResults.Ok(new SignInResult("signed_in")),
        SignInOutcome.RequiresTwoFactor => TypedResults.Ok(new SignInResult("totp_required")),
        SignInOutcome.LockedOut => TypedResults.Problem(title: l["SignIn_LockedOut"], statusCode: 423, extensions: new Dictionary<string, object?> { ["code"] = "locked_out" }),
        _ => TypedResults.Problem(title: l["SignIn_Failed"], statusCode: 401, extensions: new Dictionary<string, object?> { ["code"] = "sign_in_failed" }),
    };
}
