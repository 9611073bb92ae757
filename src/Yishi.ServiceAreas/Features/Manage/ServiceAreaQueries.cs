using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.Access;
using static Yishi.ServiceAreas.Features.Manage.NameOrderExtensions;

namespace Yishi.ServiceAreas.Features.Manage;

public sealed record ServiceAreaSummary(Guid Id, string Name, Guid CommunityId, string CommunityName, IReadOnlyList<string> Groups,
    string? Organiser, string? Supervisor, int Volunteers, bool Retired);

public sealed record HoldingDto(Guid Id, string Kind, Guid? UserId, Guid? ResidentId, string DisplayName, DateOnly StartedOn, DateOnly? EndedOn, string? EndReason, string? Label = null)
{
    public bool Current => EndedOn is null;
}

public sealed record NamedId(Guid Id, string Name);

public sealed record ServiceAreaDetail(Guid Id, string Name, string? Duties, Guid CommunityId, string CommunityName, string CommunityPath, int Version, DateTime CreatedAt, DateTime? RetiredAt,
    IReadOnlyList<NamedId> Groups, IReadOnlyList<NamedId> AssignedHouseholds, int HouseholdCount,
    IReadOnlyList<HoldingDto> Posts, string TeamName, IReadOnlyList<HoldingDto> Members, IReadOnlyList<HoldingDto> BlockChiefs, Places Places)
{
    public HoldingDto? Current(PostKind kind) => Posts.FirstOrDefault(p => p.Current && p.Kind == kind.ToString());
}

/// <summary>Lists and the detail of service areas, as far as the caller may see them.</summary>
public sealed class ServiceAreaQueries(YishiDbContext db, ServiceAreaAccess access, AccessScope scope)
{
    /// <summary>Service areas visible to the caller, optionally of one community, ordered by community then name.</summary>
    public async Task<IReadOnlyList<ServiceAreaSummary>> ListAsync(Guid? communityId, bool includeRetired = false, CancellationToken ct = default)
    {
        if (!scope.IsSignedIn) throw new Forbidden();
        var paths = await scope.PathsWhereAsync(ServiceAreaRoles.CanView, ct);
        var mine = await access.MyAreaIdsAsync(ct);
        var all = db.Set<ServiceArea>().AsNoTracking();
        if (communityId is { } c) all = all.Where(s => s.AreaId == c);
        if (!includeRetired) all = all.Where(s => s.RetiredAt == null);
        var areas = paths.Count == 0 ? [] : await all.WithinAny(s => s.AreaPath, paths).ToListAsync(ct);
        if (mine.Count > 0)
            areas.AddRange(await all.Where(s => mine.Contains(s.Id)).ToListAsync(ct));
        areas = [.. areas.DistinctBy(a => a.Id)];
        if (areas.Count == 0) return [];
        var ids = areas.Select(a => a.Id).ToList();
        var communityIds = areas.Select(a => a.AreaId).Distinct().ToList();
        var communities = await db.Areas.AsNoTracking().Where(a => communityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var groups = await (from g in db.Set<ServiceAreaGroup>()
                            join a in db.Areas on g.AreaId equals a.Id
                            where ids.Contains(g.ServiceAreaId)
                            select new { g.ServiceAreaId, a.Name }).ToListAsync(ct);
        var posts = await db.Set<ServiceAreaPost>().AsNoTracking().Where(p => ids.Contains(p.ServiceAreaId) && p.EndedOn == null)
            .Select(p => new { p.ServiceAreaId, p.Kind, p.DisplayName }).ToListAsync(ct);
        var members = await db.Set<TeamMember>().Where(m => ids.Contains(m.ServiceAreaId) && m.EndedOn == null)
            .GroupBy(m => m.ServiceAreaId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return areas
            .Select(a => new ServiceAreaSummary(a.Id, a.Name, a.AreaId, communities.GetValueOrDefault(a.AreaId, ""),
                groups.Where(g => g.ServiceAreaId == a.Id).Select(g => g.Name).Order(NameOrder).ToList(),
                posts.FirstOrDefault(p => p.ServiceAreaId == a.Id && p.Kind == PostKind.Organiser)?.DisplayName,
                posts.FirstOrDefault(p => p.ServiceAreaId == a.Id && p.Kind == PostKind.Supervisor)?.DisplayName,
                members.GetValueOrDefault(a.Id), a.IsRetired))
            .OrderBy(s => s.CommunityName, NameOrder).ThenBy(s => s.Name, NameOrder).ToList();
    }

    public async Task<ServiceAreaDetail> DetailAsync(Guid id, CancellationToken ct = default)
    {
        var (area, places) = await access.LoadForViewAsync(id, ct);
        return await BuildAsync(area, places, ct);
    }

    internal async Task<ServiceAreaDetail> BuildAsync(ServiceArea area, Places places, CancellationToken ct)
    {
        var community = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == area.AreaId, ct);
        var groups = await (from g in db.Set<ServiceAreaGroup>()
                            join a in db.Areas on g.AreaId equals a.Id
                            where g.ServiceAreaId == area.Id
                            select new NamedId(a.Id, a.Name)).ToListAsync(ct);
        var assigned = await (from x in db.Set<ServiceAreaHousehold>()
                              join h in db.Households on x.HouseholdId equals h.Id
                              where x.ServiceAreaId == area.Id
                              select new NamedId(h.Id, h.HouseNumber)).ToListAsync(ct);
        var households = await access.HouseholdsOf(area.Id).CountAsync(ct);
        var posts = await db.Set<ServiceAreaPost>().AsNoTracking().Where(p => p.ServiceAreaId == area.Id).ToListAsync(ct);
        var team = await db.Set<VolunteerTeam>().AsNoTracking().FirstAsync(t => t.ServiceAreaId == area.Id, ct);
        var members = await db.Set<TeamMember>().AsNoTracking().Where(m => m.ServiceAreaId == area.Id).ToListAsync(ct);
        var chiefs = await db.Set<BlockChief>().AsNoTracking().Where(c => c.ServiceAreaId == area.Id).ToListAsync(ct);
        return new ServiceAreaDetail(area.Id, area.Name, area.Duties, community.Id, community.Name, community.Path, area.Version, area.CreatedAt, area.RetiredAt,
            [.. groups.OrderBy(g => g.Name, NameOrder)], [.. assigned.OrderBy(h => h.Name, StringComparer.Ordinal)], households,
            [.. posts.OrderBy(p => p.EndedOn is null ? 0 : 1).ThenByDescending(p => p.StartedOn).ThenByDescending(p => p.Id).Select(p => Dto(p, p.Kind.ToString()))],
            team.Name,
            [.. members.OrderBy(m => m.EndedOn is null ? 0 : 1).ThenBy(m => m.StartedOn).ThenBy(m => m.Id).Select(m => Dto(m, m.Kind.ToString()))],
            [.. chiefs.OrderBy(c => c.EndedOn is null ? 0 : 1).ThenBy(c => c.Label, StringComparer.Ordinal).ThenByDescending(c => c.StartedOn).Select(c => Dto(c, c.Kind.ToString(), c.Label))],
            places);
    }

    private static HoldingDto Dto(Holding h, string kind, string? label = null)
        => new(h.Id, kind, h.UserId, h.ResidentId, h.DisplayName, h.StartedOn, h.EndedOn, h.EndReason, label);

    /// <summary>People who can be appointed in a community: accounts holding a role there (officials, volunteers, residents).</summary>
    public async Task<IReadOnlyList<NamedId>> CandidatesAsync(ServiceAreaDetail area, CancellationToken ct = default)
    {
        var userIds = db.RoleAssignments.Where(r => r.RevokedAt == null && r.AreaPath.StartsWith(area.CommunityPath)).Select(r => r.UserId);
        return await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.DeactivatedAt == null)
            .OrderBy(u => u.DisplayName).Select(u => new NamedId(u.Id, u.DisplayName + " (" + u.UserName + ")")).Take(500).ToListAsync(ct);
    }

