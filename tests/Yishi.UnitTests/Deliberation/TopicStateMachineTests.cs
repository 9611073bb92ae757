using Yishi.Deliberation.Domain;
using Yishi.Platform.Rules;

namespace Yishi.UnitTests.Deliberation;

public class TopicStateMachineTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid District = Guid.NewGuid();

    private static Council Representatives() => new(District, Guid.NewGuid(), "/d/s/c/", "代表会议", CouncilKind.Representatives, T0);

    private static Meeting MeetingOf(Council c, MeetingKind kind = MeetingKind.Regular)
        => new(District, c.AreaId, c.AreaPath, c.Id, "YS-HY-2026-0001", kind, MeetingForm.SitDown, "会议室", T0.AddDays(7), null, T0, null);

    private static Topic New(bool vital = false, bool urgent = false)
        => new(District, Guid.NewGuid(), "/d/s/c/", Guid.NewGuid(), "修缮3号楼屋顶", "屋顶漏水", "多户反映", 1_200_000, TopicOrigin.Member,
            Guid.NewGuid(), vital, urgent, TopicContentCategory.Development, TopicMustDeliberate.PublicFacilities, T0);

    private static Resolution ResolutionOf(Topic t, bool passed)
        => new(District, t.AreaId, t.AreaPath, t.CouncilId, t.Id, Guid.NewGuid(), "YS-JY-2026-0001", t.Title, "同意", new VoteCount(9, 7, passed ? 5 : 2, passed ? 2 : 5, 0), passed, 5, T0);

    private static Council TwoCommittee() => new(District, Guid.NewGuid(), "/d/s/c/", "两委会", CouncilKind.TwoCommittee, T0);

    // Vital: every action is possible from some stage, forwarding to the representatives meeting too.
    private static Topic In(TopicStage stage)
    {
        var t = New(vital: true);
        var c = Representatives();
        void Go(TopicStage s)
        {
            switch (s)
            {
                case TopicStage.Review: t.Accept(3, null, T0); break;
                case TopicStage.Deliberation: t.PlaceOnAgenda(c, MeetingOf(c), null, T0); break;
                case TopicStage.Notice: t.Resolve(ResolutionOf(t, true), false, null, T0); break;
                case TopicStage.Implementation: t.NoticeEnded(T0); break;
                case TopicStage.FollowUp: t.TasksDone(T0); break;
            }
        }
        TopicStage[] path = stage switch
        {
            TopicStage.Proposal => [],
            TopicStage.Review => [TopicStage.Review],
            TopicStage.Deliberation => [TopicStage.Review, TopicStage.Deliberation],
            TopicStage.Notice => [TopicStage.Review, TopicStage.Deliberation, TopicStage.Notice],
            TopicStage.Implementation => [TopicStage.Review, TopicStage.Deliberation, TopicStage.Notice, TopicStage.Implementation],
            TopicStage.FollowUp => [TopicStage.Review, TopicStage.Deliberation, TopicStage.Notice, TopicStage.Implementation, TopicStage.FollowUp],
            _ => [],
        };
        foreach (var s in path) Go(s);
        if (stage == TopicStage.Closed) { foreach (var s in new[] { TopicStage.Review, TopicStage.Deliberation, TopicStage.Notice, TopicStage.Implementation, TopicStage.FollowUp }) Go(s); t.FollowUpReviewed(true, true, "满意", T0); }
        if (stage == TopicStage.Rejected) t.Reject("不属于议事范围", T0);
        t.Stage.ShouldBe(stage);
        return t;
    }

    private static void Do(Topic t, TopicAction action)
    {
        var c = Representatives();
        switch (action)
        {
            case TopicAction.Accept: t.Accept(3, null, T0); break;
            case TopicAction.SendBack: t.SendBack("材料不全", T0); break;
            case TopicAction.Reject: t.Reject("不属于议事范围", T0); break;
            case TopicAction.PlaceOnAgenda: t.PlaceOnAgenda(c, MeetingOf(c), null, T0); break;
            case TopicAction.ResolvePassed: t.Resolve(ResolutionOf(t, true), false, null, T0); break;
            case TopicAction.ResolveFailed: t.Resolve(ResolutionOf(t, false), false, null, T0); break;
            case TopicAction.ResolveFailedToReview: t.Resolve(ResolutionOf(t, false), true, "方案需修改", T0); break;
            case TopicAction.NoticeEnded: t.NoticeEnded(T0); break;
            case TopicAction.ObjectionUpheld: t.ObjectionUpheld("异议成立", T0); break;
            case TopicAction.TasksDone: t.TasksDone(T0); break;
            case TopicAction.ReviewPassed: t.FollowUpReviewed(true, true, "满意", T0); break;
            case TopicAction.ReviewFailed: t.FollowUpReviewed(true, false, "居民不满意", T0); break;
            case TopicAction.ForwardToRepresentatives: t.ForwardToRepresentatives(TwoCommittee(), c, "讨论后提交", T0); break;
        }
    }

    public static TheoryData<TopicStage, TopicAction, TopicStage> Allowed()
    {
        var data = new TheoryData<TopicStage, TopicAction, TopicStage>();
        foreach (var ((from, action), to) in TopicTransitions.Table) data.Add(from, action, to);
        return data;
    }

    public static TheoryData<TopicStage, TopicAction> Forbidden()
    {
        var data = new TheoryData<TopicStage, TopicAction>();
        foreach (var from in Enum.GetValues<TopicStage>())
            foreach (var action in Enum.GetValues<TopicAction>())
                if (!TopicTransitions.IsAllowed(from, action)) data.Add(from, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Every_allowed_transition_reaches_its_stage(TopicStage from, TopicAction action, TopicStage to)
    {
        var t = In(from);
        Do(t, action);
        t.Stage.ShouldBe(to);
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Every_forbidden_transition_is_refused_and_changes_nothing(TopicStage from, TopicAction action)
    {
        var t = In(from);
        var ex = Should.Throw<RuleViolation>(() => Do(t, action));
        ex.Code.ShouldBe("topic.transition_forbidden");
        t.Stage.ShouldBe(from);
    }

    [Fact]
    public void The_table_matches_the_procedure()
    {
        TopicTransitions.Table[(TopicStage.Proposal, TopicAction.Accept)].ShouldBe(TopicStage.Review);
        TopicTransitions.Table[(TopicStage.Review, TopicAction.SendBack)].ShouldBe(TopicStage.Proposal);
        TopicTransitions.Table[(TopicStage.Deliberation, TopicAction.SendBack)].ShouldBe(TopicStage.Review);
        TopicTransitions.Table[(TopicStage.Notice, TopicAction.ObjectionUpheld)].ShouldBe(TopicStage.Deliberation);
        TopicTransitions.Table[(TopicStage.FollowUp, TopicAction.ReviewFailed)].ShouldBe(TopicStage.Implementation);
        TopicTransitions.AllowedFrom(TopicStage.Closed).ShouldBeEmpty();
        TopicTransitions.AllowedFrom(TopicStage.Rejected).ShouldBeEmpty();
    }

    [Fact]
    public void Accept_sets_the_end_of_the_review_period()
    {
        var t = New();
        t.Accept(3, null, T0);
        t.ReviewEndsAt.ShouldBe(T0.AddDays(3));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Send_back_and_reject_need_a_reason(string reason)
    {
        var t = In(TopicStage.Review);
        Should.Throw<InputInvalid>(() => t.SendBack(reason, T0)).Fields.Keys.ShouldContain("Reason");
        Should.Throw<InputInvalid>(() => t.Reject(reason, T0));
        t.Stage.ShouldBe(TopicStage.Review);
    }

    [Fact]
    public void A_vital_interest_topic_is_discussed_by_any_council_but_decided_only_by_one_that_decides_vital_interests()
    {
        var t = New(vital: true);
        t.Accept(3, null, T0);
        var twoCommittee = TwoCommittee();
        t.PlaceOnAgenda(twoCommittee, MeetingOf(twoCommittee), null, T0);
        t.Stage.ShouldBe(TopicStage.Deliberation);
        Should.Throw<RuleViolation>(() => t.RequireDecidableBy(twoCommittee)).Code.ShouldBe("topic.vital_interest_needs_representatives");
        Should.Throw<RuleViolation>(() => t.ForwardToRepresentatives(twoCommittee, TwoCommittee(), null, T0)).Code.ShouldBe("topic.no_representatives_council");
        var reps = Representatives();
        t.ForwardToRepresentatives(twoCommittee, reps, "讨论后提交", T0);
        t.Stage.ShouldBe(TopicStage.Review);
        t.CouncilId.ShouldBe(reps.Id);
        t.RequireDecidableBy(reps);
        t.PlaceOnAgenda(reps, MeetingOf(reps), null, T0);
        t.Stage.ShouldBe(TopicStage.Deliberation);
        Should.Throw<RuleViolation>(() => t.ForwardToRepresentatives(reps, reps, null, T0)).Code.ShouldBe("topic.forward_not_needed");
    }

    [Fact]
    public void Only_an_urgent_topic_goes_on_an_emergency_meeting()
    {
        var c = Representatives();
        var normal = In(TopicStage.Review);
        Should.Throw<RuleViolation>(() => normal.PlaceOnAgenda(c, MeetingOf(c, MeetingKind.Emergency), null, T0)).Code.ShouldBe("topic.emergency_only_urgent");
        var urgent = New(urgent: true);
        urgent.Accept(0, null, T0);
        urgent.PlaceOnAgenda(c, MeetingOf(c, MeetingKind.Emergency), null, T0);
        urgent.Stage.ShouldBe(TopicStage.Deliberation);
    }

    [Fact]
    public void A_topic_goes_only_on_a_meeting_of_its_council_that_has_not_started()
    {
        var c = Representatives();
        var other = Representatives();
        var t = In(TopicStage.Review);
        Should.Throw<RuleViolation>(() => t.PlaceOnAgenda(c, MeetingOf(other), null, T0)).Code.ShouldBe("topic.wrong_council");
        var cancelled = MeetingOf(c);
        cancelled.Cancel("下雨", T0);
        Should.Throw<RuleViolation>(() => t.PlaceOnAgenda(c, cancelled, null, T0)).Code.ShouldBe("topic.meeting_not_open");
    }

    [Fact]
    public void The_agenda_limit_of_the_representatives_meeting_is_two()
    {
        var c = Representatives();
        c.RequireRoomOnAgenda(0);
        c.RequireRoomOnAgenda(1);
        Should.Throw<RuleViolation>(() => c.RequireRoomOnAgenda(2)).Code.ShouldBe("meeting.agenda_full");
        new Council(District, Guid.NewGuid(), "/d/s/c/", "两委会", CouncilKind.TwoCommittee, T0).RequireRoomOnAgenda(100);
    }

    [Fact]
    public void A_failed_resolution_rejects_the_topic_or_sends_it_back_with_a_reason()
    {
        var a = In(TopicStage.Deliberation);
        a.Resolve(ResolutionOf(a, false), false, null, T0);
        a.Stage.ShouldBe(TopicStage.Rejected);
        a.ClosedAt.ShouldBe(T0);
        var b = In(TopicStage.Deliberation);
        Should.Throw<InputInvalid>(() => b.Resolve(ResolutionOf(b, false), true, null, T0));
        b.Resolve(ResolutionOf(b, false), true, "修改方案后再议", T0);
        b.Stage.ShouldBe(TopicStage.Review);
        b.LastReason.ShouldBe("修改方案后再议");
    }

    [Fact]
    public void A_follow_up_review_passes_only_when_expectations_are_met_and_residents_satisfied()
    {
        var a = In(TopicStage.FollowUp);
        a.FollowUpReviewed(false, true, "未达预期", T0);
        a.Stage.ShouldBe(TopicStage.Implementation);
        var b = In(TopicStage.FollowUp);
        b.FollowUpReviewed(true, true, null, T0);
        b.Stage.ShouldBe(TopicStage.Closed);
    }

    [Fact]
    public void Topics_can_be_edited_only_before_deliberation()
    {
        var t = In(TopicStage.Review);
        t.Edit("新标题", "描述", null, null, false, false, null, null);
        t.Title.ShouldBe("新标题");
        var d = In(TopicStage.Deliberation);
        Should.Throw<RuleViolation>(() => d.Edit("新标题", "描述", null, null, false, false, null, null));
    }
}
