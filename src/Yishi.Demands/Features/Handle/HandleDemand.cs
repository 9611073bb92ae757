using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Features.Handle;

public sealed record HandleDemandInput([property: Required, MaxLength(Demand.ReplyMaxLength)] string? Reply, int Version);

public sealed record ConvertDemandInput(Ownership? Ownership, [property: Required, MaxLength(1000)] string? Reason, int Version);

public sealed record DismissDemandInput([property: Required, MaxLength(1000)] string? Reason, int Version);

/// <summary>The responsible level records the result; a guided private matter can be converted to public ownership; non-demands are dismissed.</summary>
public sealed class HandleDemand(DemandAccess access, DemandWorkflow workflow)
{
    public async Task<DemandView> HandleAsync(Guid id, HandleDemandInput input, CancellationToken ct = default)
    {
        var reply = Check.RequiredText(input.Reply, "Reply", Demand.ReplyMaxLength);
        var d = await access.LoadForActionAsync(id, ct);
        Concurrency.Expect(d, input.Version);
        var change = d.Handle(reply, workflow.Now);
        workflow.Record(d, change);
        await workflow.NotifyReporterAsync(d, DemandWorkflow.Text("Notify_Handled", d.TrackingCode), ct);
        await workflow.CommitAsync(ct);
        return DemandView.From(d);
    }

    public async Task<DemandView> ConvertAsync(Guid id, ConvertDemandInput input, CancellationToken ct = default)
    {
        var ownership = input.Ownership is { } o && Enum.IsDefined(o) ? o : throw new InputInvalid("Ownership", "Demand_OwnershipRequired", typeof(DemandStrings));
        var reason = Check.RequiredText(input.Reason, "Reason", 1000);
        var d = await access.LoadForActionAsync(id, ct);
        Concurrency.Expect(d, input.Version);
        var change = d.Convert(ownership, reason, workflow.Now, workflow.Now);
        d.AcknowledgeDueAt = await workflow.AcknowledgeDueAsync(d, ct);
        workflow.Record(d, change, ownership.ToString());
        await workflow.CommitAsync(ct);
        return DemandView.From(d);
    }

    public async Task<DemandView> DismissAsync(Guid id, DismissDemandInput input, CancellationToken ct = default)
    {
        var reason = Check.RequiredText(input.Reason, "Reason", 1000);
        var d = await access.LoadForActionAsync(id, ct);
        Concurrency.Expect(d, input.Version);
        var change = d.Dismiss(reason, workflow.Now);
        workflow.Record(d, change);
        await workflow.CommitAsync(ct);
        return DemandView.From(d);
    }

    internal static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/demands/{id:guid}/handle", async (Guid id, HandleDemandInput input, HandleDemand handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .WithTags("Demands").WithSummary("Record the result of handling; the resident is asked to rate it");
        api.MapPost("/demands/{id:guid}/convert", async (Guid id, ConvertDemandInput input, HandleDemand handler, CancellationToken ct)
                => TypedResults.Ok(await handler.ConvertAsync(id, input, ct)))
            .WithTags("Demands").WithSummary("A guided private matter becomes a community or government matter (the resident is still in difficulty)");
        api.MapPost("/demands/{id:guid}/dismiss", async (Guid id, DismissDemandInput input, HandleDemand handler, CancellationToken ct)
                => TypedResults.Ok(await handler.DismissAsync(id, input, ct)))
            .WithTags("Demands").WithSummary("Close a submission that is not a demand (spam, filed twice) with a reason");
    }
}
