using System.ComponentModel.DataAnnotations;
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
using Yishi.Platform.Security;

namespace Yishi.Deliberation.Features.Topics;

public sealed record CreateTopicInput(Guid? CouncilId, Guid? AreaId, [property: Required, MaxLength(Topic.TitleMaxLength)] string? Title,
    [property: Required, MaxLength(Topic.DescriptionMaxLength)] string? Description, [property: MaxLength(Topic.ReasonMaxLength)] string? Reason, long? EstimatedCostFen,
    bool VitalInterest, bool Urgent, TopicContentCategory? ContentCategory, TopicMustDeliberate? MustDeliberate, bool TopDown = false);

public sealed record TopicFromDemandsInput(IReadOnlyList<Guid>? DemandIds, [property: Required, MaxLength(Topic.TitleMaxLength)] string? Title, [property: MaxLength(Topic.DescriptionMaxLength)] string? Description, bool VitalInterest, bool Urgent,
    TopicContentCategory? ContentCategory, long? EstimatedCostFen);

public sealed record AcceptTopicInput(int? ReviewDays, [property: MaxLength(Topic.ReasonMaxLength)] string? Note, int Version);

public sealed record TopicReasonInput([property: Required, MaxLength(Topic.ReasonMaxLength)] string? Reason, int Version);

public sealed record CommentInput(Stance? Stance, [property: Required, MaxLength(TopicComment.TextMaxLength)] string? Text);

public sealed record TopicView(Guid Id, Guid CouncilId, Guid AreaId, string AreaPath, string Title, string Description, string? Reason, long? EstimatedCostFen,
    TopicOrigin Origin, bool VitalInterest, bool Urgent, TopicContentCategory? ContentCategory, TopicMustDeliberate? MustDeliberate, TopicStage Stage,
    DateTime CreatedAt, DateTime? ReviewEndsAt, Guid? ResolutionId, string? LastReason, int Version)
{
    public static TopicView From(Topic t) => new(t.Id, t.CouncilId, t.AreaId, t.AreaPath, t.Title, t.Description, t.Reason, t.EstimatedCostFen, t.Origin,
        t.VitalInterest, t.Urgent, t.ContentCategory, t.MustDeliberate, t.Stage, t.CreatedAt, t.ReviewEndsAt, t.ResolutionId, t.LastReason, t.Version);
}

public sealed record CommentView(Guid Id, string Author, Stance Stance, string Text, DateTime CreatedAt);

public sealed record TopicEventView(string Action, TopicStage From, TopicStage To, string? Note, string Actor, DateTime At);

public sealed record TopicDemandView(Guid DemandId, string TrackingCode);

public sealed record TopicDetail(TopicView Topic, string CouncilName, int Support, int Oppose, int Neutral, IReadOnlyList<CommentView> Comments,
    IReadOnlyList<TopicEventView> Timeline, IReadOnlyList<TopicDemandView> Demands, bool CanAct, bool CanComment);

