using SkiaSharp;
using Yishi.Platform.Rules;

namespace Yishi.Platform.Media;

/// <summary>An uploaded photo after <see cref="PhotoProcessor"/>: re-encoded, oriented, stripped of metadata, with its thumbnail.</summary>
public sealed record ProcessedPhoto(string ContentType, byte[] Bytes, int Width, int Height, byte[] ThumbnailBytes);

/// <summary>
/// The one place where an uploaded photo is checked and turned into what is stored (every module uses it):
/// <list type="number">
/// <item>at most <see cref="MaxBytes"/> bytes;</item>
/// <item>the header is read (no pixels decoded) and the type must be JPEG, PNG or WebP, recognised by the bytes;</item>
/// <item>at most <see cref="MaxPixels"/> pixels, refused before anything is decoded (a 20,000×20,000 PNG of 1 MB would be 1.6 GB of pixels);</item>
/// <item>the whole image is decoded: a truncated file, a header followed by something else (an HTML "polyglot") fails;</item>
/// <item>the EXIF orientation is applied, then the image is re-encoded as JPEG (quality <see cref="Quality"/>) at most
/// <see cref="MaxLongSide"/> px on the long side, plus a thumbnail of at most <see cref="ThumbnailLongSide"/> px.
/// Re-encoding drops every metadata segment (EXIF with GPS position, camera serial, comments) and any bytes appended to the file.</item>
/// </list>
/// JPEG rather than WebP: every browser and the WeChat web views of old phones show it, Word/Excel exports embed it,
/// and photos of a street or a meeting lose nothing visible at quality 80. Transparent PNGs are flattened on white.
/// Bad files throw <see cref="InputInvalid"/> for the given field (400 with a localised message), never a 500.
/// </summary>
public static class PhotoProcessor
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const long MaxPixels = 40_000_000;
    public const int MaxLongSide = 2048;
    public const int ThumbnailLongSide = 320;
    public const int Quality = 80;
    public const int ThumbnailQuality = 70;
    public const string ContentType = "image/jpeg";

    // Decoding a 40 MP PNG takes 160 MB of pixels; two at a time per core is enough for a small server.
    private static readonly SemaphoreSlim Decoding = new(Math.Max(2, Environment.ProcessorCount));

    /// <summary>
    /// Runs one tiny photo through the whole path at startup, so a deployment without the native Skia library
    /// (libSkiaSharp.so, from SkiaSharp.NativeAssets.Linux.NoDependencies) fails at once, not at the first upload.
    /// </summary>
    public static void EnsureAvailable()
    {
        try
        {
            using var bitmap = new SKBitmap(2, 2);
            bitmap.Erase(SKColors.White);
            using var image = SKImage.FromBitmap(bitmap);
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            if (Process(png.ToArray()).Width != 2) throw new InvalidOperationException("the photo self-check produced a wrong size");
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new InvalidOperationException("Photo processing is unavailable: the native SkiaSharp library (libSkiaSharp) could not be loaded.", ex);
        }
    }

    /// <summary>Checks and re-encodes one photo; throws <see cref="InputInvalid"/> on <paramref name="field"/> when it is refused.</summary>
    public static ProcessedPhoto Process(byte[] bytes, string field = "Photos")
    {
        if (bytes.Length > MaxBytes) throw Invalid(field, "Photo_TooLarge");
        using var data = SKData.CreateCopy(bytes);
        using var codec = Codec(data) ?? throw Invalid(field, "Photo_NotAnImage");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0) throw Invalid(field, "Photo_NotAnImage");
        if ((long)width * height > MaxPixels) throw Invalid(field, "Photo_TooManyPixels");

        Decoding.Wait();
        try
        {
            using var decoded = Decode(codec) ?? throw Invalid(field, "Photo_Unreadable");
            using var image = SKImage.FromBitmap(decoded);
            var origin = codec.EncodedOrigin;
            using var full = Render(image, origin, MaxLongSide);
            using var thumb = Render(full, SKEncodedOrigin.TopLeft, ThumbnailLongSide);
            return new ProcessedPhoto(ContentType, Jpeg(full, Quality), full.Width, full.Height, Jpeg(thumb, ThumbnailQuality));
        }
        finally
        {
            Decoding.Release();
        }
    }

    private static SKCodec? Codec(SKData data)
    {
        var codec = SKCodec.Create(data);
        if (codec is null) return null;
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            codec.Dispose();
            return null;
        }
        return codec;
    }

    /// <summary>Decodes every pixel (JPEG at the smallest 1/8 step still above the target size); null unless the whole image decoded.</summary>
    private static SKBitmap? Decode(SKCodec codec)
    {
        var size = codec.Info.Size;
        for (var eighths = 1; eighths < 8 && Math.Max(size.Width, size.Height) > MaxLongSide; eighths++)
        {
            var scaled = codec.GetScaledDimensions(eighths / 8f);
            if (Math.Max(scaled.Width, scaled.Height) < MaxLongSide || scaled.Width <= 0 || scaled.Height <= 0) continue;
            size = scaled;
            break;
        }
        return DecodeAt(codec, size) ?? (size == codec.Info.Size ? null : DecodeAt(codec, codec.Info.Size));
    }

    private static SKBitmap? DecodeAt(SKCodec codec, SKSizeI size)
    {
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        // IncompleteInput (a truncated file, a header followed by HTML) fills the rest with blank pixels: refused too.
        if (codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        return null;
    }

    /// <summary>Draws <paramref name="source"/> upright (per its EXIF origin) on white, at most <paramref name="longSide"/> px.</summary>
    private static SKImage Render(SKImage source, SKEncodedOrigin origin, int longSide)
    {
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = (source.Width, source.Height);
        var (uprightW, uprightH) = swap ? (h, w) : (w, h);
        var scale = Math.Min(1d, (double)longSide / Math.Max(uprightW, uprightH));
        var outW = Math.Max(1, (int)Math.Round(uprightW * scale));
        var outH = Math.Max(1, (int)Math.Round(uprightH * scale));

        using var surface = SKSurface.Create(new SKImageInfo(outW, outH, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("cannot allocate the photo surface");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale((float)outW / uprightW, (float)outH / uprightH);
        canvas.Concat(Upright(origin, w, h));
        using var paint = new SKPaint();
        canvas.DrawImage(source, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        canvas.Flush();
        return surface.Snapshot();
    }

    /// <summary>Maps stored pixels (w×h) to the upright picture, for each EXIF orientation (x' = sx·x + kx·y + tx, y' = ky·x + sy·y + ty).</summary>
    private static SKMatrix Upright(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    private static byte[] Jpeg(SKImage image, int quality)
    {
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, quality)
            ?? throw new InvalidOperationException("JPEG encoding failed");
        return encoded.ToArray();
    }

    private static InputInvalid Invalid(string field, string key) => new(field, key, typeof(MediaStrings));
}
