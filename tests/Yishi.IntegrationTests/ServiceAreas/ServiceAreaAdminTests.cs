using System.Net;
using Microsoft.EntityFrameworkCore;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.ServiceAreas.Domain;

namespace Yishi.IntegrationTests.ServiceAreas;

public abstract class ServiceAreaAdminTests(YishiApp app)
{
    [Fact]
    public async Task Secretary_replaces_the_organiser_and_the_history_keeps_both_terms()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var next = await w.D.UserAsync(Role.Volunteer, "S1/C1/G1", "郑新任");
        await w.AppointAsync(w.AreaA, "Organiser", next.Id, "换届");

        var detail = await (await w.Secretary.GetAsync($"/api/v1/service-areas/{w.AreaA}")).ShouldBe(HttpStatusCode.OK);
        var organisers = detail.GetProperty("posts").EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "Organiser").ToList();
        organisers.Count.ShouldBe(2);
        organisers[0].GetProperty("displayName").GetString().ShouldBe("郑新任");
        organisers[0].GetProperty("endedOn").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        organisers[1].GetProperty("displayName").GetString().ShouldBe("张组织");
        organisers[1].GetProperty("endReason").GetString().ShouldBe("换届");
        var audit = await w.AuditAsync("service_area", w.AreaA);
        audit.Count(a => a == "service_area.post_appointed").ShouldBe(3);
        // The new organiser got the platform role at the community; the old one keeps only the role they held before.
        (await w.DbAsync(db => db.RoleAssignments.AnyAsync(r => r.UserId == next.Id && r.Role == Role.Organiser && r.AreaId == w.D["S1/C1"].Id && r.RevokedAt == null))).ShouldBeTrue();
    }

    [Fact]
    public async Task Replacing_without_a_reason_is_a_field_error_and_nothing_changes()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var before = await w.CountAsync<ServiceAreaPost>();
        var next = await w.D.UserAsync(Role.Volunteer, "S1/C1/G1");
        var problem = await (await w.Secretary.PostJson($"/api/v1/service-areas/{w.AreaA}/posts", new { kind = "Organiser", userId = next.Id })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("Reason", out _).ShouldBeTrue();
        (await w.CountAsync<ServiceAreaPost>()).ShouldBe(before);
        var same = await (await w.Secretary.PostJson($"/api/v1/service-areas/{w.AreaA}/posts", new { kind = "Organiser", userId = w.OrganiserA.Id, reason = "再任" })).ShouldBe(HttpStatusCode.Conflict);
        same.Code().ShouldBe("post.same_person");
        (await w.CountAsync<ServiceAreaPost>()).ShouldBe(before);
    }

    [Fact]
    public async Task Creating_appointing_and_managing_the_team_is_for_the_secretary_of_that_community_or_the_district_admin()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var body = new { communityId = w.D["S1/C1"].Id, name = "越权服务区", groupIds = Array.Empty<Guid>() };
        var appoint = new { kind = "Supervisor", userId = w.VolunteerA.Id, reason = "调整" };
        var posts = await w.CountAsync<ServiceAreaPost>();
        var areas = await w.CountAsync<ServiceArea>();

        async Task Expect(HttpClient client, HttpStatusCode create, HttpStatusCode post)
        {
            await (await client.PostJson("/api/v1/service-areas", body)).ShouldBe(create);
            await (await client.PostJson($"/api/v1/service-areas/{w.AreaA}/posts", appoint)).ShouldBe(post);
            await (await client.PostJson($"/api/v1/service-areas/{w.AreaA}/team/members", new { kind = "Veteran", userId = w.OrganiserB.Id })).ShouldBe(post);
        }

        await Expect(await w.D.ClientAsync(Role.CommunitySecretary, "S1/C2"), HttpStatusCode.NotFound, HttpStatusCode.NotFound);   // sibling
        await Expect(await w.D.ClientAsync(Role.StreetOfficer, "S1"), HttpStatusCode.Forbidden, HttpStatusCode.Forbidden);          // parent, not a manager
        await Expect(await w.D.ClientAsync(Role.CommitteeMember, "S1/C1"), HttpStatusCode.Forbidden, HttpStatusCode.Forbidden);     // own area, wrong role
        await Expect(await w.AsAsync(w.OrganiserA), HttpStatusCode.NotFound, HttpStatusCode.Forbidden);                              // organiser of this area
        await Expect(await w.AsAsync(w.OrganiserB), HttpStatusCode.NotFound, HttpStatusCode.NotFound);                               // organiser of area B
        var other = await TestDistrict.CreateAsync(app);
        await Expect(await other.ClientAsync(Role.DistrictAdmin, "D"), HttpStatusCode.NotFound, HttpStatusCode.NotFound);            // other district
        var anonymous = app.Anonymous();
        (await anonymous.PostJson("/api/v1/service-areas", body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostJson($"/api/v1/service-areas/{w.AreaA}/posts", appoint)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await w.CountAsync<ServiceAreaPost>()).ShouldBe(posts);
        (await w.CountAsync<ServiceArea>()).ShouldBe(areas);

        var admin = await w.D.ClientAsync(Role.DistrictAdmin, "D");
        await (await admin.PostJson("/api/v1/service-areas", body)).ShouldBe(HttpStatusCode.Created);
        await (await admin.PostJson($"/api/v1/service-areas/{w.AreaA}/posts", appoint)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_group_belongs_to_one_service_area_and_groups_come_from_the_same_community()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var taken = await (await w.Secretary.PostJson("/api/v1/service-areas", new { communityId = w.D["S1/C1"].Id, name = "重复服务区", groupIds = new[] { w.D["S1/C1/G1"].Id } }))
            .ShouldBe(HttpStatusCode.Conflict);
        taken.Code().ShouldBe("service_area.group_taken");
        var foreign = await (await w.Secretary.PostJson("/api/v1/service-areas", new { communityId = w.D["S1/C1"].Id, name = "外组服务区", groupIds = new[] { w.D["S1/C2/G1"].Id } }))
            .ShouldBe(HttpStatusCode.BadRequest);
        foreign.GetProperty("errors").TryGetProperty("GroupIds", out _).ShouldBeTrue();
        var empty = await (await w.Secretary.PostJson("/api/v1/service-areas", new { communityId = w.D["S1/C1"].Id, name = "  " })).ShouldBe(HttpStatusCode.BadRequest);
        empty.GetProperty("errors").TryGetProperty("Name", out _).ShouldBeTrue();
        var duplicate = await (await w.Secretary.PostJson("/api/v1/service-areas", new { communityId = w.D["S1/C1"].Id, name = "一社区第一服务区" })).ShouldBe(HttpStatusCode.Conflict);
        duplicate.Code().ShouldBe("service_area.name_taken");
        (await w.CountAsync<ServiceArea>()).ShouldBe(2);
    }

    [Fact]
    public async Task Households_are_those_of_the_groups_plus_the_ones_assigned_explicitly()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        async Task<int> Count(Guid area) => (await (await w.Secretary.GetAsync($"/api/v1/service-areas/{area}")).ShouldBe(HttpStatusCode.OK)).GetProperty("householdCount").GetInt32();
        (await Count(w.AreaA)).ShouldBe(2);
        (await Count(w.AreaB)).ShouldBe(1);

        await (await w.Secretary.PostJson($"/api/v1/service-areas/{w.AreaB}/households", new { householdId = w.HomeA2 })).ShouldBe(HttpStatusCode.NoContent);
        (await Count(w.AreaA)).ShouldBe(1);
        (await Count(w.AreaB)).ShouldBe(2);

        var unknown = await (await w.Secretary.PostJson($"/api/v1/service-areas/{w.AreaB}/households", new { householdId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.BadRequest);
        unknown.GetProperty("errors").TryGetProperty("HouseholdId", out _).ShouldBeTrue();
        await (await w.Secretary.PostJson($"/api/v1/service-areas/{w.AreaB}/households", new { householdId = w.HomeC2 })).ShouldBe(HttpStatusCode.BadRequest);
        (await w.CountAsync<ServiceAreaHousehold>()).ShouldBe(1);

        await (await w.Secretary.DeleteAsync($"/api/v1/service-areas/{w.AreaB}/households/{w.HomeA2}")).ShouldBe(HttpStatusCode.NoContent);
        (await Count(w.AreaA)).ShouldBe(2);
    }

    [Fact]
    public async Task A_member_leaves_with_a_reason_and_stays_in_the_history()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var empty = await (await w.Secretary.PostJson($"/api/v1/service-areas/{w.AreaA}/team/members/{w.MemberA2}/leave", new { reason = "" })).ShouldBe(HttpStatusCode.BadRequest);
        empty.GetProperty("errors").TryGetProperty("Reason", out _).ShouldBeTrue();
        await (await w.Secretary.PostJson($"/api/v1/service-areas/{w.AreaA}/team/members/{w.MemberA2}/leave", new { reason = "外出务工" })).ShouldBe(HttpStatusCode.NoContent);
        var detail = await (await w.Secretary.GetAsync($"/api/v1/service-areas/{w.AreaA}")).ShouldBe(HttpStatusCode.OK);
        var left = detail.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == w.MemberA2);
        left.GetProperty("endReason").GetString().ShouldBe("外出务工");
        await (await w.Secretary.PostJson($"/api/v1/service-areas/{w.AreaA}/team/members/{w.MemberA2}/leave", new { reason = "再次" })).ShouldBe(HttpStatusCode.Conflict);
        var future = await (await w.Secretary.PostJson($"/api/v1/service-areas/{w.AreaA}/block-chiefs",
            new { kind = "Building", label = "1栋", userId = w.VolunteerA.Id, startedOn = "2030-01-01" })).ShouldBe(HttpStatusCode.BadRequest);
        future.GetProperty("errors").TryGetProperty("StartedOn", out _).ShouldBeTrue();
        await (await w.Secretary.PostJson($"/api/v1/service-areas/{w.AreaA}/block-chiefs", new { kind = "Building", label = "1栋", residentId = w.ResidentWithoutAccountA })).ShouldBe(HttpStatusCode.OK);
        (await w.DbAsync(db => db.Set<BlockChief>().SingleAsync())).DisplayName.ShouldBe("李秀英");
    }

    [Fact]
    public async Task The_list_shows_each_person_the_areas_they_may_see()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        async Task<List<string>> Names(HttpClient c) => [.. (await (await c.GetAsync("/api/v1/service-areas")).ShouldBe(HttpStatusCode.OK)).EnumerateArray().Select(a => a.GetProperty("name").GetString()!)];
        (await Names(w.Secretary)).ShouldBe(["一社区第一服务区", "一社区第二服务区"]);
        (await Names(await w.AsAsync(w.OrganiserB))).ShouldBe(["一社区第二服务区"]);
        (await Names(await w.AsAsync(w.VolunteerA))).ShouldBe(["一社区第一服务区"]);
        (await Names(await w.D.ClientAsync(Role.CommunitySecretary, "S1/C2"))).ShouldBeEmpty();
        await (await (await w.AsAsync(w.OrganiserB)).GetAsync($"/api/v1/service-areas/{w.AreaA}")).ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ServiceAreaAdminTests_Sqlite(SqliteApp app) : ServiceAreaAdminTests(app), IClassFixture<SqliteApp>;

public sealed class ServiceAreaAdminTests_Postgres(PostgresApp app) : ServiceAreaAdminTests(app), IClassFixture<PostgresApp>;
