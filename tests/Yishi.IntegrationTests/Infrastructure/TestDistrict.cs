using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Infrastructure;

/// <summary>
/// A small district of its own for one test:
/// D → S1 (C1 → G1, G2; C2 → G1), S2 (C3 → G1). Keys: "D", "S1", "S1/C1", "S1/C1/G1", …
/// </summary>
public sealed class TestDistrict
{
    public const string Password = "Test@2026x";
    private readonly YishiApp _app;
    private readonly Dictionary<string, Area> _areas = [];

    private TestDistrict(YishiApp app) => _app = app;

    public Guid Id => _areas["D"].Id;
    public Area this[string key] => _areas[key];

    public static async Task<TestDistrict> CreateAsync(YishiApp app)
    {
        var d = new TestDistrict(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var district = Area.NewDistrict($"测试区{Guid.NewGuid().ToString("N")[..6]}", now);
        d._areas["D"] = district;
        void Child(string parentKey, string key, string name) => d._areas[key] = d._areas[parentKey].NewChild(name, now);
        Child("D", "S1", "一街道");
        Child("S1", "S1/C1", "一社区");
        Child("S1/C1", "S1/C1/G1", "第一网格");
        Child("S1/C1", "S1/C1/G2", "第二网格");
        Child("S1", "S1/C2", "二社区");
        Child("S1/C2", "S1/C2/G1", "第一村民组");
        Child("D", "S2", "二街道");
        Child("S2", "S2/C3", "三村");
        Child("S2/C3", "S2/C3/G1", "第一村民组");
        await app.InScopeAsync(district.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            db.Areas.AddRange(d._areas.Values);
            await db.SaveChangesAsync();
        });
        return d;
    }

    /// <summary>Creates an official holding <paramref name="role"/> in the area <paramref name="areaKey"/>.</summary>
    public async Task<YishiUser> UserAsync(Role role, string areaKey, string? displayName = null)
    {
        var area = _areas[areaKey];
        return await _app.InScopeAsync(Id, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<YishiUser>>();
            var db = sp.GetRequiredService<YishiDbContext>();
            var user = new YishiUser
            {
                Id = Guid.CreateVersion7(),
                UserName = $"u{Guid.NewGuid():N}"[..20],
                DisplayName = displayName ?? $"测试{role}",
                DistrictId = Id,
                Kind = role == Role.Resident ? AccountKind.Resident : AccountKind.Official,
                CreatedAt = _app.Clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user, Password);
            result.Succeeded.ShouldBeTrue(string.Join(",", result.Errors.Select(e => e.Code)));
            db.RoleAssignments.Add(new RoleAssignment(Id, user.Id, role, area.Id, area.Path, _app.Clock.GetUtcNow().UtcDateTime, null));
            await db.SaveChangesAsync();
            return user;
        });
    }

    /// <summary>A client signed in (through the API) as a new official holding <paramref name="role"/> in <paramref name="areaKey"/>.</summary>
    public async Task<HttpClient> ClientAsync(Role role, string areaKey)
    {
        var user = await UserAsync(role, areaKey);
        return await _app.SignInAsync(user.UserName!, Password);
    }

    public async Task<Area> ReloadAsync(string key)
        => await _app.InScopeAsync(Id, sp => sp.GetRequiredService<YishiDbContext>().Areas.AsNoTracking().SingleAsync(a => a.Id == _areas[key].Id));
}

public static class SignInExtensions
{
    public static async Task<HttpClient> SignInAsync(this YishiApp app, string userName, string password)
    {
        var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName, password });
        response.EnsureSuccessStatusCode();
        return client;
    }
}
