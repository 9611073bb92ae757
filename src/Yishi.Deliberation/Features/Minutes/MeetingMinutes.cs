using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Deliberation.Domain;
using Yishi.Deliberation.Features.Access;
using Yishi.Deliberation.Features.Schedule;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Deliberation.Features.Minutes;

public sealed record MinutesInput([property: Required, MaxLength(Meeting.MinutesMaxLength)] string? Text, int Version);

/// <summary>Minutes: drafted by the secretary after the session; approved once more than half of the members present approved them.</summary>
public sealed class MeetingMinutes(YishiDbContext db, DeliberationAccess access)
{
    public async Task<MeetingView> DraftAsync(Guid id, MinutesInput input, CancellationToken ct = default)
    {
        var text = Check.RequiredText(input.Text, "Text", Meeting.MinutesMaxLength);
        var (m, _) = await access.MeetingForOfficerAsync(id, ct);
        Concurrency.Expect(m, input.Version);
        m.DraftMinutes(text, access.Now);
        // A changed draft is approved afresh.
        db.RemoveRange(await db.Set<MinutesApproval>().Where(a => a.MeetingId == m.Id).ToListAsync(ct));
        access.Audit.Record(m.DistrictId, "meeting.minutes_drafted", "meeting", m.Id);
        await db.SaveChangesAsync(ct);
        return MeetingView.From(m);
    }

    public async Task<MeetingView> ApproveAsync(Guid id, CancellationToken ct = default)
    {
        var (m, c) = await access.MeetingForViewAsync(id, ct);
        var member = await access.MembershipAsync(c.Id, ct) ?? throw new Forbidden();
        if (!await db.Set<MeetingAttendance>().AnyAsync(a => a.MeetingId == m.Id && a.CouncilMemberId == member.Id, ct))
            throw new RuleViolation("minutes.not_present", "Minutes_NotPresent", null, typeof(DeliberationStrings));
        if (m.MinutesStatus != MinutesStatus.Draft) throw new RuleViolation("meeting.minutes_not_draft", "Meeting_MinutesNotDraft", null, typeof(DeliberationStrings));
        if (await db.Set<MinutesApproval>().AnyAsync(a => a.MeetingId == m.Id && a.CouncilMemberId == member.Id, ct))
            throw new RuleViolation("minutes.already_approved", "Minutes_AlreadyApproved", null, typeof(DeliberationStrings));
        db.Add(new MinutesApproval(m.DistrictId, m.Id, member.Id, access.Now));
        var approvals = await db.Set<MinutesApproval>().CountAsync(a => a.MeetingId == m.Id, ct) + 1;
        var present = await db.Set<MeetingAttendance>().CountAsync(a => a.MeetingId == m.Id, ct);
        var approved = m.RecordMinutesApprovals(approvals, present, access.Now);
        // Concurrent approvals are serialised by the meeting's version, so the count that approves is exact.
        db.Entry(m).State = EntityState.Modified;
        access.Audit.Record(m.DistrictId, approved ? "meeting.minutes_approved" : "meeting.minutes_approval", "meeting", m.Id, to: member.Id.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new RuleViolation("minutes.already_approved", "Minutes_AlreadyApproved", null, typeof(DeliberationStrings));
        }
        return MeetingView.From(m);
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/deliberation/meetings").WithTags("Deliberation");
        g.MapPut("/{id:guid}/minutes", async (Guid id, MinutesInput input, MeetingMinutes h, CancellationToken ct) => TypedResults.Ok(await h.DraftAsync(id, input, ct)))
            .WithSummary("Draft (or redraft) the minutes after the session");
        g.MapPost("/{id:guid}/minutes/approve", async (Guid id, MeetingMinutes h, CancellationToken ct) => TypedResults.Ok(await h.ApproveAsync(id, ct)))
            .WithSummary("A member who was present approves the draft minutes");
    }
}
