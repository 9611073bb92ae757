using Yishi.Platform.Rules;
using Yishi.ServiceAreas.Domain;

namespace Yishi.UnitTests.ServiceAreas;

public class HoldingHistoryTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Day = new(2026, 3, 1);

    private static ServiceArea Area() => new(Guid.NewGuid(), Guid.NewGuid(), "/d/s/c/", "石门村第一服务区", "宣传引导、志愿服务", T0);

    private static PersonRef User(string name) => new(Guid.NewGuid(), null, name);

    [Fact]
    public void Replacing_the_organiser_ends_the_current_holding_with_the_reason_and_opens_a_new_one()
    {
        var area = Area();
        var first = ServiceAreaPost.Appoint(area, PostKind.Organiser, null, User("王建国"), Day, null);
        first.IsCurrent.ShouldBeTrue();

        var second = ServiceAreaPost.Appoint(area, PostKind.Organiser, first, User("赵春梅"), Day.AddMonths(6), "换届");

        first.IsCurrent.ShouldBeFalse();
        first.EndedOn.ShouldBe(Day.AddMonths(6));
        first.EndReason.ShouldBe("换届");
        first.DisplayName.ShouldBe("王建国");
        second.IsCurrent.ShouldBeTrue();
        second.StartedOn.ShouldBe(Day.AddMonths(6));
        second.Kind.ShouldBe(PostKind.Organiser);
    }

    [Fact]
    public void A_replacement_needs_a_reason_and_cannot_start_before_the_current_holder_did()
    {
        var area = Area();
        var first = ServiceAreaPost.Appoint(area, PostKind.Supervisor, null, User("刘德厚"), Day, null);
        Should.Throw<InputInvalid>(() => ServiceAreaPost.Appoint(area, PostKind.Supervisor, first, User("陈玉兰"), Day.AddDays(3), " ")).Fields.Keys.ShouldContain("Reason");
        Should.Throw<InputInvalid>(() => ServiceAreaPost.Appoint(area, PostKind.Supervisor, first, User("陈玉兰"), Day.AddDays(-1), "调整")).Fields.Keys.ShouldContain("StartedOn");
        first.IsCurrent.ShouldBeTrue();
        first.EndReason.ShouldBeNull();
    }

    [Fact]
    public void Appointing_the_current_holder_again_is_refused()
    {
        var area = Area();
        var person = User("王建国");
        var first = ServiceAreaPost.Appoint(area, PostKind.Organiser, null, person, Day, null);
        Should.Throw<RuleViolation>(() => ServiceAreaPost.Appoint(area, PostKind.Organiser, first, person with { DisplayName = "王建国" }, Day.AddDays(1), "重复")).Code.ShouldBe("post.same_person");
        first.IsCurrent.ShouldBeTrue();
    }

    [Fact]
    public void An_ended_holding_stays_ended()
    {
        var area = Area();
        var team = new VolunteerTeam(area, T0);
        var member = TeamMember.Join(area, team, [], VolunteerKind.Veteran, User("孙志强"), Day);
        member.Leave(Day.AddDays(30), "搬离本村");
        member.LeftOn.ShouldBe(Day.AddDays(30));
        Should.Throw<RuleViolation>(() => member.Leave(Day.AddDays(40), "再次离队")).Code.ShouldBe("holding.already_ended");
        member.LeftOn.ShouldBe(Day.AddDays(30));
        member.EndReason.ShouldBe("搬离本村");
    }

    [Fact]
    public void Leaving_before_joining_is_refused()
    {
        var area = Area();
        var member = TeamMember.Join(area, new VolunteerTeam(area, T0), [], VolunteerKind.Activist, User("周丽"), Day);
        Should.Throw<InputInvalid>(() => member.Leave(Day.AddDays(-1), "错误")).Fields.Keys.ShouldContain("LeftOn");
        member.IsCurrent.ShouldBeTrue();
    }

    [Fact]
    public void A_current_member_cannot_join_twice_but_may_rejoin_after_leaving()
    {
        var area = Area();
        var team = new VolunteerTeam(area, T0);
        var resident = new PersonRef(null, Guid.NewGuid(), "吴桂芳");
        var member = TeamMember.Join(area, team, [], VolunteerKind.Representative, resident, Day);
        Should.Throw<RuleViolation>(() => TeamMember.Join(area, team, [member], VolunteerKind.Representative, resident, Day)).Code.ShouldBe("team.already_member");
        member.Leave(Day.AddDays(10), "暂离");
        var again = TeamMember.Join(area, team, [member], VolunteerKind.Representative, resident, Day.AddDays(60));
        again.Id.ShouldNotBe(member.Id);
        again.JoinedOn.ShouldBe(Day.AddDays(60));
    }

    [Fact]
    public void A_person_is_an_account_or_a_registered_resident()
    {
        Should.Throw<InputInvalid>(() => PersonRef.Of(null, null, "某人")).Fields.Keys.ShouldContain("Person");
        Should.Throw<InputInvalid>(() => PersonRef.Of(Guid.NewGuid(), null, " ")).Fields.Keys.ShouldContain("Person");
        PersonRef.Of(null, Guid.NewGuid(), " 李四 ").DisplayName.ShouldBe("李四");
    }

    [Fact]
    public void A_block_chief_replacement_keeps_the_history_of_the_block()
    {
        var area = Area();
        var first = BlockChief.Appoint(area, null, BlockChiefKind.Building, "3号楼", User("郑大爷"), Day, null);
        var second = BlockChief.Appoint(area, first, BlockChiefKind.Building, "3号楼", User("冯阿姨"), Day.AddMonths(2), "年事已高");
        first.EndedOn.ShouldBe(Day.AddMonths(2));
        second.Label.ShouldBe("3号楼");
        second.IsCurrent.ShouldBeTrue();
    }

    [Fact]
    public void Nothing_changes_in_a_retired_service_area()
    {
        var area = Area();
        area.Retire(T0);
        Should.Throw<RuleViolation>(() => ServiceAreaPost.Appoint(area, PostKind.Organiser, null, User("王建国"), Day, null)).Code.ShouldBe("service_area.retired");
        Should.Throw<RuleViolation>(() => area.Edit("新名字", null)).Code.ShouldBe("service_area.retired");
        Should.Throw<RuleViolation>(() => area.Retire(T0)).Code.ShouldBe("service_area.retired");
    }
}
