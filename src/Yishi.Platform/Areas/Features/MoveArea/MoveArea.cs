using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Features.CreateArea;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.Areas.Features.MoveArea;

public sealed record MoveAreaInput(Guid NewParentId, int Version);

/// <summary>Moves an area (with its subtree and everything placed in it) under a new parent of the level above.</summary>
public sealed class MoveArea(YishiDbContext db, AccessScope scope, AuditTrail audit)
{
    public async Task<AreaDto> HandleAsync(Guid id, MoveAreaInput input, CancellationToken ct = default)
    {
        var area = await scope.RequireAreaAsync(id, Permission.ManageAreas, ct);
        var newParent = await scope.RequireAreaAsync(input.NewParentId, Permission.ManageAreas, ct);
        Concurrency.Expect(area, input.Version);
        await AreaNames.EnsureFreeAsync(db, newParent.Id, area.Name, area.Id, ct);
        var oldPath = area.Path;
        var oldParentId = area.ParentId;
        var newPath = area.MoveUnder(newParent);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AreaPaths.RewriteAsync(db, oldPath, newPath, ct);
        audit.Record(area.DistrictId, "area.moved", "area", area.Id, from: oldParentId?.ToString(), to: newParent.Id.ToString(), note: newParent.Name);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return AreaDto.From(area);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/areas/{id:guid}/move", async (Guid id, MoveAreaInput input, MoveArea handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .WithTags("Areas").WithSummary("Move an area and its subtree under another parent of the level above");
}
