using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Demands.Domain;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Demands;

public abstract class DemandSettingsTests(YishiApp app)
{
    private const string Deadlines = "/api/v1/demand-settings/deadlines";
    private const string Settings = "/api/v1/demand-settings";
    private const string Rules = "/api/v1/demand-settings/triage-rules";
    private const string Units = "/api/v1/demand-settings/units";

    /// <summary>The district admin, a street officer, a community secretary (both inside the district without the role), anonymous.</summary>
    private sealed record Callers(HttpClient Admin, HttpClient Street, HttpClient Community, HttpClient Anonymous, HttpClient OtherAdmin);

    private async Task<Callers> CallersAsync(TestDistrict d)
    {
        var other = await TestDistrict.CreateAsync(app);
        return new Callers(
            await d.ClientAsync(Role.DistrictAdmin, "D"),
            await d.ClientAsync(Role.StreetOfficer, "S1"),
            await d.ClientAsync(Role.CommunitySecretary, "S1/C1"),
            app.Anonymous(),
            await other.ClientAsync(Role.DistrictAdmin, "D"));
    }

    /// <summary>Everyone but the admin is refused; an admin of another district does not find the row (404) when it has an id.</summary>
    private static async Task RefusedExceptAdminAsync(Callers c, Func<HttpClient, Task<HttpResponseMessage>> call, bool hasId)
    {
        (await (await call(c.Street)).ShouldBe(HttpStatusCode.Forbidden)).Code().ShouldBe("forbidden");
        (await (await call(c.Community)).ShouldBe(HttpStatusCode.Forbidden)).Code().ShouldBe("forbidden");
        await (await call(c.Anonymous)).ShouldBe(HttpStatusCode.Unauthorized);
        if (hasId) (await (await call(c.OtherAdmin)).ShouldBe(HttpStatusCode.NotFound)).Code().ShouldBe("not_found");
    }

    private static object[] DefaultTable(JsonElement table, Func<JsonElement, (int Ack, int Resolve)>? change = null)
        => [.. table.GetProperty("rules").EnumerateArray().Select(r =>
        {
            var (ack, resolve) = change?.Invoke(r) ?? (r.GetProperty("acknowledgeMinutes").GetInt32(), r.GetProperty("resolveMinutes").GetInt32());
            return (object)new
            {
                ownership = r.GetProperty("ownership").ValueKind == JsonValueKind.Null ? null : r.GetProperty("ownership").GetString(),
                urgent = r.GetProperty("urgent").GetBoolean(),
                acknowledgeMinutes = ack,
                resolveMinutes = resolve,
                version = r.GetProperty("version").GetInt32(),
            };
        })];

    private static bool Is(JsonElement rule, string? ownership, bool urgent)
        => (rule.GetProperty("ownership").ValueKind == JsonValueKind.Null ? null : rule.GetProperty("ownership").GetString()) == ownership
            && rule.GetProperty("urgent").GetBoolean() == urgent;

