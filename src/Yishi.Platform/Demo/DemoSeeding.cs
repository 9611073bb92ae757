using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yishi.Platform.Data;

namespace Yishi.Platform.Demo;

/// <summary>One module's part of the demo district. Seeders run in <see cref="Order"/> on an empty database.</summary>
public interface IDemoSeeder
{
    int Order { get; }
    Task SeedAsync(DemoContext demo, CancellationToken ct);
}

/// <summary>Shared by the seeders: the district, a deterministic random source and the clock's "now".</summary>
public sealed class DemoContext(Guid districtId, DateTime now, int seed = 20261122)
{
    public Guid DistrictId { get; set; } = districtId;
    public DateTime Now { get; } = now;
    public Random Random { get; } = new(seed);
    /// <summary>Seeders leave ids here for later seeders (e.g. "admin", "street:南恩街道").</summary>
    public Dictionary<string, Guid> Ids { get; } = [];
}

public static class DemoSeeding
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<YishiDbContext>();
        if (await db.Areas.IgnoreQueryFilters().AnyAsync(ct)) return;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Yishi.Demo");
        var clock = services.GetRequiredService<TimeProvider>();
        var demo = new DemoContext(Guid.Empty, clock.GetUtcNow().UtcDateTime);
        foreach (var seeder in services.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(demo, ct);
            log.LogInformation("Demo data: {Seeder} done", seeder.GetType().Name);
        }
    }
}
