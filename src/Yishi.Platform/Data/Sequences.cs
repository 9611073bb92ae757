using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yishi.Platform.Data;

/// <summary>A named counter per district (tracking-code numbers per day, meeting numbers …).</summary>
public sealed class Sequence : ITenantOwned
{
    private Sequence() { }

    public Guid DistrictId { get; private set; }
    public string Name { get; private set; } = "";
    public long Value { get; private set; }
}

internal sealed class SequenceConfiguration : IEntityTypeConfiguration<Sequence>
{
    public void Configure(EntityTypeBuilder<Sequence> b)
    {
        b.ToTable("sequences");
        b.HasKey(s => new { s.DistrictId, s.Name });
        b.Property(s => s.Name).HasMaxLength(64);
    }
}

/// <summary>
/// Hands out the next number of a counter with one atomic UPDATE … RETURNING (both providers).
/// Call it outside a long transaction: the row lock is held until the surrounding transaction ends.
/// Numbers are unique; a failed submission may leave a gap, which is fine for human-facing codes.
/// </summary>
public sealed class Sequences(YishiDbContext db)
{
    public async Task<long> NextAsync(Guid districtId, string name, CancellationToken ct = default)
    {
        // EF stores Guid as upper-case TEXT on SQLite; raw parameters must match that representation.
        object district = db.Database.IsNpgsql() ? districtId : districtId.ToString().ToUpperInvariant();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO sequences (\"DistrictId\", \"Name\", \"Value\") VALUES ({0}, {1}, 0) ON CONFLICT DO NOTHING", [district, name], ct);
        var values = await db.Database.SqlQueryRaw<long>(
            "UPDATE sequences SET \"Value\" = \"Value\" + 1 WHERE \"DistrictId\" = {0} AND \"Name\" = {1} RETURNING \"Value\"", district, name)
            .ToListAsync(ct);
        return values.Single();
    }

    /// <summary>
    /// Sets counters that do not exist yet to the numbers already handed out, in multi-row inserts
    /// (demo data creates a year of tracking codes at once; later codes continue from these values).
    /// </summary>
    public async Task SetManyAsync(Guid districtId, IReadOnlyList<(string Name, long Value)> counters, CancellationToken ct = default)
    {
        object district = db.Database.IsNpgsql() ? districtId : districtId.ToString().ToUpperInvariant();
        foreach (var chunk in counters.Chunk(200))
        {
            var sql = new System.Text.StringBuilder("INSERT INTO sequences (\"DistrictId\", \"Name\", \"Value\") VALUES ");
            var args = new List<object>(chunk.Length * 3);
            foreach (var (name, value) in chunk)
            {
                if (args.Count > 0) sql.Append(", ");
                sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"({{{args.Count}}}, {{{args.Count + 1}}}, {{{args.Count + 2}}})");
                args.Add(district);
                args.Add(name);
                args.Add(value);
            }
            sql.Append(" ON CONFLICT DO NOTHING");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }
}
