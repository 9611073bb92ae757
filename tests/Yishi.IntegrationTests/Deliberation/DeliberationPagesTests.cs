using System.Net;
using Microsoft.EntityFrameworkCore;
using Yishi.Deliberation.Domain;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.IntegrationTests.Deliberation;

/// <summary>Every deliberation page renders for the people who use it (no render-time crash), in Chinese and English, and refuses the others.</summary>
public abstract class DeliberationPagesTests(YishiApp app)
{
    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        html.ShouldNotContain("id=\"error-page\"", customMessage: url);
        return html;
    }

    [Fact]
    public async Task Deliberation_pages_render_for_the_secretary_members_and_residents_through_a_whole_meeting()
    {
        var w = await DeliberationWorld.CreateAsync(app, members: 3);
        var topicId = await w.TopicInReviewAsync(title: "修缮文化室屋顶");
        var proposal = (await (await w.Secretary.PostJson("/api/v1/deliberation/topics", new { councilId = w.CouncilId, title = "增设快递柜", description = "居民建议" }))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var scheduled = await w.NewMeetingAsync();
        var meetingId = await w.SessionAsync(topicId, present: 2);
        var token = await w.DbAsync(db => db.Set<Meeting>().AsNoTracking().Where(m => m.Id == meetingId).Select(m => m.CheckInToken).SingleAsync());

        foreach (var url in new[] { "/deliberation/councils", $"/deliberation/councils/{w.CouncilId}", $"/deliberation/topics/{topicId}", $"/deliberation/topics/{proposal}",
                     $"/deliberation/meetings/{meetingId}", $"/deliberation/meetings/{scheduled}", $"/deliberation/meetings/{meetingId}/minutes", "/deliberation/my" })
            await PageAsync(w.Secretary, url);
        (await PageAsync(w.Secretary, $"/deliberation/meetings/{meetingId}")).ShouldContain("<svg");
        (await PageAsync(w.Secretary, $"/deliberation/topics/{proposal}")).ShouldContain("id=\"accept-form\"");

        // A present member sees their own vote buttons and their meetings; the QR link signs them in.
        var member = w.Members[0].Client;
        (await PageAsync(member, $"/deliberation/meetings/{meetingId}")).ShouldContain("my-vote");
        (await PageAsync(member, "/deliberation/my")).ShouldContain("修缮文化室屋顶");
        (await PageAsync(w.Members[2].Client, $"/deliberation/checkin/{token}")).ShouldContain("id=\"checkin-submit\"");
        (await PageAsync(member, $"/deliberation/checkin/{token}")).ShouldContain("id=\"checkin-done\"");

        // After the vote and the session: the resolution and the minutes.
        await (await member.PostJson($"/api/v1/deliberation/meetings/{meetingId}/votes", new { topicId, choice = "For" })).ShouldBe(HttpStatusCode.Created);
        await (await w.Members[1].Client.PostJson($"/api/v1/deliberation/meetings/{meetingId}/votes", new { topicId, choice = "For" })).ShouldBe(HttpStatusCode.Created);
        await (await w.Secretary.PostJson($"/api/v1/deliberation/meetings/{meetingId}/agenda/{topicId}/resolve", new { })).ShouldBe(HttpStatusCode.OK);
        var m = (await w.MeetingAsync(meetingId)).GetProperty("meeting");
        m = await (await w.Secretary.PostJson($"/api/v1/deliberation/meetings/{meetingId}/adjourn", new { version = DeliberationWorld.Version(m) })).ShouldBe(HttpStatusCode.OK);
        (await PageAsync(w.Secretary, $"/deliberation/meetings/{meetingId}")).ShouldContain("id=\"minutes-form\"");
        await (await w.Secretary.PutJson($"/api/v1/deliberation/meetings/{meetingId}/minutes", new { text = "纪要正文", version = DeliberationWorld.Version(m) })).ShouldBe(HttpStatusCode.OK);
        (await PageAsync(member, $"/deliberation/meetings/{meetingId}")).ShouldContain("id=\"minutes-approve\"");
        (await PageAsync(w.Secretary, $"/deliberation/meetings/{meetingId}/minutes")).ShouldContain("纪要正文");
        (await PageAsync(w.Secretary, $"/deliberation/topics/{topicId}")).ShouldContain("YS-JY-");

        // A resident of the area sees a topic under review and may comment; the council's pages are not theirs.
        var resident = await w.D.ClientAsync(Role.Resident, "S1/C1/G1");
        var other = await w.TopicInReviewAsync(title: "小区停车规划");
        (await PageAsync(resident, $"/deliberation/topics/{other}")).ShouldContain("id=\"comment-form\"");
        (await resident.GetAsync($"/deliberation/councils/{w.CouncilId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await resident.GetAsync($"/deliberation/meetings/{meetingId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Another community's secretary: nothing exists; anonymous: sign in first.
        var sibling = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C2");
        foreach (var url in new[] { $"/deliberation/councils/{w.CouncilId}", $"/deliberation/topics/{topicId}", $"/deliberation/meetings/{meetingId}", $"/deliberation/meetings/{meetingId}/minutes" })
            (await sibling.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        (await PageAsync(sibling, $"/deliberation/checkin/{token}")).ShouldContain("id=\"checkin-unknown\"");
        (await app.Anonymous().GetAsync($"/deliberation/councils/{w.CouncilId}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_resident_raises_a_topic_with_the_community_council_and_finds_topics_under_review_to_comment_on()
    {
        var w = await DeliberationWorld.CreateAsync(app, members: 2);
        var underReview = await w.TopicInReviewAsync(title: "小区停车规划");
        var resident = await w.D.ClientAsync(Role.Resident, "S1/C1/G1");
        var participate = await (await resident.GetAsync("/api/v1/deliberation/participate")).ShouldBe(HttpStatusCode.OK);
        participate.GetProperty("councils").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldContain(w.CouncilId);
        participate.GetProperty("underReview").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ShouldContain(underReview);
        (await PageAsync(resident, "/deliberation/participate")).ShouldContain("小区停车规划");

        var topic = await (await resident.PostJson("/api/v1/deliberation/topics", new { councilId = w.CouncilId, title = "增设电动车充电桩", description = "楼道充电有火灾隐患" }))
            .ShouldBe(HttpStatusCode.Created);
        topic.GetProperty("origin").GetString().ShouldBe("Residents");
        (await PageAsync(resident, $"/deliberation/topics/{topic.GetProperty("id").GetGuid()}")).ShouldContain("增设电动车充电桩");
        // A resident of another community neither sees these councils nor raises a topic with them.
        var stranger = await w.D.ClientAsync(Role.Resident, "S2/C3/G1");
        var theirs = await (await stranger.GetAsync("/api/v1/deliberation/participate")).ShouldBe(HttpStatusCode.OK);
        theirs.GetProperty("councils").GetArrayLength().ShouldBe(0);
        await (await stranger.PostJson("/api/v1/deliberation/topics", new { councilId = w.CouncilId, title = "x", description = "y" })).ShouldBe(HttpStatusCode.NotFound);
        // Residents do not run the procedure.
        await (await resident.PostJson($"/api/v1/deliberation/topics/{topic.GetProperty("id").GetGuid()}/accept", new { version = DeliberationWorld.Version(topic) })).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Deliberation_pages_speak_English_after_the_language_switch()
    {
        var w = await DeliberationWorld.CreateAsync(app, members: 2);
        var topicId = await w.TopicInReviewAsync();
        var meetingId = await w.SessionAsync(topicId, present: 2);
        (await w.Secretary.GetAsync("/culture?c=en&r=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var council = await PageAsync(w.Secretary, $"/deliberation/councils/{w.CouncilId}");
        council.ShouldContain("<html lang=\"en\"");
        council.ShouldContain("Public deliberation council");
        council.ShouldContain("Quorum (of members)");
        council.ShouldNotContain("议事规则");
        var meeting = await PageAsync(w.Secretary, $"/deliberation/meetings/{meetingId}");
        meeting.ShouldContain("Record a show of hands");
        meeting.ShouldContain("In session");
        (await PageAsync(w.Secretary, $"/deliberation/topics/{topicId}")).ShouldContain("Timeline");
    }
}

public sealed class DeliberationPagesTests_Sqlite(SqliteApp app) : DeliberationPagesTests(app), IClassFixture<SqliteApp>;

public sealed class DeliberationPagesTests_Postgres(PostgresApp app) : DeliberationPagesTests(app), IClassFixture<PostgresApp>;
