using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Accounts;

/// <summary>
/// The audit hash chain: audited actions leave a chain that verifies; tampering through raw SQL (a forged row,
/// an edit or a delete with the append-only trigger dropped) is found at the right link.
/// </summary>
public abstract class AuditChainTests(YishiApp app)
{
    private bool Pg => app.Provider == DatabaseSetup.Postgres;

    // EF stores Guid as upper-case TEXT on SQLite; raw parameters must match that representation.
    private object Key(Guid id) => Pg ? id : id.ToString().ToUpperInvariant();

    private static async Task<(TestDistrict D, HttpClient Admin, HttpClient Auditor)> AuditedDistrictAsync(YishiApp app, int areas = 3)
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        for (var i = 0; i < areas; i++)
        {
            await (await admin.PostJson("/api/v1/areas", new { parentId = d["S1"].Id, name = $"链社区{i}" })).ShouldBe(HttpStatusCode.Created);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        return (d, admin, await d.ClientAsync(Role.Auditor, "D"));
    }

    private Task<List<AuditEntry>> ChainAsync(Guid districtId) => app.InScopeAsync(districtId, sp =>
        sp.GetRequiredService<YishiDbContext>().AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());

    /// <summary>Runs <paramref name="sql"/> with the append-only trigger dropped, then puts the trigger back (one transaction).</summary>
    private Task WithoutTriggerAsync(Guid districtId, string sql, params object[] args) => app.InScopeAsync(districtId, async sp =>
    {
        var db = sp.GetRequiredService<YishiDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (Pg)
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_update_delete ON audit_entries");
            (await db.Database.ExecuteSqlRawAsync(sql, args)).ShouldBe(1);
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER audit_entries_no_update_delete BEFORE UPDATE OR DELETE ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()
                """);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_update");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_delete");
            (await db.Database.ExecuteSqlRawAsync(sql, args)).ShouldBe(1);
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END");
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END");
        }
        await tx.CommitAsync();
    });

    private static async Task<JsonElement> VerifyAsync(HttpClient client) => await (await client.GetAsync("/api/v1/audit/verify")).ShouldBe(HttpStatusCode.OK);

    private static void ShouldBeBrokenAt(JsonElement report, string problem, long sequence, Guid? entryId)
    {
        report.GetProperty("ok").GetBoolean().ShouldBeFalse();
        var b = report.GetProperty("break");
        b.GetProperty("problem").GetString().ShouldBe(problem);
        b.GetProperty("sequence").GetInt64().ShouldBe(sequence);
        if (entryId is { } id) b.GetProperty("entryId").GetGuid().ShouldBe(id);
    }

    [Fact]
    public async Task Audited_actions_form_a_numbered_hash_chain_that_verifies()
    {
        var (d, _, auditor) = await AuditedDistrictAsync(app, areas: 4);
        var chain = await ChainAsync(d.Id);
        chain.Count.ShouldBeGreaterThanOrEqualTo(4);
        chain.Select(a => a.Sequence).ShouldBe(Enumerable.Range(1, chain.Count).Select(i => (long)i));
        chain[0].PreviousHash.ShouldBe(AuditChain.Genesis);
        for (var i = 1; i < chain.Count; i++) chain[i].PreviousHash.ShouldBe(chain[i - 1].Hash);
        chain.ShouldAllBe(a => a.Hash == AuditChain.ComputeHash(a) && a.Hash.Length == 64);

        var report = await VerifyAsync(auditor);
        report.GetProperty("ok").GetBoolean().ShouldBeTrue();
        report.GetProperty("districtId").GetGuid().ShouldBe(d.Id);
        report.GetProperty("checked").GetInt64().ShouldBe(chain.Count);
        report.GetProperty("headSequence").GetInt64().ShouldBe(chain.Count);
        report.GetProperty("headHash").GetString().ShouldBe(chain[^1].Hash);
        report.GetProperty("break").ValueKind.ShouldBe(JsonValueKind.Null);

        // The audit trail shows each row's place and hash, so an anchored head can be looked up later.
        var listed = await (await auditor.GetAsync("/api/v1/audit")).ShouldBe(HttpStatusCode.OK);
        var byId = chain.ToDictionary(a => a.Id);
        foreach (var item in listed.GetProperty("items").EnumerateArray())
        {
            var row = byId[item.GetProperty("id").GetGuid()];
            item.GetProperty("sequence").GetInt64().ShouldBe(row.Sequence);
            item.GetProperty("hash").GetString().ShouldBe(row.Hash);
        }
    }

    [Fact]
    public async Task The_canonical_form_is_length_prefixed_and_covers_every_column()
    {
        var (d, _, _) = await AuditedDistrictAsync(app, areas: 1);
        var row = (await ChainAsync(d.Id))[^1];
        var lines = AuditChain.Canonical(row).Split('\n');
        lines[0].ShouldBe("yishi-audit-v1");
        lines.Length.ShouldBe(14);
        lines[1].ShouldBe($"36:{d.Id:D}");
        lines[2].ShouldBe($"{row.Sequence.ToString().Length}:{row.Sequence}");
        lines[3].ShouldBe($"64:{row.PreviousHash}");
        lines[5].ShouldBe($"27:{row.At:yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'}");
        lines[8].ShouldBe($"{row.Action.Length}:{row.Action}");
        // A name in Chinese counts UTF-8 bytes, not characters.
        lines[7].ShouldBe($"{System.Text.Encoding.UTF8.GetByteCount(row.ActorName)}:{row.ActorName}");
    }

    [Fact]
    public async Task A_forged_insert_is_found()
    {
        var (d, _, auditor) = await AuditedDistrictAsync(app);
        var chain = await ChainAsync(d.Id);
        var forged = Guid.CreateVersion7();
        await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Database.ExecuteSqlRawAsync("""
            INSERT INTO audit_entries ("Id", "DistrictId", "At", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "From", "To", "Note", "Sequence", "PreviousHash", "Hash")
            VALUES ({0}, {1}, {2}, NULL, 'admin', 'account.role_granted', 'account', {3}, NULL, 'DistrictAdmin@D', NULL, {4}, {5}, {6})
            """, Key(forged), Key(d.Id), app.Clock.GetUtcNow().UtcDateTime, Key(Guid.NewGuid()), chain[^1].Sequence + 1, chain[^1].Hash, new string('a', 64)));

        ShouldBeBrokenAt(await VerifyAsync(auditor), "hash_mismatch", chain[^1].Sequence + 1, forged);
    }

    [Fact]
    public async Task A_row_edited_with_the_trigger_dropped_is_found_and_the_trigger_still_guards_afterwards()
    {
        var (d, _, auditor) = await AuditedDistrictAsync(app);
        var chain = await ChainAsync(d.Id);
        var victim = chain[chain.Count / 2];
        await WithoutTriggerAsync(d.Id, "UPDATE audit_entries SET \"Note\" = 'nothing happened' WHERE \"Id\" = {0}", Key(victim.Id));

        ShouldBeBrokenAt(await VerifyAsync(auditor), "hash_mismatch", victim.Sequence, victim.Id);
        await Should.ThrowAsync<Exception>(() => app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Database
            .ExecuteSqlRawAsync("UPDATE audit_entries SET \"Note\" = 'again' WHERE \"Id\" = {0}", Key(victim.Id))));
    }

    [Fact]
    public async Task A_row_deleted_with_the_trigger_dropped_is_found_as_a_gap()
    {
        var (d, _, auditor) = await AuditedDistrictAsync(app);
        var chain = await ChainAsync(d.Id);
        var victim = chain[chain.Count / 2];
        await WithoutTriggerAsync(d.Id, "DELETE FROM audit_entries WHERE \"Id\" = {0}", Key(victim.Id));

        var next = chain[chain.Count / 2 + 1];
        var report = await VerifyAsync(auditor);
        ShouldBeBrokenAt(report, "gap", next.Sequence, next.Id);
        report.GetProperty("break").GetProperty("expectedSequence").GetInt64().ShouldBe(victim.Sequence);
    }

    [Fact]
    public async Task Deleting_the_newest_row_is_found_at_the_head()
    {
        var (d, _, auditor) = await AuditedDistrictAsync(app);
        var chain = await ChainAsync(d.Id);
        await WithoutTriggerAsync(d.Id, "DELETE FROM audit_entries WHERE \"Id\" = {0}", Key(chain[^1].Id));

        ShouldBeBrokenAt(await VerifyAsync(auditor), "head_mismatch", chain[^1].Sequence, null);
    }

    [Fact]
    public async Task Twenty_parallel_audited_writes_in_one_district_leave_a_valid_chain()
    {
        var (d, admin, auditor) = await AuditedDistrictAsync(app, areas: 0);
        var before = (await ChainAsync(d.Id)).Count;
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            admin.PostJson("/api/v1/areas", new { parentId = d[i % 2 == 0 ? "S1" : "S2"].Id, name = $"并发社区{i}" })));
        foreach (var r in responses) await r.ShouldBe(HttpStatusCode.Created);

        var chain = await ChainAsync(d.Id);
        chain.Count.ShouldBe(before + 20);
        chain.Count(a => a.Action == "area.created").ShouldBe(20);
        chain.Select(a => a.Sequence).ShouldBe(Enumerable.Range(1, chain.Count).Select(i => (long)i));
        var report = await VerifyAsync(auditor);
        report.GetProperty("ok").GetBoolean().ShouldBeTrue();
        report.GetProperty("checked").GetInt64().ShouldBe(chain.Count);
    }

    [Fact]
    public async Task Verifying_needs_VerifyAudit_at_the_district_and_checks_only_the_callers_district()
    {
        var (d, admin, auditor) = await AuditedDistrictAsync(app, areas: 1);
        var other = await TestDistrict.CreateAsync(app);

        await (await (await d.ClientAsync(Role.Resident, "S1/C1/G1")).GetAsync("/api/v1/audit/verify")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await d.ClientAsync(Role.CommunitySecretary, "S1/C1")).GetAsync("/api/v1/audit/verify")).ShouldBe(HttpStatusCode.Forbidden);
        // An auditor or admin below the district does not reach the district-wide chain.
        await (await (await d.ClientAsync(Role.Auditor, "S1")).GetAsync("/api/v1/audit/verify")).ShouldBe(HttpStatusCode.NotFound);
        await (await (await d.ClientAsync(Role.DistrictAdmin, "S2")).GetAsync("/api/v1/audit/verify")).ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().GetAsync("/api/v1/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await VerifyAsync(auditor)).GetProperty("districtId").GetGuid().ShouldBe(d.Id);
        (await VerifyAsync(admin)).GetProperty("ok").GetBoolean().ShouldBeTrue();
        (await VerifyAsync(await d.ClientAsync(Role.SystemAdmin, "D"))).GetProperty("ok").GetBoolean().ShouldBeTrue();
        // Another district's auditor checks their own chain, never this one.
        var theirs = await VerifyAsync(await other.ClientAsync(Role.Auditor, "D"));
        theirs.GetProperty("districtId").GetGuid().ShouldBe(other.Id);
        theirs.GetProperty("checked").GetInt64().ShouldBe((await ChainAsync(other.Id)).Count);
    }

    [Fact]
    public async Task The_page_shows_an_intact_chain_and_then_the_first_break_in_both_languages()
    {
        var (d, _, auditor) = await AuditedDistrictAsync(app);
        var parser = new HtmlParser();
        var before = await auditor.GetAsync("/audit/verify");
        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        var idle = parser.ParseDocument(await before.Content.ReadAsStringAsync());
        idle.QuerySelector("#audit-verify-run")!.TextContent.ShouldContain("校验审计链");
        idle.QuerySelector("#audit-verify-ok").ShouldBeNull();

        var ok = parser.ParseDocument(await (await auditor.GetAsync("/audit/verify?run=1")).Content.ReadAsStringAsync());
        ok.QuerySelector("#audit-verify-ok")!.TextContent.ShouldContain("审计链完好");
        var chain = await ChainAsync(d.Id);
        ok.QuerySelector("#audit-verify-head-hash")!.TextContent.ShouldBe(chain[^1].Hash);

        var victim = chain[1];
        await WithoutTriggerAsync(d.Id, "UPDATE audit_entries SET \"To\" = 'x' WHERE \"Id\" = {0}", Key(victim.Id));
        var broken = parser.ParseDocument(await (await auditor.GetAsync("/audit/verify?run=1")).Content.ReadAsStringAsync());
        broken.QuerySelector("#audit-verify-broken")!.GetAttribute("data-problem").ShouldBe("hash_mismatch");
        broken.QuerySelector("#audit-verify-broken")!.TextContent.ShouldContain("内容与它的哈希不符");
        broken.QuerySelector("#audit-verify-sequence")!.TextContent.ShouldBe(victim.Sequence.ToString());
        broken.QuerySelector("#audit-verify-entry")!.TextContent.ShouldBe(victim.Id.ToString());

        (await auditor.GetAsync("/culture?c=en&r=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var english = parser.ParseDocument(await (await auditor.GetAsync("/audit/verify?run=1")).Content.ReadAsStringAsync());
        english.QuerySelector("#audit-verify-broken")!.TextContent.ShouldContain("does not match its hash");

        // The audit viewer links to the check; a resident is sent to "denied".
        var viewer = parser.ParseDocument(await (await auditor.GetAsync("/audit")).Content.ReadAsStringAsync());
        viewer.QuerySelector("#audit-verify-link")!.GetAttribute("href").ShouldBe("/audit/verify");
        var resident = await d.ClientAsync(Role.Resident, "S1/C1/G1");
        var denied = await resident.GetAsync("/audit/verify?run=1");
        (denied.Headers.Location?.ToString() ?? denied.RequestMessage!.RequestUri!.ToString()).ShouldContain("/account/denied");
    }
}

public sealed class AuditChainTests_Sqlite(SqliteApp app) : AuditChainTests(app), IClassFixture<SqliteApp>;

public sealed class AuditChainTests_Postgres(PostgresApp app) : AuditChainTests(app), IClassFixture<PostgresApp>;
