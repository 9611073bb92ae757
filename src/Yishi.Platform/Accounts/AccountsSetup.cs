using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;

namespace Yishi.Platform.Accounts;

public static class YishiClaims
{
    public const string District = "yishi:district";
    public const string DisplayName = "yishi:name";
    /// <summary>Present while the account must enrol an authenticator before doing anything else.</summary>
    public const string TwoFactorSetupRequired = "yishi:mfa_setup";
}

public static class AccountsSetup
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan SessionValidationInterval = TimeSpan.FromMinutes(1);

    /// <summary>Signs out and renews the security stamp, so every other session of the account (a copied cookie too) ends.</summary>
    public static async Task SignOutEverywhereAsync(SignInManager<YishiUser> signIn, ClaimsPrincipal principal)
    {
        if (await signIn.UserManager.GetUserAsync(principal) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
    }

    public static IServiceCollection AddYishiAccounts(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<YishiUser>(o =>
            {
                o.Password.RequiredLength = ThreeClassPasswordValidator.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(30);
                // Chinese user names are allowed: no character whitelist.
                o.User.AllowedUserNameCharacters = "";
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<YishiDbContext>()
            .AddUserManager<YishiUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider: same RFC 6238 codes, on TimeProvider, single use.
            .AddTokenProvider<TotpAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<ThreeClassPasswordValidator>()
            .AddClaimsPrincipalFactory<YishiClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "yishi.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/denied";
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        // Sign-out, deactivation, a password reset and a role change renew the account's security stamp; every
        // cookie is checked against it at least once a minute, so copies of the cookie stop working within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SessionValidationInterval);
        services.AddScoped<SignInFlow>();
        return services;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/open311"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Adds the district, the display name, and the "must enrol two-factor" marker to the sign-in cookie.</summary>
public sealed class YishiClaimsFactory(UserManager<YishiUser> users, IOptions<IdentityOptions> options, YishiDbContext db)
    : UserClaimsPrincipalFactory<YishiUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(YishiUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(YishiClaims.District, user.DistrictId.ToString()));
        identity.AddClaim(new Claim(YishiClaims.DisplayName, user.DisplayName));
        if (!user.TwoFactorEnabled && await TwoFactorRequiredAsync(db, user)) identity.AddClaim(new Claim(YishiClaims.TwoFactorSetupRequired, "1"));
        return identity;
    }

    public static async Task<bool> TwoFactorRequiredAsync(YishiDbContext db, YishiUser user)
    {
        var roles = await db.RoleAssignments.IgnoreQueryFilters()
            .Where(r => r.UserId == user.Id && r.DistrictId == user.DistrictId && r.RevokedAt == null)
            .Select(r => r.Role).Distinct().ToListAsync();
        if (roles.Count == 0) return false;
        return await db.TwoFactorRequirements.IgnoreQueryFilters()
            .AnyAsync(t => t.DistrictId == user.DistrictId && roles.Contains(t.Role));
    }
}
