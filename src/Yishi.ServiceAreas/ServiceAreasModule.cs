using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Platform.Modules;

namespace Yishi.ServiceAreas;

/// <summary>1+1: service areas, organiser/supervisor, volunteer teams, signboards, the points lists and household points, evaluations.</summary>
public sealed class ServiceAreasModule : IYishiModule
{
    public Assembly Assembly => typeof(ServiceAreasModule).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // Points lists, household points, appeals, rankings (正负面清单积分)
        services.AddScoped<Features.PointsShared.PointsAccess>();
        services.AddScoped<Features.PointLists.IPointListResolutions, Features.PointLists.NoResolutionRegistry>();
        services.AddScoped<Features.PointLists.PointLists>();
        services.AddScoped<Features.PointAwards.PointAwards>();
        services.AddScoped<Features.PointAppeals.PointAppeals>();
        services.AddScoped<Features.PointRankings.PointRankings>();
        services.AddScoped<Features.Evaluations.Evaluations>();
        services.AddScoped<Platform.Demo.IDemoSeeder, Demo.DemoPointsSeeder>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        // Points lists, household points, appeals, rankings
        Features.PointLists.PointLists.Map(api);
        Features.PointAwards.PointAwards.Map(api);
        Features.PointAppeals.PointAppeals.Map(api);
        Features.PointRankings.PointRankings.Map(api);
        Features.Evaluations.Evaluations.Map(api);
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("/service-areas/points", "Nav_Points", typeof(PointsStrings), null, 40, Features.PointsShared.PointRoles.Works),
        new("/service-areas/evaluations", "Nav_Evaluations", typeof(PointsStrings), null, 41, r => Features.Evaluations.EvaluationRoles.CanViewResults(r) || Features.PointsShared.PointRoles.CanManage(r)),
        new("/resident/points", "Nav_MyPoints", typeof(PointsStrings), null, 42, r => r == Platform.Accounts.Domain.Role.Resident),
        new("/resident/evaluations", "Nav_MyEvaluations", typeof(PointsStrings), null, 43, r => r == Platform.Accounts.Domain.Role.Resident),
    ];
}
