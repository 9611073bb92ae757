using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Deliberation.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Deliberation.Features.FollowThrough;

public sealed record PublicMeeting(Guid Id, string Number, string Council, MeetingKind Kind, MeetingForm Form, string? Place, DateTime StartsAt,
    IReadOnlyList<string> Agenda);
public sealed record PublicTask(string Title, string Owner, DateOnly DueOn, int ProgressPercent, long BudgetFen, long SpentFen, bool Done, bool Overdue);
public sealed record PublicResolution(Guid Id, string Number, string Council, string Title, string Text, DateTime DecidedAt, int MembersTotal, int Present,
    int For, int Against, int Abstain, ResolutionStatus Status, DateTime? NoticeEndsAt, TopicStage TopicStage, IReadOnlyList<PublicTask> Tasks,
    bool? ReviewPassed, string? ReviewNote);
public sealed record PublicDeliberationView(Guid AreaId, string AreaName, IReadOnlyList<PublicMeeting> Upcoming,
    IReadOnlyList<PublicResolution> UnderNotice, IReadOnlyList<PublicResolution> Implementing, IReadOnlyList<PublicResolution> Closed,
    IReadOnlyList<PublicMeeting> Held);

/// <summary>
/// The public portal's view of a community's deliberation: upcoming meetings with published agendas, resolutions
/// under notice, implementation progress and closed topics with their follow-up review. No personal data: owners'
/// names are masked, objections and comments are not shown, members are not listed.
/// </summary>
public sealed class PublicDeliberation(YishiDbContext db, TimeProvider clock)
{
    public async Task<PublicDeliberationView> ForAreaAsync(Guid areaId, CancellationToken ct = default)
    {
        var area = await db.Areas.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == areaId && a.RetiredAt == null, ct);
        if (area is null || area.Level < AreaLevel.Community) throw new NotFound("area");
        var district = area.DistrictId;
        var path = area.Path;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);

        var councils = await db.Set<Council>().IgnoreQueryFilters().AsNoTracking().Where(c => c.DistrictId == district && c.AreaPath.StartsWith(path))
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var councilIds = councils.Keys.ToList();

        var meetings = await db.Set<Meeting>().IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.DistrictId == district && councilIds.Contains(m.CouncilId) && m.StartsAt >= now && m.StartsAt <= now.AddDays(21)
                && (m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.AgendaPublished))
            .OrderBy(m => m.StartsAt).Take(12).ToListAsync(ct);
        // A meeting that was opened is held (or being held), whatever day it had been announced for: never "upcoming".
        var held = await db.Set<Meeting>().IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.DistrictId == district && councilIds.Contains(m.CouncilId) && m.OpenedAt != null && m.OpenedAt >= now.AddDays(-21)
                && (m.Status == MeetingStatus.InSession || m.Status == MeetingStatus.Adjourned))
            .OrderByDescending(m => m.OpenedAt).Take(12).ToListAsync(ct);
        var meetingIds = meetings.Concat(held).Select(m => m.Id).ToList();
        var agenda = await (from a in db.Set<AgendaItem>().IgnoreQueryFilters()
                            join t in db.Set<Topic>().IgnoreQueryFilters() on a.TopicId equals t.Id
                            where a.DistrictId == district && meetingIds.Contains(a.MeetingId)
                            orderby a.Position
                            select new { a.MeetingId, t.Title }).ToListAsync(ct);
        var upcoming = meetings.Select(m => new PublicMeeting(m.Id, m.Number, councils[m.CouncilId], m.Kind, m.Form, m.Place, m.StartsAt,
            m.AgendaPublishedAt is null ? [] : agenda.Where(a => a.MeetingId == m.Id).Select(a => a.Title).ToList())).ToList();
        var heldMeetings = held.Select(m => new PublicMeeting(m.Id, m.Number, councils[m.CouncilId], m.Kind, m.Form, m.Place, m.OpenedAt!.Value,
            agenda.Where(a => a.MeetingId == m.Id).Select(a => a.Title).ToList())).ToList();

        var resolutions = await db.Set<Resolution>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.DistrictId == district && r.AreaPath.StartsWith(path) && r.Passed
                && (r.Status == ResolutionStatus.UnderNotice || r.Status == ResolutionStatus.Effective))
            .OrderByDescending(r => r.DecidedAt).Take(60).ToListAsync(ct);
        // The issuer is the resolution's own council: a topic raised from a demand sits in a group (村民小组) while
        // the council that decided it belongs to the community above, so it is not among the councils found by path.
        var missingCouncils = resolutions.Select(r => r.CouncilId).Where(id => !councils.ContainsKey(id)).Distinct().ToList();
        if (missingCouncils.Count > 0)
        {
            foreach (var c in await db.Set<Council>().IgnoreQueryFilters().AsNoTracking()
                         .Where(c => c.DistrictId == district && missingCouncils.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
                councils[c.Id] = c.Name;
        }
        var topicIds = resolutions.Select(r => r.TopicId).ToList();
        var stages = await db.Set<Topic>().IgnoreQueryFilters().AsNoTracking().Where(t => t.DistrictId == district && topicIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Stage, ct);
        var tasks = (await db.Set<ImplementationTask>().IgnoreQueryFilters().AsNoTracking().Where(t => t.DistrictId == district && topicIds.Contains(t.TopicId))
            .OrderBy(t => t.DueOn).ToListAsync(ct)).ToLookup(t => t.TopicId);
        var reviews = (await db.Set<FollowUpReview>().IgnoreQueryFilters().AsNoTracking().Where(f => f.DistrictId == district && topicIds.Contains(f.TopicId))
            .ToListAsync(ct)).GroupBy(f => f.TopicId).ToDictionary(g => g.Key, g => g.OrderBy(f => f.ReviewedAt).Last());

        PublicResolution Map(Resolution r)
        {
            var review = reviews.GetValueOrDefault(r.TopicId);
            return new PublicResolution(r.Id, r.Number, councils.GetValueOrDefault(r.CouncilId, ""), r.Title, r.Text, r.DecidedAt, r.MembersTotal, r.Present,
                r.For, r.Against, r.Abstain, r.Status, r.NoticeEndsAt, stages.GetValueOrDefault(r.TopicId),
                tasks[r.TopicId].Select(t => new PublicTask(t.Title, PersonalData.MaskName(t.OwnerName), t.DueOn, t.ProgressPercent, t.BudgetFen, t.SpentFen,
                    t.Status == ImplementationTaskStatus.Done, t.IsOverdue(today))).ToList(),
                review is null ? null : review.MetExpectations && review.ResidentsSatisfied, review?.Note);
        }

        var mapped = resolutions.Select(Map).ToList();
        return new PublicDeliberationView(area.Id, area.Name, upcoming,
            mapped.Where(r => r.Status == ResolutionStatus.UnderNotice).ToList(),
            mapped.Where(r => r.Status == ResolutionStatus.Effective && r.TopicStage is TopicStage.Implementation or TopicStage.FollowUp).ToList(),
            mapped.Where(r => r.Status == ResolutionStatus.Effective && r.TopicStage == TopicStage.Closed).Take(20).ToList(),
            heldMeetings);
    }

    public async Task<PublicResolution> ResolutionAsync(Guid id, CancellationToken ct = default)
    {
        var r = await db.Set<Resolution>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Passed, ct) ?? throw new NotFound("resolution");
        var view = await ForAreaAsync(r.AreaId, ct);
        return view.UnderNotice.Concat(view.Implementing).Concat(view.Closed).FirstOrDefault(x => x.Id == id)
            ?? throw new NotFound("resolution");
    }

    internal static void Map(RouteGroupBuilder publicApi)
    {
        publicApi.MapGet("/public/deliberation/areas/{areaId:guid}", async (Guid areaId, PublicDeliberation h, CancellationToken ct) => TypedResults.Ok(await h.ForAreaAsync(areaId, ct)))
            .WithTags("Deliberation").WithSummary("Public portal: upcoming meetings and agendas, resolutions under notice, implementation progress, closed topics (no personal data)");
        publicApi.MapGet("/public/deliberation/resolutions/{id:guid}", async (Guid id, PublicDeliberation h, CancellationToken ct) => TypedResults.Ok(await h.ResolutionAsync(id, ct)))
            .WithTags("Deliberation").WithSummary("Public portal: one passed resolution with its notice period and implementation progress");
    }
}
