using Yishi.Platform.Rules;
using Yishi.ServiceAreas.Domain;

namespace Yishi.UnitTests.ServiceAreas;

public class PointRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid District = Guid.NewGuid();
    private static readonly Guid Secretary = Guid.NewGuid();
    private static readonly Guid Organiser = Guid.NewGuid();
    private static readonly Guid Supervisor = Guid.NewGuid();

    private static ApprovalRecord Vote(DateOnly day, int total = 30, int present = 24, int votesFor = 20)
        => new(day, "村民代表会议", total, present, votesFor, present - votesFor, 0);

    private static (PointList List, List<PointListVersion> Versions) ListWith(params DateOnly[] effectiveFroms)
    {
        var list = new PointList(District, Guid.NewGuid(), "/d/s/c/", Now);
        var versions = new List<PointListVersion>();
        foreach (var from in effectiveFroms)
        {
            var v = list.NewDraft(Secretary, Now);
            v.ApproveManually(Vote(from), from, Secretary, Now);
            versions.LastOrDefault(x => x.Status == PointListVersionStatus.Approved)?.Supersede(Now);
            versions.Add(v);
        }
        return (list, versions);
    }

    [Fact]
    public void Version_in_force_starts_on_its_effective_day_itself()
    {
        var (_, versions) = ListWith(new DateOnly(2025, 11, 1), new DateOnly(2026, 7, 15));
        PointRuleVersions.InForce(versions, new DateOnly(2026, 7, 15))!.Number.ShouldBe(2);
        PointRuleVersions.InForce(versions, new DateOnly(2026, 7, 14))!.Number.ShouldBe(1);
        PointRuleVersions.InForce(versions, new DateOnly(2026, 11, 23))!.Number.ShouldBe(2);
    }

    [Fact]
    public void Before_the_first_version_takes_effect_no_version_is_in_force()
    {
        var (_, versions) = ListWith(new DateOnly(2025, 11, 1));
        PointRuleVersions.InForce(versions, new DateOnly(2025, 10, 31)).ShouldBeNull();
        PointRuleVersions.InForce(versions, new DateOnly(2025, 11, 1))!.Number.ShouldBe(1);
        PointRuleVersions.InForce([], new DateOnly(2026, 1, 1)).ShouldBeNull();
    }

    [Fact]
    public void A_superseded_version_still_applies_to_days_before_its_successor_and_a_draft_never_applies()
    {
        var (list, versions) = ListWith(new DateOnly(2025, 11, 1), new DateOnly(2026, 7, 15));
        versions[0].Status.ShouldBe(PointListVersionStatus.Superseded);
        var draft = list.NewDraft(Secretary, Now);
        versions.Add(draft);
        draft.Number.ShouldBe(3);
        PointRuleVersions.InForce(versions, new DateOnly(2026, 1, 1))!.Number.ShouldBe(1);
        PointRuleVersions.InForce(versions, new DateOnly(2027, 1, 1))!.Number.ShouldBe(2);
    }

    [Theory]
    [InlineData(30, 20, true)]  // exactly two thirds: inclusive
    [InlineData(30, 19, false)]
    [InlineData(31, 21, true)]  // 21*3 = 63 >= 62
    [InlineData(31, 20, false)] // 60 < 62
    [InlineData(3, 2, true)]
    public void Quorum_is_two_thirds_inclusive(int total, int present, bool quorum)
        => ManualApproval.HasQuorum(total, present).ShouldBe(quorum);

    [Theory]
    [InlineData(20, 11, true)]
    [InlineData(20, 10, false)] // exactly half is not a majority
    [InlineData(21, 11, true)]
    [InlineData(21, 10, false)]
    public void Majority_is_strictly_more_than_half_of_those_present(int present, int votesFor, bool majority)
        => ManualApproval.HasMajority(present, votesFor).ShouldBe(majority);

    [Fact]
    public void A_vote_without_quorum_or_majority_refuses_the_approval_with_the_reason()
    {
        var day = new DateOnly(2026, 11, 20);
        ManualApproval.Refusal(Vote(day, 30, 19, 19)).ShouldBe("Points_NoQuorum");
        ManualApproval.Refusal(Vote(day, 30, 20, 10)).ShouldBe("Points_NoMajority");
        ManualApproval.Refusal(Vote(day, 30, 31, 20)).ShouldBe("Points_PresentAboveTotal");
        ManualApproval.Refusal(new ApprovalRecord(day, "x", 30, 20, 15, 5, 1)).ShouldBe("Points_VotesAbovePresent");
        ManualApproval.Refusal(Vote(day, 30, 20, 11)).ShouldBeNull();

        var list = new PointList(District, Guid.NewGuid(), "/d/s/c/", Now);
        var draft = list.NewDraft(Secretary, Now);
        var ex = Should.Throw<RuleViolation>(() => draft.ApproveManually(Vote(day, 30, 19, 19), day, Secretary, Now));
        ex.MessageKey.ShouldBe("Points_NoQuorum");
        draft.Status.ShouldBe(PointListVersionStatus.Draft);
    }

    [Fact]
    public void An_approved_version_is_immutable()
    {
        var (_, versions) = ListWith(new DateOnly(2025, 11, 1));
        Should.Throw<RuleViolation>(() => versions[0].EnsureDraft()).Code.ShouldBe("points.version_not_draft");
        Should.Throw<RuleViolation>(() => versions[0].ApproveManually(Vote(new DateOnly(2026, 1, 1)), new DateOnly(2026, 1, 1), Secretary, Now));
    }

    private static PointRule Rule(PointDirection direction, int points) => new(District, Guid.NewGuid(), "R1", direction, points, "参加义务劳动", null, null);

    private static PointEntry Award(PointRule rule, Guid household)
        => PointEntry.Award(District, household, Guid.NewGuid(), "/d/s/c/g/", rule, 1, "照片为证", Organiser, Now, new DateOnly(2026, 11, 20));

    [Fact]
    public void Balance_is_the_sum_of_the_ledger_and_a_reversal_restores_it()
    {
        var household = Guid.NewGuid();
        var plus = Rule(PointDirection.Positive, 5);
        var minus = Rule(PointDirection.Negative, 10);
        var entries = new List<PointEntry> { Award(plus, household), Award(plus, household), Award(minus, household) };
        entries.Select(e => e.Points).ShouldBe([5, 5, -10]);
        PointLedger.Balance(entries).ShouldBe(0);
        var before = PointLedger.Balance(entries);
        var wrong = Award(minus, household);
        entries.Add(wrong);
        PointLedger.Balance(entries).ShouldBe(before - 10);
        var reversal = wrong.Reverse("误记", Supervisor, Now, new DateOnly(2026, 11, 23));
        entries.Add(reversal);
        reversal.ReversesEntryId.ShouldBe(wrong.Id);
        reversal.Points.ShouldBe(10);
        PointLedger.Balance(entries).ShouldBe(before);
        Should.Throw<RuleViolation>(() => reversal.Reverse("再冲", Supervisor, Now, new DateOnly(2026, 11, 23))).Code.ShouldBe("points.reversal_of_reversal");
    }

    [Fact]
    public void Rule_points_are_positive_and_the_sign_comes_from_the_direction()
    {
        Rule(PointDirection.Negative, 3).SignedPoints.ShouldBe(-3);
        Rule(PointDirection.Positive, 3).SignedPoints.ShouldBe(3);
        Should.Throw<InputInvalid>(() => Rule(PointDirection.Positive, 0));
        Should.Throw<InputInvalid>(() => Rule(PointDirection.Negative, -5));
    }

    [Fact]
    public void The_awarder_may_never_decide_the_appeal_against_their_entry()
    {
        var entry = Award(Rule(PointDirection.Negative, 5), Guid.NewGuid());
        var appeal = new PointAppeal(entry, "当天不在家", Guid.NewGuid(), Now);
        var ex = Should.Throw<RuleViolation>(() => appeal.Uphold(entry, "核实有误", Organiser, Now, new DateOnly(2026, 11, 23)));
        ex.Code.ShouldBe("points.awarder_cannot_decide");
        ex.Status.ShouldBe(403);
        Should.Throw<RuleViolation>(() => appeal.Dismiss("属实", Organiser, Now)).Code.ShouldBe("points.awarder_cannot_decide");
        appeal.Status.ShouldBe(AppealStatus.Open);
    }

    [Fact]
    public void An_upheld_appeal_reverses_the_entry_and_closes_so_a_new_appeal_can_be_raised_only_once_it_is_decided()
    {
        var entry = Award(Rule(PointDirection.Negative, 5), Guid.NewGuid());
        var appeal = new PointAppeal(entry, "当天不在家", Guid.NewGuid(), Now);
        appeal.OpenEntryId.ShouldBe(entry.Id); // unique per entry while open: a second open appeal is refused by the index
        var reversal = appeal.Uphold(entry, "核实有误", Supervisor, Now, new DateOnly(2026, 11, 23));
        appeal.Status.ShouldBe(AppealStatus.Upheld);
        appeal.OpenEntryId.ShouldBeNull();
        appeal.ReversalEntryId.ShouldBe(reversal.Id);
        reversal.Points.ShouldBe(5);
        Should.Throw<RuleViolation>(() => appeal.Dismiss("再议", Supervisor, Now)).Code.ShouldBe("points.appeal_decided");
        Should.Throw<RuleViolation>(() => new PointAppeal(reversal, "不服", Guid.NewGuid(), Now)).Code.ShouldBe("points.appeal_reversal");
    }

    [Fact]
    public void A_dismissed_appeal_keeps_the_entry_and_frees_the_entry_for_another_appeal()
    {
        var entry = Award(Rule(PointDirection.Negative, 5), Guid.NewGuid());
        var appeal = new PointAppeal(entry, "当天不在家", Guid.NewGuid(), Now);
        appeal.Dismiss("经核实属实", Supervisor, Now);
        appeal.Status.ShouldBe(AppealStatus.Dismissed);
        appeal.OpenEntryId.ShouldBeNull();
        appeal.ReversalEntryId.ShouldBeNull();
    }
}

