using System.Net;
using System.Text.RegularExpressions;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.IntegrationTests.ServiceAreas;

/// <summary>The public signboard shows what a signboard shows and no personal data; every page renders for the people who use it.</summary>
public abstract partial class SignboardAndPagesTests(YishiApp app)
{
    [GeneratedRegex(@"1[3-9]\d{9}")]
    private static partial Regex MobileNumber();

    [Fact]
    public async Task The_public_signboard_masks_every_name_and_shows_no_phone_or_house_number()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var secretaryUser = await w.D.UserAsync(Role.CommunitySecretary, "S1/C1", "黄书记");
        await (await w.Secretary.PostJson($"/api/v1/service-areas/{w.AreaA}/team/members", new { kind = "Representative", residentId = w.ResidentWithoutAccountA })).ShouldBe(HttpStatusCode.OK);
        var anonymous = app.Anonymous();
        var response = await anonymous.GetAsync($"/s/{w.AreaA}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldContain("一社区第一服务区");
        html.ShouldContain("张*织");
        html.ShouldContain("刘*督");
        html.ShouldContain("李*英");
        html.ShouldContain("黄*记");
        html.ShouldContain("（3 人）");
        html.ShouldContain($"/resident/submit?community={w.D["S1/C1"].Id}");
        html.ShouldContain($"/s/{w.AreaA}/request");
        foreach (var name in new[] { "张组织", "刘监督", "陈志愿", "周志愿", "李秀英", "黄书记", "王建国" })
            html.ShouldNotContain(name);
        MobileNumber().IsMatch(html).ShouldBeFalse();
        html.ShouldNotContain("1栋101");
        secretaryUser.DisplayName.ShouldBe("黄书记");

        var api = await (await anonymous.GetAsync($"/api/v1/service-areas/{w.AreaA}/signboard")).ShouldBe(HttpStatusCode.OK);
        api.GetProperty("organiser").GetString().ShouldBe("张*织");
        api.GetProperty("teamSize").GetInt32().ShouldBe(3);
        MobileNumber().IsMatch(api.ToString()).ShouldBeFalse();
        (await anonymous.GetAsync($"/s/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Service_area_pages_render_for_the_secretary_and_the_people_of_the_area()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var id = w.AreaA;
        foreach (var (client, urls) in new[]
        {
            (w.Secretary, new[] { "/service-areas", $"/service-areas/{id}", $"/service-areas/{id}/services", $"/service-areas/{id}/activities", $"/service-areas/{id}/visits", $"/service-areas/{id}/poster", "/service-areas/stats", $"/s/{id}/request" }),
            (await w.AsAsync(w.OrganiserA), new[] { "/service-areas", $"/service-areas/{id}", $"/service-areas/{id}/services", $"/service-areas/{id}/activities", $"/service-areas/{id}/visits", "/service-areas/stats" }),
            (await w.AsAsync(w.VolunteerA), new[] { $"/service-areas/{id}/services", $"/service-areas/{id}/visits" }),
            (await w.AsAsync(w.ResidentA), new[] { $"/s/{id}/request", "/service-areas/my-services" }),
        })
        {
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
                (await response.Content.ReadAsStringAsync()).ShouldNotContain("id=\"error-page\"", customMessage: url);
            }
        }
        var poster = await (await w.Secretary.GetAsync($"/service-areas/{id}/poster")).Content.ReadAsStringAsync();
        poster.ShouldContain("<svg");
        poster.ShouldContain($"/s/{id}");
        (await (await w.AsAsync(w.OrganiserB)).GetAsync($"/service-areas/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await w.AsAsync(w.OrganiserB)).GetAsync($"/service-areas/{id}/poster")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().GetAsync($"/service-areas/{id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Service_area_pages_speak_English_after_the_language_switch()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        (await w.Secretary.GetAsync("/culture?c=en&r=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detail = await (await w.Secretary.GetAsync($"/service-areas/{w.AreaA}")).Content.ReadAsStringAsync();
        detail.ShouldContain("<html lang=\"en\"");
        detail.ShouldContain("Appoint or replace the organiser or supervisor");
        detail.ShouldNotContain("任命巷长");
        var anonymous = app.Anonymous();
        await anonymous.GetAsync("/culture?c=en&r=%2F");
        var board = await (await anonymous.GetAsync($"/s/{w.AreaA}")).Content.ReadAsStringAsync();
        board.ShouldContain("Ask for a service");
        board.ShouldContain("Organiser");
    }

    [Fact]
    public async Task Creating_a_service_area_on_the_page_keeps_what_was_typed_when_it_is_refused()
    {
        var w = await ServiceAreaWorld.CreateAsync(app);
        var page = await (await w.Secretary.GetAsync("/service-areas")).Content.ReadAsStringAsync();
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "create-area",
            ["__RequestVerificationToken"] = token,
            ["Input.CommunityId"] = w.D["S1/C1"].Id.ToString(),
            ["Input.Name"] = "一社区第一服务区",
            ["Input.Duties"] = "我写的职责",
        });
        var response = await w.Secretary.PostAsync("/service-areas", form);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("本村（社区）已有同名服务区");
        html.ShouldContain("我写的职责");
        (await w.CountAsync<Yishi.ServiceAreas.Domain.ServiceArea>()).ShouldBe(2);
    }
}

public sealed class SignboardAndPagesTests_Sqlite(SqliteApp app) : SignboardAndPagesTests(app), IClassFixture<SqliteApp>;

public sealed class SignboardAndPagesTests_Postgres(PostgresApp app) : SignboardAndPagesTests(app), IClassFixture<PostgresApp>;
