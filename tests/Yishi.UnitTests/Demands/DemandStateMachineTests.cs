using Yishi.Demands.Domain;
using Yishi.Platform.Rules;

namespace Yishi.UnitTests.Demands;

public class DemandStateMachineTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    private static Demand New(HandlingLevel level = HandlingLevel.Community)
        => new(Guid.NewGuid(), Guid.NewGuid(), "/d/s/c/g/", "YS-20261123-000001-ABCD", "楼顶漏水很严重", null, Channel.Web, false, null, null, null, level, T0);

    /// <summary>A demand brought into <paramref name="status"/> through allowed steps, on the given rung.</summary>
    private static Demand In(DemandStatus status, HandlingLevel level = HandlingLevel.Department)
    {
        var d = New(level);
        switch (status)
        {
            case DemandStatus.InProgress:
                d.Assign(null, Unit, T0.AddDays(1), T0, null);
                break;
            case DemandStatus.Guidance:
                d.Classify(Ownership.Personal, false, null, null);
                d.Guide("自行联系维修", T0.AddDays(7), T0);
                break;
            case DemandStatus.AwaitingDeliberation:
                d.SendToDeliberation("涉及全体居民利益", T0);
                break;
            case DemandStatus.Handled:
                d.HandleOnSpot("已处理", T0);
                break;
            case DemandStatus.Closed:
                d.HandleOnSpot("已处理", T0);
                d.CloseWithoutReview("居民已搬离", T0);
                break;
        }
        d.Status.ShouldBe(status);
        return d;
    }

    private static void Do(Demand d, DemandAction action)
    {
        switch (action)
        {
            case DemandAction.HandleOnSpot: d.HandleOnSpot("现场处理", T0); break;
            case DemandAction.Assign: d.Assign(null, Unit, T0.AddDays(1), T0, null); break;
            case DemandAction.Guide: d.Classify(Ownership.Personal, false, null, null); d.Guide("指引", T0.AddDays(7), T0); break;
            case DemandAction.Escalate: d.Escalate("上报", Unit, T0.AddHours(2), T0); break;
            case DemandAction.AutoEscalate: d.Escalate("超时", Unit, T0.AddHours(2), T0, automatic: true); break;
            case DemandAction.Refer: d.Refer(Other, "转办", T0.AddHours(2), T0); break;
            case DemandAction.SendToDeliberation: d.SendToDeliberation("提交议事", T0); break;
            case DemandAction.RecordResolution: d.RecordResolution("决议通过", T0.AddDays(30), T0); break;
            case DemandAction.ReturnFromDeliberation: d.ReturnFromDeliberation("议事会认为不属本会议事范围", T0.AddDays(1), T0); break;
            case DemandAction.ExemptFromDeliberation:
                if (d.Status is DemandStatus.Submitted or DemandStatus.InProgress or DemandStatus.Guidance)
                    d.Classify(d.Ownership ?? Ownership.Community, false, null, MustDeliberateCategory.PublicFacilities);
                d.ExemptFromDeliberation("个案维修，书记确认免议", T0);
                break;
            case DemandAction.Handle: d.Handle("已办结", T0); break;
            case DemandAction.Convert: d.Convert(Ownership.Community, "仍有困难", T0.AddHours(24), T0); break;
            case DemandAction.RateSatisfied: d.Rate(Satisfaction.Satisfied, null, T0, TimeSpan.FromDays(7), T0.AddDays(7)); break;
            case DemandAction.RateDissatisfied: d.Rate(Satisfaction.Dissatisfied, "没修好", T0, TimeSpan.FromDays(7), T0.AddDays(7)); break;
            case DemandAction.ReviewPassed: d.Review(true, true, "满意", T0, T0.AddDays(7)); break;
            case DemandAction.ReviewFailed: d.Review(false, true, "未达预期", T0, T0.AddDays(7)); break;
            case DemandAction.CloseWithoutReview: d.CloseWithoutReview("无法回访", T0); break;
            case DemandAction.Dismiss: d.Dismiss("重复提交", T0); break;
            case DemandAction.FollowCommonIssue:
                var issue = d.CommonIssueId ?? Guid.NewGuid();
                d.JoinCommonIssue(issue);
                var lead = New();
                lead.JoinCommonIssue(issue);
                lead.HandleOnSpot("统一维修", T0);
                d.FollowLead(lead, T0);
                break;
        }
    }

    public static TheoryData<DemandStatus, DemandAction> AllPairs()
    {
        var data = new TheoryData<DemandStatus, DemandAction>();
        foreach (var s in Enum.GetValues<DemandStatus>())
            foreach (var a in Enum.GetValues<DemandAction>())
                data.Add(s, a);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_action_is_allowed_exactly_where_the_table_says_and_lands_where_it_says(DemandStatus from, DemandAction action)
    {
        // Refer is between departments; everything else is tried on the street rung, which can still climb.
        var d = In(from, action == DemandAction.Refer ? HandlingLevel.Department : HandlingLevel.Street);
        if (DemandTransitions.Table.TryGetValue((from, action), out var to))
        {
            Do(d, action);
            d.Status.ShouldBe(to);
        }
        else
        {
            var ex = Should.Throw<YishiException>(() => Do(d, action));
            ex.Code.ShouldBeOneOf("demand.transition_forbidden", "demand.top_of_ladder", "demand.guidance_needs_personal", "demand.closed");
            d.Status.ShouldBe(from);
        }
    }

    [Fact]
    public void The_table_is_the_specification()
    {
        DemandTransitions.AllowedFrom(DemandStatus.Submitted).ShouldBe(
            [DemandAction.HandleOnSpot, DemandAction.Assign, DemandAction.Guide, DemandAction.Escalate, DemandAction.AutoEscalate, DemandAction.Refer, DemandAction.SendToDeliberation, DemandAction.Dismiss, DemandAction.FollowCommonIssue, DemandAction.ExemptFromDeliberation], ignoreOrder: true);
        DemandTransitions.AllowedFrom(DemandStatus.Handled).ShouldBe(
            [DemandAction.RateSatisfied, DemandAction.RateDissatisfied, DemandAction.ReviewPassed, DemandAction.ReviewFailed, DemandAction.CloseWithoutReview, DemandAction.FollowCommonIssue], ignoreOrder: true);
        DemandTransitions.AllowedFrom(DemandStatus.Closed).ShouldBeEmpty();
        DemandTransitions.AllowedFrom(DemandStatus.AwaitingDeliberation).ShouldBe([DemandAction.RecordResolution, DemandAction.ReturnFromDeliberation, DemandAction.FollowCommonIssue], ignoreOrder: true);
    }

    [Fact]
    public void A_must_deliberate_demand_cannot_be_handled_on_the_spot_without_a_resolution_or_exemption()
    {
        var d = New();
        d.Classify(Ownership.Community, false, null, MustDeliberateCategory.ResidentInterests);
        var ex = Should.Throw<RuleViolation>(() => d.HandleOnSpot("已处理", T0));
        ex.Code.ShouldBe("demand.must_deliberate");
        d.Status.ShouldBe(DemandStatus.Submitted);
        d.ExemptFromDeliberation("个案，已征求居民代表意见", T0);
        d.HandleOnSpot("已处理", T0).To.ShouldBe(DemandStatus.Handled);
        d.DeliberationExemption.ShouldBe("个案，已征求居民代表意见");
    }

    [Fact]
    public void A_must_deliberate_demand_can_be_handled_once_a_resolution_is_recorded()
    {
        var d = New();
        d.Classify(Ownership.Community, false, null, MustDeliberateCategory.PublicFacilities);
        d.Assign(null, Unit, T0.AddDays(7), T0, null);
        Should.Throw<RuleViolation>(() => d.Handle("已办结", T0)).Code.ShouldBe("demand.must_deliberate");
        d.SendToDeliberation("涉及公共设施", T0);
        d.RecordResolution("决议：维修", T0.AddDays(30), T0.AddDays(3));
        d.DeliberatedAt.ShouldBe(T0.AddDays(3));
        d.Handle("按决议完成维修", T0.AddDays(10)).To.ShouldBe(DemandStatus.Handled);
    }

    [Fact]
    public void Exemption_needs_a_must_deliberate_category_and_is_recorded_once()
    {
        var d = New();
        Should.Throw<RuleViolation>(() => d.ExemptFromDeliberation("无", T0)).Code.ShouldBe("demand.not_must_deliberate");
        d.Classify(Ownership.Community, false, null, MustDeliberateCategory.Environment);
        d.ExemptFromDeliberation("紧急清理", T0);
        Should.Throw<RuleViolation>(() => d.ExemptFromDeliberation("再次", T0)).Code.ShouldBe("demand.already_exempt");
    }

    [Fact]
    public void A_demand_returned_from_deliberation_waits_for_triage_again()
    {
        var d = New();
        d.SendToDeliberation("涉及全体居民", T0);
        var change = d.ReturnFromDeliberation("议事会决定不予立项，退回社区办理", T0.AddHours(24), T0);
        change.To.ShouldBe(DemandStatus.Submitted);
        d.AcknowledgeDueAt.ShouldBe(T0.AddHours(24));
    }

    [Fact]
    public void Escalation_climbs_council_community_street_department_and_stops_at_the_top()
    {
        var d = New(HandlingLevel.Council);
        d.Escalate("a", null, T0, T0);
        d.Level.ShouldBe(HandlingLevel.Community);
        d.Escalate("b", null, T0, T0);
        d.Level.ShouldBe(HandlingLevel.Street);
        Should.Throw<InputInvalid>(() => d.Escalate("c", null, T0, T0)).Fields.Keys.ShouldContain("UnitId");
        d.Escalate("c", Unit, T0, T0);
        d.Level.ShouldBe(HandlingLevel.Department);
        d.UnitId.ShouldBe(Unit);
        d.EscalationCount.ShouldBe(3);
        Should.Throw<RuleViolation>(() => d.Escalate("d", Unit, T0, T0)).Code.ShouldBe("demand.top_of_ladder");
    }

    [Fact]
    public void Escalation_resets_acknowledgement_so_the_next_rung_must_acknowledge()
    {
        var d = New();
        d.Assign(Guid.NewGuid(), null, T0.AddDays(7), T0, null);
        d.AcknowledgedAt.ShouldNotBeNull();
        d.Escalate("社区无力解决", null, T0.AddHours(24), T0);
        d.Status.ShouldBe(DemandStatus.Submitted);
        d.AcknowledgedAt.ShouldBeNull();
        d.AssigneeUserId.ShouldBeNull();
        d.ResolveDueAt.ShouldBeNull();
        d.AcknowledgeDueAt.ShouldBe(T0.AddHours(24));
    }

    [Fact]
    public void Rating_is_once_within_the_window_and_dissatisfied_needs_a_comment_and_reopens_to_the_same_handler()
    {
        var d = New();
        d.Assign(null, Unit, T0.AddDays(7), T0, null);
        d.Handle("已修好", T0);
        Should.Throw<InputInvalid>(() => d.Rate(Satisfaction.Dissatisfied, " ", T0, TimeSpan.FromDays(7), T0)).Fields.Keys.ShouldContain("Comment");
        Should.Throw<RuleViolation>(() => d.Rate(Satisfaction.Satisfied, null, T0.AddDays(7).AddSeconds(1), TimeSpan.FromDays(7), T0)).Code.ShouldBe("demand.rating_window_closed");
        d.Rate(Satisfaction.Dissatisfied, "还在漏", T0.AddDays(7), TimeSpan.FromDays(7), T0.AddDays(14));
        d.Status.ShouldBe(DemandStatus.InProgress);
        d.UnitId.ShouldBe(Unit);
        d.ReopenCount.ShouldBe(1);
        d.Handle("再次修补", T0.AddDays(8));
        d.RatedAt.ShouldBeNull();
        d.Rate(Satisfaction.Satisfied, null, T0.AddDays(8), TimeSpan.FromDays(7), T0);
        Should.Throw<RuleViolation>(() => d.Rate(Satisfaction.Satisfied, null, T0.AddDays(8), TimeSpan.FromDays(7), T0)).Code.ShouldBe("demand.already_rated");
    }

    [Fact]
    public void Only_departments_refer_and_not_to_themselves()
    {
        var d = New(HandlingLevel.Street);
        Should.Throw<RuleViolation>(() => d.Refer(Unit, "x", T0, T0)).Code.ShouldBe("demand.refer_only_departments");
        d = In(DemandStatus.InProgress);
        Should.Throw<RuleViolation>(() => d.Refer(Unit, "x", T0, T0)).Code.ShouldBe("demand.refer_same_unit");
    }
}

