using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Yishi.Platform.Data;

public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>
    /// Registers YishiDbContext with the provider from <c>Database:Provider</c>, read when the context is
    /// built so that test hosts can override configuration.
    /// </summary>
    public static IServiceCollection AddYishiDatabase(this IServiceCollection services)
    {
        services.AddDbContext<YishiDbContext>((sp, options) =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var env = sp.GetRequiredService<IHostEnvironment>();
            var provider = config["Database:Provider"] ?? Sqlite;
            var connectionString = config.GetConnectionString("Yishi");
            if (string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Yishi is empty.");
                options.UseNpgsql(connectionString);
            }
            else if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    var dataDir = Path.Combine(env.ContentRootPath, "data");
                    Directory.CreateDirectory(dataDir);
                    connectionString = $"Data Source={Path.Combine(dataDir, "yishi.db")}";
                }
                options.UseSqlite(connectionString);
            }
            else
            {
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use Sqlite or Postgres.");
            }
        });
        services.AddScoped<MigrationRunner>();
        return services;
    }
}
