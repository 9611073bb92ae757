using Microsoft.AspNetCore.Http;
using Yishi.Platform.Rules;

namespace Yishi.Platform.Media;

/// <summary>
/// Reads uploaded files (a multipart form or a page's form) into <see cref="ProcessedPhoto"/>s, all or nothing:
/// the first refused file throws <see cref="InputInvalid"/> on <c>field</c> before anything is saved.
/// A file is never read beyond <see cref="PhotoProcessor.MaxBytes"/>.
/// </summary>
public static class PhotoUpload
{
    /// <summary>The files the user actually chose (a form posts an empty part when no file was picked).</summary>
    public static IReadOnlyList<IFormFile> Present(IEnumerable<IFormFile> files)
        => [.. files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName))];

    public static async Task<IReadOnlyList<ProcessedPhoto>> ReadAsync(IEnumerable<IFormFile> files, string field = "Photos", CancellationToken ct = default)
    {
        var result = new List<ProcessedPhoto>();
        foreach (var file in Present(files))
            result.Add(PhotoProcessor.Process(await ReadBytesAsync(file, field, ct), field));
        return result;
    }

    private static async Task<byte[]> ReadBytesAsync(IFormFile file, string field, CancellationToken ct)
    {
        if (file.Length > PhotoProcessor.MaxBytes) throw new InputInvalid(field, "Photo_TooLarge", typeof(MediaStrings));
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream((int)Math.Max(0, file.Length));
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > PhotoProcessor.MaxBytes) throw new InputInvalid(field, "Photo_TooLarge", typeof(MediaStrings));
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
