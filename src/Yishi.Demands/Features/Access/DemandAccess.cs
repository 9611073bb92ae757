using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Demands.Features.Access;

/// <summary>Who may do what with demands. Deny by default; scope through <see cref="AccessScope"/>.</summary>
public static class DemandRoles
{
    public static bool CanRecord(Role r) => r is Role.GridWorker or Role.BlockChief or Role.CommitteeMember or Role.CommunitySecretary
        or Role.CouncilMember or Role.StreetOfficer or Role.Organiser or Role.Supervisor or Role.WorkGroupMember or Role.DistrictAdmin;

    public static bool CanView(Role r) => r is Role.GridWorker or Role.BlockChief or Role.CommitteeMember or Role.CommunitySecretary
        or Role.CouncilMember or Role.StreetOfficer or Role.WorkGroupMember or Role.DistrictAdmin or Role.Auditor;

    /// <summary>Who acts for each rung of the ladder (acknowledge, triage, assign, escalate, handle).</summary>
    public static bool ActsAt(Role r, HandlingLevel level) => level switch
    {
        HandlingLevel.Council => r is Role.CouncilMember or Role.CommunitySecretary,
        HandlingLevel.Community => r is Role.CommunitySecretary or Role.CommitteeMember,
        HandlingLevel.Street => r is Role.StreetOfficer,
        _ => r is Role.DepartmentOfficer,
    };

    public static bool CanReview(Role r) => r is Role.CouncilMember or Role.CommunitySecretary;

    public static bool CanConfigure(Role r) => r is Role.DistrictAdmin;

    /// <summary>十必议 exemptions are the community secretary's call, recorded with a reason.</summary>
    public static bool CanExempt(Role r) => r is Role.CommunitySecretary;

    /// <summary>The area whose officials act for <paramref name="level"/>: the demand's community, or its street.</summary>
    public static string LevelPath(string areaPath, HandlingLevel level)
    {
        var segments = areaPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var depth = level == HandlingLevel.Street ? 2 : 3;
        return "/" + string.Join('/', segments.Take(Math.Min(depth, segments.Length))) + "/";
    }
}

/// <summary>Loads a demand for viewing or acting, applying the rules above (404 when not visible, 403 when visible but not allowed).</summary>
public sealed class DemandAccess(YishiDbContext db, AccessScope scope, RequestContext request)
{
    private IReadOnlyList<Guid>? _units;

    public async Task<IReadOnlyList<Guid>> MyUnitsAsync(CancellationToken ct = default)
    {
        if (_units is not null) return _units;
        if (request.UserId is not { } me) return _units = [];
        var isOfficer = (await scope.HeldRolesAsync(ct)).Any(h => h.Role == Role.DepartmentOfficer);
        _units = isOfficer ? await db.Set<UnitMember>().Where(m => m.UserId == me).Select(m => m.UnitId).ToListAsync(ct) : [];
        return _units;
    }

    public async Task<bool> CanViewAsync(Demand d, CancellationToken ct = default)
    {
        if (request.UserId is { } me && d.ReporterUserId == me) return true;
        if (await scope.CanAsync(d.AreaPath, DemandRoles.CanView, ct)) return true;
        return d.UnitId is { } unit && (await MyUnitsAsync(ct)).Contains(unit);
    }

    public async Task<Demand> LoadForViewAsync(Guid id, CancellationToken ct = default)
    {
        var d = await db.Set<Demand>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("demand");
        if (!await CanViewAsync(d, ct)) throw new NotFound("demand");
        return d;
    }

    public async Task<bool> ActsAtCurrentLevelAsync(Demand d, CancellationToken ct = default)
    {
        if (d.Level == HandlingLevel.Department)
            return d.UnitId is { } unit && (await MyUnitsAsync(ct)).Contains(unit);
        return await scope.CanAsync(DemandRoles.LevelPath(d.AreaPath, d.Level), r => DemandRoles.ActsAt(r, d.Level), ct);
    }

    /// <summary>The demand, checked that the caller acts for the rung it is on now.</summary>
    public async Task<Demand> LoadForActionAsync(Guid id, CancellationToken ct = default)
    {
        var d = await LoadForViewAsync(id, ct);
        if (!await ActsAtCurrentLevelAsync(d, ct)) throw new Forbidden();
        await EnsureNotFollowerAsync(d, ct);
        return d;
    }

    /// <summary>Members of a common issue are handled through the lead demand only.</summary>
    public async Task EnsureNotFollowerAsync(Demand d, CancellationToken ct = default)
    {
        if (d.CommonIssueId is { } issue && !await db.Set<CommonIssue>().AnyAsync(c => c.Id == issue && c.LeadDemandId == d.Id, ct))
            throw new RuleViolation("demand.follows_common_issue", "Demand_FollowsCommonIssue", null, typeof(DemandStrings), 409);
    }

    public async Task<Demand> LoadForReviewAsync(Guid id, CancellationToken ct = default)
    {
        var d = await LoadForViewAsync(id, ct);
        if (!await scope.CanAsync(DemandRoles.LevelPath(d.AreaPath, HandlingLevel.Community), DemandRoles.CanReview, ct)) throw new Forbidden();
        await EnsureNotFollowerAsync(d, ct);
        return d;
    }
}
