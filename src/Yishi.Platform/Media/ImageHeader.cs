using System.Buffers.Binary;

namespace Yishi.Platform.Media;

public sealed record ImageInfo(string ContentType, int Width, int Height);

/// <summary>
/// Recognises JPEG, PNG and WebP uploads by their bytes (never by the name or the declared type) and reads the
/// dimensions from the header. Shared by every module that takes photos (demands, service-area activities, points).
/// </summary>
public static class ImageHeader
{
    /// <summary>Recognises JPEG, PNG and WebP by their magic bytes and reads the dimensions from the header; null when the bytes do not parse.</summary>
    public static ImageInfo? Inspect(ReadOnlySpan<byte> b, int maxDimension)
    {
        var info = Png(b) ?? Jpeg(b) ?? WebP(b);
        return info is { Width: > 0, Height: > 0 } && info.Width <= maxDimension && info.Height <= maxDimension ? info : null;
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ImageInfo? Png(ReadOnlySpan<byte> b)
    {
        // Signature, then the first chunk must be IHDR with 13 bytes of data: width, height (big-endian), …
        if (b.Length < 33 || !b[..8].SequenceEqual(PngSignature)) return null;
        if (BinaryPrimitives.ReadUInt32BigEndian(b[8..]) != 13 || !b[12..16].SequenceEqual("IHDR"u8)) return null;
        var width = BinaryPrimitives.ReadUInt32BigEndian(b[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(b[20..]);
        var bitDepth = b[24];
        if (bitDepth is not (1 or 2 or 4 or 8 or 16)) return null;
        return width > int.MaxValue || height > int.MaxValue ? null : new ImageInfo("image/png", (int)width, (int)height);
    }

    private static ImageInfo? Jpeg(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8) return null;
        var i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF) return null;
            while (i < b.Length && b[i] == 0xFF) i++; // fill bytes
            if (i >= b.Length) return null;
            var marker = b[i++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) continue; // no length
            if (marker is 0xD8 or 0xD9 or 0xDA) return null; // a second SOI, EOI or scan data before any frame header
            if (i + 2 > b.Length) return null;
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[i..]);
            if (length < 2 || i + length > b.Length) return null;
            // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): length, precision, height, width, components.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 8) return null;
                var height = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 3)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]);
                return new ImageInfo("image/jpeg", width, height);
            }
            i += length;
        }
        return null;
    }

    private static ImageInfo? WebP(ReadOnlySpan<byte> b)
    {
        if (b.Length < 30 || !b[..4].SequenceEqual("RIFF"u8) || !b[8..12].SequenceEqual("WEBP"u8)) return null;
        var chunk = b[12..16];
        var data = b[20..];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (little-endian).
            if (data.Length < 10 || data[3] != 0x9D || data[4] != 0x01 || data[5] != 0x2A) return null;
            return new ImageInfo("image/webp", BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Signature 0x2F, then 14 bits width-1 and 14 bits height-1.
            if (data.Length < 5 || data[0] != 0x2F) return null;
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
            return new ImageInfo("image/webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Flags (1), reserved (3), canvas width-1 and height-1 as 24-bit little-endian.
            if (data.Length < 10) return null;
            var width = data[4] | (data[5] << 8) | (data[6] << 16);
            var height = data[7] | (data[8] << 8) | (data[9] << 16);
            return new ImageInfo("image/webp", width + 1, height + 1);
        }
        return null;
    }
}
