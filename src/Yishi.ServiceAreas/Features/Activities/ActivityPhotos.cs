using System.Buffers.Binary;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.Access;
using NotFound = Yishi.Platform.Rules.NotFound;

namespace Yishi.ServiceAreas.Features.Activities;

/// <summary>A file that passed the checks: its type comes from its bytes, never from the client's name or header.</summary>
public sealed record ValidPhoto(string ContentType, byte[] Bytes, int Width, int Height);

/// <summary>
/// Photos of an activity, checked the way the Demands module checks demand photos (same rules, copied because a
/// module may not use another's insides): each file read whole (at most <see cref="ActivityPhoto.MaxBytes"/>),
/// recognised by its magic bytes and accepted only if its header parses to real dimensions (JPEG, PNG, WebP).
/// Served only to people of the service area, with the sniffed type and <c>nosniff</c>.
/// </summary>
public sealed class ActivityPhotos(YishiDbContext db, ServiceAreaAccess access, AuditTrail audit, TimeProvider clock)
{
    public const int MaxDimension = 20_000;

    public static async Task<IReadOnlyList<ValidPhoto>> ValidateAsync(IReadOnlyList<IFormFile> files, int existing = 0, CancellationToken ct = default)
    {
        var present = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (existing + present.Count > ActivityPhoto.MaxPerActivity)
            throw new RuleViolation("activity.photo_limit", "Photo_TooMany", "Photos", typeof(ServiceAreaStrings), 409, ActivityPhoto.MaxPerActivity);
        var valid = new List<ValidPhoto>(present.Count);
        foreach (var file in present)
        {
            if (file.Length > ActivityPhoto.MaxBytes) throw new InputInvalid("Photos", "Photo_TooLarge", typeof(ServiceAreaStrings));
            using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream((int)Math.Max(0, file.Length));
            await stream.CopyToAsync(buffer, ct);
            if (buffer.Length > ActivityPhoto.MaxBytes) throw new InputInvalid("Photos", "Photo_TooLarge", typeof(ServiceAreaStrings));
            var bytes = buffer.ToArray();
            var info = Inspect(bytes) ?? throw new InputInvalid("Photos", "Photo_NotAnImage", typeof(ServiceAreaStrings));
            valid.Add(new ValidPhoto(info.ContentType, bytes, info.Width, info.Height));
        }
        return valid;
    }

    /// <summary>Adds validated photos to an activity of an area the caller leads (organiser, supervisor, managers).</summary>
    public async Task<IReadOnlyList<Guid>> AddAsync(Guid serviceAreaId, Guid activityId, IReadOnlyList<IFormFile> files, CancellationToken ct = default)
    {
        var (area, _) = await access.LoadForLeadAsync(serviceAreaId, ct);
        var activity = await db.Set<ServiceActivity>().FirstOrDefaultAsync(a => a.Id == activityId && a.ServiceAreaId == area.Id, ct) ?? throw new NotFound("activity");
        var existing = await db.Set<ActivityPhoto>().CountAsync(p => p.ActivityId == activity.Id, ct);
        var photos = await ValidateAsync(files, existing, ct);
        if (photos.Count == 0) throw new InputInvalid("Photos", "Field_Required");
        var rows = Rows(activity, photos);
        audit.Record(area.DistrictId, "service_activity.photos_added", "service_activity", activity.Id, note: $"{rows.Count}");
        await db.SaveChangesAsync(ct);
        return [.. rows.Select(r => r.Id)];
    }

    /// <summary>Rows for validated photos, added to the unit of work (the caller saves).</summary>
    internal List<ActivityPhoto> Rows(ServiceActivity activity, IReadOnlyList<ValidPhoto> photos)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = photos.Select(p => new ActivityPhoto(activity.DistrictId, activity.Id, p.ContentType, p.Bytes, p.Width, p.Height, now)).ToList();
        db.Set<ActivityPhoto>().AddRange(rows);
        return rows;
    }

    public async Task<(string ContentType, byte[] Bytes)> LoadAsync(Guid photoId, CancellationToken ct = default)
    {
        var photo = await (from p in db.Set<ActivityPhoto>()
                           join a in db.Set<ServiceActivity>() on p.ActivityId equals a.Id
                           where p.Id == photoId
                           select new { p.ContentType, a.ServiceAreaId }).FirstOrDefaultAsync(ct) ?? throw new NotFound("photo");
        await access.LoadForViewAsync(photo.ServiceAreaId, ct);
        var bytes = await db.Set<ActivityPhoto>().Where(p => p.Id == photoId).Select(p => p.Bytes).FirstAsync(ct);
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

    internal static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/service-areas/{id:guid}/activities/{activityId:guid}/photos", async (Guid id, Guid activityId, HttpContext http, ActivityPhotos photos, CancellationToken ct) =>
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
                    throw new BadHttpRequestException("malformed multipart body", StatusCodes.Status400BadRequest);
                }
                return TypedResults.Ok(new { Ids = await photos.AddAsync(id, activityId, form.Files, ct) });
            })
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithTags("Service areas")
            .WithSummary("Add photos to an activity (multipart; JPEG, PNG or WebP, at most 5 MB each and 6 per activity)");
        api.MapGet("/service-areas/activity-photos/{photoId:guid}", async (Guid photoId, HttpContext http, ActivityPhotos photos, CancellationToken ct) =>
            {
                var (type, bytes) = await photos.LoadAsync(photoId, ct);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, max-age=3600";
                return TypedResults.File(bytes, type);
            })
            .WithTags("Service areas").WithSummary("An activity photo, for people of its service area");
    }
}
