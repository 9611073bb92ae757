using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace Yishi.Tests.Images;

/// <summary>Photos for the upload tests, built in the test (shared by the unit and integration tests).</summary>
public static class TestImages
{
    /// <summary>A real JPEG, <paramref name="width"/>×<paramref name="height"/>, left half red and right half blue (so orientation shows).</summary>
    public static byte[] Jpeg(int width, int height, int quality = 90)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width - (width / 2f), height, blue);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    /// <summary>A real PNG of noise (so it does not compress to nothing).</summary>
    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(42);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// The start of a 20,000×20,000 RGB PNG (400 megapixels, 1.2 GB of pixels once decoded): a valid signature, IHDR
    /// and an IDAT with the first rows, a few kilobytes on the wire. Only a header check can refuse it cheaply.
    /// </summary>
    public static byte[] HugePng(int width = 20_000, int height = 20_000)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(png, "IHDR", ihdr);
        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.Fastest, leaveOpen: true))
            z.Write(new byte[(1 + (width * 3)) * 4]); // four rows of black
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A PNG signature and header chunk, and nothing else.</summary>
    public static byte[] HeaderOnlyPng() => HugePng(64, 64)[..33];

    /// <summary>A PNG signature and header followed by an HTML page (a "polyglot" a browser could be tricked into rendering).</summary>
    public static byte[] PngThenHtml() => [.. HeaderOnlyPng(), .. "<html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray()];

    /// <summary>
    /// <paramref name="jpeg"/> with an EXIF APP1 segment right after SOI: the orientation tag and a GPS position
    /// (latitude 22°32'N, longitude 114°3'E), as a phone camera writes them.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation = 1)
    {
        var tiff = new MemoryStream();
        void U16(int v) { Span<byte> b = stackalloc byte[2]; BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v); tiff.Write(b); }
        void U32(uint v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32BigEndian(b, v); tiff.Write(b); }
        void Entry(int tag, int type, uint count, uint value, bool shortValue = false)
        {
            U16(tag); U16(type); U32(count);
            if (shortValue) { U16((int)value); U16(0); } else U32(value);
        }
        tiff.Write("MM"u8); U16(42); U32(8);
        // IFD0 at 8: 2 entries (12 bytes each) + next-IFD offset → GPS IFD at 8 + 2 + 24 + 4 = 38.
        U16(2);
        Entry(0x0112, 3, 1, orientation, shortValue: true);
        Entry(0x8825, 4, 1, 38);
        U32(0);
        // GPS IFD at 38: 4 entries → rationals start at 38 + 2 + 48 + 4 = 92.
        U16(4);
        Entry(0x0001, 2, 2, 0x4E000000); // LatitudeRef "N"
        Entry(0x0002, 5, 3, 92);          // Latitude
        Entry(0x0003, 2, 2, 0x45000000); // LongitudeRef "E"
        Entry(0x0004, 5, 3, 116);         // Longitude
        U32(0);
        foreach (var (n, d) in new (uint, uint)[] { (22, 1), (32, 1), (0, 1), (114, 1), (3, 1), (0, 1) }) { U32(n); U32(d); }

        var payload = (byte[])[.. "Exif\0\0"u8.ToArray(), .. tiff.ToArray()];
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>The JPEG segment markers before the scan data (APP0 = 0xE0, APP1/EXIF = 0xE1, …).</summary>
    public static IReadOnlyList<byte> JpegMarkers(byte[] jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) throw new InvalidDataException("not a JPEG");
        var markers = new List<byte>();
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            markers.Add(marker);
            if (marker == 0xDA) break;
            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
        }
        return markers;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = (byte[])[.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
