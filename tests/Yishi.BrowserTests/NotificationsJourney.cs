using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Yishi.BrowserTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;

namespace Yishi.BrowserTests;

/// <summary>The header bell, the notifications page (open = mark read, mark all read) and the outbox admin page.</summary>
public sealed class NotificationsJourney(BrowserApp app)
{
    private const string Password = "Yishi@2026";

    [Fact]
    public async Task Official_sees_the_bell_opens_a_notification_and_marks_all_read()
    {
        var (userName, _) = await OfficialWithNotificationsAsync("notify-admin", withOutbox: true);
        var page = await SignInAsync(await app.NewPageAsync(), userName);
        (await page.Locator("#notification-count").InnerTextAsync()).Trim().ShouldBe("3");
        await BrowserApp.ScreenshotAsync(page, "notify-01-bell");

        await page.ClickAsync("#notification-bell");
        await page.WaitForURLAsync("**/notifications");
        (await page.Locator("#notifications-list li").CountAsync()).ShouldBe(3);
        (await page.Locator("#notifications-list li.notification-unread").CountAsync()).ShouldBe(3);
        await BrowserApp.ScreenshotAsync(page, "notify-02-list");

        // The newest one links to the security policy: opening it goes there and marks it read.
        await page.Locator("#notifications-list li").First.Locator("button").ClickAsync();
        await page.WaitForURLAsync("**/admin/security");
        (await page.Locator("#notification-count").InnerTextAsync()).Trim().ShouldBe("2");

        await page.GotoAsync("/notifications");
        (await page.Locator("#notifications-list li.notification-unread").CountAsync()).ShouldBe(2);
        await page.ClickAsync("#notifications-read-all");
        await page.WaitForSelectorAsync("#notifications-read-all", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        (await page.Locator("#notification-count").CountAsync()).ShouldBe(0);
        (await page.Locator("#notifications-list li.notification-unread").CountAsync()).ShouldBe(0);
        await BrowserApp.ScreenshotAsync(page, "notify-03-all-read");

        await page.GotoAsync("/admin/outbox");
        (await page.Locator("#outbox-count-dead").InnerTextAsync()).Trim().ShouldBe("1");
        (await page.Locator("#outbox-table").InnerTextAsync()).ShouldNotContain("13800138123");
        await BrowserApp.ScreenshotAsync(page, "notify-04-outbox");
        await page.Locator("#outbox-table button[id^=outbox-retry-]").First.ClickAsync();
        await page.WaitForSelectorAsync("#outbox-retried");
        (await page.Locator("#outbox-count-dead").InnerTextAsync()).Trim().ShouldBe("0");
        await BrowserApp.ScreenshotAsync(page, "notify-05-outbox-retried");
    }

    [Fact]
    public async Task Notifications_and_outbox_are_usable_on_a_phone()
    {
        var (userName, _) = await OfficialWithNotificationsAsync("notify-phone", withOutbox: false);
        var page = await SignInAsync(await app.NewPageAsync(phone: true), userName);
        (await page.Locator("#notification-bell").IsVisibleAsync()).ShouldBeTrue();
        await BrowserApp.ScreenshotAsync(page, "notify-06-phone-bell");
        await page.ClickAsync("#notification-bell");
        await page.WaitForURLAsync("**/notifications");
        await BrowserApp.ScreenshotAsync(page, "notify-07-phone-list");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await page.GotoAsync("/admin/outbox");
        await BrowserApp.ScreenshotAsync(page, "notify-08-phone-outbox");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
    }

    private static async Task<IPage> SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync("**/workbench");
        return page;
    }

    /// <summary>Test set-up: a district admin of the demo district with three notifications, and some outgoing messages (one dead).</summary>
    private async Task<(string UserName, Guid Id)> OfficialWithNotificationsAsync(string userName, bool withOutbox)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<YishiDbContext>();
        var district = await db.Areas.IgnoreQueryFilters().SingleAsync(a => a.Level == AreaLevel.District);
        sp.GetRequiredService<RequestContext>().SetSystem(district.DistrictId, "test");
        var user = new YishiUser { Id = Guid.CreateVersion7(), UserName = userName, DisplayName = "李晓梅", DistrictId = district.DistrictId, Kind = AccountKind.Official, CreatedAt = DateTime.UtcNow };
        (await sp.GetRequiredService<UserManager<YishiUser>>().CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        db.RoleAssignments.Add(new RoleAssignment(district.DistrictId, user.Id, Role.DistrictAdmin, district.Id, district.Path, DateTime.UtcNow, null));
        await db.SaveChangesAsync();

        var notifier = sp.GetRequiredService<Notifier>();
        var clock = TimeProvider.System;
        foreach (var (text, link) in new[]
        {
            ("民情 YS-20261122-000123 超时未受理，自动上报至本级，请及时受理。", "/workbench"),
            ("民情 YS-20261122-000131 已转交住建局办理。", "/workbench"),
            ("账户安全策略已更新：社区书记需启用两步验证。", "/admin/security"),
        })
        {
            await notifier.NotifyAsync(district.DistrictId, [user.Id], NotificationText.Literal(text), link);
            await db.SaveChangesAsync();
        }
        if (!withOutbox) return (userName, user.Id);
        notifier.Send(district.DistrictId, OutboxChannels.Sms, "13800138123", "", "您的诉求 YS-20261122-000123 已办理，请评价。");
        notifier.Send(district.DistrictId, OutboxChannels.Email, "zhang.wei@example.org", "周例会纪要", "纪要见附件。");
        var dead = new OutboxMessage(district.DistrictId, OutboxChannels.Sms, "13900004604", "", "您的诉求 YS-20261121-000077 已办结。", clock.GetUtcNow().UtcDateTime)
        {
            Status = OutboxStatus.Dead,
            Attempts = 6,
            LastError = "gateway answered 503",
        };
        db.Add(dead);
        await db.SaveChangesAsync();
        return (userName, user.Id);
    }
}
