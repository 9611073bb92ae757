using System.Buffers.Binary;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Demands.Features.Track;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Features.Photos;

/// <summary>A file that passed the checks: its type comes from its bytes, never from the client's name or header.</summary>
public sealed record ValidPhoto(string ContentType, byte[] Bytes, int Width, int Height);

public sealed record PhotosAdded(IReadOnlyList<Guid> Ids, int Count);

/// <summary>
/// Photos attached to a demand. Each file is read whole (at most <see cref="DemandPhoto.MaxBytes"/>),
/// recognised by its magic bytes and accepted only if its header parses to real dimensions
/// (JPEG SOF, PNG IHDR, WebP VP8/VP8L/VP8X). Anything else is refused, so nothing but images is stored;
/// they are served with their sniffed type and <c>nosniff</c>.
/// </summary>
public sealed class DemandPhotos(YishiDbContext db, DemandAccess access, TrackDemand track, DemandWorkflow workflow, RequestContext request)
{
    public const int MaxDimension = 20_000;

    /// <summary>Validates uploaded files before anything is saved; <paramref name="existing"/> photos are already attached.</summary>
    public static async Task<IReadOnlyList<ValidPhoto>> ValidateAsync(IReadOnlyList<IFormFile> files, int existing = 0, CancellationToken ct = default)
    {
        var present = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (existing + present.Count > DemandPhoto.MaxPerDemand)
            throw new RuleViolation("demand.photo_limit", "Photo_TooMany", "Photos", typeof(DemandStrings), 409, DemandPhoto.MaxPerDemand);
        var valid = new List<ValidPhoto>(present.Count);
        foreach (var file in present)
        {
            if (file.Length > DemandPhoto.MaxBytes) throw new InputInvalid("Photos", "Photo_TooLarge", typeof(DemandStrings));
            using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream((int)Math.Max(0, file.Length));
            await stream.CopyToAsync(buffer, ct);
            if (buffer.Length > DemandPhoto.MaxBytes) throw new InputInvalid("Photos", "Photo_TooLarge", typeof(DemandStrings));
            var bytes = buffer.ToArray();
            var info = Inspect(bytes) ?? throw new InputInvalid("Photos", "Photo_NotAnImage", typeof(DemandStrings));
            valid.Add(new ValidPhoto(info.ContentType, bytes, info.Width, info.Height));
        }
        return valid;
    }

    /// <summary>Stores already validated photos on a demand (the caller checked access) and saves.</summary>
    public async Task<PhotosAdded> AddAsync(Demand d, IReadOnlyList<ValidPhoto> photos, CancellationToken ct = default)
    {
        if (photos.Count == 0) return new PhotosAdded([], await CountAsync(d, ct));
        var existing = await CountAsync(d, ct);
        if (existing + photos.Count > DemandPhoto.MaxPerDemand)
            throw new RuleViolation("demand.photo_limit", "Photo_TooMany", "Photos", typeof(DemandStrings), 409, DemandPhoto.MaxPerDemand);
        var rows = photos.Select(p => new DemandPhoto(d.DistrictId, d.Id, p.ContentType, p.Bytes, p.Width, p.Height, workflow.Now)).ToList();
        db.Set<DemandPhoto>().AddRange(rows);
        workflow.RecordNote(d, "demand.photos_added", $"{rows.Count} 张");
        await db.SaveChangesAsync(ct);
        return new PhotosAdded(rows.Select(r => r.Id).ToList(), existing + rows.Count);
    }

    /// <summary>The resident (anonymous, with the full tracking code) adds photos to an open demand.</summary>
    public async Task<PhotosAdded> AddByCodeAsync(string code, IReadOnlyList<IFormFile> files, CancellationToken ct = default)
    {
        var d = await track.FindAsync(code, ct);
        if (request.DistrictId is null) request.SetDistrictOnly(d.DistrictId);
        if (!d.IsOpen) throw new RuleViolation("demand.closed", "Demand_Closed", null, typeof(DemandStrings), 409);
        if (files.Count == 0) throw new InputInvalid("Photos", "Field_Required");
        var valid = await ValidateAsync(files, await CountAsync(d, ct), ct);
        return await AddAsync(d, valid, ct);
    }

