using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Api;

/// <summary>The central input rules: the same 400 naming the field on both providers, never a 500, nothing saved.</summary>
public abstract class InputGuardTests(YishiApp app)
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_NUL_or_control_character_in_a_text_field_is_a_400_naming_the_field_and_nothing_is_saved()
    {
        var d = await TestDistrict.CreateAsync(app);
        var anon = app.Anonymous();
        foreach (var bad in new[] { "漏水\u0000了", "漏水\u0007了", "漏水\u001b了", "漏水\ud800了" })
        {
            var body = JsonSerializer.Serialize(new { areaId = d["S1/C1"].Id, description = bad, urgent = false });
            var problem = await (await anon.PostAsync("/api/v1/demands", Json(body))).ShouldBe(HttpStatusCode.BadRequest);
            problem.Code().ShouldBe("validation");
            problem.GetProperty("errors").TryGetProperty("Description", out _).ShouldBeTrue(problem.ToString());
        }
        // Tabs and line breaks are text.
        var ok = JsonSerializer.Serialize(new { areaId = d["S1/C1"].Id, description = "三栋楼顶漏水\r\n\t下雨天家里到处滴水", urgent = false });
        await (await anon.PostAsync("/api/v1/demands", Json(ok))).ShouldBe(HttpStatusCode.Created);
        var saved = await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<Yishi.Demands.Domain.Demand>().CountAsync(x => x.AreaPath.StartsWith(d["D"].Path)));
        saved.ShouldBe(1);

        // In the query string and path as well, for the API and for pages.
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var query = await (await admin.GetAsync("/api/v1/demands?q=%00")).ShouldBe(HttpStatusCode.BadRequest);
        query.GetProperty("errors").TryGetProperty("q", out _).ShouldBeTrue();
        (await admin.GetAsync("/demands?q=%01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/v1/demands/track/YS%01X")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Undefined_enum_values_are_a_400_naming_the_field()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        foreach (var channel in new[] { "999", "-1", "\"999\"", "\"NoSuchChannel\"" })
        {
            var problem = await (await admin.PostAsync("/api/v1/demands", Json($$"""{"areaId":"{{d["S1/C1"].Id}}","description":"路灯坏了好几天了","channel":{{channel}},"urgent":false}""")))
                .ShouldBe(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").TryGetProperty("Channel", out _).ShouldBeTrue(problem.ToString());
        }
        var view = await (await admin.GetAsync("/api/v1/demands/inbox?view=999")).ShouldBe(HttpStatusCode.BadRequest);
        view.GetProperty("errors").TryGetProperty("view", out _).ShouldBeTrue(view.ToString());
        (await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<Yishi.Demands.Domain.Demand>().CountAsync(x => x.AreaPath.StartsWith(d["D"].Path)))).ShouldBe(0);
    }

    [Fact]
    public async Task Extreme_dates_are_a_400_and_sane_ones_are_answered()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        foreach (var url in new[] { "/api/v1/service-areas/stats?from=0001-01-01", "/api/v1/service-areas/stats?to=9999-12-31", "/api/v1/demands/stats?from=0001-01-01T00:00:00Z", "/api/v1/demands/stats?to=9999-12-31T23:59:59Z" })
        {
            var problem = await (await admin.GetAsync(url)).ShouldBe(HttpStatusCode.BadRequest);
            problem.Code().ShouldBe("validation");
            problem.GetProperty("errors").EnumerateObject().Single().Name.ShouldBeOneOf("from", "to");
        }
        await (await admin.GetAsync("/api/v1/service-areas/stats?from=2026-01-01&to=2026-12-31")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Malformed_json_wrong_types_and_arrays_for_objects_are_a_400_problem()
    {
        var d = await TestDistrict.CreateAsync(app);
        var anon = app.Anonymous();
        foreach (var junk in new[] { "{", "[]", "[{}]", "\"text\"", $$"""{"areaId":"{{d["S1/C1"].Id}}","description":123}""", $$"""{"areaId":"{{d["S1/C1"].Id}}","description":"x","urgent":"yes"}""" })
        {
            var problem = await (await anon.PostAsync("/api/v1/demands", Json(junk))).ShouldBe(HttpStatusCode.BadRequest);
            problem.Code().ShouldBe("bad_request");
        }
        var typed = await (await anon.PostAsync("/api/v1/demands", Json($$"""{"areaId":"{{d["S1/C1"].Id}}","description":"x","urgent":"yes"}"""))).ShouldBe(HttpStatusCode.BadRequest);
        typed.GetProperty("errors").TryGetProperty("Urgent", out _).ShouldBeTrue(typed.ToString());
        var huge = JsonSerializer.Serialize(new { areaId = d["S1/C1"].Id, description = new string('漏', 1_000_000), urgent = false });
        await (await anon.PostAsync("/api/v1/demands", Json(huge))).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_truncated_multipart_body_on_the_anonymous_photo_upload_is_a_400_problem()
    {
        var d = await TestDistrict.CreateAsync(app);
        var anon = app.Anonymous();
        var created = await (await anon.PostAsync("/api/v1/demands", Json(JsonSerializer.Serialize(new { areaId = d["S1/C1/G1"].Id, description = "三栋楼顶漏水，下雨天家里到处滴水", urgent = false }))))
            .ShouldBe(HttpStatusCode.Created);
        var code = created.GetProperty("trackingCode").GetString();
        var body = new ByteArrayContent(Encoding.Latin1.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ffabc"));
        body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        var problem = await (await anon.PostAsync($"/api/v1/demands/track/{code}/photos", body)).ShouldBe(HttpStatusCode.BadRequest);
        problem.Code().ShouldBe("bad_request");
    }

    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("evil")]
    public async Task The_language_switch_redirects_only_to_local_pages(string target)
    {
        var response = await app.Anonymous().GetAsync("/culture?c=en&r=" + Uri.EscapeDataString(target));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task The_language_switch_returns_to_a_local_page()
    {
        var response = await app.Anonymous().GetAsync("/culture?c=en&r=" + Uri.EscapeDataString("/track?code=YS-1"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/track?code=YS-1");
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_errors_security_and_real_optionality()
    {
        var doc = await (await app.Anonymous().GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);
        var components = doc.GetProperty("components");
        var problem = components.GetProperty("schemas").GetProperty("Problem").GetProperty("properties");
        problem.TryGetProperty("code", out _).ShouldBeTrue();
        problem.TryGetProperty("errors", out _).ShouldBeTrue();
        var cookie = components.GetProperty("securitySchemes").GetProperty("cookie");
        cookie.GetProperty("in").GetString().ShouldBe("cookie");
        cookie.GetProperty("name").GetString().ShouldBe("yishi.auth");

        var paths = doc.GetProperty("paths");
        var areas = paths.GetProperty("/api/v1/areas").GetProperty("post");
        areas.GetProperty("security")[0].TryGetProperty("cookie", out _).ShouldBeTrue();
        foreach (var status in new[] { "400", "401", "403", "404", "409", "429" })
            areas.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/problem+json")
                .GetProperty("schema").GetProperty("$ref").GetString().ShouldBe("#/components/schemas/Problem");
        var track = paths.GetProperty("/api/v1/demands/track/{code}").GetProperty("get");
        (!track.TryGetProperty("security", out var none) || none.GetArrayLength() == 0).ShouldBeTrue();
        track.GetProperty("responses").TryGetProperty("401", out _).ShouldBeFalse();

        var submit = components.GetProperty("schemas").GetProperty("SubmitDemandInput");
        var required = submit.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToList();
        required.ShouldContain("areaId");
        required.ShouldContain("description");
        submit.GetProperty("properties").GetProperty("description").GetProperty("maxLength").GetInt32().ShouldBe(2000);
        submit.GetProperty("properties").GetProperty("location").GetProperty("maxLength").GetInt32().ShouldBe(200);
        required.ShouldNotContain("location");
        required.ShouldNotContain("channel");
        required.ShouldNotContain("contactPhone");
    }

    // Fields checked by a format rather than a length (phones, passwords, one-time codes, user names, yuan amounts,
    // dates and times typed as text) publish no maxLength; every other text field of a request body must.
    private static readonly HashSet<string> FormatChecked = new(StringComparer.Ordinal)
    {
        "phone", "contactPhone", "headPhone", "password", "newPassword", "confirmPassword", "code", "userName",
        "budgetYuan", "spentYuan", "termStart", "termEnd", "startsAt", "days", "time",
    };

    [Fact]
    public async Task Every_free_text_field_of_a_request_body_publishes_its_maximum_length()
    {
        var doc = await (await app.Anonymous().GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);
        var missing = new List<string>();
        foreach (var schema in doc.GetProperty("components").GetProperty("schemas").EnumerateObject().Where(s => s.Name.EndsWith("Input", StringComparison.Ordinal)))
        {
            if (!schema.Value.TryGetProperty("properties", out var properties)) continue;
            foreach (var p in properties.EnumerateObject())
            {
                var type = p.Value.TryGetProperty("type", out var t)
                    ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null") : t.GetString()
                    : null;
                if (type != "string" || p.Value.TryGetProperty("format", out _) || p.Value.TryGetProperty("enum", out _)) continue;
                if (FormatChecked.Contains(p.Name) || p.Value.TryGetProperty("maxLength", out _)) continue;
                missing.Add($"{schema.Name}.{p.Name}");
            }
        }
        missing.ShouldBeEmpty();
    }
}

public sealed class InputGuardTests_Sqlite(SqliteApp app) : InputGuardTests(app), IClassFixture<SqliteApp>;

public sealed class InputGuardTests_Postgres(PostgresApp app) : InputGuardTests(app), IClassFixture<PostgresApp>;
