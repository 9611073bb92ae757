using Microsoft.Playwright;
using Yishi.BrowserTests.Infrastructure;

namespace Yishi.BrowserTests;

public sealed class AreaAdminJourney(BrowserApp app)
{
    private static async Task SignInAsync(IPage page, string userName, string returnUrl)
    {
        await page.GotoAsync($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#password", "Yishi@2026");
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync($"**{returnUrl}");
    }

    [Fact]
    public async Task Admin_adds_renames_moves_and_retires_a_group()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "admin", "/admin/areas");
        // The demo's 2,000 households, plus any another journey on the same app has registered meanwhile.
        var households = int.Parse(System.Text.RegularExpressions.Regex.Match(await page.Locator("#areas-summary").InnerTextAsync(), @"(\d+) 户").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        households.ShouldBeInRange(2000, 2100);
        (await page.Locator("#area-tree .area-row").CountAsync()).ShouldBeGreaterThan(15);
        await BrowserApp.ScreenshotAsync(page, "areas-01-tree");

        // A community: its groups, and a retire form that explains why it cannot be retired yet.
        await page.GetByRole(AriaRole.Link, new() { Name = "文华社区", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/areas/*");
        (await page.Locator("#area-name").InnerTextAsync()).ShouldBe("文华社区");
        (await page.Locator("#child-list").InnerTextAsync()).ShouldContain("第一网格");
        (await page.Locator("#retire-blocked").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("#retire-submit").IsDisabledAsync()).ShouldBeTrue();
        await BrowserApp.ScreenshotAsync(page, "areas-02-community");

        // Add a group.
        await page.FillAsync("#add-child-name", "第九网格");
        await page.ClickAsync("#add-child-submit");
        await page.WaitForURLAsync("**done=created");
        (await page.Locator("#area-name").InnerTextAsync()).ShouldBe("第九网格");
        (await page.Locator("#done-message").InnerTextAsync()).ShouldBe("区域已添加。");
        (await page.Locator("#area-trail").InnerTextAsync()).ShouldContain("文华社区");
        await BrowserApp.ScreenshotAsync(page, "areas-03-created");

        // Rename it.
        await page.FillAsync("#rename-name", "第九网格（滨江苑）");
        await page.ClickAsync("#rename-submit");
        await page.WaitForURLAsync("**done=renamed");
        (await page.Locator("#area-name").InnerTextAsync()).ShouldBe("第九网格（滨江苑）");
        (await page.Locator("#done-message").InnerTextAsync()).ShouldBe("名称已保存。");

        // A name its community already uses: the error sits under the field and the typed name stays.
        await page.FillAsync("#rename-name", "第一网格");
        await page.ClickAsync("#rename-submit");
        await page.Locator("#rename-form .field-error[data-field='Name']").WaitForAsync();
        (await page.Locator("#rename-form .field-error[data-field='Name']").InnerTextAsync()).ShouldBe("同一上级下已有同名区域。");
        (await page.InputValueAsync("#rename-name")).ShouldBe("第一网格");
        (await page.Locator("#area-name").InnerTextAsync()).ShouldBe("第九网格（滨江苑）");
        await BrowserApp.ScreenshotAsync(page, "areas-04-duplicate-name");

        // Move it to another community of the same street.
        await page.SelectOptionAsync("#move-parent", new SelectOptionValue { Label = "江城社区" });
        await page.ClickAsync("#move-submit");
        await page.WaitForURLAsync("**done=moved");
        (await page.Locator("#area-trail").InnerTextAsync()).ShouldContain("江城社区");
        (await page.Locator("#done-message").InnerTextAsync()).ShouldBe("区域已移动。");
        await BrowserApp.ScreenshotAsync(page, "areas-05-moved");

        // Retire it with a reason.
        await page.FillAsync("#retire-reason", "并入第一网格");
        await page.ClickAsync("#retire-submit");
        await page.WaitForURLAsync("**done=retired");
        (await page.Locator("#area-retired-badge").InnerTextAsync()).ShouldBe("已撤销");
        (await page.Locator("#retired-notice").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("#area-actions").CountAsync()).ShouldBe(0);
        await BrowserApp.ScreenshotAsync(page, "areas-06-retired");

        // The tree hides retired areas unless asked; then they are greyed with a badge.
        await page.ClickAsync("#back-to-tree");
        await page.WaitForURLAsync("**/admin/areas");
        (await page.Locator("#area-tree").InnerTextAsync()).ShouldNotContain("滨江苑");
        await page.CheckAsync("#show-retired");
        await page.ClickAsync("#tree-filter-apply");
        await page.WaitForURLAsync("**retired=true");
        await page.ClickAsync("#tree-expand");
        await page.WaitForURLAsync("**expand=true");
        var retiredRow = page.Locator("#area-tree .area-row.is-retired", new() { HasText = "第九网格（滨江苑）" });
        (await retiredRow.InnerTextAsync()).ShouldContain("已撤销");
        await BrowserApp.ScreenshotAsync(page, "areas-07-tree-with-retired");
    }

    [Fact]
    public async Task Area_pages_fit_a_phone()
    {
        var page = await app.NewPageAsync(phone: true);
        await SignInAsync(page, "admin", "/admin/areas");
        await page.GetByRole(AriaRole.Link, new() { Name = "南恩村", Exact = true }).WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, "areas-08-phone-tree");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

        await page.GetByRole(AriaRole.Link, new() { Name = "南恩村", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/areas/*");
        await BrowserApp.ScreenshotAsync(page, "areas-09-phone-community");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
    }

    [Fact]
    public async Task Grid_worker_sees_a_read_only_tree_of_their_group()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "grid-wenhua-1", "/admin/areas");
        (await page.Locator("#area-tree .area-row").CountAsync()).ShouldBe(1);
        await page.Locator("#area-tree a.area-name").ClickAsync();
        await page.WaitForURLAsync("**/admin/areas/*");
        (await page.Locator("#read-only-note").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("#area-actions").CountAsync()).ShouldBe(0);
        await BrowserApp.ScreenshotAsync(page, "areas-10-grid-worker");
    }
}
