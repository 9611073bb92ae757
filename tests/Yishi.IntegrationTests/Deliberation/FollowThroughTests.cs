using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Deliberation.Domain;
using Yishi.Deliberation.Features.Schedule;
using Yishi.Demands.Domain;
using Yishi.IntegrationTests.Demands;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.IntegrationTests.Deliberation;

/// <summary>After the vote: public notice and objections, taking effect, tasks with owners and money, 回头议, the demand closed.</summary>
public abstract class FollowThroughTests(YishiApp app)
{
    private static string Day(DateTime utc) => utc.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A demand sent to deliberation, made a topic, voted 5 for of 7 present (9 members): resolution under notice.</summary>
    private async Task<(DeliberationWorld W, Guid TopicId, Guid ResolutionId, Guid DemandId, string Code)> PassedAsync()
    {
        var w = await DeliberationWorld.CreateAsync(app);
        var (demandId, code) = await w.Demands.SubmitAsync(text: "小区想建一个公共晾晒区，楼下空地一直闲置");
        var d = await w.Demands.GetAsync(w.Secretary, demandId);
        await (await w.Secretary.PostJson($"/api/v1/demands/{demandId}/triage", new
        {
            ownership = "Community",
            urgent = false,
            contentCategory = "Development",
            mustDeliberate = "ResidentInterests",
            route = "Deliberate",
            note = "涉及居民共同利益",
            version = DemandWorld.Version(d),
        })).ShouldBe(HttpStatusCode.OK);
        var topic = await (await w.Secretary.PostJson($"/api/v1/deliberation/councils/{w.CouncilId}/topics/from-demands",
            new { demandIds = new[] { demandId }, title = "建设公共晾晒区" })).ShouldBe(HttpStatusCode.Created);
        var topicId = topic.GetProperty("id").GetGuid();
        await (await w.Secretary.PostJson($"/api/v1/deliberation/topics/{topicId}/accept", new { reviewDays = 3, version = DeliberationWorld.Version(topic) })).ShouldBe(HttpStatusCode.OK);
        var meetingId = await w.SessionAsync(topicId, present: 7);
        for (var i = 0; i < 5; i++)
            await (await w.Members[i].Client.PostJson($"/api/v1/deliberation/meetings/{meetingId}/votes", new { topicId, choice = "For" })).ShouldBe(HttpStatusCode.Created);
        var r = await (await w.Secretary.PostJson($"/api/v1/deliberation/meetings/{meetingId}/agenda/{topicId}/resolve", new { text = "同意利用3号楼前空地建设公共晾晒区" }))
            .ShouldBe(HttpStatusCode.OK);
        r.GetProperty("status").GetString().ShouldBe("UnderNotice");
        return (w, topicId, r.GetProperty("id").GetGuid(), demandId, code);
    }

    private Task<int> SweepAsync() => app.Services.GetRequiredService<DeliberationSchedule>().TakeEffectAsync(app.Clock.GetUtcNow().UtcDateTime);

