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

    /// <summary>Recognises JPEG, PNG and WebP by their bytes; null when they do not parse or are implausibly large.</summary>
    public static Platform.Media.ImageInfo? Inspect(ReadOnlySpan<byte> b) => Platform.Media.ImageHeader.Inspect(b, MaxDimension);

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
