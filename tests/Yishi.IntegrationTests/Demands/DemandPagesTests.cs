using System.Net;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.IntegrationTests.Demands;

/// <summary>Every demand page renders for the people who use it (no render-time crash), and refuses the others.</summary>
public abstract class DemandPagesTests(YishiApp app)
{
    [Fact]
    public async Task Cadre_pages_render_with_a_demand_in_scope()
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, code) = await w.SubmitAsync();
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        foreach (var url in new[] { "/demands", "/demands/new", $"/demands/{id}", $"/demands/{id}/print", "/demands/ledger", "/demands/ledger?q=漏水&status=Submitted", "/demands/stats" })
        {
            var response = await secretary.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("id=\"error-page\"", customMessage: url);
        }
        var stats = await (await secretary.GetAsync("/demands/stats")).Content.ReadAsStringAsync();
        stats.ShouldContain("data-chart=");
        (await (await secretary.GetAsync("/demands/ledger")).Content.ReadAsStringAsync()).ShouldContain(code);
    }

    [Fact]
    public async Task Demand_pages_speak_English_after_the_language_switch()
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, code) = await w.SubmitAsync();
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        (await secretary.GetAsync("/culture?c=en&r=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detail = await (await secretary.GetAsync($"/demands/{id}")).Content.ReadAsStringAsync();
        detail.ShouldContain("<html lang=\"en\"");
        detail.ShouldContain("Triage");
        detail.ShouldContain("How it is handled");
        detail.ShouldNotContain("三事分流");
        var inbox = await (await secretary.GetAsync("/demands")).Content.ReadAsStringAsync();
        inbox.ShouldContain("Demand inbox");
        inbox.ShouldContain("All open");

        var resident = app.Anonymous();
        await resident.GetAsync("/culture?c=en&r=%2F");
        var track = await (await resident.GetAsync($"/track/{code}")).Content.ReadAsStringAsync();
        track.ShouldContain("Track a demand");
        track.ShouldContain("Timeline");
    }

    [Fact]
    public async Task Resident_pages_render_for_anyone_and_cadre_pages_send_them_away()
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, code) = await w.SubmitAsync();
        var anonymous = app.Anonymous();
        foreach (var url in new[] { "/resident", "/resident/submit", "/track", $"/track/{code}", $"/track/{code}?new=true", "/track/YS-20990101-000001-ZZZZ" })
            (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        (await anonymous.GetAsync($"/demands/{id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Another community's cadre: the demand does not exist for them.
        var sibling = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C2");
        (await sibling.GetAsync($"/demands/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sibling.GetAsync($"/demands/{id}/print")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class DemandPagesTests_Sqlite(SqliteApp app) : DemandPagesTests(app), IClassFixture<SqliteApp>;

public sealed class DemandPagesTests_Postgres(PostgresApp app) : DemandPagesTests(app), IClassFixture<PostgresApp>;
