using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yishi.Demands.Domain;

namespace Yishi.Demands.Features.Ledger;

internal static class LedgerEndpoints
{
    public static LedgerFilter Filter(DemandStatus? status, Ownership? ownership, Channel? channel, ContentCategory? content, MustDeliberateCategory? mustDeliberate,
        Guid? areaId, Guid? unitId, bool? overdue, DateTime? from, DateTime? to, string? q, LedgerSort? sort)
        => new(status, ownership, channel, content, mustDeliberate, areaId, unitId, overdue,
            from is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null, to is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null, q, sort ?? LedgerSort.Created);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/demands", async (DemandStatus? status, Ownership? ownership, Channel? channel, ContentCategory? content, MustDeliberateCategory? mustDeliberate,
                Guid? areaId, Guid? unitId, bool? overdue, DateTime? from, DateTime? to, string? q, LedgerSort? sort, string? cursor, int? size,
                LedgerQuery ledger, CancellationToken ct)
                => TypedResults.Ok(await ledger.PageAsync(Filter(status, ownership, channel, content, mustDeliberate, areaId, unitId, overdue, from, to, q, sort), cursor, size, ct)))
            .WithTags("Demands").WithSummary("The ledger (台账): filters, text search (two characters suffice), keyset pages; pass `next` back as `cursor`");

        api.MapGet("/demands/export.xlsx", async (DemandStatus? status, Ownership? ownership, Channel? channel, ContentCategory? content, MustDeliberateCategory? mustDeliberate,
                Guid? areaId, Guid? unitId, bool? overdue, DateTime? from, DateTime? to, string? q, LedgerSort? sort, LedgerExport export, CancellationToken ct) =>
            {
                var stream = await export.WriteAsync(Filter(status, ownership, channel, content, mustDeliberate, areaId, unitId, overdue, from, to, q, sort), ct);
                return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"ledger-{DateTime.UtcNow:yyyyMMdd}.xlsx");
            })
            .WithTags("Demands").WithSummary("The ledger with the same filters as an .xlsx file (streamed; phones masked; audited)");
    }
}
