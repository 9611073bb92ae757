using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Deadlines;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;

namespace Yishi.IntegrationTests.Demands;

public abstract class DemandLoopTests(YishiApp app)
{
    [Fact]
    public async Task Anonymous_resident_submits_and_tracks_progress_without_personal_data()
    {
        var w = await DemandWorld.CreateAsync(app);
        var (_, code) = await w.SubmitAsync();
        code.ShouldMatch(@"^YS-\d{8}-\d{6}-[A-Z2-9]{4}$");

        var progress = await (await app.Anonymous().GetAsync($"/api/v1/demands/track/{code.ToLowerInvariant()}")).ShouldBe(HttpStatusCode.OK);
        progress.GetProperty("status").GetString().ShouldBe("Submitted");
        progress.GetProperty("areaName").GetString().ShouldBe("第一网格");
        progress.GetProperty("timeline")[0].GetProperty("action").GetString().ShouldBe("demand.submitted");
        progress.GetRawText().ShouldNotContain("13800138000");

        // A forged code (right shape, wrong check part) finds nothing.
        var forged = code[..^4] + (code.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        await (await app.Anonymous().GetAsync($"/api/v1/demands/track/{forged}")).ShouldBe(HttpStatusCode.NotFound);
        await (await app.Anonymous().GetAsync("/api/v1/demands/track/not-a-code")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_create_one_demand()
    {
        var w = await DemandWorld.CreateAsync(app);
        var key = Guid.NewGuid().ToString();
        var body = new { areaId = w.D["S1/C1/G1"].Id, description = "小区路灯坏了三盏，晚上很黑", urgent = false };
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var client = app.Anonymous();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/demands") { Content = System.Net.Http.Json.JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            return await response.ShouldBe(HttpStatusCode.Created);
        }));
        responses.Select(r => r.GetProperty("trackingCode").GetString()).Distinct().Count().ShouldBe(1);
        var count = await app.InScopeAsync(w.D.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<Demand>().CountAsync());
        count.ShouldBe(1);

        using var different = new HttpRequestMessage(HttpMethod.Post, "/api/v1/demands")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { areaId = w.D["S1/C1/G1"].Id, description = "另一件事：垃圾桶满了没人清理", urgent = false }),
        };
        different.Headers.Add("Idempotency-Key", key);
        var problem = await (await app.Anonymous().SendAsync(different)).ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.Code().ShouldBe("demand.idempotency_key_reused");
    }

    [Fact]
    public async Task Demand_climbs_the_ladder_to_a_department_is_reopened_when_dissatisfied_and_closed_after_review()
    {
        var w = await DemandWorld.CreateAsync(app);
        var residentUser = await w.D.UserAsync(Role.Resident, "S1/C1/G1");
        var resident = await app.SignInAsync(residentUser.UserName!, TestDistrict.Password);
        var (id, code) = await w.SubmitAsync(resident);
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var street = await w.D.ClientAsync(Role.StreetOfficer, "S1");
        var housing = await w.OfficerAsync(w.Housing);
        var council = await w.D.ClientAsync(Role.CouncilMember, "S1/C1");

        var d = await w.GetAsync(secretary, id);
        d = await (await secretary.PostJson($"/api/v1/demands/{id}/triage", new
        {
            ownership = "Government",
            urgent = false,
            contentCategory = "Development",
            mustDeliberate = "PublicFacilities",
            route = "Assign",
            assigneeUserId = (Guid?)null,
            unitId = (Guid?)null,
            note = "需要街道协调",
            version = DemandWorld.Version(d),
        })).ShouldBe(HttpStatusCode.BadRequest);
        d = await w.GetAsync(secretary, id);
        d.GetProperty("status").GetString().ShouldBe("Submitted"); // nothing saved on a refused triage

        d = await (await secretary.PostJson($"/api/v1/demands/{id}/escalate", new { reason = "屋面整体老化，社区无力维修", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        d.GetProperty("level").GetString().ShouldBe("Street");
        var inbox = await (await street.GetAsync("/api/v1/demands/inbox")).ShouldBe(HttpStatusCode.OK);
        inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(id);

        // The street cannot escalate to "a department" without naming it.
        var problem = await (await street.PostJson($"/api/v1/demands/{id}/escalate", new { reason = "需住建局处理", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("UnitId")[0].GetString().ShouldBe("请选择承办部门。");
        d = await (await street.PostJson($"/api/v1/demands/{id}/escalate", new { reason = "需住建局处理", unitId = w.Transport, version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        d.GetProperty("level").GetString().ShouldBe("Department");

        // Housing does not see what reached Transport until Transport refers it sideways.
        await (await housing.GetAsync($"/api/v1/demands/{id}")).ShouldBe(HttpStatusCode.NotFound);
        var transport = await w.OfficerAsync(w.Transport);
        d = await (await transport.PostJson($"/api/v1/demands/{id}/refer", new { unitId = w.Housing, reason = "屋面维修属住建局职责", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        d = await w.GetAsync(housing, id);
        d = await (await housing.PostJson($"/api/v1/demands/{id}/triage", new
        {
            ownership = "Government",
            urgent = false,
            contentCategory = "Development",
            mustDeliberate = "PublicFacilities",
            route = "Assign",
            unitId = w.Housing,
            note = "列入老旧小区屋面改造",
            version = DemandWorld.Version(d),
        })).ShouldBe(HttpStatusCode.OK);
        d.GetProperty("status").GetString().ShouldBe("InProgress");

        // 十必议: a must-deliberate demand is not handled without a resolution or the secretary's recorded exemption.
        (await (await housing.PostJson($"/api/v1/demands/{id}/handle", new { reply = "已更换防水层", version = DemandWorld.Version(d) }))
            .ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("demand.must_deliberate");
        (await (await housing.PostJson($"/api/v1/demands/{id}/exempt-from-deliberation", new { reason = "单户屋面维修", version = DemandWorld.Version(d) }))
            .ShouldBe(HttpStatusCode.Forbidden)).Code().ShouldBe("forbidden");
        await (await secretary.PostJson($"/api/v1/demands/{id}/exempt-from-deliberation", new { reason = "无", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.BadRequest);
        d = await (await secretary.PostJson($"/api/v1/demands/{id}/exempt-from-deliberation", new { reason = "单栋楼屋面维修，属个案，免于上会", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        d.GetProperty("deliberationExemption").GetString().ShouldBe("单栋楼屋面维修，属个案，免于上会");
        d = await w.GetAsync(housing, id);
        d = await (await housing.PostJson($"/api/v1/demands/{id}/handle", new { reply = "已更换防水层", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);

        var progress = await (await app.Anonymous().PostJson($"/api/v1/demands/track/{code}/rating", new { satisfaction = "Dissatisfied", comment = "楼道还在漏" })).ShouldBe(HttpStatusCode.OK);
        progress.GetProperty("status").GetString().ShouldBe("InProgress");
        d = await w.GetAsync(housing, id);
        d.GetProperty("reopenCount").GetInt32().ShouldBe(1);
        d.GetProperty("unitId").GetGuid().ShouldBe(w.Housing); // back to the same handler
        d = await (await housing.PostJson($"/api/v1/demands/{id}/handle", new { reply = "楼道顶部也已修补", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        await (await app.Anonymous().PostJson($"/api/v1/demands/track/{code}/rating", new { satisfaction = "Satisfied", comment = "谢谢" })).ShouldBe(HttpStatusCode.OK);
        (await (await app.Anonymous().PostJson($"/api/v1/demands/track/{code}/rating", new { satisfaction = "Satisfied" })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("demand.already_rated");

        d = await w.GetAsync(council, id);
        d = await (await council.PostJson($"/api/v1/demands/{id}/review", new { metExpectations = true, residentsSatisfied = true, note = "回访三户，均表示满意", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        d.GetProperty("status").GetString().ShouldBe("Closed");

        (await w.TimelineAsync(id)).ShouldBe([
            "demand.submitted", "demand.escalated", "demand.escalated", "demand.referred", "demand.assigned", "demand.exempted_from_deliberation", "demand.handled",
            "demand.rated_dissatisfied", "demand.handled", "demand.rated", "demand.review_passed"]);
        var notes = await app.InScopeAsync(w.D.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<Notification>().Where(n => n.UserId == residentUser.Id).Select(n => n.Text).ToListAsync());
        notes.Count.ShouldBeGreaterThanOrEqualTo(3);
        // The reporter learns where the demand went at each rung (the department is not named).
        notes.ShouldContain($"您的诉求 {code} 已提交至街道办理。");
        notes.ShouldContain($"您的诉求 {code} 已提交至区职能部门办理。");
    }

    [Fact]
    public async Task Private_matter_is_guided_followed_up_and_converted_when_the_resident_is_still_in_difficulty()
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, _) = await w.SubmitAsync(text: "自家水管老化，不知道找谁修");
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var d = await w.GetAsync(secretary, id);
        var problem = await (await secretary.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", route = "Guide", reply = "可联系物业维修", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.Code().ShouldBe("demand.guidance_needs_personal");
        d = await (await secretary.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Personal", route = "Guide", reply = "可联系社区推荐的维修师傅，电话见公告栏", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        d.GetProperty("status").GetString().ShouldBe("Guidance");
        d.GetProperty("resolveDueAt").ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.Null); // still followed up
        d = await (await secretary.PostJson($"/api/v1/demands/{id}/convert", new { ownership = "Community", reason = "独居老人，无力自行维修", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        d.GetProperty("status").GetString().ShouldBe("Submitted");
        d.GetProperty("ownership").GetString().ShouldBe("Community");
    }

    [Fact]
    public async Task Urgent_demand_not_acknowledged_in_time_escalates_to_street_exactly_once()
    {
        var w = await DemandWorld.CreateAsync(app);
        var secretary = await w.D.UserAsync(Role.CommunitySecretary, "S1/C1");
        var streetOfficer = await w.D.UserAsync(Role.StreetOfficer, "S1");
        var (id, _) = await w.SubmitAsync(urgent: true, text: "燃气管道有异味，怀疑泄漏");
        var sweep = app.Services.GetRequiredService<DeadlineSweep>();

        app.Clock.Advance(TimeSpan.FromMinutes(119));
        await sweep.RunOnceAsync();
        (await w.LoadAsync(id)).Level.ShouldBe(HandlingLevel.Community);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await Task.WhenAll(sweep.RunOnceAsync(), sweep.RunOnceAsync());
        await sweep.RunOnceAsync();
        var d = await w.LoadAsync(id);
        d.Level.ShouldBe(HandlingLevel.Street);
        d.Status.ShouldBe(DemandStatus.Submitted);
        (await w.TimelineAsync(id)).Count(a => a == "demand.auto_escalated").ShouldBe(1);
        var notified = await app.InScopeAsync(w.D.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<Notification>()
            .Where(n => n.Link == $"/demands/{id}").Select(n => n.UserId).Distinct().ToListAsync());
        notified.ShouldContain(secretary.Id);
        notified.ShouldContain(streetOfficer.Id);

        // At the street nobody named a department: the next deadline marks it overdue instead of guessing one.
        app.Clock.Advance(TimeSpan.FromHours(3));
        await sweep.RunOnceAsync();
        d = await w.LoadAsync(id);
        d.Level.ShouldBe(HandlingLevel.Street);
        (await w.TimelineAsync(id)).ShouldContain("demand.overdue");
    }

    [Fact]
    public async Task A_common_issue_member_follows_its_lead_and_is_not_escalated_by_its_own_timer()
    {
        var w = await DemandWorld.CreateAsync(app);
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var (lead, _) = await w.SubmitAsync(urgent: true, text: "五栋楼顶漏水，雨天家里滴水");
        var (member, _) = await w.SubmitAsync(urgent: true, text: "五栋楼顶漏水严重，屋里到处滴水");
        await (await secretary.PostJson("/api/v1/common-issues", new { title = "五栋楼顶漏水", leadDemandId = lead, demandIds = new[] { member } })).ShouldBe(HttpStatusCode.Created);

        app.Clock.Advance(TimeSpan.FromHours(3));
        await app.Services.GetRequiredService<DeadlineSweep>().RunOnceAsync();
        (await w.LoadAsync(lead)).Level.ShouldBe(HandlingLevel.Street);
        (await w.LoadAsync(member)).Level.ShouldBe(HandlingLevel.Community);
        (await w.TimelineAsync(member)).ShouldNotContain("demand.auto_escalated");
    }

    [Fact]
    public async Task A_demand_reopened_by_a_dissatisfied_rating_and_then_handled_on_the_spot_higher_up_is_rated_afresh()
    {
        var w = await DemandWorld.CreateAsync(app);
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var street = await w.D.ClientAsync(Role.StreetOfficer, "S1");
        var (id, code) = await w.SubmitAsync();
        var d = await w.GetAsync(secretary, id);
        await (await secretary.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", route = "OnSpot", reply = "已清理", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        await (await app.Anonymous().PostJson($"/api/v1/demands/track/{code}/rating", new { satisfaction = "Dissatisfied", comment = "没有清理干净" })).ShouldBe(HttpStatusCode.OK);
        d = await w.GetAsync(secretary, id);
        d = await (await secretary.PostJson($"/api/v1/demands/{id}/escalate", new { reason = "需街道统筹", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        await (await street.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", route = "OnSpot", reply = "街道组织彻底清理", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);

        var loaded = await w.LoadAsync(id);
        loaded.Status.ShouldBe(DemandStatus.Handled);
        loaded.Satisfaction.ShouldBeNull();
        await (await app.Anonymous().PostJson($"/api/v1/demands/track/{code}/rating", new { satisfaction = "Satisfied" })).ShouldBe(HttpStatusCode.OK);
        (await w.LoadAsync(id)).Satisfaction.ShouldBe(Satisfaction.Satisfied);
    }

    [Fact]
    public async Task Acknowledged_demand_is_not_escalated_by_its_old_timer()
    {
        var w = await DemandWorld.CreateAsync(app);
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var (id, _) = await w.SubmitAsync(urgent: true);
        var d = await w.GetAsync(secretary, id);
        await (await secretary.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", urgent = true, route = "Assign", unitId = w.Housing, note = "派物业维修", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromHours(3));
        await app.Services.GetRequiredService<DeadlineSweep>().RunOnceAsync();
        var loaded = await w.LoadAsync(id);
        loaded.Level.ShouldBe(HandlingLevel.Community);
        loaded.Status.ShouldBe(DemandStatus.InProgress);
    }

    [Fact]
    public async Task Possible_duplicates_in_the_same_community_are_found_by_bigram_similarity()
    {
        var w = await DemandWorld.CreateAsync(app);
        var (first, _) = await w.SubmitAsync(text: "3栋楼顶漏水，下雨天家里到处滴水");
        await w.SubmitAsync(area: "S1/C1/G2", text: "三栋楼顶漏水严重，一下雨就滴水");
        await w.SubmitAsync(area: "S1/C1/G2", text: "小区门口停车太乱，消防通道被堵");
        await w.SubmitAsync(area: "S1/C2/G1", text: "3栋楼顶漏水，下雨天家里到处滴水");
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var similar = await (await secretary.GetAsync($"/api/v1/demands/{first}/similar")).ShouldBe(HttpStatusCode.OK);
        var texts = similar.EnumerateArray().Select(s => s.GetProperty("description").GetString()).ToList();
        texts.ShouldBe(["三栋楼顶漏水严重，一下雨就滴水"]); // not the parking one, not the other community's
    }

    [Fact]
    public async Task Common_issue_is_handled_once_and_every_reporter_follows_it()
    {
        var w = await DemandWorld.CreateAsync(app);
        var (lead, _) = await w.SubmitAsync(text: "3栋楼顶漏水");
        var (m1, c1) = await w.SubmitAsync(area: "S1/C1/G2", text: "5栋楼顶也漏水");
        var (m2, _) = await w.SubmitAsync(area: "S1/C1/G2", text: "7栋顶楼漏水严重");
        var (other, _) = await w.SubmitAsync(area: "S1/C2/G1", text: "二社区楼顶漏水");
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");

        var problem = await (await secretary.PostJson("/api/v1/common-issues", new { title = "老旧楼顶漏水", leadDemandId = lead, demandIds = new[] { m1, other } })).ShouldBe(HttpStatusCode.NotFound);
        var issue = await (await secretary.PostJson("/api/v1/common-issues", new { title = "老旧楼顶漏水", leadDemandId = lead, demandIds = new[] { m1, m2 } })).ShouldBe(HttpStatusCode.Created);
        issue.GetProperty("members").GetArrayLength().ShouldBe(3);

        // Members are handled through the lead only.
        problem = await (await secretary.PostJson($"/api/v1/demands/{m1}/triage", new { ownership = "Community", route = "OnSpot", reply = "单独处理", version = 0 })).ShouldBe(HttpStatusCode.Conflict);
        problem.Code().ShouldBe("demand.follows_common_issue");

        var d = await w.GetAsync(secretary, lead);
        await (await secretary.PostJson($"/api/v1/demands/{lead}/triage", new { ownership = "Community", route = "Assign", unitId = w.Housing, note = "统一列入屋面维修", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        d = await w.GetAsync(secretary, lead);
        await (await secretary.PostJson($"/api/v1/demands/{lead}/handle", new { reply = "三栋楼屋面统一翻新", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        foreach (var m in new[] { m1, m2 })
        {
            var member = await w.LoadAsync(m);
            member.Status.ShouldBe(DemandStatus.Handled);
            member.Reply.ShouldBe("三栋楼屋面统一翻新");
        }
        (await w.LoadAsync(other)).Status.ShouldBe(DemandStatus.Submitted);

        // One reporter is not satisfied: that demand leaves the issue and is handled on its own.
        await (await app.Anonymous().PostJson($"/api/v1/demands/track/{c1}/rating", new { satisfaction = "Dissatisfied", comment = "我家楼道还漏" })).ShouldBe(HttpStatusCode.OK);
        var reopened = await w.LoadAsync(m1);
        reopened.Status.ShouldBe(DemandStatus.InProgress);
        reopened.CommonIssueId.ShouldBeNull();

        var council = await w.D.ClientAsync(Role.CouncilMember, "S1/C1");
        d = await w.GetAsync(council, lead);
        await (await council.PostJson($"/api/v1/demands/{lead}/review", new { metExpectations = true, residentsSatisfied = true, note = "回访满意", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        (await w.LoadAsync(m2)).Status.ShouldBe(DemandStatus.Closed);
        (await w.LoadAsync(m1)).Status.ShouldBe(DemandStatus.InProgress);
        (await w.TimelineAsync(m2)).ShouldBe(["demand.submitted", "demand.merged", "demand.followed_common_issue", "demand.followed_common_issue"]);
    }

    public enum Actor { OwnSecretary, SiblingSecretary, OtherDistrictAdmin, OwnGridWorker, StreetOfficer, OtherUnitOfficer, Anonymous }

    [Theory]
    [InlineData(Actor.OwnSecretary, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Actor.SiblingSecretary, HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData(Actor.OtherDistrictAdmin, HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData(Actor.OwnGridWorker, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(Actor.StreetOfficer, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(Actor.OtherUnitOfficer, HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData(Actor.Anonymous, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)]
    public async Task Only_the_current_rung_in_scope_may_triage_and_others_do_not_even_see_it(Actor actor, HttpStatusCode view, HttpStatusCode triage)
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, _) = await w.SubmitAsync();
        var client = actor switch
        {
            Actor.OwnSecretary => await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1"),
            Actor.SiblingSecretary => await w.D.ClientAsync(Role.CommunitySecretary, "S1/C2"),
            Actor.OtherDistrictAdmin => await (await TestDistrict.CreateAsync(app)).ClientAsync(Role.DistrictAdmin, "D"),
            Actor.OwnGridWorker => await w.D.ClientAsync(Role.GridWorker, "S1/C1/G1"),
            Actor.StreetOfficer => await w.D.ClientAsync(Role.StreetOfficer, "S1"),
            Actor.OtherUnitOfficer => await w.OfficerAsync(w.Transport),
            _ => app.Anonymous(),
        };
        (await client.GetAsync($"/api/v1/demands/{id}")).StatusCode.ShouldBe(view);
        var response = await client.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", route = "OnSpot", reply = "已现场处理", version = 0 });
        response.StatusCode.ShouldBe(triage);
        var d = await w.LoadAsync(id);
        d.Status.ShouldBe(triage == HttpStatusCode.OK ? DemandStatus.Handled : DemandStatus.Submitted);
    }

    [Fact]
    public async Task Bad_submissions_and_skipped_states_get_clear_errors_and_change_nothing()
    {
        var w = await DemandWorld.CreateAsync(app);
        var anon = app.Anonymous();
        var problem = await (await anon.PostJson("/api/v1/demands", new { areaId = w.D["S1/C1"].Id, description = "" })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("Description")[0].GetString().ShouldBe("此项为必填。");
        problem = await (await anon.PostJson("/api/v1/demands", new { areaId = w.D["S1/C1"].Id, description = new string('漏', 100_000) })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("Description")[0].GetString().ShouldBe("内容过长。");
        problem = await (await anon.PostJson("/api/v1/demands", new { areaId = Guid.NewGuid(), description = "路灯坏了好几天了" })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("AreaId", out _).ShouldBeTrue();
        problem = await (await anon.PostJson("/api/v1/demands", new { areaId = w.D["S1"].Id, description = "路灯坏了好几天了" })).ShouldBe(HttpStatusCode.BadRequest);
        problem = await (await anon.PostJson("/api/v1/demands", new { areaId = w.D["S1/C1"].Id, description = "路灯坏了好几天了", channel = "Hotline" })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("Channel", out _).ShouldBeTrue();
        await (await anon.PostJson("/api/v1/demands", new { areaId = w.D["S1/C1"].Id, description = "路灯坏了好几天了", channel = "Carrier pigeon" })).ShouldBe(HttpStatusCode.BadRequest);
        problem = await (await anon.PostJson("/api/v1/demands", new { areaId = w.D["S1/C1"].Id, description = "路灯坏了好几天了", contactPhone = "12345" })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("ContactPhone")[0].GetString().ShouldBe("请输入11位手机号码。");
        (await app.InScopeAsync(w.D.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<Demand>().CountAsync())).ShouldBe(0);

        var (id, code) = await w.SubmitAsync();
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        problem = await (await secretary.PostJson($"/api/v1/demands/{id}/handle", new { reply = "跳过受理直接办结", version = 0 })).ShouldBe(HttpStatusCode.Conflict);
        problem.Code().ShouldBe("demand.transition_forbidden");
        problem.GetProperty("title").GetString().ShouldBe("该诉求当前状态下不能执行此操作。");
        problem = await (await anon.PostJson($"/api/v1/demands/track/{code}/rating", new { satisfaction = "Satisfied" })).ShouldBe(HttpStatusCode.Conflict);

        // Rating after the window.
        await (await secretary.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", route = "OnSpot", reply = "已修好", version = 0 })).ShouldBe(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(8));
        problem = await (await anon.PostJson($"/api/v1/demands/track/{code}/rating", new { satisfaction = "Dissatisfied", comment = "没修好" })).ShouldBe(HttpStatusCode.Conflict);
        problem.Code().ShouldBe("demand.rating_window_closed");
        (await w.LoadAsync(id)).Status.ShouldBe(DemandStatus.Handled);

        // Closing without review needs a reason; a stale version is a conflict.
        var council = await w.D.ClientAsync(Role.CouncilMember, "S1/C1");
        var d = await w.GetAsync(council, id);
        await (await council.PostJson($"/api/v1/demands/{id}/close", new { reason = "", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.BadRequest);
        (await (await council.PostJson($"/api/v1/demands/{id}/close", new { reason = "居民已搬离，无法回访", version = DemandWorld.Version(d) - 1 })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("concurrency");
        d = await (await council.PostJson($"/api/v1/demands/{id}/close", new { reason = "居民已搬离，无法回访", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        d.GetProperty("status").GetString().ShouldBe("Closed");
    }
}

public sealed class DemandLoopTests_Sqlite(SqliteApp app) : DemandLoopTests(app), IClassFixture<SqliteApp>;

public sealed class DemandLoopTests_Postgres(PostgresApp app) : DemandLoopTests(app), IClassFixture<PostgresApp>;
