using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Demo;
using Yishi.ServiceAreas.Domain;

namespace Yishi.IntegrationTests.ServiceAreas;

/// <summary>The demo district's service areas as seeded at start-up.</summary>
public abstract class DemoServiceAreasTests(YishiApp app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<T> InDistrictAsync<T>(Func<YishiDbContext, Task<T>> work)
    {
        var districtId = await app.InScopeAsync(null, sp => sp.GetRequiredService<YishiDbContext>().Areas
            .IgnoreQueryFilters().Where(a => a.Level == AreaLevel.District).Select(a => a.Id).SingleAsync(Ct));
        return await app.InScopeAsync(districtId, sp => work(sp.GetRequiredService<YishiDbContext>()));
    }

    [Fact]
    public async Task Every_community_has_service_areas_with_both_members_a_team_and_a_year_of_work()
    {
        var (areas, communities, posts, members, services, activities, visits) = await InDistrictAsync(async db => (
            await db.Set<ServiceArea>().AsNoTracking().ToListAsync(Ct),
            await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Community).ToListAsync(Ct),
            await db.Set<ServiceAreaPost>().AsNoTracking().ToListAsync(Ct),
            await db.Set<TeamMember>().AsNoTracking().ToListAsync(Ct),
            await db.Set<ResidentService>().AsNoTracking().ToListAsync(Ct),
            await db.Set<ServiceActivity>().AsNoTracking().ToListAsync(Ct),
            await db.Set<HouseholdVisit>().AsNoTracking().ToListAsync(Ct)));
        foreach (var c in communities) areas.Count(a => a.AreaId == c.Id).ShouldBeGreaterThanOrEqualTo(2, c.Name);
        foreach (var a in areas)
        {
            posts.Count(p => p.ServiceAreaId == a.Id && p.EndedOn == null).ShouldBe(2, a.Name);
            members.Count(m => m.ServiceAreaId == a.Id && m.EndedOn == null).ShouldBeGreaterThanOrEqualTo(3, a.Name);
            activities.Count(x => x.ServiceAreaId == a.Id).ShouldBeGreaterThanOrEqualTo(10, a.Name);
        }
        posts.Count(p => p.EndedOn != null).ShouldBeGreaterThan(0);
        foreach (var kind in Enum.GetValues<ServiceKind>())
            foreach (var status in Enum.GetValues<ServiceRequestStatus>())
                services.Count(s => s.Kind == kind && s.Status == status).ShouldBeGreaterThan(0, $"{kind} {status}");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        activities.ShouldAllBe(x => x.HeldOn < today && x.HeldOn > today.AddDays(-366));
        visits.ShouldAllBe(v => v.VisitedOn < today);
        services.ShouldAllBe(s => s.CreatedAt < app.Clock.GetUtcNow().UtcDateTime);
        Enum.GetValues<ActivityType>().ShouldAllBe(t => activities.Any(x => x.Type == t));
    }

    [Fact]
    public async Task The_demo_organiser_accounts_run_their_groups_service_areas()
    {
        var organiser = await app.SignInAsync("org-shimen-1", DemoDistrictSeeder.Password);
        var list = await (await organiser.GetAsync("/api/v1/service-areas")).ShouldBe(HttpStatusCode.OK);
        var area = list.EnumerateArray().Single();
        area.GetProperty("name").GetString().ShouldBe("石门村第一服务区");
        var id = area.GetProperty("id").GetGuid();
        var services = await (await organiser.GetAsync($"/api/v1/service-areas/{id}/services")).ShouldBe(HttpStatusCode.OK);
        services.GetArrayLength().ShouldBeGreaterThan(0);
        var admin = await app.SignInAsync("admin", DemoDistrictSeeder.Password);
        var figures = await (await admin.GetAsync("/api/v1/service-areas/stats")).ShouldBe(HttpStatusCode.OK);
        figures.GetProperty("serviceAreas").GetInt32().ShouldBeGreaterThan(24);
        figures.GetProperty("activities").GetInt32().ShouldBeGreaterThan(300);
        (await app.Anonymous().GetAsync($"/s/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class DemoServiceAreasTests_Sqlite(DemoSqliteApp app) : DemoServiceAreasTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoServiceAreasTests_Postgres(DemoPostgresApp app) : DemoServiceAreasTests(app), IClassFixture<DemoPostgresApp>;
