using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Accounts.Features;
using Yishi.Platform.Accounts.Features.AccountDetails;
using Yishi.Platform.Accounts.Features.AuditViewer;
using Yishi.Platform.Accounts.Features.CreateAccount;
using Yishi.Platform.Accounts.Features.DeactivateAccount;
using Yishi.Platform.Accounts.Features.GrantRole;
using Yishi.Platform.Accounts.Features.LinkRequests;
using Yishi.Platform.Accounts.Features.ListAccounts;
using Yishi.Platform.Accounts.Features.Register;
using Yishi.Platform.Accounts.Features.ResetPassword;
using Yishi.Platform.Accounts.Features.RevokeRole;
using Yishi.Platform.Accounts.Features.SecurityPolicy;
using Yishi.Platform.Accounts.Features.TwoFactor;
using Yishi.Platform.Accounts.Features.UnlockAccount;
using Yishi.Platform.Accounts.Identity;
using Yishi.Platform.Modules;

namespace Yishi.Platform.Accounts;

/// <summary>Registers the Accounts features: their handlers, API endpoints and navigation entries.</summary>
internal static class AccountFeatures
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<AccountAccess>();
        services.AddScoped<ListAccounts>();
        services.AddScoped<AccountDetails>();
        services.AddScoped<CreateAccount>();
        services.AddScoped<GrantRole>();
        services.AddScoped<RevokeRole>();
        services.AddScoped<UnlockAccount>();
        services.AddScoped<DeactivateAccount>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<PublicAreas>();
        services.AddScoped<RegisterResident>();
        services.AddScoped<RegistrationCode>();
        services.AddScoped<ResidentLinks>();
        services.AddScoped<TwoFactorEnrolment>();
        services.AddScoped<TwoFactorRoles>();
        services.AddScoped<AuditQuery>();
        services.AddScoped<VerifyAuditChain>();
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        ListAccounts.Map(api);
        AccountDetails.Map(api);
        CreateAccount.Map(api);
        GrantRole.Map(api);
        RevokeRole.Map(api);
        UnlockAccount.Map(api);
        DeactivateAccount.Map(api);
        ResetPassword.Map(api);
        TwoFactorEnrolment.Map(api);
        TwoFactorRoles.Map(api);
        AuditQuery.Map(api);
        VerifyAuditChain.Map(api);
        ResidentLinks.Map(api);
    }

    /// <summary>Anonymous endpoints, on the host's rate-limited public group (like sign-in).</summary>
    public static void MapAnonymousApi(RouteGroupBuilder publicApi)
    {
        RegisterResident.Map(publicApi);
        RegistrationCode.Map(publicApi);
        PublicAreas.Map(publicApi);
    }

    public static void MapPublic(IEndpointRouteBuilder app)
    {
    }

    public static IEnumerable<NavItem> Navigation =>
    [
        new("/admin/accounts", "Nav_Accounts", typeof(AccountsStrings), Permission.ManageAccounts, 20),
        new("/admin/resident-links", "Nav_Links", typeof(IdentityStrings), null, 30, ResidentLinks.MayDecide),
        new("/admin/security", "Nav_Security", typeof(AccountsStrings), Permission.ManageSecurityPolicy, 80),
        new("/audit", "Nav_Audit", typeof(AccountsStrings), Permission.ReadAudit, 90),
        new("/audit/verify", "Nav_AuditVerify", typeof(AuditChainStrings), Permission.VerifyAudit, 91),
    ];
}
