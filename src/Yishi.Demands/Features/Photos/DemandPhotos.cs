using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Demands.Features.Track;
using Yishi.Platform.Data;
using Yishi.Platform.Media;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Features.Photos;

public sealed record PhotosAdded(IReadOnlyList<Guid> Ids, int Count);

/// <summary>
/// Photos attached to a demand. Every file goes through <see cref="PhotoUpload"/> / <see cref="PhotoProcessor"/>
/// (the limits and checks of every photo in Yishi): only decodable JPEG, PNG or WebP, stored re-encoded as JPEG
/// without metadata, with a thumbnail for lists. At most <see cref="DemandPhoto.MaxPerDemand"/> per demand.
/// </summary>
public sealed class DemandPhotos(YishiDbContext db, DemandAccess access, TrackDemand track, DemandWorkflow workflow, RequestContext request)
{
    /// <summary>Checks and processes uploaded files before anything is saved; <paramref name="existing"/> photos are already attached.</summary>
    public static async Task<IReadOnlyList<ProcessedPhoto>> ValidateAsync(IReadOnlyList<IFormFile> files, int existing = 0, CancellationToken ct = default)
    {
        if (existing + PhotoUpload.Present(files).Count > DemandPhoto.MaxPerDemand)
            throw new RuleViolation("demand.photo_limit", "Photo_TooMany", "Photos", typeof(DemandStrings), 409, DemandPhoto.MaxPerDemand);
        return await PhotoUpload.ReadAsync(files, "Photos", ct);
    }

    /// <summary>Stores already validated photos on a demand (the caller checked access) and saves.</summary>
    public async Task<PhotosAdded> AddAsync(Demand d, IReadOnlyList<ProcessedPhoto> photos, CancellationToken ct = default)
    {
        if (photos.Count == 0) return new PhotosAdded([], await CountAsync(d, ct));
        var existing = await CountAsync(d, ct);
        if (existing + photos.Count > DemandPhoto.MaxPerDemand)
            throw new RuleViolation("demand.photo_limit", "Photo_TooMany", "Photos", typeof(DemandStrings), 409, DemandPhoto.MaxPerDemand);
        var rows = photos.Select(p => new DemandPhoto(d.DistrictId, d.Id, p, request.UserId, workflow.Now)).ToList();
        db.Set<DemandPhoto>().AddRange(rows);
        workflow.RecordNote(d, "demand.photos_added", Ui.DemandLabels.PhotoNotePrefix + rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
            .OrderBy(p => p.UploadedAt).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);

    /// <summary>The photo (or its thumbnail), if the caller may see its demand: an official who can view it, its reporter, or anyone holding its tracking code.</summary>
    public async Task<PhotoFile?> LoadAsync(Guid id, string? code, bool thumbnail = false, CancellationToken ct = default)
    {
        var photo = await db.Set<DemandPhoto>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Id == id).Select(p => new { p.DistrictId, p.DemandId }).FirstOrDefaultAsync(ct);
        if (photo is null) return null;
        var d = await db.Set<Demand>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == photo.DemandId && x.DistrictId == photo.DistrictId, ct);
        if (d is null) return null;
        var byCode = TrackingCode.Normalise(code) is { } normalised && normalised == d.TrackingCode;
        var allowed = byCode || (request.DistrictId == d.DistrictId && await access.CanViewAsync(d, ct));
        if (!allowed) return null;
        return await db.Set<DemandPhoto>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Id == id && p.DistrictId == d.DistrictId).FileAsync(thumbnail, ct);
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
            .WithSummary("Add photos to an open demand with its tracking code (multipart; JPEG, PNG or WebP, at most 5 MB and 40 megapixels each and 6 per demand; stored re-encoded as JPEG without metadata)");

    internal static void MapPublic(IEndpointRouteBuilder app) =>
        app.MapGet("/demands/photos/{id:guid}", async (Guid id, string? code, int? thumb, HttpContext http, DemandPhotos photos, CancellationToken ct) =>
                await photos.LoadAsync(id, code, thumb == 1, ct) is { } photo ? http.Serve(photo, 86400) : Results.NotFound())
            .WithTags("Demands").WithSummary("A demand's photo (?thumb=1: its thumbnail, at most 320 px), for officials who can view the demand or with ?code= its tracking code");
}
