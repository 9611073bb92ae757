using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yishi.Deliberation.Domain;
using Yishi.Deliberation.Features.Access;
using Yishi.Deliberation.Features.Schedule;
using Yishi.Demands.Contracts;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Deliberation.Features.Session;

public sealed record SessionInput(int Version, [property: MaxLength(Meeting.ReasonMaxLength)] string? EarlyStartReason = null);

public sealed record ForwardInput([property: MaxLength(Topic.ReasonMaxLength)] string? Note);

public sealed record CheckInInput(Guid? MemberId);

public sealed record NotesInput([property: MaxLength(AgendaItem.NotesMaxLength)] string? Notes);

public sealed record VoteInput(Guid? TopicId, VoteChoice? Choice, Guid? MemberId);

public sealed record ResolveInput([property: MaxLength(Resolution.TextMaxLength)] string? Text, bool BackToReview, [property: MaxLength(Topic.ReasonMaxLength)] string? Reason);

public sealed record AttendanceView(Guid MemberId, string Name, MemberPosition Position, DateTime CheckedInAt, CheckInMethod Method);

public sealed record VoteView(Guid Id, Guid TopicId, Guid MemberId, VoteChoice Choice, DateTime CastAt);

public sealed record ResolutionView(Guid Id, string Number, Guid TopicId, Guid MeetingId, string Title, string Text, int MembersTotal, int Present, int For,
    int Against, int Abstain, bool Passed, DateTime DecidedAt, DateTime? NoticeEndsAt, ResolutionStatus Status)
{
    public static ResolutionView From(Resolution r) => new(r.Id, r.Number, r.TopicId, r.MeetingId, r.Title, r.Text, r.MembersTotal, r.Present, r.For, r.Against,
        r.Abstain, r.Passed, r.DecidedAt, r.NoticeEndsAt, r.Status);
}

/// <summary>
/// The meeting day: open and close the session, sign members in (the secretary, or the member by the QR code),
/// discussion notes, votes (one per member per topic, enforced by a unique index), and closing the vote into a resolution.
/// </summary>
public sealed class MeetingSession(YishiDbContext db, Sequences sequences, DeliberationAccess access, IDeliberationHandoff handoff, IOptions<MeetingOpeningOptions> opening)
{
    public async Task<MeetingView> OpenAsync(Guid id, SessionInput input, CancellationToken ct = default)
    {
        var (m, _) = await access.MeetingForOfficerAsync(id, ct);
        Concurrency.Expect(m, input.Version);
        var from = m.Status;
        var reason = Check.OptionalText(input.EarlyStartReason, "EarlyStartReason", Meeting.ReasonMaxLength);
        if (reason is { Length: < 4 } && m.IsEarly(access.Now, opening.Value.MeetingOpensBefore))
            throw new InputInvalid("EarlyStartReason", "Meeting_EarlyReasonTooShort", typeof(MeetingRuleStrings));
        var movedFrom = m.Open(await db.Set<AgendaItem>().CountAsync(a => a.MeetingId == m.Id, ct), access.Now, opening.Value.MeetingOpensBefore, reason);
        if (movedFrom is { } announced)
            access.Audit.Record(m.DistrictId, "meeting.started_early", "meeting", m.Id, ChinaTime.Format(announced), ChinaTime.Format(m.StartsAt), DeliberationAccess.Cap(reason));
        access.Audit.Record(m.DistrictId, "meeting.opened", "meeting", m.Id, from.ToString(), m.Status.ToString());
        await db.SaveChangesAsync(ct);
        return MeetingView.From(m);
    }

    public async Task<MeetingView> AdjournAsync(Guid id, SessionInput input, CancellationToken ct = default)
    {
        var (m, _) = await access.MeetingForOfficerAsync(id, ct);
        Concurrency.Expect(m, input.Version);
        m.Adjourn(access.Now);
        access.Audit.Record(m.DistrictId, "meeting.adjourned", "meeting", m.Id, MeetingStatus.InSession.ToString(), m.Status.ToString());
        await db.SaveChangesAsync(ct);
        return MeetingView.From(m);
    }

