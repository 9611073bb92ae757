using Microsoft.Playwright;
using Yishi.BrowserTests.Infrastructure;

namespace Yishi.BrowserTests;

/// <summary>
/// After the vote, on the demo district's topics: a resident objects to a resolution under notice from the public
/// portal on a phone, the secretary answers; tasks of an effective resolution get an owner, a budget and progress;
/// a topic whose tasks are done passes its 回头议 and is closed; the monthly report and the printed notice.
/// </summary>
public sealed class FollowThroughJourney(BrowserApp app)
{
    private const string Password = "Yishi@2026";

    [Fact]
    public async Task Notice_objection_tasks_follow_up_review_and_the_public_portal()
    {
        var run = Guid.NewGuid().ToString("N")[..6];

        // The public portal of 江城社区 on a phone: the drying area is under notice; an objection without a phone is refused.
        var resident = await app.NewPageAsync(phone: true);
        await resident.GotoAsync("/public");
        await resident.ClickAsync("a:text-is('江城社区')");
        await resident.WaitForSelectorAsync("#portal-notice");
        await BrowserApp.ScreenshotAsync(resident, "ft-01-portal-phone");
        await resident.ClickAsync("#portal-notice a:text-is('建设公共晾晒区')");
        await resident.WaitForSelectorAsync("#objection-form");
        await resident.FillAsync("#objection-text", $"晾衣架离5号楼太近，会挡住一楼窗户（{run}）");
        await resident.ClickAsync("#objection-submit");
        await resident.WaitForSelectorAsync("#objection-form .field-error[data-field=ContactPhone]");
        (await resident.InputValueAsync("#objection-text")).ShouldContain(run); // nothing typed is lost
        await BrowserApp.ScreenshotAsync(resident, "ft-02-objection-error-phone");
        await resident.FillAsync("#objection-phone", "13900007777");
        await resident.ClickAsync("#objection-submit");
        await resident.WaitForSelectorAsync("#objection-done");
        (await resident.ContentAsync()).ShouldNotContain("13900007777");
        await BrowserApp.PrintScreenshotAsync(resident, "ft-03-notice-print", "#notice-sheet h1", "#notice-sheet .notice-sign");

        // The secretary answers it on the topic's implementation page.
        var jiangcheng = await SignedInAsync("sec-jiangcheng");
        await OpenTopicAsync(jiangcheng, "江城社区党员群众代表会议", "建设公共晾晒区");
        var answer = jiangcheng.Locator("#objection-list li", new() { HasTextString = run }).Locator("form");
        await answer.Locator("textarea").FillAsync("已调整方案，晾衣架南移5米，不影响采光。");
        await answer.Locator("button[type=submit]").ClickAsync();
        await jiangcheng.WaitForSelectorAsync("#done-alert");
        (await jiangcheng.Locator("#objection-list").InnerTextAsync()).ShouldContain("已调整方案");
        await BrowserApp.ScreenshotAsync(jiangcheng, "ft-04-objection-answered");

        // 桂湖村: the road is being built; a task with a bad amount is refused by the field, then added with an owner.
        var guihu = await SignedInAsync("sec-guihucun");
        await OpenTopicAsync(guihu, "桂湖村党员群众代表会议", "打通村东断头路");
        await guihu.FillAsync("#task-title", $"安装道路护栏（{run}）");
        var owner = await guihu.Locator("#task-owner option").Nth(1).GetAttributeAsync("value");
        await guihu.SelectOptionAsync("#task-owner", owner!);
        await guihu.FillAsync("#task-due", DateTime.UtcNow.AddHours(8).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await guihu.FillAsync("#task-budget", "12.345");
        await guihu.ClickAsync("#add-task-submit");
        await guihu.WaitForSelectorAsync("#add-task-form .field-error[data-field=BudgetYuan]");
        (await guihu.InputValueAsync("#task-title")).ShouldContain(run);
        await BrowserApp.ScreenshotAsync(guihu, "ft-05-task-money-error");
        await guihu.FillAsync("#task-budget", "18,600.50");
        await guihu.ClickAsync("#add-task-submit");
        await guihu.WaitForURLAsync("**/implementation?done=task_added");
        var task = guihu.Locator("#task-list li", new() { HasTextString = run });
        (await task.InnerTextAsync()).ShouldContain("18,600.5");
        await task.Locator("summary").ClickAsync();
        await task.Locator("input[name='Act.Progress']").FillAsync("40");
        await task.Locator("input[name='Act.Money']").FillAsync("6000");
        await task.Locator("input[name='Act.Note']").FillAsync("护栏已到场，开始安装");
        await task.Locator("button[type=submit]").ClickAsync();
        await guihu.WaitForURLAsync("**/implementation?done=task_reported");
        (await guihu.Locator("#task-list li", new() { HasTextString = run }).InnerTextAsync()).ShouldContain("40%");
        await BrowserApp.ScreenshotAsync(guihu, "ft-06-tasks");
        await guihu.GotoAsync(guihu.Url.Split("/deliberation/")[0] + "/deliberation/councils");
        await guihu.ClickAsync("a:text-is('桂湖村党员群众代表会议')");
        await guihu.ClickAsync("#progress-report-link");
        await guihu.WaitForSelectorAsync("#report-table");
        (await guihu.Locator("#report-table").InnerTextAsync()).ShouldContain("打通村东断头路");
        await BrowserApp.ScreenshotAsync(guihu, "ft-07-progress-report");

        // 东风社区: the lift's tasks are done; the 回头议 passes and the topic is closed (销号).
        var dongfeng = await SignedInAsync("sec-dongfeng");
        await OpenTopicAsync(dongfeng, "东风社区党员群众代表会议", "老旧楼（5栋）加装电梯");
        await dongfeng.ClickAsync("#follow-up-submit");
        await dongfeng.WaitForSelectorAsync("#follow-up-form .field-error[data-field=Note]");
        await dongfeng.CheckAsync("#fu-met");
        await dongfeng.CheckAsync("#fu-satisfied");
        await dongfeng.FillAsync("#fu-note", "降噪整改后住户满意，电梯运行正常。");
        await dongfeng.ClickAsync("#follow-up-submit");
        await dongfeng.WaitForURLAsync("**/implementation?done=reviewed");
        (await dongfeng.Locator("#impl-reviews").InnerTextAsync()).ShouldContain("通过，已销号");
        await BrowserApp.ScreenshotAsync(dongfeng, "ft-08-follow-up-closed");

        var phone = await app.NewPageAsync(phone: true);
        await phone.GotoAsync("/public");
        await phone.ClickAsync("a:text-is('桂湖村')");
        await phone.WaitForSelectorAsync("#portal-implementing");
        (await phone.Locator("#portal-implementing").InnerTextAsync()).ShouldContain("打通村东断头路");
        await BrowserApp.ScreenshotAsync(phone, "ft-09-portal-progress-phone");
    }

    private static async Task OpenTopicAsync(IPage page, string council, string topic)
    {
        await page.GotoAsync("/deliberation/councils");
        await page.ClickAsync($"a:text-is('{council}')");
        await page.ClickAsync($"a:text-is('{topic}')");
        await page.WaitForSelectorAsync("#topic-title");
        await page.ClickAsync("#implementation-link");
        await page.WaitForSelectorAsync("#impl-tasks");
    }

    private async Task<IPage> SignedInAsync(string user)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in?ReturnUrl=%2Fdemands");
        await page.FillAsync("#user-name", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync("**/demands");
        return page;
    }
}
