using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.Access;
using NotFound = Yishi.Platform.Rules.NotFound;

namespace Yishi.ServiceAreas.Features.Services;

public sealed record RequestServiceInput(ServiceKind? Kind, [property: Required, MaxLength(ResidentService.NeedMaxLength)] string? Need, Guid? HouseholdId);
public sealed record AssignServiceInput(Guid? TeamMemberId);
public sealed record CompleteServiceInput([property: Required, MaxLength(ResidentService.NoteMaxLength)] string? Note);
public sealed record RateServiceInput(ServiceSatisfaction? Satisfaction, [property: MaxLength(ResidentService.NoteMaxLength)] string? Comment);
public sealed record CancelServiceInput([property: Required, MaxLength(ResidentService.NoteMaxLength)] string? Reason);

public sealed record ServiceRequestDto(Guid Id, Guid ServiceAreaId, string ServiceAreaName, Guid HouseholdId, string HouseNumber, ServiceKind Kind, string Need,
    ServiceRequestStatus Status, Guid? AssigneeMemberId, string? AssigneeName, DateTime? AssignedAt, DateTime? DoneAt, string? DoneNote,
    ServiceSatisfaction? Satisfaction, string? RatingComment, DateTime? RatedAt, DateTime? CancelledAt, string? CancelReason, DateTime CreatedAt,
    bool RequestedByMe, bool AssignedToMe);

