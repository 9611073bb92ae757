using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;
using static Yishi.IntegrationTests.People.HouseholdTests;

namespace Yishi.IntegrationTests.People;

public abstract class RosterImportTests(YishiApp app)
{
    private static readonly string[][] GoodRows =
    [
        ["第一网格", "文昌路1号", "黄志强", "李秀英、黄小明", "13812345678"],
        ["第一网格", "文昌路2号", "赵敏", "", ""],
        ["第二网格", "文昌路1号", "钱伟", "孙芳,钱多多，钱乐乐", "139 1234 5678"],
    ];

    public static TheoryData<string, Held, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, Held, HttpStatusCode>();
        foreach (var action in new[] { "preview", "commit" })
        {
            var ok = action == "preview" ? HttpStatusCode.Created : HttpStatusCode.OK;
            data.Add(action, Held.Own, ok);
            data.Add(action, Held.Street, ok);
            data.Add(action, Held.DistrictTop, ok);
            data.Add(action, Held.Sibling, HttpStatusCode.NotFound);
            data.Add(action, Held.OtherDistrict, HttpStatusCode.NotFound);
            data.Add(action, Held.WrongRole, HttpStatusCode.Forbidden);
            data.Add(action, Held.Anonymous, HttpStatusCode.Unauthorized);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Roster_import_is_authorised_by_role_and_area_scope(string action, Held held, HttpStatusCode expected)
    {
        var d = await TestDistrict.CreateAsync(app);
        var client = await ClientAsync(app, d, held);
        HttpResponseMessage response;
        if (action == "preview")
        {
            response = await client.PostAsync("/api/v1/roster-imports", Xlsx.Upload(Xlsx.Roster(GoodRows), d["S1/C1"].Id));
        }
        else
        {
            var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
            var preview = await (await admin.PostAsync("/api/v1/roster-imports", Xlsx.Upload(Xlsx.Roster(GoodRows), d["S1/C1"].Id))).ShouldBe(HttpStatusCode.Created);
            response = await client.PostAsync($"/api/v1/roster-imports/{preview.GetProperty("id").GetGuid()}/commit", null);
        }
        await response.ShouldBe(expected);
        if (action == "commit" && (int)expected >= 400) (await HouseholdCountAsync(d.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Good_roster_is_previewed_then_imported_once_with_one_audit_entry()
    {
        var d = await TestDistrict.CreateAsync(app);
        var secretary = await d.ClientAsync(Role.CommunitySecretary, "S1/C1");
        // Header in another order with stray spaces, and an extra column that is ignored.
        var file = Xlsx.Build(
        [
            ["户主 ", " 组", "备注", "门 牌 号", "联系电话", "家庭成员"],
            .. GoodRows.Select(r => new[] { r[2], r[0], "无", r[1], r[4], r[3] }),
        ]);
        var preview = await (await secretary.PostAsync("/api/v1/roster-imports", Xlsx.Upload(file, d["S1/C1"].Id, "一社区花名册.xlsx"))).ShouldBe(HttpStatusCode.Created);
        preview.GetProperty("status").GetString().ShouldBe("Previewed");
        preview.GetProperty("rowCount").GetInt32().ShouldBe(3);
        preview.GetProperty("errorCount").GetInt32().ShouldBe(0);
        preview.GetProperty("fileName").GetString().ShouldBe("一社区花名册.xlsx");
        var rows = preview.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("row").GetInt32()).ShouldBe([2, 3, 4]);
        rows[0].GetProperty("members").EnumerateArray().Select(m => m.GetString()).ShouldBe(["李秀英", "黄小明"]);
        rows[0].GetProperty("phone").GetString().ShouldBe("138****5678");
        rows[2].GetProperty("members").GetArrayLength().ShouldBe(3);
        (await HouseholdCountAsync(d.Id)).ShouldBe(0);

        var id = preview.GetProperty("id").GetGuid();
        var fetched = await (await secretary.GetAsync($"/api/v1/roster-imports/{id}")).ShouldBe(HttpStatusCode.OK);
        fetched.GetProperty("rows").GetArrayLength().ShouldBe(3);

        var committed = await (await secretary.PostJson($"/api/v1/roster-imports/{id}/commit", new { version = 0 })).ShouldBe(HttpStatusCode.OK);
        committed.GetProperty("status").GetString().ShouldBe("Committed");
        committed.GetProperty("householdCount").GetInt32().ShouldBe(3);
        committed.GetProperty("residentCount").GetInt32().ShouldBe(3 + 1 + 4);

        await app.InScopeAsync(d.Id, async sp =>
        {
            var db = sp.GetRequiredService<YishiDbContext>();
            var households = await db.Households.AsNoTracking().Include(h => h.Members).ToListAsync();
            households.Count.ShouldBe(3);
            households.ShouldAllBe(h => h.Members.Count(m => m.IsHead) == 1);
            var huang = households.Single(h => h.AreaId == d["S1/C1/G1"].Id && h.HouseNumber == "文昌路1号");
            huang.AreaPath.ShouldBe(d["S1/C1/G1"].Path);
            huang.Members.Single(m => m.IsHead).Name.ShouldBe("黄志强");
            huang.Members.Single(m => m.IsHead).Phone.ShouldBe("13812345678");
            households.Single(h => h.AreaId == d["S1/C1/G2"].Id).Members.Single(m => m.IsHead).Phone.ShouldBe("13912345678");
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "roster.imported");
            entry.EntityId.ShouldBe(id);
            entry.To.ShouldBe("households:3,residents:8");
            var import = await db.RosterImports.AsNoTracking().SingleAsync(i => i.Id == id);
            import.RowsJson.ShouldBe("[]");
        });

        var again = await (await secretary.PostAsync($"/api/v1/roster-imports/{id}/commit", null)).ShouldBe(HttpStatusCode.Conflict);
        again.Code().ShouldBe("roster.already_committed");
        (await HouseholdCountAsync(d.Id)).ShouldBe(3);

        var list = await (await secretary.GetAsync("/api/v1/households?q=文昌路")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("items").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Roster_with_bad_rows_lists_each_problem_by_row_and_cannot_be_committed()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        await CreateAsync(admin, d["S1/C1/G2"].Id, "老街9号", "冯刚", null);
        var before = await HouseholdCountAsync(d.Id);
        var file = Xlsx.Roster(
            ["第一网格", "老街1号", "甲某", "", ""],
            ["第九网格", "老街2号", "乙某", "", ""],
            ["第一网格", "老街3号", "丙某", "", "1381234"],
            ["第一网格", "老街1号", "丁某", "", ""],
            ["第二网格", "老街9号", "戊某", "", ""],
            ["第一网格", "", "", new string('名', 41), ""],
            ["第一村民组", "老街4号", "己某", "", ""]);
        var preview = await (await admin.PostAsync("/api/v1/roster-imports", Xlsx.Upload(file, d["S1/C1"].Id))).ShouldBe(HttpStatusCode.Created);
        preview.GetProperty("rowCount").GetInt32().ShouldBe(7);
        preview.GetProperty("errorCount").GetInt32().ShouldBe(6);
        var rows = preview.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32());
        string[] Errors(int row) => [.. rows[row].GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)];
        rows[2].GetProperty("ok").GetBoolean().ShouldBeTrue();
        Errors(2).ShouldBeEmpty();
        Errors(3).ShouldBe(["本社区没有名为“第九网格”的组（或已撤销）。"]);
        Errors(4).ShouldBe(["联系电话“1381234”不是有效的手机号（11 位，以 1 开头）。"]);
        Errors(5).ShouldBe(["门牌号与第 2 行重复。"]);
        Errors(6).ShouldBe(["该门牌号在本组已登记。"]);
        Errors(7).Length.ShouldBe(3);
        Errors(7).ShouldContain("未填写门牌号。");
        Errors(7).ShouldContain("未填写户主。");
        // A group of another community (S1/C2 has 第一村民组) is not a group of this one.
        Errors(8).ShouldBe(["本社区没有名为“第一村民组”的组（或已撤销）。"]);

        var refused = await (await admin.PostAsync($"/api/v1/roster-imports/{preview.GetProperty("id").GetGuid()}/commit", null)).ShouldBe(HttpStatusCode.Conflict);
        refused.Code().ShouldBe("roster.has_errors");
        refused.GetProperty("title").GetString().ShouldBe("还有 6 行有错误：请修改文件后重新上传。");
        (await HouseholdCountAsync(d.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Files_that_are_not_xlsx_are_refused_with_a_chinese_message()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        var fakeZip = (byte[])random.Clone();
        fakeZip[0] = (byte)'P'; fakeZip[1] = (byte)'K'; fakeZip[2] = 3; fakeZip[3] = 4;
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[512]];
        var files = new (string Name, byte[] Bytes)[]
        {
            ("花名册.csv", Encoding.UTF8.GetBytes("组,门牌号,户主,家庭成员,联系电话\n第一网格,1号,张三,,\n")),
            ("花名册.xlsx", Encoding.UTF8.GetBytes("组\t门牌号\t户主\n第一网格\t1号\t张三\n")),
            ("random.xlsx", random),
            ("broken.xlsx", fakeZip),
            ("old.xls", xls),
            ("empty.xlsx", []),
            ("docx.xlsx", EmptyZip()),
        };
        foreach (var (name, bytes) in files)
        {
            var problem = await (await admin.PostAsync("/api/v1/roster-imports", Xlsx.Upload(bytes, d["S1/C1"].Id, name))).ShouldBe(HttpStatusCode.UnsupportedMediaType);
            problem.Code().ShouldBe("roster.wrong_format", name);
            problem.GetProperty("title").GetString()!.ShouldContain(".xlsx");
            problem.GetProperty("title").GetString()!.ShouldContain("文件格式不对");
        }
        using var noFile = new MultipartFormDataContent { { new StringContent(d["S1/C1"].Id.ToString()), "communityId" } };
        (await (await admin.PostAsync("/api/v1/roster-imports", noFile)).ShouldBe(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file").GetArrayLength().ShouldBe(1);
        using var json = new StringContent("{}", Encoding.UTF8, "application/json");
        (await (await admin.PostAsync("/api/v1/roster-imports", json)).ShouldBe(HttpStatusCode.UnsupportedMediaType)).Code().ShouldBe("roster.wrong_format");
        // Only a community can receive a roster.
        (await (await admin.PostAsync("/api/v1/roster-imports", Xlsx.Upload(Xlsx.Roster(GoodRows), d["S1/C1/G1"].Id))).ShouldBe(HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("roster.not_community");
        (await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().RosterImports.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Oversized_files_and_too_many_rows_are_refused()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var huge = new byte[5 * 1024 * 1024 + 1];
        huge[0] = (byte)'P'; huge[1] = (byte)'K'; huge[2] = 3; huge[3] = 4;
        var problem = await (await admin.PostAsync("/api/v1/roster-imports", Xlsx.Upload(huge, d["S1/C1"].Id))).ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        problem.Code().ShouldBe("roster.too_large");
        problem.GetProperty("title").GetString().ShouldBe("文件太大：最大 5 MB。");

        var rows = Enumerable.Range(1, 5001).Select(i => new[] { "第一网格", $"大楼{i}号", "某人", "", "" }).ToArray();
        problem = await (await admin.PostAsync("/api/v1/roster-imports", Xlsx.Upload(Xlsx.Roster(rows), d["S1/C1"].Id))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.Code().ShouldBe("roster.too_many_rows");
        problem.GetProperty("title").GetString()!.ShouldContain("5000");

        // Exactly 5,000 rows is fine (and each is checked).
        var preview = await (await admin.PostAsync("/api/v1/roster-imports", Xlsx.Upload(Xlsx.Roster(rows[..5000]), d["S1/C1"].Id))).ShouldBe(HttpStatusCode.Created);
        preview.GetProperty("rowCount").GetInt32().ShouldBe(5000);
        preview.GetProperty("errorCount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Missing_column_is_named_and_empty_roster_is_refused()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var file = Xlsx.Build([["组", "户主", "家庭成员"], ["第一网格", "张三", ""]]);
        var problem = await (await admin.PostAsync("/api/v1/roster-imports", Xlsx.Upload(file, d["S1/C1"].Id))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.Code().ShouldBe("roster.missing_column");
        problem.GetProperty("title").GetString()!.ShouldStartWith("缺少“门牌号”列");

        problem = await (await admin.PostAsync("/api/v1/roster-imports", Xlsx.Upload(Xlsx.Roster(), d["S1/C1"].Id))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.Code().ShouldBe("roster.empty");
    }

    [Fact]
    public async Task House_number_registered_after_the_preview_stops_the_whole_commit()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var preview = await (await admin.PostAsync("/api/v1/roster-imports", Xlsx.Upload(Xlsx.Roster(GoodRows), d["S1/C1"].Id))).ShouldBe(HttpStatusCode.Created);
        preview.GetProperty("errorCount").GetInt32().ShouldBe(0);
        await CreateAsync(admin, d["S1/C1/G2"].Id, "文昌路1号", "抢先登记", null);

        var problem = await (await admin.PostAsync($"/api/v1/roster-imports/{preview.GetProperty("id").GetGuid()}/commit", null)).ShouldBe(HttpStatusCode.Conflict);
        problem.Code().ShouldBe("roster.number_taken");
        problem.GetProperty("title").GetString().ShouldBe("第 4 行的门牌号“文昌路1号”在预览之后已被登记，请重新上传。");
        (await HouseholdCountAsync(d.Id)).ShouldBe(1);
        (await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().Residents.CountAsync())).ShouldBe(1);
        (await app.InScopeAsync(d.Id, sp => sp.GetRequiredService<YishiDbContext>().AuditEntries.CountAsync(a => a.Action == "roster.imported"))).ShouldBe(0);
    }

    [Fact]
    public async Task Template_is_a_roster_that_the_import_reads()
    {
        var d = await TestDistrict.CreateAsync(app);
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");
        var response = await admin.GetAsync("/admin/households/import/template.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var preview = await (await admin.PostAsync("/api/v1/roster-imports", Xlsx.Upload(bytes, d["S1/C1"].Id))).ShouldBe(HttpStatusCode.Created);
        preview.GetProperty("rowCount").GetInt32().ShouldBe(2);
        preview.GetProperty("errorCount").GetInt32().ShouldBe(0);
        (await app.Anonymous().GetAsync("/admin/households/import/template.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static byte[] EmptyZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document/>");
        }
        return stream.ToArray();
    }

    private Task<int> HouseholdCountAsync(Guid districtId)
        => app.InScopeAsync(districtId, sp => sp.GetRequiredService<YishiDbContext>().Households.CountAsync());
}

public sealed class RosterImportTests_Sqlite(SqliteApp app) : RosterImportTests(app), IClassFixture<SqliteApp>;

public sealed class RosterImportTests_Postgres(PostgresApp app) : RosterImportTests(app), IClassFixture<PostgresApp>;
