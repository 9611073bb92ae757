using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Platform.Modules;
using Yishi.ServiceAreas.Features.Access;
using Yishi.ServiceAreas.Features.Activities;
using Yishi.ServiceAreas.Features.Manage;
using Yishi.ServiceAreas.Features.Services;
using Yishi.ServiceAreas.Features.Signboard;
using Yishi.ServiceAreas.Features.Stats;
using Yishi.ServiceAreas.Features.Visits;

namespace Yishi.ServiceAreas;

/// <summary>党员"1+1"亮牌: service areas, their organiser and supervisor, volunteer teams, activities, services to residents, visits; the points lists and household points (正负面清单积分) and evaluations.</summary>
public sealed class ServiceAreasModule : IYishiModule
{
    public Assembly Assembly => typeof(ServiceAreasModule).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ServiceAreaAccess>();
        services.AddScoped<ServiceAreaAdmin>();
        services.AddScoped<ServiceAreaQueries>();
        services.AddScoped<ResidentServices>();
        services.AddScoped<ServiceActivities>();
        services.AddScoped<OpinionReporting>();
        services.AddScoped<ActivityPhotos>();
        services.AddScoped<HouseholdVisits>();
        services.AddScoped<ServiceAreaManagerNames>();
        services.AddScoped<ServiceAreaStats>();
        services.AddScoped<Signboard>();
        services.AddScoped<Platform.Demo.IDemoSeeder, Demo.DemoServiceAreasSeeder>();

        // Points lists, household points, appeals, rankings (正负面清单积分)
        services.AddScoped<Features.PointsShared.PointsAccess>();
        services.AddScoped<Features.PointLists.IPointListResolutions, Features.PointLists.RegistryPointListResolutions>();
        services.AddScoped<Features.PointLists.PointLists>();
        services.AddScoped<Features.PointAwards.PointAwards>();
        services.AddScoped<Features.PointAppeals.PointAppeals>();
        services.AddScoped<Features.PointRankings.PointRankings>();
        services.AddScoped<Features.Evaluations.Evaluations>();
        services.AddScoped<Platform.Demo.IDemoSeeder, Demo.DemoPointsSeeder>();
    }

    public void MapAnonymousApi(RouteGroupBuilder publicApi) => Signboard.MapAnonymous(publicApi);

    public void MapApi(RouteGroupBuilder api)
    {
        ServiceAreaStats.Map(api);
        ServiceAreaQueries.Map(api);
        ServiceAreaAdmin.Map(api);
        ResidentServices.Map(api);
        ServiceActivities.Map(api);
        ActivityPhotos.Map(api);
        HouseholdVisits.Map(api);

        // Points lists, household points, appeals, rankings
        Features.PointLists.PointLists.Map(api);
        Features.PointAwards.PointAwards.Map(api);
        Features.PointAppeals.PointAppeals.Map(api);
        Features.PointRankings.PointRankings.Map(api);
        Features.Evaluations.Evaluations.Map(api);
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("/service-areas", "Nav_ServiceAreas", typeof(ServiceAreaStrings), null, 40, ServiceAreaRoles.UsesServiceAreas),
        new("/service-areas/stats", "Nav_ServiceAreaStats", typeof(ServiceAreaStrings), null, 41, ServiceAreaRoles.UsesServiceAreas),
        new("/service-areas/my-services", "Nav_MyServices", typeof(ServiceAreaStrings), null, 42, r => r == Platform.Accounts.Domain.Role.Resident),
        new("/service-areas/points", "Nav_Points", typeof(PointsStrings), null, 45, Features.PointsShared.PointRoles.Works),
        new("/service-areas/evaluations", "Nav_Evaluations", typeof(PointsStrings), null, 46, r => Features.Evaluations.EvaluationRoles.CanViewResults(r) || Features.PointsShared.PointRoles.CanManage(r)),
        new("/resident/points", "Nav_MyPoints", typeof(PointsStrings), null, 47, r => r == Platform.Accounts.Domain.Role.Resident),
        new("/resident/evaluations", "Nav_MyEvaluations", typeof(PointsStrings), null, 48, r => r == Platform.Accounts.Domain.Role.Resident),
    ];
}
