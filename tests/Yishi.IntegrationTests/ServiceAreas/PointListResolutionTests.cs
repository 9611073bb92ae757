using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Deliberation.Domain;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.ServiceAreas;

/// <summary>A points list approved by citing the representatives assembly's resolution recorded in Deliberation.</summary>
public abstract class PointListResolutionTests(YishiApp app)
{
    private async Task<Guid> ResolutionAsync(PointsWorld w, CouncilKind kind, bool passed, string area = "S1/C1")
    {
        var a = w.D[area];
        return await app.InScopeAsync(w.D.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var now = app.Clock.GetUtcNow().UtcDateTime.AddDays(-3);
            var council = new Council(w.D.Id, a.Id, a.Path, kind == CouncilKind.Representatives ? "村民代表会议" : "两委会", kind, now);
            var r = new Resolution(w.D.Id, a.Id, a.Path, council.Id, Guid.NewGuid(), Guid.NewGuid(), $"YS-JY-T-{Guid.NewGuid():N}"[..20], "修订正负面清单",
                "同意第2版积分清单", new VoteCount(21, 18, passed ? 15 : 6, passed ? 2 : 10, 1), passed, 5, now);
            db.AddRange(council, r);
            await db.SaveChangesAsync();
            return r.Id;
        });
    }

    private async Task<HttpResponseMessage> ApproveAsync(PointsWorld w, Guid resolutionId)
    {
        var version = await (await w.Secretary.GetAsync($"/api/v1/point-list-versions/{w.VersionId}")).ShouldBe(HttpStatusCode.OK);
        return await w.Secretary.PostJson($"/api/v1/point-list-versions/{w.VersionId}/approve",
            new { effectiveFrom = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8).AddDays(1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), resolutionId, version = version.GetProperty("version").GetInt32() });
    }

    [Fact]
    public async Task A_passed_representatives_resolution_of_the_community_approves_the_list()
    {
        var w = await PointsWorld.CreateAsync(app, approve: false);
        var id = await ResolutionAsync(w, CouncilKind.Representatives, passed: true);
        var approved = await (await ApproveAsync(w, id)).ShouldBe(HttpStatusCode.OK);
        approved.GetProperty("status").GetString().ShouldBe("Approved");
        approved.GetProperty("resolutionId").GetGuid().ShouldBe(id);
    }

    [Fact]
    public async Task A_two_committee_resolution_a_failed_vote_or_another_communitys_resolution_does_not()
    {
        var w = await PointsWorld.CreateAsync(app, approve: false);
        (await (await ApproveAsync(w, await ResolutionAsync(w, CouncilKind.TwoCommittee, passed: true))).ShouldBe(HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("points.resolution_not_assembly");
        (await (await ApproveAsync(w, await ResolutionAsync(w, CouncilKind.Representatives, passed: false))).ShouldBe(HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("points.resolution_not_passed");
        await (await ApproveAsync(w, await ResolutionAsync(w, CouncilKind.Representatives, passed: true, area: "S1/C2"))).ShouldBe(HttpStatusCode.BadRequest);
        (await (await w.Secretary.GetAsync($"/api/v1/point-list-versions/{w.VersionId}")).ShouldBe(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("Draft");
    }
}

public sealed class PointListResolutionTests_Sqlite(SqliteApp app) : PointListResolutionTests(app), IClassFixture<SqliteApp>;

public sealed class PointListResolutionTests_Postgres(PostgresApp app) : PointListResolutionTests(app), IClassFixture<PostgresApp>;