    private static async Task<JsonElement> ImplementationAsync(HttpClient client, Guid topicId)
        => await (await client.GetAsync($"/api/v1/deliberation/topics/{topicId}/implementation")).ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task Notice_objection_effect_tasks_and_follow_up_review_close_the_topic_and_its_demand()
    {
        var (w, topicId, resolutionId, demandId, code) = await PassedAsync();
        var owner = await w.D.UserAsync(Role.CommitteeMember, "S1/C1", "李建国");
        var anonymous = app.Anonymous();

        // Objections during the notice: anonymous ones need a phone, which never shows in public.
        (await (await anonymous.PostJson($"/api/v1/deliberation/resolutions/{resolutionId}/objections", new { text = "晾晒区会挡住一楼采光" }))
            .ShouldBe(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("ContactPhone", out _).ShouldBeTrue();
        await (await anonymous.PostJson($"/api/v1/deliberation/resolutions/{resolutionId}/objections", new { text = "晾晒区会挡住一楼采光", contactPhone = "13800138123" }))
            .ShouldBe(HttpStatusCode.Created);
        var view = await ImplementationAsync(w.Secretary, topicId);
        var objection = view.GetProperty("objections")[0];
        objection.GetProperty("contactPhoneMasked").GetString().ShouldBe("138****8123");

        // The notice ends, but an unanswered objection holds the resolution back.
        app.Clock.Advance(TimeSpan.FromDays(6));
        (await SweepAsync()).ShouldBe(0);
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var member = await w.D.ClientAsync(Role.CouncilMember, "S1/C1"); // sessions of the world's members expired with the clock
        await (await anonymous.PostJson($"/api/v1/deliberation/resolutions/{resolutionId}/objections", new { text = "再提一个异议", contactPhone = "13800138123" }))
            .ShouldBe(HttpStatusCode.Conflict);
        await (await secretary.PostJson($"/api/v1/deliberation/objections/{objection.GetProperty("id").GetGuid()}/answer",
            new { answer = "晾衣架设在南侧，不影响一楼采光", upheld = false })).ShouldBe(HttpStatusCode.OK);
        (await SweepAsync()).ShouldBe(1);
        (await SweepAsync()).ShouldBe(0); // exactly once
        view = await ImplementationAsync(secretary, topicId);
        view.GetProperty("stage").GetString().ShouldBe("Implementation");
        view.GetProperty("resolutionStatus").GetString().ShouldBe("Effective");

        // Tasks: bad input is refused with the field named, and nothing is saved.
        var today = Day(app.Clock.GetUtcNow().UtcDateTime);
        (await (await secretary.PostJson($"/api/v1/deliberation/topics/{topicId}/tasks", new { title = "采购晾衣架", ownerUserId = owner.Id, dueOn = Day(app.Clock.GetUtcNow().UtcDateTime.AddDays(-1)), budgetYuan = "3000" }))
            .ShouldBe(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("DueOn", out _).ShouldBeTrue();
        (await (await secretary.PostJson($"/api/v1/deliberation/topics/{topicId}/tasks", new { title = "采购晾衣架", ownerUserId = owner.Id, dueOn = today, budgetYuan = "12.345" }))
            .ShouldBe(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("BudgetYuan", out _).ShouldBeTrue();
        (await (await secretary.PostJson($"/api/v1/deliberation/topics/{topicId}/tasks", new { title = "采购晾衣架", ownerUserId = Guid.NewGuid(), dueOn = today, budgetYuan = "3000" }))
            .ShouldBe(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("OwnerUserId", out _).ShouldBeTrue();
        await (await member.PostJson($"/api/v1/deliberation/topics/{topicId}/tasks", new { title = "采购晾衣架", ownerUserId = owner.Id, dueOn = today, budgetYuan = "3000" }))
            .ShouldBe(HttpStatusCode.Forbidden);
        (await ImplementationAsync(secretary, topicId)).GetProperty("tasks").GetArrayLength().ShouldBe(0);

        var task = await (await secretary.PostJson($"/api/v1/deliberation/topics/{topicId}/tasks",
            new { title = "采购并安装晾衣架", ownerUserId = owner.Id, dueOn = Day(app.Clock.GetUtcNow().UtcDateTime.AddDays(14)), budgetYuan = "12,800.5" })).ShouldBe(HttpStatusCode.Created);
        task.GetProperty("budgetFen").GetInt64().ShouldBe(1_280_050);
        var taskId = task.GetProperty("id").GetGuid();

        // Only the owner (or an officer) reports; progress never goes backwards; money is exact.
        var ownerClient = await app.SignInAsync(owner.UserName!, TestDistrict.Password);
        await (await member.PostJson($"/api/v1/deliberation/tasks/{taskId}/progress", new { progressPercent = 50, version = task.GetProperty("version").GetInt32() }))
            .ShouldBe(HttpStatusCode.Forbidden);
        task = await (await ownerClient.PostJson($"/api/v1/deliberation/tasks/{taskId}/progress", new { progressPercent = 60, spentYuan = "8000.25", note = "晾衣架已到货", version = task.GetProperty("version").GetInt32() }))
            .ShouldBe(HttpStatusCode.OK);
        (await (await ownerClient.PostJson($"/api/v1/deliberation/tasks/{taskId}/progress", new { progressPercent = 40, version = task.GetProperty("version").GetInt32() }))
            .ShouldBe(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("ProgressPercent", out _).ShouldBeTrue();
        (await (await ownerClient.PostJson($"/api/v1/deliberation/tasks/{taskId}/progress", new { progressPercent = 101, version = task.GetProperty("version").GetInt32() }))
            .ShouldBe(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("ProgressPercent", out _).ShouldBeTrue();

        // The public portal shows progress and money, never the owner's full name.
        var portal = await (await anonymous.GetAsync($"/api/v1/public/deliberation/areas/{w.D["S1/C1"].Id}")).ShouldBe(HttpStatusCode.OK);
        var raw = portal.GetRawText();
        raw.ShouldContain("建设公共晾晒区");
        raw.ShouldNotContain("李建国");
        raw.ShouldContain("李*国");
        raw.ShouldNotContain("13800138123");
        var html = await (await anonymous.GetAsync($"/public/deliberation/{w.D["S1/C1"].Id}")).Content.ReadAsStringAsync();
        html.ShouldContain("建设公共晾晒区");
        html.ShouldNotContain("李建国");
        html.ShouldNotContain("议事员1");

        // All done: the topic goes to 回头议 and the demand is handled.
        task = await (await ownerClient.PostJson($"/api/v1/deliberation/tasks/{taskId}/progress", new { progressPercent = 100, spentYuan = "4500", note = "已完工验收", version = task.GetProperty("version").GetInt32() }))
            .ShouldBe(HttpStatusCode.OK);
        task.GetProperty("spentFen").GetInt64().ShouldBe(1_250_025);
        (await ImplementationAsync(secretary, topicId)).GetProperty("stage").GetString().ShouldBe("FollowUp");
        (await w.Demands.LoadAsync(demandId)).Status.ShouldBe(DemandStatus.Handled);

        await (await secretary.PostJson($"/api/v1/deliberation/topics/{topicId}/follow-up", new { metExpectations = true, residentsSatisfied = true })).ShouldBe(HttpStatusCode.BadRequest);
        await (await member.PostJson($"/api/v1/deliberation/topics/{topicId}/follow-up", new { metExpectations = true, residentsSatisfied = true, note = "满意" }))
            .ShouldBe(HttpStatusCode.Forbidden);
        await (await secretary.PostJson($"/api/v1/deliberation/topics/{topicId}/follow-up", new { metExpectations = true, residentsSatisfied = true, note = "晾晒区投入使用，居民满意" }))
            .ShouldBe(HttpStatusCode.OK);
        (await ImplementationAsync(secretary, topicId)).GetProperty("stage").GetString().ShouldBe("Closed");
        var demand = await w.Demands.LoadAsync(demandId);
        demand.Status.ShouldBe(DemandStatus.Closed);
        var track = await (await anonymous.GetAsync($"/api/v1/demands/track/{code}")).ShouldBe(HttpStatusCode.OK);
        track.GetProperty("status").GetString().ShouldBe("Closed");
        (await w.CountAsync<TaskUpdate>(q => q.Where(u => u.TaskId == taskId))).ShouldBe(2);
    }

    [Fact]
    public async Task An_upheld_objection_withdraws_the_resolution_and_sends_the_topic_back_to_deliberation()
    {
        var (w, topicId, resolutionId, _, _) = await PassedAsync();
        var resident = await w.D.ClientAsync(Role.Resident, "S1/C1/G1");
        var o = await (await resident.PostJson($"/api/v1/deliberation/resolutions/{resolutionId}/objections", new { text = "选址离垃圾站太近，不卫生" })).ShouldBe(HttpStatusCode.Created);
        await (await resident.PostJson($"/api/v1/deliberation/objections/{o.GetProperty("id").GetGuid()}/answer", new { answer = "驳回", upheld = false }))
            .ShouldBe(HttpStatusCode.Forbidden);
        await (await w.Secretary.PostJson($"/api/v1/deliberation/objections/{o.GetProperty("id").GetGuid()}/answer", new { answer = "异议成立，重新选址", upheld = true }))
            .ShouldBe(HttpStatusCode.OK);
        var view = await ImplementationAsync(w.Secretary, topicId);
        view.GetProperty("stage").GetString().ShouldBe("Deliberation");
        view.GetProperty("resolutionStatus").GetString().ShouldBe("Withdrawn");
        await (await w.Secretary.PostJson($"/api/v1/deliberation/objections/{o.GetProperty("id").GetGuid()}/answer", new { answer = "再答", upheld = false }))
            .ShouldBe(HttpStatusCode.Conflict);
        app.Clock.Advance(TimeSpan.FromDays(6));
        (await SweepAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_failed_follow_up_review_reopens_the_topic_and_outsiders_cannot_act()
    {
        var (w, topicId, _, demandId, _) = await PassedAsync();
        app.Clock.Advance(TimeSpan.FromDays(6));
        (await SweepAsync()).ShouldBeGreaterThanOrEqualTo(1);
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var sibling = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C2");
        var other = await (await TestDistrict.CreateAsync(app)).ClientAsync(Role.DistrictAdmin, "D");
        var owner = await w.D.UserAsync(Role.CommitteeMember, "S1/C1");
        var body = new { title = "平整场地", ownerUserId = owner.Id, dueOn = Day(app.Clock.GetUtcNow().UtcDateTime.AddDays(3)), budgetYuan = "500" };
        await (await sibling.PostJson($"/api/v1/deliberation/topics/{topicId}/tasks", body)).ShouldBe(HttpStatusCode.NotFound);
        await (await other.PostJson($"/api/v1/deliberation/topics/{topicId}/tasks", body)).ShouldBe(HttpStatusCode.NotFound);
        await (await app.Anonymous().PostJson($"/api/v1/deliberation/topics/{topicId}/tasks", body)).ShouldBe(HttpStatusCode.Unauthorized);
        var task = await (await secretary.PostJson($"/api/v1/deliberation/topics/{topicId}/tasks", body)).ShouldBe(HttpStatusCode.Created);
        await (await secretary.PostJson($"/api/v1/deliberation/tasks/{task.GetProperty("id").GetGuid()}/progress", new { progressPercent = 100, version = task.GetProperty("version").GetInt32() }))
            .ShouldBe(HttpStatusCode.OK);
        await (await secretary.PostJson($"/api/v1/deliberation/topics/{topicId}/follow-up", new { metExpectations = true, residentsSatisfied = false, note = "晾晒区太小，居民不满意" }))
            .ShouldBe(HttpStatusCode.OK);
        (await ImplementationAsync(secretary, topicId)).GetProperty("stage").GetString().ShouldBe("Implementation");
        (await w.Demands.LoadAsync(demandId)).Status.ShouldBe(DemandStatus.InProgress);

        // The report for the next representatives meeting lists the reopened topic and its money.
        var report = await (await secretary.GetAsync($"/api/v1/deliberation/councils/{w.CouncilId}/progress-report")).ShouldBe(HttpStatusCode.OK);
        report.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("topicId").GetGuid()).ShouldContain(topicId);
        report.GetProperty("budgetFen").GetInt64().ShouldBe(50_000);
        await (await sibling.GetAsync($"/api/v1/deliberation/councils/{w.CouncilId}/progress-report")).ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class FollowThroughTests_Sqlite(SqliteApp app) : FollowThroughTests(app), IClassFixture<SqliteApp>;

public sealed class FollowThroughTests_Postgres(PostgresApp app) : FollowThroughTests(app), IClassFixture<PostgresApp>;
