using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.People.Features.RemoveResident;

/// <summary>Removes a member (moved out, deceased). The head cannot be removed until another member is head.</summary>
public sealed class RemoveResident(YishiDbContext db, AccessScope scope, AuditTrail audit)
{
    public async Task HandleAsync(Guid residentId, int version, CancellationToken ct = default)
    {
        var (resident, household) = await Households.ResidentAsync(db, scope, residentId, Permission.ManageHouseholds, ct);
        Concurrency.Expect(resident, version);
        if (resident.IsHead) throw Households.HeadRequired();
        household.Members.Remove(resident);
        db.Residents.Remove(resident);
        Households.Touch(db, household);
        // Recorded on the household: the resident row (and its personal data) is gone, the household's timeline keeps the fact.
        audit.Record(household.DistrictId, "resident.removed", "household", household.Id, from: $"resident:{resident.Id:N}");
        await db.SaveChangesAsync(ct);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapDelete("/residents/{id:guid}", async (Guid id, int? version, RemoveResident handler, CancellationToken ct) =>
            {
                if (version is null) throw new InputInvalid("version", "Field_Required");
                await handler.HandleAsync(id, version.Value, ct);
                return TypedResults.NoContent();
            })
            .WithTags("Households").WithSummary("Remove a member from a household (?version= the resident's version)");
}