    private async Task<List<AuditEntry>> AuditAsync(Guid districtId, string prefix)
        => await app.InScopeAsync(districtId, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action.StartsWith(prefix)).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task Deadline_table_shows_the_defaults_and_only_the_district_admin_changes_it()
    {
        var d = await TestDistrict.CreateAsync(app);
        var c = await CallersAsync(d);
        var table = await (await c.Admin.GetAsync(Deadlines)).ShouldBe(HttpStatusCode.OK);
        var rules = table.GetProperty("rules").EnumerateArray().ToList();
        rules.Count.ShouldBe(8);
        var urgentGov = rules.Single(r => Is(r, "Government", true));
        urgentGov.GetProperty("acknowledgeMinutes").GetInt32().ShouldBe(120);
        urgentGov.GetProperty("resolveMinutes").GetInt32().ShouldBe(24 * 60);
        urgentGov.GetProperty("stored").GetBoolean().ShouldBeFalse();
        rules.Single(r => Is(r, "Government", false)).GetProperty("resolveMinutes").GetInt32().ShouldBe(15 * 24 * 60);

        var body = new { rules = DefaultTable(table, r => Is(r, "Government", true) ? (60, 12 * 60) : (r.GetProperty("acknowledgeMinutes").GetInt32(), r.GetProperty("resolveMinutes").GetInt32())) };
        await (await c.Street.GetAsync(Deadlines)).ShouldBe(HttpStatusCode.Forbidden);
        await RefusedExceptAdminAsync(c, client => client.PutJson(Deadlines, body), hasId: false);

        table = await (await c.Admin.PutJson(Deadlines, body)).ShouldBe(HttpStatusCode.OK);
        urgentGov = table.GetProperty("rules").EnumerateArray().Single(r => Is(r, "Government", true));
        urgentGov.GetProperty("acknowledgeMinutes").GetInt32().ShouldBe(60);
        urgentGov.GetProperty("stored").GetBoolean().ShouldBeTrue();

        // One audit entry, for the one cell that changed; another district's table is untouched.
        var audit = await AuditAsync(d.Id, "demand_settings.");
        audit.Count.ShouldBe(1);
        audit[0].Action.ShouldBe("demand_settings.deadline_changed");
        audit[0].From.ShouldBe("120/1440");
        audit[0].To.ShouldBe("60/720");
        audit[0].Note.ShouldBe("Government/urgent");
        var other = await (await c.OtherAdmin.GetAsync(Deadlines)).ShouldBe(HttpStatusCode.OK);
        other.GetProperty("rules").EnumerateArray().All(r => !r.GetProperty("stored").GetBoolean()).ShouldBeTrue();
    }

    [Fact]
    public async Task Changed_deadline_times_new_demands_while_running_demands_keep_their_due_times()
    {
        var w = await DemandWorld.CreateAsync(app);
        var admin = await w.D.ClientAsync(Role.DistrictAdmin, "D");
        var (before, _) = await w.SubmitAsync(urgent: true);
        var beforeDue = (await w.LoadAsync(before)).AcknowledgeDueAt;
        beforeDue.ShouldBe(app.Clock.GetUtcNow().UtcDateTime.AddHours(2));

        var table = await (await admin.GetAsync(Deadlines)).ShouldBe(HttpStatusCode.OK);
        await (await admin.PutJson(Deadlines, new
        {
            rules = DefaultTable(table, r => Is(r, null, true) ? (30, 8 * 60) : (r.GetProperty("acknowledgeMinutes").GetInt32(), r.GetProperty("resolveMinutes").GetInt32())),
        })).ShouldBe(HttpStatusCode.OK);

        var (after, _) = await w.SubmitAsync(urgent: true);
        (await w.LoadAsync(after)).AcknowledgeDueAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(30));
        (await w.LoadAsync(before)).AcknowledgeDueAt.ShouldBe(beforeDue);

