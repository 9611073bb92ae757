using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.Areas.Features.RetireArea;

public sealed record RetireAreaInput(int Version, [property: MaxLength(500)] string? Reason);

/// <summary>Retires an area: it keeps its id, history and placed rows, but takes no new children or households.</summary>
public sealed class RetireArea(YishiDbContext db, AccessScope scope, AuditTrail audit, TimeProvider clock)
{
    public async Task<AreaDto> HandleAsync(Guid id, RetireAreaInput input, CancellationToken ct = default)
    {
        var area = await scope.RequireAreaAsync(id, Permission.ManageAreas, ct);
        Concurrency.Expect(area, input.Version);
        var hasActiveChildren = await db.Areas.AnyAsync(a => a.ParentId == area.Id && a.RetiredAt == null, ct);
        area.Retire(clock.GetUtcNow().UtcDateTime, hasActiveChildren);
        audit.Record(area.DistrictId, "area.retired", "area", area.Id, from: "active", to: "retired", note: Rules.Check.OptionalText(input.Reason, "Reason", 500));
        await db.SaveChangesAsync(ct);
        return AreaDto.From(area);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/areas/{id:guid}/retire", async (Guid id, RetireAreaInput input, RetireArea handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .WithTags("Areas").WithSummary("Retire an area that has no active child areas");
}
