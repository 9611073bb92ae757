using Yishi.Platform.Rules;
using Yishi.ServiceAreas.Domain;

namespace Yishi.UnitTests.ServiceAreas;

public class ActivityRulesTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ServiceArea Area() => new(Guid.NewGuid(), Guid.NewGuid(), "/d/s/c/", "石门村第一服务区", null, T0);

    [Theory]
    [InlineData("1.5", 90)]
    [InlineData("2", 120)]
    [InlineData("0.25", 15)]
    [InlineData("0.33", 20)]
    public void Decimal_hours_are_kept_as_whole_minutes(string hours, int minutes)
    {
        ServiceActivity.MinutesFromHours(decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(minutes);
        ServiceActivity.HoursFromMinutes(90).ShouldBe(1.5m);
    }

    [Fact]
    public void An_activity_cannot_be_dated_in_the_future()
        => Should.Throw<InputInvalid>(() => new ServiceActivity(Area(), ActivityType.Publicity, "政策宣讲", Today.AddDays(1), 10, 60, null, Guid.NewGuid(), Today, T0))
            .Fields.Keys.ShouldContain("HeldOn");

    [Theory]
    [InlineData(0, 60, "ParticipantCount")]
    [InlineData(10, 0, "Hours")]
    [InlineData(10, 24 * 60 + 1, "Hours")]
    public void Participants_and_hours_must_be_plausible(int participants, int minutes, string field)
        => Should.Throw<InputInvalid>(() => new ServiceActivity(Area(), ActivityType.VolunteerService, "清扫", Today, participants, minutes, null, Guid.NewGuid(), Today, T0))
            .Fields.Keys.ShouldContain(field);

    [Fact]
    public void The_organiser_leads_three_functions_and_the_supervisor_two()
    {
        ServiceActivity.LedBy(ActivityType.Publicity).ShouldBe(PostKind.Organiser);
        ServiceActivity.LedBy(ActivityType.VolunteerService).ShouldBe(PostKind.Organiser);
        ServiceActivity.LedBy(ActivityType.OpinionReporting).ShouldBe(PostKind.Organiser);
        ServiceActivity.LedBy(ActivityType.CivilitySupervision).ShouldBe(PostKind.Supervisor);
        ServiceActivity.LedBy(ActivityType.EthosEvaluation).ShouldBe(PostKind.Supervisor);
    }

    [Fact]
    public void A_suggestion_is_answered_once()
    {
        var area = Area();
        var member = TeamMember.Join(area, new VolunteerTeam(area, T0), [], VolunteerKind.PartyMember, new PersonRef(Guid.NewGuid(), null, "王建国"), Today);
        var visit = new HouseholdVisit(area, Guid.NewGuid(), member.Person, member.Id, Today, "走访了解情况", Guid.NewGuid(), Today, T0);
        var suggestion = new VisitSuggestion(visit, "希望修一下村口路灯", T0);
        suggestion.AnswerWith("已报村委，下周维修", Guid.NewGuid(), T0);
        suggestion.IsAnswered.ShouldBeTrue();
        Should.Throw<RuleViolation>(() => suggestion.AnswerWith("再答复", Guid.NewGuid(), T0)).Code.ShouldBe("suggestion.already_answered");
        suggestion.Answer.ShouldBe("已报村委，下周维修");
    }

    [Fact]
    public void A_visit_cannot_be_in_the_future()
    {
        var area = Area();
        var member = TeamMember.Join(area, new VolunteerTeam(area, T0), [], VolunteerKind.PartyMember, new PersonRef(Guid.NewGuid(), null, "王建国"), Today);
        Should.Throw<InputInvalid>(() => new HouseholdVisit(area, Guid.NewGuid(), member.Person, member.Id, Today.AddDays(1), null, Guid.NewGuid(), Today, T0)).Fields.Keys.ShouldContain("VisitedOn");
    }
}
