using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;

namespace Yishi.IntegrationTests.Accounts;

public abstract class RegistrationTests(YishiApp app)
{
    private const string Password = "Jumin@2026";
    private static int _phones;

    /// <summary>A mobile number no other test uses (user names are global across districts).</summary>
    private static string NewPhone() => $"139{Interlocked.Increment(ref _phones):D8}";

    [Fact]
    public async Task A_resident_registers_with_a_phone_number_is_signed_in_and_holds_the_resident_role_there()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = NewPhone();
        var client = app.Anonymous();
        var result = await (await client.PostJson("/api/v1/auth/register", new { phone, displayName = "赵大妈", password = Password, confirmPassword = Password, areaId = d["S1/C1/G2"].Id }))
            .ShouldBe(HttpStatusCode.Created);
        var id = result.GetProperty("id").GetGuid();
        result.GetProperty("linkedToRoster").GetBoolean().ShouldBeFalse();

        // Signed in by the registration itself: the resident's own area is visible.
        var tree = await (await client.GetAsync("/api/v1/areas")).ShouldBe(HttpStatusCode.OK);
        tree.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldBe([d["S1/C1/G2"].Id]);
        (await app.SignInAsync(phone, Password)).ShouldNotBeNull();

        await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.Kind.ShouldBe(AccountKind.Resident);
            user.UserName.ShouldBe(phone);
            user.DisplayName.ShouldBe("赵大妈");
            user.DistrictId.ShouldBe(d.Id);
            var role = await db.RoleAssignments.SingleAsync(r => r.UserId == id);
            (role.Role, role.AreaId).ShouldBe((Role.Resident, d["S1/C1/G2"].Id));
            var entries = await db.AuditEntries.Where(a => a.EntityId == id).ToListAsync();
            entries.Select(e => e.Action).ShouldContain("account.registered");
            // The resident's phone (their user name) never reaches the audit trail, not even as the actor.
            entries.ShouldAllBe(e => !(e.ActorName + e.From + e.To + e.Note).Contains(phone));
            entries.Single(e => e.Action == "account.registered").ActorName.ShouldBe($"{phone[..3]}****{phone[^4..]}");
        });
    }

    [Fact]
    public async Task A_phone_registered_twice_is_a_conflict_on_the_phone_field()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = NewPhone();
        var body = new { phone, displayName = "钱二", password = Password, confirmPassword = Password, areaId = d["S1/C1"].Id };
        await (await app.Anonymous().PostJson("/api/v1/auth/register", body)).ShouldBe(HttpStatusCode.Created);
        var problem = await (await app.Anonymous().PostJson("/api/v1/auth/register", body with { displayName = "孙三" })).ShouldBe(HttpStatusCode.Conflict);
        problem.Code().ShouldBe("account.phone_taken");
        problem.GetProperty("field").GetString().ShouldBe("Phone");
        problem.GetProperty("title").GetString().ShouldBe("该手机号已经注册，请直接登录。");
        (await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Users.CountAsync(u => u.PhoneNumber == phone))).ShouldBe(1);
    }

    [Fact]
    public async Task Bad_phones_weak_passwords_and_wrong_areas_are_field_errors_and_create_nothing()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = NewPhone();
        async Task<JsonElement> Refused(object body, string field)
        {
            var problem = await (await app.Anonymous().PostJson("/api/v1/auth/register", body)).ShouldBe(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue(problem.ToString());
            return messages;
        }
        (await Refused(new { phone = "1381234", displayName = "李四", password = Password, confirmPassword = Password, areaId = d["S1/C1"].Id }, "Phone"))[0].GetString().ShouldBe("请输入11位手机号码。");
        await Refused(new { phone = "23812345678", displayName = "李四", password = Password, confirmPassword = Password, areaId = d["S1/C1"].Id }, "Phone");
        (await Refused(new { phone, displayName = "李四", password = "12345678", confirmPassword = "12345678", areaId = d["S1/C1"].Id }, "Password"))[0].GetString()!.ShouldStartWith("密码至少8位");
        await Refused(new { phone, displayName = "李四", password = "password", confirmPassword = "password", areaId = d["S1/C1"].Id }, "Password");
        await Refused(new { phone, displayName = "李四", password = Password, confirmPassword = Password + "x", areaId = d["S1/C1"].Id }, "ConfirmPassword");
        await Refused(new { phone, displayName = "", password = Password, confirmPassword = Password, areaId = d["S1/C1"].Id }, "DisplayName");
        await Refused(new { phone, displayName = "李四", password = Password, confirmPassword = Password, areaId = d["S1"].Id }, "AreaId");
        await Refused(new { phone, displayName = "李四", password = Password, confirmPassword = Password, areaId = Guid.NewGuid() }, "AreaId");
        await Refused(new { phone, displayName = "李四", password = Password, confirmPassword = Password }, "AreaId");
        (await app.InScopeAsync(null, sp => sp.GetRequiredService<YishiDbContext>().Users.AnyAsync(u => u.UserName == phone))).ShouldBeFalse();
    }

    [Fact]
    public async Task Registration_links_the_roster_resident_of_that_area_with_the_same_phone()
    {
        var d = await TestDistrict.CreateAsync(app);
        var (father, son) = (NewPhone(), NewPhone());
        var (fatherId, sonId) = await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var household = new Household(d.Id, d["S1/C1/G1"].Id, d["S1/C1/G1"].Path, "幸福路1号", app.Clock.GetUtcNow().UtcDateTime);
            var a = new Resident(d.Id, household.Id, "周建国", true, father);
            var b = new Resident(d.Id, household.Id, "周小明", false, son);
            db.Households.Add(household);
            db.Residents.AddRange(a, b, new Resident(d.Id, household.Id, "周奶奶", false, null));
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        // Registering in another community does not link: the roster entry is not in that subtree.
        var elsewhere = await (await app.Anonymous().PostJson("/api/v1/auth/register", new { phone = father, displayName = "周建国", password = Password, confirmPassword = Password, areaId = d["S2/C3"].Id }))
            .ShouldBe(HttpStatusCode.Created);
        elsewhere.GetProperty("linkedToRoster").GetBoolean().ShouldBeFalse();

        var linked = await (await app.Anonymous().PostJson("/api/v1/auth/register", new { phone = son, displayName = "小明", password = Password, confirmPassword = Password, areaId = d["S1/C1"].Id }))
            .ShouldBe(HttpStatusCode.Created);
        linked.GetProperty("linkedToRoster").GetBoolean().ShouldBeTrue();
        var ids = new[] { elsewhere.GetProperty("id").GetGuid(), linked.GetProperty("id").GetGuid() };
        var residents = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.ResidentId));
        residents[ids[0]].ShouldBeNull();
        residents[ids[1]].ShouldBe(sonId);
        fatherId.ShouldNotBe(sonId);
    }

    [Fact]
    public async Task The_public_area_list_offers_active_areas_with_public_fields_only()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        await (await admin.PostJson($"/api/v1/areas/{d["S1/C1/G2"].Id}/retire", new { version = 0 })).ShouldBe(HttpStatusCode.OK);

        var areas = await (await app.Anonymous().GetAsync("/api/v1/public/areas")).ShouldBe(HttpStatusCode.OK);
        var mine = areas.EnumerateArray().Where(a => a.GetProperty("id").GetGuid() == d.Id || a.GetProperty("parentId").ValueKind != JsonValueKind.Null).ToList();
        var ids = areas.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        ids.ShouldContain(d["S1/C1"].Id);
        ids.ShouldContain(d["S2/C3/G1"].Id);
        ids.ShouldNotContain(d["S1/C1/G2"].Id);
        ids.IndexOf(d.Id).ShouldBeLessThan(ids.IndexOf(d["S1"].Id));
        ids.IndexOf(d["S1"].Id).ShouldBeLessThan(ids.IndexOf(d["S1/C1"].Id));
        foreach (var a in mine) a.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "parentId", "level", "name"]);
        var c1 = areas.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == d["S1/C1"].Id);
        (c1.GetProperty("name").GetString(), c1.GetProperty("level").GetString(), c1.GetProperty("parentId").GetGuid()).ShouldBe(("一社区", "Community", d["S1"].Id));
    }
}

public sealed class RegistrationTests_Sqlite(SqliteApp app) : RegistrationTests(app), IClassFixture<SqliteApp>;

public sealed class RegistrationTests_Postgres(PostgresApp app) : RegistrationTests(app), IClassFixture<PostgresApp>;
