using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;
using Yishi.ServiceAreas.Domain;

namespace Yishi.IntegrationTests.ServiceAreas;

/// <summary>A test district with households in S1/C1/G1, a secretary of S1/C1 and an approved points list (v1, effective 2025-11-01).</summary>
public sealed class PointsWorld
{
    public static readonly DateOnly V1From = new(2025, 11, 1);
    private readonly YishiApp _app;

    private PointsWorld(YishiApp app, TestDistrict d) { _app = app; D = d; }

    public TestDistrict D { get; }
    public HttpClient Secretary { get; private set; } = null!;
    public Guid Community => D["S1/C1"].Id;
    public Guid Household { get; private set; }
    public Guid VersionId { get; private set; }
    /// <summary>Rule codes of v1 → ids: P1 +5, P2 +3, N1 −5.</summary>
    public Dictionary<string, Guid> Rules { get; } = [];

    public static async Task<PointsWorld> CreateAsync(YishiApp app, bool approve = true)
    {
        var w = new PointsWorld(app, await TestDistrict.CreateAsync(app));
        w.Secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        w.Household = await w.HouseholdAsync("S1/C1/G1", "1号", "张伟华", "13800001111");
        var draft = await (await w.Secretary.PostJson($"/api/v1/communities/{w.Community}/point-list/drafts", new { })).ShouldBe(HttpStatusCode.Created);
        w.VersionId = draft.GetProperty("id").GetGuid();
        foreach (var (code, dir, pts, text) in new[] { ("P1", "Positive", 5, "参加义务劳动"), ("P2", "Positive", 3, "门前三包达标"), ("N1", "Negative", 5, "乱堆乱放") })
        {
            var rule = await (await w.Secretary.PostJson($"/api/v1/point-list-versions/{w.VersionId}/rules",
                new { code, direction = dir, points = pts, description = text, evidenceRequired = "现场照片", category = "人居环境" })).ShouldBe(HttpStatusCode.Created);
            w.Rules[code] = rule.GetProperty("id").GetGuid();
        }
        if (approve) await w.ApproveAsync(w.VersionId, V1From);
        return w;
    }

    public async Task<JsonElement> ApproveAsync(Guid versionId, DateOnly effectiveFrom, int total = 30, int present = 24, int votesFor = 20)
    {
        var version = await (await Secretary.GetAsync($"/api/v1/point-list-versions/{versionId}")).ShouldBe(HttpStatusCode.OK);
        return await (await Secretary.PostJson($"/api/v1/point-list-versions/{versionId}/approve", new
        {
            effectiveFrom,
            meetingDate = effectiveFrom,
            bodyName = "村民代表会议",
            membersTotal = total,
            present,
            @for = votesFor,
            against = present - votesFor,
            abstain = 0,
            version = version.GetProperty("version").GetInt32(),
        })).ShouldBe(HttpStatusCode.OK);
    }

    public async Task<Guid> HouseholdAsync(string areaKey, string houseNumber, string headName, string? phone)
    {
        var area = D[areaKey];
        return await _app.InScopeAsync(D.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var h = new Household(D.Id, area.Id, area.Path, houseNumber, _app.Clock.GetUtcNow().UtcDateTime);
            db.Households.Add(h);
            db.Residents.Add(new Resident(D.Id, h.Id, headName, true, phone));
            await db.SaveChangesAsync();
            return h.Id;
        });
    }

    /// <summary>A signed-in resident account linked to a member of <paramref name="householdId"/>.</summary>
    public async Task<HttpClient> ResidentOfAsync(Guid householdId, string areaKey = "S1/C1/G1")
    {
        var user = await D.UserAsync(Role.Resident, areaKey, "居民");
        await _app.InScopeAsync(D.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var resident = await db.Residents.FirstAsync(r => r.HouseholdId == householdId && r.IsHead);
            var u = await db.Users.FirstAsync(x => x.Id == user.Id);
            u.ResidentId = resident.Id;
            await db.SaveChangesAsync();
        });
        return await _app.SignInAsync(user.UserName!, TestDistrict.Password);
    }

    public async Task<(HttpClient Client, Guid UserId)> OfficialAsync(Role role, string areaKey)
    {
        var user = await D.UserAsync(role, areaKey);
        return (await _app.SignInAsync(user.UserName!, TestDistrict.Password), user.Id);
    }

    public Task<HttpResponseMessage> AwardAsync(HttpClient client, string rule = "P1", Guid? household = null, DateOnly? on = null, string evidence = "11月20日参加清扫村道")
        => client.PostJson("/api/v1/point-entries", new { householdId = household ?? Household, pointRuleId = Rules[rule], evidence, occurredOn = on ?? new DateOnly(2026, 11, 20) });

    public async Task<int> EntryCountAsync()
        => await _app.InScopeAsync(D.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<PointEntry>().CountAsync());

    public async Task<int> BalanceAsync(Guid household)
        => await _app.InScopeAsync(D.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<PointEntry>().Where(e => e.HouseholdId == household).SumAsync(e => e.Points));

    public async Task<int> AuditCountAsync(string action)
        => await _app.InScopeAsync(D.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.CountAsync(a => a.Action == action));
}