/// <summary>Topics: raised directly (members, committee, residents, top-down) or made from demands awaiting deliberation; accepted into review, sent back or rejected with reasons; commented on during review.</summary>
public sealed class Topics(YishiDbContext db, AccessScope scope, DeliberationAccess access, IDeliberationHandoff handoff)
{
    public async Task<TopicView> CreateAsync(CreateTopicInput input, CancellationToken ct = default)
    {
        var councilId = input.CouncilId ?? throw new InputInvalid("CouncilId", "Field_Required");
        var c = await db.Set<Council>().FirstOrDefaultAsync(x => x.Id == councilId, ct) ?? throw new NotFound("council");
        var official = await access.IsOfficerAsync(c, ct) || await scope.CanAsync(c.AreaPath, DeliberationRoles.CanPropose, ct)
            || await access.MembershipAsync(c.Id, ct) is not null;
        if (!official)
        {
            if (await access.CanViewAsync(c, ct)) throw new Forbidden();
            if (!await access.LivesInAsync(c.AreaPath, ct)) throw new NotFound("council");
        }
        var (areaId, areaPath) = (c.AreaId, c.AreaPath);
        if (input.AreaId is { } aid && aid != c.AreaId)
        {
            var area = await db.Areas.FirstOrDefaultAsync(a => a.Id == aid, ct) ?? throw new InputInvalid("AreaId", "Topic_AreaOutside", typeof(DeliberationStrings));
            if (!area.Path.StartsWith(c.AreaPath, StringComparison.Ordinal)) throw new InputInvalid("AreaId", "Topic_AreaOutside", typeof(DeliberationStrings));
            (areaId, areaPath) = (area.Id, area.Path);
        }
        var (title, description, reason) = Texts(input.Title, input.Description, input.Reason);
        Categories(input.ContentCategory, input.MustDeliberate);
        var origin = !official ? TopicOrigin.Residents
            : input.TopDown && await scope.CanAsync(c.AreaPath, r => r is Platform.Accounts.Domain.Role.StreetOfficer or Platform.Accounts.Domain.Role.DistrictAdmin, ct) ? TopicOrigin.TopDown
            : TopicOrigin.Member;
        var t = new Topic(c.DistrictId, areaId, areaPath, c.Id, title, description, reason, input.EstimatedCostFen, origin, access.UserId,
            input.VitalInterest, input.Urgent, input.ContentCategory, input.MustDeliberate, access.Now);
        db.Add(t);
        access.RecordNote(t, "created", null);
        await db.SaveChangesAsync(ct);
        return TopicView.From(t);
    }

    private static (string, string, string?) Texts(string? title, string? description, string? reason)
        => (Check.RequiredText(title, "Title", Topic.TitleMaxLength), Check.RequiredText(description, "Description", Topic.DescriptionMaxLength),
            Check.OptionalText(reason, "Reason", Topic.ReasonMaxLength));

    private static void Categories(TopicContentCategory? content, TopicMustDeliberate? must)
    {
        if (content is { } cc && !Enum.IsDefined(cc)) throw new InputInvalid("ContentCategory", "Topic_CategoryUnknown", typeof(DeliberationStrings));
        if (must is { } m && !Enum.IsDefined(m)) throw new InputInvalid("MustDeliberate", "Topic_CategoryUnknown", typeof(DeliberationStrings));
    }

    /// <summary>Demands sent to deliberation in the council's area that no open topic has taken up yet.</summary>
    public async Task<IReadOnlyList<DemandAwaitingDeliberation>> AwaitingAsync(Guid councilId, CancellationToken ct = default)
    {
        var c = await access.CouncilForViewAsync(councilId, ct);
        var awaiting = await handoff.AwaitingAsync(c.AreaPath, ct);
        var ids = awaiting.Select(a => a.Id).ToList();
        var taken = await TakenAsync(ids, ct);
        return awaiting.Where(a => !taken.Contains(a.Id)).ToList();
    }

    private async Task<HashSet<Guid>> TakenAsync(IReadOnlyCollection<Guid> demandIds, CancellationToken ct)
        => (await (from link in db.Set<TopicDemand>()
                   join t in db.Set<Topic>() on link.TopicId equals t.Id
                   where demandIds.Contains(link.DemandId) && t.Stage != TopicStage.Closed && t.Stage != TopicStage.Rejected
                   select link.DemandId).ToListAsync(ct)).ToHashSet();

