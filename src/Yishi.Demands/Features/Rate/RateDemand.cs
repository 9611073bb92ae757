using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Demands.Features.Track;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Features.Rate;

public sealed record RateDemandInput(Satisfaction? Satisfaction, [property: MaxLength(1000)] string? Comment);

/// <summary>
/// The resident rates the handling within the district's window. The full tracking code (with its
/// random part) is the resident's key, so anonymous reporters can rate too. Dissatisfied reopens the
/// demand to the same handler with the comment.
/// </summary>
public sealed class RateDemand(YishiDbContext db, TrackDemand track, DemandWorkflow workflow, RequestContext request)
{
    public async Task<DemandProgress> HandleAsync(string code, RateDemandInput input, CancellationToken ct = default)
    {
        var satisfaction = input.Satisfaction is { } s && Enum.IsDefined(s) ? s : throw new InputInvalid("Satisfaction", "Demand_SatisfactionRequired", typeof(DemandStrings));
        var comment = Check.OptionalText(input.Comment, "Comment", 1000);
        var d = await track.FindAsync(code, ct);
        if (request.DistrictId is null) request.SetDistrictOnly(d.DistrictId);
        var settings = await workflow.SettingsAsync(d.DistrictId, ct);
        var isMember = d.CommonIssueId is { } issue
            && !await db.Set<CommonIssue>().IgnoreQueryFilters().AnyAsync(c => c.Id == issue && c.LeadDemandId == d.Id, ct);
        var change = d.Rate(satisfaction, comment, workflow.Now, TimeSpan.FromDays(settings.RatingWindowDays), await workflow.ResolveDueAsync(d, ct));
        if (isMember && satisfaction == Satisfaction.Dissatisfied) d.LeaveCommonIssue(); // handled on its own from now on
        workflow.Record(d, change, satisfaction.ToString());
        if (satisfaction == Satisfaction.Dissatisfied)
            await workflow.NotifyLevelAsync(d, DemandWorkflow.Text("Notify_Dissatisfied", d.TrackingCode), ct);
        await workflow.CommitAsync(ct);
        return await track.HandleAsync(code, ct);
    }

    internal static void Map(RouteGroupBuilder publicApi) =>
        publicApi.MapPost("/demands/track/{code}/rating", async (string code, RateDemandInput input, RateDemand handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(code, input, ct)))
            .WithTags("Demands").WithSummary("Rate a handled demand: satisfied, basically satisfied, dissatisfied (reopens it; needs a comment)");
}
