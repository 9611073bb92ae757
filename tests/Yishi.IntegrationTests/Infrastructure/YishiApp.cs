using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over HTTP, on a fresh database of one provider. One instance per test class
/// (IClassFixture); tests inside a class make their own districts so they never share data.
/// </summary>
public abstract class YishiApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly PostgresServer? _postgres;
    private string _connectionString = "";
    private string? _sqliteFile;

    protected YishiApp(string provider, PostgresServer? postgres)
    {
        Provider = provider;
        _postgres = postgres;
    }

    public string Provider { get; }
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    public string ConnectionString => _connectionString;

    public async ValueTask InitializeAsync()
    {
        if (_postgres is not null)
        {
            _connectionString = await _postgres.CreateDatabaseAsync(GetType().Name);
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"yishi-test-{Guid.NewGuid():N}.db");
            _connectionString = $"Data Source={_sqliteFile};Default Timeout=30";
        }
        _ = Services; // build the host now: applies the migrations
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Yishi", _connectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Demands:DeadlineSweep", "false");
        builder.UseSetting("Deliberation:Schedule", "false");
        builder.UseSetting("Notifications:Relay", "false");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:ApiPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInPerUserNamePerMinute", "100000");
        builder.UseSetting("RateLimits:RegisterPerMinute", "100000");
        builder.UseSetting("RateLimits:TrackPerMinute", "100000");
        builder.UseSetting("RateLimits:IntakePerMinute", "100000");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Runs <paramref name="work"/> in a service scope acting as the system inside <paramref name="districtId"/>.</summary>
    public async Task<T> InScopeAsync<T>(Guid? districtId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        if (districtId is { } d) scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(d, "test");
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Guid? districtId, Func<IServiceProvider, Task> work)
        => InScopeAsync<bool>(districtId, async sp => { await work(sp); return true; });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : YishiApp("Sqlite", null);

public sealed class PostgresApp(PostgresServer postgres) : YishiApp("Postgres", postgres);

/// <summary>A YishiApp with extra configuration for one test class (settings applied after the defaults).</summary>
public abstract class YishiAppWithSettings(string provider, PostgresServer? postgres, params (string Key, string Value)[] settings)
    : YishiApp(provider, postgres)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
