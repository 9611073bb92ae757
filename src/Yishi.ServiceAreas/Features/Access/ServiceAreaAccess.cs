using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;
using Yishi.ServiceAreas.Domain;

namespace Yishi.ServiceAreas.Features.Access;

/// <summary>Who may do what with service areas, by platform role held over the service area's community. Deny by default.</summary>
public static class ServiceAreaRoles
{
    /// <summary>Create and edit service areas, appoint the two members, manage teams and block chiefs.</summary>
    public static bool CanManage(Role r) => r is Role.CommunitySecretary or Role.DistrictAdmin;

    /// <summary>See every service area, activity, service and visit of the communities in scope.</summary>
    public static bool CanView(Role r) => CanManage(r) || r is Role.CommitteeMember or Role.StreetOfficer or Role.GridWorker or Role.WorkGroupMember or Role.Auditor;

    /// <summary>Record a 陪办/帮办/代办 request for a household (a cadre on the resident's behalf).</summary>
    public static bool CanRecordForHousehold(Role r) => r is Role.CommunitySecretary or Role.CommitteeMember or Role.GridWorker or Role.DistrictAdmin;

    /// <summary>Navigation: who works with service areas at all (organisers, supervisors and volunteers act through their holdings).</summary>
    public static bool UsesServiceAreas(Role r) => CanView(r) || r is Role.Organiser or Role.Supervisor or Role.Volunteer;
}

/// <summary>What the caller holds in one service area (current holdings only).</summary>
public sealed record Places(bool Organiser, bool Supervisor, TeamMember? Member, bool Manager, bool Viewer)
{
    /// <summary>Organiser or supervisor: records activities, sees the team's work.</summary>
    public bool LeadsArea => Organiser || Supervisor;
    public bool Any => Organiser || Supervisor || Member is not null || Manager || Viewer;
}

/// <summary>
/// Loads service areas for viewing or acting. Managers and viewers act through <see cref="AccessScope"/> over the
/// community; organisers, supervisors and volunteers through their current holdings in that one service area
/// (an organiser of area A has no say in area B, even in the same village). Unrelated callers get 404.
/// </summary>
public sealed class ServiceAreaAccess(YishiDbContext db, AccessScope scope, RequestContext request)
{
    public async Task<ServiceArea> FindAsync(Guid id, CancellationToken ct = default)
        => await db.Set<ServiceArea>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFound("service_area");

    public async Task<Places> PlacesAsync(ServiceArea area, CancellationToken ct = default)
    {
        var manager = await scope.CanAsync(area.AreaPath, ServiceAreaRoles.CanManage, ct);
        var viewer = manager || await scope.CanAsync(area.AreaPath, ServiceAreaRoles.CanView, ct);
        if (request.UserId is not { } me) return new Places(false, false, null, manager, viewer);
        var posts = await db.Set<ServiceAreaPost>().AsNoTracking()
            .Where(p => p.ServiceAreaId == area.Id && p.EndedOn == null && p.UserId == me).Select(p => p.Kind).ToListAsync(ct);
        var member = await db.Set<TeamMember>().AsNoTracking()
            .FirstOrDefaultAsync(m => m.ServiceAreaId == area.Id && m.EndedOn == null && m.UserId == me, ct);
        return new Places(posts.Contains(PostKind.Organiser), posts.Contains(PostKind.Supervisor), member, manager, viewer);
    }

    /// <summary>The area and what the caller holds in it; 404 when the caller has nothing to do with it.</summary>
    public async Task<(ServiceArea Area, Places Places)> LoadForViewAsync(Guid id, CancellationToken ct = default)
    {
        var area = await FindAsync(id, ct);
        var places = await PlacesAsync(area, ct);
        if (!places.Any) throw new NotFound("service_area");
        return (area, places);
    }

    public async Task<ServiceArea> LoadForManageAsync(Guid id, CancellationToken ct = default)
    {
        var (area, places) = await LoadForViewAsync(id, ct);
        if (!places.Manager) throw new Forbidden();
        return area;
    }

