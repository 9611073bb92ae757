using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Accounts;

public abstract class AuditTrailTests(YishiApp app)
{
    [Fact]
    public async Task The_auditor_reads_only_their_districts_entries_newest_first_page_by_page()
    {
        var d = await TestDistrict.CreateAsync(app);
        var other = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var otherAdmin = await other.ClientAsync(Role.DistrictAdmin, "D");
        // Several entries share a time (the clock stands still), others are minutes apart: paging must handle both.
        for (var i = 0; i < 4; i++)
        {
            await (await admin.PostJson("/api/v1/areas", new { parentId = d["S1"].Id, name = $"新社区{i}" })).ShouldBe(HttpStatusCode.Created);
            await (await admin.PostJson("/api/v1/areas", new { parentId = d["S2"].Id, name = $"新村{i}" })).ShouldBe(HttpStatusCode.Created);
            await (await otherAdmin.PostJson("/api/v1/areas", new { parentId = other["S1"].Id, name = $"别区社区{i}" })).ShouldBe(HttpStatusCode.Created);
            app.Clock.Advance(TimeSpan.FromMinutes(3));
        }
        var auditor = await d.ClientAsync(Role.Auditor, "D");
        var expected = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.Select(a => a.Id).ToListAsync());

        var seen = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await auditor.GetAsync($"/api/v1/audit?size=3{(cursor is null ? "" : $"&cursor={cursor}")}")).ShouldBe(HttpStatusCode.OK);
            page.GetProperty("items").GetArrayLength().ShouldBeLessThanOrEqualTo(3);
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("next").GetString();
            pages++;
        } while (cursor is not null && pages < 50);
        var ids = seen.Select(e => e.GetProperty("id").GetGuid()).ToList();
        ids.ShouldBe(expected, ignoreOrder: true);
        ids.Distinct().Count().ShouldBe(ids.Count);
        var times = seen.Select(e => e.GetProperty("at").GetDateTime()).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());

        var created = await (await auditor.GetAsync("/api/v1/audit?action=area.created")).ShouldBe(HttpStatusCode.OK);
        created.GetProperty("items").GetArrayLength().ShouldBe(8);
        var accountEntries = await (await auditor.GetAsync("/api/v1/audit?action=account.")).ShouldBe(HttpStatusCode.OK);
        accountEntries.GetProperty("items").EnumerateArray().ShouldAllBe(e => e.GetProperty("action").GetString()!.StartsWith("account.", StringComparison.Ordinal));
        var first = created.GetProperty("items").EnumerateArray().Last();
        var byEntity = await (await auditor.GetAsync($"/api/v1/audit?entityType=area&entityId={first.GetProperty("entityId").GetGuid()}")).ShouldBe(HttpStatusCode.OK);
        byEntity.GetProperty("items").GetArrayLength().ShouldBe(1);
        var byActor = await (await auditor.GetAsync($"/api/v1/audit?actor={first.GetProperty("actorId").GetGuid()}&action=area.created")).ShouldBe(HttpStatusCode.OK);
        byActor.GetProperty("items").GetArrayLength().ShouldBe(8);
        var start = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        var window = await (await auditor.GetAsync($"/api/v1/audit?action=area.created&from={Uri.EscapeDataString(first.GetProperty("at").GetString()!)}&to={Uri.EscapeDataString(first.GetProperty("at").GetDateTime().AddMinutes(4).ToString("O"))}")).ShouldBe(HttpStatusCode.OK);
        window.GetProperty("items").GetArrayLength().ShouldBe(4);
        start.ShouldBeLessThanOrEqualTo(app.Clock.GetUtcNow());

        await (await auditor.GetAsync("/api/v1/audit?cursor=garbage")).ShouldBe(HttpStatusCode.BadRequest);
        (await (await auditor.GetAsync("/api/v1/audit?from=yesterday")).ShouldBe(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("from").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Reading_the_audit_trail_needs_ReadAudit_at_the_district()
    {
        var d = await TestDistrict.CreateAsync(app);
        await (await (await d.ClientAsync(Role.DistrictAdmin, "D")).GetAsync("/api/v1/audit")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await d.ClientAsync(Role.Auditor, "S1")).GetAsync("/api/v1/audit")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await d.ClientAsync(Role.CommunitySecretary, "S1/C1")).GetAsync("/api/v1/audit")).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous().GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await (await d.ClientAsync(Role.SystemAdmin, "D")).GetAsync("/api/v1/audit")).ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class AuditTrailTests_Sqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTrailTests_Postgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;