public class EvaluationRulesTests
{
    [Fact]
    public void A_period_is_unique_per_kind_whatever_the_spacing()
    {
        var existing = new[] { (EvaluationKind.Mutual, "2026年第三季度") };
        EvaluationPeriods.IsTaken(existing, EvaluationKind.Mutual, "2026年 第三季度 ").ShouldBeTrue();
        EvaluationPeriods.IsTaken(existing, EvaluationKind.Members, "2026年第三季度").ShouldBeFalse();
        EvaluationPeriods.IsTaken(existing, EvaluationKind.Mutual, "2026年第四季度").ShouldBeFalse();
        EvaluationPeriods.Normalise(" 2026年 第三季度").ShouldBe("2026年第三季度");
    }

    [Fact]
    public void An_evaluator_may_not_score_their_own_area()
    {
        var own = Guid.NewGuid();
        var evaluator = new EvaluationEvaluator(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), own);
        Should.Throw<RuleViolation>(() => evaluator.EnsureMayScore(own)).Code.ShouldBe("evaluation.own_area");
        evaluator.EnsureMayScore(Guid.NewGuid());
    }

    [Fact]
    public void A_closed_round_takes_no_more_scores_and_cannot_close_twice()
    {
        var round = new EvaluationRound(Guid.NewGuid(), Guid.NewGuid(), "/d/s/c/", EvaluationKind.Mutual, "2026年第三季度", Guid.NewGuid(), new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc));
        round.EnsureOpen();
        round.Close(new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc));
        Should.Throw<RuleViolation>(() => round.EnsureOpen()).Code.ShouldBe("evaluation.round_closed");
        Should.Throw<RuleViolation>(() => round.Close(new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc)));
        Should.Throw<RuleViolation>(() => round.EnsureKind(EvaluationKind.Members)).Code.ShouldBe("evaluation.wrong_kind");
    }

    [Fact]
    public void Results_are_integers_averages_in_tenths_and_rates_in_per_mille()
    {
        EvaluationResults.AverageTenths([85, 86]).ShouldBe(855);
        EvaluationResults.AverageTenths([90, 90, 91]).ShouldBe(903); // 90.33
        EvaluationResults.AverageTenths([]).ShouldBe(0);
        EvaluationResults.SatisfactionPerMille(7, 2, 1).ShouldBe(900);
        EvaluationResults.SatisfactionPerMille(1, 1, 1).ShouldBe(667);
        EvaluationResults.SatisfactionPerMille(0, 0, 0).ShouldBe(0);
    }
}
