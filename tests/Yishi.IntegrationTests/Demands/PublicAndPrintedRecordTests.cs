using System.Net;
using System.Text.RegularExpressions;
using Yishi.IntegrationTests.Deliberation;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.IntegrationTests.Demands;

/// <summary>
/// What residents and the archive read: the public tracking page, the official print record and the public resolution
/// notice show people's words and localised names, never the machine codes the timeline stores.
/// </summary>
public abstract partial class PublicAndPrintedRecordTests(YishiApp app)
{
    [GeneratedRegex("<td class=\"note\">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex NoteCell();

    [GeneratedRegex("<td class=\"text-nowrap\">([^<]*→[^<]*)</td>")]
    private static partial Regex ChangeCell();

    /// <summary>A web demand (urgent) escalated by the community to the street, handled there on the spot and rated 基本满意.</summary>
    private static async Task<(DemandWorld W, Guid Id, string Code, HttpClient Street)> EscalatedHandledAndRatedAsync(YishiApp app)
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, code) = await w.SubmitAsync(urgent: true, text: "东门路灯坏了一个星期，晚上很黑");
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        var street = await w.D.ClientAsync(Role.StreetOfficer, "S1");
        var d = await w.GetAsync(secretary, id);
        d = await (await secretary.PostJson($"/api/v1/demands/{id}/escalate", new { reason = "路灯线路归街道维护", version = DemandWorld.Version(d) })).ShouldBe(HttpStatusCode.OK);
        await (await street.PostJson($"/api/v1/demands/{id}/triage", new
        {
            ownership = "Government",
            urgent = true,
            contentCategory = "Development",
            route = "OnSpot",
            reply = "已更换灯泡，恢复照明。",
            version = DemandWorld.Version(d),
        })).ShouldBe(HttpStatusCode.OK);
        await (await app.Anonymous().PostJson($"/api/v1/demands/track/{code}/rating", new { satisfaction = "BasicallySatisfied", comment = "修得挺快" }))
            .ShouldBe(HttpStatusCode.OK);
        return (w, id, code, street);
    }

    [Fact]
    public async Task The_public_tracking_page_shows_the_reply_without_the_classification_codes()
    {
        var (_, _, code, _) = await EscalatedHandledAndRatedAsync(app);
        var resident = app.Anonymous();

        var progress = await (await resident.GetAsync($"/api/v1/demands/track/{code}")).ShouldBe(HttpStatusCode.OK);
        var notes = progress.GetProperty("timeline").EnumerateArray()
            .Select(t => t.GetProperty("note").ValueKind == System.Text.Json.JsonValueKind.String ? t.GetProperty("note").GetString() : null)
            .OfType<string>().ToList();
        notes.ShouldContain("已更换灯泡，恢复照明。");
        notes.ShouldAllBe(n => !n.Contains('|') && !n.Contains("Government") && !n.Contains("Development") && !n.Contains("urgent"));

        var html = await (await resident.GetAsync($"/track/{code}")).Content.ReadAsStringAsync();
        html.ShouldContain("已更换灯泡，恢复照明。");
        html.ShouldNotContain(" | ");
        html.ShouldNotContain("Government/");
        html.ShouldNotContain("Development");
    }

