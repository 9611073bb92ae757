using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;

namespace Yishi.IntegrationTests.Platform;

/// <summary>The area tree pages (/admin/areas): scope, read-only views, and the static-SSR forms.</summary>
public abstract class AreaAdminPageTests(YishiApp app)
{
    private static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return new HtmlParser().ParseDocument(html);
    }

    private static List<Guid> TreeIds(IDocument page)
        => page.QuerySelectorAll("#area-tree li[data-area-id]").Select(li => Guid.Parse(li.GetAttribute("data-area-id")!)).ToList();

    /// <summary>Blazor marks each named form with a hidden _handler field; the layout's sign-out form has none.</summary>
    private static List<string> ActionForms(IDocument page)
        => page.QuerySelectorAll("form[method=post] input[name=_handler]").Select(i => i.GetAttribute("value")!).ToList();

    [Fact]
    public async Task Community_secretary_sees_only_their_communitys_groups()
    {
        var d = await TestDistrict.CreateAsync(app);
        var secretary = await d.ClientAsync(Role.CommunitySecretary, "S1/C1");

        var page = await PageAsync(secretary, "/admin/areas");
        TreeIds(page).ShouldBe([d["S1/C1"].Id, d["S1/C1/G1"].Id, d["S1/C1/G2"].Id]);
        page.QuerySelector("#area-tree")!.TextContent.ShouldNotContain("二社区");
        ActionForms(page).ShouldBeEmpty();

        // Outside the subtree the detail page is a 404, inside it is read-only.
        (await secretary.GetAsync($"/admin/areas/{d["S1/C2"].Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await secretary.GetAsync($"/admin/areas/{d["S1"].Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var detail = await PageAsync(secretary, $"/admin/areas/{d["S1/C1"].Id}");
        detail.QuerySelector("#area-name")!.TextContent.ShouldBe("一社区");
        detail.QuerySelector("#read-only-note").ShouldNotBeNull();
        ActionForms(detail).ShouldBeEmpty();
    }

    [Fact]
    public async Task Grid_worker_sees_their_group_without_action_forms_and_the_admin_sees_the_forms()
    {
        var d = await TestDistrict.CreateAsync(app);
        var grid = await d.ClientAsync(Role.GridWorker, "S1/C1/G1");
        var tree = await PageAsync(grid, "/admin/areas");
        TreeIds(tree).ShouldBe([d["S1/C1/G1"].Id]);
        ActionForms(tree).ShouldBeEmpty();
        ActionForms(await PageAsync(grid, $"/admin/areas/{d["S1/C1/G1"].Id}")).ShouldBeEmpty();

        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        ActionForms(await PageAsync(admin, $"/admin/areas/{d["S1/C1/G1"].Id}")).ShouldBe(["area-rename", "area-move", "area-retire"], ignoreOrder: true);
        ActionForms(await PageAsync(admin, $"/admin/areas/{d["S1/C1"].Id}")).ShouldBe(["area-create", "area-rename", "area-move", "area-retire"], ignoreOrder: true);
    }

    [Fact]
    public async Task Tree_counts_sub_areas_and_households_and_hides_retired_areas_unless_asked()
    {
        var d = await TestDistrict.CreateAsync(app);
        await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            foreach (var (key, n) in new[] { ("S1/C1/G1", 3), ("S1/C1/G2", 2), ("S2/C3/G1", 4) })
                for (var i = 1; i <= n; i++) db.Households.Add(new Household(d.Id, d[key].Id, d[key].Path, $"{i}号", now));
            await db.SaveChangesAsync();
        });
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        await (await admin.PostJson($"/api/v1/areas/{d["S1/C2/G1"].Id}/retire", new { version = 0 })).ShouldBe(HttpStatusCode.OK);

        var page = await PageAsync(admin, "/admin/areas");
        string Counts(string key) => page.QuerySelector($"li[data-area-id='{d[key].Id}'] .area-counts")!.TextContent.Replace("\n", "").Replace(" ", "");
        Counts("D").ShouldBe("2个下级·9户");
        Counts("S1").ShouldBe("2个下级·5户");
        Counts("S1/C1").ShouldBe("2个下级·5户");
        Counts("S1/C2").ShouldBe("0个下级·0户");
        Counts("S1/C1/G2").ShouldBe("2户");
        TreeIds(page).ShouldNotContain(d["S1/C2/G1"].Id);

        page = await PageAsync(admin, "/admin/areas?retired=true");
        var retired = page.QuerySelector($"li[data-area-id='{d["S1/C2/G1"].Id}'] .area-row")!;
        retired.ClassList.ShouldContain("is-retired");
        retired.TextContent.ShouldContain("已撤销");
    }

    [Fact]
    public async Task Rename_form_without_an_antiforgery_token_changes_nothing()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        await PageAsync(admin, $"/admin/areas/{d["S1/C1/G1"].Id}"); // the antiforgery cookie is set, but the token is not sent

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "area-rename",
            ["Rename.Name"] = "被篡改的网格",
            ["Rename.Version"] = "0",
        });
        var response = await admin.PostAsync($"/admin/areas/{d["S1/C1/G1"].Id}", form);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var area = await d.ReloadAsync("S1/C1/G1");
        area.Name.ShouldBe("第一网格");
        area.Version.ShouldBe(0);
        var audited = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.AnyAsync(a => a.EntityId == area.Id));
        audited.ShouldBeFalse();
    }

    [Fact]
    public async Task Rename_form_renames_and_redirects_and_shows_a_taken_name_or_stale_version_next_to_the_form()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var url = $"/admin/areas/{d["S1/C1/G1"].Id}";

        async Task<HttpResponseMessage> PostRenameAsync(string name, int version)
        {
            var page = await PageAsync(admin, url);
            var token = page.QuerySelector("#rename-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "area-rename",
                ["__RequestVerificationToken"] = token,
                ["Rename.Name"] = name,
                ["Rename.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            return await admin.PostAsync(url, form);
        }

        var ok = await PostRenameAsync("第一网格（东）", 0);
        ((int)ok.StatusCode).ShouldBeInRange(300, 399);
        ok.Headers.Location!.ToString().ShouldEndWith($"{url}?done=renamed");
        (await d.ReloadAsync("S1/C1/G1")).Name.ShouldBe("第一网格（东）");
        (await PageAsync(admin, $"{url}?done=renamed")).QuerySelector("#done-message")!.TextContent.ShouldBe("名称已保存。");

        var taken = await PostRenameAsync("第二网格", 1);
        taken.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = new HtmlParser().ParseDocument(await taken.Content.ReadAsStringAsync());
        page.QuerySelector("#rename-form .field-error[data-field=Name]")!.TextContent.ShouldBe("同一上级下已有同名区域。");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#rename-name")!.Value.ShouldBe("第二网格");

        var stale = await PostRenameAsync("第一网格（西）", 0);
        page = new HtmlParser().ParseDocument(await stale.Content.ReadAsStringAsync());
        page.QuerySelector("#rename-form #form-errors")!.TextContent.ShouldContain("已被他人修改");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#rename-name")!.Value.ShouldBe("第一网格（西）");

        var area = await d.ReloadAsync("S1/C1/G1");
        area.Name.ShouldBe("第一网格（东）");
        area.Version.ShouldBe(1);
    }
}

public sealed class AreaAdminPageTests_Sqlite(SqliteApp app) : AreaAdminPageTests(app), IClassFixture<SqliteApp>;

public sealed class AreaAdminPageTests_Postgres(PostgresApp app) : AreaAdminPageTests(app), IClassFixture<PostgresApp>;
