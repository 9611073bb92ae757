using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Demands;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Deliberation;

/// <summary>A test district with a community council, its members (each signed in) and helpers to move topics through a meeting.</summary>
public sealed class DeliberationWorld
{
    private readonly YishiApp _app;

    private DeliberationWorld(YishiApp app, DemandWorld demands, HttpClient secretary)
    {
        _app = app;
        Demands = demands;
        Secretary = secretary;
    }

    public DemandWorld Demands { get; }
    public TestDistrict D => Demands.D;
    /// <summary>The community secretary of S1/C1: runs the council's procedure.</summary>
    public HttpClient Secretary { get; }
    public Guid CouncilId { get; private set; }
    public List<(Guid MemberId, HttpClient Client)> Members { get; } = [];

    public static async Task<DeliberationWorld> CreateAsync(YishiApp app, int members = 9, string kind = "PublicCouncil")
    {
        var demands = await DemandWorld.CreateAsync(app);
        var w = new DeliberationWorld(app, demands, await demands.D.ClientAsync(Role.CommunitySecretary, "S1/C1"));
        w.CouncilId = await w.CreateCouncilAsync(kind, "一社区大众议事团");
        for (var i = 0; i < members; i++) w.Members.Add(await w.AddMemberAsync(w.CouncilId, "S1/C1"));
        return w;
    }

    public DateTime Now => _app.Clock.GetUtcNow().UtcDateTime;

    /// <summary>China time as typed into a form.</summary>
    public static string Local(DateTime utc) => utc.AddHours(8).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public async Task<Guid> CreateCouncilAsync(string kind, string name, string area = "S1/C1", HttpClient? client = null)
    {
        var body = await (await (client ?? Secretary).PostJson("/api/v1/deliberation/councils", new { areaId = D[area].Id, name, kind })).ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    public async Task<(Guid MemberId, HttpClient Client)> AddMemberAsync(Guid councilId, string area, string position = "Member", HttpClient? by = null)
    {
        var user = await D.UserAsync(Role.CouncilMember, area, $"议事员{Members.Count + 1}");
        var body = await (await (by ?? Secretary).PostJson($"/api/v1/deliberation/councils/{councilId}/members", new { userId = user.Id, position }))
            .ShouldBe(HttpStatusCode.Created);
        return (body.GetProperty("id").GetGuid(), await _app.SignInAsync(user.UserName!, TestDistrict.Password));
    }

    public async Task<JsonElement> CouncilAsync(Guid? id = null) => await (await Secretary.GetAsync($"/api/v1/deliberation/councils/{id ?? CouncilId}")).ShouldBe(HttpStatusCode.OK);

    public async Task<JsonElement> TopicAsync(Guid id) => (await (await Secretary.GetAsync($"/api/v1/deliberation/topics/{id}")).ShouldBe(HttpStatusCode.OK)).GetProperty("topic");

    public async Task<JsonElement> MeetingAsync(Guid id) => await (await Secretary.GetAsync($"/api/v1/deliberation/meetings/{id}")).ShouldBe(HttpStatusCode.OK);

    public static int Version(JsonElement e) => e.GetProperty("version").GetInt32();

    /// <summary>A topic raised by the secretary and accepted into review.</summary>
    public async Task<Guid> TopicInReviewAsync(Guid? councilId = null, bool vital = false, bool urgent = false, string title = "修缮3号楼屋顶")
    {
        var t = await (await Secretary.PostJson("/api/v1/deliberation/topics", new
        {
            councilId = councilId ?? CouncilId,
            title,
            description = "屋顶漏水，涉及12户",
            reason = "居民多次反映",
            estimatedCostFen = 1_200_000L,
            vitalInterest = vital,
            urgent,
        })).ShouldBe(HttpStatusCode.Created);
        var id = t.GetProperty("id").GetGuid();
        await (await Secretary.PostJson($"/api/v1/deliberation/topics/{id}/accept", new { reviewDays = 3, version = Version(t) })).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    public async Task<Guid> NewMeetingAsync(Guid? councilId = null, double inDays = 5, string kind = "Regular")
    {
        var m = await (await Secretary.PostJson($"/api/v1/deliberation/councils/{councilId ?? CouncilId}/meetings", new
        {
            kind,
            startsAt = Local(Now.AddDays(inDays)),
            place = "社区会议室",
            form = "SitDown",
        })).ShouldBe(HttpStatusCode.Created);
        return m.GetProperty("id").GetGuid();
    }

    /// <summary>A meeting with the topic on its published agenda, opened, with <paramref name="present"/> members checked in by the secretary.</summary>
    public async Task<Guid> SessionAsync(Guid topicId, int present)
    {
        var meetingId = await NewMeetingAsync();
        await (await Secretary.PostJson($"/api/v1/deliberation/meetings/{meetingId}/agenda", new { topicId })).ShouldBe(HttpStatusCode.OK);
        var m = (await MeetingAsync(meetingId)).GetProperty("meeting");
        m = await (await Secretary.PostJson($"/api/v1/deliberation/meetings/{meetingId}/publish-agenda", new { version = Version(m) })).ShouldBe(HttpStatusCode.OK);
        // Days before the announced start: an early start with a recorded reason (the meeting moves to now).
        await (await Secretary.PostJson($"/api/v1/deliberation/meetings/{meetingId}/open", new { version = Version(m), earlyStartReason = "成员到齐，提前开会" })).ShouldBe(HttpStatusCode.OK);
        foreach (var (memberId, _) in Members.Take(present))
            await (await Secretary.PostJson($"/api/v1/deliberation/meetings/{meetingId}/attendance", new { memberId })).ShouldBe(HttpStatusCode.Created);
        return meetingId;
    }

    public async Task<T> DbAsync<T>(Func<YishiDbContext, Task<T>> query)
        => await _app.InScopeAsync(D.Id, sp => query(sp.GetRequiredService<YishiDbContext>()));

    public Task<int> CountAsync<T>(Func<IQueryable<T>, IQueryable<T>> filter) where T : class
        => DbAsync(db => filter(db.Set<T>().AsNoTracking()).CountAsync());
}
