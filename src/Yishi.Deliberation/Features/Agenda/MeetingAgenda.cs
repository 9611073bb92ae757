using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Deliberation.Domain;
using Yishi.Deliberation.Features.Access;
using Yishi.Deliberation.Features.Schedule;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;
using Yishi.Platform.Rules;

namespace Yishi.Deliberation.Features.Agenda;

public sealed record PlaceOnAgendaInput(Guid? TopicId, [property: MaxLength(Topic.ReasonMaxLength)] string? Note);

public sealed record PublishAgendaInput(int Version);

public sealed record AgendaCandidate(Guid TopicId, string Title, bool VitalInterest, bool Urgent);

/// <summary>
/// Puts topics under review on a meeting's agenda (vital interests anywhere for discussion, decided only by a council that decides them; urgent topics on
/// emergency meetings, the council's topic limit) and publishes the agenda in time (AgendaLeadDays before a regular meeting).
/// </summary>
public sealed class MeetingAgenda(YishiDbContext db, DeliberationAccess access, Notifier notifier)
{
    public async Task<MeetingView> PlaceAsync(Guid meetingId, PlaceOnAgendaInput input, CancellationToken ct = default)
    {
        var topicId = input.TopicId ?? throw new InputInvalid("TopicId", "Field_Required");
        var (m, c) = await access.MeetingForOfficerAsync(meetingId, ct);
        var t = await db.Set<Topic>().FirstOrDefaultAsync(x => x.Id == topicId, ct) ?? throw new NotFound("topic");
        var topicCouncil = await db.Set<Council>().FirstAsync(x => x.Id == t.CouncilId, ct);
        if (!await access.CanViewAsync(topicCouncil, ct)) throw new NotFound("topic");
        var items = await db.Set<AgendaItem>().CountAsync(a => a.MeetingId == m.Id, ct);
        if (await db.Set<AgendaItem>().AnyAsync(a => a.MeetingId == m.Id && a.TopicId == t.Id, ct))
            throw new RuleViolation("agenda.already_on", "Agenda_AlreadyOn", "TopicId", typeof(DeliberationStrings));
        var note = Check.OptionalText(input.Note, "Note", Topic.ReasonMaxLength);
        c.RequireRoomOnAgenda(items);
        var change = t.PlaceOnAgenda(c, m, note ?? m.Number, access.Now);
        db.Add(new AgendaItem(m.DistrictId, m.Id, t.Id, items + 1));
        // Two topics added at once must not both slip under the limit: the meeting's version serialises them.
        db.Entry(m).State = EntityState.Modified;
        access.Record(t, change);
        access.Audit.Record(m.DistrictId, "meeting.agenda_item_added", "meeting", m.Id, to: t.Id.ToString());
        await db.SaveChangesAsync(ct);
        return MeetingView.From(m);
    }

    public async Task<MeetingView> RemoveAsync(Guid meetingId, Guid topicId, CancellationToken ct = default)
    {
        var (m, _) = await access.MeetingForOfficerAsync(meetingId, ct);
        if (!m.IsOpenForAgenda) throw new RuleViolation("topic.meeting_not_open", "Topic_MeetingNotOpen", null, typeof(DeliberationStrings));
        var item = await db.Set<AgendaItem>().FirstOrDefaultAsync(a => a.MeetingId == m.Id && a.TopicId == topicId, ct) ?? throw new NotFound("agenda item");
        var t = await db.Set<Topic>().FirstAsync(x => x.Id == topicId, ct);
        if (t.Stage == TopicStage.Deliberation) access.Record(t, t.SendBack($"移出会议 {m.Number} 议程", access.Now));
        db.Remove(item);
        db.Entry(m).State = EntityState.Modified;
        access.Audit.Record(m.DistrictId, "meeting.agenda_item_removed", "meeting", m.Id, from: topicId.ToString());
        await db.SaveChangesAsync(ct);
        return MeetingView.From(m);
    }

    public async Task<MeetingView> PublishAsync(Guid meetingId, PublishAgendaInput input, CancellationToken ct = default)
    {
        var (m, c) = await access.MeetingForOfficerAsync(meetingId, ct);
        Concurrency.Expect(m, input.Version);
        var items = await db.Set<AgendaItem>().CountAsync(a => a.MeetingId == m.Id, ct);
        m.PublishAgenda(c.AgendaLeadDays, items, access.Now);
        access.Audit.Record(m.DistrictId, "meeting.agenda_published", "meeting", m.Id, MeetingStatus.Scheduled.ToString(), m.Status.ToString());
        var users = await db.Set<CouncilMember>().Where(x => x.CouncilId == c.Id && x.EndedOn == null && x.UserId != null).Select(x => x.UserId!.Value).ToListAsync(ct);
        await notifier.NotifyAsync(m.DistrictId, users, NotificationText.Of<DeliberationStrings>("Notify_AgendaPublished",
            ("council", c.Name), ("meeting", m.Number), ("startsAt", ChinaTime.Format(m.StartsAt))), $"/deliberation/meetings/{m.Id}", ct: ct);
        await db.SaveChangesAsync(ct);
        return MeetingView.From(m);
    }

    /// <summary>Topics under review in the meeting's area that may go on its agenda.</summary>
    public async Task<IReadOnlyList<AgendaCandidate>> CandidatesAsync(Meeting m, Council c, CancellationToken ct = default)
    {
        var on = await db.Set<AgendaItem>().Where(a => a.MeetingId == m.Id).Select(a => a.TopicId).ToListAsync(ct);
        var q = db.Set<Topic>().AsNoTracking().Where(t => t.Stage == TopicStage.Review && t.AreaPath.StartsWith(c.AreaPath) && !on.Contains(t.Id));
        if (m.Kind == MeetingKind.Emergency) q = q.Where(t => t.Urgent);
        return await q.OrderByDescending(t => t.Urgent).ThenBy(t => t.CreatedAt).Take(100)
            .Select(t => new AgendaCandidate(t.Id, t.Title, t.VitalInterest, t.Urgent)).ToListAsync(ct);
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/deliberation/meetings").WithTags("Deliberation");
        g.MapPost("/{id:guid}/agenda", async (Guid id, PlaceOnAgendaInput input, MeetingAgenda h, CancellationToken ct) => TypedResults.Ok(await h.PlaceAsync(id, input, ct)))
            .WithSummary("Put a topic under review on the meeting's agenda (评议 → 审议)");
        g.MapDelete("/{id:guid}/agenda/{topicId:guid}", async (Guid id, Guid topicId, MeetingAgenda h, CancellationToken ct) => TypedResults.Ok(await h.RemoveAsync(id, topicId, ct)))
            .WithSummary("Take a topic off an agenda that has not started; it goes back to review");
        g.MapPost("/{id:guid}/publish-agenda", async (Guid id, PublishAgendaInput input, MeetingAgenda h, CancellationToken ct) => TypedResults.Ok(await h.PublishAsync(id, input, ct)))
            .WithSummary("Publish the agenda (a regular meeting's at least AgendaLeadDays before it starts) and notify the members");
    }
}
