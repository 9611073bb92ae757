using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.IntegrationTests.Deliberation;

/// <summary>
/// Every state-changing deliberation endpoint × the people who must not use it: another community's secretary and another
/// district's admin do not see the council (404); the street officer, a committee member and a plain member of the council
/// see it but do not run it (403); a resident cannot act (403/404); anonymous callers are asked to sign in. Nothing changes.
/// </summary>
public abstract class DeliberationAuthorisationTests(YishiApp app)
{
    public enum Outsider { SiblingSecretary, OtherDistrictAdmin, StreetOfficer, CommitteeMember, PlainMember, Resident, Anonymous }

    private static readonly string[] Actions =
    [
        "council.create", "council.rules", "council.recurrence", "council.add-member", "council.end-member", "meetings.generate", "meetings.create",
        "meeting.cancel", "topic.accept", "topic.send-back", "topic.reject", "agenda.place", "agenda.remove", "agenda.publish", "session.open",
        "session.attendance", "session.notes", "session.vote-for-other", "session.resolve", "session.adjourn", "minutes.draft",
    ];

    public static TheoryData<string, Outsider> Cases()
    {
        var data = new TheoryData<string, Outsider>();
        foreach (var action in Actions)
            foreach (var who in Enum.GetValues<Outsider>())
                data.Add(action, who);
        return data;
    }

    /// <summary>One world per app, shared by the cases: none of them may change it.</summary>
    private sealed record Setup(DeliberationWorld W, Guid ProposalTopic, Guid ReviewTopic, Guid ScheduledMeeting, Guid AgendaTopic, Guid PublishedMeeting,
        Guid SessionMeeting, Guid SessionTopic, Guid AdjournedMeeting, Dictionary<Outsider, HttpClient> Clients);

    private static readonly ConcurrentDictionary<YishiApp, Lazy<Task<Setup>>> Worlds = new();

