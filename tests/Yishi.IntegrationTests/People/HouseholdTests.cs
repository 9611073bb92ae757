using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;

namespace Yishi.IntegrationTests.People;

public abstract class HouseholdTests(YishiApp app)
{
    public enum Held { Own, Street, DistrictTop, Sibling, OtherDistrict, WrongRole, Anonymous }

    /// <summary>
    /// Target: a household in S1/C1/G1 (community S1/C1 for imports). Own = community secretary of S1/C1;
    /// Street = street officer of S1 (no right to reveal personal data); DistrictTop = district admin;
    /// Sibling = secretary of S1/C2; WrongRole = grid worker in S1/C1 (may look, may not change).
    /// </summary>
    public static TheoryData<string, Held, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, Held, HttpStatusCode>();
        foreach (var action in new[] { "create", "edit-resident", "remove-resident", "reveal", "list", "detail" })
        {
            var ok = action == "create" ? HttpStatusCode.Created : action == "remove-resident" ? HttpStatusCode.NoContent : HttpStatusCode.OK;
            var reads = action is "list" or "detail";
            data.Add(action, Held.Own, ok);
            data.Add(action, Held.Street, action == "reveal" ? HttpStatusCode.Forbidden : ok);
            data.Add(action, Held.DistrictTop, ok);
            data.Add(action, Held.Sibling, action == "list" ? HttpStatusCode.OK : HttpStatusCode.NotFound);
            data.Add(action, Held.OtherDistrict, action == "list" ? HttpStatusCode.OK : HttpStatusCode.NotFound);
            data.Add(action, Held.WrongRole, reads ? ok : HttpStatusCode.Forbidden);
            data.Add(action, Held.Anonymous, HttpStatusCode.Unauthorized);
        }
        return data;
    }

    internal static async Task<HttpClient> ClientAsync(YishiApp app, TestDistrict d, Held held) => held switch
    {
        Held.Own => await d.ClientAsync(Role.CommunitySecretary, "S1/C1"),
        Held.Street => await d.ClientAsync(Role.StreetOfficer, "S1"),
        Held.DistrictTop => await d.ClientAsync(Role.DistrictAdmin, "D"),
        Held.Sibling => await d.ClientAsync(Role.CommunitySecretary, "S1/C2"),
        Held.OtherDistrict => await (await TestDistrict.CreateAsync(app)).ClientAsync(Role.DistrictAdmin, "D"),
        Held.WrongRole => await d.ClientAsync(Role.GridWorker, "S1/C1"),
        _ => app.Anonymous(),
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Household_actions_are_authorised_by_role_and_area_scope(string action, Held held, HttpStatusCode expected)
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var (householdId, headId) = await CreateAsync(admin, d["S1/C1/G1"].Id, "和平路8号", "周海", "13912345678");
        var member = await (await admin.PostJson($"/api/v1/households/{householdId}/residents", new { name = "周小海", version = 0 })).ShouldBe(HttpStatusCode.Created);
        var memberId = member.GetProperty("id").GetGuid();
        var client = await ClientAsync(app, d, held);
        var auditBefore = await AuditCountAsync(d.Id);

        var response = action switch
        {
            "create" => await client.PostJson("/api/v1/households", new { groupId = d["S1/C1/G1"].Id, houseNumber = "和平路9号", headName = "吴军" }),
            "edit-resident" => await client.PutJson($"/api/v1/residents/{memberId}", new { name = "周晓海", phone = "13700001111", isHead = false, version = 0 }),
            "remove-resident" => await client.DeleteAsync($"/api/v1/residents/{memberId}?version=0"),
            "reveal" => await client.PostJson($"/api/v1/residents/{headId}/reveal-phone", new { reason = "核实走访" }),
            "list" => await client.GetAsync("/api/v1/households"),
            _ => await client.GetAsync($"/api/v1/households/{householdId}"),
        };
        var body = await response.ShouldBe(expected);
        if (action == "list" && expected == HttpStatusCode.OK)
        {
            var ids = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            (ids.Contains(householdId)).ShouldBe(held is Held.Own or Held.Street or Held.DistrictTop or Held.WrongRole);
        }
        if (action == "reveal" && expected == HttpStatusCode.OK) body.GetProperty("phone").GetString().ShouldBe("13912345678");
        if ((int)expected >= 400)
        {
            (await AuditCountAsync(d.Id)).ShouldBe(auditBefore);
            var after = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Residents.AsNoTracking().SingleAsync(r => r.Id == memberId));
            after.Name.ShouldBe("周小海");
            after.Version.ShouldBe(0);
            (await HouseholdCountAsync(d.Id)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Paging_through_120_households_sees_each_once_in_a_stable_order()
    {
        var d = await TestDistrict.CreateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            for (var i = 0; i < 120; i++)
            {
                var group = d[i % 3 == 0 ? "S1/C1/G2" : i % 3 == 1 ? "S1/C1/G1" : "S2/C3/G1"];
                var h = new Household(d.Id, group.Id, group.Path, $"{i % 40 + 1}号{(i >= 60 ? "之一" : "")}", now);
                h.Members.Add(new Resident(d.Id, h.Id, $"居民{i}", true, i % 2 == 0 ? $"1380000{i:0000}" : null));
                h.Members.Add(new Resident(d.Id, h.Id, $"家属{i}", false, null));
                db.Households.Add(h);
            }
            await db.SaveChangesAsync();
        });
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");

        async Task<List<JsonElement>> AllAsync(string query)
        {
            var seen = new List<JsonElement>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await (await admin.GetAsync($"/api/v1/households?size=50{query}{(cursor is null ? "" : "&cursor=" + cursor)}")).ShouldBe(HttpStatusCode.OK);
                var items = page.GetProperty("items").EnumerateArray().ToList();
                items.Count.ShouldBeLessThanOrEqualTo(50);
                seen.AddRange(items);
                cursor = page.GetProperty("next").GetString();
                (++pages).ShouldBeLessThan(10);
            }
            while (cursor is not null);
            return seen;
        }

        var first = await AllAsync("");
        first.Count.ShouldBe(120);
        first.Select(i => i.GetProperty("id").GetGuid()).Distinct().Count().ShouldBe(120);
        var again = await AllAsync("");
        again.Select(i => i.GetProperty("id").GetGuid()).ShouldBe(first.Select(i => i.GetProperty("id").GetGuid()));
        // Within a group the list is ordered by house number.
        foreach (var group in first.GroupBy(i => i.GetProperty("areaId").GetGuid()))
        {
            var numbers = group.Select(i => i.GetProperty("houseNumber").GetString()!).ToList();
            numbers.Distinct().Count().ShouldBe(numbers.Count);
        }
        var sample = first.First(i => i.GetProperty("headPhone").GetString()!.Length > 0);
        sample.GetProperty("headPhone").GetString()!.ShouldMatch(@"^138\*\*\*\*\d{4}$");
        sample.GetProperty("memberCount").GetInt32().ShouldBe(2);
        sample.GetProperty("headName").GetString().ShouldStartWith("居民");

        var community = await AllAsync($"&areaId={d["S1/C1"].Id}");
        community.Count.ShouldBe(80);
        community.ShouldAllBe(i => i.GetProperty("communityName").GetString() == "一社区");
        var g2 = await AllAsync($"&areaId={d["S1/C1/G2"].Id}");
        g2.Count.ShouldBe(40);
        g2.ShouldAllBe(i => i.GetProperty("groupName").GetString() == "第二网格");

        // A secretary of another community sees none of them; an area outside their scope is a 404.
        var sibling = await d.ClientAsync(Role.CommunitySecretary, "S1/C2");
        var empty = await (await sibling.GetAsync("/api/v1/households")).ShouldBe(HttpStatusCode.OK);
        empty.GetProperty("items").GetArrayLength().ShouldBe(0);
        await (await sibling.GetAsync($"/api/v1/households?areaId={d["S1/C1"].Id}")).ShouldBe(HttpStatusCode.NotFound);
        (await (await admin.GetAsync("/api/v1/households?cursor=not-a-cursor")).ShouldBe(HttpStatusCode.BadRequest)).Code().ShouldBe("validation");
    }

    [Fact]
    public async Task Search_finds_a_household_by_a_two_character_name_or_house_number()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var (leiHousehold, _) = await CreateAsync(admin, d["S1/C1/G1"].Id, "桂园路12号", "韩梅梅", null);
        await (await admin.PostJson($"/api/v1/households/{leiHousehold}/residents", new { name = "李雷", version = 0 })).ShouldBe(HttpStatusCode.Created);
        var (other, _) = await CreateAsync(admin, d["S1/C1/G2"].Id, "桂园路14号", "李雷雷", null);
        await CreateAsync(admin, d["S2/C3/G1"].Id, "新村5号", "张强", null);

        async Task<List<Guid>> SearchAsync(string q)
        {
            var page = await (await admin.GetAsync($"/api/v1/households?q={Uri.EscapeDataString(q)}")).ShouldBe(HttpStatusCode.OK);
            return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        }

        (await SearchAsync("李雷")).ShouldBe([leiHousehold, other], ignoreOrder: true);
        (await SearchAsync("梅梅")).ShouldBe([leiHousehold]);
        (await SearchAsync("14号")).ShouldBe([other]);
        (await SearchAsync("王五")).ShouldBeEmpty();
        await (await admin.GetAsync($"/api/v1/households?q={new string('长', 41)}")).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Creating_a_household_checks_input_level_and_unique_house_number()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var problem = await (await admin.PostJson("/api/v1/households", new { groupId = d["S1/C1/G1"].Id, houseNumber = " ", headName = "", headPhone = "12345" })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("HouseNumber")[0].GetString().ShouldBe("此项为必填。");
        problem.GetProperty("errors").GetProperty("HeadName").GetArrayLength().ShouldBe(1);
        problem.GetProperty("errors").GetProperty("HeadPhone").GetArrayLength().ShouldBe(1);
        await (await admin.PostJson("/api/v1/households", new { groupId = d["S1/C1/G1"].Id, houseNumber = new string('号', 41), headName = "甲" })).ShouldBe(HttpStatusCode.BadRequest);

        (await (await admin.PostJson("/api/v1/households", new { groupId = d["S1/C1"].Id, houseNumber = "1号", headName = "甲乙" })).ShouldBe(HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("household.not_group");
        await (await admin.PostJson("/api/v1/households", new { groupId = Guid.NewGuid(), houseNumber = "1号", headName = "甲乙" })).ShouldBe(HttpStatusCode.NotFound);

        var (id, _) = await CreateAsync(admin, d["S1/C1/G1"].Id, "1号", "陈静", "138 0013 8000");
        var taken = await (await admin.PostJson("/api/v1/households", new { groupId = d["S1/C1/G1"].Id, houseNumber = "1号", headName = "别人" })).ShouldBe(HttpStatusCode.Conflict);
        taken.Code().ShouldBe("household.number_taken");
        taken.GetProperty("title").GetString().ShouldBe("本组已有这个门牌号。");
        // The same number in another group is fine.
        await CreateAsync(admin, d["S1/C1/G2"].Id, "1号", "别人", null);

        var detail = await (await admin.GetAsync($"/api/v1/households/{id}")).ShouldBe(HttpStatusCode.OK);
        detail.GetProperty("groupName").GetString().ShouldBe("第一网格");
        detail.GetProperty("communityName").GetString().ShouldBe("一社区");
        var head = detail.GetProperty("members")[0];
        head.GetProperty("isHead").GetBoolean().ShouldBeTrue();
        head.GetProperty("phone").GetString().ShouldBe("138****8000");
        detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()).ShouldBe(["resident.added", "household.created"], ignoreOrder: true);
        await (await admin.GetAsync($"/api/v1/households/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Members_keep_exactly_one_head_and_changes_are_versioned_and_audited_without_personal_data()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var (id, headId) = await CreateAsync(admin, d["S1/C1/G1"].Id, "幸福里3号", "刘洋", "13600001234");

        // The head cannot step down or be removed while they are head.
        (await (await admin.PutJson($"/api/v1/residents/{headId}", new { name = "刘洋", phone = "13600001234", isHead = false, version = 0 })).ShouldBe(HttpStatusCode.Conflict))
            .Code().ShouldBe("household.head_required");
        (await (await admin.DeleteAsync($"/api/v1/residents/{headId}?version=0")).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("household.head_required");

        // Adding with a stale household version conflicts.
        var added = await (await admin.PostJson($"/api/v1/households/{id}/residents", new { name = "刘小洋", phone = "", isHead = false, version = 0 })).ShouldBe(HttpStatusCode.Created);
        var memberId = added.GetProperty("id").GetGuid();
        (await (await admin.PostJson($"/api/v1/households/{id}/residents", new { name = "王丽", version = 0 })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("concurrency");
        var bad = await (await admin.PostJson($"/api/v1/households/{id}/residents", new { name = new string('名', 41), phone = "1234", version = 1 })).ShouldBe(HttpStatusCode.BadRequest);
        bad.GetProperty("errors").GetProperty("Name").GetArrayLength().ShouldBe(1);
        bad.GetProperty("errors").GetProperty("Phone")[0].GetString()!.ShouldNotBeEmpty();

        // Making the member head demotes the previous head.
        var promoted = await (await admin.PutJson($"/api/v1/residents/{memberId}", new { name = "刘小洋", phone = "13711112222", isHead = true, version = 0 })).ShouldBe(HttpStatusCode.OK);
        promoted.GetProperty("isHead").GetBoolean().ShouldBeTrue();
        promoted.GetProperty("phone").GetString().ShouldBe("137****2222");
        (await (await admin.PutJson($"/api/v1/residents/{memberId}", new { name = "刘小洋", isHead = true, version = 0 })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("concurrency");
        // No phone in the edit keeps it (forms never echo the number back); "" removes it.
        var kept = await (await admin.PutJson($"/api/v1/residents/{memberId}", new { name = "刘晓洋", isHead = true, version = 1 })).ShouldBe(HttpStatusCode.OK);
        kept.GetProperty("phone").GetString().ShouldBe("137****2222");
        var cleared = await (await admin.PutJson($"/api/v1/residents/{memberId}", new { name = "刘晓洋", phone = "", isHead = true, version = 2 })).ShouldBe(HttpStatusCode.OK);
        cleared.GetProperty("hasPhone").GetBoolean().ShouldBeFalse();
        cleared.GetProperty("version").GetInt32().ShouldBe(3);
        var detail = await (await admin.GetAsync($"/api/v1/households/{id}")).ShouldBe(HttpStatusCode.OK);
        var members = detail.GetProperty("members").EnumerateArray().ToList();
        members.Count(m => m.GetProperty("isHead").GetBoolean()).ShouldBe(1);
        members[0].GetProperty("id").GetGuid().ShouldBe(memberId);

        // The former head can now be removed; the household keeps the fact in its timeline.
        await (await admin.DeleteAsync($"/api/v1/residents/{headId}?version=1")).ShouldBe(HttpStatusCode.NoContent);
        await (await admin.DeleteAsync($"/api/v1/residents/{headId}?version=1")).ShouldBe(HttpStatusCode.NotFound);
        var renamed = await (await admin.PutJson($"/api/v1/households/{id}/house-number", new { houseNumber = "幸福里5号", version = 3 })).ShouldBe(HttpStatusCode.OK);
        renamed.GetProperty("houseNumber").GetString().ShouldBe("幸福里5号");
        await CreateAsync(admin, d["S1/C1/G1"].Id, "幸福里7号", "郑爽", null);
        (await (await admin.PutJson($"/api/v1/households/{id}/house-number", new { houseNumber = "幸福里7号", version = 4 })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("household.number_taken");
        (await (await admin.PutJson($"/api/v1/households/{id}/house-number", new { houseNumber = "幸福里9号", version = 0 })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("concurrency");

        detail = await (await admin.GetAsync($"/api/v1/households/{id}")).ShouldBe(HttpStatusCode.OK);
        var actions = detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()).ToList();
        actions.ShouldContain("household.head_changed");
        actions.ShouldContain("resident.removed");
        actions.ShouldContain("resident.updated");
        actions.ShouldContain("household.number_changed");

        var audit = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.AsNoTracking().ToListAsync());
        foreach (var entry in audit)
            foreach (var text in new[] { entry.From, entry.To, entry.Note })
                foreach (var personal in new[] { "刘洋", "刘小洋", "刘晓洋", "13600001234", "13711112222", "郑爽" })
                    (text ?? "").ShouldNotContain(personal);
    }

    [Fact]
    public async Task Revealing_a_phone_needs_a_reason_and_is_audited_with_it()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var (_, headId) = await CreateAsync(admin, d["S1/C1/G1"].Id, "东街2号", "孙丽", "15900002222");
        var secretary = await d.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var before = await AuditCountAsync(d.Id);

        var problem = await (await secretary.PostJson($"/api/v1/residents/{headId}/reveal-phone", new { reason = "" })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("Reason")[0].GetString().ShouldBe("此项为必填。");
        problem = await (await secretary.PostJson($"/api/v1/residents/{headId}/reveal-phone", new { reason = " 查 " })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("Reason")[0].GetString().ShouldBe("请写明查看原因（至少 2 个字）。");
        await (await secretary.PostJson($"/api/v1/residents/{headId}/reveal-phone", new { })).ShouldBe(HttpStatusCode.BadRequest);
        (await AuditCountAsync(d.Id)).ShouldBe(before);

        var revealed = await (await secretary.PostJson($"/api/v1/residents/{headId}/reveal-phone", new { reason = "联系换届选举事宜" })).ShouldBe(HttpStatusCode.OK);
        revealed.GetProperty("phone").GetString().ShouldBe("15900002222");
        var entry = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == "resident.phone_revealed"));
        entry.EntityType.ShouldBe("resident");
        entry.EntityId.ShouldBe(headId);
        entry.Note.ShouldBe("联系换届选举事宜");
        entry.ActorId.ShouldNotBeNull();
        await (await secretary.PostJson($"/api/v1/residents/{Guid.NewGuid()}/reveal-phone", new { reason = "核实" })).ShouldBe(HttpStatusCode.NotFound);
    }

    internal static async Task<(Guid Household, Guid Head)> CreateAsync(HttpClient client, Guid groupId, string houseNumber, string head, string? phone)
    {
        var created = await (await client.PostJson("/api/v1/households", new { groupId, houseNumber, headName = head, headPhone = phone })).ShouldBe(HttpStatusCode.Created);
        return (created.GetProperty("id").GetGuid(), created.GetProperty("headId").GetGuid());
    }

    private Task<int> AuditCountAsync(Guid districtId)
        => app.InScopeAsync(districtId, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.CountAsync());

    private Task<int> HouseholdCountAsync(Guid districtId)
        => app.InScopeAsync(districtId, sp => sp.GetRequiredService<YishiDbContext>().Households.CountAsync());
}

public sealed class HouseholdTests_Sqlite(SqliteApp app) : HouseholdTests(app), IClassFixture<SqliteApp>;

public sealed class HouseholdTests_Postgres(PostgresApp app) : HouseholdTests(app), IClassFixture<PostgresApp>;
