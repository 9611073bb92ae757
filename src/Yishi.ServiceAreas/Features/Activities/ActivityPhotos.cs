using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Media;
using Yishi.Platform.Rules;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.Access;
using NotFound = Yishi.Platform.Rules.NotFound;

namespace Yishi.ServiceAreas.Features.Activities;

/// <summary>
/// Photos of an activity. Every file goes through <see cref="PhotoUpload"/> / <see cref="PhotoProcessor"/> (the
/// limits and checks of every photo in Yishi): stored re-encoded as JPEG without metadata, with a thumbnail.
/// Served only to people of the service area. Also used for a point entry's evidence photo.
/// </summary>
public sealed class ActivityPhotos(YishiDbContext db, ServiceAreaAccess access, AuditTrail audit, RequestContext request, TimeProvider clock)
{
    /// <summary>Checks and processes uploaded files before anything is saved; <paramref name="existing"/> photos are already attached.</summary>
    public static async Task<IReadOnlyList<ProcessedPhoto>> ValidateAsync(IReadOnlyList<IFormFile> files, int existing = 0, CancellationToken ct = default)
    {
        if (existing + PhotoUpload.Present(files).Count > ActivityPhoto.MaxPerActivity)
            throw new RuleViolation("activity.photo_limit", "Photo_TooMany", "Photos", typeof(ServiceAreaStrings), 409, ActivityPhoto.MaxPerActivity);
        return await PhotoUpload.ReadAsync(files, "Photos", ct);
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
    internal List<ActivityPhoto> Rows(ServiceActivity activity, IReadOnlyList<ProcessedPhoto> photos)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = photos.Select(p => new ActivityPhoto(activity.DistrictId, activity.Id, p, request.UserId, now)).ToList();
        db.Set<ActivityPhoto>().AddRange(rows);
        return rows;
    }

    /// <summary>The photo (or its thumbnail) for people of the activity's service area.</summary>
    public async Task<PhotoFile> LoadAsync(Guid photoId, bool thumbnail = false, CancellationToken ct = default)
    {
        var serviceAreaId = await (from p in db.Set<ActivityPhoto>()
                                   join a in db.Set<ServiceActivity>() on p.ActivityId equals a.Id
                                   where p.Id == photoId
                                   select (Guid?)a.ServiceAreaId).FirstOrDefaultAsync(ct) ?? throw new NotFound("photo");
        await access.LoadForViewAsync(serviceAreaId, ct);
        return await db.Set<ActivityPhoto>().Where(p => p.Id == photoId).FileAsync(thumbnail, ct) ?? throw new NotFound("photo");
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
            .WithSummary("Add photos to an activity (multipart; JPEG, PNG or WebP, at most 5 MB and 40 megapixels each and 6 per activity; stored re-encoded as JPEG without metadata)");
        api.MapGet("/service-areas/activity-photos/{photoId:guid}", async (Guid photoId, int? thumb, HttpContext http, ActivityPhotos photos, CancellationToken ct) =>
                http.Serve(await photos.LoadAsync(photoId, thumb == 1, ct)))
            .WithTags("Service areas").WithSummary("An activity photo (?thumb=1: its thumbnail, at most 320 px), for people of its service area");
    }
}
