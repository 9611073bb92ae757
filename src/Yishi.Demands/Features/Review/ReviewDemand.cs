using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Features.Review;

public sealed record ReviewDemandInput(bool MetExpectations, bool ResidentsSatisfied, [property: Required, MaxLength(1000)] string? Note, int Version);

public sealed record CloseDemandInput([property: Required, MaxLength(1000)] string? Reason, int Version);

/// <summary>回头议 by the council (or the community secretary), then 销号; closing without review needs a recorded reason.</summary>
public sealed class ReviewDemand(DemandAccess access, DemandWorkflow workflow)
{
    /// <summary>The review's outcome as the record states it (records are kept in Chinese, like the paper ledger).</summary>
    internal static string ReviewNote(bool met, bool satisfied) => $"{(met ? "达到预期" : "未达预期")}，{(satisfied ? "群众满意" : "群众不满意")}";

    public async Task<DemandView> ReviewAsync(Guid id, ReviewDemandInput input, CancellationToken ct = default)
    {
        var note = Check.RequiredText(input.Note, "Note", 1000);
        var d = await access.LoadForReviewAsync(id, ct);
        Concurrency.Expect(d, input.Version);
        var change = d.Review(input.MetExpectations, input.ResidentsSatisfied, note, workflow.Now, await workflow.ResolveDueAsync(d, ct));
        workflow.Record(d, change, ReviewNote(input.MetExpectations, input.ResidentsSatisfied));
        await workflow.NotifyReporterAsync(d, DemandWorkflow.Text(d.Status == DemandStatus.Closed ? "Notify_ReviewClosed" : "Notify_ReviewReopenedReporter", d.TrackingCode), ct);
        if (d.Status != DemandStatus.Closed) await workflow.NotifyLevelAsync(d, DemandWorkflow.Text("Notify_ReviewReopened", d.TrackingCode), ct);
        await workflow.CommitAsync(ct);
        return DemandView.From(d);
    }

    public async Task<DemandView> CloseAsync(Guid id, CloseDemandInput input, CancellationToken ct = default)
    {
        var reason = Check.RequiredText(input.Reason, "Reason", 1000);
        if (reason.Length < 4) throw new InputInvalid("Reason", "Demand_CloseReasonTooShort", typeof(DemandStrings));
        var d = await access.LoadForReviewAsync(id, ct);
        Concurrency.Expect(d, input.Version);
        var change = d.CloseWithoutReview(reason, workflow.Now);
        workflow.Record(d, change);
        await workflow.CommitAsync(ct);
        return DemandView.From(d);
    }

    internal static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/demands/{id:guid}/review", async (Guid id, ReviewDemandInput input, ReviewDemand handler, CancellationToken ct)
                => TypedResults.Ok(await handler.ReviewAsync(id, input, ct)))
            .WithTags("Demands").WithSummary("Follow-up review (回头议): passed closes the demand, failed reopens it");
        api.MapPost("/demands/{id:guid}/close", async (Guid id, CloseDemandInput input, ReviewDemand handler, CancellationToken ct)
                => TypedResults.Ok(await handler.CloseAsync(id, input, ct)))
            .WithTags("Demands").WithSummary("Close (销号) a handled demand without review, with a recorded reason");
    }
}
