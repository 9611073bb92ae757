using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Data;
using Yishi.Platform.Paging;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Features.CommonIssues;

public sealed record MergeCandidate(Guid Id, string TrackingCode, string Description, DemandStatus Status, DateTime CreatedAt);

/// <summary>
/// 共性问题: the demands that may still be gathered under a lead — open, of the lead's community, in no common issue yet
/// (so members already in this issue never fill the list) — searched by text or tracking code and keyset-paged
/// newest first, so twenty reports of one leaking roof can all be found and merged from the page.
/// </summary>
public sealed class MergeCandidates(YishiDbContext db, DemandAccess access)
{
    public const int PageSize = 20;
    public const int QueryMaxLength = 100;

    public async Task<Page<MergeCandidate>> SearchAsync(Guid leadId, string? query, string? cursor, int? size = null, CancellationToken ct = default)
    {
        var text = Check.OptionalText(query, "q", QueryMaxLength);
        var lead = await access.LoadForActionAsync(leadId, ct);
        var community = DemandRoles.LevelPath(lead.AreaPath, HandlingLevel.Community);
        var q = db.Set<Demand>().AsNoTracking().Where(d => d.AreaPath.StartsWith(community) && d.Id != lead.Id && d.CommonIssueId == null
            && (d.Status == DemandStatus.Submitted || d.Status == DemandStatus.InProgress || d.Status == DemandStatus.Guidance));
        if (text is not null)
        {
            var code = TrackingCode.Normalise(text);
            q = code is null ? q.Where(d => d.Description.Contains(text)) : q.Where(d => d.TrackingCode == code);
        }
        if (Keyset.Decode(cursor, 2) is [var ticksText, var after])
        {
            if (!long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
                throw new InputInvalid("cursor", "Cursor_Invalid");
            var at = new DateTime(ticks, DateTimeKind.Utc);
            q = q.Where(d => d.CreatedAt < at || (d.CreatedAt == at && string.Compare(d.TrackingCode, after) < 0));
        }
        var take = Math.Clamp(size ?? PageSize, 1, Keyset.MaxSize);
        var rows = await q.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.TrackingCode).Take(take + 1)
            .Select(d => new MergeCandidate(d.Id, d.TrackingCode, d.Description, d.Status, d.CreatedAt)).ToListAsync(ct);
        return Keyset.Build(rows, take, r => Keyset.Encode(r.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture), r.TrackingCode));
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/demands/{id:guid}/merge-candidates", async (Guid id, string? q, string? cursor, int? size, MergeCandidates handler, CancellationToken ct)
                => TypedResults.Ok(await handler.SearchAsync(id, q, cursor, size, ct)))
            .WithTags("Demands").WithSummary("共性问题: open demands of the lead's community in no common issue yet, searched by text or tracking code, newest first (keyset)");
}
