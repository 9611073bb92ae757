using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.ServiceAreas.Domain;

namespace Yishi.IntegrationTests.ServiceAreas;

/// <summary>The points and evaluation pages render for the people who use them, in Chinese and English, and refuse the others.</summary>
public abstract class PointsPagesTests(YishiApp app)
{
    [Fact]
    public async Task Cadre_and_resident_pages_render_and_speak_English_after_the_switch()
    {
        var w = await PointsWorld.CreateAsync(app);
        var organiser = (await w.OfficialAsync(Role.Organiser, "S1/C1/G1")).Client;
        var entry = await (await w.AwardAsync(organiser)).ShouldBe(HttpStatusCode.Created);
        var resident = await w.ResidentOfAsync(w.Household);
        var appeal = await (await resident.PostJson($"/api/v1/point-entries/{entry.GetProperty("id").GetGuid()}/appeals", new { reason = "不是我家" })).ShouldBe(HttpStatusCode.Created);
        var round = await (await w.Secretary.PostJson("/api/v1/evaluation-rounds", new { communityId = w.Community, kind = "Members", period = "2026年第三季度" })).ShouldBe(HttpStatusCode.Created);

        foreach (var (client, url, text) in new[]
        {
            (w.Secretary, $"/service-areas/points?community={w.Community}", "正负面清单"),
            (w.Secretary, $"/service-areas/points/versions/{w.VersionId}", "参加义务劳动"),
            (organiser, $"/service-areas/points/award?community={w.Community}", "1号"),
            (organiser, "/service-areas/points/entries", "参加义务劳动"),
            (organiser, $"/service-areas/points/households/{w.Household}", "积分余额"),
            (organiser, "/service-areas/points/appeals", "不是我家"),
            (organiser, $"/service-areas/points/appeals/{appeal.GetProperty("id").GetGuid()}", "记分人"),
            (w.Secretary, $"/service-areas/points/stats?community={w.Community}", "按清单条目统计"),
            (w.Secretary, $"/service-areas/evaluations?community={w.Community}", "2026年第三季度"),
            (w.Secretary, $"/service-areas/evaluations/{round.GetProperty("id").GetGuid()}", "群众测评两员"),
            (resident, "/resident/points", "我家的积分"),
            (resident, "/resident/evaluations", "评价组织员和监督员"),
        })
        {
            var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            html.ShouldContain(text, customMessage: url);
        }

        // A volunteer sees no community to work with; a sibling group's organiser does not see the household.
        var volunteer = (await w.OfficialAsync(Role.Volunteer, "S1/C1/G1")).Client;
        (await (await volunteer.GetAsync("/service-areas/points")).Content.ReadAsStringAsync()).ShouldContain("no-communities");
        var sibling = (await w.OfficialAsync(Role.Organiser, "S1/C1/G2")).Client;
        (await sibling.GetAsync($"/service-areas/points/households/{w.Household}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().GetAsync("/service-areas/points")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await w.Secretary.GetAsync("/culture?c=en&r=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var english = await (await w.Secretary.GetAsync($"/service-areas/points/versions/{w.VersionId}")).Content.ReadAsStringAsync();
        english.ShouldContain("<html lang=\"en\"");
        english.ShouldContain("Version 1");
        await resident.GetAsync("/culture?c=en&r=%2F");
        (await (await resident.GetAsync("/resident/points")).Content.ReadAsStringAsync()).ShouldContain("History");
    }

    [Fact]
    public async Task A_resident_without_a_household_is_told_so_instead_of_an_error()
    {
        var w = await PointsWorld.CreateAsync(app);
        var resident = await w.D.ClientAsync(Role.Resident, "S1/C1/G1");
        var html = await (await resident.GetAsync("/resident/points")).Content.ReadAsStringAsync();
        html.ShouldContain("no-household");
        (await (await resident.GetAsync("/api/v1/my/points")).ShouldBe(HttpStatusCode.NotFound)).Code().ShouldBe("points.no_household");
    }
}

public sealed class PointsPagesTests_Sqlite(SqliteApp app) : PointsPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PointsPagesTests_Postgres(PostgresApp app) : PointsPagesTests(app), IClassFixture<PostgresApp>;
