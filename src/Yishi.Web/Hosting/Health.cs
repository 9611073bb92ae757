using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yishi.Platform.Data;

namespace Yishi.Web.Hosting;

internal sealed class DatabaseHealthCheck(YishiDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy(db.Database.ProviderName)
                : HealthCheckResult.Unhealthy("database unreachable");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}
