using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.Access;

namespace Yishi.ServiceAreas.Features.Signboard;

public sealed record SignboardPerson(string Role, string MaskedName);

/// <summary>
/// 亮牌: what a signboard shows in public. Names are masked (张*华), no phones, no house numbers: residents reach the
/// people through the platform (submit a demand, ask for a service).
/// </summary>
public sealed record SignboardView(Guid Id, string Name, Guid CommunityId, string CommunityName, IReadOnlyList<string> Groups, int Households, string? Duties,
    string? Organiser, string? Supervisor, string TeamName, int TeamSize, IReadOnlyList<string> Members, IReadOnlyList<SignboardPerson> Committee, bool Retired);

public sealed class Signboard(YishiDbContext db, RequestContext request, ServiceAreaAccess access)
{
    public async Task<SignboardView> HandleAsync(Guid id, CancellationToken ct = default)
    {
        var area = await db.Set<ServiceArea>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFound("service_area");
        if (request.DistrictId is null) request.SetDistrictOnly(area.DistrictId);
        else if (request.DistrictId != area.DistrictId) throw new NotFound("service_area");
        var community = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == area.AreaId, ct);
        var groups = await (from g in db.Set<ServiceAreaGroup>()
                            join a in db.Areas on g.AreaId equals a.Id
                            where g.ServiceAreaId == area.Id
                            select a.Name).ToListAsync(ct);
        var households = await access.HouseholdsOf(area.Id).CountAsync(ct);
        var posts = await db.Set<ServiceAreaPost>().AsNoTracking().Where(p => p.ServiceAreaId == area.Id && p.EndedOn == null).ToListAsync(ct);
        var team = await db.Set<VolunteerTeam>().AsNoTracking().FirstAsync(t => t.ServiceAreaId == area.Id, ct);
        var members = await db.Set<TeamMember>().AsNoTracking().Where(m => m.ServiceAreaId == area.Id && m.EndedOn == null)
            .OrderBy(m => m.StartedOn).ThenBy(m => m.Id).Select(m => m.DisplayName).ToListAsync(ct);
        var committeeRoles = new[] { Role.CommunitySecretary, Role.CommitteeMember };
        var committee = await (from r in db.RoleAssignments
                               join u in db.Users on r.UserId equals u.Id
                               where r.AreaId == community.Id && r.RevokedAt == null && committeeRoles.Contains(r.Role) && u.DeactivatedAt == null
                               orderby r.Role descending, r.GrantedAt
                               select new { r.Role, u.DisplayName }).ToListAsync(ct);
        return new SignboardView(area.Id, area.Name, community.Id, community.Name,
            [.. groups.Order(Comparer<string>.Create(Platform.Areas.Features.AreaTree.AreaNameOrder.Compare))], households, area.Duties,
            Mask(posts.FirstOrDefault(p => p.Kind == PostKind.Organiser)?.DisplayName), Mask(posts.FirstOrDefault(p => p.Kind == PostKind.Supervisor)?.DisplayName),
            team.Name, members.Count, [.. members.Select(PersonalData.MaskName)],
            [.. committee.Select(c => new SignboardPerson(c.Role.ToString(), PersonalData.MaskName(c.DisplayName)))], area.IsRetired);
    }

    private static string? Mask(string? name) => name is null ? null : PersonalData.MaskName(name);

    internal static void MapAnonymous(RouteGroupBuilder publicApi) =>
        publicApi.MapGet("/service-areas/{id:guid}/signboard", async (Guid id, Signboard h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(id, ct)))
            .WithTags("Service areas").WithSummary("The public signboard of a service area (names masked, no phones)");
}
