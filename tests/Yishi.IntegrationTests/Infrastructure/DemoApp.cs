using Microsoft.AspNetCore.Hosting;

namespace Yishi.IntegrationTests.Infrastructure;

/// <summary>The real app on a fresh database with the demo district seeded at start-up (Demo:Seed=true).</summary>
public sealed class DemoSqliteApp() : YishiApp("Sqlite", null)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Seed", "true");
    }
}

/// <inheritdoc cref="DemoSqliteApp"/>
public sealed class DemoPostgresApp(PostgresServer postgres) : YishiApp("Postgres", postgres)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Seed", "true");
    }
}
