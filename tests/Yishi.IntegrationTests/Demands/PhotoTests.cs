using System.Net;
using System.Net.Http.Headers;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.IntegrationTests.Demands;

/// <summary>Photos on a demand: only real images, bounded in size and number, shown only to those who may see the demand.</summary>
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
    public async Task A_real_photo_is_kept_and_shown_to_the_code_holder_and_officials_in_scope_only()
    {
        var w = await DemandWorld.CreateAsync(app);
        var (id, code) = await w.SubmitAsync();
        var added = await (await app.Anonymous().PostAsync($"/api/v1/demands/track/{code}/photos", Form((Png, "roof.png", "image/png")))).ShouldBe(HttpStatusCode.OK);
        var photo = added.GetProperty("ids")[0].GetGuid();
        (await w.TimelineAsync(id)).ShouldContain("demand.photos_added");

        var byCode = await app.Anonymous().GetAsync($"/demands/photos/{photo}?code={code}");
        byCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        byCode.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await byCode.Content.ReadAsByteArrayAsync()).ShouldBe(Png);
        (await (await w.D.ClientAsync(Role.CommunitySecretary, "S1/C1")).GetAsync($"/demands/photos/{photo}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await app.Anonymous().GetAsync($"/demands/photos/{photo}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await w.D.ClientAsync(Role.CommunitySecretary, "S1/C2")).GetAsync($"/demands/photos/{photo}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var forged = code[..^4] + (code.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        (await app.Anonymous().GetAsync($"/demands/photos/{photo}?code={forged}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
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
}

public sealed class PhotoTests_Sqlite(SqliteApp app) : PhotoTests(app), IClassFixture<SqliteApp>;

public sealed class PhotoTests_Postgres(PostgresApp app) : PhotoTests(app), IClassFixture<PostgresApp>;