public class DeadlineAndCodeTests
{
    [Fact]
    public void Urgent_defaults_are_two_hours_to_acknowledge_and_a_day_to_resolve()
    {
        var policy = new DeadlinePolicy([]);
        policy.For(null, true).ShouldBe((TimeSpan.FromHours(2), TimeSpan.FromHours(24)));
        policy.For(Ownership.Government, false).Resolve.ShouldBe(TimeSpan.FromDays(15));
        policy.For(Ownership.Community, false).ShouldBe((TimeSpan.FromHours(24), TimeSpan.FromDays(7)));
    }

    [Fact]
    public void District_rules_override_defaults_and_untriaged_rules_apply_to_every_ownership()
    {
        var d = Guid.NewGuid();
        var policy = new DeadlinePolicy([new DeadlineRule(d, null, true, 60, 600), new DeadlineRule(d, Ownership.Government, true, 30, 300)]);
        policy.For(Ownership.Government, true).ShouldBe((TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(300)));
        policy.For(Ownership.Community, true).ShouldBe((TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(600)));
        policy.For(Ownership.Community, false).ShouldBe((TimeSpan.FromHours(24), TimeSpan.FromDays(7)));
    }

    [Fact]
    public void Tracking_codes_read_as_date_and_sequence_with_an_unguessable_tail()
    {
        var a = TrackingCode.Create(new DateTime(2026, 11, 22), 123);
        a.ShouldStartWith("YS-20261122-000123-");
        TrackingCode.Normalise(a.ToLowerInvariant()).ShouldBe(a);
        TrackingCode.Normalise(" " + a.Replace('-', '－') + " ").ShouldBe(a);
        TrackingCode.Normalise("YS-20261122-000123").ShouldBeNull();
        TrackingCode.Normalise("YS-20261122-000123-OOOO").ShouldBeNull();
        Enumerable.Range(0, 50).Select(_ => TrackingCode.Create(new DateTime(2026, 11, 22), 1)).Distinct().Count().ShouldBeGreaterThan(45);
    }

