using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Deliberation.Domain;
using Yishi.Deliberation.Features.Access;
using Yishi.Deliberation.Features.Schedule;
using Yishi.Platform.Data;

namespace Yishi.Deliberation.Features.Session;

public sealed record AgendaItemView(Guid TopicId, int Position, string Title, TopicStage Stage, bool VitalInterest, bool Urgent, string? DiscussionNotes,
    int For, int Against, int Abstain, IReadOnlyList<Guid> VotedMemberIds, ResolutionView? Resolution);

public sealed record MemberSeat(Guid MemberId, string Name, MemberPosition Position, bool HasAccount, bool Present, bool ApprovedMinutes);

public sealed record MeetingDetailView(MeetingView Meeting, Guid CouncilId, string CouncilName, CouncilKind CouncilKind, int MembersTotal, int Present,
    int QuorumMinimum, bool Quorate, int AgendaLeadDays, DateTime AgendaDeadline, int? MaxTopics, IReadOnlyList<AgendaItemView> Agenda,
    IReadOnlyList<MemberSeat> Members, string? MinutesText, int MinutesApprovals, bool IsOfficer, Guid? MyMemberId, bool IAmPresent);

public sealed class MeetingDetail(YishiDbContext db, DeliberationAccess access)
{
    public async Task<MeetingDetailView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var (m, c) = await access.MeetingForViewAsync(id, ct);
        return await ViewAsync(m, c, ct);
    }

    public async Task<MeetingDetailView> ViewAsync(Meeting m, Council c, CancellationToken ct = default)
    {
        var items = await db.Set<AgendaItem>().AsNoTracking().Where(a => a.MeetingId == m.Id).OrderBy(a => a.Position).ToListAsync(ct);
        var topicIds = items.Select(a => a.TopicId).ToList();
        var topics = await db.Set<Topic>().AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var votes = await db.Set<Vote>().AsNoTracking().Where(v => v.MeetingId == m.Id).Select(v => new { v.TopicId, v.CouncilMemberId, v.Choice }).ToListAsync(ct);
        var resolutionIds = items.Where(a => a.ResolutionId != null).Select(a => a.ResolutionId!.Value).ToList();
        var resolutions = await db.Set<Resolution>().AsNoTracking().Where(r => resolutionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        // Current members, and anyone who attended even if their membership has ended since.
        var attendance = await db.Set<MeetingAttendance>().AsNoTracking().Where(a => a.MeetingId == m.Id).Select(a => a.CouncilMemberId).ToListAsync(ct);
        var approvals = await db.Set<MinutesApproval>().AsNoTracking().Where(a => a.MeetingId == m.Id).Select(a => a.CouncilMemberId).ToListAsync(ct);
        var members = await db.Set<CouncilMember>().AsNoTracking().Where(x => x.CouncilId == c.Id && (x.EndedOn == null || attendance.Contains(x.Id))).ToListAsync(ct);
        var active = members.Where(x => x.EndedOn == null).Select(x => x.Id).ToHashSet();
        var present = attendance.Count(active.Contains);
        var me = await access.MembershipAsync(c.Id, ct);
        var agenda = items.Select(a =>
        {
            var t = topics[a.TopicId];
            var vs = votes.Where(v => v.TopicId == a.TopicId).ToList();
            return new AgendaItemView(a.TopicId, a.Position, t.Title, t.Stage, t.VitalInterest, t.Urgent, a.DiscussionNotes,
                vs.Count(v => v.Choice == VoteChoice.For), vs.Count(v => v.Choice == VoteChoice.Against), vs.Count(v => v.Choice == VoteChoice.Abstain),
                vs.Select(v => v.CouncilMemberId).ToList(), a.ResolutionId is { } rid && resolutions.TryGetValue(rid, out var r) ? ResolutionView.From(r) : null);
        }).ToList();
        var seats = members.OrderBy(x => x.Position).ThenBy(x => x.StartedOn).ThenBy(x => x.Id)
            .Select(x => new MemberSeat(x.Id, x.DisplayName, x.Position, x.UserId is not null, attendance.Contains(x.Id), approvals.Contains(x.Id))).ToList();
        return new MeetingDetailView(MeetingView.From(m), c.Id, c.Name, c.Kind, active.Count, present, c.Quorum.Minimum(active.Count), c.IsQuorate(active.Count, present),
            c.AgendaLeadDays, m.AgendaDeadline(c.AgendaLeadDays), c.MaxTopicsPerMeeting, agenda, seats, m.MinutesText, approvals.Count,
            await access.IsOfficerAsync(c, ct), me?.Id, me is not null && attendance.Contains(me.Id));
    }

    internal static void Map(RouteGroupBuilder api)
        => api.MapGet("/deliberation/meetings/{id:guid}", async (Guid id, MeetingDetail h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithTags("Deliberation").WithSummary("A meeting with its agenda, votes, resolutions, members present and minutes");
}