        // Editing the "not yet triaged" row did not move the cells that used to fall back on it.
        table = await (await admin.GetAsync(Deadlines)).ShouldBe(HttpStatusCode.OK);
        table.GetProperty("rules").EnumerateArray().Single(r => Is(r, "Community", true)).GetProperty("acknowledgeMinutes").GetInt32().ShouldBe(120);
    }

    [Fact]
    public async Task Invalid_deadlines_are_refused_per_field_and_nothing_is_saved()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var problem = await (await admin.PutJson(Deadlines, new
        {
            rules = new object[]
            {
                new { ownership = (string?)null, urgent = false, acknowledgeMinutes = 0, resolveMinutes = 60, version = 0 },
                new { ownership = "Government", urgent = false, acknowledgeMinutes = 600, resolveMinutes = 60, version = 0 },
                new { ownership = "Community", urgent = true, acknowledgeMinutes = 60, resolveMinutes = 91 * 24 * 60, version = 0 },
                new { ownership = "Community", urgent = true, acknowledgeMinutes = 60, resolveMinutes = 120, version = 0 },
                new { ownership = "Personal", urgent = true, acknowledgeMinutes = (int?)null, resolveMinutes = 120, version = 0 },
            },
        })).ShouldBe(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("Rules[0].AcknowledgeMinutes")[0].GetString().ShouldBe("时限须大于零");
        errors.GetProperty("Rules[1].AcknowledgeMinutes")[0].GetString().ShouldBe("受理时限不能长于办结时限");
        errors.GetProperty("Rules[2].ResolveMinutes")[0].GetString().ShouldBe("时限不能超过 90 天");
        errors.GetProperty("Rules[3].Ownership")[0].GetString().ShouldBe("同一类别只能设置一条时限");
        errors.TryGetProperty("Rules[4].AcknowledgeMinutes", out _).ShouldBeTrue();

        using var english = new HttpRequestMessage(HttpMethod.Put, Deadlines)
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { rules = new[] { new { ownership = "Government", urgent = true, acknowledgeMinutes = 600, resolveMinutes = 60, version = 0 } } }),
        };
        english.Headers.AcceptLanguage.ParseAdd("en");
        (await (await admin.SendAsync(english)).ShouldBe(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("Rules[0].AcknowledgeMinutes")[0].GetString()
            .ShouldBe("Acknowledge-within cannot be longer than resolve-within");

        (await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<DeadlineRule>().CountAsync())).ShouldBe(0);
        (await AuditAsync(d.Id, "demand_settings.")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Stale_versions_conflict_on_deadlines_and_settings()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var table = await (await admin.GetAsync(Deadlines)).ShouldBe(HttpStatusCode.OK);
        var body = new { rules = DefaultTable(table, r => (r.GetProperty("acknowledgeMinutes").GetInt32(), r.GetProperty("resolveMinutes").GetInt32() + 60)) };
        await (await admin.PutJson(Deadlines, body)).ShouldBe(HttpStatusCode.OK);
        // The same (now stale) versions again: someone saved in between.
        (await (await admin.PutJson(Deadlines, body)).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("concurrency");

        var settings = await (await admin.GetAsync(Settings)).ShouldBe(HttpStatusCode.OK);
        settings.GetProperty("ratingWindowDays").GetInt32().ShouldBe(7);
        settings.GetProperty("version").GetInt32().ShouldBe(0);
        var saved = await (await admin.PutJson(Settings, new { ratingWindowDays = 10, reviewAfterDays = 14, version = 0 })).ShouldBe(HttpStatusCode.OK);
        saved.GetProperty("stored").GetBoolean().ShouldBeTrue();
        (await (await admin.PutJson(Settings, new { ratingWindowDays = 20, reviewAfterDays = 14, version = 0 })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("concurrency");
        saved = await (await admin.PutJson(Settings, new { ratingWindowDays = 20, reviewAfterDays = 14, version = saved.GetProperty("version").GetInt32() })).ShouldBe(HttpStatusCode.OK);
        saved.GetProperty("ratingWindowDays").GetInt32().ShouldBe(20);
        saved.GetProperty("version").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Rating_and_review_settings_are_range_checked_and_admin_only()
    {
        var d = await TestDistrict.CreateAsync(app);
        var c = await CallersAsync(d);
        var problem = await (await c.Admin.PutJson(Settings, new { ratingWindowDays = 0, reviewAfterDays = 91, version = 0 })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("RatingWindowDays")[0].GetString().ShouldBe("评价期限须在 1 至 60 天之间");
        problem.GetProperty("errors").GetProperty("ReviewAfterDays")[0].GetString().ShouldBe("回头议时间须在 0 至 90 天之间");
        problem = await (await c.Admin.PutJson(Settings, new { ratingWindowDays = 61, reviewAfterDays = 0, version = 0 })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("ReviewAfterDays", out _).ShouldBeFalse();
        (await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<DemandSettings>().CountAsync())).ShouldBe(0);

        await RefusedExceptAdminAsync(c, client => client.PutJson(Settings, new { ratingWindowDays = 30, reviewAfterDays = 0, version = 0 }), hasId: false);
        await (await c.Admin.PutJson(Settings, new { ratingWindowDays = 60, reviewAfterDays = 0, version = 0 })).ShouldBe(HttpStatusCode.OK);
        var audit = await AuditAsync(d.Id, "demand_settings.");
        audit.Single().Action.ShouldBe("demand_settings.changed");
        audit.Single().To.ShouldBe("rating=60d,review=0d");
    }

    [Fact]
    public async Task District_triage_rules_replace_the_defaults_in_the_suggestion()
    {
        var w = await DemandWorld.CreateAsync(app);
        var admin = await w.D.ClientAsync(Role.DistrictAdmin, "D");
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var (leak, _) = await w.SubmitAsync(text: "三栋楼顶漏水，下雨天家里到处滴水");
        var (septic, _) = await w.SubmitAsync(text: "小区化粪池满溢，气味很大");

        var suggestion = await (await secretary.GetAsync($"/api/v1/demands/{leak}/triage-suggestion")).ShouldBe(HttpStatusCode.OK);
        suggestion.GetProperty("matchedKeywords").EnumerateArray().Select(k => k.GetString()).ShouldContain("漏水");
        suggestion = await (await secretary.GetAsync($"/api/v1/demands/{septic}/triage-suggestion")).ShouldBe(HttpStatusCode.OK);
        suggestion.GetProperty("ownership").ValueKind.ShouldBe(JsonValueKind.Null);

        await (await admin.PostJson(Rules, new { keyword = "化粪池", ownership = "Government", mustDeliberate = "Environment" })).ShouldBe(HttpStatusCode.Created);

        suggestion = await (await secretary.GetAsync($"/api/v1/demands/{septic}/triage-suggestion")).ShouldBe(HttpStatusCode.OK);
        suggestion.GetProperty("ownership").GetString().ShouldBe("Government");
        suggestion.GetProperty("mustDeliberate").GetString().ShouldBe("Environment");
        suggestion.GetProperty("matchedKeywords")[0].GetString().ShouldBe("化粪池");
        // The district has rules of its own now: the built-in 漏水 no longer applies.
        suggestion = await (await secretary.GetAsync($"/api/v1/demands/{leak}/triage-suggestion")).ShouldBe(HttpStatusCode.OK);
        suggestion.GetProperty("matchedKeywords").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Triage_rules_are_validated_unique_per_district_and_admin_only()
    {
        var d = await TestDistrict.CreateAsync(app);
        var c = await CallersAsync(d);
        var problem = await (await c.Admin.PostJson(Rules, new { keyword = "  ", ownership = (string?)null })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("Keyword")[0].GetString().ShouldBe("此项为必填。");
        problem.GetProperty("errors").GetProperty("Ownership")[0].GetString().ShouldBe("至少选择一项建议：归属、议事内容或十必议类别");
        problem = await (await c.Admin.PostJson(Rules, new { keyword = new string('水', 21), ownership = "Community" })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("Keyword")[0].GetString().ShouldBe("关键词最多 20 个字");
        (await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<TriageRule>().CountAsync())).ShouldBe(0);

        var body = new { keyword = new string('水', 20), contentCategory = "Development" };
        await RefusedExceptAdminAsync(c, client => client.PostJson(Rules, body), hasId: false);
        var created = await (await c.Admin.PostJson(Rules, body)).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        (await (await c.Admin.PostJson(Rules, new { keyword = $" {body.keyword} ", ownership = "Community" })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("triage_rule.keyword_taken");
        // The same keyword in another district is another district's business.
        await (await c.OtherAdmin.PostJson(Rules, body)).ShouldBe(HttpStatusCode.Created);

        var update = new { keyword = "水管", ownership = "Personal", version = 0 };
        await RefusedExceptAdminAsync(c, client => client.PutJson($"{Rules}/{id}", update), hasId: true);
        var updated = await (await c.Admin.PutJson($"{Rules}/{id}", update)).ShouldBe(HttpStatusCode.OK);
        updated.GetProperty("keyword").GetString().ShouldBe("水管");
        updated.GetProperty("contentCategory").ValueKind.ShouldBe(JsonValueKind.Null);
        (await (await c.Admin.PutJson($"{Rules}/{id}", update)).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("concurrency");

        await RefusedExceptAdminAsync(c, client => client.DeleteAsync($"{Rules}/{id}"), hasId: true);
        await (await c.Admin.DeleteAsync($"{Rules}/{id}")).ShouldBe(HttpStatusCode.NoContent);
        await (await c.Admin.DeleteAsync($"{Rules}/{id}")).ShouldBe(HttpStatusCode.NotFound);

        (await AuditAsync(d.Id, "demand_settings.triage_rule")).Select(a => a.Action).ShouldBe([
            "demand_settings.triage_rule_created", "demand_settings.triage_rule_changed", "demand_settings.triage_rule_deleted"], ignoreOrder: true);
    }

    [Fact]
    public async Task Default_rules_can_be_loaded_into_a_district_without_rules_once()
    {
        var d = await TestDistrict.CreateAsync(app);
        var c = await CallersAsync(d);
        (await (await c.Admin.GetAsync(Rules)).ShouldBe(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
        await RefusedExceptAdminAsync(c, client => client.PostJson($"{Rules}/load-defaults", new { }), hasId: false);
        var loaded = await (await c.Admin.PostJson($"{Rules}/load-defaults", new { })).ShouldBe(HttpStatusCode.OK);
        loaded.GetArrayLength().ShouldBe(TriageSuggester.Defaults.Length);
        loaded.EnumerateArray().Select(r => r.GetProperty("keyword").GetString()).ShouldContain("漏水");
        (await (await c.Admin.PostJson($"{Rules}/load-defaults", new { })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("triage_rules.not_empty");
        (await AuditAsync(d.Id, "demand_settings.")).Single().Action.ShouldBe("demand_settings.triage_defaults_loaded");
    }

    [Fact]
    public async Task Units_are_read_by_officials_and_managed_by_the_admin_with_department_officers_as_members()
    {
        var d = await TestDistrict.CreateAsync(app);
        var c = await CallersAsync(d);
        var officer = await d.UserAsync(Role.DepartmentOfficer, "D", "王建国");
        var gridWorker = await d.UserAsync(Role.GridWorker, "S1/C1/G1");

        var problem = await (await c.Admin.PostJson(Units, new { name = " ", duties = new string('职', 501) })).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("Name", out _).ShouldBeTrue();
        problem.GetProperty("errors").TryGetProperty("Duties", out _).ShouldBeTrue();
        await RefusedExceptAdminAsync(c, client => client.PostJson(Units, new { name = "民政局" }), hasId: false);
        var unit = await (await c.Admin.PostJson(Units, new { name = "民政局", duties = "低保、养老" })).ShouldBe(HttpStatusCode.Created);
        var id = unit.GetProperty("id").GetGuid();
        (await (await c.Admin.PostJson(Units, new { name = "民政局" })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("handling_unit.name_taken");

        // Street and community cadres read units (they pick them when routing); residents do not.
        (await (await c.Street.GetAsync(Units)).ShouldBe(HttpStatusCode.OK)).GetArrayLength().ShouldBe(1);
        await (await c.Community.GetAsync($"{Units}/{id}")).ShouldBe(HttpStatusCode.OK);
        var resident = await d.ClientAsync(Role.Resident, "S1/C1/G1");
        await (await resident.GetAsync(Units)).ShouldBe(HttpStatusCode.Forbidden);
        await (await c.OtherAdmin.GetAsync($"{Units}/{id}")).ShouldBe(HttpStatusCode.NotFound);

        var rename = new { name = "区民政局", duties = "低保、养老、救助", version = 0 };
        await RefusedExceptAdminAsync(c, client => client.PutJson($"{Units}/{id}", rename), hasId: true);
        (await (await c.Admin.PutJson($"{Units}/{id}", rename)).ShouldBe(HttpStatusCode.OK)).GetProperty("name").GetString().ShouldBe("区民政局");
        (await (await c.Admin.PutJson($"{Units}/{id}", rename)).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("concurrency");

        var candidates = await (await c.Admin.GetAsync($"{Units}/{id}/candidates")).ShouldBe(HttpStatusCode.OK);
        candidates.EnumerateArray().Select(u => u.GetProperty("userId").GetGuid()).ShouldBe([officer.Id]);
        (await (await c.Admin.PostJson($"{Units}/{id}/members", new { userId = gridWorker.Id })).ShouldBe(HttpStatusCode.UnprocessableEntity)).Code()
            .ShouldBe("handling_unit.member_not_officer");
        await RefusedExceptAdminAsync(c, client => client.PostJson($"{Units}/{id}/members", new { userId = officer.Id }), hasId: true);
        await (await c.Admin.PostJson($"{Units}/{id}/members", new { userId = officer.Id })).ShouldBe(HttpStatusCode.NoContent);
        (await (await c.Admin.PostJson($"{Units}/{id}/members", new { userId = officer.Id })).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("handling_unit.already_member");
        var detail = await (await c.Admin.GetAsync($"{Units}/{id}")).ShouldBe(HttpStatusCode.OK);
        detail.GetProperty("members")[0].GetProperty("displayName").GetString().ShouldBe("王建国");

        await RefusedExceptAdminAsync(c, client => client.DeleteAsync($"{Units}/{id}/members/{officer.Id}"), hasId: true);
        await (await c.Admin.DeleteAsync($"{Units}/{id}/members/{officer.Id}")).ShouldBe(HttpStatusCode.NoContent);

        var deactivate = new { active = false, version = 1 };
        await RefusedExceptAdminAsync(c, client => client.PutJson($"{Units}/{id}/active", deactivate), hasId: true);
        (await (await c.Admin.PutJson($"{Units}/{id}/active", deactivate)).ShouldBe(HttpStatusCode.OK)).GetProperty("active").GetBoolean().ShouldBeFalse();

        var audit = await AuditAsync(d.Id, "demand_settings.unit");
        audit.Select(a => a.Action).ShouldBe([
            "demand_settings.unit_created", "demand_settings.unit_renamed", "demand_settings.unit_duties_changed",
            "demand_settings.unit_member_added", "demand_settings.unit_member_removed", "demand_settings.unit_deactivated"], ignoreOrder: true);
        audit.ShouldAllBe(a => (a.From ?? "").Contains("王建国") == false && (a.To ?? "").Contains("王建国") == false && (a.Note ?? "").Contains("王建国") == false);
    }

    [Fact]
    public async Task Deactivated_unit_cannot_receive_assignments_escalations_or_referrals()
    {
        var w = await DemandWorld.CreateAsync(app);
        var admin = await w.D.ClientAsync(Role.DistrictAdmin, "D");
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var street = await w.D.ClientAsync(Role.StreetOfficer, "S1");
        var housing = await w.OfficerAsync(w.Housing);
        await (await admin.PutJson($"{Units}/{w.Transport}/active", new { active = false, version = 0 })).ShouldBe(HttpStatusCode.OK);
        // Deactivated units drop out of the routing pickers but stay readable.
        (await (await street.GetAsync($"{Units}?includeInactive=false")).ShouldBe(HttpStatusCode.OK)).EnumerateArray()
            .Select(u => u.GetProperty("id").GetGuid()).ShouldBe([w.Housing]);

        var (id, _) = await w.SubmitAsync();
        var d = await w.GetAsync(secretary, id);
        var problem = await (await secretary.PostJson($"/api/v1/demands/{id}/triage", new
        {
            ownership = "Government",
            route = "Assign",
            unitId = w.Transport,
            note = "交通局处理",
            version = DemandWorld.Version(d),
        })).ShouldBe(HttpStatusCode.Conflict);
        problem.Code().ShouldBe("demand.unit_inactive");
        problem.GetProperty("title").GetString().ShouldBe("该承办单位已停用，不能再交办或转办");

        d = await (await secretary.PostJson($"/api/v1/demands/{id}/escalate", new { reason = "社区无力处理", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        (await (await street.PostJson($"/api/v1/demands/{id}/escalate", new { reason = "需交通局处理", unitId = w.Transport, version = DemandWorld.Version(d) }))
            .ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("demand.unit_inactive");
        d = await (await street.PostJson($"/api/v1/demands/{id}/escalate", new { reason = "需住建局处理", unitId = w.Housing, version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);

        d = await w.GetAsync(housing, id);
        (await (await housing.PostJson($"/api/v1/demands/{id}/refer", new { unitId = w.Transport, reason = "道路属交通局", version = DemandWorld.Version(d) }))
            .ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("demand.unit_inactive");
        (await w.LoadAsync(id)).UnitId.ShouldBe(w.Housing); // nothing saved

        // Reactivated, it can be referred to again.
        await (await admin.PutJson($"{Units}/{w.Transport}/active", new { active = true, version = 1 })).ShouldBe(HttpStatusCode.OK);
        await (await housing.PostJson($"/api/v1/demands/{id}/refer", new { unitId = w.Transport, reason = "道路属交通局", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class DemandSettingsTests_Sqlite(SqliteApp app) : DemandSettingsTests(app), IClassFixture<SqliteApp>;

public sealed class DemandSettingsTests_Postgres(PostgresApp app) : DemandSettingsTests(app), IClassFixture<PostgresApp>;
