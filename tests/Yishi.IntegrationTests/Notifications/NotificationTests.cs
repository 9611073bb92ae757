using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;
using Yishi.Platform.Notifications.Relay;

namespace Yishi.IntegrationTests.Notifications;

/// <summary>In-app notifications (API, page, bell, open-and-mark-read) and the outbox admin's authorisation.</summary>
public abstract class NotificationTests(YishiApp app)
{
    private async Task<List<Guid>> NotifyAsync(Guid districtId, Guid userId, int count, string prefix = "通知")
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            await app.InScopeAsync(districtId, async sp =>
            {
                var db = sp.GetRequiredService<YishiDbContext>();
                await sp.GetRequiredService<Notifier>().NotifyAsync(districtId, [userId], NotificationText.Literal($"{prefix}{i}"), $"/demands/{i}");
                ids.Add(db.ChangeTracker.Entries<Notification>().Single().Entity.Id);
                await db.SaveChangesAsync();
            });
            if (i % 2 == 0) app.Clock.Advance(TimeSpan.FromMinutes(1)); // some share a time, some do not
        }
        return ids;
    }

    private static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return new HtmlParser().ParseDocument(html);
    }

    private static async Task<int> UnreadAsync(HttpClient client)
        => (await (await client.GetAsync("/api/v1/notifications/unread-count")).ShouldBe(HttpStatusCode.OK)).GetProperty("count").GetInt32();

    [Fact]
    public async Task A_user_pages_through_their_own_notifications_newest_first()
    {
        var d = await TestDistrict.CreateAsync(app);
        var me = await d.UserAsync(Role.GridWorker, "S1/C1/G1");
        var other = await d.UserAsync(Role.GridWorker, "S1/C1/G1");
        var mine = await NotifyAsync(d.Id, me.Id, 7);
        await NotifyAsync(d.Id, other.Id, 2, "别人的");
        var client = await app.SignInAsync(me.UserName!, TestDistrict.Password);

        var seen = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/notifications?size=3{(cursor is null ? "" : $"&cursor={cursor}")}")).ShouldBe(HttpStatusCode.OK);
            page.GetProperty("items").GetArrayLength().ShouldBeLessThanOrEqualTo(3);
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("next").GetString();
        } while (cursor is not null && seen.Count < 50);

        // Each of mine exactly once, newest first; notifications of the same instant in id order (ids made within one
        // millisecond are not in creation order, so the test does not expect that).
        seen.Select(n => n.GetProperty("id").GetGuid()).ShouldBe(mine, ignoreOrder: true);
        seen.Select(n => n.GetProperty("id").GetGuid()).Distinct().Count().ShouldBe(7);
        var keys = seen.Select(n => (At: n.GetProperty("createdAt").GetDateTime(), Id: n.GetProperty("id").GetGuid().ToString())).ToList();
        keys.ShouldBe(keys.OrderByDescending(k => k.At).ThenByDescending(k => k.Id, StringComparer.Ordinal).ToList());
        seen[^1].GetProperty("text").GetString().ShouldBe("通知0");
        seen.Select(n => n.GetProperty("text").GetString()).ShouldBe(Enumerable.Range(0, 7).Select(i => $"通知{i}"), ignoreOrder: true);
        seen.ShouldAllBe(n => n.GetProperty("readAt").ValueKind == JsonValueKind.Null);
        (await client.GetAsync("/api/v1/notifications?cursor=garbage")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Marking_read_counts_down_and_touches_only_the_users_own_notifications()
    {
        var d = await TestDistrict.CreateAsync(app);
        var other = await TestDistrict.CreateAsync(app);
        var me = await d.UserAsync(Role.Resident, "S1/C1/G1");
        var neighbour = await d.UserAsync(Role.Resident, "S1/C1/G1");
        var stranger = await other.UserAsync(Role.DistrictAdmin, "D");
        var mine = await NotifyAsync(d.Id, me.Id, 3);
        var theirs = await NotifyAsync(d.Id, neighbour.Id, 2);
        var client = await app.SignInAsync(me.UserName!, TestDistrict.Password);
        var neighbourClient = await app.SignInAsync(neighbour.UserName!, TestDistrict.Password);
        var strangerClient = await app.SignInAsync(stranger.UserName!, TestDistrict.Password);

        (await UnreadAsync(client)).ShouldBe(3);
        var read = await (await client.PostAsync($"/api/v1/notifications/{mine[0]}/read", null)).ShouldBe(HttpStatusCode.OK);
        read.GetProperty("readAt").GetDateTime().ShouldBe(app.Clock.GetUtcNow().UtcDateTime);
        (await UnreadAsync(client)).ShouldBe(2);
        await (await client.PostAsync($"/api/v1/notifications/{mine[0]}/read", null)).ShouldBe(HttpStatusCode.OK); // again: still fine

        // Someone else's notification does not exist for me, in my district or another.
        await (await client.PostAsync($"/api/v1/notifications/{theirs[0]}/read", null)).ShouldBe(HttpStatusCode.NotFound);
        await (await strangerClient.PostAsync($"/api/v1/notifications/{mine[1]}/read", null)).ShouldBe(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", null)).ShouldBe(HttpStatusCode.NotFound);

        var all = await (await client.PostAsync("/api/v1/notifications/read-all", null)).ShouldBe(HttpStatusCode.OK);
        all.GetProperty("count").GetInt32().ShouldBe(2);
        (await UnreadAsync(client)).ShouldBe(0);
        (await UnreadAsync(neighbourClient)).ShouldBe(2);
        (await UnreadAsync(strangerClient)).ShouldBe(0);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var anon = app.Anonymous();
        (await anon.GetAsync("/api/v1/notifications")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anon.GetAsync("/api/v1/notifications/unread-count")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anon.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anon.PostAsync("/api/v1/notifications/read-all", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anon.GetAsync("/api/v1/outbox")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anon.GetAsync("/api/v1/outbox/summary")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anon.PostJson($"/api/v1/outbox/{Guid.NewGuid()}/retry", new { version = 0 })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await anon.GetAsync("/notifications");
        ((int)page.StatusCode).ShouldBeInRange(300, 399);
        page.Headers.Location!.ToString().ShouldContain("/account/sign-in");
    }

    [Fact]
    public async Task The_bell_shows_the_unread_count_and_opening_a_notification_marks_it_read_and_follows_its_link()
    {
        var d = await TestDistrict.CreateAsync(app);
        var me = await d.UserAsync(Role.GridWorker, "S1/C1/G1");
        var neighbour = await d.UserAsync(Role.GridWorker, "S1/C1/G1");
        var mine = await NotifyAsync(d.Id, me.Id, 2);
        var theirs = await NotifyAsync(d.Id, neighbour.Id, 1);
        var client = await app.SignInAsync(me.UserName!, TestDistrict.Password);

        var page = await PageAsync(client, "/notifications");
        page.QuerySelector("#notification-count")!.TextContent.Trim().ShouldBe("2");
        page.QuerySelectorAll("#notifications-list li").Select(li => li.GetAttribute("data-notification")).ShouldBe([mine[1].ToString(), mine[0].ToString()]);
        page.QuerySelectorAll("#notifications-list li.notification-unread").Length.ShouldBe(2);

        async Task<HttpResponseMessage> OpenAsync(Guid id, bool withToken = true)
        {
            var token = page.QuerySelector("#notifications-list input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var form = new FormUrlEncodedContent(withToken ? new Dictionary<string, string> { ["__RequestVerificationToken"] = token } : []);
            return await client.PostAsync($"/notifications/{id}/open", form);
        }

        var opened = await OpenAsync(mine[0]);
        ((int)opened.StatusCode).ShouldBeInRange(300, 399, await opened.Content.ReadAsStringAsync());
        opened.Headers.Location!.ToString().ShouldBe("/demands/0");
        (await UnreadAsync(client)).ShouldBe(1);
        (await OpenAsync(theirs[0])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OpenAsync(mine[1], withToken: false)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await UnreadAsync(client)).ShouldBe(1);

        page = await PageAsync(client, "/notifications");
        page.QuerySelector("#notification-count")!.TextContent.Trim().ShouldBe("1");
        var readAll = page.QuerySelector("#notifications-read-all")!.Closest("form")!;
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "notifications-read-all",
            ["__RequestVerificationToken"] = readAll.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["ReadAll.Confirm"] = "1",
        }))
        {
            var done = await client.PostAsync("/notifications", form);
            ((int)done.StatusCode).ShouldBeInRange(300, 399, await done.Content.ReadAsStringAsync());
        }
        page = await PageAsync(client, "/notifications");
        page.QuerySelector("#notification-count").ShouldBeNull();
        page.QuerySelector("#notification-bell").ShouldNotBeNull();
        page.QuerySelector("#notifications-read-all").ShouldBeNull();
        page.QuerySelectorAll("#notifications-list li.notification-unread").Length.ShouldBe(0);
        (await UnreadAsync(await app.SignInAsync(neighbour.UserName!, TestDistrict.Password))).ShouldBe(1);
    }

    public enum Who { DistrictAdmin, SystemAdmin, Auditor, StreetOfficer, CommunitySecretary, OtherDistrictAdmin }

    [Theory]
    [InlineData(Who.DistrictAdmin, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Who.SystemAdmin, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Who.Auditor, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Who.StreetOfficer, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Who.CommunitySecretary, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherDistrictAdmin, HttpStatusCode.OK, HttpStatusCode.NotFound)]
    public async Task Outbox_admin_matrix(Who who, HttpStatusCode read, HttpStatusCode retry)
    {
        var d = await TestDistrict.CreateAsync(app);
        var id = await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var notifier = sp.GetRequiredService<Notifier>();
            notifier.Send(d.Id, OutboxChannels.Sms, "13800138001", "", "正文");
            notifier.Send(d.Id, OutboxChannels.Email, "zhangwei@example.org", "主题", "正文");
            var rows = db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity).ToList();
            rows[0].Status = OutboxStatus.Dead;
            rows[0].Attempts = 6;
            rows[0].LastError = "gateway answered 503";
            await db.SaveChangesAsync();
            return rows[0].Id;
        });
        var client = who switch
        {
            Who.DistrictAdmin => await d.ClientAsync(Role.DistrictAdmin, "D"),
            Who.SystemAdmin => await d.ClientAsync(Role.SystemAdmin, "D"),
            Who.Auditor => await d.ClientAsync(Role.Auditor, "D"),
            Who.StreetOfficer => await d.ClientAsync(Role.StreetOfficer, "S1"),
            Who.CommunitySecretary => await d.ClientAsync(Role.CommunitySecretary, "S1/C1"),
            _ => await (await TestDistrict.CreateAsync(app)).ClientAsync(Role.DistrictAdmin, "D"),
        };

        var summary = await (await client.GetAsync("/api/v1/outbox/summary")).ShouldBe(read);
        var list = await (await client.GetAsync("/api/v1/outbox")).ShouldBe(read);
        var retried = await (await client.PostJson($"/api/v1/outbox/{id}/retry", new { version = 0 })).ShouldBe(retry);
        var page = await client.GetAsync("/admin/outbox");
        var status = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<OutboxMessage>().Where(m => m.Id == id).Select(m => m.Status).SingleAsync());

        if (who == Who.OtherDistrictAdmin)
        {
            summary.GetProperty("dead").GetInt32().ShouldBe(0);
            list.GetProperty("items").GetArrayLength().ShouldBe(0);
        }
        if (read == HttpStatusCode.OK && who != Who.OtherDistrictAdmin)
        {
            summary.GetProperty("pending").GetInt32().ShouldBe(1);
            summary.GetProperty("dead").GetInt32().ShouldBe(1); // read before the retry
            list.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("recipient").GetString()).ShouldBe(["z***@example.org", "138****8001"], ignoreOrder: true);
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = await page.Content.ReadAsStringAsync();
            html.ShouldNotContain("13800138001");
            html.ShouldNotContain("zhangwei");
        }
        if (retry == HttpStatusCode.OK)
        {
            retried.GetProperty("status").GetString().ShouldBe("Pending");
            status.ShouldBe(OutboxStatus.Pending);
        }
        else
        {
            status.ShouldBe(OutboxStatus.Dead);
        }
        if (read == HttpStatusCode.Forbidden)
        {
            ((int)page.StatusCode).ShouldBeInRange(300, 399);
            page.Headers.Location!.ToString().ShouldContain("/account/denied");
        }
    }

    [Fact]
    public async Task Retrying_needs_a_dead_message_and_the_current_version()
    {
        var d = await TestDistrict.CreateAsync(app);
        var (pending, dead) = await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var notifier = sp.GetRequiredService<Notifier>();
            notifier.Send(d.Id, OutboxChannels.Sms, "13800138002", "", "正文");
            notifier.Send(d.Id, OutboxChannels.Sms, "13800138003", "", "正文");
            var rows = db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity).ToList();
            rows[1].Status = OutboxStatus.Dead;
            await db.SaveChangesAsync();
            return (rows[0].Id, rows[1].Id);
        });
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");

        (await (await admin.PostJson($"/api/v1/outbox/{pending}/retry", new { version = 0 })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("outbox.not_dead");
        (await (await admin.PostJson($"/api/v1/outbox/{dead}/retry", new { version = 5 })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("concurrency");
        await (await admin.PostJson($"/api/v1/outbox/{Guid.NewGuid()}/retry", new { version = 0 })).ShouldBe(HttpStatusCode.NotFound);
        var entries = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.CountAsync(a => a.Action == "outbox.retried"));
        entries.ShouldBe(0);

        // The page's retry button calls the same handler.
        var html = new HtmlParser().ParseDocument(await (await admin.GetAsync("/admin/outbox?status=Dead")).Content.ReadAsStringAsync());
        var button = html.QuerySelector($"#outbox-retry-{dead}")!;
        html.QuerySelectorAll("#outbox-table tbody tr").Length.ShouldBe(1);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "outbox-retry",
            ["__RequestVerificationToken"] = button.Closest("form")!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Retry.Target"] = button.GetAttribute("value")!,
        });
        var done = await admin.PostAsync("/admin/outbox?status=Dead", form);
        ((int)done.StatusCode).ShouldBeInRange(300, 399, await done.Content.ReadAsStringAsync());
        done.Headers.Location!.ToString().ShouldContain("retried=1");
        var after = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == dead));
        after.Status.ShouldBe(OutboxStatus.Pending);
    }

    [Fact]
    public async Task Messages_for_a_channel_without_a_gateway_stay_pending_and_say_why()
    {
        var d = await TestDistrict.CreateAsync(app);
        var id = await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            sp.GetRequiredService<Notifier>().Send(d.Id, OutboxChannels.Email, "someone@example.org", "主题", "正文");
            var m = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity;
            await db.SaveChangesAsync();
            return m.Id;
        });

        (await app.Services.GetRequiredService<OutboxRelay>().RunOnceAsync()).ShouldBe(0);

        var m = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(x => x.Id == id));
        m.Status.ShouldBe(OutboxStatus.Pending);
        m.Attempts.ShouldBe(0);
        m.LastError.ShouldBe(OutboxRelay.NotConfigured);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var html = await (await admin.GetAsync("/admin/outbox")).Content.ReadAsStringAsync();
        html.ShouldContain("渠道未配置");
    }
}

public sealed class NotificationTests_Sqlite(SqliteApp app) : NotificationTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationTests_Postgres(PostgresApp app) : NotificationTests(app), IClassFixture<PostgresApp>;
