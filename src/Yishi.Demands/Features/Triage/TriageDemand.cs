using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Demands.Features.Settings;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Demands.Features.Triage;

public enum TriageRoute
{
    /// <summary>马上办: handled now; <c>Reply</c> records what was done.</summary>
    OnSpot,
    /// <summary>负责办: a person and/or department is responsible, with a deadline.</summary>
    Assign,
    /// <summary>私事: the resident is guided; <c>Reply</c> is the guidance.</summary>
    Guide,
    /// <summary>Needs a collective decision: sent to deliberation.</summary>
    Deliberate,
}

public sealed record TriageDemandInput(
    Ownership? Ownership, bool Urgent, ContentCategory? ContentCategory, MustDeliberateCategory? MustDeliberate,
    TriageRoute? Route, [property: MaxLength(Demand.ReplyMaxLength)] string? Reply, Guid? AssigneeUserId, Guid? UnitId, [property: MaxLength(1000)] string? Note, int Version,
    [property: MaxLength(1000)] string? MustDeliberateChangeReason = null);

/// <summary>
/// 三事分流 and the first decision on how to handle it, by whoever acts for the demand's current rung.
/// Removing or changing a must-deliberate category already recorded is the community secretary's decision, with a reason.
/// </summary>
public sealed class TriageDemand(YishiDbContext db, DemandAccess access, DemandWorkflow workflow, AccessScope scope, AuditTrail audit)
{
    public async Task<DemandView> HandleAsync(Guid id, TriageDemandInput input, CancellationToken ct = default)
    {
        var ownership = input.Ownership is { } o && Enum.IsDefined(o) ? o : throw new InputInvalid("Ownership", "Demand_OwnershipRequired", typeof(DemandStrings));
        if (input.ContentCategory is { } c && !Enum.IsDefined(c)) throw new InputInvalid("ContentCategory", "Demand_CategoryUnknown", typeof(DemandStrings));
        if (input.MustDeliberate is { } m && !Enum.IsDefined(m)) throw new InputInvalid("MustDeliberate", "Demand_CategoryUnknown", typeof(DemandStrings));
        var route = input.Route is { } r && Enum.IsDefined(r) ? r : throw new InputInvalid("Route", "Demand_RouteRequired", typeof(DemandStrings));
        var d = await access.LoadForActionAsync(id, ct);
        Concurrency.Expect(d, input.Version);
        string? changeReason = null;
        var previousMustDeliberate = d.MustDeliberate;
        if (d.ChangesMustDeliberate(input.MustDeliberate))
        {
            if (!await scope.CanAsync(DemandRoles.LevelPath(d.AreaPath, HandlingLevel.Community), DemandRoles.CanExempt, ct))
                throw new RuleViolation("demand.must_deliberate_change_forbidden", "Demand_MustDeliberateChangeForbidden", "MustDeliberate", typeof(DemandRuleStrings), 403);
            changeReason = Check.OptionalText(input.MustDeliberateChangeReason, "MustDeliberateChangeReason", 1000);
            if (changeReason is not { Length: >= 4 })
                throw new InputInvalid("MustDeliberateChangeReason", "Demand_MustDeliberateChangeReasonRequired", typeof(DemandRuleStrings));
        }
        d.Classify(ownership, input.Urgent, input.ContentCategory, input.MustDeliberate, changeReason);
        if (changeReason is not null)
            audit.Record(d.DistrictId, "demand.must_deliberate_changed", "demand", d.Id,
                from: previousMustDeliberate?.ToString(), to: input.MustDeliberate?.ToString() ?? "none", note: changeReason);
        var classification = $"{ownership}/{input.ContentCategory}/{input.MustDeliberate}{(input.Urgent ? "/urgent" : "")}";
        DemandChange change;
        switch (route)
        {
            case TriageRoute.OnSpot:
                change = d.HandleOnSpot(Check.RequiredText(input.Reply, "Reply", Demand.ReplyMaxLength), workflow.Now);
                await workflow.NotifyReporterAsync(d, DemandWorkflow.Text("Notify_Handled", d.TrackingCode), ct);
                break;
            case TriageRoute.Assign:
                if (input.UnitId is { } unitId) await UnitRules.RequireActiveAsync(db, unitId, ct);
                if (input.AssigneeUserId is { } assignee && !await db.Users.AnyAsync(u => u.Id == assignee && u.DistrictId == d.DistrictId && u.DeactivatedAt == null, ct))
                    throw new InputInvalid("AssigneeUserId", "Demand_AssigneeUnknown", typeof(DemandStrings));
                change = d.Assign(input.AssigneeUserId, input.UnitId, await workflow.ResolveDueAsync(d, ct), workflow.Now, Check.OptionalText(input.Note, "Note", 1000));
                break;
            case TriageRoute.Guide:
                change = d.Guide(Check.RequiredText(input.Reply, "Reply", Demand.ReplyMaxLength), await workflow.ResolveDueAsync(d, ct), workflow.Now);
                await workflow.NotifyReporterAsync(d, DemandWorkflow.Text("Notify_Guided", d.TrackingCode), ct);
                break;
            default:
                change = d.SendToDeliberation(Check.RequiredText(input.Note, "Note", 1000), workflow.Now);
                break;
        }
        workflow.Record(d, change, classification);
        await workflow.CommitAsync(ct);
        return DemandView.From(d);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/demands/{id:guid}/triage", async (Guid id, TriageDemandInput input, TriageDemand handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .WithTags("Demands").WithSummary("Triage (ownership, urgency, categories) and route: on the spot, responsible unit, guidance or deliberation");
}
