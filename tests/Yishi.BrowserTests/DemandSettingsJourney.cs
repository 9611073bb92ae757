using Microsoft.Playwright;
using Yishi.BrowserTests.Infrastructure;

namespace Yishi.BrowserTests;

public sealed class DemandSettingsJourney(BrowserApp app)
{
    private static async Task SignInAsync(IPage page, string returnUrl)
    {
        await page.GotoAsync($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#user-name", "admin");
        await page.FillAsync("#password", "Yishi@2026");
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync($"**{returnUrl}");
    }

    [Fact]
    public async Task Admin_edits_a_deadline_adds_a_triage_rule_and_staffs_a_new_unit()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "/admin/demand-settings");
        (await page.Locator("a[href='/admin/demand-settings']").CountAsync()).ShouldBeGreaterThan(0); // in the navigation
        (await page.InputValueAsync("#ack-government-urgent")).ShouldBe("2");
        (await page.InputValueAsync("#ack-government-urgent-unit")).ShouldBe("h");
        (await page.Locator("#deadlines-existing").InnerTextAsync()).ShouldContain("已在办理中的诉求保留原有的到期时间");
        await BrowserApp.ScreenshotAsync(page, "settings-01-overview");

        // Urgent government matters: acknowledged within 1 hour.
        await page.FillAsync("#ack-government-urgent", "1");
        await page.ClickAsync("#deadlines-save");
        await page.WaitForURLAsync("**done=deadlines");
        (await page.Locator("#done-message").InnerTextAsync()).ShouldBe("办理时限已保存");
        (await page.InputValueAsync("#ack-government-urgent")).ShouldBe("1");

        // A bad value: the message sits under the field and what was typed stays.
        await page.FillAsync("#resolve-community-normal", "0");
        await page.FillAsync("#ack-personal-normal", "两天");
        await page.ClickAsync("#deadlines-save");
        var error = page.Locator("#deadlines-form .field-error[data-field='Rules[4].ResolveMinutes']");
        await error.WaitForAsync();
        (await error.InnerTextAsync()).ShouldBe("时限须大于零");
        (await page.Locator("#deadlines-form .field-error[data-field='Rules[6].AcknowledgeMinutes']").InnerTextAsync()).ShouldBe("请输入整数");
        (await page.InputValueAsync("#resolve-community-normal")).ShouldBe("0");
        (await page.InputValueAsync("#ack-personal-normal")).ShouldBe("两天");
        await BrowserApp.ScreenshotAsync(page, "settings-02-field-error");

        // Triage keywords: the district starts on the built-in rules; load them, then add one of its own.
        await page.GotoAsync("/admin/demand-settings/triage-rules");
        if (await page.Locator("#load-defaults").CountAsync() > 0)
        {
            await page.ClickAsync("#load-defaults");
            await page.WaitForURLAsync("**done=defaults_loaded");
        }
        (await page.Locator("#rules-table tbody tr").CountAsync()).ShouldBeGreaterThan(20);
        await page.FillAsync("#rule-keyword", "化粪池");
        await page.SelectOptionAsync("#rule-ownership", "Government");
        await page.SelectOptionAsync("#rule-must", "Environment");
        await page.ClickAsync("#rule-save");
        await page.WaitForURLAsync("**done=rule_created");
        (await page.Locator("#rules-table tr[data-keyword='化粪池']").InnerTextAsync()).ShouldContain("大事");
        // The same keyword again is refused next to the field.
        await page.FillAsync("#rule-keyword", "化粪池");
        await page.SelectOptionAsync("#rule-ownership", "Community");
        await page.ClickAsync("#rule-save");
        await page.Locator("#rule-form .field-error[data-field='Keyword']").WaitForAsync();
        (await page.InputValueAsync("#rule-keyword")).ShouldBe("化粪池");
        await BrowserApp.ScreenshotAsync(page, "settings-03-triage-rules");

        // A new unit, then a member from the district's department officers.
        await page.GotoAsync("/admin/demand-settings/units");
        await page.FillAsync("#unit-name", "应急管理局");
        await page.FillAsync("#unit-duties", "防汛、消防隐患、安全生产");
        await page.ClickAsync("#create-unit");
        await page.WaitForURLAsync("**done=unit_created");
        (await page.Locator("#unit-title").InnerTextAsync()).ShouldContain("应急管理局");
        (await page.Locator("#no-members").IsVisibleAsync()).ShouldBeTrue();
        var officer = await page.Locator("#member-user option:nth-child(2)").InnerTextAsync();
        await page.SelectOptionAsync("#member-user", new SelectOptionValue { Index = 1 });
        await page.ClickAsync("#member-add");
        await page.WaitForURLAsync("**done=member_added");
        (await page.Locator("#members-list").InnerTextAsync()).ShouldContain(officer);
        await BrowserApp.ScreenshotAsync(page, "settings-04-unit");

        await page.ClickAsync("#back-to-units");
        await page.WaitForURLAsync("**/admin/demand-settings/units");
        (await page.Locator("#units-table tr[data-unit='应急管理局']").InnerTextAsync()).ShouldContain("1");
        await BrowserApp.ScreenshotAsync(page, "settings-05-units");
    }

    [Fact]
    public async Task Settings_pages_fit_a_phone()
    {
        var page = await app.NewPageAsync(phone: true);
        await SignInAsync(page, "/admin/demand-settings");
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await BrowserApp.ScreenshotAsync(page, "settings-06-phone");
        await page.GotoAsync("/admin/demand-settings/triage-rules");
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await BrowserApp.ScreenshotAsync(page, "settings-07-phone-rules");
        await page.GotoAsync("/admin/demand-settings/units");
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await BrowserApp.ScreenshotAsync(page, "settings-08-phone-units");
    }
}
