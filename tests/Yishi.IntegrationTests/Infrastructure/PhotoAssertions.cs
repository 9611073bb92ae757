using System.Net;
using System.Net.Http.Headers;
using SkiaSharp;
using Yishi.Tests.Images;

namespace Yishi.IntegrationTests.Infrastructure;

/// <summary>What every served photo must be: a re-encoded JPEG (not the uploaded bytes), without an EXIF segment.</summary>
public static class PhotoAssertions
{
    /// <summary>A phone photo: 1600×1200 JPEG with EXIF orientation and a GPS position.</summary>
    public static readonly byte[] PhonePhoto = TestImages.WithExif(TestImages.Jpeg(1600, 1200));

    public static MultipartFormDataContent Form(string field, params (byte[] Bytes, string Name, string Type)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (bytes, name, type) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, field, name);
        }
        return form;
    }

    /// <summary>Checks a served photo and returns its decoded size.</summary>
    public static async Task<(int Width, int Height)> ShouldBeReEncodedAsync(this HttpResponseMessage response, byte[] uploaded)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        response.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.ShouldNotBe(uploaded);
        TestImages.JpegMarkers(bytes).ShouldNotContain((byte)0xE1);
        using var decoded = SKBitmap.Decode(bytes);
        decoded.ShouldNotBeNull();
        return (decoded.Width, decoded.Height);
    }

    /// <summary>A served thumbnail: a re-encoded JPEG of at most 320 px on its long side.</summary>
    public static async Task ShouldBeThumbnailAsync(this HttpResponseMessage response, byte[] uploaded)
    {
        var (width, height) = await response.ShouldBeReEncodedAsync(uploaded);
        Math.Max(width, height).ShouldBeLessThanOrEqualTo(320);
    }
}
