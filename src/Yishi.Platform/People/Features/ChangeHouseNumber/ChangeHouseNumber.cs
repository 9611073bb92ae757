using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.People.Features.ChangeHouseNumber;

public sealed record ChangeHouseNumberInput([property: Required, MaxLength(Household.HouseNumberMaxLength)] string? HouseNumber, int Version);

public sealed record HouseholdVersion(Guid Id, string HouseNumber, int Version);

public sealed class ChangeHouseNumber(YishiDbContext db, AccessScope scope, AuditTrail audit)
{
    public async Task<HouseholdVersion> HandleAsync(Guid householdId, ChangeHouseNumberInput input, CancellationToken ct = default)
    {
        var number = Check.RequiredText(input.HouseNumber, "HouseNumber", Household.HouseNumberMaxLength);
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct) ?? throw new NotFound("household");
        await scope.RequireAsync(household.AreaPath, Permission.ManageHouseholds, "household", ct);
        Concurrency.Expect(household, input.Version);
        if (household.HouseNumber == number) return new HouseholdVersion(household.Id, number, household.Version);
        await HouseNumbers.EnsureFreeAsync(db, household.AreaId, number, household.Id, ct);
        var old = household.HouseNumber;
        household.HouseNumber = number;
        audit.Record(household.DistrictId, "household.number_changed", "household", household.Id, from: old, to: number);
        await HouseNumbers.SaveAsync(db, ct);
        return new HouseholdVersion(household.Id, number, household.Version);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPut("/households/{id:guid}/house-number", async (Guid id, ChangeHouseNumberInput input, ChangeHouseNumber handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .WithTags("Households").WithSummary("Change a household's house number (unique within its group)");
}
