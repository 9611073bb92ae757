using Microsoft.Playwright;
using Yishi.BrowserTests.Infrastructure;
using Yishi.Platform.People.Features.ImportRoster;

namespace Yishi.BrowserTests;

/// <summary>
/// An admin imports a roster into 文华社区 of the demo district: a file with a bad row is refused with the
/// error next to the row; the fixed file is imported and its households appear in the list.
/// House numbers are unique to this run, so the (growing) demo data does not matter.
/// </summary>
public sealed class RosterImportJourney(BrowserApp app)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static byte[] Roster(params string[][] rows)
    {
        using var stream = new MemoryStream();
        RosterFile.Write(stream, [RosterFile.Columns, .. rows]);
        return stream.ToArray();
    }

    /// <summary>What the phone's screen shows (a 120-row page is too tall to look at whole).</summary>
    private static async Task ViewportShotAsync(IPage page, string name)
        => await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotDir, name + ".png"), FullPage = false });

    private static async Task SignInAsync(IPage page, string returnUrl)
    {
        await page.GotoAsync($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#user-name", "admin");
        await page.FillAsync("#password", "Yishi@2026");
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync($"**{returnUrl}");
    }

    private static async Task UploadAsync(IPage page, byte[] file, string name)
    {
        var community = await page.Locator("#community option", new() { HasTextString = "文华社区" }).GetAttributeAsync("value");
        await page.SelectOptionAsync("#community", community!);
        await page.SetInputFilesAsync("#roster-file", new FilePayload { Name = name, MimeType = Xlsx, Buffer = file });
        await page.ClickAsync("#roster-upload-submit");
        await page.WaitForURLAsync("**/admin/households/import/*");
    }

    [Fact]
    public async Task Admin_imports_a_roster_after_fixing_the_bad_row()
    {
        var run = Guid.NewGuid().ToString("N")[..4];
        var page = await app.NewPageAsync();
        await SignInAsync(page, "/admin/households");
        await page.WaitForSelectorAsync("#households, #households-empty");
        await BrowserApp.ScreenshotAsync(page, "people-01-households");

        await page.ClickAsync("#import-link");
        await page.WaitForURLAsync("**/admin/households/import");
        await BrowserApp.ScreenshotAsync(page, "people-02-import-upload");

        string[][] good =
        [
            ["第一网格", $"导入测试{run}-1号", "欧阳明", "林小红、欧阳乐", "13800000001"],
            ["第一网格", $"导入测试{run}-2号", "陈静", "", ""],
            ["第二网格", $"导入测试{run}-3号", "马超", "马云飞,马小花", "13800000003"],
        ];
        var bad = good.Select(r => r.ToArray()).ToArray();
        bad[1][4] = "12345";
        await UploadAsync(page, Roster(bad), "文华社区花名册.xlsx");
        (await page.Locator("#error-count").InnerTextAsync()).ShouldContain("1 行有错误");
        (await page.Locator("#row-3 .row-errors").InnerTextAsync()).ShouldContain("不是有效的手机号");
        ((await page.Locator("#row-2").GetAttributeAsync("class")) ?? "").ShouldNotContain("table-danger");
        ((await page.Locator("#row-3").GetAttributeAsync("class")) ?? "").ShouldContain("table-danger");
        (await page.Locator("#commit-import").CountAsync()).ShouldBe(0);
        await BrowserApp.ScreenshotAsync(page, "people-03-preview-with-error");

        await page.ClickAsync("#only-errors");
        await page.WaitForURLAsync("**errors=1");
        (await page.Locator("#roster-rows tbody tr").CountAsync()).ShouldBe(1);

        await page.ClickAsync("#upload-again");
        await page.WaitForURLAsync("**/admin/households/import?communityId=*");
        await UploadAsync(page, Roster(good), "文华社区花名册.xlsx");
        (await page.Locator("#error-count").InnerTextAsync()).ShouldContain("全部正确");
        await BrowserApp.ScreenshotAsync(page, "people-04-preview-ok");

        await page.ClickAsync("#commit-import");
        await page.WaitForSelectorAsync("#import-done");
        (await page.Locator("#import-summary").InnerTextAsync()).ShouldContain("已导入 3 户、7 名居民");
        await BrowserApp.ScreenshotAsync(page, "people-05-imported");

        await page.ClickAsync("#view-households");
        await page.WaitForURLAsync("**/admin/households?areaId=*");
        await page.FillAsync("#q", $"导入测试{run}");
        await page.ClickAsync("#filter-submit");
        await page.WaitForURLAsync("**q=*");
        var list = await page.Locator("#households").InnerTextAsync();
        list.ShouldContain($"导入测试{run}-1号");
        list.ShouldContain($"导入测试{run}-3号");
        list.ShouldContain("138****0001");
        await BrowserApp.ScreenshotAsync(page, "people-06-imported-in-list");

        // The head's full number is shown only after giving a reason.
        await page.ClickAsync($"a.household-link:text('导入测试{run}-1号')");
        await page.WaitForSelectorAsync("#members");
        (await page.Locator("#members").InnerTextAsync()).ShouldContain("138****0001");
        await page.Locator(".reveal-form input[name='RevealInput.Reason']").First.FillAsync("核对花名册");
        await page.Locator(".reveal-form button[type=submit]").First.ClickAsync();
        await page.WaitForSelectorAsync("#members .text-success");
        (await page.Locator("#members").InnerTextAsync()).ShouldContain("13800000001");
        (await page.Locator("#timeline").InnerTextAsync()).ShouldContain("核对花名册");
        await BrowserApp.ScreenshotAsync(page, "people-07-household-revealed");
    }

    [Fact]
    public async Task Roster_preview_is_usable_on_a_phone()
    {
        var run = Guid.NewGuid().ToString("N")[..4];
        var page = await app.NewPageAsync(phone: true);
        await SignInAsync(page, "/admin/households/import");
        var rows = Enumerable.Range(1, 120)
            .Select(i => new[] { i % 2 == 0 ? "第一网格" : "第二网格", $"导入测试{run}-{i}号", "张伟", i % 3 == 0 ? "李娜、张小明" : "", i % 40 == 7 ? "1380000" : "" })
            .ToArray();
        await UploadAsync(page, Roster(rows), "大花名册.xlsx");
        (await page.Locator("#error-count").InnerTextAsync()).ShouldContain("3 行有错误");
        await ViewportShotAsync(page, "people-08-preview-phone");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        width.ShouldBeLessThanOrEqualTo(390);

        await page.ClickAsync("#only-errors");
        await page.WaitForURLAsync("**errors=1");
        (await page.Locator("#roster-rows tbody tr").CountAsync()).ShouldBe(3);
        await BrowserApp.ScreenshotAsync(page, "people-09-preview-errors-phone");
        await page.ClickAsync("#show-all-rows");
        await page.WaitForSelectorAsync("#only-errors");
    }

    [Fact]
    public async Task Admin_registers_a_household_and_edits_a_member()
    {
        var run = Guid.NewGuid().ToString("N")[..4];
        var page = await app.NewPageAsync();
        await SignInAsync(page, "/admin/households");
        await page.ClickAsync("#new-household");
        await page.WaitForURLAsync("**/admin/households/new");
        var group = await page.EvaluateAsync<string>(
            "() => { const o = [...document.querySelectorAll('#group option')]; const i = o.findIndex(x => x.textContent.includes('文华社区')); return o[i + 1].value; }");
        await page.SelectOptionAsync("#group", group);
        await page.FillAsync("#house-number", $"导入测试{run}-9号");
        await page.FillAsync("#head-name", "宋佳");
        await page.FillAsync("#head-phone", "1390000");
        await page.ClickAsync("#new-household-submit");
        await page.WaitForSelectorAsync(".field-error[data-field=HeadPhone]");
        (await page.InputValueAsync("#head-name")).ShouldBe("宋佳");
        await BrowserApp.ScreenshotAsync(page, "people-10-new-household-error");

        await page.FillAsync("#head-phone", "13900001111");
        await page.ClickAsync("#new-household-submit");
        await page.WaitForSelectorAsync("#members");
        (await page.Locator("#household-number").InnerTextAsync()).ShouldBe($"导入测试{run}-9号");
        (await page.Locator("#members").InnerTextAsync()).ShouldContain("139****1111");

        await page.FillAsync("#add-name", "宋小佳");
        await page.ClickAsync("#add-member-submit");
        await page.WaitForSelectorAsync("#members li:nth-child(2)");
        await page.Locator("#members li:nth-child(2) summary").ClickAsync();
        await BrowserApp.ScreenshotAsync(page, "people-11-household-edit");
        (await page.Locator("#timeline").InnerTextAsync()).ShouldContain("添加成员");
    }
}
