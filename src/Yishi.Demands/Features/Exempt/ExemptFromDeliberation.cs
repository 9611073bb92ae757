using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Demands.Features.Exempt;

public sealed record ExemptFromDeliberationInput([property: Required, MaxLength(1000)] string? Reason, int Version);

/// <summary>
/// 十必议: a demand in a must-deliberate category may be closed as handled only after a resolution, or after the
/// community secretary records why it needs none (an individual repair, an emergency already dealt with…).
/// </summary>
public sealed class ExemptFromDeliberation(DemandAccess access, AccessScope scope, DemandWorkflow workflow)
{
    public async Task<DemandView> HandleAsync(Guid id, ExemptFromDeliberationInput input, CancellationToken ct = default)
    {
        var reason = Check.RequiredText(input.Reason, "Reason", 1000);
        if (reason.Length < 4) throw new InputInvalid("Reason", "Demand_ExemptReasonTooShort", typeof(DemandStrings));
        var d = await access.LoadForViewAsync(id, ct);
        if (!await scope.CanAsync(DemandRoles.LevelPath(d.AreaPath, HandlingLevel.Community), DemandRoles.CanExempt, ct)) throw new Forbidden();
        // A member of a common issue may be exempted too: its lead's handling waits for it (十必议 holds for every member).
        Concurrency.Expect(d, input.Version);
        var change = d.ExemptFromDeliberation(reason, workflow.Now);
        workflow.Record(d, change);
        await workflow.CommitAsync(ct);
        return DemandView.From(d);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/demands/{id:guid}/exempt-from-deliberation", async (Guid id, ExemptFromDeliberationInput input, ExemptFromDeliberation handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .WithTags("Demands")
            .WithSummary("十必议: the community secretary records why a must-deliberate demand may be handled without a resolution")
            .WithDescription("Until a resolution is recorded or this exemption is given, handling a demand that has a must-deliberate category is refused with 409 `demand.must_deliberate`.");
}
