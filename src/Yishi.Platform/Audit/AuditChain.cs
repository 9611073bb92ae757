using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Yishi.Platform.Data;

namespace Yishi.Platform.Audit;

/// <summary>
/// The newest link of one district's audit chain. Its row is locked while a unit of work appends audit rows,
/// so that numbers and previous hashes are handed out one writer at a time, also across app instances.
/// </summary>
public sealed class AuditChainHead : ITenantOwned
{
    private AuditChainHead() { }

    internal AuditChainHead(Guid districtId, long sequence, string hash)
    {
        DistrictId = districtId;
        Sequence = sequence;
        Hash = hash;
    }

    public Guid DistrictId { get; private set; }
    public long Sequence { get; internal set; }
    public string Hash { get; internal set; } = "";
}

/// <summary>
/// The hash chain over the audit trail (docs/operations.md, "Audit chain"). Every audit row's
/// <see cref="AuditEntry.Hash"/> is SHA-256 over <see cref="Canonical"/>, which includes the previous row's hash,
/// so changing, inserting or removing a row breaks every later link.
/// </summary>
public static class AuditChain
{
    public const string Version = "yishi-audit-v1";
    public static readonly string Genesis = new('0', 64);

    public static DateTime ToMicroseconds(DateTime at)
        => new(at.Ticks - at.Ticks % 10, DateTimeKind.Utc);

    /// <summary>
    /// The canonical serialisation: the line <c>yishi-audit-v1</c>, then one line per field in this order —
    /// district id, sequence, previous hash, id, time, actor id, actor name, action, entity type, entity id,
    /// from, to, note. A missing value is <c>-</c>; a value is <c>N:text</c> with N its length in UTF-8 bytes
    /// (so no text can pass for another field). Ids are lower-case hyphenated (<c>D</c> format), the sequence
    /// a decimal, the time UTC as <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>. Lines end with <c>\n</c> (none after the last).
    /// </summary>
    public static string Canonical(AuditEntry e)
    {
        var sb = new StringBuilder(Version);
        void Add(string? value)
        {
            sb.Append('\n');
            if (value is null) sb.Append('-');
            else sb.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }
        Add(e.DistrictId.ToString("D"));
        Add(e.Sequence.ToString(CultureInfo.InvariantCulture));
        Add(e.PreviousHash);
        Add(e.Id.ToString("D"));
        Add(e.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Add(e.ActorId?.ToString("D"));
        Add(e.ActorName);
        Add(e.Action);
        Add(e.EntityType);
        Add(e.EntityId.ToString("D"));
        Add(e.From);
        Add(e.To);
        Add(e.Note);
        return sb.ToString();
    }

    public static string ComputeHash(AuditEntry e)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(e))));

    internal static bool HasNewEntries(DbContext db)
        => db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added);

    /// <summary>
    /// Numbers and hashes the unit of work's new audit rows, per district: one upsert per district locks the
    /// chain head (creating it at the first row) and returns it; the new head is saved with the rows.
    /// Must run inside the transaction that saves them.
    /// </summary>
    internal static async Task StampAsync(YishiDbContext db, CancellationToken ct)
    {
        foreach (var tracked in db.ChangeTracker.Entries<AuditChainHead>().ToList()) tracked.State = EntityState.Detached;
        var added = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList();
        // A fixed order of districts: two units of work touching the same districts cannot deadlock on their heads.
        foreach (var group in added.GroupBy(e => e.Entity.DistrictId).OrderBy(g => g.Key))
        {
            var (sequence, hash) = await LockHeadAsync(db, group.Key, ct);
            foreach (var entry in group)
            {
                sequence++;
                entry.Property(e => e.Sequence).CurrentValue = sequence;
                entry.Property(e => e.PreviousHash).CurrentValue = hash;
                hash = ComputeHash(entry.Entity);
                entry.Property(e => e.Hash).CurrentValue = hash;
            }
            var head = new AuditChainHead(group.Key, sequence, hash);
            db.Attach(head);
            db.Entry(head).State = EntityState.Modified;
        }
    }

    private static async Task<(long Sequence, string Hash)> LockHeadAsync(YishiDbContext db, Guid districtId, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Audit rows are chained inside a transaction.");
        // ON CONFLICT DO UPDATE locks the existing row until the transaction ends (PostgreSQL: also against
        // other app instances; a concurrent writer waits and then reads the head this one wrote). SQLite has one writer at a time.
        command.CommandText = """
            INSERT INTO audit_chain_heads ("DistrictId", "Sequence", "Hash") VALUES (@district, 0, @genesis)
            ON CONFLICT ("DistrictId") DO UPDATE SET "Sequence" = audit_chain_heads."Sequence"
            RETURNING "Sequence", "Hash"
            """;
        Add(command, "district", db.Database.IsNpgsql() ? districtId : districtId.ToString().ToUpperInvariant());
        Add(command, "genesis", Genesis);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("The audit chain head was not returned.");
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