    /// <summary>立为议题: a topic made from one or more demands awaiting deliberation (origin Demand).</summary>
    public async Task<TopicView> FromDemandsAsync(Guid councilId, TopicFromDemandsInput input, CancellationToken ct = default)
    {
        var c = await access.CouncilForViewAsync(councilId, ct);
        if (!await access.IsOfficerAsync(c, ct) && !await scope.CanAsync(c.AreaPath, DeliberationRoles.CanPropose, ct) && await access.MembershipAsync(c.Id, ct) is null)
            throw new Forbidden();
        var ids = (input.DemandIds ?? []).Distinct().ToList();
        if (ids.Count is 0 or > 50) throw new InputInvalid("DemandIds", "Topic_DemandsRequired", typeof(DeliberationStrings));
        var awaiting = (await handoff.AwaitingAsync(c.AreaPath, ct)).Where(a => ids.Contains(a.Id)).ToList();
        if (awaiting.Count != ids.Count) throw new RuleViolation("topic.demand_not_awaiting", "Topic_DemandNotAwaiting", "DemandIds", typeof(DeliberationStrings));
        if ((await TakenAsync(ids, ct)).Count > 0) throw new RuleViolation("topic.demand_taken", "Topic_DemandTaken", "DemandIds", typeof(DeliberationStrings));
        var first = awaiting[0];
        var title = Check.RequiredText(input.Title, "Title", Topic.TitleMaxLength);
        var description = Check.OptionalText(input.Description, "Description", Topic.DescriptionMaxLength)
            ?? Cut(string.Join("\n", awaiting.Select(a => $"{a.TrackingCode}：{a.Description}")), Topic.DescriptionMaxLength);
        Categories(input.ContentCategory, null);
        TopicMustDeliberate? must = Enum.TryParse<TopicMustDeliberate>(first.MustDeliberate, out var m) ? m : null;
        // All demands in one area: that area; otherwise the council's.
        var sameArea = awaiting.All(a => a.AreaId == first.AreaId);
        var t = new Topic(c.DistrictId, sameArea ? first.AreaId : c.AreaId, sameArea ? first.AreaPath : c.AreaPath, c.Id, title, description,
            null, input.EstimatedCostFen, TopicOrigin.Demand, access.UserId, input.VitalInterest, input.Urgent,
            input.ContentCategory, must, access.Now);
        db.Add(t);
        foreach (var a in awaiting) db.Add(new TopicDemand(c.DistrictId, t.Id, a.Id, a.TrackingCode));
        access.RecordNote(t, "created", string.Join("、", awaiting.Select(a => a.TrackingCode)));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var a in awaiting)
            await handoff.NotifyReporterAsync(a.Id, NotificationText.Of<DeliberationStrings>("Notify_DemandTopic", ("trackingCode", a.TrackingCode), ("council", c.Name)), ct);
        await tx.CommitAsync(ct);
        return TopicView.From(t);
    }

    private static string Cut(string s, int max) => s.Length > max ? s[..max] : s;

    public async Task<TopicView> AcceptAsync(Guid id, AcceptTopicInput input, CancellationToken ct = default)
    {
        var (t, _) = await access.TopicForOfficerAsync(id, ct);
        Concurrency.Expect(t, input.Version);
        var note = Check.OptionalText(input.Note, "Note", Topic.ReasonMaxLength);
        access.Record(t, t.Accept(input.ReviewDays ?? Topic.DefaultReviewDays, note, access.Now));
        await db.SaveChangesAsync(ct);
        return TopicView.From(t);
    }

    public async Task<TopicView> SendBackAsync(Guid id, TopicReasonInput input, CancellationToken ct = default)
    {
        var reason = Check.RequiredText(input.Reason, "Reason", Topic.ReasonMaxLength);
        var (t, _) = await access.TopicForOfficerAsync(id, ct);
        Concurrency.Expect(t, input.Version);
        var wasOnAgenda = t.Stage == TopicStage.Deliberation;
        access.Record(t, t.SendBack(reason, access.Now));
        if (wasOnAgenda) await RemoveFromOpenAgendasAsync(t, ct);
        await db.SaveChangesAsync(ct);
        return TopicView.From(t);
    }

    /// <summary>Not taken up: the demands it was made from go back to their level for triage, in the same transaction.</summary>
    public async Task<TopicView> RejectAsync(Guid id, TopicReasonInput input, CancellationToken ct = default)
    {
        var reason = Check.RequiredText(input.Reason, "Reason", Topic.ReasonMaxLength);
        var (t, _) = await access.TopicForOfficerAsync(id, ct);
        Concurrency.Expect(t, input.Version);
        var wasOnAgenda = t.Stage == TopicStage.Deliberation;
        access.Record(t, t.Reject(reason, access.Now));
        if (wasOnAgenda) await RemoveFromOpenAgendasAsync(t, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await ReturnDemandsAsync(db, handoff, t.Id, $"议题“{t.Title}”不予通过：{reason}", ct);
        await tx.CommitAsync(ct);
        return TopicView.From(t);
    }

    /// <summary>The demands a rejected topic was made from go back to Demands (still awaiting deliberation ones only).</summary>
    internal static async Task ReturnDemandsAsync(YishiDbContext db, IDeliberationHandoff handoff, Guid topicId, string reason, CancellationToken ct)
    {
        var ids = await db.Set<TopicDemand>().Where(d => d.TopicId == topicId).Select(d => d.DemandId).ToListAsync(ct);
        if (ids.Count == 0) return;
        var awaiting = (await handoff.DescribeAsync(ids, ct)).Where(d => d.Status == "AwaitingDeliberation").Select(d => d.Id).ToList();
        foreach (var demandId in awaiting) await handoff.ReturnFromDeliberationAsync(demandId, reason.Length > 1000 ? reason[..1000] : reason, ct);
    }

    /// <summary>A topic taken back from deliberation leaves the agendas of meetings that have not started.</summary>
    private async Task RemoveFromOpenAgendasAsync(Topic t, CancellationToken ct)
    {
        var items = await (from a in db.Set<AgendaItem>()
                           join m in db.Set<Meeting>() on a.MeetingId equals m.Id
                           where a.TopicId == t.Id && (m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.AgendaPublished)
                           select a).ToListAsync(ct);
        db.RemoveRange(items);
    }

    public async Task<CommentView> CommentAsync(Guid id, CommentInput input, CancellationToken ct = default)
    {
        var (t, c) = await access.TopicForViewAsync(id, ct);
        if (!await access.LivesInAsync(t.AreaPath, ct) && await access.MembershipAsync(c.Id, ct) is null) throw new Forbidden();
        var stance = input.Stance is { } s && Enum.IsDefined(s) ? s : throw new InputInvalid("Stance", "Comment_StanceRequired", typeof(DeliberationStrings));
        var text = Check.RequiredText(input.Text, "Text", TopicComment.TextMaxLength);
        if (t.Stage != TopicStage.Review) throw new RuleViolation("topic.not_in_review", "Topic_NotInReview", null, typeof(DeliberationStrings));
        var me = scope.UserId;
        var comment = new TopicComment(t.DistrictId, t.Id, me, stance, text, access.Now);
        db.Add(comment);
        access.Audit.Record(t.DistrictId, "topic.commented", "topic", t.Id, to: stance.ToString());
        await db.SaveChangesAsync(ct);
        var name = await db.Users.Where(u => u.Id == me).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        return new CommentView(comment.Id, PersonalData.MaskName(name), stance, text, comment.CreatedAt);
    }

    public async Task<TopicDetail> DetailAsync(Guid id, CancellationToken ct = default)
    {
        var (t, c) = await access.TopicForViewAsync(id, ct);
        var comments = await db.Set<TopicComment>().AsNoTracking().Where(x => x.TopicId == t.Id).OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(200).ToListAsync(ct);
        var counts = await db.Set<TopicComment>().Where(x => x.TopicId == t.Id).GroupBy(x => x.Stance).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var events = await db.Set<TopicEvent>().AsNoTracking().Where(e => e.TopicId == t.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var userIds = comments.Select(x => x.UserId).Concat(events.Where(e => e.ByUserId != null).Select(e => e.ByUserId!.Value)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var officials = await db.RoleAssignments.AsNoTracking().Where(r => userIds.Contains(r.UserId) && r.RevokedAt == null && r.Role != Platform.Accounts.Domain.Role.Resident)
            .Select(r => r.UserId).Distinct().ToListAsync(ct);
        // Residents' names are masked; officials act under their own names.
        string Name(Guid? u) => u is { } x && names.TryGetValue(x, out var n) ? (officials.Contains(x) ? n : PersonalData.MaskName(n)) : "系统";
        var demands = await db.Set<TopicDemand>().AsNoTracking().Where(d => d.TopicId == t.Id).Select(d => new TopicDemandView(d.DemandId, d.TrackingCode)).ToListAsync(ct);
        var canAct = await access.IsOfficerAsync(c, ct);
        var canComment = t.Stage == TopicStage.Review && (await access.LivesInAsync(t.AreaPath, ct) || await access.MembershipAsync(c.Id, ct) is not null);
        return new TopicDetail(TopicView.From(t), c.Name, counts.GetValueOrDefault(Stance.Support), counts.GetValueOrDefault(Stance.Oppose), counts.GetValueOrDefault(Stance.Neutral),
            comments.Select(x => new CommentView(x.Id, Name(x.UserId), x.Stance, x.Text, x.CreatedAt)).ToList(),
            events.Select(e => new TopicEventView(e.Action, e.From, e.To, e.Note, Name(e.ByUserId), e.At)).ToList(), demands, canAct, canComment);
    }

    public async Task<IReadOnlyList<TopicView>> ListAsync(Guid councilId, CancellationToken ct = default)
    {
        var c = await access.CouncilForViewAsync(councilId, ct);
        var rows = await db.Set<Topic>().AsNoTracking().Where(t => t.CouncilId == c.Id).OrderByDescending(t => t.CreatedAt).Take(300).ToListAsync(ct);
        return rows.Select(TopicView.From).ToList();
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/deliberation").WithTags("Deliberation");
        g.MapPost("/topics", async (CreateTopicInput input, Topics h, CancellationToken ct) =>
        {
            var t = await h.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/deliberation/topics/{t.Id}", t);
        }).WithSummary("Raise a topic for a council (members and committee: origin Member; residents of the area: origin Residents)");
        g.MapGet("/councils/{id:guid}/topics", async (Guid id, Topics h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(id, ct))).WithSummary("Topics of a council, newest first");
        g.MapGet("/councils/{id:guid}/awaiting-demands", async (Guid id, Topics h, CancellationToken ct) => TypedResults.Ok(await h.AwaitingAsync(id, ct)))
            .WithSummary("待议诉求: demands sent to deliberation in the council's area, not yet taken up by a topic");
        g.MapPost("/councils/{id:guid}/topics/from-demands", async (Guid id, TopicFromDemandsInput input, Topics h, CancellationToken ct) =>
        {
            var t = await h.FromDemandsAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/deliberation/topics/{t.Id}", t);
        }).WithSummary("立为议题: make a topic from demands awaiting deliberation");
        g.MapGet("/topics/{id:guid}", async (Guid id, Topics h, CancellationToken ct) => TypedResults.Ok(await h.DetailAsync(id, ct))).WithSummary("A topic with comments, counts and its timeline");
        g.MapPost("/topics/{id:guid}/accept", async (Guid id, AcceptTopicInput input, Topics h, CancellationToken ct) => TypedResults.Ok(await h.AcceptAsync(id, input, ct)))
            .WithSummary("提议 → 评议: accept for review for ReviewDays (default 3)");
        g.MapPost("/topics/{id:guid}/send-back", async (Guid id, TopicReasonInput input, Topics h, CancellationToken ct) => TypedResults.Ok(await h.SendBackAsync(id, input, ct)))
            .WithSummary("Send back one step (review → proposal, deliberation → review) with a reason");
        g.MapPost("/topics/{id:guid}/reject", async (Guid id, TopicReasonInput input, Topics h, CancellationToken ct) => TypedResults.Ok(await h.RejectAsync(id, input, ct)))
            .WithSummary("Reject with a reason (from proposal, review or deliberation)");
        g.MapPost("/topics/{id:guid}/comments", async (Guid id, CommentInput input, Topics h, CancellationToken ct) =>
        {
            var c = await h.CommentAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/deliberation/topics/{id}", c);
        }).WithSummary("评议: comment (Support/Oppose/Neutral) while the topic is under review; members and residents of the area");
    }
}
