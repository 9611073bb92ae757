using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Demands;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;
using Yishi.Platform.Notifications.Relay;

namespace Yishi.IntegrationTests.Notifications;

/// <summary>The outbox relay against a loopback SMTP server and an in-test HTTP SMS gateway.</summary>
public abstract class OutboxRelayTests(YishiApp app, Gateways gateways)
{
    private OutboxRelay Relay => app.Services.GetRequiredService<OutboxRelay>();

    private static string Phone() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Email(string tag = "") => $"r{tag}{Guid.NewGuid():N}"[..16] + "@example.org";

    private async Task<Guid> EnqueueAsync(Guid districtId, string channel, string recipient, string subject = "", string body = "测试消息")
        => await app.InScopeAsync(districtId, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            sp.GetRequiredService<Notifier>().Send(districtId, channel, recipient, subject, body);
            var id = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity.Id;
            await db.SaveChangesAsync();
            return id;
        });

    private async Task<OutboxMessage> LoadAsync(Guid districtId, Guid id)
        => await app.InScopeAsync(districtId, sp => sp.GetRequiredService<YishiDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task Email_goes_out_through_smtp_and_is_marked_sent()
    {
        var d = await TestDistrict.CreateAsync(app);
        var to = Email();
        var id = await EnqueueAsync(d.Id, OutboxChannels.Email, to, "诉求已办理", "您的诉求 YS-20261123-000001 已办理，请评价。");

        (await Relay.RunOnceAsync()).ShouldBeGreaterThanOrEqualTo(1);

        var mail = gateways.Smtp.To(to).ShouldHaveSingleItem();
        mail.From.ShouldBe("noreply@yishi.test");
        mail.Subject.ShouldBe("诉求已办理");
        mail.Body.ShouldBe("您的诉求 YS-20261123-000001 已办理，请评价。");
        mail.Header("X-Yishi-Message-Id").ShouldBe(id.ToString());
        var m = await LoadAsync(d.Id, id);
        m.Status.ShouldBe(OutboxStatus.Sent);
        m.SentAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime);
        m.Attempts.ShouldBe(1);
        m.LastError.ShouldBeNull();

        await Relay.RunOnceAsync();
        gateways.Smtp.To(to).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Sms_is_posted_as_json_with_the_bearer_token()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = Phone();
        var id = await EnqueueAsync(d.Id, OutboxChannels.Sms, phone, body: "您的诉求 YS-20261123-000002 已办结。");

        await Relay.RunOnceAsync();

        var sms = gateways.Sms.To(phone).ShouldHaveSingleItem();
        sms.Id.ShouldBe(id);
        sms.Text.ShouldBe("您的诉求 YS-20261123-000002 已办结。");
        sms.Authorization.ShouldBe($"Bearer {Gateways.Token}");
        (await LoadAsync(d.Id, id)).Status.ShouldBe(OutboxStatus.Sent);
    }

    [Fact]
    public async Task A_failing_gateway_is_retried_with_backoff_and_the_message_dies_after_the_last_attempt()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = Phone();
        gateways.Sms.Failing[phone] = true;
        var id = await EnqueueAsync(d.Id, OutboxChannels.Sms, phone);

        var waits = new[] { TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30) };
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await Relay.RunOnceAsync();
            var m = await LoadAsync(d.Id, id);
            m.Status.ShouldBe(OutboxStatus.Pending);
            m.Attempts.ShouldBe(attempt);
            m.NextAttemptAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime + waits[attempt - 1]);
            m.LastError.ShouldBe("gateway answered 503");

            // Not due yet: nothing is sent before the backoff has passed.
            await Relay.RunOnceAsync();
            gateways.Sms.To(phone).Count.ShouldBe(attempt);
            app.Clock.Advance(waits[attempt - 1]);
        }

        await Relay.RunOnceAsync(); // the 4th attempt is the last (MaxAttempts = 4)
        var dead = await LoadAsync(d.Id, id);
        dead.Status.ShouldBe(OutboxStatus.Dead);
        dead.Attempts.ShouldBe(4);
        dead.SentAt.ShouldBeNull();
        app.Clock.Advance(TimeSpan.FromDays(1));
        await Relay.RunOnceAsync();
        gateways.Sms.To(phone).Count.ShouldBe(4);
        gateways.Sms.Failing.TryRemove(phone, out _);
    }

    [Fact]
    public async Task A_rejected_email_recipient_is_retried_and_the_error_does_not_reveal_the_address()
    {
        var d = await TestDistrict.CreateAsync(app);
        var to = Email("reject");
        var id = await EnqueueAsync(d.Id, OutboxChannels.Email, to, "主题", "正文");

        await Relay.RunOnceAsync();

        var m = await LoadAsync(d.Id, id);
        m.Status.ShouldBe(OutboxStatus.Pending);
        m.Attempts.ShouldBe(1);
        m.LastError.ShouldNotBeNull();
        m.LastError.ShouldStartWith("smtp ");
        m.LastError.ShouldNotContain(to.Split('@')[0]);
        gateways.Smtp.To(to).ShouldBeEmpty();
        // Leave nothing due for the other tests of this class.
        await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<OutboxMessage>().Where(x => x.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, OutboxStatus.Dead)));
    }

    [Fact]
    public async Task Concurrent_relays_send_each_message_exactly_once()
    {
        var d = await TestDistrict.CreateAsync(app);
        var emails = Enumerable.Range(0, 12).Select(_ => Email()).ToList();
        var phones = Enumerable.Range(0, 12).Select(_ => Phone()).Distinct().ToList();
        await app.InScopeAsync(d.Id, async sp =>
        {
            var notifier = sp.GetRequiredService<Notifier>();
            foreach (var e in emails) notifier.Send(d.Id, OutboxChannels.Email, e, "并发", "并发测试");
            foreach (var p in phones) notifier.Send(d.Id, OutboxChannels.Sms, p, "", "并发测试");
            await sp.GetRequiredService<YishiDbContext>().SaveChangesAsync();
        });

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Relay.RunOnceAsync())));

        foreach (var e in emails) gateways.Smtp.To(e).Count.ShouldBe(1, e);
        foreach (var p in phones) gateways.Sms.To(p).Count.ShouldBe(1, p);
        runs.Sum().ShouldBeGreaterThanOrEqualTo(emails.Count + phones.Count);
        var rows = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync());
        rows.Count.ShouldBe(emails.Count + phones.Count);
        rows.ShouldAllBe(m => m.Status == OutboxStatus.Sent && m.Attempts == 1);
    }

    [Fact]
    public async Task The_reporter_with_a_contact_phone_gets_a_text_with_the_tracking_code_and_link_when_the_demand_is_handled()
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, code) = await w.SubmitAsync(); // anonymous, contact phone 13800138000
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        await (await secretary.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", route = "OnSpot", reply = "已现场处理", version = 0 }))
            .ShouldBe(HttpStatusCode.OK);

        var queued = await app.InScopeAsync(w.D.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync());
        var sms = queued.ShouldHaveSingleItem();
        sms.Channel.ShouldBe(OutboxChannels.Sms);
        sms.Recipient.ShouldBe("13800138000");
        sms.Body.ShouldBe($"您的诉求 {code} 已办理，请评价。查看：{Gateways.BaseUrl}/track/{code}");

        await Relay.RunOnceAsync();
        gateways.Sms.Received.Where(m => m.Id == sms.Id).ShouldHaveSingleItem().To.ShouldBe("13800138000");
    }

    [Fact]
    public async Task An_admin_sends_a_dead_message_again_and_the_relay_delivers_it()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = Phone();
        gateways.Sms.Failing[phone] = true;
        var id = await EnqueueAsync(d.Id, OutboxChannels.Sms, phone);
        for (var i = 0; i < 4; i++)
        {
            await Relay.RunOnceAsync();
            app.Clock.Advance(TimeSpan.FromHours(3));
        }
        var dead = await LoadAsync(d.Id, id);
        dead.Status.ShouldBe(OutboxStatus.Dead);
        gateways.Sms.Failing.TryRemove(phone, out _);

        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var retried = await (await admin.PostJson($"/api/v1/outbox/{id}/retry", new { version = dead.Version })).ShouldBe(HttpStatusCode.OK);
        retried.GetProperty("status").GetString().ShouldBe("Pending");
        retried.GetProperty("recipient").GetString().ShouldBe(Yishi.Platform.Rules.PersonalData.MaskPhone(phone));
        await Relay.RunOnceAsync();

        var sent = await LoadAsync(d.Id, id);
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.Attempts.ShouldBe(1);
        gateways.Sms.To(phone).Count.ShouldBe(5);
        var audit = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == id).Select(a => new { a.Action, a.From, a.To, a.Note }).ToListAsync());
        audit.ShouldHaveSingleItem().ShouldBe(new { Action = "outbox.retried", From = (string?)"Dead", To = (string?)"Pending", Note = (string?)"sms" });
    }
}

public sealed class OutboxRelayTests_Sqlite(RelaySqliteApp app) : OutboxRelayTests(app, app.Gateways), IClassFixture<RelaySqliteApp>;

public sealed class OutboxRelayTests_Postgres(RelayPostgresApp app) : OutboxRelayTests(app, app.Gateways), IClassFixture<RelayPostgresApp>;
