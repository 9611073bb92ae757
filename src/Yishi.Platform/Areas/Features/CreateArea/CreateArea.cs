using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.Areas.Features.CreateArea;

public sealed record CreateAreaInput(Guid ParentId, [property: Required, MaxLength(Area.NameMaxLength)] string? Name);

public sealed class CreateArea(YishiDbContext db, AccessScope scope, AuditTrail audit, TimeProvider clock)
{
    public async Task<AreaDto> HandleAsync(CreateAreaInput input, CancellationToken ct = default)
    {
        var name = Check.RequiredText(input.Name, "Name", Area.NameMaxLength);
        var parent = await scope.RequireAreaAsync(input.ParentId, Permission.ManageAreas, ct);
        await AreaNames.EnsureFreeAsync(db, parent.Id, name, null, ct);
        var area = parent.NewChild(name, clock.GetUtcNow().UtcDateTime);
        db.Areas.Add(area);
        audit.Record(area.DistrictId, "area.created", "area", area.Id, to: $"{area.Level}:{name}", note: parent.Name);
        await db.SaveChangesAsync(ct);
        return AreaDto.From(area);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/areas", async Task<Created<AreaDto>> (CreateAreaInput input, CreateArea handler, CancellationToken ct) =>
            {
                var area = await handler.HandleAsync(input, ct);
                return TypedResults.Created($"/api/v1/areas/{area.Id}", area);
            })
            .WithTags("Areas").WithSummary("Create a street, community or group under a parent area");
}

internal static class AreaNames
{
    public static async Task EnsureFreeAsync(YishiDbContext db, Guid parentId, string name, Guid? except, CancellationToken ct)
    {
        var taken = await db.Areas.AnyAsync(a => a.ParentId == parentId && a.Name == name && a.RetiredAt == null && a.Id != except, ct);
        if (taken) throw new RuleViolation("area.name_taken", "Area_NameTaken", "Name");
    }
}
