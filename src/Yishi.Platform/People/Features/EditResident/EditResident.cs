using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.People.Features.EditResident;

/// <summary><paramref name="Phone"/>: null keeps the phone (forms never echo it back), "" clears it. <paramref name="Version"/> is the resident's version.</summary>
public sealed record EditResidentInput([property: Required, MaxLength(Resident.NameMaxLength)] string? Name, string? Phone, bool IsHead, int Version);

/// <summary>Edits a member. Making them head demotes the previous head; the head cannot simply step down (someone else must be made head).</summary>
public sealed class EditResident(YishiDbContext db, AccessScope scope, AuditTrail audit)
{
    public async Task<ResidentDto> HandleAsync(Guid residentId, EditResidentInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        string? name = null, phone = null;
        var phoneGiven = input.Phone is not null;
        CreateHousehold.CreateHousehold.Collect(errors, () => name = Check.RequiredText(input.Name, "Name", Resident.NameMaxLength));
        CreateHousehold.CreateHousehold.Collect(errors, () => phone = Check.OptionalPhone(input.Phone, "Phone"));
        if (errors.Count > 0) throw new InputInvalid(errors);

        var (resident, household) = await Households.ResidentAsync(db, scope, residentId, Permission.ManageHouseholds, ct);
        Concurrency.Expect(resident, input.Version);
        if (resident.IsHead && !input.IsHead) throw Households.HeadRequired();

        var changed = new List<string>();
        if (resident.Name != name) changed.Add("name");
        if (phoneGiven && resident.Phone != phone) changed.Add("phone");
        resident.Name = name!;
        if (phoneGiven) resident.Phone = phone;
        if (input.IsHead && !resident.IsHead)
        {
            changed.Add("head");
            var previous = household.Members.FirstOrDefault(m => m.IsHead);
            if (previous is not null) previous.IsHead = false;
            resident.IsHead = true;
            Households.Touch(db, household);
            audit.Record(household.DistrictId, "household.head_changed", "household", household.Id,
                from: previous is null ? null : $"resident:{previous.Id:N}", to: $"resident:{resident.Id:N}");
        }
        if (changed.Count == 0) return ResidentDto.From(resident);
        audit.Record(household.DistrictId, "resident.updated", "resident", resident.Id, to: string.Join(',', changed));
        await db.SaveChangesAsync(ct);
        return ResidentDto.From(resident);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPut("/residents/{id:guid}", async (Guid id, EditResidentInput input, EditResident handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .WithTags("Households").WithSummary("Edit a member's name, phone (omit to keep, \"\" to clear) or head-of-household status");
}
