using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.Access;
using NotFound = Yishi.Platform.Rules.NotFound;

namespace Yishi.ServiceAreas.Features.Activities;

/// <summary>
/// An activity as recorded. Hours are decimal hours (1.5), kept as minutes. For opinion reporting the notes are what
/// residents said; they are filed as a demand (channel "service area") at the area's community.
/// </summary>
public sealed record RecordActivityInput(ActivityType? Type, [property: Required, MaxLength(ServiceActivity.TitleMaxLength)] string? Title, DateOnly? HeldOn, int? ParticipantCount, decimal? Hours, [property: MaxLength(ServiceActivity.NotesMaxLength)] string? Notes,
    IReadOnlyList<Guid>? MemberIds, [property: MaxLength(200)] string? Location = null, bool Urgent = false, string? ContactPhone = null);

public sealed record ActivityDto(Guid Id, ActivityType Type, string Title, DateOnly HeldOn, int ParticipantCount, int TeamParticipants, decimal Hours, string? Notes,
    string? DemandTrackingCode, IReadOnlyList<Guid> PhotoIds, DateTime CreatedAt);

public sealed record ActivityRecorded(Guid Id, Guid? DemandId, string? DemandTrackingCode);

/// <summary>The five functions: organisers and supervisors (and the community's managers) record what the area did.</summary>
public sealed class ServiceActivities(YishiDbContext db, ServiceAreaAccess access, AuditTrail audit, RequestContext request, TimeProvider clock, OpinionReporting opinions, ActivityPhotos photoStore)
{
    /// <summary>Records the activity; <paramref name="photos"/> (already validated) are saved with it.</summary>
    public async Task<ActivityRecorded> RecordAsync(Guid serviceAreaId, RecordActivityInput input, IReadOnlyList<Yishi.Platform.Media.ProcessedPhoto>? photos = null, CancellationToken ct = default)
    {
        var type = input.Type is { } t && Enum.IsDefined(t) ? t : throw new InputInvalid("Type", "Field_Required");
        var title = Check.RequiredText(input.Title, "Title", ServiceActivity.TitleMaxLength);
        var heldOn = input.HeldOn ?? throw new InputInvalid("HeldOn", "Field_Required");
        var hours = input.Hours ?? throw new InputInvalid("Hours", "Field_Required");
        var notes = type == ActivityType.OpinionReporting
            ? Check.RequiredText(input.Notes, "Notes", ServiceActivity.NotesMaxLength)
            : Check.OptionalText(input.Notes, "Notes", ServiceActivity.NotesMaxLength);
        if (type == ActivityType.OpinionReporting && notes!.Length < 5) throw new InputInvalid("Notes", "Activity_OpinionTooShort", typeof(ServiceAreaStrings));
        var location = Check.OptionalText(input.Location, "Location", 200);
        var phone = Check.OptionalPhone(input.ContactPhone, "ContactPhone");
        var (area, _) = await access.LoadForLeadAsync(serviceAreaId, ct);
        var memberIds = (input.MemberIds ?? []).Distinct().ToList();
        if (memberIds.Count > 0 && await db.Set<TeamMember>().CountAsync(m => memberIds.Contains(m.Id) && m.ServiceAreaId == area.Id, ct) != memberIds.Count)
            throw new InputInvalid("MemberIds", "ServiceRequest_NotATeamMember", typeof(ServiceAreaStrings));
        var participants = input.ParticipantCount ?? memberIds.Count;
        if (participants < memberIds.Count) throw new InputInvalid("ParticipantCount", "Activity_FewerThanMembers", typeof(ServiceAreaStrings));
        if (hours is <= 0 or > 24) throw new InputInvalid("Hours", "Activity_HoursOutOfRange", typeof(ServiceAreaStrings));
        var activity = new ServiceActivity(area, type, title, heldOn, participants, ServiceActivity.MinutesFromHours(hours), notes,
            request.UserId ?? throw new Forbidden(), LocalDay.Today(clock), clock.GetUtcNow().UtcDateTime);
        db.Set<ServiceActivity>().Add(activity);
        db.Set<ActivityParticipant>().AddRange(memberIds.Select(m => new ActivityParticipant(area.DistrictId, activity.Id, m)));
        if (photos is { Count: > 0 }) photoStore.Rows(activity, photos);
        audit.Record(area.DistrictId, "service_activity.recorded", "service_activity", activity.Id, to: type.ToString(), note: photos is { Count: > 0 } ? $"photos:{photos.Count}" : null);
        if (type == ActivityType.OpinionReporting)
        {
            // The intake saves the demand in this unit of work, so the activity commits with it (or neither does).
            var (demandId, code) = await opinions.FileAsync(area, notes!, location, input.Urgent, phone, ct);
            activity.LinkDemand(demandId, code);
            audit.Record(area.DistrictId, "service_activity.demand_filed", "service_activity", activity.Id, to: code);
        }
        await db.SaveChangesAsync(ct);
        return new ActivityRecorded(activity.Id, activity.DemandId, activity.DemandTrackingCode);
    }

    public async Task<IReadOnlyList<ActivityDto>> ForAreaAsync(Guid serviceAreaId, ActivityType? type, CancellationToken ct = default)
    {
        var (area, _) = await access.LoadForViewAsync(serviceAreaId, ct);
        var q = db.Set<ServiceActivity>().AsNoTracking().Where(a => a.ServiceAreaId == area.Id);
        if (type is { } t) q = q.Where(a => a.Type == t);
        var rows = await q.OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.CreatedAt).Take(200).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var members = await db.Set<ActivityParticipant>().Where(p => ids.Contains(p.ActivityId)).GroupBy(p => p.ActivityId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var photos = (await db.Set<ActivityPhoto>().Where(p => ids.Contains(p.ActivityId)).Select(p => new { p.ActivityId, p.Id }).ToListAsync(ct))
            .GroupBy(p => p.ActivityId).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)[.. g.Select(p => p.Id).Order()]);
        return [.. rows.Select(a => new ActivityDto(a.Id, a.Type, a.Title, a.HeldOn, a.ParticipantCount, members.GetValueOrDefault(a.Id),
            ServiceActivity.HoursFromMinutes(a.Minutes), a.Notes, a.DemandTrackingCode, photos.GetValueOrDefault(a.Id) ?? [], a.CreatedAt))];
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/service-areas/{id:guid}/activities").WithTags("Service areas");
        g.MapPost("", async Task<Created<ActivityRecorded>> (Guid id, RecordActivityInput input, ServiceActivities h, CancellationToken ct) =>
        {
            var recorded = await h.RecordAsync(id, input, null, ct);
            return TypedResults.Created($"/api/v1/service-areas/{id}/activities/{recorded.Id}", recorded);
        }).WithSummary("Record an activity in one of the five functions (opinion reporting also files a demand)");
        g.MapGet("", async (Guid id, ActivityType? type, ServiceActivities h, CancellationToken ct) => TypedResults.Ok(await h.ForAreaAsync(id, type, ct)))
            .WithSummary("Activities of a service area, newest first");
    }
}
