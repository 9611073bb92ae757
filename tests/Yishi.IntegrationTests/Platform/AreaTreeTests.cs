using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;

namespace Yishi.IntegrationTests.Platform;

public abstract class AreaTreeTests(YishiApp app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task District_admin_creates_renames_and_retires_a_group_and_every_step_is_audited()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");

        var created = await (await admin.PostJson("/api/v1/areas", new { parentId = d["S1/C1"].Id, name = "第三网格" })).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        created.GetProperty("level").GetString().ShouldBe("Group");
        created.GetProperty("path").GetString().ShouldBe($"{d["S1/C1"].Path}{id:N}/");

        var renamed = await (await admin.PutJson($"/api/v1/areas/{id}/name", new { name = "第三网格（新）", version = 0 })).ShouldBe(HttpStatusCode.OK);
        renamed.GetProperty("name").GetString().ShouldBe("第三网格（新）");

        var retired = await (await admin.PostJson($"/api/v1/areas/{id}/retire", new { version = 1, reason = "并入第一网格" })).ShouldBe(HttpStatusCode.OK);
        retired.GetProperty("retired").GetBoolean().ShouldBeTrue();

        var actions = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries
            .Where(a => a.EntityId == id).OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => a.Action).ToListAsync());
        actions.ShouldBe(["area.created", "area.renamed", "area.retired"]);
    }

    [Fact]
    public async Task Retired_area_keeps_its_history_and_takes_no_children()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var g2 = d["S1/C1/G2"];
        await (await admin.PostJson($"/api/v1/areas/{g2.Id}/retire", new { version = 0 })).ShouldBe(HttpStatusCode.OK);

        var tree = await (await admin.GetAsync("/api/v1/areas?includeRetired=true")).ShouldBe(HttpStatusCode.OK);
        tree.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == g2.Id).GetProperty("retired").GetBoolean().ShouldBeTrue();
        var active = await (await admin.GetAsync("/api/v1/areas")).ShouldBe(HttpStatusCode.OK);
        active.EnumerateArray().ShouldNotContain(a => a.GetProperty("id").GetGuid() == g2.Id);

        var problem = await (await admin.PostJson($"/api/v1/areas/{g2.Id}/retire", new { version = 0 })).ShouldBe(HttpStatusCode.Conflict);
        problem.Code().ShouldBe("concurrency");
        problem = await (await admin.PostJson($"/api/v1/areas/{g2.Id}/retire", new { version = 1 })).ShouldBe(HttpStatusCode.Conflict);
        problem.Code().ShouldBe("area.retired");
    }

    [Fact]
    public async Task Community_with_active_groups_cannot_be_retired()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var problem = await (await admin.PostJson($"/api/v1/areas/{d["S1/C1"].Id}/retire", new { version = 0 })).ShouldBe(HttpStatusCode.Conflict);
        problem.Code().ShouldBe("area.has_children");
        problem.GetProperty("title").GetString().ShouldBe("请先撤销或移走下级区域。");
    }

    [Fact]
    public async Task Moving_a_community_rewrites_the_paths_of_its_groups_households_and_role_assignments()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var grid = await d.UserAsync(Role.GridWorker, "S1/C1/G1");
        var householdId = await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var h = new Household(d.Id, d["S1/C1/G1"].Id, d["S1/C1/G1"].Path, "1号", app.Clock.GetUtcNow().UtcDateTime);
            db.Households.Add(h);
            await db.SaveChangesAsync();
            return h.Id;
        });

        var moved = await (await admin.PostJson($"/api/v1/areas/{d["S1/C1"].Id}/move", new { newParentId = d["S2"].Id, version = 0 })).ShouldBe(HttpStatusCode.OK);
        var newPath = $"{d["S2"].Path}{d["S1/C1"].Id:N}/";
        moved.GetProperty("path").GetString().ShouldBe(newPath);

        await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var groups = await db.Areas.Where(a => a.ParentId == d["S1/C1"].Id).ToListAsync(Ct);
            groups.Count.ShouldBe(2);
            groups.ShouldAllBe(g => g.Path == newPath + Area.Segment(g.Id) + "/");
            (await db.Households.SingleAsync(h => h.Id == householdId, Ct)).AreaPath.ShouldBe($"{newPath}{d["S1/C1/G1"].Id:N}/");
            (await db.RoleAssignments.SingleAsync(r => r.UserId == grid.Id, Ct)).AreaPath.ShouldBe($"{newPath}{d["S1/C1/G1"].Id:N}/");
            // Nothing outside the subtree changed.
            (await db.Areas.SingleAsync(a => a.Id == d["S1/C2/G1"].Id, Ct)).Path.ShouldBe(d["S1/C2/G1"].Path);
            // Every path is its parent's path plus its own id.
            var all = await db.Areas.ToListAsync(Ct);
            var byId = all.ToDictionary(a => a.Id);
            all.Where(a => a.ParentId is not null).ShouldAllBe(a => a.Path == byId[a.ParentId!.Value].Path + Area.Segment(a.Id) + "/");
        });
    }

    [Fact]
    public async Task Moves_to_the_wrong_level_are_refused_with_a_localised_message()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var problem = await (await admin.PostJson($"/api/v1/areas/{d["S1/C1"].Id}/move", new { newParentId = d["S2/C3"].Id, version = 0 })).ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.Code().ShouldBe("area.wrong_level");
        problem = await (await admin.PostJson($"/api/v1/areas/{d["D"].Id}/move", new { newParentId = d["S2"].Id, version = 0 })).ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.Code().ShouldBe("area.district_fixed");
    }

    [Fact]
    public async Task Bad_input_gets_validation_problems_not_500()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var problem = await (await admin.PostJson("/api/v1/areas", new { parentId = d["S1"].Id, name = "  " })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("Name")[0].GetString().ShouldBe("此项为必填。");
        problem = await (await admin.PostJson("/api/v1/areas", new { parentId = d["S1"].Id, name = new string('长', 61) })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("Name").GetArrayLength().ShouldBe(1);
        problem = await (await admin.PostJson("/api/v1/areas", new { parentId = d["S1"].Id, name = "一社区" })).ShouldBe(HttpStatusCode.Conflict);
        problem.Code().ShouldBe("area.name_taken");

        using var malformed = new StringContent("{\"parentId\": \"not-a-guid\"", System.Text.Encoding.UTF8, "application/json");
        await (await admin.PostAsync("/api/v1/areas", malformed)).ShouldBe(HttpStatusCode.BadRequest);
        using var text = new StringContent("name=x", System.Text.Encoding.UTF8, "text/plain");
        (await admin.PostAsync("/api/v1/areas", text)).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        await (await admin.PostJson($"/api/v1/areas/{Guid.NewGuid()}/retire", new { version = 0 })).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task English_is_served_to_api_clients_that_ask_for_it()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/areas/{d["S1/C1"].Id}/retire") { Content = JsonContent(new { version = 0 }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await (await admin.SendAsync(request)).ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("title").GetString().ShouldBe("Retire or move the child areas first.");
    }

    private static System.Net.Http.Json.JsonContent JsonContent(object o) => System.Net.Http.Json.JsonContent.Create(o);

    public enum Held { Own, Parent, Street, Sibling, Child, OtherDistrict, WrongRole, Anonymous }

    public static TheoryData<string, Held, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, Held, HttpStatusCode>();
        foreach (var action in new[] { "create-child", "rename", "move", "retire" })
        {
            var ok = action == "create-child" ? HttpStatusCode.Created : HttpStatusCode.OK;
            // A move also needs the destination (community S1/C2) in scope: only the street reaches both.
            data.Add(action, Held.Own, action == "move" ? HttpStatusCode.NotFound : ok);
            data.Add(action, Held.Parent, action == "move" ? HttpStatusCode.NotFound : ok);
            data.Add(action, Held.Street, ok);
            data.Add(action, Held.Sibling, HttpStatusCode.NotFound);
            data.Add(action, Held.Child, HttpStatusCode.NotFound);
            data.Add(action, Held.OtherDistrict, HttpStatusCode.NotFound);
            data.Add(action, Held.WrongRole, HttpStatusCode.Forbidden);
            data.Add(action, Held.Anonymous, HttpStatusCode.Unauthorized);
        }
        return data;
    }

    /// <summary>
    /// The target is group S1/C1/G2 (community C1 for create-child). "Own" holds DistrictAdmin on the target,
    /// "Parent" on its parent, "Sibling" on the sibling, "Child" on a child (or, for a group, the target's
    /// sibling group's own area), "WrongRole" holds CommunitySecretary on the target.
    /// </summary>
    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Area_changes_are_authorised_by_role_and_area_scope(string action, Held held, HttpStatusCode expected)
    {
        var d = await TestDistrict.CreateAsync(app);
        var target = action == "create-child" ? "S1/C1" : "S1/C1/G2";
        var (key, role) = held switch
        {
            Held.Own => (target, Role.DistrictAdmin),
            Held.Parent => (action == "create-child" ? "S1" : "S1/C1", Role.DistrictAdmin),
            Held.Street => ("S1", Role.DistrictAdmin),
            Held.Sibling => (action == "create-child" ? "S1/C2" : "S1/C1/G1", Role.DistrictAdmin),
            Held.Child => (action == "create-child" ? "S1/C1/G1" : "S1/C2/G1", Role.DistrictAdmin),
            Held.WrongRole => (target, Role.CommunitySecretary),
            _ => ("", Role.DistrictAdmin),
        };
        HttpClient client;
        if (held == Held.Anonymous) client = app.Anonymous();
        else if (held == Held.OtherDistrict) client = await (await TestDistrict.CreateAsync(app)).ClientAsync(Role.DistrictAdmin, "D");
        else client = await d.ClientAsync(role, key);

        var response = action switch
        {
            "create-child" => await client.PostJson("/api/v1/areas", new { parentId = d[target].Id, name = "新网格" }),
            "rename" => await client.PutJson($"/api/v1/areas/{d[target].Id}/name", new { name = "改名网格", version = 0 }),
            "move" => await client.PostJson($"/api/v1/areas/{d[target].Id}/move", new { newParentId = d["S1/C2"].Id, version = 0 }),
            _ => await client.PostJson($"/api/v1/areas/{d[target].Id}/retire", new { version = 0 }),
        };
        await response.ShouldBe(expected);
        if (expected is HttpStatusCode.OK or HttpStatusCode.Created) return;
        var unchanged = await d.ReloadAsync(target);
        unchanged.Version.ShouldBe(0);
        unchanged.Name.ShouldBe(d[target].Name);
    }

    [Fact]
    public async Task Street_admin_moves_a_group_between_its_own_communities()
    {
        var d = await TestDistrict.CreateAsync(app);
        var streetAdmin = await d.ClientAsync(Role.DistrictAdmin, "S1");
        await (await streetAdmin.PostJson($"/api/v1/areas/{d["S1/C1/G2"].Id}/move", new { newParentId = d["S1/C2"].Id, version = 0 })).ShouldBe(HttpStatusCode.OK);
        // …but not into another street's community.
        await (await streetAdmin.PostJson($"/api/v1/areas/{d["S1/C1/G1"].Id}/move", new { newParentId = d["S2/C3"].Id, version = 0 })).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Area_tree_lists_only_the_callers_subtree()
    {
        var d = await TestDistrict.CreateAsync(app);
        var secretary = await d.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var tree = await (await secretary.GetAsync("/api/v1/areas")).ShouldBe(HttpStatusCode.OK);
        tree.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldBe(
            [d["S1/C1"].Id, d["S1/C1/G1"].Id, d["S1/C1/G2"].Id], ignoreOrder: false);
        var anonymous = await app.Anonymous().GetAsync("/api/v1/areas");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        _ = JsonSerializer.Serialize(tree);
    }
}

public sealed class AreaTreeTests_Sqlite(SqliteApp app) : AreaTreeTests(app), IClassFixture<SqliteApp>;

public sealed class AreaTreeTests_Postgres(PostgresApp app) : AreaTreeTests(app), IClassFixture<PostgresApp>;
