using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Deliberation.Domain;
using Yishi.Deliberation.Features.Access;
using Yishi.Demands.Contracts;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;
using Yishi.Platform.Rules;

namespace Yishi.Deliberation.Features.FollowThrough;

public sealed record ObjectionInput([property: Required, MaxLength(Objection.TextMaxLength)] string? Text, string? ContactPhone);
public sealed record AnswerObjectionInput([property: Required, MaxLength(Objection.TextMaxLength)] string? Answer, bool Upheld);
public sealed record ObjectionView(Guid Id, Guid ResolutionId, string Text, bool Anonymous, string? ContactPhoneMasked, DateTime CreatedAt,
    string? Answer, bool? Upheld, DateTime? AnsweredAt);
public sealed record AddTaskInput([property: Required, MaxLength(ImplementationTask.TitleMaxLength)] string? Title, Guid? OwnerUserId, DateOnly? DueOn, string? BudgetYuan);
public sealed record ReportTaskInput(int? ProgressPercent, string? SpentYuan, [property: MaxLength(ImplementationTask.NoteMaxLength)] string? Note, int Version);
public sealed record TaskView(Guid Id, Guid TopicId, string Title, Guid OwnerUserId, string OwnerName, DateOnly DueOn, int ProgressPercent,
    long BudgetFen, long SpentFen, bool Done, bool Overdue, int Version);
public sealed record TaskUpdateView(Guid Id, Guid TaskId, int ProgressPercent, long SpentFenDelta, string? Note, DateTime At);
public sealed record FollowUpInput(bool MetExpectations, bool ResidentsSatisfied, [property: Required, MaxLength(FollowUpReview.NoteMaxLength)] string? Note, Guid? MeetingId);
public sealed record FollowUpView(Guid Id, Guid TopicId, bool MetExpectations, bool ResidentsSatisfied, string? Note, DateTime ReviewedAt);
public sealed record ImplementationView(Guid TopicId, string Title, TopicStage Stage, Guid? ResolutionId, string? ResolutionNumber,
    ResolutionStatus? ResolutionStatus, DateTime? NoticeEndsAt, IReadOnlyList<TaskView> Tasks, long BudgetFen, long SpentFen,
    IReadOnlyList<ObjectionView> Objections, IReadOnlyList<FollowUpView> Reviews, IReadOnlyList<LinkedDemandState> Demands, bool IsOfficer);

/// <summary>
/// What happens after a passed vote: public notice (公示) with objections, taking effect, implementation tasks
/// with named owners (包干), progress and spending in fen, and the follow-up review (回头议) that closes the topic.
/// Linked demands follow each step through the Demands contract.
/// </summary>
public sealed partial class FollowThrough(YishiDbContext db, DeliberationAccess access, IDeliberationHandoff handoff)
{
    public const int MaxOpenTasks = 50;

    // ---------- notice and objections ----------

