using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Demands.Domain;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Demo;

namespace Yishi.IntegrationTests.Demands;

/// <summary>The demo district's year of demands, as seeded at start-up: spread, rates, open and overdue work, common issues, timelines.</summary>
public abstract class DemoDemandsTests(YishiApp app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static Task<Guid> DistrictIdAsync(YishiApp app) => app.InScopeAsync(null, sp => sp.GetRequiredService<YishiDbContext>().Areas
        .IgnoreQueryFilters().Where(a => a.Level == AreaLevel.District).Select(a => a.Id).SingleAsync(Ct));

    private async Task<T> InDistrictAsync<T>(Func<YishiDbContext, Task<T>> work)
    {
        var districtId = await DistrictIdAsync(app);
        return await app.InScopeAsync(districtId, sp => work(sp.GetRequiredService<YishiDbContext>()));
    }

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Demo_demands_cover_a_year_of_every_community_channel_ownership_and_category()
    {
        var demands = await InDistrictAsync(db => db.Set<Demand>().AsNoTracking().ToListAsync(Ct));
        demands.Count.ShouldBeInRange(2700, 3300);
        demands.ShouldAllBe(d => d.CreatedAt <= Now && d.CreatedAt > Now.AddDays(-366));
        demands.Select(d => d.Channel).Distinct().ShouldBe(Enum.GetValues<Channel>(), ignoreOrder: true);
        demands.Where(d => d.Ownership != null).Select(d => d.Ownership!.Value).Distinct().ShouldBe(Enum.GetValues<Ownership>(), ignoreOrder: true);
        demands.Where(d => d.ContentCategory != null).Select(d => d.ContentCategory!.Value).Distinct().ShouldBe(Enum.GetValues<ContentCategory>(), ignoreOrder: true);
        demands.Where(d => d.MustDeliberate != null).Select(d => d.MustDeliberate!.Value).Distinct().Count().ShouldBeGreaterThanOrEqualTo(8);
        demands.Select(d => d.Level).Distinct().ShouldBe(Enum.GetValues<HandlingLevel>(), ignoreOrder: true);

        // Every community and most groups have some; every month of the year has some.
        var areas = await InDistrictAsync(db => db.Areas.AsNoTracking().ToListAsync(Ct));
        foreach (var community in areas.Where(a => a.Level == AreaLevel.Community))
            demands.Count(d => d.AreaPath.StartsWith(community.Path, StringComparison.Ordinal)).ShouldBeGreaterThan(60, community.Name);
        demands.Select(d => d.AreaId).Distinct().Count().ShouldBeGreaterThan(areas.Count(a => a.Level == AreaLevel.Group) * 9 / 10);
        demands.Select(d => (d.CreatedAt.Year * 12) + d.CreatedAt.Month).Distinct().Count().ShouldBeGreaterThanOrEqualTo(12);

        // About 8 % urgent; realistic, varied text; fake phones only; some reported by resident accounts.
        ((double)demands.Count(d => d.Urgent) / demands.Count).ShouldBeInRange(0.05, 0.11);
        demands.Select(d => d.Description).Distinct().Count().ShouldBeGreaterThan(demands.Count / 2);
        demands.ShouldAllBe(d => d.Description.Length >= 10 && d.Description.Length <= Demand.DescriptionMaxLength);
        demands.Where(d => d.ContactPhone != null).ShouldAllBe(d => d.ContactPhone!.StartsWith("1380000") || d.ContactPhone.StartsWith("1390000"));
        demands.Count(d => d.ReporterUserId != null).ShouldBeGreaterThan(20);
        demands.Select(d => d.TrackingCode).Distinct().Count().ShouldBe(demands.Count);
        demands.ShouldAllBe(d => TrackingCode.Normalise(d.TrackingCode) == d.TrackingCode);
    }

    [Fact]
    public async Task Completion_rate_through_the_stats_api_is_about_ninety_two_percent()
    {
        var admin = await app.SignInAsync("admin", DemoDistrictSeeder.Password);
        var stats = await (await admin.GetAsync("/api/v1/demands/stats")).ShouldBe(HttpStatusCode.OK);
        var overall = stats.GetProperty("overall");
        TestContext.Current.TestOutputHelper?.WriteLine(overall.ToString());
        TestContext.Current.TestOutputHelper?.WriteLine(stats.GetProperty("byStatus").ToString());
        overall.GetProperty("total").GetInt32().ShouldBeInRange(2650, 3300);
        overall.GetProperty("completionRate").GetDouble().ShouldBeInRange(88, 95);
        overall.GetProperty("satisfactionRate").GetDouble().ShouldBeInRange(85, 99);
        overall.GetProperty("responseRate").GetDouble().ShouldBeGreaterThan(95);
        stats.GetProperty("byMonth").GetArrayLength().ShouldBeGreaterThanOrEqualTo(12);
        stats.GetProperty("byOwnership").EnumerateObject().Count().ShouldBe(3);
        stats.GetProperty("byContent").EnumerateObject().Count().ShouldBe(5);
    }

    [Fact]
    public async Task The_last_weeks_have_new_triaged_in_progress_and_overdue_demands()
    {
        var demands = await InDistrictAsync(db => db.Set<Demand>().AsNoTracking().ToListAsync(Ct));
        var recent = demands.Where(d => d.CreatedAt > Now.AddDays(-21)).ToList();
        recent.Count(d => d.Status == DemandStatus.Submitted).ShouldBeGreaterThan(0);
        recent.Count(d => d.Status == DemandStatus.InProgress).ShouldBeGreaterThan(5);
        recent.Count(d => d.Status is DemandStatus.Handled or DemandStatus.Closed).ShouldBeGreaterThan(recent.Count / 3);
        demands.Count(d => d.Status == DemandStatus.AwaitingDeliberation).ShouldBeGreaterThan(0);
        demands.Count(d => d.Status == DemandStatus.Guidance).ShouldBeGreaterThan(0);
        demands.Count(d => d.Status == DemandStatus.Handled).ShouldBeGreaterThan(20);

        var admin = await app.SignInAsync("admin", DemoDistrictSeeder.Password);
        var overdue = await (await admin.GetAsync("/api/v1/demands?overdue=true&sort=Due&size=200")).ShouldBe(HttpStatusCode.OK);
        var items = overdue.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBeGreaterThanOrEqualTo(5);
        items.ShouldAllBe(i => i.GetProperty("overdue").GetBoolean());

        // The deadline sweep already did its work: no due timer is waiting to fire at start-up.
        (await InDistrictAsync(db => db.Set<DemandTimer>().CountAsync(t => t.FiredAt == null && t.DueAt <= Now, Ct))).ShouldBe(0);
        (await InDistrictAsync(db => db.Set<DemandTimer>().CountAsync(t => t.FiredAt == null, Ct))).ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task Common_issues_group_three_to_eight_demands_and_dissatisfied_demands_were_reopened_and_handled_again()
    {
        var (issues, members) = await InDistrictAsync(async db => (
            await db.Set<CommonIssue>().AsNoTracking().ToListAsync(Ct),
            await db.Set<Demand>().AsNoTracking().Where(d => d.CommonIssueId != null).ToListAsync(Ct)));
        issues.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var issue in issues)
        {
            members.Count(m => m.CommonIssueId == issue.Id).ShouldBeInRange(3, 8, issue.Title);
            members.ShouldContain(m => m.Id == issue.LeadDemandId);
        }
        members.Count(m => m.CloseReason == "随共性问题销号").ShouldBeGreaterThan(5);
        members.Count(m => m.IsOpen).ShouldBeGreaterThan(3);

        var admin = await app.SignInAsync("admin", DemoDistrictSeeder.Password);
        var view = await (await admin.GetAsync($"/api/v1/common-issues/{issues[0].Id}")).ShouldBe(HttpStatusCode.OK);
        view.GetProperty("members").GetArrayLength().ShouldBeGreaterThanOrEqualTo(3);

        var reopened = await InDistrictAsync(async db => await db.Set<Demand>().AsNoTracking()
            .Where(d => d.ReopenCount > 0 && db.AuditEntries.Any(a => a.EntityId == d.Id && a.Action == "demand.rated_dissatisfied"))
            .ToListAsync(Ct));
        reopened.Count.ShouldBeGreaterThanOrEqualTo(10);
        reopened.Count(d => d.Status is DemandStatus.Handled or DemandStatus.Closed).ShouldBeGreaterThan(reopened.Count / 2);
        var ratings = await InDistrictAsync(db => db.Set<Demand>().Where(d => d.Satisfaction != null).GroupBy(d => d.Satisfaction)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, Ct));
        ratings[Satisfaction.Satisfied].ShouldBeGreaterThan(ratings[Satisfaction.BasicallySatisfied]);
        ratings.GetValueOrDefault(Satisfaction.Dissatisfied).ShouldBeLessThan(ratings[Satisfaction.BasicallySatisfied]);
    }

    [Fact]
    public async Task Ledger_search_for_leaks_finds_a_realistic_subset()
    {
        var admin = await app.SignInAsync("admin", DemoDistrictSeeder.Password);
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync("/api/v1/demands?size=200&q=" + Uri.EscapeDataString("漏水") + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))))
                .ShouldBe(HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            items.ShouldAllBe(i => i.GetProperty("description").GetString()!.Contains("漏水"));
            count += items.Count;
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);
        TestContext.Current.TestOutputHelper?.WriteLine($"漏水: {count}");
        count.ShouldBeInRange(60, 500);
        count.ShouldBe(await InDistrictAsync(db => db.Set<Demand>().CountAsync(d => d.Description.Contains("漏水"), Ct)));
    }

    [Fact]
    public async Task A_department_officer_sees_demands_in_their_inbox_and_ledger()
    {
        var officer = await app.SignInAsync("dept-zhujian", DemoDistrictSeeder.Password);
        var inbox = await (await officer.GetAsync("/api/v1/demands/inbox")).ShouldBe(HttpStatusCode.OK);
        inbox.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        inbox.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("level").GetString() == "Department");

        var unit = await InDistrictAsync(db => db.Set<HandlingUnit>().AsNoTracking().SingleAsync(u => u.Name == "住建局", Ct));
        var ledger = await (await officer.GetAsync("/api/v1/demands?size=200")).ShouldBe(HttpStatusCode.OK);
        var rows = ledger.GetProperty("items").EnumerateArray().ToList();
        rows.Count.ShouldBeGreaterThan(10);
        rows.ShouldAllBe(r => r.GetProperty("unitId").GetGuid() == unit.Id);
        (await InDistrictAsync(db => db.Set<HandlingUnit>().CountAsync(Ct))).ShouldBe(DemoDirectory.Departments.Length);
        (await InDistrictAsync(db => db.Set<UnitMember>().CountAsync(Ct))).ShouldBeGreaterThanOrEqualTo(DemoDirectory.Departments.Length);
        (await InDistrictAsync(db => db.Set<DeadlineRule>().CountAsync(Ct))).ShouldBe(8);
        (await InDistrictAsync(db => db.Set<TriageRule>().CountAsync(Ct))).ShouldBe(TriageSuggester.Defaults.Length);
    }

    [Fact]
    public async Task Every_timeline_starts_with_the_submission_and_chains_to_the_current_state()
    {
        var (demands, entries) = await InDistrictAsync(async db => (
            await db.Set<Demand>().AsNoTracking().ToListAsync(Ct),
            await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "demand").ToListAsync(Ct)));
        var timelines = entries.ToLookup(e => e.EntityId);
        foreach (var d in demands)
        {
            var timeline = timelines[d.Id].OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
            timeline[0].Action.ShouldBe("demand.submitted");
            // The audit chain keeps times to the microsecond (what PostgreSQL stores), SQLite keeps the demand's ticks.
            timeline[0].At.ShouldBe(d.CreatedAt.AddTicks(-(d.CreatedAt.Ticks % 10)));
            timeline.ShouldAllBe(e => e.At <= Now);
            string state = $"{DemandStatus.Submitted}";
            foreach (var change in timeline.Where(e => e.From != null && e.To != null && e.Action != "demand.merged"))
            {
                change.From!.Split('@')[0].ShouldBe(state, $"{d.TrackingCode} {change.Action}");
                state = change.To!.Split('@')[0];
            }
            state.ShouldBe(d.Status.ToString(), d.TrackingCode);
            if (d.Status == DemandStatus.Closed) d.ClosedAt.ShouldNotBeNull();
            if (d.Status == DemandStatus.Handled) d.Reply.ShouldNotBeNullOrWhiteSpace();
        }

        // The resident's view of a closed demand, by its tracking code, without signing in.
        var closed = demands.First(d => d.Status == DemandStatus.Closed && d.ReopenCount > 0);
        var progress = await (await app.Anonymous().GetAsync($"/api/v1/demands/track/{closed.TrackingCode}")).ShouldBe(HttpStatusCode.OK);
        progress.GetProperty("timeline").GetArrayLength().ShouldBeGreaterThanOrEqualTo(4);
    }
}

public sealed class DemoDemandsTests_Sqlite(DemoSqliteApp app) : DemoDemandsTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoDemandsTests_Postgres(DemoPostgresApp app) : DemoDemandsTests(app), IClassFixture<DemoPostgresApp>;
