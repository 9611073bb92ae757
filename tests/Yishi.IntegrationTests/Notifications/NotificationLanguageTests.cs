using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Deliberation;
using Yishi.IntegrationTests.Demands;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;

namespace Yishi.IntegrationTests.Notifications;

/// <summary>
/// Notifications and texts are written in the recipient's language (the one they last chose at /culture; zh-CN when
/// they never chose), whoever caused them and in whatever language that person works.
/// </summary>
public abstract class NotificationLanguageTests(YishiApp app)
{
    private static async Task PreferAsync(HttpClient client, string culture)
        => (await client.GetAsync($"/culture?c={culture}&r=/workbench")).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.Found);

    private static async Task<List<string>> BellAsync(HttpClient client)
        => (await (await client.GetAsync("/api/v1/notifications?size=50")).ShouldBe(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(n => n.GetProperty("text").GetString()!).ToList();

    private async Task<HttpClient> SignInAsync(YishiUser user) => await app.SignInAsync(user.UserName!, TestDistrict.Password);

    [Fact]
    public async Task Officers_and_reporters_read_new_demand_and_handled_notices_and_texts_in_their_own_language()
    {
        var w = await DemandWorld.CreateAsync(app);
        var englishOfficer = await SignInAsync(await w.D.UserAsync(Role.CommunitySecretary, "S1/C1"));
        var chineseOfficer = await SignInAsync(await w.D.UserAsync(Role.CommunitySecretary, "S1/C1"));
        await PreferAsync(englishOfficer, "en");
        var englishReporter = await SignInAsync(await w.D.UserAsync(Role.Resident, "S1/C1/G1"));
        await PreferAsync(englishReporter, "en");
        var chineseReporter = await SignInAsync(await w.D.UserAsync(Role.Resident, "S1/C1/G1"));
        await PreferAsync(chineseReporter, "zh-CN");
        var (enId, enCode) = await w.SubmitAsync(englishReporter);
        var (zhId, zhCode) = await w.SubmitAsync(chineseReporter);
        var (anonId, anonCode) = await w.SubmitAsync(); // a bare phone, no account

        // The officer's "new demand" notice.
        (await BellAsync(englishOfficer)).ShouldContain($"New demand {enCode}");
        (await BellAsync(englishOfficer)).ShouldNotContain($"新民情 {enCode}");
        (await BellAsync(chineseOfficer)).ShouldContain($"新民情 {enCode}");
        (await BellAsync(chineseOfficer)).ShouldContain($"新民情 {anonCode}");

        // The English officer handles all three (in English): each reporter is told in their own language.
        foreach (var id in new[] { enId, zhId, anonId })
        {
            var d = await w.GetAsync(englishOfficer, id);
            await (await englishOfficer.PostJson($"/api/v1/demands/{id}/triage", new { ownership = "Community", route = "OnSpot", reply = "已现场处理", version = DemandWorld.Version(d) }))
                .ShouldBe(HttpStatusCode.OK);
        }
        (await BellAsync(englishReporter)).ShouldContain($"Your request {enCode} has been handled; please rate it.");
        (await BellAsync(chineseReporter)).ShouldContain($"您的诉求 {zhCode} 已办理，请评价。");

        var texts = await app.InScopeAsync(w.D.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Channel == OutboxChannels.Sms).Select(m => m.Body).ToListAsync());
        texts.ShouldContain($"Your request {enCode} has been handled; please rate it. View: {Gateways.BaseUrl}/track/{enCode}");
        texts.ShouldContain($"您的诉求 {zhCode} 已办理，请评价。查看：{Gateways.BaseUrl}/track/{zhCode}");
        texts.ShouldContain($"您的诉求 {anonCode} 已办理，请评价。查看：{Gateways.BaseUrl}/track/{anonCode}");

        // Switching back to Chinese is remembered too.
        await PreferAsync(englishReporter, "zh-CN");
        var (againId, againCode) = await w.SubmitAsync(englishReporter);
        var again = await w.GetAsync(chineseOfficer, againId);
        await (await chineseOfficer.PostJson($"/api/v1/demands/{againId}/triage", new { ownership = "Community", route = "OnSpot", reply = "已现场处理", version = DemandWorld.Version(again) }))
            .ShouldBe(HttpStatusCode.OK);
        (await BellAsync(englishReporter)).ShouldContain($"您的诉求 {againCode} 已办理，请评价。");
    }

    [Fact]
    public async Task Council_members_read_the_agenda_published_notice_in_their_own_language()
    {
        var w = await DeliberationWorld.CreateAsync(app, members: 2);
        await PreferAsync(w.Members[0].Client, "en");
        await PreferAsync(w.Secretary, "en"); // the secretary's own language does not decide the members'
        var meeting = await w.NewMeetingAsync();
        await (await w.Secretary.PostJson($"/api/v1/deliberation/meetings/{meeting}/agenda", new { topicId = await w.TopicInReviewAsync() })).ShouldBe(HttpStatusCode.OK);
        var m = (await w.MeetingAsync(meeting)).GetProperty("meeting");
        await (await w.Secretary.PostJson($"/api/v1/deliberation/meetings/{meeting}/publish-agenda", new { version = DeliberationWorld.Version(m) })).ShouldBe(HttpStatusCode.OK);

        var number = m.GetProperty("number").GetString()!;
        var english = (await BellAsync(w.Members[0].Client)).Where(t => t.Contains(number, StringComparison.Ordinal)).ShouldHaveSingleItem();
        english.ShouldEndWith("): the agenda is published.");
        english.ShouldContain($" {number} (");
        var chinese = (await BellAsync(w.Members[1].Client)).Where(t => t.Contains(number, StringComparison.Ordinal)).ShouldHaveSingleItem();
        chinese.ShouldContain($" {number}（");
        chinese.ShouldEndWith("）议程已公布。");
    }
}

public sealed class NotificationLanguageTests_Sqlite(RelaySqliteApp app) : NotificationLanguageTests(app), IClassFixture<RelaySqliteApp>;

public sealed class NotificationLanguageTests_Postgres(RelayPostgresApp app) : NotificationLanguageTests(app), IClassFixture<RelayPostgresApp>;
