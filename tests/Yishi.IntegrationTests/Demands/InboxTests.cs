using System.Net;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.IntegrationTests.Demands;

/// <summary>The inbox of a cadre with many open demands: views with counts, search, keyset pages, scope.</summary>
public abstract class InboxTests(YishiApp app)
{
    [Fact]
    public async Task A_long_inbox_is_paged_urgent_first_and_filtered_by_view_and_search()
    {
        var w = await DemandWorld.CreateAsync(app);
        var codes = new List<string>();
        for (var i = 0; i < 7; i++) codes.Add((await w.SubmitAsync(text: $"第{i}号楼路灯不亮，晚上出行不便")).Code);
        var (_, urgentCode) = await w.SubmitAsync(urgent: true, text: "三单元燃气泄漏味道很重，请马上处理");
        var (_, otherCommunity) = await w.SubmitAsync(area: "S1/C2/G1", text: "隔壁社区的路灯也坏了");
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");

        // Pages of 3: urgent first, every open demand exactly once, nothing from the sibling community.
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await secretary.GetAsync($"/api/v1/demands/inbox?size=3{(cursor is null ? "" : "&cursor=" + cursor)}")).ShouldBe(HttpStatusCode.OK);
            page.GetProperty("total").GetInt32().ShouldBe(8);
            page.GetProperty("urgent").GetInt32().ShouldBe(1);
            page.GetProperty("new").GetInt32().ShouldBe(8);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trackingCode").GetString()!));
            cursor = page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);
        pages.ShouldBe(3);
        seen[0].ShouldBe(urgentCode);
        seen.ShouldBe([urgentCode, .. codes], ignoreOrder: true);
        seen.ShouldNotContain(otherCommunity);

        var urgent = await (await secretary.GetAsync("/api/v1/demands/inbox?view=Urgent")).ShouldBe(HttpStatusCode.OK);
        urgent.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trackingCode").GetString()).ShouldBe([urgentCode]);

        // Two Chinese characters find the matching demands; a tracking code finds its demand.
        var gas = await (await secretary.GetAsync($"/api/v1/demands/inbox?q={Uri.EscapeDataString("燃气")}")).ShouldBe(HttpStatusCode.OK);
        gas.GetProperty("items").GetArrayLength().ShouldBe(1);
        gas.GetProperty("total").GetInt32().ShouldBe(1);
        var byCode = await (await secretary.GetAsync($"/api/v1/demands/inbox?q={codes[3].ToLowerInvariant()}")).ShouldBe(HttpStatusCode.OK);
        byCode.GetProperty("items")[0].GetProperty("trackingCode").GetString().ShouldBe(codes[3]);

        // Three days later every acknowledge deadline has passed: all overdue.
        app.Clock.Advance(TimeSpan.FromDays(3));
        secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1"); // the idle session expired meanwhile
        var overdue = await (await secretary.GetAsync("/api/v1/demands/inbox?view=Overdue")).ShouldBe(HttpStatusCode.OK);
        overdue.GetProperty("overdue").GetInt32().ShouldBe(8);
        overdue.GetProperty("items").EnumerateArray().All(i => i.GetProperty("overdue").GetBoolean()).ShouldBeTrue();
    }

    [Fact]
    public async Task Handled_demands_reach_the_councils_review_list_once_the_review_is_due()
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, code) = await w.SubmitAsync();
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var d = await w.GetAsync(secretary, id);
        await (await secretary.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", route = "OnSpot", reply = "已当场更换灯泡", version = DemandWorld.Version(d) }))
            .ShouldBe(HttpStatusCode.OK);

        var council = await w.D.ClientAsync(Role.CouncilMember, "S1/C1");
        var early = await (await council.GetAsync("/api/v1/demands/inbox?view=Review")).ShouldBe(HttpStatusCode.OK);
        early.GetProperty("review").GetInt32().ShouldBe(0);

        app.Clock.Advance(TimeSpan.FromDays(8)); // the default review comes due seven days after handling
        council = await w.D.ClientAsync(Role.CouncilMember, "S1/C1");
        var due = await (await council.GetAsync("/api/v1/demands/inbox?view=Review")).ShouldBe(HttpStatusCode.OK);
        due.GetProperty("review").GetInt32().ShouldBe(1);
        due.GetProperty("items")[0].GetProperty("trackingCode").GetString().ShouldBe(code);

        // The sibling community's council does not see it; a street officer has no review list at all.
        var sibling = await w.D.ClientAsync(Role.CouncilMember, "S1/C2");
        (await (await sibling.GetAsync("/api/v1/demands/inbox?view=Review")).ShouldBe(HttpStatusCode.OK)).GetProperty("review").GetInt32().ShouldBe(0);
        var street = await w.D.ClientAsync(Role.StreetOfficer, "S1");
        var streetInbox = await (await street.GetAsync("/api/v1/demands/inbox?view=Review")).ShouldBe(HttpStatusCode.OK);
        streetInbox.GetProperty("review").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        streetInbox.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_forged_cursor_or_unknown_view_is_a_400_and_the_page_still_shows_the_inbox()
    {
        var w = await DemandWorld.CreateAsync(app);
        await w.SubmitAsync();
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        (await (await secretary.GetAsync("/api/v1/demands/inbox?cursor=bm9wZQ")).ShouldBe(HttpStatusCode.BadRequest)).ToString().ShouldContain("cursor");
        await (await secretary.GetAsync("/api/v1/demands/inbox?view=Everything")).ShouldBe(HttpStatusCode.BadRequest);

        var page = await secretary.GetAsync("/demands?cursor=bm9wZQ&view=nonsense");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"inbox-table\"");
        html.ShouldContain("id=\"form-errors\"");
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_residents_an_empty_inbox()
    {
        var w = await DemandWorld.CreateAsync(app);
        await w.SubmitAsync();
        (await app.Anonymous().GetAsync("/api/v1/demands/inbox")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var resident = await w.D.ClientAsync(Role.Resident, "S1/C1/G1");
        var inbox = await (await resident.GetAsync("/api/v1/demands/inbox")).ShouldBe(HttpStatusCode.OK);
        inbox.GetProperty("total").GetInt32().ShouldBe(0);
    }
}

public sealed class InboxTests_Sqlite(SqliteApp app) : InboxTests(app), IClassFixture<SqliteApp>;

public sealed class InboxTests_Postgres(PostgresApp app) : InboxTests(app), IClassFixture<PostgresApp>;
