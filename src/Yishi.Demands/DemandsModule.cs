using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Demands.Features.Access;
using Yishi.Demands.Features.Deadlines;
using Yishi.Demands.Features.Escalate;
using Yishi.Demands.Features.Handle;
using Yishi.Demands.Features.Inbox;
using Yishi.Demands.Features.Photos;
using Yishi.Demands.Features.Rate;
using Yishi.Demands.Features.Review;
using Yishi.Demands.Features.Submit;
using Yishi.Demands.Features.Track;
using Yishi.Demands.Features.Triage;
using Yishi.Platform.Modules;

namespace Yishi.Demands;

/// <summary>民情: intake, triage, the escalation ladder, deadlines, handling, rating, follow-up review and the ledger.</summary>
public sealed class DemandsModule : IYishiModule
{
    public Assembly Assembly => typeof(DemandsModule).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DemandAccess>();
        services.AddScoped<Contracts.IDeliberationHandoff, Contracts.DeliberationHandoff>();
        services.AddScoped<Contracts.IDemandIntake, Contracts.DemandIntake>();
        services.AddScoped<DemandWorkflow>();
        services.AddScoped<SubmitDemand>();
        services.AddScoped<TrackDemand>();
        services.AddScoped<TriageDemand>();
        services.AddScoped<EscalateDemand>();
        services.AddScoped<HandleDemand>();
        services.AddScoped<RateDemand>();
        services.AddScoped<ReviewDemand>();
        services.AddScoped<Features.Exempt.ExemptFromDeliberation>();
        services.AddScoped<DemandInbox>();
        services.AddScoped<DemandDetail>();
        services.AddScoped<Features.Similar.SimilarDemands>();
        services.AddScoped<Features.Ledger.LedgerQuery>();
        services.AddScoped<Features.Ledger.LedgerExport>();
        services.AddScoped<Features.Stats.DemandStats>();
        services.AddScoped<Features.CommonIssues.CommonIssues>();
        services.AddScoped<Features.CommonIssues.MergeCandidates>();
        services.AddScoped<DemandPhotos>();
        services.AddSingleton<DeadlineSweep>();
        if (configuration.GetValue("Demands:DeadlineSweep", true)) services.AddHostedService<DeadlineSweepService>();
        services.AddScoped<Features.RevealPhone.RevealPhone>();
        services.AddScoped<Features.Print.DemandRecord>();
        services.AddScoped<TriageSuggestions>();
        services.AddScoped<Features.Settings.SettingsAccess>();
        services.AddScoped<Features.Settings.DeadlineSettings>();
        services.AddScoped<Features.Settings.TriageRules>();
        services.AddScoped<Features.Settings.HandlingUnits>();
        services.AddScoped<Features.Settings.OtherSettings>();
        services.AddScoped<Platform.Demo.IDemoSeeder, Demo.DemoDemandsSeeder>();
    }

    public void MapAnonymousApi(RouteGroupBuilder publicApi)
    {
        SubmitDemand.Map(publicApi);
        TrackDemand.Map(publicApi);
        RateDemand.Map(publicApi);
        DemandPhotos.MapAnonymous(publicApi);
    }

    public void MapPublic(IEndpointRouteBuilder app) => DemandPhotos.MapPublic(app);

    public void MapApi(RouteGroupBuilder api)
    {
        Features.Ledger.LedgerEndpoints.Map(api);
        Features.Stats.DemandStats.Map(api);
        Features.CommonIssues.CommonIssues.Map(api);
        Features.CommonIssues.MergeCandidates.Map(api);
        DemandInbox.Map(api);
        DemandDetail.Map(api);
        Features.Similar.SimilarDemands.Map(api);
        TriageDemand.Map(api);
        EscalateDemand.Map(api);
        HandleDemand.Map(api);
        ReviewDemand.Map(api);
        Features.Exempt.ExemptFromDeliberation.Map(api);
        Features.RevealPhone.RevealPhone.Map(api);
        TriageSuggestions.Map(api);
        Features.Settings.DeadlineSettings.Map(api);
        Features.Settings.TriageRules.Map(api);
        Features.Settings.HandlingUnits.Map(api);
        Features.Settings.OtherSettings.Map(api);
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("/demands", "Nav_Demands", typeof(DemandStrings), null, 20),
        new("/demands/ledger", "Nav_Ledger", typeof(DemandStrings), null, 21, r => DemandRoles.CanView(r) || r == Platform.Accounts.Domain.Role.DepartmentOfficer),
        new("/demands/stats", "Nav_Stats", typeof(DemandStrings), null, 22, DemandRoles.CanView),
        new("/admin/demand-settings", "Settings_Nav", typeof(DemandStrings), null, 85, DemandRoles.CanConfigure),
    ];
}
