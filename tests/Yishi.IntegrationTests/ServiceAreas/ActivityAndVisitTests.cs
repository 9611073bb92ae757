using System.Net;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.ServiceAreas.Domain;
using Yishi.Tests.Images;

namespace Yishi.IntegrationTests.ServiceAreas;

public abstract class ActivityAndVisitTests(YishiApp app)
{
    private static readonly string[] OneSuggestion = ["加装路灯"];

    [Fact]
    public async Task Opinion_reporting_files_a_demand_with_channel_service_area()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var organiser = await w.AsAsync(w.OrganiserA);
        var body = await (await organiser.PostJson($"/api/v1/service-areas/{w.AreaA}/activities", new
        {
            type = "OpinionReporting",
            title = "院坝会收集意见",
            heldOn = "2026-11-20",
            participantCount = 12,
            hours = 1.5,
            notes = "群众反映村口路灯坏了半个月，晚上出行不安全",
            memberIds = new[] { w.MemberA },
        })).ShouldBe(HttpStatusCode.Created);
        var demandId = body.GetProperty("demandId").GetGuid();
        body.GetProperty("demandTrackingCode").GetString()!.ShouldStartWith("YS-");
        var demand = await w.DbAsync(db => db.Set<Demand>().AsNoTracking().SingleAsync(d => d.Id == demandId));
        demand.Channel.ShouldBe(Channel.ServiceArea);
        demand.AreaId.ShouldBe(w.D["S1/C1/G1"].Id);
        demand.RecordedByUserId.ShouldBe(w.OrganiserA.Id);
        var activity = await w.DbAsync(db => db.Set<ServiceActivity>().AsNoTracking().SingleAsync());
        activity.Minutes.ShouldBe(90);
        activity.DemandId.ShouldBe(demandId);
        (await w.CountAsync<ActivityParticipant>()).ShouldBe(1);
    }

    [Fact]
    public async Task Bad_activities_are_field_errors_and_nothing_is_saved()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var organiser = await w.AsAsync(w.OrganiserA);
        async Task Bad(object input, string field)
        {
            var problem = await (await organiser.PostJson($"/api/v1/service-areas/{w.AreaA}/activities", input)).ShouldBe(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(field);
        }
        await Bad(new { type = "Publicity", title = "宣讲", heldOn = "2026-11-24", participantCount = 10, hours = 2 }, "HeldOn");
        await Bad(new { type = "Publicity", title = "", heldOn = "2026-11-20", participantCount = 10, hours = 2 }, "Title");
        await Bad(new { type = "Publicity", title = "宣讲", heldOn = "2026-11-20", participantCount = 0, hours = 2 }, "ParticipantCount");
        await Bad(new { type = "Publicity", title = "宣讲", heldOn = "2026-11-20", participantCount = 10, hours = 0 }, "Hours");
        await Bad(new { type = "Publicity", title = "宣讲", heldOn = "2026-11-20", participantCount = 10, hours = 2, memberIds = new List<Guid> { Guid.NewGuid() } }, "MemberIds");
        await Bad(new { type = "OpinionReporting", title = "收集意见", heldOn = "2026-11-20", participantCount = 10, hours = 2, notes = "" }, "Notes");
        (await w.CountAsync<ServiceActivity>()).ShouldBe(0);
        (await w.CountAsync<Demand>()).ShouldBe(0);
    }

    [Fact]
    public async Task Volunteers_do_not_record_activities_and_organisers_only_in_their_own_area()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var input = new { type = "VolunteerService", title = "清扫村道", heldOn = "2026-11-20", participantCount = 8, hours = 3 };
        await (await (await w.AsAsync(w.VolunteerA)).PostJson($"/api/v1/service-areas/{w.AreaA}/activities", input)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await w.AsAsync(w.OrganiserB)).PostJson($"/api/v1/service-areas/{w.AreaA}/activities", input)).ShouldBe(HttpStatusCode.NotFound);
        (await w.CountAsync<ServiceActivity>()).ShouldBe(0);
        await (await (await w.AsAsync(w.SupervisorA)).PostJson($"/api/v1/service-areas/{w.AreaA}/activities", input)).ShouldBe(HttpStatusCode.Created);
        var list = await (await (await w.AsAsync(w.VolunteerA)).GetAsync($"/api/v1/service-areas/{w.AreaA}/activities")).ShouldBe(HttpStatusCode.OK);
        list.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_volunteer_logs_a_visit_with_suggestions_and_the_organiser_answers_them_once()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var volunteer = await w.AsAsync(w.VolunteerA);
        var logged = await (await volunteer.PostJson($"/api/v1/service-areas/{w.AreaA}/visits", new
        {
            householdId = w.HomeA1,
            visitedOn = "2026-11-22",
            notes = "老人身体不错",
            suggestions = new List<string> { "希望修一下村口路灯", "  ", "垃圾桶不够用" },
        })).ShouldBe(HttpStatusCode.Created);
        var ids = logged.GetProperty("suggestionIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
        ids.Count.ShouldBe(2);

        await (await volunteer.PostJson($"/api/v1/suggestions/{ids[0]}/answer", new { answer = "好的" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await w.AsAsync(w.OrganiserB)).PostJson($"/api/v1/suggestions/{ids[0]}/answer", new { answer = "好的" })).ShouldBe(HttpStatusCode.NotFound);
        var organiser = await w.AsAsync(w.OrganiserA);
        await (await organiser.PostJson($"/api/v1/suggestions/{ids[0]}/answer", new { answer = "" })).ShouldBe(HttpStatusCode.BadRequest);
        await (await organiser.PostJson($"/api/v1/suggestions/{ids[0]}/answer", new { answer = "已报村委，下周维修" })).ShouldBe(HttpStatusCode.NoContent);
        (await (await organiser.PostJson($"/api/v1/suggestions/{ids[0]}/answer", new { answer = "再答" })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("suggestion.already_answered");
        var open = await (await organiser.GetAsync($"/api/v1/service-areas/{w.AreaA}/suggestions")).ShouldBe(HttpStatusCode.OK);
        open.EnumerateArray().Select(s => s.GetProperty("text").GetString()).ShouldBe(["垃圾桶不够用"]);
        var visit = await w.DbAsync(db => db.Set<HouseholdVisit>().AsNoTracking().SingleAsync());
        visit.VisitorMemberId.ShouldBe(w.MemberA);
        visit.VisitorName.ShouldBe("陈志愿");
    }

    [Fact]
    public async Task Visits_are_to_households_of_the_area_and_not_in_the_future()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var volunteer = await w.AsAsync(w.VolunteerA);
        async Task Bad(object input, string field)
        {
            var problem = await (await volunteer.PostJson($"/api/v1/service-areas/{w.AreaA}/visits", input)).ShouldBe(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(field);
        }
        await Bad(new { householdId = w.HomeB, visitedOn = "2026-11-22" }, "HouseholdId");
        await Bad(new { householdId = Guid.NewGuid(), visitedOn = "2026-11-22" }, "HouseholdId");
        await Bad(new { householdId = w.HomeA1, visitedOn = "2026-12-01" }, "VisitedOn");
        await Bad(new { visitedOn = "2026-11-22" }, "HouseholdId");
        await (await (await w.AsAsync(w.ResidentA)).PostJson($"/api/v1/service-areas/{w.AreaA}/visits", new { householdId = w.HomeA1, visitedOn = "2026-11-22" })).ShouldBe(HttpStatusCode.NotFound);
        (await w.CountAsync<HouseholdVisit>()).ShouldBe(0);
    }

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static MultipartFormDataContent Photo(byte[] bytes, string name = "a.png")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(file, "photos", name);
        return form;
    }

    [Fact]
    public async Task Activity_photos_are_real_images_added_by_the_organiser_and_shown_only_to_people_of_the_area()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var organiser = await w.AsAsync(w.OrganiserA);
        var activity = (await (await organiser.PostJson($"/api/v1/service-areas/{w.AreaA}/activities",
            new { type = "Publicity", title = "宣讲", heldOn = "2026-11-20", participantCount = 10, hours = 2 })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var url = $"/api/v1/service-areas/{w.AreaA}/activities/{activity}/photos";
        var fake = await (await organiser.PostAsync(url, Photo("MZ not a picture"u8.ToArray(), "x.png"))).ShouldBe(HttpStatusCode.BadRequest);
        fake.GetProperty("errors").TryGetProperty("Photos", out _).ShouldBeTrue();
        await (await (await w.AsAsync(w.VolunteerA)).PostAsync(url, Photo(Png))).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await w.AsAsync(w.OrganiserB)).PostAsync(url, Photo(Png))).ShouldBe(HttpStatusCode.NotFound);
        (await w.CountAsync<ActivityPhoto>()).ShouldBe(0);

        var added = await (await organiser.PostAsync(url, Photo(PhotoAssertions.PhonePhoto, "yard.jpg"))).ShouldBe(HttpStatusCode.OK);
        var photoId = added.GetProperty("ids")[0].GetGuid();
        var volunteer = await w.AsAsync(w.VolunteerA);
        (await (await volunteer.GetAsync($"/api/v1/service-areas/activity-photos/{photoId}")).ShouldBeReEncodedAsync(PhotoAssertions.PhonePhoto)).ShouldBe((1600, 1200));
        await (await volunteer.GetAsync($"/api/v1/service-areas/activity-photos/{photoId}?thumb=1")).ShouldBeThumbnailAsync(PhotoAssertions.PhonePhoto);
        var stored = await w.DbAsync(db => db.Set<ActivityPhoto>().AsNoTracking().SingleAsync(p => p.Id == photoId));
        stored.UploadedBy.ShouldBe(w.OrganiserA.Id);
        stored.ThumbnailBytes.ShouldNotBeEmpty();
        var outsider = await w.AsAsync(w.OrganiserB);
        (await outsider.GetAsync($"/api/v1/service-areas/activity-photos/{photoId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/api/v1/service-areas/activity-photos/{photoId}?thumb=1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().GetAsync($"/api/v1/service-areas/activity-photos/{photoId}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Anonymous().GetAsync($"/api/v1/service-areas/activity-photos/{photoId}?thumb=1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var list = await (await organiser.GetAsync($"/api/v1/service-areas/{w.AreaA}/activities")).ShouldBe(HttpStatusCode.OK);
        list[0].GetProperty("photoIds").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_huge_pixel_png_a_polyglot_or_a_truncated_jpeg_is_refused_with_400_and_the_activity_and_its_photos_are_kept()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var organiser = await w.AsAsync(w.OrganiserA);
        var activity = (await (await organiser.PostJson($"/api/v1/service-areas/{w.AreaA}/activities",
            new { type = "Publicity", title = "宣讲", heldOn = "2026-11-20", participantCount = 10, hours = 2 })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var url = $"/api/v1/service-areas/{w.AreaA}/activities/{activity}/photos";
        var first = (await (await organiser.PostAsync(url, Photo(Png))).ShouldBe(HttpStatusCode.OK)).GetProperty("ids")[0].GetGuid();

        var huge = await (await organiser.PostAsync(url, Photo(TestImages.HugePng(), "huge.png"))).ShouldBe(HttpStatusCode.BadRequest);
        huge.GetProperty("errors").GetProperty("Photos")[0].GetString()!.ShouldContain("像素");
        var polyglot = await (await organiser.PostAsync(url, Photo(TestImages.PngThenHtml(), "page.png"))).ShouldBe(HttpStatusCode.BadRequest);
        polyglot.GetProperty("errors").TryGetProperty("Photos", out _).ShouldBeTrue();
        var jpeg = TestImages.Jpeg(800, 600);
        (await (await organiser.PostAsync(url, Photo(jpeg[..(jpeg.Length / 2)], "cut.jpg"))).ShouldBe(HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("Photos")[0].GetString()!.ShouldContain("无法读取");

        (await w.DbAsync(db => db.Set<ActivityPhoto>().Select(p => p.Id).ToListAsync())).ShouldBe([first]);
        (await w.DbAsync(db => db.Set<ServiceActivity>().CountAsync(a => a.Id == activity && a.Title == "宣讲"))).ShouldBe(1);
        (await w.AuditAsync("service_activity", activity)).Count(a => a == "service_activity.photos_added").ShouldBe(1);
    }

    [Fact]
    public async Task Figures_count_the_areas_people_and_work_in_scope()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var resident = await w.AsAsync(w.ResidentA);
        await (await resident.PostJson($"/api/v1/service-areas/{w.AreaA}/services", new { kind = "Help", need = "帮忙填表" })).ShouldBe(HttpStatusCode.Created);
        await (await (await w.AsAsync(w.OrganiserA)).PostJson($"/api/v1/service-areas/{w.AreaA}/activities",
            new { type = "Publicity", title = "宣讲", heldOn = "2026-11-20", participantCount = 20, hours = 2, memberIds = new[] { w.MemberA, w.MemberA2 } })).ShouldBe(HttpStatusCode.Created);
        await (await (await w.AsAsync(w.VolunteerA)).PostJson($"/api/v1/service-areas/{w.AreaA}/visits", new { householdId = w.HomeA1, visitedOn = "2026-11-22", suggestions = OneSuggestion })).ShouldBe(HttpStatusCode.Created);

        var f = await (await w.Secretary.GetAsync("/api/v1/service-areas/stats")).ShouldBe(HttpStatusCode.OK);
        f.GetProperty("serviceAreas").GetInt32().ShouldBe(2);
        f.GetProperty("organisersAndSupervisors").GetInt32().ShouldBe(3);
        f.GetProperty("volunteers").GetInt32().ShouldBe(2);
        f.GetProperty("services").GetInt32().ShouldBe(1);
        f.GetProperty("help").GetInt32().ShouldBe(1);
        f.GetProperty("activities").GetInt32().ShouldBe(1);
        f.GetProperty("participations").GetInt32().ShouldBe(20);
        f.GetProperty("memberParticipations").GetInt32().ShouldBe(2);
        f.GetProperty("householdsVisited").GetInt32().ShouldBe(1);
        f.GetProperty("suggestions").GetInt32().ShouldBe(1);
        f.GetProperty("suggestionsAnswered").GetInt32().ShouldBe(0);

        var b = await (await (await w.AsAsync(w.OrganiserB)).GetAsync("/api/v1/service-areas/stats")).ShouldBe(HttpStatusCode.OK);
        b.GetProperty("serviceAreas").GetInt32().ShouldBe(1);
        b.GetProperty("services").GetInt32().ShouldBe(0);
        await (await resident.GetAsync("/api/v1/service-areas/stats")).ShouldBe(HttpStatusCode.Forbidden);
        await (await w.Secretary.GetAsync("/api/v1/service-areas/stats?from=2026-11-20&to=2026-11-01")).ShouldBe(HttpStatusCode.BadRequest);
    }
}

public sealed class ActivityAndVisitTests_Sqlite(SqliteApp app) : ActivityAndVisitTests(app), IClassFixture<SqliteApp>;

public sealed class ActivityAndVisitTests_Postgres(PostgresApp app) : ActivityAndVisitTests(app), IClassFixture<PostgresApp>;
