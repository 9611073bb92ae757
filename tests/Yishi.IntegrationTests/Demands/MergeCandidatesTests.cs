using System.Net;
using System.Text.RegularExpressions;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.IntegrationTests.Demands;

/// <summary>共性问题 from the demand page: twenty reports of one leaking roof can be found (search, keyset paging) and gathered under one lead.</summary>
public abstract partial class MergeCandidatesTests(YishiApp app)
{
    [GeneratedRegex("class=\"form-check small merge-candidate\"")]
    private static partial Regex CandidateRow();

    [Fact]
    public async Task Twenty_reports_of_one_leaking_roof_are_searched_paged_and_gathered_under_one_lead_from_the_page()
    {
        var w = await DemandWorld.CreateAsync(app);
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var (lead, _) = await w.SubmitAsync(secretary, text: "十栋楼顶漏水，顶楼住户家里滴水");
        var roofs = new List<Guid>();
        for (var i = 1; i <= 21; i++) roofs.Add((await w.SubmitAsync(secretary, area: i % 2 == 0 ? "S1/C1/G2" : "S1/C1/G1", text: $"十栋楼顶漏水，{i}0{i}室天花板滴水")).Id);
        for (var i = 1; i <= 3; i++) await w.SubmitAsync(secretary, text: $"小区{i}号路灯不亮");
        var elsewhere = (await w.SubmitAsync(secretary, area: "S1/C2/G1", text: "二社区楼顶漏水")).Id;

        var first = await (await secretary.GetAsync($"/api/v1/demands/{lead}/merge-candidates?q={Uri.EscapeDataString("漏水")}")).ShouldBe(HttpStatusCode.OK);
        first.GetProperty("items").GetArrayLength().ShouldBe(20);
        var next = first.GetProperty("next").GetString();
        next.ShouldNotBeNull();
        var second = await (await secretary.GetAsync($"/api/v1/demands/{lead}/merge-candidates?q={Uri.EscapeDataString("漏水")}&cursor={next}")).ShouldBe(HttpStatusCode.OK);
        second.GetProperty("items").GetArrayLength().ShouldBe(1);
        second.GetProperty("next").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var found = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(x => x.GetProperty("id").GetGuid()).ToList();
        found.ShouldBe(roofs, ignoreOrder: true);
        found.ShouldNotContain(lead);
        found.ShouldNotContain(elsewhere);

        await (await secretary.PostJson("/api/v1/common-issues", new { title = "十栋楼顶漏水", leadDemandId = lead, demandIds = roofs.Take(15) })).ShouldBe(HttpStatusCode.Created);

        // Members already in the issue do not fill the list again; the page lists them apart.
        var rest = await (await secretary.GetAsync($"/api/v1/demands/{lead}/merge-candidates?q={Uri.EscapeDataString("漏水")}")).ShouldBe(HttpStatusCode.OK);
        rest.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ShouldBe(roofs.Skip(15), ignoreOrder: true);
        var html = await (await secretary.GetAsync($"/demands/{lead}?mq={Uri.EscapeDataString("漏水")}")).Content.ReadAsStringAsync();
        CandidateRow().Count(html).ShouldBe(6);
        html.ShouldContain("id=\"merge-members\"");
        html.ShouldContain("已在本共性问题中（15 件）");
        var allPage = await (await secretary.GetAsync($"/demands/{lead}")).Content.ReadAsStringAsync();
        CandidateRow().Count(allPage).ShouldBe(9); // six roofs and three street lights, newest first
        allPage.ShouldNotContain("id=\"merge-next\"");

        await (await secretary.PostJson("/api/v1/common-issues", new { title = "十栋楼顶漏水", leadDemandId = lead, demandIds = roofs.Skip(15) })).ShouldBe(HttpStatusCode.Created);
        var issue = await (await secretary.GetAsync($"/api/v1/demands/{lead}")).ShouldBe(HttpStatusCode.OK);
        var issueId = issue.GetProperty("commonIssueId").GetGuid();
        (await (await secretary.GetAsync($"/api/v1/common-issues/{issueId}")).ShouldBe(HttpStatusCode.OK)).GetProperty("members").GetArrayLength().ShouldBe(22);
    }

    [Fact]
    public async Task Merge_candidates_are_refused_outside_scope_to_other_roles_for_members_and_with_a_bad_cursor()
    {
        var w = await DemandWorld.CreateAsync(app);
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var (lead, _) = await w.SubmitAsync(secretary, text: "五栋门口路灯不亮");
        var (member, _) = await w.SubmitAsync(secretary, text: "五栋门口路灯坏了");
        await (await secretary.PostJson("/api/v1/common-issues", new { title = "五栋路灯", leadDemandId = lead, demandIds = new[] { member } })).ShouldBe(HttpStatusCode.Created);

        await (await (await w.D.ClientAsync(Role.CommunitySecretary, "S1/C2")).GetAsync($"/api/v1/demands/{lead}/merge-candidates")).ShouldBe(HttpStatusCode.NotFound);
        await (await (await w.D.ClientAsync(Role.GridWorker, "S1/C1/G1")).GetAsync($"/api/v1/demands/{lead}/merge-candidates")).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous().GetAsync($"/api/v1/demands/{lead}/merge-candidates")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.Redirect);
        (await (await secretary.GetAsync($"/api/v1/demands/{member}/merge-candidates")).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("demand.follows_common_issue");
        await (await secretary.GetAsync($"/api/v1/demands/{lead}/merge-candidates?cursor=not-a-cursor")).ShouldBe(HttpStatusCode.BadRequest);
        // A hand-edited cursor on the page starts again from the first page (no error page).
        (await secretary.GetAsync($"/demands/{lead}?mcursor=bad")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class MergeCandidatesTests_Sqlite(SqliteApp app) : MergeCandidatesTests(app), IClassFixture<SqliteApp>;

public sealed class MergeCandidatesTests_Postgres(PostgresApp app) : MergeCandidatesTests(app), IClassFixture<PostgresApp>;
