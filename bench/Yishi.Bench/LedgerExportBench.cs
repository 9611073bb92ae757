using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Ledger;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;

namespace Yishi.Bench;

/// <summary>
/// The ledger export of a district with 100,000 demands (plus the demo year), as the district admin: time and,
/// with the memory diagnoser, allocations. The export streams rows into a temporary file, so allocated memory
/// must stay far below what holding the sheet in memory would take.
/// Run: dotnet run -c Release --project bench/Yishi.Bench -- --filter *LedgerExport*
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Slow))]
public class LedgerExportBench
{
    /// <summary>Seconds per operation: three measured runs in this process (the app under test is hosted here).</summary>
    private sealed class Slow : ManualConfig
    {
        public Slow() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            .WithToolchain(InProcessEmitToolchain.Instance));
    }

    private readonly string _db = Path.Combine(Path.GetTempPath(), $"yishi-bench-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program> _app = null!;
    private Guid _district;
    private Guid _admin;

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSolutionRelativeContentRoot("src/Yishi.Web", "*.slnx");
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("ConnectionStrings:Yishi", $"Data Source={_db}");
            b.UseSetting("Demands:DeadlineSweep", "false");
            b.UseSetting("Notifications:Relay", "false");
        });
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
        var admin = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.UserName == "admin");
        (_admin, _district) = (admin.Id, admin.DistrictId);
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(_district, "bench");
        var groups = await db.Areas.Where(a => a.Level == AreaLevel.Group).ToListAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var t0 = DateTime.UtcNow.AddDays(-365);
        for (var i = 0; i < Rows; i++)
        {
            var area = groups[i % groups.Count];
            var at = t0.AddMinutes(i * 5);
            var d = new Demand(_district, area.Id, area.Path, $"YS-20250101-{i:000000}-BNCH", $"第{i}条：楼顶漏水，雨天屋里滴水，请尽快维修", "3栋", Channel.Hotline,
                false, "13900001111", null, null, HandlingLevel.Community, at);
            d.AcknowledgeDueAt = at.AddDays(1);
            if (i % 2 == 0)
            {
                d.Classify(Ownership.Community, false, ContentCategory.Development, null);
                d.HandleOnSpot("已处理", at.AddHours(1));
            }
            d.SyncDue();
            db.Add(d);
            if (i % 5_000 == 4_999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
    }

    [Benchmark]
    public async Task<long> ExportXlsx()
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetUser(_admin, "admin", _district);
        await using var stream = await scope.ServiceProvider.GetRequiredService<LedgerExport>().WriteAsync(new LedgerFilter());
        return stream.Length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" }) File.Delete(f);
    }
}
