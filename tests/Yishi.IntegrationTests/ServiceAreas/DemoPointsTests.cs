using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.ServiceAreas.Domain;

namespace Yishi.IntegrationTests.ServiceAreas;

/// <summary>The demo district's points lists, a year of awards and the appeals, as seeded at start-up.</summary>
public abstract class DemoPointsTests(YishiApp app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<T> InDistrictAsync<T>(Func<YishiDbContext, Task<T>> work)
    {
        var districtId = await app.InScopeAsync(null, sp => sp.GetRequiredService<YishiDbContext>().Areas
            .IgnoreQueryFilters().Where(a => a.Level == AreaLevel.District).Select(a => a.Id).SingleAsync(Ct));
        return await app.InScopeAsync(districtId, sp => work(sp.GetRequiredService<YishiDbContext>()));
    }

    [Fact]
    public async Task Every_community_has_an_approved_list_v2_and_awards_cite_the_version_in_force_on_their_day()
    {
        var (communities, lists, versions, rules, entries, appeals) = await InDistrictAsync(async db => (
            await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Community).ToListAsync(Ct),
            await db.Set<PointList>().AsNoTracking().ToListAsync(Ct),
            await db.Set<PointListVersion>().AsNoTracking().ToListAsync(Ct),
            await db.Set<PointRule>().AsNoTracking().ToListAsync(Ct),
            await db.Set<PointEntry>().AsNoTracking().ToListAsync(Ct),
            await db.Set<PointAppeal>().AsNoTracking().ToListAsync(Ct)));
        lists.Select(l => l.AreaId).ShouldBe(communities.Select(c => c.Id), ignoreOrder: true);
        foreach (var list in lists)
        {
            var mine = versions.Where(v => v.PointListId == list.Id).OrderBy(v => v.Number).ToList();
            mine.Select(v => v.Status).ShouldBe([PointListVersionStatus.Superseded, PointListVersionStatus.Approved]);
            mine.ShouldAllBe(v => v.MembersPresent * 3 >= v.MembersTotal * 2 && v.VotesFor * 2 > v.MembersPresent);
            rules.Count(r => r.PointListVersionId == mine[0].Id).ShouldBe(15);
            rules.Count(r => r.PointListVersionId == mine[1].Id).ShouldBe(16);
        }
        entries.Count.ShouldBeGreaterThan(500);
        var ruleById = rules.ToDictionary(r => r.Id);
        var versionById = versions.ToDictionary(v => v.Id);
        foreach (var e in entries.Where(e => e.ReversesEntryId is null))
        {
            var version = versionById[ruleById[e.PointRuleId].PointListVersionId];
            var inForce = PointRuleVersions.InForce(versions.Where(v => v.PointListId == version.PointListId), e.OccurredOn);
            inForce.ShouldNotBeNull();
            inForce.Id.ShouldBe(version.Id);
            e.RuleVersionNumber.ShouldBe(version.Number);
            e.Points.ShouldBe(ruleById[e.PointRuleId].SignedPoints);
        }
        appeals.Select(a => a.Status).Distinct().ShouldBe(Enum.GetValues<AppealStatus>(), ignoreOrder: true);
        appeals.Where(a => a.Status == AppealStatus.Upheld).ShouldAllBe(a => entries.Any(e => e.ReversesEntryId == a.PointEntryId));
        appeals.Where(a => a.DecidedByUserId != null).ShouldAllBe(a => a.DecidedByUserId != a.EntryAwardedByUserId);
    }

    [Fact]
    public async Task The_public_ranking_of_a_demo_village_shows_masked_names_only()
    {
        var (community, heads) = await InDistrictAsync(async db =>
        {
            var c = await db.Areas.AsNoTracking().SingleAsync(a => a.Name == "石门村", Ct);
            var names = await db.Residents.AsNoTracking().Where(r => r.IsHead).Join(db.Households.Where(h => h.AreaPath.StartsWith(c.Path)), r => r.HouseholdId, h => h.Id,
                (r, h) => new { r.Name, r.Phone, h.HouseNumber }).ToListAsync(Ct);
            return (c, names);
        });
        var response = await app.Anonymous().GetAsync($"/public/points/{community.Id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("*");
        foreach (var h in heads)
        {
            if (h.Name.Length >= 2) html.ShouldNotContain(h.Name);
            if (h.Phone is not null) html.ShouldNotContain(h.Phone);
        }
    }
}

public sealed class DemoPointsTests_Sqlite(DemoSqliteApp app) : DemoPointsTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoPointsTests_Postgres(DemoPostgresApp app) : DemoPointsTests(app), IClassFixture<DemoPostgresApp>;
