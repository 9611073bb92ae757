using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Demands.Features.Print;

/// <summary>One entry of a demand's timeline. <see cref="Actor"/> is null for the system (timers, anonymous intake).</summary>
public sealed record TimelineEntry(DateTime At, string? Actor, bool ActorIsResident, string Action, string? From, string? To, string? Note);

/// <summary>Everything the official record of one demand shows; the phone is masked.</summary>
public sealed record DemandRecordView(
    Guid Id, string TrackingCode, string AreaTrail, string Description, string? Location, Channel Channel, bool Urgent,
    DemandStatus Status, HandlingLevel Level, Ownership? Ownership, ContentCategory? ContentCategory, MustDeliberateCategory? MustDeliberate,
    string? UnitName, string? AssigneeName, string? ContactPhoneMasked, bool HasPhone, bool CanRevealPhone,
    DateTime CreatedAt, DateTime? FirstRespondedAt, DateTime? DueAt, DateTime? HandledAt, DateTime? ClosedAt, bool HandledOnSpot,
    string? Reply, Satisfaction? Satisfaction, string? RatingComment, DateTime? RatedAt, int ReopenCount, int EscalationCount,
    bool? ReviewMetExpectations, string? CloseReason, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>
/// The printable record (台账记录) of one demand with its whole timeline. Only officials who may view the
/// demand (by area role or department) see it; the resident who raised it, and everyone else, get a 404.
/// </summary>
public sealed class DemandRecord(YishiDbContext db, DemandAccess access, AccessScope scope)
{
    public async Task<DemandRecordView> HandleAsync(Guid id, CancellationToken ct = default)
    {
        var d = await access.LoadForViewAsync(id, ct);
        var official = await scope.CanAsync(d.AreaPath, DemandRoles.CanView, ct)
            || (d.UnitId is { } unit && (await access.MyUnitsAsync(ct)).Contains(unit));
        if (!official) throw new NotFound("demand");

        var areaIds = d.AreaPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N")).ToList();
        var areaNames = await db.Areas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var trail = string.Join(" › ", areaIds.Select(a => areaNames.GetValueOrDefault(a, "…")));
        var unitName = d.UnitId is { } u ? await db.Set<HandlingUnit>().AsNoTracking().Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "demand" && a.EntityId == d.Id)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .ToListAsync(ct);
        var userIds = entries.Where(e => e.ActorId != null).Select(e => e.ActorId!.Value).ToList();
        if (d.AssigneeUserId is { } assignee) userIds.Add(assignee);
        userIds = [.. userIds.Distinct()];
        var users = await db.Users.AsNoTracking().Where(x => userIds.Contains(x.Id))
            .Select(x => new { x.Id, x.DisplayName, x.Kind }).ToDictionaryAsync(x => x.Id, ct);

        // Residents' names stay masked even on the official record; officials are named.
        (string? Name, bool Resident) Actor(Guid? actorId) => actorId is { } a && users.TryGetValue(a, out var user)
            ? user.Kind == AccountKind.Resident ? (PersonalData.MaskName(user.DisplayName), true) : (user.DisplayName, false)
            : (null, false);

        var timeline = entries.Select(e =>
        {
            var (name, resident) = Actor(e.ActorId);
            return new TimelineEntry(e.At, name, resident, e.Action, e.From, e.To, e.Note);
        }).ToList();

        return new DemandRecordView(d.Id, d.TrackingCode, trail, d.Description, d.Location, d.Channel, d.Urgent, d.Status, d.Level,
            d.Ownership, d.ContentCategory, d.MustDeliberate, unitName, Actor(d.AssigneeUserId).Name,
            d.ContactPhone is null ? null : PersonalData.MaskPhone(d.ContactPhone), d.ContactPhone is { Length: > 0 },
            d.ContactPhone is { Length: > 0 } && await scope.CanAsync(d.AreaPath, Permission.RevealPersonalData, ct),
            d.CreatedAt, d.FirstRespondedAt, d.DueAt, d.HandledAt, d.ClosedAt, d.HandledOnSpot, d.Reply, d.Satisfaction, d.RatingComment,
            d.RatedAt, d.ReopenCount, d.EscalationCount, d.ReviewMetExpectations, d.CloseReason, timeline);
    }
}