    /// <summary>For recording activities and visits and answering suggestions: the organiser or supervisor (managers too).</summary>
    public async Task<(ServiceArea Area, Places Places)> LoadForLeadAsync(Guid id, CancellationToken ct = default)
    {
        var (area, places) = await LoadForViewAsync(id, ct);
        if (!places.LeadsArea && !places.Manager) throw new Forbidden();
        return (area, places);
    }

    /// <summary>Service areas the caller can see: all of the communities in scope, plus the ones they hold a place in.</summary>
    public async Task<IQueryable<ServiceArea>> VisibleAsync(CancellationToken ct = default)
    {
        if (!scope.IsSignedIn) throw new Forbidden();
        var paths = await scope.PathsWhereAsync(ServiceAreaRoles.CanView, ct);
        var mine = await MyAreaIdsAsync(ct);
        var all = db.Set<ServiceArea>().AsQueryable();
        var inScope = paths.Count == 0 ? all.Where(_ => false) : all.WithinAny(s => s.AreaPath, paths);
        return mine.Count == 0 ? inScope : all.Where(s => mine.Contains(s.Id)).Union(inScope);
    }

    public async Task<List<Guid>> MyAreaIdsAsync(CancellationToken ct = default)
    {
        if (request.UserId is not { } me) return [];
        var posts = await db.Set<ServiceAreaPost>().Where(p => p.EndedOn == null && p.UserId == me).Select(p => p.ServiceAreaId).ToListAsync(ct);
        var teams = await db.Set<TeamMember>().Where(m => m.EndedOn == null && m.UserId == me).Select(m => m.ServiceAreaId).ToListAsync(ct);
        return [.. posts.Concat(teams).Distinct()];
    }

    /// <summary>Households of a service area: those of its groups not assigned explicitly elsewhere, plus the explicit ones.</summary>
    public IQueryable<Household> HouseholdsOf(Guid serviceAreaId)
    {
        var groups = db.Set<ServiceAreaGroup>().Where(g => g.ServiceAreaId == serviceAreaId).Select(g => g.AreaId);
        var explicitHere = db.Set<ServiceAreaHousehold>().Where(h => h.ServiceAreaId == serviceAreaId).Select(h => h.HouseholdId);
        var elsewhere = db.Set<ServiceAreaHousehold>().Where(h => h.ServiceAreaId != serviceAreaId).Select(h => h.HouseholdId);
        return db.Households.Where(h => (groups.Contains(h.AreaId) && !elsewhere.Contains(h.Id)) || explicitHere.Contains(h.Id));
    }

    /// <summary>The active service area a household belongs to (its explicit assignment, else the one covering its group).</summary>
    public async Task<Guid?> AreaOfHouseholdAsync(Household household, CancellationToken ct = default)
    {
        var assigned = await db.Set<ServiceAreaHousehold>().Where(h => h.HouseholdId == household.Id).Select(h => (Guid?)h.ServiceAreaId).FirstOrDefaultAsync(ct);
        if (assigned is not null) return assigned;
        var active = db.Set<ServiceArea>().Where(s => s.RetiredAt == null).Select(s => s.Id);
        return await db.Set<ServiceAreaGroup>().Where(g => g.AreaId == household.AreaId && active.Contains(g.ServiceAreaId))
            .Select(g => (Guid?)g.ServiceAreaId).FirstOrDefaultAsync(ct);
    }

    /// <summary>The signed-in resident's household (through their account's resident record), or null.</summary>
    public async Task<Household?> MyHouseholdAsync(CancellationToken ct = default)
    {
        if (request.UserId is not { } me) return null;
        var residentId = await db.Users.Where(u => u.Id == me).Select(u => u.ResidentId).FirstOrDefaultAsync(ct);
        if (residentId is null) return null;
        var householdId = await db.Residents.Where(r => r.Id == residentId).Select(r => (Guid?)r.HouseholdId).FirstOrDefaultAsync(ct);
        return householdId is null ? null : await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
    }
}

/// <summary>Calendar days in China time (UTC+8): activity and visit dates are local days.</summary>
public static class LocalDay
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Offset);

    public static DateOnly Of(DateTime utc) => DateOnly.FromDateTime(utc + Offset);

    public static string Format(DateTime? utc) => utc is { } t ? (t + Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";

    public static string Format(DateOnly? day) => day is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "";
}
