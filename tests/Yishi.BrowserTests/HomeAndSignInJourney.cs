using Microsoft.Playwright;
using Yishi.BrowserTests.Infrastructure;

namespace Yishi.BrowserTests;

public sealed class HomeAndSignInJourney(BrowserApp app)
{
    [Fact]
    public async Task Visitor_sees_chinese_home_switches_to_english_and_back()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("议事");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("zh-CN");
        await BrowserApp.ScreenshotAsync(page, "01-home-zh");

        await page.ClickAsync("#lang-switch");
        await page.WaitForURLAsync("**/");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("Yishi");
        await BrowserApp.ScreenshotAsync(page, "02-home-en");
        await page.ClickAsync("#lang-switch");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("议事");
    }

    [Fact]
    public async Task Admin_signs_in_and_sees_the_workbench_with_roles()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#user-name", "admin");
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("#sign-in-submit");
        (await page.Locator("#form-errors").InnerTextAsync()).ShouldContain("用户名或密码不正确");
        (await page.InputValueAsync("#user-name")).ShouldBe("admin");
        await BrowserApp.ScreenshotAsync(page, "03-sign-in-error");

        await page.FillAsync("#password", "Yishi@2026");
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync("**/workbench");
        (await page.Locator("#my-roles").InnerTextAsync()).ShouldContain("区级管理员");
        (await page.Locator("#current-user").InnerTextAsync()).ShouldBe("王建国");
        await BrowserApp.ScreenshotAsync(page, "04-workbench");
    }

    [Fact]
    public async Task Workbench_is_usable_on_a_phone()
    {
        var page = await app.NewPageAsync(phone: true);
        await page.GotoAsync("/account/sign-in?ReturnUrl=%2Fworkbench");
        await page.FillAsync("#user-name", "admin");
        await page.FillAsync("#password", "Yishi@2026");
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync("**/workbench");
        await BrowserApp.ScreenshotAsync(page, "05-workbench-phone");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        width.ShouldBeLessThanOrEqualTo(390);
    }
}
