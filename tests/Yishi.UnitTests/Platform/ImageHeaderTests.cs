using System.Buffers.Binary;
using Yishi.Platform.Media;

namespace Yishi.UnitTests.Platform;

public sealed class ImageHeaderTests
{
    private static byte[] Png(uint width, uint height)
    {
        var b = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(b, 0);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(8), 13);
        "IHDR"u8.CopyTo(b.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(20), height);
        b[24] = 8;
        return b;
    }

    [Fact]
    public void A_png_header_gives_its_type_and_size() => ImageHeader.Inspect(Png(640, 480), 20_000).ShouldBe(new ImageInfo("image/png", 640, 480));

    [Fact]
    public void A_renamed_text_file_or_an_implausibly_large_image_is_not_accepted()
    {
        ImageHeader.Inspect("这不是图片，只是改了扩展名"u8, 20_000).ShouldBeNull();
        ImageHeader.Inspect(Png(30_000, 10), 20_000).ShouldBeNull();
        ImageHeader.Inspect(Png(0, 10), 20_000).ShouldBeNull();
    }

    [Fact]
    public void A_jpeg_frame_header_gives_its_size()
    {
        // SOI, APP0 (length 4, two filler bytes), SOF0: length 11, precision 8, height 300, width 400, 1 component.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x01, 0x2C, 0x01, 0x90, 0x01, 0x01, 0x11, 0x00];
        ImageHeader.Inspect(jpeg, 20_000).ShouldBe(new ImageInfo("image/jpeg", 400, 300));
    }
}
