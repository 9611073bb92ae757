using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Deliberation.Domain;
using Yishi.Deliberation.Features.Access;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Deliberation.Features.MyMeetings;

public sealed record MyAgendaTopic(Guid TopicId, string Title, bool Voted, bool Resolved);

public sealed record MyMeeting(Guid MeetingId, string Number, Guid CouncilId, string CouncilName, MeetingKind Kind, MeetingStatus Status, DateTime StartsAt,
    string? Place, bool Present, IReadOnlyList<MyAgendaTopic> Topics);

/// <summary>A member's upcoming meetings (and the one in session), their agendas and the topics still to vote on.</summary>
public sealed class MyMeetings(YishiDbContext db, DeliberationAccess access)
{
    public async Task<IReadOnlyList<MyMeeting>> ListAsync(CancellationToken ct = default)
    {
        var me = access.UserId ?? throw new Forbidden();
        var memberships = await db.Set<CouncilMember>().AsNoTracking().Where(m => m.UserId == me && m.EndedOn == null).Select(m => new { m.Id, m.CouncilId }).ToListAsync(ct);
        if (memberships.Count == 0) return [];
        var councilIds = memberships.Select(m => m.CouncilId).ToList();
        var memberIds = memberships.Select(m => m.Id).ToList();
        var councils = await db.Set<Council>().AsNoTracking().Where(c => councilIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var since = access.Now.AddHours(-12);
        var meetings = await db.Set<Meeting>().AsNoTracking()
            .Where(m => councilIds.Contains(m.CouncilId) && m.Status != MeetingStatus.Cancelled && (m.StartsAt >= since || m.Status == MeetingStatus.InSession))
            .OrderBy(m => m.StartsAt).Take(30).ToListAsync(ct);
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var items = await db.Set<AgendaItem>().AsNoTracking().Where(a => meetingIds.Contains(a.MeetingId)).OrderBy(a => a.Position).ToListAsync(ct);
        var topicIds = items.Select(a => a.TopicId).Distinct().ToList();
        var titles = await db.Set<Topic>().AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Title, ct);
        var myVotes = await db.Set<Vote>().AsNoTracking().Where(v => meetingIds.Contains(v.MeetingId) && memberIds.Contains(v.CouncilMemberId))
            .Select(v => new { v.MeetingId, v.TopicId }).ToListAsync(ct);
        var present = await db.Set<MeetingAttendance>().AsNoTracking().Where(a => meetingIds.Contains(a.MeetingId) && memberIds.Contains(a.CouncilMemberId))
            .Select(a => a.MeetingId).ToListAsync(ct);
        return meetings.Select(m => new MyMeeting(m.Id, m.Number, m.CouncilId, councils[m.CouncilId], m.Kind, m.Status, m.StartsAt, m.Place, present.Contains(m.Id),
            items.Where(a => a.MeetingId == m.Id).Select(a => new MyAgendaTopic(a.TopicId, titles[a.TopicId],
                myVotes.Any(v => v.MeetingId == m.Id && v.TopicId == a.TopicId), a.ResolutionId is not null)).ToList())).ToList();
    }

    internal static void Map(RouteGroupBuilder api)
        => api.MapGet("/deliberation/my-meetings", async (MyMeetings h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)))
            .WithTags("Deliberation").WithSummary("The caller's upcoming meetings as a council member, with agendas and what is left to vote on");
}
