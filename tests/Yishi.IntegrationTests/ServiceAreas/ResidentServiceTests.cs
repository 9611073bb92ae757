using System.Net;
using Microsoft.EntityFrameworkCore;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Notifications;
using Yishi.ServiceAreas.Domain;

namespace Yishi.IntegrationTests.ServiceAreas;

public abstract class ResidentServiceTests(YishiApp app)
{
    private static async Task<Guid> RequestAsync(ServiceAreaWorld w, HttpClient resident, string kind = "ActOnBehalf")
        => (await (await resident.PostJson($"/api/v1/service-areas/{w.AreaA}/services", new { kind, need = "帮忙到镇上代办医保报销" })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Fact]
    public async Task A_resident_asks_the_organiser_assigns_the_volunteer_does_it_and_the_resident_rates_it()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var resident = await w.AsAsync(w.ResidentA);
        var id = await RequestAsync(w, resident);
        (await w.ServiceAsync(id)).Status.ShouldBe(ServiceRequestStatus.Requested);
        (await w.DbAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == w.OrganiserA.Id))).ShouldBe(1);

        var organiser = await w.AsAsync(w.OrganiserA);
        var assigned = await (await organiser.PostJson($"/api/v1/services/{id}/assign", new { teamMemberId = w.MemberA })).ShouldBe(HttpStatusCode.OK);
        assigned.GetProperty("status").GetString().ShouldBe("Assigned");
        (await w.DbAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == w.VolunteerA.Id))).ShouldBe(1);

        var volunteer = await w.AsAsync(w.VolunteerA);
        var empty = await (await volunteer.PostJson($"/api/v1/services/{id}/complete", new { note = " " })).ShouldBe(HttpStatusCode.BadRequest);
        empty.GetProperty("errors").TryGetProperty("Note", out _).ShouldBeTrue();
        await (await volunteer.PostJson($"/api/v1/services/{id}/complete", new { note = "已代办完成，报销款三天到账" })).ShouldBe(HttpStatusCode.OK);
        (await w.DbAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == w.ResidentA.Id))).ShouldBe(1);

        var mine = await (await resident.GetAsync("/api/v1/services/mine")).ShouldBe(HttpStatusCode.OK);
        mine.EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("Done");
        var noComment = await (await resident.PostJson($"/api/v1/services/{id}/rating", new { satisfaction = "Dissatisfied" })).ShouldBe(HttpStatusCode.BadRequest);
        noComment.GetProperty("errors").TryGetProperty("Comment", out _).ShouldBeTrue();
        await (await resident.PostJson($"/api/v1/services/{id}/rating", new { satisfaction = "Satisfied", comment = "很及时" })).ShouldBe(HttpStatusCode.OK);
        var done = await w.ServiceAsync(id);
        done.Status.ShouldBe(ServiceRequestStatus.Rated);
        done.Satisfaction.ShouldBe(ServiceSatisfaction.Satisfied);
        (await w.AuditAsync("resident_service", id)).ShouldBe(["resident_service.requested", "resident_service.assigned", "resident_service.done", "resident_service.rated"]);
        await (await resident.PostJson($"/api/v1/services/{id}/rating", new { satisfaction = "Satisfied" })).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_resident_of_another_area_cannot_ask_here_and_nothing_is_saved()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        await (await (await w.AsAsync(w.ResidentB)).PostJson($"/api/v1/service-areas/{w.AreaA}/services", new { kind = "Help", need = "帮忙" })).ShouldBe(HttpStatusCode.Forbidden);
        var stranger = await w.D.UserAsync(Role.Resident, "S1/C2/G1");
        await (await (await app.SignInAsync(stranger.UserName!, TestDistrict.Password)).PostJson($"/api/v1/service-areas/{w.AreaA}/services", new { kind = "Help", need = "帮忙" }))
            .ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().PostJson($"/api/v1/service-areas/{w.AreaA}/services", new { kind = "Help", need = "帮忙" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var resident = await w.AsAsync(w.ResidentA);
        var bad = await (await resident.PostJson($"/api/v1/service-areas/{w.AreaA}/services", new { kind = (string?)null, need = "" })).ShouldBe(HttpStatusCode.BadRequest);
        bad.GetProperty("errors").TryGetProperty("Kind", out _).ShouldBeTrue();
        (await w.CountAsync<ResidentService>()).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_organiser_assigns_only_the_assignee_completes_only_the_requester_rates()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var id = await RequestAsync(w, await w.AsAsync(w.ResidentA));
        var assign = new { teamMemberId = w.MemberA };
        await (await (await w.AsAsync(w.VolunteerA)).PostJson($"/api/v1/services/{id}/assign", assign)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await w.AsAsync(w.SupervisorA)).PostJson($"/api/v1/services/{id}/assign", assign)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await w.AsAsync(w.OrganiserB)).PostJson($"/api/v1/services/{id}/assign", assign)).ShouldBe(HttpStatusCode.NotFound);
        await (await (await w.AsAsync(w.ResidentB)).PostJson($"/api/v1/services/{id}/assign", assign)).ShouldBe(HttpStatusCode.NotFound);
        (await w.ServiceAsync(id)).Status.ShouldBe(ServiceRequestStatus.Requested);

        var organiser = await w.AsAsync(w.OrganiserA);
        var stranger = await (await organiser.PostJson($"/api/v1/services/{id}/assign", new { teamMemberId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.BadRequest);
        stranger.GetProperty("errors").TryGetProperty("TeamMemberId", out _).ShouldBeTrue();
        await (await organiser.PostJson($"/api/v1/services/{id}/assign", assign)).ShouldBe(HttpStatusCode.OK);
        await (await (await w.AsAsync(w.VolunteerA2)).PostJson($"/api/v1/services/{id}/complete", new { note = "办好了" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await organiser.PostJson($"/api/v1/services/{id}/complete", new { note = "办好了" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await w.AsAsync(w.VolunteerA)).PostJson($"/api/v1/services/{id}/complete", new { note = "办好了" })).ShouldBe(HttpStatusCode.OK);
        await (await organiser.PostJson($"/api/v1/services/{id}/rating", new { satisfaction = "Satisfied" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await w.AsAsync(w.ResidentB)).PostJson($"/api/v1/services/{id}/rating", new { satisfaction = "Satisfied" })).ShouldBe(HttpStatusCode.NotFound);
        (await w.ServiceAsync(id)).Status.ShouldBe(ServiceRequestStatus.Done);
    }

    [Fact]
    public async Task A_cadre_records_a_request_for_a_household_of_the_area_only()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var grid = await w.D.ClientAsync(Role.GridWorker, "S1/C1");
        var unknown = await (await grid.PostJson($"/api/v1/service-areas/{w.AreaA}/services", new { kind = "Accompany", need = "陪同就医", householdId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.BadRequest);
        unknown.GetProperty("errors").TryGetProperty("HouseholdId", out _).ShouldBeTrue();
        await (await grid.PostJson($"/api/v1/service-areas/{w.AreaA}/services", new { kind = "Accompany", need = "陪同就医", householdId = w.HomeB })).ShouldBe(HttpStatusCode.BadRequest);
        await (await grid.PostJson($"/api/v1/service-areas/{w.AreaA}/services", new { kind = "Accompany", need = "陪同就医" })).ShouldBe(HttpStatusCode.BadRequest);
        (await w.CountAsync<ResidentService>()).ShouldBe(0);
        var created = await (await grid.PostJson($"/api/v1/service-areas/{w.AreaA}/services", new { kind = "Accompany", need = "陪同就医", householdId = w.HomeA2 })).ShouldBe(HttpStatusCode.Created);
        var service = await w.ServiceAsync(created.GetProperty("id").GetGuid());
        service.HouseholdId.ShouldBe(w.HomeA2);
        service.RequestedByUserId.ShouldBeNull();
        service.RecordedByUserId.ShouldNotBeNull();
        // The organiser cancels it with a reason; a cancelled request takes no more steps.
        var organiser = await w.AsAsync(w.OrganiserA);
        await (await organiser.PostJson($"/api/v1/services/{service.Id}/cancel", new { reason = "家属已陪同" })).ShouldBe(HttpStatusCode.OK);
        (await (await organiser.PostJson($"/api/v1/services/{service.Id}/assign", new { teamMemberId = w.MemberA })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("service_request.transition_forbidden");
    }
}

public sealed class ResidentServiceTests_Sqlite(SqliteApp app) : ResidentServiceTests(app), IClassFixture<SqliteApp>;

public sealed class ResidentServiceTests_Postgres(PostgresApp app) : ResidentServiceTests(app), IClassFixture<PostgresApp>;
