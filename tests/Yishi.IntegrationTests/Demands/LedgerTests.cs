using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Demands.Domain;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Demands;

public abstract class LedgerTests(YishiApp app)
{
    private static readonly string[] Texts = ["楼顶漏水", "路灯不亮", "垃圾没人清运", "停车占用消防通道", "楼上噪音扰民", "燃气没有接通"];

    /// <summary>Inserts <paramref name="count"/> demands directly (fast), spread over the given areas; every third handled, every fifth rated satisfied.</summary>
    private async Task SeedAsync(DemandWorld w, int count, params string[] areas)
    {
        await app.InScopeAsync(w.D.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var t0 = app.Clock.GetUtcNow().UtcDateTime.AddDays(-30);
            for (var i = 0; i < count; i++)
            {
                var area = w.D[areas[i % areas.Length]];
                var at = t0.AddMinutes(i);
                var d = new Demand(w.D.Id, area.Id, area.Path, $"YS-20261101-{i:000000}-TEST", $"{Texts[i % Texts.Length]}（第{i}条）", null, Channel.Hotline,
                    false, "13900001111", null, null, HandlingLevel.Community, at);
                d.AcknowledgeDueAt = at.AddDays(1);
                if (i % 3 == 0)
                {
                    d.Classify(Ownership.Community, false, ContentCategory.Development, null);
                    d.HandleOnSpot("已处理", at.AddHours(1));
                    if (i % 5 == 0) d.Rate(Satisfaction.Satisfied, null, at.AddHours(2), TimeSpan.FromDays(7), at);
                }
                d.SyncDue();
                db.Add(d);
            }
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Ledger_pages_through_everything_in_scope_once_and_nothing_outside()
    {
        var w = await DemandWorld.CreateAsync(app);
        await SeedAsync(w, 130, "S1/C1/G1", "S1/C1/G2", "S1/C2/G1");
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await secretary.GetAsync($"/api/v1/demands?size=50{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}")).ShouldBe(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("trackingCode").GetString()!));
            page.GetProperty("items").EnumerateArray().ShouldAllBe(r => r.GetProperty("contactPhoneMasked").GetString() == "139****1111");
            cursor = page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        while (cursor is not null);
        seen.Count.ShouldBe(87); // two of every three areas belong to C1
        seen.Distinct().Count().ShouldBe(87);
        seen.ShouldBe(seen.OrderByDescending(c => c, StringComparer.Ordinal).ToList());

        var grid = await w.D.ClientAsync(Role.GridWorker, "S1/C1/G2");
        var gridPage = await (await grid.GetAsync("/api/v1/demands?size=200")).ShouldBe(HttpStatusCode.OK);
        gridPage.GetProperty("items").GetArrayLength().ShouldBe(43);
        var officer = await w.OfficerAsync(w.Housing);
        var officerPage = await (await officer.GetAsync("/api/v1/demands")).ShouldBe(HttpStatusCode.OK);
        officerPage.GetProperty("items").GetArrayLength().ShouldBe(0);
        var resident = await w.D.ClientAsync(Role.Resident, "S1/C1/G1");
        (await resident.GetAsync("/api/v1/demands")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await secretary.GetAsync("/api/v1/demands?cursor=garbage")).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Two_character_chinese_search_and_filters_narrow_the_ledger()
    {
        var w = await DemandWorld.CreateAsync(app);
        await SeedAsync(w, 60, "S1/C1/G1");
        var admin = await w.D.ClientAsync(Role.DistrictAdmin, "D");
        var leaks = await (await admin.GetAsync("/api/v1/demands?q=" + Uri.EscapeDataString("漏水") + "&size=200")).ShouldBe(HttpStatusCode.OK);
        leaks.GetProperty("items").GetArrayLength().ShouldBe(10);
        leaks.GetProperty("items").EnumerateArray().ShouldAllBe(r => r.GetProperty("description").GetString()!.Contains("漏水"));
        var handled = await (await admin.GetAsync("/api/v1/demands?status=Handled&size=200")).ShouldBe(HttpStatusCode.OK);
        handled.GetProperty("items").GetArrayLength().ShouldBe(20);
        app.Clock.Advance(TimeSpan.FromDays(40));
        admin = await w.D.ClientAsync(Role.DistrictAdmin, "D"); // the old session has idled out meanwhile
        var overdue = await (await admin.GetAsync("/api/v1/demands?overdue=true&sort=Due&size=200")).ShouldBe(HttpStatusCode.OK);
        overdue.GetProperty("items").GetArrayLength().ShouldBe(40);
        var dues = overdue.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("dueAt").GetDateTime()).ToList();
        dues.ShouldBe(dues.Order().ToList());
        await (await admin.GetAsync("/api/v1/demands?status=Nonsense")).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Large_ledger_exports_to_xlsx_with_masked_phones_and_is_audited()
    {
        var w = await DemandWorld.CreateAsync(app);
        await SeedAsync(w, 5000, "S1/C1/G1", "S2/C3/G1");
        var admin = await w.D.ClientAsync(Role.DistrictAdmin, "D");
        var response = await admin.GetAsync("/api/v1/demands/export.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        rows.Count.ShouldBe(5001);
        string Cell(Row r, int i) => r.Elements<Cell>().ElementAt(i).InnerText;
        Cell(rows[0], 0).ShouldBe("追踪码");
        Cell(rows[1], 18).ShouldBe("139****1111");
        rows.Skip(1).Select(r => Cell(r, 0)).Distinct().Count().ShouldBe(5000);
        (await app.InScopeAsync(w.D.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.CountAsync(a => a.Action == "ledger.exported"))).ShouldBe(1);

        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S2/C3");
        var mine = await secretary.GetAsync("/api/v1/demands/export.xlsx");
        await using var s2 = new MemoryStream(await mine.Content.ReadAsByteArrayAsync());
        using var doc2 = SpreadsheetDocument.Open(s2, false);
        doc2.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count().ShouldBe(2501);
    }

    [Fact]
    public async Task Statistics_give_the_three_rates_by_month_and_sub_area()
    {
        var w = await DemandWorld.CreateAsync(app);
        await SeedAsync(w, 30, "S1/C1/G1", "S1/C2/G1");
        var admin = await w.D.ClientAsync(Role.DistrictAdmin, "D");
        var stats = await (await admin.GetAsync($"/api/v1/demands/stats?areaId={w.D["S1"].Id}")).ShouldBe(HttpStatusCode.OK);
        var overall = stats.GetProperty("overall");
        overall.GetProperty("total").GetInt32().ShouldBe(30);
        overall.GetProperty("completed").GetInt32().ShouldBe(10);
        overall.GetProperty("completionRate").GetDouble().ShouldBe(33.3);
        overall.GetProperty("rated").GetInt32().ShouldBe(2);
        overall.GetProperty("satisfactionRate").GetDouble().ShouldBe(100);
        stats.GetProperty("byChannel").GetProperty("Hotline").GetInt32().ShouldBe(30);
        var sub = stats.GetProperty("bySubArea").EnumerateArray().ToList();
        sub.Select(s => s.GetProperty("areaName").GetString()).ShouldBe(["一社区", "二社区"], ignoreOrder: true);
        sub.Sum(s => s.GetProperty("rates").GetProperty("total").GetInt32()).ShouldBe(30);
        await (await admin.GetAsync("/api/v1/demands/stats?from=2026-11-10&to=2026-11-01")).ShouldBe(HttpStatusCode.BadRequest);
    }
}

public sealed class LedgerTests_Sqlite(SqliteApp app) : LedgerTests(app), IClassFixture<SqliteApp>;

public sealed class LedgerTests_Postgres(PostgresApp app) : LedgerTests(app), IClassFixture<PostgresApp>;
