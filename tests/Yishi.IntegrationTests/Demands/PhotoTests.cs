using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Demands.Domain;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Tests.Images;

namespace Yishi.IntegrationTests.Demands;

/// <summary>Photos on a demand: only real images, bounded in size, pixels and number, stored re-encoded, shown only to those who may see the demand.</summary>
public abstract class PhotoTests(YishiApp app)
{
    // A real 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static MultipartFormDataContent Form(params (byte[] Bytes, string Name, string Type)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (bytes, name, type) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "Photos", name);
        }
        return form;
    }

    [Fact]
    public async Task A_real_photo_is_stored_re_encoded_without_exif_and_shown_with_its_thumbnail_to_the_code_holder_and_officials_in_scope_only()
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, code) = await w.SubmitAsync();
        var added = await (await app.Anonymous().PostAsync($"/api/v1/demands/track/{code}/photos", Form((PhotoAssertions.PhonePhoto, "roof.jpg", "image/jpeg")))).ShouldBe(HttpStatusCode.OK);
        var photo = added.GetProperty("ids")[0].GetGuid();
        (await w.TimelineAsync(id)).ShouldContain("demand.photos_added");

        var stored = await app.InScopeAsync(w.D.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<DemandPhoto>().AsNoTracking().SingleAsync(p => p.Id == photo));
        stored.ContentType.ShouldBe("image/jpeg");
        stored.Bytes.ShouldNotBe(PhotoAssertions.PhonePhoto);
        stored.ByteLength.ShouldBe(stored.Bytes.Length);
        (stored.Width, stored.Height).ShouldBe((1600, 1200));
        stored.UploadedBy.ShouldBeNull(); // a resident without an account

        (await (await app.Anonymous().GetAsync($"/demands/photos/{photo}?code={code}")).ShouldBeReEncodedAsync(PhotoAssertions.PhonePhoto)).ShouldBe((1600, 1200));
        await (await app.Anonymous().GetAsync($"/demands/photos/{photo}?code={code}&thumb=1")).ShouldBeThumbnailAsync(PhotoAssertions.PhonePhoto);
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");
        (await secretary.GetAsync($"/demands/photos/{photo}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await secretary.GetAsync($"/demands/photos/{photo}?thumb=1")).ShouldBeThumbnailAsync(PhotoAssertions.PhonePhoto);

        (await app.Anonymous().GetAsync($"/demands/photos/{photo}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().GetAsync($"/demands/photos/{photo}?thumb=1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var other = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C2");
        (await other.GetAsync($"/demands/photos/{photo}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/demands/photos/{photo}?thumb=1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var forged = code[..^4] + (code.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        (await app.Anonymous().GetAsync($"/demands/photos/{photo}?code={forged}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().GetAsync($"/demands/photos/{photo}?code={forged}&thumb=1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_huge_pixel_png_a_polyglot_and_a_truncated_jpeg_are_refused_with_400_and_the_demand_and_its_photos_are_kept()
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, code) = await w.SubmitAsync();
        var anon = app.Anonymous();
        var url = $"/api/v1/demands/track/{code}/photos";
        var first = (await (await anon.PostAsync(url, Form((Png, "a.png", "image/png")))).ShouldBe(HttpStatusCode.OK)).GetProperty("ids")[0].GetGuid();

        var huge = await (await anon.PostAsync(url, Form((TestImages.HugePng(), "huge.png", "image/png")))).ShouldBe(HttpStatusCode.BadRequest);
        huge.GetProperty("errors").GetProperty("Photos")[0].GetString()!.ShouldContain("像素");
        var polyglot = await (await anon.PostAsync(url, Form((TestImages.PngThenHtml(), "b.png", "image/png")))).ShouldBe(HttpStatusCode.BadRequest);
        polyglot.GetProperty("errors").TryGetProperty("Photos", out _).ShouldBeTrue();
        var jpeg = TestImages.Jpeg(800, 600);
        var truncated = await (await anon.PostAsync(url, Form((jpeg[..(jpeg.Length / 2)], "c.jpg", "image/jpeg")))).ShouldBe(HttpStatusCode.BadRequest);
        truncated.GetProperty("errors").GetProperty("Photos")[0].GetString()!.ShouldContain("无法读取");
        // A good photo in the same request as a bad one is not kept either.
        await (await anon.PostAsync(url, Form((Png, "d.png", "image/png"), (TestImages.HugePng(), "e.png", "image/png")))).ShouldBe(HttpStatusCode.BadRequest);

        var photos = await app.InScopeAsync(w.D.Id, sp => sp.GetRequiredService<YishiDbContext>().Set<DemandPhoto>().Where(p => p.DemandId == id).Select(p => p.Id).ToListAsync());
        photos.ShouldBe([first]);
        (await w.LoadAsync(id)).Description.ShouldBe("三栋楼顶漏水，下雨天家里到处滴水");
        (await anon.GetAsync($"/demands/photos/{first}?code={code}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await w.TimelineAsync(id)).Count(a => a == "demand.photos_added").ShouldBe(1);
    }

    [Fact]
    public async Task Fake_images_oversized_files_too_many_photos_and_wrong_content_types_are_refused_and_nothing_is_kept()
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, code) = await w.SubmitAsync();
        var anon = app.Anonymous();

        // A file that claims to be a JPEG but is an executable.
        var problem = await (await anon.PostAsync($"/api/v1/demands/track/{code}/photos", Form(("MZ\u0090\0 not a picture"u8.ToArray(), "roof.jpg", "image/jpeg")))).ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("Photos")[0].GetString()!.ShouldContain("不是图片");

        // One good and one bad file in the same request: neither is kept.
        await (await anon.PostAsync($"/api/v1/demands/track/{code}/photos", Form((Png, "a.png", "image/png"), ("<svg/>"u8.ToArray(), "b.png", "image/png")))).ShouldBe(HttpStatusCode.BadRequest);

        var big = new byte[5 * 1024 * 1024 + 1];
        Png.CopyTo(big, 0);
        (await (await anon.PostAsync($"/api/v1/demands/track/{code}/photos", Form((big, "big.png", "image/png")))).ShouldBe(HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("Photos")[0].GetString()!.ShouldContain("5 MB");

        (await anon.PostAsync($"/api/v1/demands/track/{code}/photos", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await anon.PostAsync($"/api/v1/demands/track/{code}/photos", Form())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await w.TimelineAsync(id)).ShouldNotContain("demand.photos_added");

        // Six are allowed, the seventh is refused with the limit.
        await (await anon.PostAsync($"/api/v1/demands/track/{code}/photos", Form([.. Enumerable.Range(0, 6).Select(i => (Png, $"{i}.png", "image/png"))]))).ShouldBe(HttpStatusCode.OK);
        (await (await anon.PostAsync($"/api/v1/demands/track/{code}/photos", Form((Png, "7.png", "image/png")))).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("demand.photo_limit");
    }

    [Fact]
    public async Task The_timeline_names_the_photo_count_in_the_readers_language()
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, code) = await w.SubmitAsync();
        await (await app.Anonymous().PostAsync($"/api/v1/demands/track/{code}/photos", Form((PhotoAssertions.PhonePhoto, "roof.jpg", "image/jpeg")))).ShouldBe(HttpStatusCode.OK);
        var secretary = await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1");

        async Task<string> EntryAsync(string query)
        {
            var html = await (await secretary.GetAsync($"/demands/{id}{query}")).Content.ReadAsStringAsync();
            var entry = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("li[data-action='demand.photos_added']");
            entry.ShouldNotBeNull(html);
            return entry.TextContent;
        }
        (await EntryAsync("")).ShouldContain("1 张");
        var english = await EntryAsync("?culture=en&ui-culture=en");
        english.ShouldContain("1 photo(s)");
        english.ShouldNotContain("张");
    }
}

public sealed class PhotoTests_Sqlite(SqliteApp app) : PhotoTests(app), IClassFixture<SqliteApp>;

public sealed class PhotoTests_Postgres(PostgresApp app) : PhotoTests(app), IClassFixture<PostgresApp>;
