using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.People.Features.RevealPhone;

public sealed record RevealPhoneInput([property: Required, MaxLength(RevealPhone.ReasonMaxLength)] string? Reason);

public sealed record RevealedPhone(Guid ResidentId, string? Phone);

/// <summary>Shows a member's full phone number to someone allowed to see personal data, for a stated reason, and records it.</summary>
public sealed class RevealPhone(YishiDbContext db, AccessScope scope, AuditTrail audit)
{
    public const int ReasonMinLength = 2;
    public const int ReasonMaxLength = 200;

    public async Task<RevealedPhone> HandleAsync(Guid residentId, RevealPhoneInput input, CancellationToken ct = default)
    {
        var (resident, household) = await Households.ResidentAsync(db, scope, residentId, Permission.RevealPersonalData, ct);
        var reason = Check.RequiredText(input.Reason, "Reason", ReasonMaxLength);
        if (reason.Length < ReasonMinLength) throw new InputInvalid("Reason", "Reveal_ReasonTooShort", typeof(PeopleStrings));
        audit.Record(household.DistrictId, "resident.phone_revealed", "resident", resident.Id, note: reason);
        await db.SaveChangesAsync(ct);
        return new RevealedPhone(resident.Id, resident.Phone);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/residents/{id:guid}/reveal-phone", async (Guid id, RevealPhoneInput input, RevealPhone handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .WithTags("Households").WithSummary("Reveal a member's full phone number (needs a reason; audited)");
}
