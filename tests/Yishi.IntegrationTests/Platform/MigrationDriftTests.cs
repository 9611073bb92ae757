using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Platform;

/// <summary>
/// The SQL migrations must build exactly the schema the EF model expects: one database from the
/// migrations (the app's own), one from EnsureCreated, compared table by table, column by column
/// (type, nullability) and index by index. A model change without a migration fails here.
/// </summary>
public abstract class MigrationDriftTests(YishiApp app, PostgresServer? postgres)
{
    [Fact]
    public async Task Migrations_build_the_same_schema_as_the_EF_model()
    {
        var modelDb = postgres is null
            ? $"Data Source={Path.Combine(Path.GetTempPath(), $"yishi-drift-{Guid.NewGuid():N}.db")}"
            : await postgres.CreateDatabaseAsync("drift_model");
        var builder = new DbContextOptionsBuilder<YishiDbContext>();
        if (postgres is null) builder.UseSqlite(modelDb); else builder.UseNpgsql(modelDb);
        await using (var ctx = new YishiDbContext(builder.Options, new RequestContext(), app.Services.GetRequiredService<ModelAssemblies>()))
            await ctx.Database.EnsureCreatedAsync();

        var fromMigrations = await DescribeAsync(app.ConnectionString);
        var fromModel = await DescribeAsync(modelDb);
        fromMigrations.Except(fromModel).ShouldBeEmpty("in the migrations but not in the model");
        fromModel.Except(fromMigrations).ShouldBeEmpty("in the model but not in the migrations");
        fromModel.Count.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task Migrations_are_recorded_and_not_applied_twice()
    {
        var again = await app.InScopeAsync(null, sp => sp.GetRequiredService<MigrationRunner>().ApplyAsync());
        again.ShouldBe(0);
        var provider = postgres is null ? "sqlite" : "postgres";
        var recorded = await QueryAsync(app.ConnectionString, "SELECT id FROM schema_migrations ORDER BY id");
        recorded.ShouldBe(MigrationRunner.Scripts(provider).Select(s => s.Id).ToList());
    }

    [Fact]
    public async Task Audit_rows_cannot_be_changed_even_with_direct_sql()
    {
        var d = await TestDistrict.CreateAsync(app);
        await (await (await d.ClientAsync(Yishi.Platform.Accounts.Domain.Role.DistrictAdmin, "D"))
            .PostJson("/api/v1/areas", new { parentId = d["S1"].Id, name = "审计测试社区" })).ShouldBe(System.Net.HttpStatusCode.Created);
        var ex = await Should.ThrowAsync<DbException>(() => ExecAsync(app.ConnectionString, "DELETE FROM audit_entries"));
        ex.Message.ShouldContain("append-only");
        await Should.ThrowAsync<DbException>(() => ExecAsync(app.ConnectionString, "UPDATE audit_entries SET \"Note\" = 'x'"));
    }

    private DbConnection Open(string cs) => postgres is null ? new SqliteConnection(cs) : new NpgsqlConnection(cs);

    private async Task ExecAsync(string cs, string sql)
    {
        await using var conn = Open(cs);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> QueryAsync(string cs, string sql)
    {
        await using var conn = Open(cs);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    private async Task<HashSet<string>> DescribeAsync(string cs)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        if (postgres is not null)
        {
            foreach (var c in await QueryAsync(cs, """
                SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable, coalesce(column_default, '')
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
                """))
                facts.Add("column " + c);
            foreach (var i in await QueryAsync(cs, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migrations'"))
                facts.Add("index " + i);
            foreach (var f in await QueryAsync(cs, """
                SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_migrations'
                """))
                facts.Add("constraint " + f);
            return facts;
        }
        var tables = await QueryAsync(cs, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'");
        foreach (var t in tables)
        {
            foreach (var c in await QueryAsync(cs, $"SELECT name, type, \"notnull\", pk, coalesce(dflt_value, '') FROM pragma_table_info('{t}')"))
                facts.Add($"column {t}|{c}");
            foreach (var i in await QueryAsync(cs, $"SELECT name, \"unique\", origin FROM pragma_index_list('{t}')"))
            {
                var name = i.Split('|')[0];
                var cols = await QueryAsync(cs, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno");
                facts.Add($"index {t}|{i}|{string.Join(",", cols)}");
            }
            foreach (var f in await QueryAsync(cs, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{t}')"))
                facts.Add($"fk {t}|{f}");
        }
        return facts;
    }
}

public sealed class MigrationDriftTests_Sqlite(SqliteApp app) : MigrationDriftTests(app, null), IClassFixture<SqliteApp>;

public sealed class MigrationDriftTests_Postgres(PostgresApp app, PostgresServer postgres) : MigrationDriftTests(app, postgres), IClassFixture<PostgresApp>;