    /// <summary>Groups of the community, for the group checkboxes.</summary>
    public async Task<IReadOnlyList<NamedId>> GroupsOfAsync(Guid communityId, CancellationToken ct = default)
        => [.. (await db.Areas.AsNoTracking().Where(a => a.ParentId == communityId && a.Level == AreaLevel.Group && a.RetiredAt == null)
            .Select(a => new NamedId(a.Id, a.Name)).ToListAsync(ct)).OrderBy(a => a.Name, NameOrder)];

    /// <summary>Communities where the caller may create service areas.</summary>
    public async Task<IReadOnlyList<NamedId>> ManagedCommunitiesAsync(CancellationToken ct = default)
    {
        var paths = await scope.PathsWhereAsync(ServiceAreaRoles.CanManage, ct);
        if (paths.Count == 0) return [];
        return [.. (await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Community && a.RetiredAt == null).WithinAny(a => a.Path, paths)
            .Select(a => new NamedId(a.Id, a.Name)).ToListAsync(ct)).OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    /// <summary>A resident of the community by house number and name (for appointing someone without an account).</summary>
    public async Task<Guid?> FindResidentAsync(string communityPath, string? houseNumber, string? name, CancellationToken ct = default)
    {
        var number = houseNumber?.Trim();
        var who = name?.Trim();
        if (string.IsNullOrEmpty(number) || string.IsNullOrEmpty(who)) return null;
        return await (from r in db.Residents
                      join h in db.Households on r.HouseholdId equals h.Id
                      where h.HouseNumber == number && r.Name == who && h.AreaPath.StartsWith(communityPath)
                      select (Guid?)r.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>A household of the community by house number.</summary>
    public async Task<Guid?> FindHouseholdAsync(string communityPath, string? houseNumber, CancellationToken ct = default)
    {
        var number = houseNumber?.Trim();
        if (string.IsNullOrEmpty(number)) return null;
        return await db.Households.Where(h => h.HouseNumber == number && h.AreaPath.StartsWith(communityPath)).Select(h => (Guid?)h.Id).FirstOrDefaultAsync(ct);
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/service-areas").WithTags("Service areas");
        g.MapGet("", async (Guid? communityId, bool? includeRetired, ServiceAreaQueries q, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(communityId, includeRetired ?? false, ct)))
            .WithSummary("Service areas the caller can see (of one community with communityId)");
        g.MapGet("/{id:guid}", async (Guid id, ServiceAreaQueries q, CancellationToken ct) => TypedResults.Ok(await q.DetailAsync(id, ct)))
            .WithSummary("A service area with its groups, households, the two members, the team and block chiefs (with history)");
    }
}

internal static class NameOrderExtensions
{
    /// <summary>Names as people sort them (第二 before 第十).</summary>
    public static readonly IComparer<string> NameOrder = Comparer<string>.Create(Platform.Areas.Features.AreaTree.AreaNameOrder.Compare);
}