    [Fact]
    public async Task The_print_record_names_channel_urgency_classification_and_rating_and_the_rung_the_escalation_started_from()
    {
        var (_, id, _, street) = await EscalatedHandledAndRatedAsync(app);

        var html = await (await street.GetAsync($"/demands/{id}/print")).Content.ReadAsStringAsync();
        var notes = string.Join("\n", NoteCell().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        notes.ShouldContain("网上提交 · 紧急");
        notes.ShouldContain("大事 / 发展 / 紧急");
        notes.ShouldContain("基本满意");
        foreach (var code in new[] { "Web", "urgent", "Government", "Development", "BasicallySatisfied", " | " })
            notes.ShouldNotContain(code, customMessage: notes);

        var changes = ChangeCell().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        changes.ShouldContain("待受理·村（社区） → 待受理·街道", customMessage: string.Join("\n", changes));
        changes.ShouldNotContain("待受理·街道 → 待受理·街道");

        // In English the same record speaks English.
        (await street.GetAsync("/culture?c=en&r=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var english = await (await street.GetAsync($"/demands/{id}/print")).Content.ReadAsStringAsync();
        var englishNotes = string.Join("\n", NoteCell().Matches(english).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        englishNotes.ShouldNotContain("BasicallySatisfied");
        englishNotes.ShouldNotContain("Government/Development");
    }

    [Fact]
    public async Task The_public_notice_of_a_resolution_on_a_group_demand_names_the_community_council_that_issued_it()
    {
        var w = await DeliberationWorld.CreateAsync(app);
        var council = await w.CouncilAsync();
        var councilName = council.GetProperty("name").GetString()!;
        // The demand comes from a 村民小组 (S1/C1/G1); the council that decides it is the community's.
        var (demandId, _) = await w.Demands.SubmitAsync(area: "S1/C1/G1", text: "小区想建一个公共晾晒区，楼下空地一直闲置");
        var d = await w.Demands.GetAsync(w.Secretary, demandId);
        await (await w.Secretary.PostJson($"/api/v1/demands/{demandId}/triage", new
        {
            ownership = "Community",
            urgent = false,
            contentCategory = "Development",
            mustDeliberate = "ResidentInterests",
            route = "Deliberate",
            note = "涉及居民共同利益",
            version = DemandWorld.Version(d),
        })).ShouldBe(HttpStatusCode.OK);
        var topic = await (await w.Secretary.PostJson($"/api/v1/deliberation/councils/{w.CouncilId}/topics/from-demands",
            new { demandIds = new[] { demandId }, title = "建设公共晾晒区" })).ShouldBe(HttpStatusCode.Created);
        var topicId = topic.GetProperty("id").GetGuid();
        await (await w.Secretary.PostJson($"/api/v1/deliberation/topics/{topicId}/accept", new { reviewDays = 3, version = DeliberationWorld.Version(topic) })).ShouldBe(HttpStatusCode.OK);
        var meetingId = await w.SessionAsync(topicId, present: 7);
        for (var i = 0; i < 5; i++)
            await (await w.Members[i].Client.PostJson($"/api/v1/deliberation/meetings/{meetingId}/votes", new { topicId, choice = "For" })).ShouldBe(HttpStatusCode.Created);
        var r = await (await w.Secretary.PostJson($"/api/v1/deliberation/meetings/{meetingId}/agenda/{topicId}/resolve", new { text = "同意利用3号楼前空地建设公共晾晒区" }))
            .ShouldBe(HttpStatusCode.OK);
        var resolutionId = r.GetProperty("id").GetGuid();

        var anonymous = app.Anonymous();
        var notice = await (await anonymous.GetAsync($"/api/v1/public/deliberation/resolutions/{resolutionId}")).ShouldBe(HttpStatusCode.OK);
        notice.GetProperty("council").GetString().ShouldBe(councilName);
        var portal = await (await anonymous.GetAsync($"/api/v1/public/deliberation/areas/{w.D["S1/C1/G1"].Id}")).ShouldBe(HttpStatusCode.OK);
        portal.GetProperty("underNotice").EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == resolutionId)
            .GetProperty("council").GetString().ShouldBe(councilName);

        var html = await (await anonymous.GetAsync($"/public/deliberation/resolutions/{resolutionId}")).Content.ReadAsStringAsync();
        html.ShouldContain($"<div class=\"notice-sign\">{councilName}<br");
    }
}

public sealed class PublicAndPrintedRecordTests_Sqlite(SqliteApp app) : PublicAndPrintedRecordTests(app), IClassFixture<SqliteApp>;

public sealed class PublicAndPrintedRecordTests_Postgres(PostgresApp app) : PublicAndPrintedRecordTests(app), IClassFixture<PostgresApp>;
