using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Yishi.Platform.Data;

/// <summary>
/// Applies the SQL migration scripts embedded under Migrations/{sqlite,postgres}/NNNN_name.sql in order,
/// recording each in <c>schema_migrations</c>. On PostgreSQL the run holds an advisory lock, so several
/// instances can start at once; each script runs in its own transaction.
/// </summary>
public sealed class MigrationRunner(YishiDbContext db, ILogger<MigrationRunner> log)
{
    private const long AdvisoryLockKey = 0x59_69_73_68_69; // "Yishi"

    public static IReadOnlyList<(string Id, string Sql)> Scripts(string provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public string Provider => db.Database.IsNpgsql() ? "postgres" : "sqlite";

    public async Task<int> ApplyAsync(CancellationToken ct = default)
    {
        var provider = Provider;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (provider == "postgres") await Exec(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
            try
            {
                await Exec(connection, provider == "postgres"
                    ? "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
                    : "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)", ct);
                var applied = new HashSet<string>(StringComparer.Ordinal);
                await using (var cmd = connection.CreateCommand())
                {
                    cmd.CommandText = "SELECT id FROM schema_migrations";
                    await using var reader = await cmd.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
                }

                var count = 0;
                foreach (var (id, sql) in Scripts(provider))
                {
                    if (applied.Contains(id)) continue;
                    await using var tx = await connection.BeginTransactionAsync(ct);
                    await Exec(connection, sql, ct, tx);
                    await using (var insert = connection.CreateCommand())
                    {
                        insert.Transaction = tx;
                        insert.CommandText = "INSERT INTO schema_migrations (id) VALUES (@id)";
                        var p = insert.CreateParameter();
                        p.ParameterName = "@id";
                        p.Value = id;
                        insert.Parameters.Add(p);
                        await insert.ExecuteNonQueryAsync(ct);
                    }
                    await tx.CommitAsync(ct);
                    log.LogInformation("Applied migration {Migration} ({Provider})", id, provider);
                    count++;
                }
                return count;
            }
            finally
            {
                if (provider == "postgres") await Exec(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task Exec(DbConnection connection, string sql, CancellationToken ct, DbTransaction? tx = null)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 300;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