    [Fact]
    public void Demo_tracking_codes_from_a_seeded_random_are_repeatable_and_valid()
    {
        var a = TrackingCode.Create(new DateTime(2026, 11, 22), 7, new Random(42));
        a.ShouldBe(TrackingCode.Create(new DateTime(2026, 11, 22), 7, new Random(42)));
        a.ShouldStartWith("YS-20261122-000007-");
        TrackingCode.Normalise(a).ShouldBe(a);
    }

    [Theory]
    [InlineData("3栋楼顶漏水，下雨天家里到处滴水", "三栋楼顶漏水严重，下雨天滴水", 0.4, 1.0)]
    [InlineData("3栋楼顶漏水", "小区门口停车太乱", 0.0, 0.1)]
    [InlineData("漏水", "漏水", 1.0, 1.0)]
    public void Similar_chinese_texts_share_character_bigrams(string a, string b, double min, double max)
    {
        var score = Similarity.Dice(a, b);
        score.ShouldBeGreaterThanOrEqualTo(min);
        score.ShouldBeLessThanOrEqualTo(max);
    }

    [Fact]
    public void Keyword_rules_suggest_the_majority_classification()
    {
        var s = TriageSuggester.Suggest("小区天然气管道没有接通，燃气公司说要统一申请", TriageSuggester.Defaults);
        s.Ownership.ShouldBe(Ownership.Government);
        s.MustDeliberate.ShouldBe(MustDeliberateCategory.Livelihood);
        s.MatchedKeywords.ShouldContain("燃气");
        TriageSuggester.Suggest("今天天气不错", TriageSuggester.Defaults).Ownership.ShouldBeNull();
    }
}