/// <summary>
/// 陪办/帮办/代办: a resident of the area (signed in) or a cadre for a household of the area asks; the organiser assigns a
/// volunteer of the team; the volunteer marks it done; the resident rates it. The state machine is
/// <see cref="ServiceRequestTransitions"/>; this class decides who may take each step, audits and notifies.
/// </summary>
public sealed class ResidentServices(YishiDbContext db, AccessScope scope, ServiceAreaAccess access, AuditTrail audit, Notifier notifier, RequestContext request, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<ServiceRequestDto> RequestAsync(Guid serviceAreaId, RequestServiceInput input, CancellationToken ct = default)
    {
        var kind = input.Kind is { } k && Enum.IsDefined(k) ? k : throw new InputInvalid("Kind", "Field_Required");
        var need = Check.RequiredText(input.Need, "Need", ResidentService.NeedMaxLength);
        var me = scope.UserId;
        var area = await access.FindAsync(serviceAreaId, ct);
        var places = await access.PlacesAsync(area, ct);
        var cadre = places.LeadsArea || await scope.CanAsync(area.AreaPath, ServiceAreaRoles.CanRecordForHousehold, ct);
        Guid householdId;
        Guid? requestedBy = null, recordedBy = null;
        if (input.HouseholdId is { } chosen && cadre)
        {
            if (!await access.HouseholdsOf(area.Id).AnyAsync(h => h.Id == chosen, ct))
                throw new InputInvalid("HouseholdId", "Household_NotInArea", typeof(ServiceAreaStrings));
            householdId = chosen;
            recordedBy = me;
        }
        else if (await access.MyHouseholdAsync(ct) is { } mine)
        {
            // A resident asks for their own household, in the service area their household belongs to.
            if (await access.AreaOfHouseholdAsync(mine, ct) != area.Id) throw new Forbidden();
            householdId = mine.Id;
            requestedBy = me;
        }
        else if (cadre)
        {
            throw new InputInvalid("HouseholdId", "Field_Required");
        }
        else
        {
            throw places.Any ? new Forbidden() : new NotFound("service_area");
        }
        var service = new ResidentService(area, householdId, kind, need, requestedBy, recordedBy, Now);
        db.Set<ResidentService>().Add(service);
        audit.Record(area.DistrictId, "resident_service.requested", "resident_service", service.Id, to: service.Status.ToString(), note: kind.ToString());
        var organisers = await db.Set<ServiceAreaPost>().Where(p => p.ServiceAreaId == area.Id && p.Kind == PostKind.Organiser && p.EndedOn == null && p.UserId != null)
            .Select(p => p.UserId!.Value).ToListAsync(ct);
        await notifier.NotifyAsync(area.DistrictId, organisers, Text("Notify_ServiceRequested", kind, area.Name), $"/service-areas/{area.Id}/services", ct: ct);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(service, ct);
    }

    public async Task<ServiceRequestDto> AssignAsync(Guid id, AssignServiceInput input, CancellationToken ct = default)
    {
        var (service, area, places) = await LoadAsync(id, ct);
        if (!places.Organiser && !places.Manager) throw new Forbidden();
        area.EnsureActive();
        var memberId = input.TeamMemberId ?? throw new InputInvalid("TeamMemberId", "Field_Required");
        var member = await db.Set<TeamMember>().FirstOrDefaultAsync(m => m.Id == memberId, ct)
            ?? throw new InputInvalid("TeamMemberId", "ServiceRequest_NotATeamMember", typeof(ServiceAreaStrings));
        var change = service.Assign(member, Now);
        Record(service, change, "resident_service.assigned", member.Id.ToString());
        if (member.UserId is { } volunteer)
            await notifier.NotifyAsync(service.DistrictId, [volunteer], Text("Notify_ServiceAssigned", service.Kind, area.Name), $"/service-areas/{area.Id}/services", ct: ct);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(service, ct);
    }

    public async Task<ServiceRequestDto> CompleteAsync(Guid id, CompleteServiceInput input, CancellationToken ct = default)
    {
        var note = Check.RequiredText(input.Note, "Note", ResidentService.NoteMaxLength);
        var (service, _, _) = await LoadAsync(id, ct);
        if (service.AssigneeUserId is null || service.AssigneeUserId != request.UserId) throw new Forbidden();
        var change = service.Complete(note, Now);
        Record(service, change, "resident_service.done", null);
        if (service.RequestedByUserId is { } resident)
            await notifier.NotifyAsync(service.DistrictId, [resident], Text("Notify_ServiceDone", service.Kind), "/service-areas/my-services", ct: ct);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(service, ct);
    }

    public async Task<ServiceRequestDto> RateAsync(Guid id, RateServiceInput input, CancellationToken ct = default)
    {
        var satisfaction = input.Satisfaction is { } s && Enum.IsDefined(s) ? s : throw new InputInvalid("Satisfaction", "Field_Required");
        var comment = Check.OptionalText(input.Comment, "Comment", ResidentService.NoteMaxLength);
        var (service, _, _) = await LoadAsync(id, ct);
        if (service.RequestedByUserId is null || service.RequestedByUserId != request.UserId) throw new Forbidden();
        var change = service.Rate(satisfaction, comment, Now);
        Record(service, change, "resident_service.rated", satisfaction.ToString());
        await db.SaveChangesAsync(ct);
        return await DtoAsync(service, ct);
    }

    public async Task<ServiceRequestDto> CancelAsync(Guid id, CancelServiceInput input, CancellationToken ct = default)
    {
        var reason = Check.RequiredText(input.Reason, "Reason", ResidentService.NoteMaxLength);
        var (service, _, places) = await LoadAsync(id, ct);
        var requester = service.RequestedByUserId is not null && service.RequestedByUserId == request.UserId;
        if (!requester && !places.Organiser && !places.Manager) throw new Forbidden();
        var change = service.Cancel(reason, Now);
        Record(service, change, "resident_service.cancelled", null);
        if (service.AssigneeUserId is { } volunteer)
            await notifier.NotifyAsync(service.DistrictId, [volunteer], Text("Notify_ServiceCancelled", service.Kind), $"/service-areas/{service.ServiceAreaId}/services", ct: ct);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(service, ct);
    }

    public async Task<ServiceRequestDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        var (service, _, _) = await LoadAsync(id, ct);
        return await DtoAsync(service, ct);
    }

    /// <summary>Requests of one service area, open ones first, newest first; for everyone with a place in the area.</summary>
    public async Task<IReadOnlyList<ServiceRequestDto>> ForAreaAsync(Guid serviceAreaId, ServiceRequestStatus? status, CancellationToken ct = default)
    {
        var (area, _) = await access.LoadForViewAsync(serviceAreaId, ct);
        var q = db.Set<ResidentService>().AsNoTracking().Where(s => s.ServiceAreaId == area.Id);
        if (status is { } st) q = q.Where(s => s.Status == st);
        var rows = await q.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(200).ToListAsync(ct);
        return await DtosAsync([.. rows.OrderBy(r => r.IsOpen ? 0 : 1)], ct);
    }

    /// <summary>The signed-in resident's own requests.</summary>
    public async Task<IReadOnlyList<ServiceRequestDto>> MineAsync(CancellationToken ct = default)
    {
        var me = scope.UserId;
        var rows = await db.Set<ResidentService>().AsNoTracking().Where(s => s.RequestedByUserId == me)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(100).ToListAsync(ct);
        return await DtosAsync(rows, ct);
    }

    private async Task<(ResidentService Service, ServiceArea Area, Places Places)> LoadAsync(Guid id, CancellationToken ct)
    {
        var service = await db.Set<ResidentService>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFound("resident_service");
        var area = await access.FindAsync(service.ServiceAreaId, ct);
        var places = await access.PlacesAsync(area, ct);
        var involved = request.UserId is { } me && (service.RequestedByUserId == me || service.AssigneeUserId == me);
        if (!places.Any && !involved) throw new NotFound("resident_service");
        return (service, area, places);
    }

    private void Record(ResidentService service, ServiceRequestChange change, string action, string? note)
        => audit.Record(service.DistrictId, action, "resident_service", service.Id, change.From.ToString(), change.To.ToString(), note);

    /// <summary>A notification template naming the service kind (in the recipient's language) and, when given, the service area.</summary>
    private static NotificationText Text(string key, ServiceKind kind, string? area = null)
        => NotificationText.Of<ServiceAreaStrings>(key, ("kind", NotificationText.Of<ServiceAreaStrings>($"Service_{kind}")), ("area", area));

    private async Task<ServiceRequestDto> DtoAsync(ResidentService s, CancellationToken ct) => (await DtosAsync([s], ct))[0];

    private async Task<IReadOnlyList<ServiceRequestDto>> DtosAsync(List<ResidentService> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var householdIds = rows.Select(r => r.HouseholdId).Distinct().ToList();
        var numbers = await db.Households.Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.HouseNumber, ct);
        var memberIds = rows.Where(r => r.AssigneeMemberId != null).Select(r => r.AssigneeMemberId!.Value).Distinct().ToList();
        var names = await db.Set<TeamMember>().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        var areaIds = rows.Select(r => r.ServiceAreaId).Distinct().ToList();
        var areas = await db.Set<ServiceArea>().Where(a => areaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var me = request.UserId;
        return [.. rows.Select(s => new ServiceRequestDto(s.Id, s.ServiceAreaId, areas.GetValueOrDefault(s.ServiceAreaId, ""), s.HouseholdId, numbers.GetValueOrDefault(s.HouseholdId, ""),
            s.Kind, s.Need, s.Status, s.AssigneeMemberId, s.AssigneeMemberId is { } m ? names.GetValueOrDefault(m) : null, s.AssignedAt, s.DoneAt, s.DoneNote,
            s.Satisfaction, s.RatingComment, s.RatedAt, s.CancelledAt, s.CancelReason, s.CreatedAt,
            me is not null && s.RequestedByUserId == me, me is not null && s.AssigneeUserId == me))];
    }

    internal static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/service-areas/{id:guid}/services", async Task<Created<ServiceRequestDto>> (Guid id, RequestServiceInput input, ResidentServices h, CancellationToken ct) =>
        {
            var dto = await h.RequestAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/services/{dto.Id}", dto);
        }).WithTags("Service areas").WithSummary("Ask for accompany/help/act-on-behalf (a resident for their household, or a cadre for a household of the area)");
        api.MapGet("/service-areas/{id:guid}/services", async (Guid id, ServiceRequestStatus? status, ResidentServices h, CancellationToken ct) => TypedResults.Ok(await h.ForAreaAsync(id, status, ct)))
            .WithTags("Service areas").WithSummary("Service requests of a service area");
        var g = api.MapGroup("/services").WithTags("Service areas");
        g.MapGet("/mine", async (ResidentServices h, CancellationToken ct) => TypedResults.Ok(await h.MineAsync(ct))).WithSummary("The signed-in resident's service requests");
        g.MapGet("/{id:guid}", async (Guid id, ResidentServices h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct))).WithSummary("One service request");
        g.MapPost("/{id:guid}/assign", async (Guid id, AssignServiceInput input, ResidentServices h, CancellationToken ct) => TypedResults.Ok(await h.AssignAsync(id, input, ct)))
            .WithSummary("The organiser assigns a volunteer of the team (again to reassign)");
        g.MapPost("/{id:guid}/complete", async (Guid id, CompleteServiceInput input, ResidentServices h, CancellationToken ct) => TypedResults.Ok(await h.CompleteAsync(id, input, ct)))
            .WithSummary("The assigned volunteer marks it done with a note");
        g.MapPost("/{id:guid}/rating", async (Guid id, RateServiceInput input, ResidentServices h, CancellationToken ct) => TypedResults.Ok(await h.RateAsync(id, input, ct)))
            .WithSummary("The requesting resident rates it: satisfied, basically satisfied, dissatisfied (with a comment)");
        g.MapPost("/{id:guid}/cancel", async (Guid id, CancelServiceInput input, ResidentServices h, CancellationToken ct) => TypedResults.Ok(await h.CancelAsync(id, input, ct)))
            .WithSummary("Withdrawn by the resident or cancelled by the organiser, before it is done");
    }
}
