using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.ServiceAreas.Domain;

namespace Yishi.IntegrationTests.ServiceAreas;

/// <summary>人居环境互评 and residents' evaluation of the two members, through the API.</summary>
public abstract class EvaluationTests(YishiApp app)
{
    /// <summary>Two service areas in S1/C1 (covering G1 and G2), each with an organiser account.</summary>
    private async Task<(PointsWorld W, Guid AreaA, Guid AreaB, HttpClient OrgA, HttpClient OrgB, Guid OrgBUser)> WorldAsync()
    {
        var w = await PointsWorld.CreateAsync(app, approve: false);
        var orgA = await w.D.UserAsync(Role.Organiser, "S1/C1/G1");
        var orgB = await w.D.UserAsync(Role.Organiser, "S1/C1/G2");
        var (a, b) = await app.InScopeAsync(w.D.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var c1 = w.D["S1/C1"];
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var areaA = new ServiceArea(w.D.Id, c1.Id, c1.Path, "第一服务区", null, now);
            var areaB = new ServiceArea(w.D.Id, c1.Id, c1.Path, "第二服务区", null, now);
            db.AddRange(areaA, areaB);
            db.Add(new ServiceAreaGroup(w.D.Id, areaA.Id, w.D["S1/C1/G1"].Id, w.D["S1/C1/G1"].Path));
            db.Add(new ServiceAreaGroup(w.D.Id, areaB.Id, w.D["S1/C1/G2"].Id, w.D["S1/C1/G2"].Path));
            db.Add(ServiceAreaPost.Appoint(areaA, PostKind.Organiser, null, new PersonRef(orgA.Id, null, "组织员甲"), new DateOnly(2026, 1, 1), null));
            db.Add(ServiceAreaPost.Appoint(areaB, PostKind.Organiser, null, new PersonRef(orgB.Id, null, "组织员乙"), new DateOnly(2026, 1, 1), null));
            await db.SaveChangesAsync();
            return (areaA.Id, areaB.Id);
        });
        return (w, a, b, await app.SignInAsync(orgA.UserName!, TestDistrict.Password), await app.SignInAsync(orgB.UserName!, TestDistrict.Password), orgB.Id);
    }

    private static object Mutual(Guid community, string period = "2026年第三季度")
        => new { communityId = community, kind = "Mutual", period, criteria = new[] { new { name = "道路整洁", maxScore = 60 }, new { name = "垃圾清运", maxScore = 40 } } };

    [Fact]
    public async Task A_mutual_round_is_scored_by_evaluators_of_other_areas_once_each_and_ranked()
    {
        var (w, areaA, areaB, orgA, orgB, orgBUser) = await WorldAsync();
        var round = await (await w.Secretary.PostJson("/api/v1/evaluation-rounds", Mutual(w.Community))).ShouldBe(HttpStatusCode.Created);
        var roundId = round.GetProperty("id").GetGuid();
        var criteria = round.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        (await (await w.Secretary.PostJson("/api/v1/evaluation-rounds", Mutual(w.Community, " 2026年第三季度"))).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("evaluation.period_taken");

        // Only organisers/supervisors of the community's service areas can be evaluators.
        var outsider = await w.D.UserAsync(Role.Organiser, "S1/C2/G1");
        (await (await w.Secretary.PostJson($"/api/v1/evaluation-rounds/{roundId}/evaluators", new { userId = outsider.Id })).ShouldBe(HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("evaluation.evaluator_not_member");
        (await w.Secretary.PostJson($"/api/v1/evaluation-rounds/{roundId}/evaluators", new { userId = orgBUser })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await orgA.PostJson($"/api/v1/evaluation-rounds/{roundId}/evaluators", new { userId = orgBUser })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        object Scores(Guid area, int a, int b) => new { serviceAreaId = area, scores = new[] { new { criterionId = criteria[0], score = (int?)a }, new { criterionId = criteria[1], score = (int?)b } } };
        (await (await orgB.PostJson($"/api/v1/evaluation-rounds/{roundId}/scores", Scores(areaB, 60, 40))).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("evaluation.own_area");
        var bad = await (await orgB.PostJson($"/api/v1/evaluation-rounds/{roundId}/scores", Scores(areaA, 61, 40))).ShouldBe(HttpStatusCode.BadRequest);
        bad.GetProperty("errors").TryGetProperty($"Score_{criteria[0]}", out _).ShouldBeTrue();
        (await orgA.PostJson($"/api/v1/evaluation-rounds/{roundId}/scores", Scores(areaB, 50, 30))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await orgB.PostJson($"/api/v1/evaluation-rounds/{roundId}/scores", Scores(areaA, 55, 35))).ShouldBe(HttpStatusCode.OK)).GetProperty("total").GetInt32().ShouldBe(90);
        (await (await orgB.PostJson($"/api/v1/evaluation-rounds/{roundId}/scores", Scores(areaA, 50, 30))).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("evaluation.already_scored");

        (await w.Secretary.PostJson($"/api/v1/evaluation-rounds/{roundId}/close", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await orgB.PostJson($"/api/v1/evaluation-rounds/{roundId}/scores", Scores(areaA, 50, 30))).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("evaluation.round_closed");
        var results = await (await w.Secretary.GetAsync($"/api/v1/evaluation-rounds/{roundId}/results")).ShouldBe(HttpStatusCode.OK);
        results.GetProperty("published").GetBoolean().ShouldBeTrue();
        var first = results.GetProperty("mutual")[0];
        first.GetProperty("serviceAreaName").GetString().ShouldBe("第一服务区");
        first.GetProperty("averageTenths").GetInt32().ShouldBe(900);
        first.GetProperty("rank").GetInt32().ShouldBe(1);
        var publicHtml = await (await app.Anonymous().GetAsync($"/public/points/{w.Community}")).Content.ReadAsStringAsync();
        publicHtml.ShouldContain("第一服务区");
        publicHtml.ShouldContain("90.0");
        var street = (await w.OfficialAsync(Role.StreetOfficer, "S1")).Client;
        (await street.GetAsync($"/api/v1/evaluation-rounds/{roundId}/results")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await orgA.GetAsync($"/api/v1/evaluation-rounds/{roundId}/results")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var otherDistrict = await (await TestDistrict.CreateAsync(app)).ClientAsync(Role.DistrictAdmin, "D");
        (await otherDistrict.GetAsync($"/api/v1/evaluation-rounds/{roundId}/results")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task One_evaluation_per_household_per_period_even_under_concurrent_requests()
    {
        var (w, areaA, _, _, _, _) = await WorldAsync();
        var round = await (await w.Secretary.PostJson("/api/v1/evaluation-rounds", new { communityId = w.Community, kind = "Members", period = "2026年第三季度" })).ShouldBe(HttpStatusCode.Created);
        var roundId = round.GetProperty("id").GetGuid();
        (await (await w.Secretary.PostJson("/api/v1/evaluation-rounds", new { communityId = w.Community, kind = "Members", period = "2026年第三季度" })).ShouldBe(HttpStatusCode.Conflict))
            .Code().ShouldBe("evaluation.period_taken");

        // Two members of the same household, each signed in, send several responses at once: exactly one is kept.
        var head = await w.ResidentOfAsync(w.Household);
        var spouse = await w.ResidentOfAsync(w.Household);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? head : spouse)
            .PostJson($"/api/v1/evaluation-rounds/{roundId}/responses", new { rating = i % 3 == 0 ? "Satisfied" : "BasicallySatisfied", comment = $"第{i}次" })));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(5);
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict)) (await r.ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("evaluation.already_responded");
        var saved = await app.InScopeAsync(w.D.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<MemberEvaluation>().CountAsync(m => m.RoundId == roundId));
        saved.ShouldBe(1);

        // Bad input: dissatisfied needs a reason; a resident of another community does not see the round.
        var neighbour = await w.ResidentOfAsync(await w.HouseholdAsync("S1/C1/G2", "3号", "赵敏", null), "S1/C1/G2");
        (await neighbour.PostJson($"/api/v1/evaluation-rounds/{roundId}/responses", new { rating = "Dissatisfied" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await neighbour.PostJson($"/api/v1/evaluation-rounds/{roundId}/responses", new { rating = "Dissatisfied", comment = "反映的问题没有回音" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var far = await w.ResidentOfAsync(await w.HouseholdAsync("S1/C2/G1", "5号", "钱多", null), "S1/C2/G1");
        (await far.PostJson($"/api/v1/evaluation-rounds/{roundId}/responses", new { rating = "Satisfied" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var organiser = (await w.OfficialAsync(Role.Organiser, "S1/C1/G1")).Client;
        (await organiser.PostJson($"/api/v1/evaluation-rounds/{roundId}/responses", new { rating = "Satisfied" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Residents see only their own response; the community sees the results.
        var mine = await (await head.GetAsync("/api/v1/my/evaluations")).ShouldBe(HttpStatusCode.OK);
        mine.GetArrayLength().ShouldBe(1);
        mine[0].GetProperty("mine").GetProperty("rating").GetString().ShouldNotBeNull();
        (await head.GetAsync($"/api/v1/evaluation-rounds/{roundId}/results")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var committee = (await w.OfficialAsync(Role.CommitteeMember, "S1/C1")).Client;
        var results = await (await committee.GetAsync($"/api/v1/evaluation-rounds/{roundId}/results")).ShouldBe(HttpStatusCode.OK);
        var members = results.GetProperty("members").EnumerateArray().ToList();
        members.Sum(m => m.GetProperty("satisfied").GetInt32() + m.GetProperty("basicallySatisfied").GetInt32() + m.GetProperty("dissatisfied").GetInt32()).ShouldBe(2);
        members.Single(m => m.GetProperty("serviceAreaId").GetGuid() == areaA).GetProperty("satisfactionPerMille").GetInt32().ShouldBe(1000);
    }

    [Fact]
    public async Task An_evaluator_scores_through_the_round_page_and_a_bad_score_is_shown_by_its_field()
    {
        var (w, areaA, _, _, orgB, orgBUser) = await WorldAsync();
        var round = await (await w.Secretary.PostJson("/api/v1/evaluation-rounds", Mutual(w.Community))).ShouldBe(HttpStatusCode.Created);
        var roundId = round.GetProperty("id").GetGuid();
        var criteria = round.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        (await w.Secretary.PostJson($"/api/v1/evaluation-rounds/{roundId}/evaluators", new { userId = orgBUser })).StatusCode.ShouldBe(HttpStatusCode.OK);

        async Task<HttpResponseMessage> PostAsync(int first, int second)
        {
            var html = await (await orgB.GetAsync($"/service-areas/evaluations/{roundId}")).Content.ReadAsStringAsync();
            var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            var token = doc.QuerySelector("#score-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            doc.QuerySelectorAll("#score-area option").Select(o => o.GetAttribute("value")).ShouldBe([areaA.ToString()]);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "score",
                ["__RequestVerificationToken"] = token,
                ["Score.ServiceAreaId"] = areaA.ToString(),
                [$"Score.Items[{criteria[0]}]"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"Score.Items[{criteria[1]}]"] = second.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            return await orgB.PostAsync($"/service-areas/evaluations/{roundId}", form);
        }

        var bad = await PostAsync(70, 30);
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var badHtml = await bad.Content.ReadAsStringAsync();
        badHtml.ShouldContain($"data-field=\"Score_{criteria[0]}\"");
        badHtml.ShouldContain("value=\"70\"");
        var ok = await PostAsync(50, 30);
        ((int)ok.StatusCode).ShouldBeInRange(300, 399, await ok.Content.ReadAsStringAsync());
        var results = await (await w.Secretary.GetAsync($"/api/v1/evaluation-rounds/{roundId}/results")).ShouldBe(HttpStatusCode.OK);
        results.GetProperty("mutual")[0].GetProperty("totalSum").GetInt32().ShouldBe(80);
    }

    [Fact]
    public async Task Only_the_secretary_or_district_admin_opens_and_closes_rounds()
    {
        var (w, _, _, orgA, _, _) = await WorldAsync();
        (await orgA.PostJson("/api/v1/evaluation-rounds", Mutual(w.Community))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var committee = (await w.OfficialAsync(Role.CommitteeMember, "S1/C1")).Client;
        (await committee.PostJson("/api/v1/evaluation-rounds", Mutual(w.Community))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous().PostJson("/api/v1/evaluation-rounds", Mutual(w.Community))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var noCriteria = await (await w.Secretary.PostJson("/api/v1/evaluation-rounds", new { communityId = w.Community, kind = "Mutual", period = "2026年第四季度" }))
            .ShouldBe(HttpStatusCode.BadRequest);
        noCriteria.GetProperty("errors").TryGetProperty("Criteria", out _).ShouldBeTrue();
        var round = await (await w.Secretary.PostJson("/api/v1/evaluation-rounds", Mutual(w.Community))).ShouldBe(HttpStatusCode.Created);
        var roundId = round.GetProperty("id").GetGuid();
        (await committee.PostJson($"/api/v1/evaluation-rounds/{roundId}/close", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admin = await w.D.ClientAsync(Role.DistrictAdmin, "D");
        (await admin.PostJson($"/api/v1/evaluation-rounds/{roundId}/close", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class EvaluationTests_Sqlite(SqliteApp app) : EvaluationTests(app), IClassFixture<SqliteApp>;

public sealed class EvaluationTests_Postgres(PostgresApp app) : EvaluationTests(app), IClassFixture<PostgresApp>;
