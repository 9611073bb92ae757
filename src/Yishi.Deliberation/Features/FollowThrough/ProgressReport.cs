using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Deliberation.Domain;
using Yishi.Deliberation.Features.Access;
using Yishi.Platform.Data;

namespace Yishi.Deliberation.Features.FollowThrough;

public sealed record ProgressReportTopic(Guid TopicId, string Title, TopicStage Stage, string? ResolutionNumber, int Tasks, int TasksDone, int TasksOverdue,
    int AverageProgress, long BudgetFen, long SpentFen, IReadOnlyList<TaskView> TaskList);
public sealed record ProgressReportView(Guid CouncilId, string CouncilName, DateOnly AsOf, DateTime? NextMeetingAt, string? NextMeetingNumber,
    IReadOnlyList<ProgressReportTopic> Topics, long BudgetFen, long SpentFen, int Overdue);

/// <summary>
/// 月度进展报告: what the representatives meeting hears each month — every resolution of the community still being
/// carried out or awaiting 回头议, with task status, spending against budget and what is overdue. Compiled on request
/// from the records, so it is always current.
/// </summary>
public sealed class ProgressReport(YishiDbContext db, DeliberationAccess access)
{
    public async Task<ProgressReportView> ForCouncilAsync(Guid councilId, CancellationToken ct = default)
    {
        var c = await access.CouncilForViewAsync(councilId, ct);
        var today = access.Today;
        var topics = await db.Set<Topic>().AsNoTracking()
            .Where(t => t.AreaPath.StartsWith(c.AreaPath) && (t.Stage == TopicStage.Implementation || t.Stage == TopicStage.FollowUp))
            .OrderBy(t => t.StageChangedAt).Take(100).ToListAsync(ct);
        var ids = topics.Select(t => t.Id).ToList();
        var tasks = (await db.Set<ImplementationTask>().AsNoTracking().Where(t => ids.Contains(t.TopicId)).OrderBy(t => t.DueOn).ToListAsync(ct)).ToLookup(t => t.TopicId);
        var resolutionIds = topics.Where(t => t.ResolutionId != null).Select(t => t.ResolutionId!.Value).ToList();
        var numbers = await db.Set<Resolution>().AsNoTracking().Where(r => resolutionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Number, ct);
        var rows = topics.Select(t =>
        {
            var list = tasks[t.Id].Select(x => FollowThrough.View(x, today)).ToList();
            return new ProgressReportTopic(t.Id, t.Title, t.Stage, t.ResolutionId is { } rid ? numbers.GetValueOrDefault(rid) : null, list.Count,
                list.Count(x => x.Done), list.Count(x => x.Overdue), list.Count == 0 ? 0 : (int)list.Average(x => x.ProgressPercent),
                list.Sum(x => x.BudgetFen), list.Sum(x => x.SpentFen), list);
        }).ToList();
        var next = await db.Set<Meeting>().AsNoTracking().Where(m => m.CouncilId == c.Id && m.StartsAt > access.Now
                && (m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.AgendaPublished))
            .OrderBy(m => m.StartsAt).Select(m => new { m.StartsAt, m.Number }).FirstOrDefaultAsync(ct);
        return new ProgressReportView(c.Id, c.Name, today, next?.StartsAt, next?.Number, rows, rows.Sum(r => r.BudgetFen), rows.Sum(r => r.SpentFen),
            rows.Sum(r => r.TasksOverdue));
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/deliberation/councils/{id:guid}/progress-report", async (Guid id, ProgressReport h, CancellationToken ct) => TypedResults.Ok(await h.ForCouncilAsync(id, ct)))
            .WithTags("Deliberation").WithSummary("月度进展报告: resolutions being carried out in the council's area, with tasks, spending vs budget and overdue items");
}