    public Task<int> CountAsync(Demand d, CancellationToken ct = default)
        => db.Set<DemandPhoto>().IgnoreQueryFilters().CountAsync(p => p.DistrictId == d.DistrictId && p.DemandId == d.Id, ct);

    public async Task<IReadOnlyList<Guid>> IdsAsync(Demand d, CancellationToken ct = default)
        => await db.Set<DemandPhoto>().IgnoreQueryFilters().Where(p => p.DistrictId == d.DistrictId && p.DemandId == d.Id)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);

    /// <summary>The photo, if the caller may see its demand: an official who can view it, its reporter, or anyone holding its tracking code.</summary>
    public async Task<(string ContentType, byte[] Bytes)?> LoadAsync(Guid id, string? code, CancellationToken ct = default)
    {
        var photo = await db.Set<DemandPhoto>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Id == id).Select(p => new { p.DistrictId, p.DemandId, p.ContentType }).FirstOrDefaultAsync(ct);
        if (photo is null) return null;
        var d = await db.Set<Demand>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == photo.DemandId && x.DistrictId == photo.DistrictId, ct);
        if (d is null) return null;
        var byCode = TrackingCode.Normalise(code) is { } normalised && normalised == d.TrackingCode;
        var allowed = byCode || (request.DistrictId == d.DistrictId && await access.CanViewAsync(d, ct));
        if (!allowed) return null;
        var bytes = await db.Set<DemandPhoto>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Id == id && p.DistrictId == d.DistrictId).Select(p => p.Bytes).FirstAsync(ct);
        return (photo.ContentType, bytes);
    }

    public sealed record ImageInfo(string ContentType, int Width, int Height);

    /// <summary>Recognises JPEG, PNG and WebP by their magic bytes and reads the dimensions from the header; null when the bytes do not parse.</summary>
    public static ImageInfo? Inspect(ReadOnlySpan<byte> b)
    {
        var info = Png(b) ?? Jpeg(b) ?? WebP(b);
        return info is { Width: > 0 and <= MaxDimension, Height: > 0 and <= MaxDimension } ? info : null;
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

    internal static void MapAnonymous(RouteGroupBuilder publicApi) =>
        publicApi.MapPost("/demands/track/{code}/photos", async (string code, HttpContext http, DemandPhotos photos, CancellationToken ct) =>
            {
                if (!http.Request.HasFormContentType)
                    throw new BadHttpRequestException("multipart/form-data expected", StatusCodes.Status415UnsupportedMediaType);
                IFormCollection form;
                try
                {
                    form = await http.Request.ReadFormAsync(ct);
                }
                catch (InvalidDataException)
                {
                    // A malformed multipart body (an oversized one is refused by the server's body limit as a 413).
                    throw new BadHttpRequestException("malformed multipart body", StatusCodes.Status400BadRequest);
                }
                var added = await photos.AddByCodeAsync(code, form.Files, ct);
                return TypedResults.Ok(added);
            })
            .DisableAntiforgery()
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithTags("Demands")
            .WithSummary("Add photos to an open demand with its tracking code (multipart; JPEG, PNG or WebP, at most 5 MB each and 6 per demand)");

    internal static void MapPublic(IEndpointRouteBuilder app) =>
        app.MapGet("/demands/photos/{id:guid}", async (Guid id, string? code, HttpContext http, DemandPhotos photos, CancellationToken ct) =>
            {
                if (await photos.LoadAsync(id, code, ct) is not { } photo) return Results.NotFound();
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, max-age=86400";
                http.Response.Headers.ContentDisposition = "inline";
                return Results.File(photo.Bytes, photo.ContentType);
            })
            .WithTags("Demands").WithSummary("A demand's photo, for officials who can view the demand or with ?code= its tracking code");
}
