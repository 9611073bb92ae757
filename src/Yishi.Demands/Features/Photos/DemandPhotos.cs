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

    /// <summary>Recognises JPEG, PNG and WebP by their bytes; null when they do not parse or are implausibly large.</summary>
    public static Platform.Media.ImageInfo? Inspect(ReadOnlySpan<byte> b) => Platform.Media.ImageHeader.Inspect(b, MaxDimension);

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