    private static async Task<Setup> CreateAsync(YishiApp app)
    {
        var w = await DeliberationWorld.CreateAsync(app, members: 3);
        var s = w.Secretary;
        var proposal = (await (await s.PostJson("/api/v1/deliberation/topics", new { councilId = w.CouncilId, title = "提议中", description = "说明" })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var review = await w.TopicInReviewAsync(title: "评议中");
        var scheduled = await w.NewMeetingAsync();
        var agendaTopic = await w.TopicInReviewAsync(title: "已排议程");
        await (await s.PostJson($"/api/v1/deliberation/meetings/{scheduled}/agenda", new { topicId = agendaTopic })).ShouldBe(HttpStatusCode.OK);
        var published = await w.NewMeetingAsync();
        await (await s.PostJson($"/api/v1/deliberation/meetings/{published}/agenda", new { topicId = await w.TopicInReviewAsync(title: "已公布") })).ShouldBe(HttpStatusCode.OK);
        var pm = (await w.MeetingAsync(published)).GetProperty("meeting");
        await (await s.PostJson($"/api/v1/deliberation/meetings/{published}/publish-agenda", new { version = DeliberationWorld.Version(pm) })).ShouldBe(HttpStatusCode.OK);
        var sessionTopic = await w.TopicInReviewAsync(title: "会上表决");
        var session = await w.SessionAsync(sessionTopic, present: 3);
        await (await w.Members[0].Client.PostJson($"/api/v1/deliberation/meetings/{session}/votes", new { topicId = sessionTopic, choice = "For" })).ShouldBe(HttpStatusCode.Created);
        var adjourned = await w.SessionAsync(await w.TopicInReviewAsync(title: "已散会"), present: 2);
        var am = (await w.MeetingAsync(adjourned)).GetProperty("meeting");
        await (await s.PostJson($"/api/v1/deliberation/meetings/{adjourned}/adjourn", new { version = DeliberationWorld.Version(am) })).ShouldBe(HttpStatusCode.OK);
        var clients = new Dictionary<Outsider, HttpClient>
        {
            [Outsider.SiblingSecretary] = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C2"),
            [Outsider.OtherDistrictAdmin] = await (await TestDistrict.CreateAsync(app)).ClientAsync(Role.DistrictAdmin, "D"),
            [Outsider.StreetOfficer] = await w.D.ClientAsync(Role.StreetOfficer, "S1"),
            [Outsider.CommitteeMember] = await w.D.ClientAsync(Role.CommitteeMember, "S1/C1"),
            [Outsider.PlainMember] = w.Members[1].Client,
            [Outsider.Resident] = await w.D.ClientAsync(Role.Resident, "S1/C1/G1"),
            [Outsider.Anonymous] = app.Anonymous(),
        };
        return new Setup(w, proposal, review, scheduled, agendaTopic, published, session, sessionTopic, adjourned, clients);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Outsiders_cannot_change_deliberation(string action, Outsider who)
    {
        var x = await Worlds.GetOrAdd(app, a => new Lazy<Task<Setup>>(() => CreateAsync(a))).Value;
        var w = x.W;
        var client = x.Clients[who];
        var before = await w.DbAsync(db => db.AuditEntries.CountAsync());
        var c = await w.CouncilAsync();
        var member = w.Members[0].MemberId;
        var response = action switch
        {
            "council.create" => await client.PostJson("/api/v1/deliberation/councils", new { areaId = w.D["S1/C1"].Id, name = "新议事会", kind = "GroupCouncil" }),
            "council.rules" => await client.PutJson($"/api/v1/deliberation/councils/{w.CouncilId}/rules", new
            {
                name = "改名",
                quorumNumerator = 1,
                quorumDenominator = 2,
                quorumInclusive = true,
                majorityNumerator = 1,
                majorityDenominator = 2,
                majorityInclusive = false,
                agendaLeadDays = 1,
                maxTopicsPerMeeting = 1,
                decidesVitalInterests = true,
                noticeDays = 3,
                version = DeliberationWorld.Version(c),
            }),
            "council.recurrence" => await client.PutJson($"/api/v1/deliberation/councils/{w.CouncilId}/recurrence", new { kind = "Weekly", weekday = 3, time = "19:00", version = DeliberationWorld.Version(c) }),
            "council.add-member" => await client.PostJson($"/api/v1/deliberation/councils/{w.CouncilId}/members", new { displayName = "张三", position = "Member" }),
            "council.end-member" => await client.PostJson($"/api/v1/deliberation/councils/{w.CouncilId}/members/{member}/end", new { reason = "离任" }),
            "meetings.generate" => await client.PostJson($"/api/v1/deliberation/councils/{w.CouncilId}/meetings/generate", new { weeks = 4 }),
            "meetings.create" => await client.PostJson($"/api/v1/deliberation/councils/{w.CouncilId}/meetings", new { kind = "Emergency" }),
            "meeting.cancel" => await client.PostJson($"/api/v1/deliberation/meetings/{x.ScheduledMeeting}/cancel", new { reason = "下雨", version = 1 }),
            "topic.accept" => await client.PostJson($"/api/v1/deliberation/topics/{x.ProposalTopic}/accept", new { reviewDays = 3, version = 0 }),
            "topic.send-back" => await client.PostJson($"/api/v1/deliberation/topics/{x.ReviewTopic}/send-back", new { reason = "退回", version = 1 }),
            "topic.reject" => await client.PostJson($"/api/v1/deliberation/topics/{x.ReviewTopic}/reject", new { reason = "不予", version = 1 }),
            "agenda.place" => await client.PostJson($"/api/v1/deliberation/meetings/{x.ScheduledMeeting}/agenda", new { topicId = x.ReviewTopic }),
            "agenda.remove" => await client.DeleteAsync($"/api/v1/deliberation/meetings/{x.ScheduledMeeting}/agenda/{x.AgendaTopic}"),
            "agenda.publish" => await client.PostJson($"/api/v1/deliberation/meetings/{x.ScheduledMeeting}/publish-agenda", new { version = 1 }),
            "session.open" => await client.PostJson($"/api/v1/deliberation/meetings/{x.PublishedMeeting}/open", new { version = 2, earlyStartReason = "成员到齐，提前开会" }),
            "session.attendance" => await client.PostJson($"/api/v1/deliberation/meetings/{x.PublishedMeeting}/attendance", new { memberId = member }),
            "session.notes" => await client.PutJson($"/api/v1/deliberation/meetings/{x.SessionMeeting}/agenda/{x.SessionTopic}/notes", new { notes = "讨论" }),
            "session.vote-for-other" => await client.PostJson($"/api/v1/deliberation/meetings/{x.SessionMeeting}/votes", new { topicId = x.SessionTopic, choice = "Against", memberId = w.Members[2].MemberId }),
            "session.resolve" => await client.PostJson($"/api/v1/deliberation/meetings/{x.SessionMeeting}/agenda/{x.SessionTopic}/resolve", new { }),
            "session.adjourn" => await client.PostJson($"/api/v1/deliberation/meetings/{x.SessionMeeting}/adjourn", new { version = 3 }),
            "minutes.draft" => await client.PutJson($"/api/v1/deliberation/meetings/{x.AdjournedMeeting}/minutes", new { text = "纪要", version = 4 }),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        var expected = who switch
        {
            Outsider.Anonymous => [HttpStatusCode.Unauthorized],
            Outsider.SiblingSecretary or Outsider.OtherDistrictAdmin => [HttpStatusCode.NotFound],
            Outsider.Resident => new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden },
            _ => [HttpStatusCode.Forbidden],
        };
        response.StatusCode.ShouldBeOneOf(expected, await response.Content.ReadAsStringAsync());
        if (who != Outsider.Anonymous) await response.ShouldBe(response.StatusCode);
        (await w.DbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(before);
    }
}

public sealed class DeliberationAuthorisationTests_Sqlite(SqliteApp app) : DeliberationAuthorisationTests(app), IClassFixture<SqliteApp>;

public sealed class DeliberationAuthorisationTests_Postgres(PostgresApp app) : DeliberationAuthorisationTests(app), IClassFixture<PostgresApp>;
