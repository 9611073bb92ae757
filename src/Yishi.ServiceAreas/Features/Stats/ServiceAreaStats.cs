using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.Access;

namespace Yishi.ServiceAreas.Features.Stats;

/// <summary>One service area's figures, in the terms the county reports use (DOMAIN.md §4).</summary>
public sealed record AreaFigures(Guid Id, string Name, string CommunityName, bool HasOrganiser, bool HasSupervisor, int Volunteers,
    int Accompany, int Help, int ActOnBehalf, int ServicesDone, int ServicesRated, int ServicesSatisfied,
    int Activities, int Participations, int MemberParticipations, int ActivityMinutes,
    int HouseholdsVisited, int Suggestions, int SuggestionsAnswered)
{
    public int Services => Accompany + Help + ActOnBehalf;
}

public sealed record ServiceAreaFigures(int ServiceAreas, int OrganisersAndSupervisors, int Teams, int Volunteers,
    int Services, int Accompany, int Help, int ActOnBehalf, int Activities, int Participations, int MemberParticipations,
    int HouseholdsVisited, int Suggestions, int SuggestionsAnswered, IReadOnlyDictionary<ActivityType, int> ActivitiesByType,
    IReadOnlyList<AreaFigures> Areas, DateOnly? From, DateOnly? To);

