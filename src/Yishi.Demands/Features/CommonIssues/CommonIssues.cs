using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Features.CommonIssues;

public sealed record MergeInput([property: Required, MaxLength(CommonIssue.TitleMaxLength)] string? Title, Guid LeadDemandId, IReadOnlyList<Guid>? DemandIds);

public sealed record CommonIssueMember(Guid Id, string TrackingCode, string Description, DemandStatus Status, bool Lead);

public sealed record CommonIssueView(Guid Id, string Title, Guid LeadDemandId, DateTime CreatedAt, IReadOnlyList<CommonIssueMember> Members);

/// <summary>
/// 共性问题: demands of one community that are one problem are merged under a lead demand. The lead is
/// handled as usual; members follow it (see <see cref="DemandWorkflow.CommitAsync"/>) and every reporter
/// is kept informed. Whoever acts for the lead's current rung may merge.
/// </summary>
public sealed class CommonIssues(YishiDbContext db, DemandAccess access, DemandWorkflow workflow, AuditTrail audit, RequestContext request)
{
    public async Task<CommonIssueView> MergeAsync(MergeInput input, CancellationToken ct = default)
    {
        var title = Check.RequiredText(input.Title, "Title", CommonIssue.TitleMaxLength);
        var ids = (input.DemandIds ?? []).Where(id => id != input.LeadDemandId).Distinct().ToList();
        if (ids.Count == 0) throw new InputInvalid("DemandIds", "CommonIssue_NeedsTwo", typeof(DemandStrings));
        var lead = await access.LoadForActionAsync(input.LeadDemandId, ct);
        if (!lead.IsOpen) throw new RuleViolation("demand.closed", "Demand_Closed", "LeadDemandId", typeof(DemandStrings), 409);
        var community = DemandRoles.LevelPath(lead.AreaPath, HandlingLevel.Community);
        var members = new List<Demand>();
        foreach (var id in ids)
        {
            var m = await access.LoadForViewAsync(id, ct);
            if (DemandRoles.LevelPath(m.AreaPath, HandlingLevel.Community) != community)
                throw new RuleViolation("common_issue.other_community", "CommonIssue_OtherCommunity", "DemandIds", typeof(DemandStrings), 422);
            members.Add(m);
        }
        var issue = lead.CommonIssueId is { } existing
            ? await db.Set<CommonIssue>().FirstAsync(c => c.Id == existing, ct)
            : new CommonIssue(lead.DistrictId, lead.AreaId, lead.AreaPath, title, lead.Id, workflow.Now, request.UserId);
        if (lead.CommonIssueId is null)
        {
            db.Add(issue);
            lead.JoinCommonIssue(issue.Id);
            audit.Record(lead.DistrictId, "demand.merged", "demand", lead.Id, to: issue.Id.ToString(), note: $"牵头：{title}");
        }
        foreach (var m in members)
        {
            m.JoinCommonIssue(issue.Id);
            audit.Record(m.DistrictId, "demand.merged", "demand", m.Id, to: issue.Id.ToString(), note: $"并入 {lead.TrackingCode}：{title}");
            await workflow.NotifyReporterAsync(m, DemandWorkflow.Text("Notify_Merged", m.TrackingCode), ct);
        }
        // A lead that is already handled passes its result on at once.
        workflow.Touch(lead);
        await workflow.CommitAsync(ct);
        return await ViewAsync(issue.Id, ct);
    }

    public async Task<CommonIssueView> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var issue = await db.Set<CommonIssue>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFound("common_issue");
        await access.LoadForViewAsync(issue.LeadDemandId, ct);
        var members = await db.Set<Demand>().AsNoTracking().Where(d => d.CommonIssueId == id).OrderBy(d => d.CreatedAt)
            .Select(d => new CommonIssueMember(d.Id, d.TrackingCode, d.Description, d.Status, d.Id == issue.LeadDemandId)).ToListAsync(ct);
        return new CommonIssueView(issue.Id, issue.Title, issue.LeadDemandId, issue.CreatedAt, members);
    }

    internal static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/common-issues", async (MergeInput input, CommonIssues handler, CancellationToken ct) =>
            {
                var view = await handler.MergeAsync(input, ct);
                return TypedResults.Created($"/api/v1/common-issues/{view.Id}", view);
            })
            .WithTags("Demands").WithSummary("Merge demands of one community into a common issue handled once through a lead demand");
        api.MapGet("/common-issues/{id:guid}", async (Guid id, CommonIssues handler, CancellationToken ct) => TypedResults.Ok(await handler.ViewAsync(id, ct)))
            .WithTags("Demands").WithSummary("A common issue with its lead and member demands");
    }
}
