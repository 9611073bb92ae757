using System.Net;
using Yishi.Demands.Domain;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.IntegrationTests.Demands;

/// <summary>
/// Every state-changing demand endpoint × the people who must not use it: another community's cadre and another
/// department do not even see the demand (404), a resident cannot act on it, anonymous callers are asked to sign
/// in; the demand is unchanged afterwards.
/// </summary>
public abstract class DemandAuthorisationTests(YishiApp app)
{
    public enum Outsider { SiblingSecretary, OtherDepartment, OtherDistrictAdmin, Resident, Anonymous }

    public static TheoryData<string, Outsider> Cases()
    {
        var data = new TheoryData<string, Outsider>();
        foreach (var action in new[] { "triage", "escalate", "refer", "handle", "convert", "dismiss", "review", "close", "reveal-phone", "merge" })
            foreach (var who in Enum.GetValues<Outsider>())
                data.Add(action, who);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Outsiders_cannot_change_a_demand(string action, Outsider who)
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, _) = await w.SubmitAsync();
        var (other, _) = await w.SubmitAsync(text: "同一网格：垃圾桶满了好几天没人清运");
        var before = await w.LoadAsync(id);
        var client = who switch
        {
            Outsider.SiblingSecretary => await w.D.ClientAsync(Role.CommunitySecretary, "S1/C2"),
            Outsider.OtherDepartment => await w.OfficerAsync(w.Transport),
            Outsider.OtherDistrictAdmin => await (await TestDistrict.CreateAsync(app)).ClientAsync(Role.DistrictAdmin, "D"),
            Outsider.Resident => await w.D.ClientAsync(Role.Resident, "S1/C1/G1"),
            _ => app.Anonymous(),
        };
        var v = before.Version;
        var response = action switch
        {
            "triage" => await client.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", route = "OnSpot", reply = "已处理", version = v }),
            "escalate" => await client.PostJson($"/api/v1/demands/{id}/escalate", new { reason = "需上级协调", version = v }),
            "refer" => await client.PostJson($"/api/v1/demands/{id}/refer", new { unitId = w.Housing, reason = "转住建局", version = v }),
            "handle" => await client.PostJson($"/api/v1/demands/{id}/handle", new { reply = "已处理", version = v }),
            "convert" => await client.PostJson($"/api/v1/demands/{id}/convert", new { ownership = "Community", reason = "居民仍有困难", version = v }),
            "dismiss" => await client.PostJson($"/api/v1/demands/{id}/dismiss", new { reason = "重复反映", version = v }),
            "review" => await client.PostJson($"/api/v1/demands/{id}/review", new { metExpectations = true, residentsSatisfied = true, note = "回访满意", version = v }),
            "close" => await client.PostJson($"/api/v1/demands/{id}/close", new { reason = "居民已搬离本社区", version = v }),
            "reveal-phone" => await client.PostJson($"/api/v1/demands/{id}/reveal-phone", new { reason = "回访核实" }),
            _ => await client.PostJson("/api/v1/common-issues", new { title = "垃圾清运", leadDemandId = id, demandIds = new[] { other } }),
        };
        var expected = who switch
        {
            Outsider.Anonymous => [HttpStatusCode.Unauthorized],
            Outsider.Resident => new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden },
            _ => [HttpStatusCode.NotFound],
        };
        expected.ShouldContain(response.StatusCode, $"{action} by {who}: {await response.Content.ReadAsStringAsync()}");

        var after = await w.LoadAsync(id);
        after.Version.ShouldBe(before.Version);
        after.Status.ShouldBe(DemandStatus.Submitted);
        after.Level.ShouldBe(before.Level);
        after.CommonIssueId.ShouldBeNull();
    }
}

public sealed class DemandAuthorisationTests_Sqlite(SqliteApp app) : DemandAuthorisationTests(app), IClassFixture<SqliteApp>;

public sealed class DemandAuthorisationTests_Postgres(PostgresApp app) : DemandAuthorisationTests(app), IClassFixture<PostgresApp>;
