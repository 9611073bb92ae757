using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Demands.Features.RevealPhone;

public sealed record RevealPhoneInput([property: Required, MaxLength(RevealPhone.ReasonMaxLength)] string? Reason);

public sealed record PhoneRevealed(string Phone);

/// <summary>
/// The full contact phone of a demand, for an official who may see the demand and holds
/// <see cref="Permission.RevealPersonalData"/> in its area, with a stated reason. Every reveal is on the
/// demand's timeline with the reason (never the phone). Responses are not cached (no-store is global).
/// </summary>
public sealed class RevealPhone(YishiDbContext db, DemandAccess access, AccessScope scope, DemandWorkflow workflow)
{
    public const int ReasonMaxLength = 200;

    public async Task<PhoneRevealed> HandleAsync(Guid id, RevealPhoneInput input, CancellationToken ct = default)
    {
        var d = await access.LoadForViewAsync(id, ct);
        await scope.RequireAsync(d.AreaPath, Permission.RevealPersonalData, "demand", ct);
        var reason = Check.RequiredText(input.Reason, "Reason", ReasonMaxLength);
        if (reason.Length < 2) throw new InputInvalid("Reason", "RevealPhone_ReasonTooShort", typeof(DemandStrings));
        if (d.ContactPhone is not { Length: > 0 } phone)
            throw new RuleViolation("demand.no_phone", "RevealPhone_NoPhone", null, typeof(DemandStrings), 409);
        workflow.RecordNote(d, "demand.phone_revealed", reason);
        await db.SaveChangesAsync(ct);
        return new PhoneRevealed(phone);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/demands/{id:guid}/reveal-phone", async (Guid id, RevealPhoneInput input, RevealPhone handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .WithTags("Demands").WithSummary("The full contact phone, with a reason (at least 2 characters); needs the reveal-personal-data permission in the demand's area; audited");
}
