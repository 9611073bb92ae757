using Yishi.Platform.Rules;
using Yishi.ServiceAreas.Domain;

namespace Yishi.UnitTests.ServiceAreas;

public class ServiceRequestStateMachineTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ServiceArea Area() => new(Guid.NewGuid(), Guid.NewGuid(), "/d/s/c/", "石门村第一服务区", null, T0);

    private static (ResidentService Request, TeamMember First, TeamMember Second) New()
    {
        var area = Area();
        var team = new VolunteerTeam(area, T0);
        var first = TeamMember.Join(area, team, [], VolunteerKind.PartyMember, new PersonRef(Guid.NewGuid(), null, "王建国"), Today);
        var second = TeamMember.Join(area, team, [first], VolunteerKind.Activist, new PersonRef(null, Guid.NewGuid(), "李秀英"), Today);
        return (new ResidentService(area, Guid.NewGuid(), ServiceKind.ActOnBehalf, "代办医保报销", Guid.NewGuid(), null, T0), first, second);
    }

    /// <summary>A request brought into <paramref name="status"/> through allowed steps, assigned to the first volunteer.</summary>
    private static (ResidentService Request, TeamMember First, TeamMember Second) In(ServiceRequestStatus status)
    {
        var (r, first, second) = New();
        if (status is ServiceRequestStatus.Assigned or ServiceRequestStatus.Done or ServiceRequestStatus.Rated) r.Assign(first, T0);
        if (status is ServiceRequestStatus.Done or ServiceRequestStatus.Rated) r.Complete("已代办完成", T0);
        if (status is ServiceRequestStatus.Rated) r.Rate(ServiceSatisfaction.Satisfied, null, T0);
        if (status is ServiceRequestStatus.Cancelled) r.Cancel("居民已自行办理", T0);
        r.Status.ShouldBe(status);
        return (r, first, second);
    }

    private static void Do(ResidentService r, TeamMember other, ServiceRequestAction action)
    {
        switch (action)
        {
            case ServiceRequestAction.Assign: r.Assign(other, T0); break;
            case ServiceRequestAction.Complete: r.Complete("办好了", T0); break;
            case ServiceRequestAction.Rate: r.Rate(ServiceSatisfaction.BasicallySatisfied, null, T0); break;
            case ServiceRequestAction.Cancel: r.Cancel("不需要了", T0); break;
        }
    }

    public static TheoryData<ServiceRequestStatus, ServiceRequestAction> AllPairs()
    {
        var data = new TheoryData<ServiceRequestStatus, ServiceRequestAction>();
        foreach (var s in Enum.GetValues<ServiceRequestStatus>())
            foreach (var a in Enum.GetValues<ServiceRequestAction>())
                data.Add(s, a);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_action_is_allowed_exactly_where_the_table_says_and_lands_where_it_says(ServiceRequestStatus from, ServiceRequestAction action)
    {
        var (r, _, second) = In(from);
        if (ServiceRequestTransitions.Table.TryGetValue((from, action), out var to))
        {
            Do(r, second, action);
            r.Status.ShouldBe(to);
        }
        else
        {
            var ex = Should.Throw<RuleViolation>(() => Do(r, second, action));
            ex.Code.ShouldBe("service_request.transition_forbidden");
            ex.Status.ShouldBe(409);
            r.Status.ShouldBe(from);
        }
    }

    [Fact]
    public void The_table_is_the_specification()
    {
        ServiceRequestTransitions.AllowedFrom(ServiceRequestStatus.Requested).ShouldBe([ServiceRequestAction.Assign, ServiceRequestAction.Cancel], ignoreOrder: true);
        ServiceRequestTransitions.AllowedFrom(ServiceRequestStatus.Assigned).ShouldBe([ServiceRequestAction.Assign, ServiceRequestAction.Complete, ServiceRequestAction.Cancel], ignoreOrder: true);
        ServiceRequestTransitions.AllowedFrom(ServiceRequestStatus.Done).ShouldBe([ServiceRequestAction.Rate]);
        ServiceRequestTransitions.AllowedFrom(ServiceRequestStatus.Rated).ShouldBeEmpty();
        ServiceRequestTransitions.AllowedFrom(ServiceRequestStatus.Cancelled).ShouldBeEmpty();
    }

    [Fact]
    public void Assigning_records_the_volunteer_and_reassigning_to_the_same_one_is_refused()
    {
        var (r, first, second) = New();
        r.Assign(first, T0);
        r.AssigneeMemberId.ShouldBe(first.Id);
        r.AssigneeUserId.ShouldBe(first.UserId);
        Should.Throw<RuleViolation>(() => r.Assign(first, T0)).Code.ShouldBe("service_request.same_volunteer");
        r.Assign(second, T0.AddHours(1));
        r.AssigneeMemberId.ShouldBe(second.Id);
        r.AssigneeUserId.ShouldBeNull();
        r.AssignedAt.ShouldBe(T0.AddHours(1));
    }

    [Fact]
    public void Only_a_current_member_of_this_areas_team_can_be_assigned()
    {
        var (r, first, _) = New();
        var (_, stranger, _) = New();
        Should.Throw<InputInvalid>(() => r.Assign(stranger, T0)).Fields.Keys.ShouldContain("TeamMemberId");
        first.Leave(Today, "外出务工");
        Should.Throw<InputInvalid>(() => r.Assign(first, T0));
        r.Status.ShouldBe(ServiceRequestStatus.Requested);
    }

    [Fact]
    public void Dissatisfied_rating_needs_a_comment_and_keeps_the_request_done_until_given()
    {
        var (r, _, _) = In(ServiceRequestStatus.Done);
        Should.Throw<InputInvalid>(() => r.Rate(ServiceSatisfaction.Dissatisfied, "  ", T0)).Fields.Keys.ShouldContain("Comment");
        r.Status.ShouldBe(ServiceRequestStatus.Done);
        r.Rate(ServiceSatisfaction.Dissatisfied, "拖了一周", T0.AddDays(1));
        r.Satisfaction.ShouldBe(ServiceSatisfaction.Dissatisfied);
        r.RatingComment.ShouldBe("拖了一周");
        r.RatedAt.ShouldBe(T0.AddDays(1));
    }

    [Fact]
    public void A_retired_service_area_takes_no_new_requests()
    {
        var area = Area();
        area.Retire(T0);
        Should.Throw<RuleViolation>(() => new ResidentService(area, Guid.NewGuid(), ServiceKind.Help, "帮忙", null, Guid.NewGuid(), T0)).Code.ShouldBe("service_area.retired");
    }
}
