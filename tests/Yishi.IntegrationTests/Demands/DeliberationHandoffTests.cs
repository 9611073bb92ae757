using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Demands.Contracts;
using Yishi.Demands.Domain;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Notifications;
using Yishi.Platform.Rules;

namespace Yishi.IntegrationTests.Demands;

/// <summary>The contract the Deliberation module drives a demand through: resolution → implemented → 回头议, or returned.</summary>
public abstract class DeliberationHandoffTests(YishiApp app)
{
    private async Task<(DemandWorld W, Guid Id, HttpClient Secretary)> SentToDeliberationAsync(string mustDeliberate = "ResidentInterests")
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, _) = await w.SubmitAsync(text: "小区想加装电梯，请居民一起商量");
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var d = await w.GetAsync(secretary, id);
        await (await secretary.PostJson($"/api/v1/demands/{id}/triage", new
        {
            ownership = "Community",
            urgent = false,
            contentCategory = "Development",
            mustDeliberate,
            route = "Deliberate",
            note = "涉及全楼居民利益，提交议事会",
            version = DemandWorld.Version(d),
        })).ShouldBe(HttpStatusCode.OK);
        return (w, id, secretary);
    }

    private Task Handoff(DemandWorld w, Func<IDeliberationHandoff, Task> work)
        => app.InScopeAsync(w.D.Id, sp => work(sp.GetRequiredService<IDeliberationHandoff>()));

    [Fact]
    public async Task A_demand_goes_from_resolution_to_implemented_to_a_passed_follow_up_review_and_is_closed()
    {
        var (w, id, secretary) = await SentToDeliberationAsync();
        var area = w.D["S1/C1"];
        IReadOnlyList<DemandAwaitingDeliberation> awaiting = [];
        await Handoff(w, async h => awaiting = await h.AwaitingAsync(area.Path));
        awaiting.Select(a => a.Id).ShouldContain(id);
        awaiting.Single(a => a.Id == id).MustDeliberate.ShouldBe("ResidentInterests");

        // Before a resolution the must-deliberate demand cannot be finished.
        await Handoff(w, async h => (await Should.ThrowAsync<RuleViolation>(() => h.RecordImplementedAsync(id, "已完成"))).Code.ShouldBe("demand.transition_forbidden"));

        await Handoff(w, h => h.RecordResolutionAsync(id, "代表会议决议：加装电梯，费用按楼层分摊"));
        (await w.LoadAsync(id)).Status.ShouldBe(DemandStatus.InProgress);
        (await w.LoadAsync(id)).DeliberatedAt.ShouldNotBeNull();
        await Handoff(w, h => h.NotifyReporterAsync(id, NotificationText.Literal("议题已进入实施，进展在公示栏公开。")));
        await Handoff(w, h => h.RecordImplementedAsync(id, "电梯已安装并通过验收"));
        (await w.LoadAsync(id)).Status.ShouldBe(DemandStatus.Handled);
        await Handoff(w, h => h.RecordFollowUpReviewAsync(id, true, true, "回头议：居民满意"));
        var closed = await w.LoadAsync(id);
        closed.Status.ShouldBe(DemandStatus.Closed);
        closed.ReviewMetExpectations.ShouldBe(true);

        IReadOnlyList<LinkedDemandState> states = [];
        await Handoff(w, async h => states = await h.DescribeAsync([id]));
        states.Single().Status.ShouldBe("Closed");
        (await w.TimelineAsync(id)).ShouldContain("demand.resolution_recorded");
        var shown = await w.GetAsync(secretary, id);
        shown.GetProperty("status").GetString().ShouldBe("Closed");
    }

    [Fact]
    public async Task A_failed_follow_up_review_reopens_the_demand_and_a_rejected_topic_returns_it_for_triage()
    {
        var (w, id, _) = await SentToDeliberationAsync();
        await Handoff(w, h => h.RecordResolutionAsync(id, "决议：修缮"));
        await Handoff(w, h => h.RecordImplementedAsync(id, "已修缮"));
        await Handoff(w, h => h.RecordFollowUpReviewAsync(id, false, true, "未达预期"));
        var reopened = await w.LoadAsync(id);
        reopened.Status.ShouldBe(DemandStatus.InProgress);
        reopened.ReopenCount.ShouldBe(1);

        var (w2, other, _) = await SentToDeliberationAsync();
        await Handoff(w2, h => h.ReturnFromDeliberationAsync(other, "议事会认为属个案，退回社区办理"));
        var returned = await w2.LoadAsync(other);
        returned.Status.ShouldBe(DemandStatus.Submitted);
        returned.AcknowledgeDueAt.ShouldNotBeNull();
        // A returned must-deliberate demand still needs a resolution or an exemption before it can be handled.
        returned.AwaitsDeliberationOrExemption.ShouldBeTrue();
    }

    [Fact]
    public async Task Demands_of_another_district_are_invisible_to_the_handoff()
    {
        var (_, id, _) = await SentToDeliberationAsync();
        var other = await DemandWorld.CreateAsync(app);
        await app.InScopeAsync(other.D.Id, async sp =>
        {
            var h = sp.GetRequiredService<IDeliberationHandoff>();
            await Should.ThrowAsync<NotFound>(() => h.RecordResolutionAsync(id, "越权"));
            (await h.DescribeAsync([id])).ShouldBeEmpty();
        });
    }
}

public sealed class DeliberationHandoffTests_Sqlite(SqliteApp app) : DeliberationHandoffTests(app), IClassFixture<SqliteApp>;

public sealed class DeliberationHandoffTests_Postgres(PostgresApp app) : DeliberationHandoffTests(app), IClassFixture<PostgresApp>;
