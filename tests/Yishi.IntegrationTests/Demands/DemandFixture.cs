using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Demands.Domain;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Demands;

/// <summary>A test district with two departments and helpers to move demands along.</summary>
public sealed class DemandWorld
{
    private readonly YishiApp _app;

    private DemandWorld(YishiApp app, TestDistrict d) { _app = app; D = d; }

    public TestDistrict D { get; }
    public Guid Housing { get; private set; }
    public Guid Transport { get; private set; }

    public static async Task<DemandWorld> CreateAsync(YishiApp app)
    {
        var w = new DemandWorld(app, await TestDistrict.CreateAsync(app));
        await app.InScopeAsync(w.D.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var housing = new HandlingUnit(w.D.Id, "住建局", "房屋、燃气");
            var transport = new HandlingUnit(w.D.Id, "交通局", "道路、公交");
            db.AddRange(housing, transport);
            await db.SaveChangesAsync();
            w.Housing = housing.Id;
            w.Transport = transport.Id;
        });
        return w;
    }

    /// <summary>A client for a department officer who is a member of <paramref name="unitId"/>.</summary>
    public async Task<HttpClient> OfficerAsync(Guid unitId)
    {
        var user = await D.UserAsync(Role.DepartmentOfficer, "D");
        await _app.InScopeAsync(D.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            db.Add(new UnitMember(D.Id, unitId, user.Id));
            await db.SaveChangesAsync();
        });
        return await _app.SignInAsync(user.UserName!, TestDistrict.Password);
    }

    public async Task<(Guid Id, string Code)> SubmitAsync(HttpClient? client = null, string area = "S1/C1/G1", bool urgent = false, string text = "三栋楼顶漏水，下雨天家里到处滴水")
    {
        client ??= _app.Anonymous();
        var body = await (await client.PostJson("/api/v1/demands", new { areaId = D[area].Id, description = text, location = "3栋", urgent, contactPhone = "13800138000" }))
            .ShouldBe(HttpStatusCode.Created);
        return (body.GetProperty("id").GetGuid(), body.GetProperty("trackingCode").GetString()!);
    }

    public async Task<JsonElement> GetAsync(HttpClient client, Guid id) => await (await client.GetAsync($"/api/v1/demands/{id}")).ShouldBe(HttpStatusCode.OK);

    public static int Version(JsonElement demand) => demand.GetProperty("version").GetInt32();

    public async Task<Demand> LoadAsync(Guid id)
        => await _app.InScopeAsync(D.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<Demand>().AsNoTracking().SingleAsync(x => x.Id == id));

    public async Task<List<string>> TimelineAsync(Guid id)
        => await _app.InScopeAsync(D.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries
            .Where(a => a.EntityType == "demand" && a.EntityId == id).OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => a.Action).ToListAsync());
}
