using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.Accounts.Features.AuditViewer;

/// <summary>
/// The first broken link. <see cref="Problem"/>: <c>hash_mismatch</c> (the row's content no longer gives its hash),
/// <c>previous_hash_mismatch</c> (the row does not point at the row before it), <c>gap</c> (numbers are missing
/// before this row: rows were deleted), <c>unexpected_sequence</c> (a number repeats or goes back),
/// <c>head_mismatch</c> (the chain ends elsewhere than the recorded head: rows at the end were deleted or added).
/// </summary>
public sealed record AuditChainBreak(long Sequence, Guid? EntryId, string Problem, long ExpectedSequence);

/// <summary>
/// The result of walking a district's chain. <see cref="HeadHash"/> is the hash of the last row: write it down
/// (e.g. in the monthly report) to notice later a rewrite of the whole chain from some point onward.
/// </summary>
public sealed record AuditChainReport(Guid DistrictId, bool Ok, long Checked, long HeadSequence, string HeadHash, AuditChainBreak? Break);

/// <summary>
/// Walks the district's audit chain in sequence order, in keyset batches (never all rows at once), and
/// reports ok or the first broken link. For VerifyAudit held at the district itself.
/// </summary>
public sealed class VerifyAuditChain(YishiDbContext db, AccessScope scope)
{
    public const int Batch = 500;

    public async Task<AuditChainReport> HandleAsync(CancellationToken ct = default)
    {
        if (!scope.IsSignedIn || !await scope.HoldsAsync(Permission.VerifyAudit, ct)) throw new Forbidden();
        var districtId = scope.DistrictId;
        await scope.RequireAsync(AccountAccess.RootPath(districtId), Permission.VerifyAudit, "district", ct);

        long last = 0;
        var previous = AuditChain.Genesis;
        long count = 0;
        var after = long.MinValue;
        while (true)
        {
            var rows = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Sequence > after)
                .OrderBy(a => a.Sequence).Take(Batch)
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                count++;
                var broken = row.Sequence > last + 1 ? "gap"
                    : row.Sequence <= last ? "unexpected_sequence"
                    : row.PreviousHash != previous ? "previous_hash_mismatch"
                    : AuditChain.ComputeHash(row) != row.Hash ? "hash_mismatch"
                    : null;
                if (broken is not null)
                    return new AuditChainReport(districtId, false, count, last, previous, new AuditChainBreak(row.Sequence, row.Id, broken, last + 1));
                last = row.Sequence;
                previous = row.Hash;
            }
            if (rows.Count < Batch) break;
            after = rows[^1].Sequence;
        }

        var head = await db.AuditChainHeads.AsNoTracking().FirstOrDefaultAsync(ct);
        var headSequence = head?.Sequence ?? 0;
        var headHash = head?.Hash ?? AuditChain.Genesis;
        if (headSequence != last || headHash != previous)
            return new AuditChainReport(districtId, false, count, last, previous, new AuditChainBreak(headSequence, null, "head_mismatch", last + 1));
        return new AuditChainReport(districtId, true, count, last, previous, null);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit/verify", async (VerifyAuditChain handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithTags("Audit").WithSummary("Walks the district's audit hash chain (VerifyAudit): ok, or the first broken link (sequence, row id, problem)");
}
