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

/// <summary>党员"1+1"亮牌: service areas, their organiser and supervisor, volunteer teams, activities, services to residents, visits.</summary>
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
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("/service-areas", "Nav_ServiceAreas", typeof(ServiceAreaStrings), null, 40, ServiceAreaRoles.UsesServiceAreas),
        new("/service-areas/stats", "Nav_ServiceAreaStats", typeof(ServiceAreaStrings), null, 41, ServiceAreaRoles.UsesServiceAreas),
        new("/service-areas/my-services", "Nav_MyServices", typeof(ServiceAreaStrings), null, 42, r => r == Platform.Accounts.Domain.Role.Resident),
    ];
}
