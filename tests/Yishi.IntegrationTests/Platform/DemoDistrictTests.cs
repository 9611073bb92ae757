using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Demands.Domain;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Demo;

namespace Yishi.IntegrationTests.Platform;

/// <summary>The demo district 和溪区 as seeded at start-up: its shape, its people, idempotence and determinism.</summary>
public abstract class DemoDistrictTests(YishiApp app, Func<YishiApp> freshApp)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static Task<Guid> DistrictIdAsync(YishiApp app) => app.InScopeAsync(null, sp => sp.GetRequiredService<YishiDbContext>().Areas
        .IgnoreQueryFilters().Where(a => a.Level == AreaLevel.District).Select(a => a.Id).SingleAsync(Ct));

    [Fact]
    public async Task Demo_district_has_three_streets_twelve_communities_and_four_to_eight_groups_each()
    {
        var districtId = await DistrictIdAsync(app);
        await app.InScopeAsync(districtId, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var areas = await db.Areas.AsNoTracking().ToListAsync(Ct);
            areas.Single(a => a.Level == AreaLevel.District).Name.ShouldBe("和溪区");
            areas.Count(a => a.Level == AreaLevel.Street).ShouldBe(3);
            var communities = areas.Where(a => a.Level == AreaLevel.Community).ToList();
            communities.Count.ShouldBe(12);
            foreach (var community in communities)
                areas.Count(a => a.ParentId == community.Id).ShouldBeInRange(4, 8, community.Name);
            areas.ShouldAllBe(a => a.RetiredAt == null);
        });
    }

    [Fact]
    public async Task Demo_households_are_about_two_thousand_each_with_exactly_one_head()
    {
        var districtId = await DistrictIdAsync(app);
        await app.InScopeAsync(districtId, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var households = await db.Households.CountAsync(Ct);
            households.ShouldBeInRange(1800, 2200);
            var sizes = await db.Residents.GroupBy(r => r.HouseholdId)
                .Select(g => new { Members = g.Count(), Heads = g.Count(r => r.IsHead) }).ToListAsync(Ct);
            sizes.Count.ShouldBe(households);
            sizes.ShouldAllBe(s => s.Heads == 1 && s.Members >= 1 && s.Members <= 5);
            (await db.Residents.Where(r => r.IsHead).AllAsync(r => r.Phone != null, Ct)).ShouldBeTrue();
            var phones = await db.Residents.Where(r => r.Phone != null).Select(r => r.Phone!).ToListAsync(Ct);
            phones.ShouldAllBe(p => p.Length == 11 && (p.StartsWith("1380000") || p.StartsWith("1390000")));
            phones.Distinct().Count().ShouldBe(phones.Count);

            // Every household sits in a group, with a number of the kind its community uses.
            var groups = await db.Areas.Where(a => a.Level == AreaLevel.Group).Select(a => a.Id).ToListAsync(Ct);
            (await db.Households.Select(h => h.AreaId).Distinct().ToListAsync(Ct)).ShouldBeSubsetOf(groups);
            (await db.Households.AnyAsync(h => h.HouseNumber.StartsWith("石门村") && h.HouseNumber.EndsWith("号"), Ct)).ShouldBeTrue();
            (await db.Households.AnyAsync(h => h.HouseNumber.Contains("栋") && h.HouseNumber.Contains("单元"), Ct)).ShouldBeTrue();
        });
    }

    [Fact]
    public async Task Demo_officials_hold_every_role_and_every_group_has_a_grid_worker()
    {
        var districtId = await DistrictIdAsync(app);
        await app.InScopeAsync(districtId, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var held = await db.RoleAssignments.Where(r => r.RevokedAt == null).Select(r => r.Role).Distinct().ToListAsync(Ct);
            held.ShouldBe(Enum.GetValues<Role>(), ignoreOrder: true);

            var groups = await db.Areas.Where(a => a.Level == AreaLevel.Group).Select(a => a.Id).ToListAsync(Ct);
            var gridded = await db.RoleAssignments.Where(r => r.Role == Role.GridWorker).Select(r => r.AreaId).Distinct().ToListAsync(Ct);
            groups.ShouldBeSubsetOf(gridded);
            var communities = await db.Areas.Where(a => a.Level == AreaLevel.Community).Select(a => a.Id).ToListAsync(Ct);
            var secretaries = await db.RoleAssignments.Where(r => r.Role == Role.CommunitySecretary).Select(r => r.AreaId).ToListAsync(Ct);
            secretaries.ShouldBe(communities, ignoreOrder: true);

            var users = await db.Users.Where(u => u.DistrictId == districtId).ToListAsync(Ct);
            users.Count.ShouldBeInRange(250, 400);
            users.Select(u => u.UserName).ShouldContain("sec-wenhua");
            users.Select(u => u.UserName).ShouldContain("grid-shimen-1");
            var residentAccounts = users.Where(u => u.Kind == AccountKind.Resident).ToList();
            residentAccounts.Count.ShouldBeInRange(15, 25);
            residentAccounts.ShouldAllBe(u => u.ResidentId != null && u.UserName == u.PhoneNumber);
        });
    }

    [Fact]
    public async Task Demo_accounts_sign_in_with_the_demo_password()
    {
        // The accounts named in README.md's "Demo accounts" (a resident's user name is the head's phone).
        foreach (var userName in new[] { "admin", "street-nanen", "sec-wenhua", "grid-wenhua-1", "dept-zhujian", "wg-guihucun", "vol-shimen-1-1", "13900004604" })
        {
            var client = await app.SignInAsync(userName, DemoDistrictSeeder.Password);
            await (await client.GetAsync("/api/v1/areas")).ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task The_demo_audit_chain_verifies()
    {
        // Seeding writes tens of thousands of audit rows (a year of demands, meetings …): they form one intact chain.
        var client = await app.SignInAsync("admin", DemoDistrictSeeder.Password);
        var report = await (await client.GetAsync("/api/v1/audit/verify")).ShouldBe(HttpStatusCode.OK);
        report.GetProperty("ok").GetBoolean().ShouldBeTrue();
        var districtId = await DistrictIdAsync(app);
        var rows = await app.InScopeAsync(districtId, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.LongCountAsync(Ct));
        report.GetProperty("checked").GetInt64().ShouldBe(rows);
        report.GetProperty("headSequence").GetInt64().ShouldBe(rows);
        rows.ShouldBeGreaterThan(Yishi.Platform.Accounts.Features.AuditViewer.VerifyAuditChain.Batch);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        var districtId = await DistrictIdAsync(app);
        var before = await CountsAsync(app, districtId);
        await app.InScopeAsync(null, sp => DemoSeeding.RunAsync(sp, Ct));
        (await CountsAsync(app, districtId)).ShouldBe(before);
    }

    [Fact]
    public async Task Two_fresh_databases_get_the_same_district()
    {
        await using var other = freshApp();
        var started = Stopwatch.StartNew();
        await other.InitializeAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"{app.Provider}: migrations + demo seeding took {started.Elapsed.TotalSeconds:0.0} s");

        var mine = await SnapshotAsync(app);
        var theirs = await SnapshotAsync(other);
        theirs.Households.Count.ShouldBe(mine.Households.Count);
        theirs.Households.ShouldBe(mine.Households);
        theirs.Users.ShouldBe(mine.Users);
        theirs.Demands.Count.ShouldBe(mine.Demands.Count);
        theirs.Demands.ShouldBe(mine.Demands);
    }

    private static async Task<int[]> CountsAsync(YishiApp app, Guid districtId) => await app.InScopeAsync(districtId, async sp =>
    {
        var db = sp.GetRequiredService<YishiDbContext>();
        return new[]
        {
            await db.Areas.IgnoreQueryFilters().CountAsync(Ct),
            await db.Households.CountAsync(Ct),
            await db.Residents.CountAsync(Ct),
            await db.Users.CountAsync(Ct),
            await db.RoleAssignments.CountAsync(Ct),
            await db.AuditEntries.CountAsync(Ct),
        };
    });

    private sealed record Snapshot(List<string> Households, List<string> Users, List<string> Demands);

    /// <summary>Everything but ids and password hashes, in a stable order: group trail, house number, members; user names, names, roles.</summary>
    private static async Task<Snapshot> SnapshotAsync(YishiApp app)
    {
        var districtId = await DistrictIdAsync(app);
        return await app.InScopeAsync(districtId, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, Ct);
            string Trail(Guid id) => areas[id].ParentId is { } p ? Trail(p) + "/" + areas[id].Name : areas[id].Name;
            var residents = (await db.Residents.AsNoTracking().ToListAsync(Ct)).ToLookup(r => r.HouseholdId);
            var households = (await db.Households.AsNoTracking().ToListAsync(Ct))
                .Select(h => $"{Trail(h.AreaId)} {h.HouseNumber}: " + string.Join(",", residents[h.Id]
                    .OrderByDescending(r => r.IsHead).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Phone, StringComparer.Ordinal)
                    .Select(r => $"{r.Name}{(r.IsHead ? "*" : "")}{r.Phone}")))
                .Order(StringComparer.Ordinal).ToList();
            var roles = (await db.RoleAssignments.AsNoTracking().ToListAsync(Ct)).ToLookup(r => r.UserId);
            var users = (await db.Users.AsNoTracking().Where(u => u.DistrictId == districtId).ToListAsync(Ct))
                .Select(u => $"{u.UserName} {u.DisplayName} {u.Kind} " + string.Join(",", roles[u.Id].Select(r => $"{r.Role}@{Trail(r.AreaId)}").Order(StringComparer.Ordinal)))
                .Order(StringComparer.Ordinal).ToList();
            var demands = (await db.Set<Demand>().AsNoTracking().ToListAsync(Ct))
                .Select(d => $"{d.TrackingCode} {Trail(d.AreaId)} {d.Channel} {d.Status}@{d.Level} {d.Ownership} {d.CreatedAt:O} {d.ContactPhone} {d.Description} | {d.Reply}")
                .Order(StringComparer.Ordinal).ToList();
            return new Snapshot(households, users, demands);
        });
    }
}

public sealed class DemoDistrictTests_Sqlite(DemoSqliteApp app)
    : DemoDistrictTests(app, () => new DemoSqliteApp()), IClassFixture<DemoSqliteApp>;

public sealed class DemoDistrictTests_Postgres(DemoPostgresApp app, PostgresServer postgres)
    : DemoDistrictTests(app, () => new DemoPostgresApp(postgres)), IClassFixture<DemoPostgresApp>;
