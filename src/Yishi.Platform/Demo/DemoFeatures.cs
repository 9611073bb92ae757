using Microsoft.Extensions.DependencyInjection;

namespace Yishi.Platform.Demo;

/// <summary>The platform's demo seeders after the area tree (<see cref="DemoDistrictSeeder"/>, order 0): officials, then households.</summary>
internal static class DemoFeatures
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<IDemoSeeder, DemoOfficialsSeeder>();
        services.AddScoped<IDemoSeeder, DemoHouseholdsSeeder>();
    }
}
