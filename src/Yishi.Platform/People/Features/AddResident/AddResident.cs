using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.People.Features.AddResident;

/// <summary><paramref name="Version"/> is the household's version.</summary>
public sealed record AddResidentInput([property: Required, MaxLength(Resident.NameMaxLength)] string? Name, string? Phone, bool IsHead, int Version);

public sealed class AddResident(YishiDbContext db, AccessScope scope, AuditTrail audit)
{
    public async Task<ResidentDto> HandleAsync(Guid householdId, AddResidentInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        string? name = null, phone = null;
        CreateHousehold.CreateHousehold.Collect(errors, () => name = Check.RequiredText(input.Name, "Name", Resident.NameMaxLength));
        CreateHousehold.CreateHousehold.Collect(errors, () => phone = Check.OptionalPhone(input.Phone, "Phone"));
        if (errors.Count > 0) throw new InputInvalid(errors);

        var household = await Households.HouseholdAsync(db, scope, householdId, Permission.ManageHouseholds, ct);
        Concurrency.Expect(household, input.Version);
        var resident = new Resident(household.DistrictId, household.Id, name!, input.IsHead, phone);
        var previousHead = household.Members.FirstOrDefault(m => m.IsHead);
        if (input.IsHead && previousHead is not null)
        {
            previousHead.IsHead = false;
            audit.Record(household.DistrictId, "household.head_changed", "household", household.Id, from: $"resident:{previousHead.Id:N}", to: $"resident:{resident.Id:N}");
        }
        // Added explicitly: found only through the navigation, a new entity with its key already set would be taken for an existing row.
        db.Residents.Add(resident);
        household.Members.Add(resident);
        Households.Touch(db, household);
        audit.Record(household.DistrictId, "resident.added", "resident", resident.Id, to: input.IsHead ? "head" : "member", note: $"household:{household.Id:N}");
        await db.SaveChangesAsync(ct);
        return ResidentDto.From(resident);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/households/{id:guid}/residents", async Task<Created<ResidentDto>> (Guid id, AddResidentInput input, AddResident handler, CancellationToken ct) =>
            {
                var resident = await handler.HandleAsync(id, input, ct);
                return TypedResults.Created($"/api/v1/households/{id}", resident);
            })
            .WithTags("Households").WithSummary("Add a member to a household (as head: the previous head becomes a member)");
}