    /// <summary>The secretary signs a member in.</summary>
    public async Task<AttendanceView> CheckInAsync(Guid id, CheckInInput input, CancellationToken ct = default)
    {
        var memberId = input.MemberId ?? throw new InputInvalid("MemberId", "Field_Required");
        var (m, c) = await access.MeetingForOfficerAsync(id, ct);
        m.RequireCheckInBySecretary();
        var member = await db.Set<CouncilMember>().FirstOrDefaultAsync(x => x.Id == memberId && x.CouncilId == c.Id && x.EndedOn == null, ct)
            ?? throw new InputInvalid("MemberId", "Session_NotAMember", typeof(DeliberationStrings));
        return await AddAttendanceAsync(m, member, CheckInMethod.Secretary, ct);
    }

    /// <summary>A member scanned the meeting's QR code: only members of that council, from an hour before the start until the end.</summary>
    public async Task<(Meeting Meeting, AttendanceView Attendance)> SelfCheckInAsync(string token, CancellationToken ct = default)
    {
        var m = await db.Set<Meeting>().FirstOrDefaultAsync(x => x.CheckInToken == token, ct) ?? throw new NotFound("meeting");
        var member = await access.MembershipAsync(m.CouncilId, ct);
        if (member is null)
        {
            var c = await db.Set<Council>().FirstAsync(x => x.Id == m.CouncilId, ct);
            if (await access.CanViewAsync(c, ct)) throw new RuleViolation("session.not_a_member", "Session_NotAMember", null, typeof(DeliberationStrings), 403);
            throw new NotFound("meeting");
        }
        m.RequireSelfCheckInOpen(access.Now);
        return (m, await AddAttendanceAsync(m, member, CheckInMethod.QrCode, ct));
    }

    private async Task<AttendanceView> AddAttendanceAsync(Meeting m, CouncilMember member, CheckInMethod method, CancellationToken ct)
    {
        if (await db.Set<MeetingAttendance>().AnyAsync(a => a.MeetingId == m.Id && a.CouncilMemberId == member.Id, ct))
            throw new RuleViolation("session.already_checked_in", "Session_AlreadyCheckedIn", "MemberId", typeof(DeliberationStrings));
        var a = new MeetingAttendance(m.DistrictId, m.Id, member.Id, method, access.UserId ?? throw new Forbidden(), access.Now);
        db.Add(a);
        access.Audit.Record(m.DistrictId, "meeting.checked_in", "meeting", m.Id, to: $"{member.Id} {method}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new RuleViolation("session.already_checked_in", "Session_AlreadyCheckedIn", "MemberId", typeof(DeliberationStrings));
        }
        return new AttendanceView(member.Id, member.DisplayName, member.Position, a.CheckedInAt, method);
    }

