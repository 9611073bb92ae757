using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.People.Features.CreateHousehold;

public sealed record CreateHouseholdInput(Guid GroupId, [property: Required, MaxLength(Household.HouseNumberMaxLength)] string? HouseNumber, [property: Required, MaxLength(Resident.NameMaxLength)] string? HeadName, string? HeadPhone);

public sealed record CreatedHousehold(Guid Id, Guid HeadId);

/// <summary>Registers a household in a group together with its head (a household always has exactly one head).</summary>
public sealed class CreateHousehold(YishiDbContext db, AccessScope scope, AuditTrail audit, TimeProvider clock)
{
    public async Task<CreatedHousehold> HandleAsync(CreateHouseholdInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        string? houseNumber = null, headName = null, headPhone = null;
        Collect(errors, () => houseNumber = Check.RequiredText(input.HouseNumber, "HouseNumber", Household.HouseNumberMaxLength));
        Collect(errors, () => headName = Check.RequiredText(input.HeadName, "HeadName", Resident.NameMaxLength));
        Collect(errors, () => headPhone = Check.OptionalPhone(input.HeadPhone, "HeadPhone"));
        if (errors.Count > 0) throw new InputInvalid(errors);

        var group = await scope.RequireAreaAsync(input.GroupId, Permission.ManageHouseholds, ct);
        if (group.Level != AreaLevel.Group) throw new RuleViolation("household.not_group", "Household_NotGroup", "GroupId", typeof(PeopleStrings), 422);
        if (group.IsRetired) throw new RuleViolation("area.retired", "Area_Retired", "GroupId");
        await HouseNumbers.EnsureFreeAsync(db, group.Id, houseNumber!, null, ct);

        var household = new Household(group.DistrictId, group.Id, group.Path, houseNumber!, clock.GetUtcNow().UtcDateTime);
        var head = new Resident(group.DistrictId, household.Id, headName!, isHead: true, headPhone);
        household.Members.Add(head);
        db.Households.Add(household);
        audit.Record(group.DistrictId, "household.created", "household", household.Id, to: houseNumber);
        audit.Record(group.DistrictId, "resident.added", "resident", head.Id, to: "head", note: $"household:{household.Id:N}");
        await HouseNumbers.SaveAsync(db, ct);
        return new CreatedHousehold(household.Id, head.Id);
    }

    /// <summary>Runs one field check and keeps its message, so a form shows every field's problem at once.</summary>
    internal static void Collect(Dictionary<string, string> errors, Action check)
    {
        try
        {
            check();
        }
        catch (InputInvalid e)
        {
            foreach (var (field, key) in e.Fields) errors[field] = key;
        }
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/households", async Task<Created<CreatedHousehold>> (CreateHouseholdInput input, CreateHousehold handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(input, ct);
                return TypedResults.Created($"/api/v1/households/{created.Id}", created);
            })
            .WithTags("Households").WithSummary("Register a household in a group, with its head");
}
