using System.Net;
using System.Text.Json;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Tests.Images;

namespace Yishi.IntegrationTests.ServiceAreas;

/// <summary>正负面清单积分 through the API: drafting and approval, awards, the ledger, appeals, rankings and who may do what.</summary>
public abstract class PointsTests(YishiApp app)
{
    [Fact]
    public async Task Secretary_drafts_a_list_and_a_vote_without_quorum_or_majority_does_not_approve_it()
    {
        var w = await PointsWorld.CreateAsync(app, approve: false);
        var version = await (await w.Secretary.GetAsync($"/api/v1/point-list-versions/{w.VersionId}")).ShouldBe(HttpStatusCode.OK);
        version.GetProperty("rules").GetArrayLength().ShouldBe(3);
        version.GetProperty("status").GetString().ShouldBe("Draft");
        var v = version.GetProperty("version").GetInt32();

        var noQuorum = await (await w.Secretary.PostJson($"/api/v1/point-list-versions/{w.VersionId}/approve", new
        {
            effectiveFrom = "2026-11-01",
            meetingDate = "2026-10-30",
            bodyName = "村民代表会议",
            membersTotal = 30,
            present = 19,
            @for = 19,
            against = 0,
            abstain = 0,
            version = v,
        })).ShouldBe(HttpStatusCode.UnprocessableEntity);
        noQuorum.Code().ShouldBe("points.approval_refused");
        noQuorum.GetProperty("title").GetString()!.ShouldContain("三分之二");
        var noMajority = await (await w.Secretary.PostJson($"/api/v1/point-list-versions/{w.VersionId}/approve", new
        {
            effectiveFrom = "2026-11-01",
            meetingDate = "2026-10-30",
            bodyName = "村民代表会议",
            membersTotal = 30,
            present = 20,
            @for = 10,
            against = 8,
            abstain = 2,
            version = v,
        })).ShouldBe(HttpStatusCode.UnprocessableEntity);
        noMajority.GetProperty("title").GetString()!.ShouldContain("半数");
        var missing = await (await w.Secretary.PostJson($"/api/v1/point-list-versions/{w.VersionId}/approve", new { effectiveFrom = "2026-11-01", version = v }))
            .ShouldBe(HttpStatusCode.BadRequest);
        missing.GetProperty("errors").TryGetProperty("MembersTotal", out _).ShouldBeTrue();
        var resolution = await (await w.Secretary.PostJson($"/api/v1/point-list-versions/{w.VersionId}/approve", new { effectiveFrom = "2026-11-01", resolutionId = Guid.NewGuid(), version = v }))
            .ShouldBe(HttpStatusCode.BadRequest);
        resolution.GetProperty("errors").TryGetProperty("ResolutionId", out _).ShouldBeTrue();

        (await (await w.Secretary.GetAsync($"/api/v1/point-list-versions/{w.VersionId}")).ShouldBe(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("Draft");
        (await w.AuditCountAsync("point_list.approved")).ShouldBe(0);

        // Points for a rule of the unapproved draft: 409 with the reason, nothing saved.
        var organiser = (await w.OfficialAsync(Role.Organiser, "S1/C1/G1")).Client;
        var refused = await (await w.AwardAsync(organiser)).ShouldBe(HttpStatusCode.Conflict);
        refused.Code().ShouldBe("points.rule_not_approved");
        refused.GetProperty("title").GetString()!.ShouldContain("尚未经");
        (await w.EntryCountAsync()).ShouldBe(0);

        var approved = await w.ApproveAsync(w.VersionId, new DateOnly(2026, 11, 1), total: 30, present: 20, votesFor: 11);
        approved.GetProperty("status").GetString().ShouldBe("Approved");
        approved.GetProperty("membersTotal").GetInt32().ShouldBe(30);
        (await w.AuditCountAsync("point_list.approved")).ShouldBe(1);
    }

    [Fact]
    public async Task An_approved_version_is_immutable_and_a_change_is_a_new_draft_copied_from_it()
    {
        var w = await PointsWorld.CreateAsync(app);
        var edit = await (await w.Secretary.PutJson($"/api/v1/point-list-versions/{w.VersionId}/rules/{w.Rules["P1"]}",
            new { code = "P1", direction = "Positive", points = 8, description = "参加义务劳动" })).ShouldBe(HttpStatusCode.Conflict);
        edit.Code().ShouldBe("points.version_not_draft");
        (await w.Secretary.DeleteAsync($"/api/v1/point-list-versions/{w.VersionId}/rules/{w.Rules["P1"]}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var draft = await (await w.Secretary.PostJson($"/api/v1/communities/{w.Community}/point-list/drafts", new { })).ShouldBe(HttpStatusCode.Created);
        draft.GetProperty("number").GetInt32().ShouldBe(2);
        draft.GetProperty("rules").GetArrayLength().ShouldBe(3);
        var second = await (await w.Secretary.PostJson($"/api/v1/communities/{w.Community}/point-list/drafts", new { })).ShouldBe(HttpStatusCode.Conflict);
        second.Code().ShouldBe("points.draft_exists");

        var v2 = draft.GetProperty("id").GetGuid();
        var p1v2 = draft.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "P1").GetProperty("id").GetGuid();
        (await w.Secretary.PutJson($"/api/v1/point-list-versions/{v2}/rules/{p1v2}", new { code = "P1", direction = "Positive", points = 8, description = "参加义务劳动（半天以上）" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var dup = await (await w.Secretary.PostJson($"/api/v1/point-list-versions/{v2}/rules", new { code = "P2", direction = "Positive", points = 2, description = "重复" }))
            .ShouldBe(HttpStatusCode.Conflict);
        dup.Code().ShouldBe("points.code_taken");
        var bad = await (await w.Secretary.PostJson($"/api/v1/point-list-versions/{v2}/rules", new { code = "", direction = "Positive", points = 0, description = "" }))
            .ShouldBe(HttpStatusCode.BadRequest);
        bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["Code", "Description", "Points"], ignoreOrder: true);

        var tooEarly = await (await w.Secretary.PostJson($"/api/v1/point-list-versions/{v2}/approve", new
        {
            effectiveFrom = "2025-10-01",
            meetingDate = "2025-09-30",
            bodyName = "村民代表会议",
            membersTotal = 30,
            present = 24,
            @for = 20,
            version = 0,
        })).ShouldBe(HttpStatusCode.UnprocessableEntity);
        tooEarly.Code().ShouldBe("points.effective_not_after_current");

        await w.ApproveAsync(v2, new DateOnly(2026, 8, 1));
        var list = await (await w.Secretary.GetAsync($"/api/v1/communities/{w.Community}/point-list")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("inForceVersionId").GetGuid().ShouldBe(v2);
        list.GetProperty("versions").EnumerateArray().Select(x => x.GetProperty("status").GetString()).ShouldBe(["Approved", "Superseded"]);
        (await w.AuditCountAsync("point_list.superseded")).ShouldBe(1);

        // Awards cite the version in force on the day it happened: v1's rule before 2026-08-01, v2's on and after.
        var organiser = (await w.OfficialAsync(Role.Organiser, "S1/C1/G1")).Client;
        (await w.AwardAsync(organiser, on: new DateOnly(2026, 7, 31))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var stale = await (await w.AwardAsync(organiser, on: new DateOnly(2026, 8, 1))).ShouldBe(HttpStatusCode.Conflict);
        stale.Code().ShouldBe("points.rule_not_in_force");
        var ok = await (await organiser.PostJson("/api/v1/point-entries", new { householdId = w.Household, pointRuleId = p1v2, evidence = "清扫村道", occurredOn = "2026-08-01" }))
            .ShouldBe(HttpStatusCode.Created);
        ok.GetProperty("points").GetInt32().ShouldBe(8);
        ok.GetProperty("ruleVersionNumber").GetInt32().ShouldBe(2);
        var beforeV1 = await (await w.AwardAsync(organiser, on: new DateOnly(2025, 10, 31))).ShouldBe(HttpStatusCode.Conflict);
        beforeV1.Code().ShouldBe("points.no_list_in_force");
        (await w.BalanceAsync(w.Household)).ShouldBe(13);

        var rules = await (await organiser.GetAsync($"/api/v1/communities/{w.Community}/point-rules?on=2026-07-31")).ShouldBe(HttpStatusCode.OK);
        rules.EnumerateArray().All(r => r.GetProperty("versionNumber").GetInt32() == 1).ShouldBeTrue();
    }

    public enum ListOutsider { Organiser, SiblingSecretary, StreetOfficer, OtherDistrictAdmin, Resident, Anonymous }

    [Theory]
    [InlineData(ListOutsider.Organiser, HttpStatusCode.NotFound)]
    [InlineData(ListOutsider.SiblingSecretary, HttpStatusCode.NotFound)]
    [InlineData(ListOutsider.StreetOfficer, HttpStatusCode.Forbidden)]
    [InlineData(ListOutsider.OtherDistrictAdmin, HttpStatusCode.NotFound)]
    [InlineData(ListOutsider.Resident, HttpStatusCode.NotFound)]
    [InlineData(ListOutsider.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task Only_the_community_secretary_or_district_admin_drafts_and_approves(ListOutsider who, HttpStatusCode expected)
    {
        var w = await PointsWorld.CreateAsync(app, approve: false);
        var client = who switch
        {
            ListOutsider.Organiser => (await w.OfficialAsync(Role.Organiser, "S1/C1/G1")).Client,
            ListOutsider.SiblingSecretary => (await w.OfficialAsync(Role.CommunitySecretary, "S1/C2")).Client,
            ListOutsider.StreetOfficer => (await w.OfficialAsync(Role.StreetOfficer, "S1")).Client,
            ListOutsider.OtherDistrictAdmin => await (await TestDistrict.CreateAsync(app)).ClientAsync(Role.DistrictAdmin, "D"),
            ListOutsider.Resident => await w.ResidentOfAsync(w.Household),
            _ => app.Anonymous(),
        };
        (await client.PostJson($"/api/v1/point-list-versions/{w.VersionId}/rules", new { code = "X1", direction = "Positive", points = 1, description = "x" })).StatusCode.ShouldBe(expected);
        (await client.PostJson($"/api/v1/point-list-versions/{w.VersionId}/approve", new
        {
            effectiveFrom = "2026-11-01",
            meetingDate = "2026-11-01",
            bodyName = "村民代表会议",
            membersTotal = 30,
            present = 24,
            @for = 20,
            version = 0,
        })).StatusCode.ShouldBe(expected);
        (await client.PostJson($"/api/v1/communities/{w.D["S1/C1"].Id}/point-list/drafts", new { })).StatusCode.ShouldBe(expected);
        var version = await (await w.Secretary.GetAsync($"/api/v1/point-list-versions/{w.VersionId}")).ShouldBe(HttpStatusCode.OK);
        version.GetProperty("status").GetString().ShouldBe("Draft");
        version.GetProperty("rules").GetArrayLength().ShouldBe(3);

        // The district admin may.
        var admin = await w.D.ClientAsync(Role.DistrictAdmin, "D");
        (await admin.PostJson($"/api/v1/point-list-versions/{w.VersionId}/rules", new { code = "X1", direction = "Negative", points = 10, description = "违规燃放秸秆" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    public enum Awarder { OwnOrganiser, OwnSupervisor, Secretary, SiblingGroupOrganiser, OtherCommunityOrganiser, OtherDistrictSecretary, Volunteer, Resident, CommitteeMember, Anonymous }

    [Theory]
    [InlineData(Awarder.OwnOrganiser, HttpStatusCode.Created)]
    [InlineData(Awarder.OwnSupervisor, HttpStatusCode.Created)]
    [InlineData(Awarder.Secretary, HttpStatusCode.Created)]
    [InlineData(Awarder.SiblingGroupOrganiser, HttpStatusCode.NotFound)]
    [InlineData(Awarder.OtherCommunityOrganiser, HttpStatusCode.NotFound)]
    [InlineData(Awarder.OtherDistrictSecretary, HttpStatusCode.NotFound)]
    [InlineData(Awarder.Volunteer, HttpStatusCode.Forbidden)]
    [InlineData(Awarder.Resident, HttpStatusCode.Forbidden)]
    [InlineData(Awarder.CommitteeMember, HttpStatusCode.Forbidden)]
    [InlineData(Awarder.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task Points_are_awarded_only_by_the_households_area_organiser_supervisor_or_secretary(Awarder who, HttpStatusCode expected)
    {
        var w = await PointsWorld.CreateAsync(app);
        var client = who switch
        {
            Awarder.OwnOrganiser => (await w.OfficialAsync(Role.Organiser, "S1/C1/G1")).Client,
            Awarder.OwnSupervisor => (await w.OfficialAsync(Role.Supervisor, "S1/C1/G1")).Client,
            Awarder.Secretary => w.Secretary,
            Awarder.SiblingGroupOrganiser => (await w.OfficialAsync(Role.Organiser, "S1/C1/G2")).Client,
            Awarder.OtherCommunityOrganiser => (await w.OfficialAsync(Role.Organiser, "S1/C2/G1")).Client,
            Awarder.OtherDistrictSecretary => await (await TestDistrict.CreateAsync(app)).ClientAsync(Role.CommunitySecretary, "S1/C1"),
            Awarder.Volunteer => (await w.OfficialAsync(Role.Volunteer, "S1/C1/G1")).Client,
            Awarder.Resident => await w.ResidentOfAsync(w.Household),
            Awarder.CommitteeMember => (await w.OfficialAsync(Role.CommitteeMember, "S1/C1")).Client,
            _ => app.Anonymous(),
        };
        var response = await w.AwardAsync(client);
        if (expected == HttpStatusCode.Unauthorized) response.StatusCode.ShouldBe(expected);
        else await response.ShouldBe(expected);
        (await w.EntryCountAsync()).ShouldBe(expected == HttpStatusCode.Created ? 1 : 0);
        (await w.AuditCountAsync("points.awarded")).ShouldBe(expected == HttpStatusCode.Created ? 1 : 0);
    }

    [Fact]
    public async Task Bad_awards_are_refused_with_clear_errors_and_nothing_is_saved()
    {
        var w = await PointsWorld.CreateAsync(app);
        var organiser = (await w.OfficialAsync(Role.Organiser, "S1/C1/G1")).Client;
        (await (await w.AwardAsync(organiser, household: Guid.NewGuid())).ShouldBe(HttpStatusCode.NotFound)).Code().ShouldBe("not_found");
        var unknownRule = await (await organiser.PostJson("/api/v1/point-entries", new { householdId = w.Household, pointRuleId = Guid.NewGuid(), evidence = "x", occurredOn = "2026-11-20" }))
            .ShouldBe(HttpStatusCode.UnprocessableEntity);
        unknownRule.Code().ShouldBe("points.rule_unknown");
        var noEvidence = await (await w.AwardAsync(organiser, evidence: "  ")).ShouldBe(HttpStatusCode.BadRequest);
        noEvidence.GetProperty("errors").TryGetProperty("Evidence", out _).ShouldBeTrue();
        (await (await w.AwardAsync(organiser, on: new DateOnly(2026, 12, 31))).ShouldBe(HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("points.occurred_in_future");

        // A household of another district (same shape of ids) is simply not found.
        var other = await PointsWorld.CreateAsync(app);
        (await (await w.AwardAsync(organiser, household: other.Household)).ShouldBe(HttpStatusCode.NotFound)).Code().ShouldBe("not_found");
        // A rule of another community's list: refused.
        var c2Household = await w.HouseholdAsync("S1/C2/G1", "9号", "李四", null);
        var c2Organiser = (await w.OfficialAsync(Role.Organiser, "S1/C2/G1")).Client;
        (await (await w.AwardAsync(c2Organiser, household: c2Household)).ShouldBe(HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("points.rule_other_community");
        (await w.EntryCountAsync()).ShouldBe(0);
        (await other.EntryCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Ten_parallel_awards_keep_the_balance_exactly_the_sum()
    {
        var w = await PointsWorld.CreateAsync(app);
        var organiser = (await w.OfficialAsync(Role.Organiser, "S1/C1/G1")).Client;
        var supervisor = (await w.OfficialAsync(Role.Supervisor, "S1/C1/G1")).Client;
        var rules = new[] { "P1", "P2", "N1", "P1", "P2", "P1", "N1", "P2", "P1", "P1" };
        var responses = await Task.WhenAll(rules.Select((r, i) => w.AwardAsync(i % 2 == 0 ? organiser : supervisor, r, evidence: $"第{i}次")));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var expected = rules.Sum(r => r switch { "P1" => 5, "P2" => 3, _ => -5 });
        (await w.BalanceAsync(w.Household)).ShouldBe(expected);
        var view = await (await organiser.GetAsync($"/api/v1/households/{w.Household}/points")).ShouldBe(HttpStatusCode.OK);
        view.GetProperty("balance").GetInt32().ShouldBe(expected);
        view.GetProperty("entries").GetProperty("items").GetArrayLength().ShouldBe(10);
        (await w.AuditCountAsync("points.awarded")).ShouldBe(10);
    }

    [Fact]
    public async Task Entries_are_keyset_paged_newest_first_and_limited_to_the_callers_scope()
    {
        var w = await PointsWorld.CreateAsync(app);
        var organiser = (await w.OfficialAsync(Role.Organiser, "S1/C1/G1")).Client;
        for (var i = 0; i < 5; i++) (await w.AwardAsync(organiser, evidence: $"第{i}次", on: new DateOnly(2026, 11, 18 + i % 3))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var seen = new List<string>();
        var days = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await organiser.GetAsync($"/api/v1/point-entries?size=2{(cursor is null ? "" : "&cursor=" + cursor)}")).ShouldBe(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("evidence").GetString()!));
            days.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("occurredOn").GetString()!));
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        } while (cursor is not null);
        seen.Count.ShouldBe(5);
        seen.Distinct().Count().ShouldBe(5);
        days.ShouldBe(days.OrderByDescending(d => d, StringComparer.Ordinal).ToList());
        var sibling = (await w.OfficialAsync(Role.Organiser, "S1/C1/G2")).Client;
        (await (await sibling.GetAsync("/api/v1/point-entries")).ShouldBe(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await sibling.GetAsync($"/api/v1/households/{w.Household}/points")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await organiser.GetAsync("/api/v1/point-entries?cursor=%%%")).ShouldBe(HttpStatusCode.BadRequest)).Code().ShouldBe("validation");
    }

    [Fact]
    public async Task A_resident_appeals_and_a_supervisor_who_did_not_make_the_entry_decides()
    {
        var w = await PointsWorld.CreateAsync(app);
        var (supervisorA, _) = await w.OfficialAsync(Role.Supervisor, "S1/C1/G1");
        var (supervisorB, _) = await w.OfficialAsync(Role.Supervisor, "S1/C1/G1");
        var (organiser, _) = await w.OfficialAsync(Role.Organiser, "S1/C1/G1");
        (await w.AwardAsync(organiser, "P1")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var wrong = await (await w.AwardAsync(supervisorA, "N1", evidence: "门口堆放杂物")).ShouldBe(HttpStatusCode.Created);
        var entryId = wrong.GetProperty("id").GetGuid();
        (await w.BalanceAsync(w.Household)).ShouldBe(0);

        var resident = await w.ResidentOfAsync(w.Household);
        var mine = await (await resident.GetAsync("/api/v1/my/points")).ShouldBe(HttpStatusCode.OK);
        mine.GetProperty("balance").GetInt32().ShouldBe(0);
        mine.GetProperty("entries").GetProperty("items").GetArrayLength().ShouldBe(2);

        // Another household's resident cannot appeal this entry; empty reason is a 400.
        var neighbour = await w.ResidentOfAsync(await w.HouseholdAsync("S1/C1/G1", "2号", "王芳", null));
        (await neighbour.PostJson($"/api/v1/point-entries/{entryId}/appeals", new { reason = "不是我家" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await resident.PostJson($"/api/v1/point-entries/{entryId}/appeals", new { reason = " " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var appeal = await (await resident.PostJson($"/api/v1/point-entries/{entryId}/appeals", new { reason = "杂物是邻居家的，当天已清走" })).ShouldBe(HttpStatusCode.Created);
        var appealId = appeal.GetProperty("id").GetGuid();
        (await (await resident.PostJson($"/api/v1/point-entries/{entryId}/appeals", new { reason = "再次申诉" })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("points.appeal_open");

        // The supervisor who made the entry may not decide it; an organiser may not either; a sibling group's supervisor does not see it.
        var own = await (await supervisorA.PostJson($"/api/v1/point-appeals/{appealId}/decide", new { upheld = true, note = "我自己核实", version = 0 })).ShouldBe(HttpStatusCode.Forbidden);
        own.Code().ShouldBe("points.awarder_cannot_decide");
        (await organiser.PostJson($"/api/v1/point-appeals/{appealId}/decide", new { upheld = true, note = "x", version = 0 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (sibling, _) = await w.OfficialAsync(Role.Supervisor, "S1/C1/G2");
        (await sibling.PostJson($"/api/v1/point-appeals/{appealId}/decide", new { upheld = true, note = "x", version = 0 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await resident.PostJson($"/api/v1/point-appeals/{appealId}/decide", new { upheld = true, note = "x", version = 0 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await w.BalanceAsync(w.Household)).ShouldBe(0);

        var inbox = await (await supervisorB.GetAsync("/api/v1/point-appeals?status=Open")).ShouldBe(HttpStatusCode.OK);
        inbox.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldContain(appealId);
        var decided = await (await supervisorB.PostJson($"/api/v1/point-appeals/{appealId}/decide", new { upheld = true, note = "经核实杂物非该户所有", version = 0 }))
            .ShouldBe(HttpStatusCode.OK);
        decided.GetProperty("status").GetString().ShouldBe("Upheld");
        (await w.BalanceAsync(w.Household)).ShouldBe(5);
        (await (await supervisorB.PostJson($"/api/v1/point-appeals/{appealId}/decide", new { upheld = false, note = "x", version = 1 })).ShouldBe(HttpStatusCode.Conflict))
            .Code().ShouldBe("points.appeal_decided");
        (await (await resident.PostJson($"/api/v1/point-entries/{entryId}/appeals", new { reason = "再次" })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("points.entry_reversed");
        (await w.AuditCountAsync("points.reversed")).ShouldBe(1);
        (await w.AuditCountAsync("points.appeal_upheld")).ShouldBe(1);

        var after = await (await resident.GetAsync("/api/v1/my/points")).ShouldBe(HttpStatusCode.OK);
        after.GetProperty("balance").GetInt32().ShouldBe(5);
        after.GetProperty("entries").GetProperty("items").GetArrayLength().ShouldBe(3);
    }

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static MultipartFormDataContent AwardForm(PointsWorld w, params (string Name, byte[] Bytes, string Type)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(w.Household.ToString()), "householdId" },
            { new StringContent(w.Rules["P1"].ToString()), "pointRuleId" },
            { new StringContent("清扫村道，照片为证"), "evidence" },
            { new StringContent("2026-11-20"), "occurredOn" },
        };
        foreach (var (name, bytes, type) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            form.Add(file, "photo", name);
        }
        return form;
    }

    [Fact]
    public async Task An_award_may_carry_one_real_photo_seen_only_by_the_area_and_the_household()
    {
        var w = await PointsWorld.CreateAsync(app);
        var (organiser, _) = await w.OfficialAsync(Role.Organiser, "S1/C1/G1");
        var fake = await (await organiser.PostAsync("/api/v1/point-entries/with-photo", AwardForm(w, ("a.jpg", "MZ not a picture"u8.ToArray(), "image/jpeg"))))
            .ShouldBe(HttpStatusCode.BadRequest);
        fake.GetProperty("errors").TryGetProperty("Photos", out _).ShouldBeTrue();
        (await (await organiser.PostAsync("/api/v1/point-entries/with-photo", AwardForm(w, ("a.png", Png, "image/png"), ("b.png", Png, "image/png"))))
            .ShouldBe(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Photos", out _).ShouldBeTrue();
        (await w.EntryCountAsync()).ShouldBe(0);

        var entry = await (await organiser.PostAsync("/api/v1/point-entries/with-photo", AwardForm(w, ("a.jpg", PhotoAssertions.PhonePhoto, "image/jpeg")))).ShouldBe(HttpStatusCode.Created);
        entry.GetProperty("hasPhoto").GetBoolean().ShouldBeTrue();
        var id = entry.GetProperty("id").GetGuid();
        (await (await organiser.GetAsync($"/api/v1/point-entries/{id}/photo")).ShouldBeReEncodedAsync(PhotoAssertions.PhonePhoto)).ShouldBe((1600, 1200));
        await (await organiser.GetAsync($"/api/v1/point-entries/{id}/photo?thumb=1")).ShouldBeThumbnailAsync(PhotoAssertions.PhonePhoto);
        var household = await w.ResidentOfAsync(w.Household);
        (await household.GetAsync($"/api/v1/point-entries/{id}/photo")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await household.GetAsync($"/api/v1/point-entries/{id}/photo?thumb=1")).ShouldBeThumbnailAsync(PhotoAssertions.PhonePhoto);
        var neighbour = await w.ResidentOfAsync(await w.HouseholdAsync("S1/C1/G1", "2号", "王芳", null));
        (await neighbour.GetAsync($"/api/v1/point-entries/{id}/photo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await neighbour.GetAsync($"/api/v1/point-entries/{id}/photo?thumb=1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await w.OfficialAsync(Role.Organiser, "S1/C1/G2")).Client.GetAsync($"/api/v1/point-entries/{id}/photo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().GetAsync($"/api/v1/point-entries/{id}/photo")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Anonymous().GetAsync($"/api/v1/point-entries/{id}/photo?thumb=1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var history = await (await organiser.GetAsync($"/api/v1/households/{w.Household}/points")).ShouldBe(HttpStatusCode.OK);
        history.GetProperty("entries").GetProperty("items")[0].GetProperty("hasPhoto").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task An_award_with_a_huge_pixel_png_a_polyglot_or_a_truncated_jpeg_is_refused_with_400_and_nothing_is_awarded()
    {
        var w = await PointsWorld.CreateAsync(app);
        var (organiser, _) = await w.OfficialAsync(Role.Organiser, "S1/C1/G1");
        await (await w.AwardAsync(organiser, "P1")).ShouldBe(HttpStatusCode.Created);
        var jpeg = TestImages.Jpeg(800, 600);

        var huge = await (await organiser.PostAsync("/api/v1/point-entries/with-photo", AwardForm(w, ("huge.png", TestImages.HugePng(), "image/png")))).ShouldBe(HttpStatusCode.BadRequest);
        huge.GetProperty("errors").GetProperty("Photos")[0].GetString()!.ShouldContain("像素");
        (await (await organiser.PostAsync("/api/v1/point-entries/with-photo", AwardForm(w, ("page.png", TestImages.PngThenHtml(), "image/png")))).ShouldBe(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("Photos", out _).ShouldBeTrue();
        (await (await organiser.PostAsync("/api/v1/point-entries/with-photo", AwardForm(w, ("cut.jpg", jpeg[..(jpeg.Length / 2)], "image/jpeg")))).ShouldBe(HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("Photos")[0].GetString()!.ShouldContain("无法读取");

        (await w.EntryCountAsync()).ShouldBe(1);
        (await w.AuditCountAsync("points.awarded")).ShouldBe(1);
        var history = await (await organiser.GetAsync($"/api/v1/households/{w.Household}/points")).ShouldBe(HttpStatusCode.OK);
        history.GetProperty("entries").GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Parallel_appeals_of_one_entry_leave_exactly_one_open()
    {
        var w = await PointsWorld.CreateAsync(app);
        var (organiser, _) = await w.OfficialAsync(Role.Organiser, "S1/C1/G1");
        var entryId = (await (await w.AwardAsync(organiser, "N1")).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var head = await w.ResidentOfAsync(w.Household);
        var spouse = await w.ResidentOfAsync(w.Household);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? head : spouse).PostJson($"/api/v1/point-entries/{entryId}/appeals", new { reason = $"第{i}次申诉" })));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created)) (await r.ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("points.appeal_open");
        (await w.AuditCountAsync("points.appealed")).ShouldBe(1);
    }

    [Fact]
    public async Task A_dismissed_appeal_keeps_the_points_and_the_entry_can_be_appealed_again()
    {
        var w = await PointsWorld.CreateAsync(app);
        var (organiser, _) = await w.OfficialAsync(Role.Organiser, "S1/C1/G1");
        var (supervisor, _) = await w.OfficialAsync(Role.Supervisor, "S1/C1/G1");
        var entryId = (await (await w.AwardAsync(organiser, "N1")).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var resident = await w.ResidentOfAsync(w.Household);
        var appealId = (await (await resident.PostJson($"/api/v1/point-entries/{entryId}/appeals", new { reason = "不认可" })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await supervisor.PostJson($"/api/v1/point-appeals/{appealId}/decide", new { upheld = false, version = 0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await supervisor.PostJson($"/api/v1/point-appeals/{appealId}/decide", new { upheld = false, note = "有照片为证，情况属实", version = 0 })).ShouldBe(HttpStatusCode.OK))
            .GetProperty("status").GetString().ShouldBe("Dismissed");
        (await w.BalanceAsync(w.Household)).ShouldBe(-5);
        (await resident.PostJson($"/api/v1/point-entries/{entryId}/appeals", new { reason = "补充新证据" })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Rankings_sum_points_per_group_and_community_and_the_public_page_shows_no_personal_data()
    {
        var w = await PointsWorld.CreateAsync(app);
        var second = await w.HouseholdAsync("S1/C1/G2", "8号", "欧阳娜娜", "13800002222");
        var (organiser, _) = await w.OfficialAsync(Role.Organiser, "S1/C1");
        (await w.AwardAsync(organiser, "P1")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await w.AwardAsync(organiser, "P2")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await w.AwardAsync(organiser, "P2", household: second)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var ranking = await (await w.Secretary.GetAsync($"/api/v1/communities/{w.Community}/point-rankings")).ShouldBe(HttpStatusCode.OK);
        var top = ranking.GetProperty("community").EnumerateArray().ToList();
        top.Select(r => r.GetProperty("points").GetInt32()).ShouldBe([8, 3]);
        top[0].GetProperty("name").GetString().ShouldBe("张伟华");
        ranking.GetProperty("groups").GetArrayLength().ShouldBe(2);

        var figures = await (await w.Secretary.GetAsync($"/api/v1/communities/{w.Community}/point-awards-by-rule?from=2026-01-01&to=2026-12-31")).ShouldBe(HttpStatusCode.OK);
        figures.GetProperty("awards").GetInt32().ShouldBe(3);
        figures.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "P2").GetProperty("points").GetInt32().ShouldBe(6);
        (await w.Secretary.GetAsync($"/api/v1/communities/{w.Community}/point-awards-by-rule?from=2026-12-31&to=2026-01-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var resident = await w.ResidentOfAsync(w.Household);
        (await resident.GetAsync($"/api/v1/communities/{w.Community}/point-rankings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var html = await (await app.Anonymous().GetAsync($"/public/points/{w.Community}")).Content.ReadAsStringAsync();
        html.ShouldContain("张*华");
        html.ShouldContain("欧**娜");
        html.ShouldNotContain("张伟华");
        html.ShouldNotContain("欧阳娜娜");
        html.ShouldNotContain("13800001111");
        html.ShouldNotContain("1380000");
        html.ShouldNotContain("8号");
        html.ShouldContain("参加义务劳动");
        (await app.Anonymous().GetAsync($"/public/points/{w.D["S1/C1/G1"].Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().GetAsync($"/public/points/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class PointsTests_Sqlite(SqliteApp app) : PointsTests(app), IClassFixture<SqliteApp>;

public sealed class PointsTests_Postgres(PostgresApp app) : PointsTests(app), IClassFixture<PostgresApp>;