/// <summary>
/// Figures over the service areas in the caller's scope: areas, organisers/supervisors, teams, volunteers, services by
/// kind, activities and participations, households visited, suggestions collected and answered. Activities, services
/// and visits are counted in [From, To] (local days) when given.
/// Point awards by rule (正负面清单积分) are reported by the points feature, not here.
/// </summary>
public sealed class ServiceAreaStats(YishiDbContext db, AccessScope scope, ServiceAreaAccess access)
{
    public async Task<ServiceAreaFigures> HandleAsync(Guid? communityId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        if (from is { } f && to is { } t && f > t) throw new InputInvalid("To", "Stats_RangeInvalid", typeof(ServiceAreaStrings));
        if (!scope.IsSignedIn) throw new Forbidden();
        var paths = await scope.PathsWhereAsync(ServiceAreaRoles.CanView, ct);
        var mine = await access.MyAreaIdsAsync(ct);
        if (paths.Count == 0 && mine.Count == 0) throw new Forbidden();
        var q = db.Set<ServiceArea>().AsNoTracking().Where(s => s.RetiredAt == null);
        if (communityId is { } c) q = q.Where(s => s.AreaId == c);
        var areas = paths.Count == 0 ? [] : await q.WithinAny(s => s.AreaPath, paths).ToListAsync(ct);
        if (mine.Count > 0) areas.AddRange(await q.Where(s => mine.Contains(s.Id)).ToListAsync(ct));
        areas = [.. areas.DistinctBy(a => a.Id)];
        var ids = areas.Select(a => a.Id).ToList();
        var communityIds = areas.Select(a => a.AreaId).Distinct().ToList();
        var communities = await db.Areas.AsNoTracking().Where(a => communityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        var posts = await db.Set<ServiceAreaPost>().Where(p => ids.Contains(p.ServiceAreaId) && p.EndedOn == null)
            .Select(p => new { p.ServiceAreaId, p.Kind }).ToListAsync(ct);
        var volunteers = await db.Set<TeamMember>().Where(m => ids.Contains(m.ServiceAreaId) && m.EndedOn == null)
            .GroupBy(m => m.ServiceAreaId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var fromUtc = from is { } fd ? DateTime.SpecifyKind(fd.ToDateTime(TimeOnly.MinValue).AddHours(-8), DateTimeKind.Utc) : (DateTime?)null;
        var toUtc = to is { } td ? DateTime.SpecifyKind(td.AddDays(1).ToDateTime(TimeOnly.MinValue).AddHours(-8), DateTimeKind.Utc) : (DateTime?)null;

        var services = db.Set<ResidentService>().Where(s => ids.Contains(s.ServiceAreaId));
        if (fromUtc is { } fu) services = services.Where(s => s.CreatedAt >= fu);
        if (toUtc is { } tu) services = services.Where(s => s.CreatedAt < tu);
        var serviceRows = await services.GroupBy(s => new { s.ServiceAreaId, s.Kind, s.Status, s.Satisfaction })
            .Select(g => new { g.Key.ServiceAreaId, g.Key.Kind, g.Key.Status, g.Key.Satisfaction, Count = g.Count() }).ToListAsync(ct);

        var activities = db.Set<ServiceActivity>().Where(a => ids.Contains(a.ServiceAreaId));
        if (from is { } af) activities = activities.Where(a => a.HeldOn >= af);
        if (to is { } at) activities = activities.Where(a => a.HeldOn <= at);
        var activityRows = await activities.GroupBy(a => new { a.ServiceAreaId, a.Type })
            .Select(g => new { g.Key.ServiceAreaId, g.Key.Type, Count = g.Count(), People = g.Sum(a => a.ParticipantCount), Minutes = g.Sum(a => a.Minutes) }).ToListAsync(ct);
        var memberRows = await (from p in db.Set<ActivityParticipant>()
                                join a in activities on p.ActivityId equals a.Id
                                group p by a.ServiceAreaId into g
                                select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var visits = db.Set<HouseholdVisit>().Where(v => ids.Contains(v.ServiceAreaId));
        if (from is { } vf) visits = visits.Where(v => v.VisitedOn >= vf);
        if (to is { } vt) visits = visits.Where(v => v.VisitedOn <= vt);
        var visited = await visits.Select(v => new { v.ServiceAreaId, v.HouseholdId }).Distinct()
            .GroupBy(v => v.ServiceAreaId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var visitedTotal = await visits.Select(v => v.HouseholdId).Distinct().CountAsync(ct);
        var suggestionRows = await (from s in db.Set<VisitSuggestion>()
                                    join v in visits on s.VisitId equals v.Id
                                    group s by new { s.ServiceAreaId, Answered = s.Answer != null } into g
                                    select new { g.Key.ServiceAreaId, g.Key.Answered, Count = g.Count() }).ToListAsync(ct);

        int Services(Guid id, ServiceKind kind) => serviceRows.Where(r => r.ServiceAreaId == id && r.Kind == kind).Sum(r => r.Count);
        var rows = areas.Select(a => new AreaFigures(a.Id, a.Name, communities.GetValueOrDefault(a.AreaId, ""),
                posts.Any(p => p.ServiceAreaId == a.Id && p.Kind == PostKind.Organiser), posts.Any(p => p.ServiceAreaId == a.Id && p.Kind == PostKind.Supervisor),
                volunteers.GetValueOrDefault(a.Id),
                Services(a.Id, ServiceKind.Accompany), Services(a.Id, ServiceKind.Help), Services(a.Id, ServiceKind.ActOnBehalf),
                serviceRows.Where(r => r.ServiceAreaId == a.Id && r.Status is ServiceRequestStatus.Done or ServiceRequestStatus.Rated).Sum(r => r.Count),
                serviceRows.Where(r => r.ServiceAreaId == a.Id && r.Status == ServiceRequestStatus.Rated).Sum(r => r.Count),
                serviceRows.Where(r => r.ServiceAreaId == a.Id && r.Satisfaction is ServiceSatisfaction.Satisfied or ServiceSatisfaction.BasicallySatisfied).Sum(r => r.Count),
                activityRows.Where(r => r.ServiceAreaId == a.Id).Sum(r => r.Count), activityRows.Where(r => r.ServiceAreaId == a.Id).Sum(r => r.People),
                memberRows.GetValueOrDefault(a.Id), activityRows.Where(r => r.ServiceAreaId == a.Id).Sum(r => r.Minutes),
                visited.GetValueOrDefault(a.Id),
                suggestionRows.Where(r => r.ServiceAreaId == a.Id).Sum(r => r.Count), suggestionRows.Where(r => r.ServiceAreaId == a.Id && r.Answered).Sum(r => r.Count)))
            .OrderBy(r => r.CommunityName, Comparer<string>.Create(Platform.Areas.Features.AreaTree.AreaNameOrder.Compare)).ThenBy(r => r.Name, Comparer<string>.Create(Platform.Areas.Features.AreaTree.AreaNameOrder.Compare)).ToList();

        return new ServiceAreaFigures(rows.Count, posts.Count, rows.Count(r => r.Volunteers > 0 || r.HasOrganiser), rows.Sum(r => r.Volunteers),
            rows.Sum(r => r.Services), rows.Sum(r => r.Accompany), rows.Sum(r => r.Help), rows.Sum(r => r.ActOnBehalf),
            rows.Sum(r => r.Activities), rows.Sum(r => r.Participations), rows.Sum(r => r.MemberParticipations),
            visitedTotal, rows.Sum(r => r.Suggestions), rows.Sum(r => r.SuggestionsAnswered),
            Enum.GetValues<ActivityType>().ToDictionary(t => t, t => activityRows.Where(r => r.Type == t).Sum(r => r.Count)),
            rows, from, to);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/service-areas/stats", async (Guid? communityId, DateOnly? from, DateOnly? to, ServiceAreaStats h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(communityId, from, to, ct)))
            .WithTags("Service areas").WithSummary("Figures of the service areas in scope: areas, organisers/supervisors, teams, volunteers, services by kind, activities, visits, suggestions");
}
