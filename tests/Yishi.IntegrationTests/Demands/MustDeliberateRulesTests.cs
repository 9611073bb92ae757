using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Demands.Domain;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Demands;

/// <summary>十必议 cannot be bypassed: not through a common issue, not by re-triage; members see how their demand ended.</summary>
public abstract class MustDeliberateRulesTests(YishiApp app)
{
    private static async Task AssignAsync(DemandWorld w, HttpClient client, Guid id, string? mustDeliberate)
    {
        var d = await w.GetAsync(client, id);
        await (await client.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", mustDeliberate, route = "Assign", unitId = w.Housing, note = "列入维修", version = DemandWorld.Version(d) }))
            .ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_must_deliberate_member_blocks_the_leads_handling_until_the_secretary_exempts_it()
    {
        var w = await DemandWorld.CreateAsync(app);
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var (lead, _) = await w.SubmitAsync(text: "七栋楼顶漏水，雨天滴水");
        var (member, memberCode) = await w.SubmitAsync(text: "七栋楼顶漏水严重，公共楼道积水");
        await AssignAsync(w, secretary, member, "PublicFacilities");
        await AssignAsync(w, secretary, lead, null);
        await (await secretary.PostJson("/api/v1/common-issues", new { title = "七栋楼顶漏水", leadDemandId = lead, demandIds = new[] { member } })).ShouldBe(HttpStatusCode.Created);

        var d = await w.GetAsync(secretary, lead);
        var problem = await (await secretary.PostJson($"/api/v1/demands/{lead}/handle", new { reply = "七栋屋面统一翻新", version = DemandWorld.Version(d) }))
            .ShouldBe(HttpStatusCode.Conflict);
        problem.Code().ShouldBe("demand.member_must_deliberate");
        problem.GetProperty("title").GetString()!.ShouldContain(memberCode);
        (await w.LoadAsync(lead)).Status.ShouldBe(DemandStatus.InProgress);
        var m = await w.LoadAsync(member);
        m.Status.ShouldBe(DemandStatus.InProgress);
        m.HandledAt.ShouldBeNull();

        // A committee member may not exempt the member; the community secretary may, and the lead is then handled for both.
        var committee = await w.D.ClientAsync(Role.CommitteeMember, "S1/C1");
        (await (await committee.PostJson($"/api/v1/demands/{member}/exempt-from-deliberation", new { reason = "与牵头诉求同一屋面维修", version = m.Version }))
            .ShouldBe(HttpStatusCode.Forbidden)).Code().ShouldBe("forbidden");
        await (await secretary.PostJson($"/api/v1/demands/{member}/exempt-from-deliberation", new { reason = "与牵头诉求同一屋面维修，属个案", version = m.Version }))
            .ShouldBe(HttpStatusCode.OK);
        d = await w.GetAsync(secretary, lead);
        await (await secretary.PostJson($"/api/v1/demands/{lead}/handle", new { reply = "七栋屋面统一翻新", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        m = await w.LoadAsync(member);
        m.Status.ShouldBe(DemandStatus.Handled);
        m.Reply.ShouldBe("七栋屋面统一翻新");
    }

    [Fact]
    public async Task Merging_a_must_deliberate_demand_into_a_handled_lead_is_refused_and_nothing_is_saved()
    {
        var w = await DemandWorld.CreateAsync(app);
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var (lead, _) = await w.SubmitAsync(text: "八栋楼顶漏水");
        var (member, memberCode) = await w.SubmitAsync(text: "八栋楼顶漏水，公共区域");
        await AssignAsync(w, secretary, member, "PublicFacilities");
        var d = await w.GetAsync(secretary, lead);
        await (await secretary.PostJson($"/api/v1/demands/{lead}/triage", new { ownership = "Community", route = "OnSpot", reply = "已修补", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);

        var problem = await (await secretary.PostJson("/api/v1/common-issues", new { title = "八栋楼顶漏水", leadDemandId = lead, demandIds = new[] { member } }))
            .ShouldBe(HttpStatusCode.Conflict);
        problem.Code().ShouldBe("demand.member_must_deliberate");
        problem.GetProperty("title").GetString()!.ShouldContain(memberCode);
        (await w.LoadAsync(member)).CommonIssueId.ShouldBeNull();
        (await w.LoadAsync(lead)).CommonIssueId.ShouldBeNull();
    }

    [Fact]
    public async Task Only_the_community_secretary_removes_a_must_deliberate_category_with_a_recorded_reason()
    {
        var w = await DemandWorld.CreateAsync(app);
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var committee = await w.D.ClientAsync(Role.CommitteeMember, "S1/C1");
        var (id, _) = await w.SubmitAsync(text: "小区广场改造方案");
        await AssignAsync(w, committee, id, "PublicFacilities");

        // The bypass: re-triage without the category, then handle.
        var d = await w.GetAsync(committee, id);
        var problem = await (await committee.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", route = "Assign", unitId = w.Housing, note = "重新交办", mustDeliberateChangeReason = "不需要上会讨论", version = DemandWorld.Version(d) }))
            .ShouldBe(HttpStatusCode.Forbidden);
        problem.Code().ShouldBe("demand.must_deliberate_change_forbidden");
        problem = await (await committee.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", mustDeliberate = "Environment", route = "Assign", unitId = w.Housing, note = "重新交办", version = DemandWorld.Version(d) }))
            .ShouldBe(HttpStatusCode.Forbidden);
        problem.Code().ShouldBe("demand.must_deliberate_change_forbidden");
        (await w.LoadAsync(id)).MustDeliberate.ShouldBe(MustDeliberateCategory.PublicFacilities);
        // Keeping the category is still everyone's triage.
        await (await committee.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", mustDeliberate = "PublicFacilities", route = "Assign", unitId = w.Housing, note = "重新交办", version = DemandWorld.Version(d) }))
            .ShouldBe(HttpStatusCode.OK);
        d = await w.GetAsync(committee, id);
        (await (await committee.PostJson($"/api/v1/demands/{id}/handle", new { reply = "已改造", version = DemandWorld.Version(d) }))
            .ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("demand.must_deliberate");

        // The secretary must give a reason; then the change is on the timeline with from/to and the reason.
        d = await w.GetAsync(secretary, id);
        var invalid = await (await secretary.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", route = "Assign", unitId = w.Housing, note = "重新交办", version = DemandWorld.Version(d) }))
            .ShouldBe(HttpStatusCode.BadRequest);
        invalid.GetRawText().ShouldContain("MustDeliberateChangeReason");
        (await w.LoadAsync(id)).MustDeliberate.ShouldBe(MustDeliberateCategory.PublicFacilities);
        await (await secretary.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", route = "Assign", unitId = w.Housing, note = "重新交办", mustDeliberateChangeReason = "只是更换两盏路灯，不属公共设施改造", version = DemandWorld.Version(d) }))
            .ShouldBe(HttpStatusCode.OK);
        (await w.LoadAsync(id)).MustDeliberate.ShouldBeNull();
        var entry = await app.InScopeAsync(w.D.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries
            .SingleAsync(a => a.EntityId == id && a.Action == "demand.must_deliberate_changed"));
        entry.From.ShouldBe("PublicFacilities");
        entry.To.ShouldBe("none");
        entry.Note.ShouldBe("只是更换两盏路灯，不属公共设施改造");

        // Another community's secretary does not even see it.
        var sibling = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C2");
        await (await sibling.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", route = "Assign", unitId = w.Housing, note = "x", version = DemandWorld.Version(d) }))
            .ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_member_tracking_page_shows_it_was_handled_and_closed_with_the_common_issue_and_the_reply()
    {
        var w = await DemandWorld.CreateAsync(app);
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var council = await w.D.ClientAsync(Role.CouncilMember, "S1/C1");
        var (lead, _) = await w.SubmitAsync(text: "九栋楼顶漏水");
        var (member, memberCode) = await w.SubmitAsync(text: "九栋楼顶漏水，家里滴水");
        await (await secretary.PostJson("/api/v1/common-issues", new { title = "九栋楼顶漏水", leadDemandId = lead, demandIds = new[] { member } })).ShouldBe(HttpStatusCode.Created);
        var d = await w.GetAsync(secretary, lead);
        await (await secretary.PostJson($"/api/v1/demands/{lead}/triage", new { ownership = "Community", route = "OnSpot", reply = "九栋屋面已做防水", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        d = await w.GetAsync(council, lead);
        await (await council.PostJson($"/api/v1/demands/{lead}/review", new { metExpectations = true, residentsSatisfied = true, note = "回访满意", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        (await w.LoadAsync(member)).Status.ShouldBe(DemandStatus.Closed);

        var progress = await (await app.Anonymous().GetAsync($"/api/v1/demands/track/{memberCode}")).ShouldBe(HttpStatusCode.OK);
        var actions = progress.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()).ToList();
        actions.ShouldBe(["demand.submitted", "demand.merged", "demand.handled_with_common_issue", "demand.closed_with_common_issue"]);
        progress.GetProperty("timeline")[2].GetProperty("note").GetString().ShouldBe("九栋屋面已做防水");

        var html = await (await app.Anonymous().GetAsync($"/track/{memberCode}")).Content.ReadAsStringAsync();
        var page = html[html.IndexOf("track-timeline", StringComparison.Ordinal)..];
        page.ShouldContain("随共性问题一并办结");
        page.ShouldContain("随共性问题销号");
        page.ShouldContain("九栋屋面已做防水");
    }
}

public sealed class MustDeliberateRulesTests_Sqlite(SqliteApp app) : MustDeliberateRulesTests(app), IClassFixture<SqliteApp>;

public sealed class MustDeliberateRulesTests_Postgres(PostgresApp app) : MustDeliberateRulesTests(app), IClassFixture<PostgresApp>;
