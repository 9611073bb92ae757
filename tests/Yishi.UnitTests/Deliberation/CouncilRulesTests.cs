using Yishi.Deliberation.Domain;
using Yishi.Platform.Rules;

namespace Yishi.UnitTests.Deliberation;

public class CouncilRulesTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static Council New(CouncilKind kind = CouncilKind.PublicCouncil)
        => new(Guid.NewGuid(), Guid.NewGuid(), "/d/s/c/", "文华社区大众议事团", kind, T0);

    [Theory]
    [InlineData(9, 6, true)]
    [InlineData(9, 5, false)]
    [InlineData(7, 5, true)]
    [InlineData(7, 4, false)]
    [InlineData(3, 2, true)]
    [InlineData(3, 1, false)]
    [InlineData(6, 4, true)]
    [InlineData(6, 3, false)]
    [InlineData(0, 0, false)]
    [InlineData(5, 0, false)]
    public void Quorum_is_two_thirds_inclusive(int members, int present, bool quorate)
        => New().IsQuorate(members, present).ShouldBe(quorate);

    [Theory]
    [InlineData(6, 4, true)]
    [InlineData(6, 3, false)]
    [InlineData(7, 4, true)]
    [InlineData(7, 3, false)]
    [InlineData(1, 1, true)]
    [InlineData(2, 1, false)]
    [InlineData(0, 0, false)]
    public void Majority_is_strictly_more_than_half_of_those_present(int present, int votesFor, bool passes)
        => New().Passes(present, votesFor).ShouldBe(passes);

    [Fact]
    public void Rules_are_configurable_per_council()
    {
        var c = New();
        c.SetRules(new Fraction(1, 2, false), new Fraction(2, 3, true), 3, 2, true, 7);
        c.IsQuorate(10, 5).ShouldBeFalse();
        c.IsQuorate(10, 6).ShouldBeTrue();
        c.Passes(9, 6).ShouldBeTrue();
        c.Passes(9, 5).ShouldBeFalse();
        c.NoticeDays.ShouldBe(7);
        c.MaxTopicsPerMeeting.ShouldBe(2);
    }

    [Fact]
    public void Large_councils_do_not_overflow()
        => new Fraction(2, 3, true).Reached(int.MaxValue / 2, int.MaxValue / 2).ShouldBeTrue();

    [Fact]
    public void Minimum_present_for_a_quorum()
    {
        new Fraction(2, 3, true).Minimum(9).ShouldBe(6);
        new Fraction(2, 3, true).Minimum(7).ShouldBe(5);
        new Fraction(1, 2, false).Minimum(6).ShouldBe(4);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(4, 3)]
    [InlineData(1, 0)]
    public void Invalid_fractions_are_input_errors(int n, int d)
        => Should.Throw<InputInvalid>(() => New().SetRules(new Fraction(n, d, true), new Fraction(1, 2, false), 1, null, false, 5));

    [Fact]
    public void Representatives_meeting_defaults_decide_vital_interests_and_take_two_topics()
    {
        var c = New(CouncilKind.Representatives);
        c.DecidesVitalInterests.ShouldBeTrue();
        c.MaxTopicsPerMeeting.ShouldBe(2);
        c.NoticeDays.ShouldBe(5);
        New(CouncilKind.TwoCommittee).DecidesVitalInterests.ShouldBeFalse();
        New(CouncilKind.TwoCommittee).MaxTopicsPerMeeting.ShouldBeNull();
        New(CouncilKind.PublicCouncil).Recurrence.DayList.ShouldBe([8, 18, 28]);
    }

    [Fact]
    public void Ending_a_membership_twice_is_refused()
    {
        var m = new CouncilMember(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, "王建国", MemberPosition.Member, null, null, new DateOnly(2026, 1, 1));
        m.End(new DateOnly(2026, 6, 1), "换届");
        m.IsActive.ShouldBeFalse();
        Should.Throw<RuleViolation>(() => m.End(new DateOnly(2026, 7, 1), "再次"));
    }

    [Fact]
    public void A_term_cannot_end_before_it_starts()
        => Should.Throw<InputInvalid>(() => new CouncilMember(Guid.NewGuid(), Guid.NewGuid(), null, null, "李四", MemberPosition.Member,
            new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1)));
}
