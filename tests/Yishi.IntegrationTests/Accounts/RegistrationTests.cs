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
    private const string Password = Registrant.Password;
    private static int _phones;

    /// <summary>A mobile number no other test uses (user names are global across districts).</summary>
    private static string NewPhone() => $"139{Interlocked.Increment(ref _phones):D8}";

    [Fact]
    public async Task A_resident_registers_with_a_phone_number_and_the_texted_code_then_signs_in_holding_the_resident_role_there()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = NewPhone();
        var result = await app.RegisteredAsync(phone, "赵大妈", d["S1/C1/G2"].Id);
        result.GetRawText().ShouldBe("""{"outcome":"submitted","next":"/account/sign-in"}""");

        // Registration does not sign in (its answer is the same for a phone that already has an account): sign in next.
        var client = await app.SignInAsync(phone, Password);
        var tree = await (await client.GetAsync("/api/v1/areas")).ShouldBe(HttpStatusCode.OK);
        tree.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldBe([d["S1/C1/G2"].Id]);

        await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var user = await db.Users.SingleAsync(u => u.UserName == phone);
            var id = user.Id;
            user.Kind.ShouldBe(AccountKind.Resident);
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
    public async Task A_phone_registered_twice_gets_the_same_answer_creates_nothing_and_texts_the_owner()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = NewPhone();
        var first = await app.RegisterAsync(phone, "钱二", d["S1/C1"].Id);
        var firstBody = await first.ShouldBe(HttpStatusCode.Accepted);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var second = await app.RegisterAsync(phone, "孙三", d["S2/C3"].Id);
        var secondBody = await second.ShouldBe(HttpStatusCode.Accepted);
        secondBody.GetRawText().ShouldBe(firstBody.GetRawText());
        second.Headers.Contains("Set-Cookie").ShouldBe(first.Headers.Contains("Set-Cookie"));

        (await app.InScopeAsync(null, sp => sp.GetRequiredService<YishiDbContext>().Users.CountAsync(u => u.PhoneNumber == phone))).ShouldBe(1);
        (await app.InScopeAsync(null, sp => sp.GetRequiredService<YishiDbContext>().Users.SingleAsync(u => u.PhoneNumber == phone))).DisplayName.ShouldBe("钱二");
        var texts = await app.TextsToAsync(phone);
        texts.Count.ShouldBe(3);
        texts[^1].ShouldContain("有人用您的手机号申请注册");
        // The first password still works; the second registration's does not exist.
        (await app.SignInAsync(phone, Password)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Bad_phones_weak_passwords_and_wrong_areas_are_field_errors_and_create_nothing()
    {
        var d = await TestDistrict.CreateAsync(app);
        var phone = NewPhone();
        var code = await app.CodeAsync(phone, d["S1/C1"].Id);
        async Task<JsonElement> Refused(object body, string field)
        {
            var problem = await (await app.Anonymous().PostJson("/api/v1/auth/register", body)).ShouldBe(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue(problem.ToString());
            return messages;
        }
        (await Refused(new { phone = "1381234", displayName = "李四", password = Password, confirmPassword = Password, areaId = d["S1/C1"].Id, code }, "Phone"))[0].GetString().ShouldBe("请输入11位手机号码。");
        await Refused(new { phone = "23812345678", displayName = "李四", password = Password, confirmPassword = Password, areaId = d["S1/C1"].Id, code }, "Phone");
        (await Refused(new { phone, displayName = "李四", password = "12345678", confirmPassword = "12345678", areaId = d["S1/C1"].Id, code }, "Password"))[0].GetString()!.ShouldStartWith("密码至少8位");
        await Refused(new { phone, displayName = "李四", password = "password", confirmPassword = "password", areaId = d["S1/C1"].Id, code }, "Password");
        await Refused(new { phone, displayName = "李四", password = Password, confirmPassword = Password + "x", areaId = d["S1/C1"].Id, code }, "ConfirmPassword");
        await Refused(new { phone, displayName = "", password = Password, confirmPassword = Password, areaId = d["S1/C1"].Id, code }, "DisplayName");
        await Refused(new { phone, displayName = "李四", password = Password, confirmPassword = Password, areaId = d["S1"].Id, code }, "AreaId");
        await Refused(new { phone, displayName = "李四", password = Password, confirmPassword = Password, areaId = Guid.NewGuid(), code }, "AreaId");
        await Refused(new { phone, displayName = "李四", password = Password, confirmPassword = Password, code }, "AreaId");
        await Refused(new { phone, displayName = "李四", password = Password, confirmPassword = Password, areaId = d["S1/C1"].Id }, "Code");
        (await app.InScopeAsync(null, sp => sp.GetRequiredService<YishiDbContext>().Users.AnyAsync(u => u.UserName == phone))).ShouldBeFalse();
        // None of these refusals counted against the code: it still registers.
        await (await app.Anonymous().PostJson("/api/v1/auth/register", new { phone, displayName = "李四", password = Password, confirmPassword = Password, areaId = d["S1/C1"].Id, code }))
            .ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Registration_links_the_roster_resident_of_that_area_with_the_proved_phone()
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

        // Registering in another community does not link: the roster entry is not in that subtree. Both answers are alike.
        var elsewhere = await app.RegisteredAsync(father, "周建国", d["S2/C3"].Id);
        var linked = await app.RegisteredAsync(son, "小明", d["S1/C1"].Id);
        linked.GetRawText().ShouldBe(elsewhere.GetRawText());
        linked.TryGetProperty("linkedToRoster", out _).ShouldBeFalse();
        var residents = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Users.Where(u => u.UserName == father || u.UserName == son).ToDictionaryAsync(u => u.UserName!, u => u.ResidentId));
        residents[father].ShouldBeNull();
        residents[son].ShouldBe(sonId);
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
