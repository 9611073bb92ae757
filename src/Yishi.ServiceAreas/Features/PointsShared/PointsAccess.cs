using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.ServiceAreas.Features.PointsShared;

/// <summary>Who may do what with points lists, household points and evaluations. Deny by default.</summary>
public static class PointRoles
{
    /// <summary>Draft a list, edit drafts, record the approval; open and close evaluation rounds.</summary>
    public static bool CanManage(Role r) => r is Role.CommunitySecretary or Role.DistrictAdmin;

    /// <summary>Award points to a household: the area's organiser or supervisor, or the community secretary.</summary>
    public static bool CanAward(Role r) => r is Role.Organiser or Role.Supervisor or Role.CommunitySecretary;

    /// <summary>Decide a household's appeal: the area's supervisor (监督员).</summary>
    public static bool CanDecideAppeal(Role r) => r is Role.Supervisor;

    /// <summary>See households' points, the entries, appeals, rankings and figures.</summary>
    public static bool CanView(Role r) => r is Role.Organiser or Role.Supervisor or Role.CommunitySecretary or Role.CommitteeMember
        or Role.StreetOfficer or Role.DistrictAdmin or Role.Auditor;

    /// <summary>Any official who works with the points lists (navigation).</summary>
    public static bool Works(Role r) => CanView(r) || CanManage(r) || CanAward(r);
}

/// <summary>Loads the areas, households and the signed-in resident's household that points features act on.</summary>
public sealed class PointsAccess(YishiDbContext db, AccessScope scope, RequestContext request, TimeProvider clock)
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public AccessScope Scope => scope;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    /// <summary>Today in China (UTC+8): the day officials and residents see on the calendar.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now + ChinaOffset);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Local(DateTime? utc, string format = "yyyy-MM-dd HH:mm")
        => utc is { } v ? (v + ChinaOffset).ToString(format, CultureInfo.InvariantCulture) : "";

    /// <summary>The community (村/社区) an area path lies in: its first three segments.</summary>
    public static string CommunityPath(string areaPath)
    {
        var segments = areaPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length < 3 ? areaPath : "/" + string.Join('/', segments.Take(3)) + "/";
    }

    public static Guid? CommunityId(string areaPath)
    {
        var segments = areaPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3 && Guid.TryParseExact(segments[2], "N", out var id) ? id : null;
    }

    /// <summary>A community the caller may act on with <paramref name="grants"/> (404 outside scope, 403 wrong role, 422 not a community).</summary>
    public async Task<Area> CommunityAsync(Guid communityId, Func<Role, bool> grants, CancellationToken ct = default)
    {
        var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == communityId, ct) ?? throw new NotFound("area");
        await scope.RequireAsync(area.Path, grants, "area", ct);
        if (area.Level != AreaLevel.Community)
            throw new RuleViolation("points.not_a_community", "Points_NotACommunity", "CommunityId", typeof(PointsStrings), 422);
        return area;
    }

    /// <summary>
    /// A community for reading (its list, rules, rankings): the caller holds a role granting <paramref name="grants"/> in the
    /// community, above it, or in one of its groups (an organiser of a group reads the community's list). 404 when no role
    /// of the caller touches the community, 403 when none grants it.
    /// </summary>
    public async Task<Area> CommunityForReadingAsync(Guid communityId, Func<Role, bool> grants, CancellationToken ct = default)
    {
        var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == communityId, ct) ?? throw new NotFound("area");
        var touching = (await scope.HeldRolesAsync(ct))
            .Where(h => area.Path.StartsWith(h.AreaPath, StringComparison.Ordinal) || h.AreaPath.StartsWith(area.Path, StringComparison.Ordinal)).ToList();
        if (touching.Count == 0) throw new NotFound("area");
        if (!touching.Any(h => grants(h.Role))) throw new Forbidden();
        if (area.Level != AreaLevel.Community)
            throw new RuleViolation("points.not_a_community", "Points_NotACommunity", "CommunityId", typeof(PointsStrings), 422);
        return area;
    }

    /// <summary>The communities the caller works in with <paramref name="grants"/>: those under a role held above, and those of roles held in a group.</summary>
    public async Task<IReadOnlyList<Area>> MyCommunitiesAsync(Func<Role, bool> grants, CancellationToken ct = default)
    {
        var held = (await scope.HeldRolesAsync(ct)).Where(h => grants(h.Role)).ToList();
        var above = held.Where(h => h.AreaPath.Count(c => c == '/') <= 4).Select(h => h.AreaPath).Distinct().ToList();
        var within = held.Select(h => CommunityId(h.AreaPath)).OfType<Guid>().Distinct().ToList();
        var communities = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Community && a.RetiredAt == null)
            .Where(a => within.Contains(a.Id)).ToListAsync(ct);
        if (above.Count > 0)
            communities.AddRange(await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Community && a.RetiredAt == null)
                .WithinAny(a => a.Path, above).ToListAsync(ct));
        return communities.DistinctBy(a => a.Id).OrderBy(a => a.Path, StringComparer.Ordinal).ToList();
    }

    public async Task<Household> HouseholdAsync(Guid householdId, Func<Role, bool> grants, CancellationToken ct = default)
    {
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct)
            ?? throw new NotFound("household");
        await scope.RequireAsync(household.AreaPath, grants, "household", ct);
        return household;
    }

    /// <summary>The household of the signed-in resident, or null when the account is not linked to one.</summary>
    public async Task<Household?> MyHouseholdAsync(CancellationToken ct = default)
    {
        if (request.UserId is not { } me) return null;
        var residentId = await db.Users.Where(u => u.Id == me).Select(u => u.ResidentId).FirstOrDefaultAsync(ct);
        if (residentId is null) return null;
        var householdId = await db.Residents.Where(r => r.Id == residentId).Select(r => (Guid?)r.HouseholdId).FirstOrDefaultAsync(ct);
        return householdId is null ? null : await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct);
    }

    public async Task<Household> RequireMyHouseholdAsync(CancellationToken ct = default)
    {
        if (!scope.IsSignedIn) throw new Forbidden();
        return await MyHouseholdAsync(ct) ?? throw new RuleViolation("points.no_household", "Points_NoHousehold", null, typeof(PointsStrings), 404);
    }

    /// <summary>The names of the areas on these ids (groups, communities), for display.</summary>
    public async Task<Dictionary<Guid, string>> AreaNamesAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var list = ids.Distinct().ToList();
        return await db.Areas.AsNoTracking().Where(a => list.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }
}
