using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Demands.Features.Settings;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Features.Escalate;

public sealed record EscalateDemandInput([property: Required, MaxLength(1000)] string? Reason, Guid? UnitId, int Version);

public sealed record ReferDemandInput(Guid? UnitId, [property: Required, MaxLength(1000)] string? Reason, int Version);

/// <summary>Up the ladder council → community → street → department (a department must be named at the top), or sideways between departments.</summary>
public sealed class EscalateDemand(YishiDbContext db, DemandAccess access, DemandWorkflow workflow)
{
    public async Task<DemandView> EscalateAsync(Guid id, EscalateDemandInput input, CancellationToken ct = default)
    {
        var reason = Check.RequiredText(input.Reason, "Reason", 1000);
        var d = await access.LoadForActionAsync(id, ct);
        Concurrency.Expect(d, input.Version);
        if (input.UnitId is { } unit) await RequireUnitAsync(unit, ct);
        var from = d.Level;
        var change = d.Escalate(reason, input.UnitId, await workflow.AcknowledgeDueAsync(d, ct), workflow.Now);
        workflow.Record(d, change, $"{from}→{d.Level}");
        await workflow.NotifyLevelAsync(d, DemandWorkflow.Text("Notify_EscalatedHere", d.TrackingCode), ct);
        await workflow.NotifyReporterOfLevelAsync(d, ct);
        await workflow.CommitAsync(ct);
        return DemandView.From(d);
    }

    public async Task<DemandView> ReferAsync(Guid id, ReferDemandInput input, CancellationToken ct = default)
    {
        var unitId = input.UnitId ?? throw new InputInvalid("UnitId", "Demand_DepartmentRequired", typeof(DemandStrings));
        var reason = Check.RequiredText(input.Reason, "Reason", 1000);
        var d = await access.LoadForActionAsync(id, ct);
        Concurrency.Expect(d, input.Version);
        await RequireUnitAsync(unitId, ct);
        var change = d.Refer(unitId, reason, await workflow.AcknowledgeDueAsync(d, ct), workflow.Now);
        workflow.Record(d, change);
        await workflow.NotifyLevelAsync(d, DemandWorkflow.Text("Notify_TransferredHere", d.TrackingCode), ct);
        await workflow.CommitAsync(ct);
        return DemandView.From(d);
    }

    private Task RequireUnitAsync(Guid unitId, CancellationToken ct) => UnitRules.RequireActiveAsync(db, unitId, ct);

    internal static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/demands/{id:guid}/escalate", async (Guid id, EscalateDemandInput input, EscalateDemand handler, CancellationToken ct)
                => TypedResults.Ok(await handler.EscalateAsync(id, input, ct)))
            .WithTags("Demands").WithSummary("Escalate one rung up the ladder, with a reason (name the department when escalating from the street)");
        api.MapPost("/demands/{id:guid}/refer", async (Guid id, ReferDemandInput input, EscalateDemand handler, CancellationToken ct)
                => TypedResults.Ok(await handler.ReferAsync(id, input, ct)))
            .WithTags("Demands").WithSummary("A department refers the demand sideways to the right department");
    }
}