    public async Task SetNotesAsync(Guid id, Guid topicId, NotesInput input, CancellationToken ct = default)
    {
        var (m, _) = await access.MeetingForOfficerAsync(id, ct);
        if (m.Status is not (MeetingStatus.InSession or MeetingStatus.Adjourned)) m.RequireInSession();
        var item = await db.Set<AgendaItem>().FirstOrDefaultAsync(a => a.MeetingId == m.Id && a.TopicId == topicId, ct) ?? throw new NotFound("agenda item");
        item.DiscussionNotes = Check.OptionalText(input.Notes, "Notes", AgendaItem.NotesMaxLength);
        access.Audit.Record(m.DistrictId, "meeting.notes_changed", "meeting", m.Id, to: topicId.ToString());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A present member votes on an agenda topic during the session; the secretary may record a member's vote (show of hands).
    /// One vote per member per topic: a second one, even sent at the same moment, is refused by the unique index (409).
    /// </summary>
    public async Task<VoteView> VoteAsync(Guid id, VoteInput input, CancellationToken ct = default)
    {
        var topicId = input.TopicId ?? throw new InputInvalid("TopicId", "Field_Required");
        var choice = input.Choice is { } ch && Enum.IsDefined(ch) ? ch : throw new InputInvalid("Choice", "Vote_ChoiceRequired", typeof(DeliberationStrings));
        var (m, c) = await access.MeetingForViewAsync(id, ct);
        CouncilMember member;
        if (input.MemberId is { } memberId && (await access.MembershipAsync(c.Id, ct))?.Id != memberId)
        {
            if (!await access.IsOfficerAsync(c, ct)) throw new Forbidden();
            member = await db.Set<CouncilMember>().FirstOrDefaultAsync(x => x.Id == memberId && x.CouncilId == c.Id && x.EndedOn == null, ct)
                ?? throw new InputInvalid("MemberId", "Session_NotAMember", typeof(DeliberationStrings));
        }
        else
        {
            member = await access.MembershipAsync(c.Id, ct) ?? throw new Forbidden();
        }
        if (!await db.Set<MeetingAttendance>().AnyAsync(a => a.MeetingId == m.Id && a.CouncilMemberId == member.Id, ct))
            throw new RuleViolation("vote.not_present", "Vote_NotPresent", null, typeof(DeliberationStrings));
        m.RequireInSession();
        var item = await db.Set<AgendaItem>().FirstOrDefaultAsync(a => a.MeetingId == m.Id && a.TopicId == topicId, ct)
            ?? throw new RuleViolation("vote.not_on_agenda", "Vote_NotOnAgenda", "TopicId", typeof(DeliberationStrings));
        if (item.ResolutionId is not null) throw new RuleViolation("vote.closed", "Vote_Closed", "TopicId", typeof(DeliberationStrings));
        if (await db.Set<Vote>().AnyAsync(v => v.MeetingId == m.Id && v.TopicId == topicId && v.CouncilMemberId == member.Id, ct))
            throw new RuleViolation("vote.already_cast", "Vote_AlreadyCast", null, typeof(DeliberationStrings));
        var vote = new Vote(m.DistrictId, m.Id, topicId, member.Id, choice, access.UserId!.Value, access.Now);
        db.Add(vote);
        // The choice itself is not audited by name of the voter beyond the member id: the vote row is the record.
        access.Audit.Record(m.DistrictId, "meeting.vote_cast", "meeting", m.Id, to: $"{topicId} {member.Id}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new RuleViolation("vote.already_cast", "Vote_AlreadyCast", null, typeof(DeliberationStrings));
        }
        return new VoteView(vote.Id, topicId, member.Id, choice, vote.CastAt);
    }

    /// <summary>
    /// The secretary closes the vote on a topic: quorum (present of active members) first, then a resolution with the
    /// counts; passed → public notice and the linked demands are told; failed → rejected or back to review.
    /// </summary>
    public async Task<ResolutionView> ResolveAsync(Guid id, Guid topicId, ResolveInput input, CancellationToken ct = default)
    {
        var (m, c) = await access.MeetingForOfficerAsync(id, ct);
        m.RequireInSession();
        var item = await db.Set<AgendaItem>().FirstOrDefaultAsync(a => a.MeetingId == m.Id && a.TopicId == topicId, ct) ?? throw new NotFound("agenda item");
        if (item.ResolutionId is not null) throw new RuleViolation("vote.closed", "Vote_Closed", null, typeof(DeliberationStrings));
        var t = await db.Set<Topic>().FirstAsync(x => x.Id == topicId, ct);
        t.RequireDecidableBy(c);
        var text = Check.OptionalText(input.Text, "Text", Resolution.TextMaxLength);
        var reason = Check.OptionalText(input.Reason, "Reason", Topic.ReasonMaxLength);
        var activeMembers = await db.Set<CouncilMember>().Where(x => x.CouncilId == c.Id && x.EndedOn == null).Select(x => x.Id).ToListAsync(ct);
        var present = await db.Set<MeetingAttendance>().CountAsync(a => a.MeetingId == m.Id && activeMembers.Contains(a.CouncilMemberId), ct);
        if (!c.IsQuorate(activeMembers.Count, present))
            throw new RuleViolation("meeting.no_quorum", "Meeting_NoQuorum", null, typeof(DeliberationStrings), 409, present, activeMembers.Count, c.Quorum.Minimum(activeMembers.Count));
        var votes = await db.Set<Vote>().Where(v => v.MeetingId == m.Id && v.TopicId == topicId && activeMembers.Contains(v.CouncilMemberId)).Select(v => v.Choice).ToListAsync(ct);
        var count = VoteCount.Of(activeMembers.Count, present, votes);
        var passed = c.Passes(present, count.For);
        if (!passed && input.BackToReview && reason is null) throw new InputInvalid("Reason", "Topic_ReasonRequired", typeof(DeliberationStrings));
        var number = await NextNumberAsync(c.DistrictId, ct);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{c.Name}第{m.Number}次会议表决：应到{count.MembersTotal}人，实到{count.Present}人，赞成{count.For}，反对{count.Against}，弃权{count.Abstain}，{(passed ? "通过" : "未通过")}。");
        var r = new Resolution(c.DistrictId, t.AreaId, t.AreaPath, c.Id, t.Id, m.Id, number, t.Title, text ?? (passed ? $"同意：{t.Title}" : summary),
            count, passed, c.NoticeDays, access.Now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(r);
        item.ResolutionId = r.Id;
        access.Record(t, t.Resolve(r, input.BackToReview, reason, access.Now));
        access.Audit.Record(c.DistrictId, passed ? "resolution.passed" : "resolution.failed", "resolution", r.Id, to: r.Number,
            note: $"{count.Present}/{count.MembersTotal} {count.For}:{count.Against}:{count.Abstain}");
        await db.SaveChangesAsync(ct);
        if (passed)
        {
            var demands = await db.Set<TopicDemand>().Where(d => d.TopicId == t.Id).Select(d => d.DemandId).ToListAsync(ct);
            foreach (var demandId in demands) await handoff.RecordResolutionAsync(demandId, $"决议 {r.Number}：{summary}", ct);
        }
        else if (t.Stage == TopicStage.Rejected)
        {
            await Topics.Topics.ReturnDemandsAsync(db, handoff, t.Id, $"决议 {r.Number}：{summary}", ct);
        }
        await tx.CommitAsync(ct);
        return ResolutionView.From(r);
    }

    /// <summary>
    /// A council that does not decide vital interests discussed a topic touching them: it goes to the community's
    /// representatives meeting (back to review there, with the discussion notes), which decides it.
    /// </summary>
    public async Task<MeetingView> ForwardAsync(Guid id, Guid topicId, ForwardInput input, CancellationToken ct = default)
    {
        var (m, c) = await access.MeetingForOfficerAsync(id, ct);
        m.RequireInSession();
        var item = await db.Set<AgendaItem>().FirstOrDefaultAsync(a => a.MeetingId == m.Id && a.TopicId == topicId, ct) ?? throw new NotFound("agenda item");
        if (item.ResolutionId is not null) throw new RuleViolation("vote.closed", "Vote_Closed", null, typeof(DeliberationStrings));
        var t = await db.Set<Topic>().FirstAsync(x => x.Id == topicId, ct);
        var note = Check.OptionalText(input.Note, "Note", Topic.ReasonMaxLength);
        var candidates = await db.Set<Council>().Where(x => x.Kind == CouncilKind.Representatives && x.DecidesVitalInterests && !x.Archived).ToListAsync(ct);
        var reps = candidates.Where(x => t.AreaPath.StartsWith(x.AreaPath, StringComparison.Ordinal)).OrderByDescending(x => x.AreaPath.Length).FirstOrDefault()
            ?? throw new RuleViolation("topic.no_representatives_council", "Topic_NoRepresentativesCouncil", null, typeof(MeetingRuleStrings), 409);
        access.Record(t, t.ForwardToRepresentatives(c, reps, $"{c.Name} {m.Number} 讨论后提交{reps.Name}决定" + (note is null ? "" : $"：{note}"), access.Now));
        access.Audit.Record(m.DistrictId, "meeting.topic_forwarded", "meeting", m.Id, c.Id.ToString(), reps.Id.ToString(), t.Id.ToString());
        await db.SaveChangesAsync(ct);
        return MeetingView.From(m);
    }

    private async Task<string> NextNumberAsync(Guid districtId, CancellationToken ct)
    {
        var year = ChinaTime.ToLocal(access.Now).Year;
        var n = await sequences.NextAsync(districtId, $"resolution-{year}", ct);
        return string.Create(CultureInfo.InvariantCulture, $"YS-JY-{year}-{n:0000}");
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/deliberation").WithTags("Deliberation");
        g.MapPost("/meetings/{id:guid}/open", async (Guid id, SessionInput input, MeetingSession h, CancellationToken ct) => TypedResults.Ok(await h.OpenAsync(id, input, ct)))
            .WithSummary("Open the session (a regular meeting needs a published agenda)");
        g.MapPost("/meetings/{id:guid}/adjourn", async (Guid id, SessionInput input, MeetingSession h, CancellationToken ct) => TypedResults.Ok(await h.AdjournAsync(id, input, ct)))
            .WithSummary("Close the session");
        g.MapPost("/meetings/{id:guid}/attendance", async (Guid id, CheckInInput input, MeetingSession h, CancellationToken ct) =>
        {
            var a = await h.CheckInAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/deliberation/meetings/{id}", a);
        }).WithSummary("The secretary signs a member in");
        g.MapPost("/checkin/{token}", async (string token, MeetingSession h, CancellationToken ct) =>
        {
            var (_, a) = await h.SelfCheckInAsync(token, ct);
            return TypedResults.Created($"/api/v1/deliberation/checkin/{token}", a);
        }).WithSummary("A member checks themself in with the meeting's QR code token");
        g.MapPut("/meetings/{id:guid}/agenda/{topicId:guid}/notes", async (Guid id, Guid topicId, NotesInput input, MeetingSession h, CancellationToken ct) =>
        {
            await h.SetNotesAsync(id, topicId, input, ct);
            return TypedResults.NoContent();
        }).WithSummary("Discussion notes of an agenda item");
        g.MapPost("/meetings/{id:guid}/votes", async (Guid id, VoteInput input, MeetingSession h, CancellationToken ct) =>
        {
            var v = await h.VoteAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/deliberation/meetings/{id}", v);
        }).WithSummary("Vote For/Against/Abstain on an agenda topic (a present member during the session; the secretary may record a member's vote with MemberId)");
        g.MapPost("/meetings/{id:guid}/agenda/{topicId:guid}/forward", async (Guid id, Guid topicId, ForwardInput input, MeetingSession h, CancellationToken ct)
                => TypedResults.Ok(await h.ForwardAsync(id, topicId, input, ct)))
            .WithSummary("A council that does not decide vital interests forwards a discussed topic touching them to the representatives meeting (409 topic.forward_not_needed otherwise)");
        g.MapPost("/meetings/{id:guid}/agenda/{topicId:guid}/resolve", async (Guid id, Guid topicId, ResolveInput input, MeetingSession h, CancellationToken ct)
            => TypedResults.Ok(await h.ResolveAsync(id, topicId, input, ct)))
            .WithSummary("Close the vote: quorum check (409 meeting.no_quorum), then a resolution; passed → public notice, failed → rejected or back to review (BackToReview + Reason)");
    }
}