    /// <summary>Anyone (signed in or not) may object while the resolution is under notice; the contact phone is never shown publicly.</summary>
    public async Task<ObjectionView> ObjectAsync(Guid resolutionId, ObjectionInput input, CancellationToken ct = default)
    {
        var text = Check.RequiredText(input.Text, "Text", Objection.TextMaxLength);
        if (text.Length < 5) throw new InputInvalid("Text", "Objection_TooShort", typeof(DeliberationStrings));
        var phone = Check.OptionalPhone(input.ContactPhone, "ContactPhone");
        if (access.UserId is null && phone is null) throw new InputInvalid("ContactPhone", "Objection_PhoneRequired", typeof(DeliberationStrings));
        var r = await db.Set<Resolution>().IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == resolutionId, ct) ?? throw new NotFound("resolution");
        if (r.Status != ResolutionStatus.UnderNotice || r.NoticeEndsAt is { } end && access.Now >= end)
            throw new RuleViolation("resolution.notice_closed", "Objection_NoticeClosed", null, typeof(DeliberationStrings));
        var o = new Objection(r.DistrictId, r.Id, text, access.UserId, phone, access.Now);
        db.Add(o);
        access.Audit.Record(r.DistrictId, "resolution.objection_filed", "resolution", r.Id, to: o.Id.ToString());
        await db.SaveChangesAsync(ct);
        return View(o);
    }

    /// <summary>The council's officer answers; an upheld objection withdraws the resolution and sends the topic back to deliberation.</summary>
    public async Task<ObjectionView> AnswerAsync(Guid objectionId, AnswerObjectionInput input, CancellationToken ct = default)
    {
        var answer = Check.RequiredText(input.Answer, "Answer", Objection.TextMaxLength);
        var o = await db.Set<Objection>().FirstOrDefaultAsync(x => x.Id == objectionId, ct) ?? throw new NotFound("objection");
        var r = await db.Set<Resolution>().FirstAsync(x => x.Id == o.ResolutionId, ct);
        var (t, _) = await access.TopicForOfficerAsync(r.TopicId, ct);
        o.Reply(answer, input.Upheld, access.UserId!.Value, access.Now);
        access.Audit.Record(r.DistrictId, input.Upheld ? "resolution.objection_upheld" : "resolution.objection_answered", "resolution", r.Id, to: o.Id.ToString());
        if (input.Upheld)
        {
            r.Withdraw(answer, access.Now);
            access.Record(t, t.ObjectionUpheld(answer, access.Now));
            await NotifyDemandsAsync(t.Id, NotificationText.Of<DeliberationStrings>("Notify_ObjectionUpheld"), ct);
        }
        await db.SaveChangesAsync(ct);
        return View(o);
    }

    /// <summary>
    /// A resolution whose notice is over, with every objection answered and none upheld, takes effect and its topic
    /// moves to implementation. Called by the schedule sweep for every district (idempotent; exactly once per resolution).
    /// </summary>
    public async Task<int> TakeEffectDueAsync(CancellationToken ct = default)
    {
        var now = access.Now;
        var due = await db.Set<Resolution>().Where(r => r.Status == ResolutionStatus.UnderNotice && r.NoticeEndsAt <= now)
            .Where(r => !db.Set<Objection>().Any(o => o.ResolutionId == r.Id && o.AnsweredAt == null))
            .OrderBy(r => r.NoticeEndsAt).Take(200).ToListAsync(ct);
        foreach (var r in due)
        {
            var t = await db.Set<Topic>().FirstAsync(x => x.Id == r.TopicId, ct);
            r.TakeEffect(now);
            access.Record(t, t.NoticeEnded(now));
            access.Audit.Record(r.DistrictId, "resolution.effective", "resolution", r.Id, from: nameof(ResolutionStatus.UnderNotice), to: nameof(ResolutionStatus.Effective));
            await db.SaveChangesAsync(ct);
            await NotifyDemandsAsync(t.Id, NotificationText.Of<DeliberationStrings>("Notify_ResolutionInForce", ("resolution", r.Number)), ct);
        }
        return due.Count;
    }

    // ---------- implementation tasks ----------

    public async Task<TaskView> AddTaskAsync(Guid topicId, AddTaskInput input, CancellationToken ct = default)
    {
        var (t, _) = await access.TopicForOfficerAsync(topicId, ct);
        var title = Check.RequiredText(input.Title, "Title", ImplementationTask.TitleMaxLength);
        var due = input.DueOn ?? throw new InputInvalid("DueOn", "Task_DueRequired", typeof(DeliberationStrings));
        if (due < access.Today) throw new InputInvalid("DueOn", "Task_DueInPast", typeof(DeliberationStrings));
        var budget = ParseYuan(input.BudgetYuan, "BudgetYuan") ?? 0;
        var ownerId = input.OwnerUserId ?? throw new InputInvalid("OwnerUserId", "Task_OwnerRequired", typeof(DeliberationStrings));
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == ownerId && u.DistrictId == t.DistrictId && u.DeactivatedAt == null)
            .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct) ?? throw new InputInvalid("OwnerUserId", "Task_OwnerUnknown", typeof(DeliberationStrings));
        if (t.Stage != TopicStage.Implementation || t.ResolutionId is not { } resolutionId)
            throw new RuleViolation("task.not_implementing", "Task_NotImplementing", null, typeof(DeliberationStrings));
        if (await db.Set<ImplementationTask>().CountAsync(x => x.TopicId == t.Id, ct) >= MaxOpenTasks)
            throw new RuleViolation("task.too_many", "Task_TooMany", null, typeof(DeliberationStrings));
        var task = new ImplementationTask(t.DistrictId, t.AreaId, t.AreaPath, t.Id, resolutionId, title, owner.Id, owner.DisplayName, due, budget, access.Now);
        db.Add(task);
        access.RecordNote(t, "task_added", $"{title} · {DeliberationLabelsMoney(budget)}");
        await db.SaveChangesAsync(ct);
        return View(task, access.Today);
    }

    /// <summary>The owner (or an officer) reports progress and spending; when every task is done the topic goes to 回头议 and the linked demands are handled.</summary>
    public async Task<TaskView> ReportAsync(Guid taskId, ReportTaskInput input, CancellationToken ct = default)
    {
        var task = await db.Set<ImplementationTask>().FirstOrDefaultAsync(x => x.Id == taskId, ct) ?? throw new NotFound("task");
        var (t, c) = await access.TopicForViewAsync(task.TopicId, ct);
        if (task.OwnerUserId != access.UserId && !await access.IsOfficerAsync(c, ct)) throw new Forbidden();
        var progress = input.ProgressPercent ?? throw new InputInvalid("ProgressPercent", "Task_ProgressInvalid", typeof(DeliberationStrings));
        var spent = ParseYuan(input.SpentYuan, "SpentYuan") ?? 0;
        var note = Check.OptionalText(input.Note, "Note", ImplementationTask.NoteMaxLength);
        Concurrency.Expect(task, input.Version);
        if (t.Stage != TopicStage.Implementation) throw new RuleViolation("task.not_implementing", "Task_NotImplementing", null, typeof(DeliberationStrings));
        var update = task.Report(progress, spent, note, access.UserId!.Value, access.Now);
        db.Add(update);
        access.RecordNote(t, "task_progress", $"{task.Title} {progress}%");
        var othersOpen = await db.Set<ImplementationTask>().AnyAsync(x => x.TopicId == t.Id && x.Id != task.Id && x.Status != ImplementationTaskStatus.Done, ct);
        var allDone = task.Status == ImplementationTaskStatus.Done && !othersOpen;
        if (allDone) access.Record(t, t.TasksDone(access.Now));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (allDone)
        {
            foreach (var d in await LinkedAsync(t.Id, ct))
                if (d.Status == "InProgress") await handoff.RecordImplementedAsync(d.Id, $"议题“{t.Title}”已按决议落实完成，待回头议。", ct);
        }
        await tx.CommitAsync(ct);
        return View(task, access.Today);
    }

    // ---------- follow-up review ----------

    public async Task<FollowUpView> ReviewAsync(Guid topicId, FollowUpInput input, CancellationToken ct = default)
    {
        var (t, c) = await access.TopicForOfficerAsync(topicId, ct);
        var note = Check.RequiredText(input.Note, "Note", FollowUpReview.NoteMaxLength);
        if (input.MeetingId is { } meetingId && !await db.Set<Meeting>().AnyAsync(m => m.Id == meetingId && m.CouncilId == c.Id, ct))
            throw new InputInvalid("MeetingId", "FollowUp_MeetingUnknown", typeof(DeliberationStrings));
        var change = t.FollowUpReviewed(input.MetExpectations, input.ResidentsSatisfied, note, access.Now);
        var review = new FollowUpReview(t.DistrictId, t.Id, input.MeetingId, input.MetExpectations, input.ResidentsSatisfied, note, access.UserId!.Value, access.Now);
        db.Add(review);
        access.Record(t, change);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var d in await LinkedAsync(t.Id, ct))
            if (d.Status == "Handled") await handoff.RecordFollowUpReviewAsync(d.Id, input.MetExpectations, input.ResidentsSatisfied, $"回头议：{note}", ct);
        await tx.CommitAsync(ct);
        return new FollowUpView(review.Id, t.Id, review.MetExpectations, review.ResidentsSatisfied, review.Note, review.ReviewedAt);
    }

    // ---------- reading ----------

    public async Task<ImplementationView> DetailAsync(Guid topicId, CancellationToken ct = default)
    {
        var (t, c) = await access.TopicForViewAsync(topicId, ct);
        var r = t.ResolutionId is { } rid ? await db.Set<Resolution>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == rid, ct) : null;
        var tasks = await db.Set<ImplementationTask>().AsNoTracking().Where(x => x.TopicId == t.Id).OrderBy(x => x.DueOn).ThenBy(x => x.CreatedAt).ToListAsync(ct);
        var objections = r is null ? [] : await db.Set<Objection>().AsNoTracking().Where(o => o.ResolutionId == r.Id).OrderBy(o => o.CreatedAt).ToListAsync(ct);
        var reviews = await db.Set<FollowUpReview>().AsNoTracking().Where(x => x.TopicId == t.Id).OrderBy(x => x.ReviewedAt).ToListAsync(ct);
        var today = access.Today;
        return new ImplementationView(t.Id, t.Title, t.Stage, r?.Id, r?.Number, r?.Status, r?.NoticeEndsAt,
            tasks.Select(x => View(x, today)).ToList(), tasks.Sum(x => x.BudgetFen), tasks.Sum(x => x.SpentFen),
            objections.Select(View).ToList(),
            reviews.Select(x => new FollowUpView(x.Id, x.TopicId, x.MetExpectations, x.ResidentsSatisfied, x.Note, x.ReviewedAt)).ToList(),
            await LinkedAsync(t.Id, ct), await access.IsOfficerAsync(c, ct));
    }

    public async Task<IReadOnlyList<TaskUpdateView>> UpdatesAsync(Guid topicId, CancellationToken ct = default)
    {
        var (t, _) = await access.TopicForViewAsync(topicId, ct);
        var taskIds = db.Set<ImplementationTask>().Where(x => x.TopicId == t.Id).Select(x => x.Id);
        return await db.Set<TaskUpdate>().AsNoTracking().Where(u => taskIds.Contains(u.TaskId)).OrderByDescending(u => u.At).ThenBy(u => u.Id)
            .Select(u => new TaskUpdateView(u.Id, u.TaskId, u.ProgressPercent, u.SpentFenDelta, u.Note, u.At)).ToListAsync(ct);
    }

    private async Task<IReadOnlyList<LinkedDemandState>> LinkedAsync(Guid topicId, CancellationToken ct)
    {
        var ids = await db.Set<TopicDemand>().Where(d => d.TopicId == topicId).Select(d => d.DemandId).ToListAsync(ct);
        return await handoff.DescribeAsync(ids, ct);
    }

    private async Task NotifyDemandsAsync(Guid topicId, NotificationText text, CancellationToken ct)
    {
        foreach (var d in await LinkedAsync(topicId, ct)) await handoff.NotifyReporterAsync(d.Id, text, ct);
    }

    internal static TaskView View(ImplementationTask x, DateOnly today) => new(x.Id, x.TopicId, x.Title, x.OwnerUserId, x.OwnerName, x.DueOn,
        x.ProgressPercent, x.BudgetFen, x.SpentFen, x.Status == ImplementationTaskStatus.Done, x.IsOverdue(today), x.Version);

    private static ObjectionView View(Objection o) => new(o.Id, o.ResolutionId, o.Text, o.SubmittedByUserId is null,
        o.ContactPhone is null ? null : PersonalData.MaskPhone(o.ContactPhone), o.CreatedAt, o.Answer, o.Upheld, o.AnsweredAt);

    private static string DeliberationLabelsMoney(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture) + " 元";

    /// <summary>Yuan as typed (digits, at most two decimals, optional thousands commas) to exact fen; no floating point.</summary>
    public static long? ParseYuan(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        var m = YuanPattern().Match(s);
        if (!m.Success) throw new InputInvalid(field, "Money_Invalid", typeof(DeliberationStrings));
        var whole = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var frac = m.Groups[2].Success ? m.Groups[2].Value.PadRight(2, '0') : "00";
        return whole * 100 + long.Parse(frac, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(\d{1,10})(?:\.(\d{1,2}))?$")]
    private static partial Regex YuanPattern();

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/deliberation").WithTags("Deliberation");
        g.MapGet("/topics/{id:guid}/implementation", async (Guid id, FollowThrough h, CancellationToken ct) => TypedResults.Ok(await h.DetailAsync(id, ct)))
            .WithSummary("A topic after its vote: resolution notice, objections, tasks with budget and spending (fen), follow-up reviews, linked demands");
        g.MapGet("/topics/{id:guid}/task-updates", async (Guid id, FollowThrough h, CancellationToken ct) => TypedResults.Ok(await h.UpdatesAsync(id, ct)))
            .WithSummary("Progress updates of the topic's tasks, newest first");
        g.MapPost("/objections/{id:guid}/answer", async (Guid id, AnswerObjectionInput input, FollowThrough h, CancellationToken ct) => TypedResults.Ok(await h.AnswerAsync(id, input, ct)))
            .WithSummary("The council's officer answers an objection; upheld withdraws the resolution and sends the topic back to deliberation");
        g.MapPost("/topics/{id:guid}/tasks", async (Guid id, AddTaskInput input, FollowThrough h, CancellationToken ct)
                => TypedResults.Created($"/api/v1/deliberation/topics/{id}/implementation", await h.AddTaskAsync(id, input, ct)))
            .WithSummary("Add an implementation task (包干) with a named owner, due date and budget in yuan (two decimals at most; stored in fen)");
        g.MapPost("/tasks/{id:guid}/progress", async (Guid id, ReportTaskInput input, FollowThrough h, CancellationToken ct) => TypedResults.Ok(await h.ReportAsync(id, input, ct)))
            .WithSummary("The owner reports progress (0–100, never backwards) and spending in yuan; 100 completes the task; all done sends the topic to 回头议");
        g.MapPost("/topics/{id:guid}/follow-up", async (Guid id, FollowUpInput input, FollowThrough h, CancellationToken ct) => TypedResults.Ok(await h.ReviewAsync(id, input, ct)))
            .WithSummary("回头议: met expectations and residents satisfied closes the topic (and its demands); otherwise it is reopened");
    }

    internal static void MapAnonymous(RouteGroupBuilder publicApi) =>
        publicApi.MapPost("/deliberation/resolutions/{id:guid}/objections", async (Guid id, ObjectionInput input, FollowThrough h, CancellationToken ct)
                => TypedResults.Created($"/public/deliberation/resolutions/{id}", await h.ObjectAsync(id, input, ct)))
            .WithTags("Deliberation").WithSummary("Object to a resolution under public notice: signed-in residents, or anyone with a contact phone (never shown publicly)");
}
