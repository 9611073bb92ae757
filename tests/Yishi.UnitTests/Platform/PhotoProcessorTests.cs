using SkiaSharp;
using Yishi.Platform.Media;
using Yishi.Platform.Rules;
using Yishi.Tests.Images;

namespace Yishi.UnitTests.Platform;

/// <summary>Every uploaded photo goes through <see cref="PhotoProcessor"/>: only decodable images, bounded, re-encoded without metadata.</summary>
public sealed class PhotoProcessorTests
{
    private static string Refused(byte[] bytes)
    {
        var ex = Should.Throw<InputInvalid>(() => PhotoProcessor.Process(bytes, "Photos"));
        ex.Resource.ShouldBe(typeof(MediaStrings));
        return ex.Fields["Photos"];
    }

    [Fact]
    public void A_20000_by_20000_png_is_refused_from_its_header_before_any_pixel_is_decoded()
    {
        var huge = TestImages.HugePng();
        huge.Length.ShouldBeLessThan(PhotoProcessor.MaxBytes);
        // The pixel check answers, not the decoder: the file is incomplete too, so a decode would say "unreadable".
        Refused(huge).ShouldBe("Photo_TooManyPixels");
        // Just under the limit the same kind of file reaches the decoder (and fails there, being incomplete).
        Refused(TestImages.HugePng(6000, 6000)).ShouldBe("Photo_Unreadable");
    }

    [Fact]
    public void A_png_header_alone_or_followed_by_html_is_refused()
    {
        Refused(TestImages.HeaderOnlyPng()).ShouldBe("Photo_NotAnImage");
        Refused(TestImages.PngThenHtml()).ShouldBe("Photo_NotAnImage");
    }

    [Fact]
    public void A_truncated_jpeg_is_refused()
    {
        var jpeg = TestImages.Jpeg(800, 600);
        Refused(jpeg[..(jpeg.Length * 2 / 3)]).ShouldBe("Photo_Unreadable");
    }

    [Fact]
    public void Text_an_empty_file_a_gif_and_an_oversized_file_are_refused()
    {
        Refused("这不是图片，只是改了扩展名"u8.ToArray()).ShouldBe("Photo_NotAnImage");
        Refused([]).ShouldBe("Photo_NotAnImage");
        Refused("GIF89a\u0001\0\u0001\0\0\0\0;"u8.ToArray()).ShouldBe("Photo_NotAnImage");
        Refused(new byte[PhotoProcessor.MaxBytes + 1]).ShouldBe("Photo_TooLarge");
    }

    [Fact]
    public void A_jpeg_with_exif_gps_comes_out_as_a_new_jpeg_without_exif()
    {
        var original = TestImages.WithExif(TestImages.Jpeg(640, 480));
        TestImages.JpegMarkers(original).ShouldContain((byte)0xE1);

        var photo = PhotoProcessor.Process(original);

        photo.ContentType.ShouldBe("image/jpeg");
        photo.Bytes.ShouldNotBe(original);
        TestImages.JpegMarkers(photo.Bytes).ShouldNotContain((byte)0xE1);
        TestImages.JpegMarkers(photo.ThumbnailBytes).ShouldNotContain((byte)0xE1);
        photo.Bytes.AsSpan().IndexOf("Exif"u8).ShouldBe(-1);
        (photo.Width, photo.Height).ShouldBe((640, 480));
    }

    [Fact]
    public void A_4000_by_3000_photo_comes_out_at_most_2048_px_with_a_320_px_thumbnail()
    {
        var photo = PhotoProcessor.Process(TestImages.Jpeg(4000, 3000, quality: 60));

        (photo.Width, photo.Height).ShouldBe((2048, 1536));
        using (var stored = SKBitmap.Decode(photo.Bytes))
            (stored.Width, stored.Height).ShouldBe((2048, 1536));
        using var thumb = SKBitmap.Decode(photo.ThumbnailBytes);
        (thumb.Width, thumb.Height).ShouldBe((320, 240));
    }

    [Fact]
    public void A_png_is_re_encoded_as_jpeg_at_its_size()
    {
        var photo = PhotoProcessor.Process(TestImages.Png(300, 200));
        photo.ContentType.ShouldBe("image/jpeg");
        TestImages.JpegMarkers(photo.Bytes).ShouldNotBeEmpty();
        (photo.Width, photo.Height).ShouldBe((300, 200));
    }

    [Fact]
    public void The_exif_orientation_is_applied_so_a_portrait_photo_stays_upright()
    {
        // Stored landscape, left half red and right half blue; orientation 6 = "rotate 90° clockwise to show".
        var photo = PhotoProcessor.Process(TestImages.WithExif(TestImages.Jpeg(400, 200), orientation: 6));

        (photo.Width, photo.Height).ShouldBe((200, 400));
        using var upright = SKBitmap.Decode(photo.Bytes);
        // After turning clockwise the stored left (red) is on top and the right (blue) at the bottom.
        IsRed(upright.GetPixel(100, 50)).ShouldBeTrue();
        IsBlue(upright.GetPixel(100, 350)).ShouldBeTrue();

        var mirrored = PhotoProcessor.Process(TestImages.WithExif(TestImages.Jpeg(400, 200), orientation: 3)); // rotated 180°
        using var turned = SKBitmap.Decode(mirrored.Bytes);
        (turned.Width, turned.Height).ShouldBe((400, 200));
        IsBlue(turned.GetPixel(50, 100)).ShouldBeTrue();
        IsRed(turned.GetPixel(350, 100)).ShouldBeTrue();
    }

    private static bool IsRed(SKColor c) => c.Red > 200 && c.Blue < 60;

    private static bool IsBlue(SKColor c) => c.Blue > 200 && c.Red < 60;
}
