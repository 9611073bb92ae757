using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;
using Yishi.ServiceAreas.Domain;

namespace Yishi.IntegrationTests.ServiceAreas;

/// <summary>
/// A test district with two service areas in S1/C1: A covers G1, B covers G2. Households: two in G1 (the first with a
/// resident account), one in G2 (with a resident account), one in S1/C2/G1. Organiser, supervisor and two volunteers in A,
/// an organiser in B; all appointed through the API by the community secretary.
/// </summary>
public sealed class ServiceAreaWorld
{
    private readonly YishiApp _app;

    private ServiceAreaWorld(YishiApp app, TestDistrict d) { _app = app; D = d; }

    public TestDistrict D { get; }
    public HttpClient Secretary { get; private set; } = null!;
    public Guid AreaA { get; private set; }
    public Guid AreaB { get; private set; }
    public Guid HomeA1 { get; private set; }
    public Guid HomeA2 { get; private set; }
    public Guid HomeB { get; private set; }
    public Guid HomeC2 { get; private set; }
    public YishiUser OrganiserA { get; private set; } = null!;
    public YishiUser SupervisorA { get; private set; } = null!;
    public YishiUser VolunteerA { get; private set; } = null!;
    public YishiUser VolunteerA2 { get; private set; } = null!;
    public YishiUser OrganiserB { get; private set; } = null!;
    public YishiUser ResidentA { get; private set; } = null!;
    public YishiUser ResidentB { get; private set; } = null!;
    public Guid MemberA { get; private set; }
    public Guid MemberA2 { get; private set; }
    public Guid ResidentWithoutAccountA { get; private set; }

    public static async Task<ServiceAreaWorld> CreateAsync(YishiApp app)
    {
        var w = new ServiceAreaWorld(app, await TestDistrict.CreateAsync(app));
        await w.SetUpAsync();
        return w;
    }

    private async Task SetUpAsync()
    {
        Secretary = await D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        Resident? a1 = null, b = null;
        await _app.InScopeAsync(D.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var now = _app.Clock.GetUtcNow().UtcDateTime;
            Household Home(string area, string number)
            {
                var h = new Household(D.Id, D[area].Id, D[area].Path, number, now);
                db.Households.Add(h);
                return h;
            }
            var h1 = Home("S1/C1/G1", "1栋101");
            var h2 = Home("S1/C1/G1", "1栋102");
            var h3 = Home("S1/C1/G2", "2栋201");
            var h4 = Home("S1/C2/G1", "二社区8号");
            a1 = new Resident(D.Id, h1.Id, "王建国", true, "13800001111");
            var a2 = new Resident(D.Id, h2.Id, "李秀英", true, "13800002222");
            b = new Resident(D.Id, h3.Id, "赵春梅", true, "13800003333");
            db.Residents.AddRange(a1, a2, b, new Resident(D.Id, h4.Id, "孙志强", true, "13800004444"));
            await db.SaveChangesAsync();
            (HomeA1, HomeA2, HomeB, HomeC2, ResidentWithoutAccountA) = (h1.Id, h2.Id, h3.Id, h4.Id, a2.Id);
        });
        OrganiserA = await D.UserAsync(Role.Organiser, "S1/C1/G1", "张组织");
        SupervisorA = await D.UserAsync(Role.Supervisor, "S1/C1/G1", "刘监督");
        VolunteerA = await D.UserAsync(Role.Volunteer, "S1/C1/G1", "陈志愿");
        VolunteerA2 = await D.UserAsync(Role.Volunteer, "S1/C1/G1", "周志愿");
        OrganiserB = await D.UserAsync(Role.Organiser, "S1/C1/G2", "吴组织");
        ResidentA = await ResidentUserAsync("S1/C1/G1", a1!.Id, "王建国");
        ResidentB = await ResidentUserAsync("S1/C1/G2", b!.Id, "赵春梅");

        AreaA = await CreateAreaAsync("一社区第一服务区", "S1/C1/G1");
        AreaB = await CreateAreaAsync("一社区第二服务区", "S1/C1/G2");
        await AppointAsync(AreaA, "Organiser", OrganiserA.Id);
        await AppointAsync(AreaA, "Supervisor", SupervisorA.Id);
        await AppointAsync(AreaB, "Organiser", OrganiserB.Id);
        MemberA = await AddMemberAsync(AreaA, VolunteerA.Id);
        MemberA2 = await AddMemberAsync(AreaA, VolunteerA2.Id);
    }

    private async Task<YishiUser> ResidentUserAsync(string area, Guid residentId, string name)
    {
        var user = await D.UserAsync(Role.Resident, area, name);
        await _app.InScopeAsync(D.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var u = await db.Users.SingleAsync(x => x.Id == user.Id);
            u.ResidentId = residentId;
            await db.SaveChangesAsync();
        });
        user.ResidentId = residentId;
        return user;
    }

    public async Task<Guid> CreateAreaAsync(string name, params string[] groups)
    {
        var body = await (await Secretary.PostJson("/api/v1/service-areas", new { communityId = D["S1/C1"].Id, name, duties = "宣传引导、志愿服务", groupIds = groups.Select(g => D[g].Id).ToArray() }))
            .ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    public async Task AppointAsync(Guid area, string kind, Guid userId, string? reason = null)
        => await (await Secretary.PostJson($"/api/v1/service-areas/{area}/posts", new { kind, userId, reason })).ShouldBe(HttpStatusCode.OK);

    public async Task<Guid> AddMemberAsync(Guid area, Guid userId)
        => (await (await Secretary.PostJson($"/api/v1/service-areas/{area}/team/members", new { kind = "PartyMember", userId })).ShouldBe(HttpStatusCode.OK)).GetProperty("id").GetGuid();

    public Task<HttpClient> AsAsync(YishiUser user) => _app.SignInAsync(user.UserName!, TestDistrict.Password);

    public async Task<T> DbAsync<T>(Func<YishiDbContext, Task<T>> work) => await _app.InScopeAsync(D.Id, sp => work(sp.GetRequiredService<YishiDbContext>()));

    public Task<int> CountAsync<TEntity>() where TEntity : class => DbAsync(db => db.Set<TEntity>().CountAsync());

    public Task<List<string>> AuditAsync(string entityType, Guid id)
        => DbAsync(db => db.AuditEntries.Where(a => a.EntityType == entityType && a.EntityId == id).OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => a.Action).ToListAsync());

    public Task<ResidentService> ServiceAsync(Guid id) => DbAsync(db => db.Set<ResidentService>().AsNoTracking().SingleAsync(s => s.Id == id));
}
