using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Areas.Features.CreateArea;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.Areas.Features.RenameArea;

public sealed record RenameAreaInput([property: Required, MaxLength(Area.NameMaxLength)] string? Name, int Version);

public sealed class RenameArea(YishiDbContext db, AccessScope scope, AuditTrail audit)
{
    public async Task<AreaDto> HandleAsync(Guid id, RenameAreaInput input, CancellationToken ct = default)
    {
        var name = Check.RequiredText(input.Name, "Name", Area.NameMaxLength);
        var area = await scope.RequireAreaAsync(id, Permission.ManageAreas, ct);
        Concurrency.Expect(area, input.Version);
        if (area.Name == name) return AreaDto.From(area);
        if (area.ParentId is { } parentId) await AreaNames.EnsureFreeAsync(db, parentId, name, area.Id, ct);
        var old = area.Name;
        area.Rename(name);
        audit.Record(area.DistrictId, "area.renamed", "area", area.Id, from: old, to: name);
        await db.SaveChangesAsync(ct);
        return AreaDto.From(area);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPut("/areas/{id:guid}/name", async (Guid id, RenameAreaInput input, RenameArea handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .WithTags("Areas").WithSummary("Rename an area");
}
