using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.Access;
using NotFound = Yishi.Platform.Rules.NotFound;

namespace Yishi.ServiceAreas.Features.Manage;

public sealed record CreateServiceAreaInput(Guid CommunityId, [property: Required, MaxLength(ServiceArea.NameMaxLength)] string? Name, [property: MaxLength(ServiceArea.DutiesMaxLength)] string? Duties, IReadOnlyList<Guid>? GroupIds);
public sealed record EditServiceAreaInput([property: Required, MaxLength(ServiceArea.NameMaxLength)] string? Name, [property: MaxLength(ServiceArea.DutiesMaxLength)] string? Duties, IReadOnlyList<Guid>? GroupIds, int Version);
public sealed record HouseholdInput(Guid HouseholdId);
/// <summary>A person by platform account and/or registered resident.</summary>
public sealed record AppointInput(PostKind? Kind, Guid? UserId, Guid? ResidentId, DateOnly? StartedOn, [property: MaxLength(Holding.ReasonMaxLength)] string? Reason);
public sealed record AddMemberInput(VolunteerKind? Kind, Guid? UserId, Guid? ResidentId, DateOnly? JoinedOn);
public sealed record EndHoldingInput(DateOnly? On, [property: MaxLength(Holding.ReasonMaxLength)] string? Reason);
public sealed record AppointChiefInput(BlockChiefKind? Kind, [property: Required, MaxLength(BlockChief.LabelMaxLength)] string? Label, Guid? UserId, Guid? ResidentId, DateOnly? StartedOn, [property: MaxLength(Holding.ReasonMaxLength)] string? Reason);
public sealed record ServiceAreaCreated(Guid Id, string Name, int Version);

/// <summary>
/// 服务区管理: the community secretary (or a district admin) divides a village/community into service areas,
/// assigns groups and households, appoints and replaces the organiser and supervisor (history kept),
/// and manages the volunteer team and block chiefs. Every change is audited in the same save.
/// </summary>
public sealed class ServiceAreaAdmin(YishiDbContext db, AccessScope scope, ServiceAreaAccess access, AuditTrail audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => LocalDay.Today(clock);

    public async Task<ServiceAreaCreated> CreateAsync(CreateServiceAreaInput input, CancellationToken ct = default)
    {
        var name = Check.RequiredText(input.Name, "Name", ServiceArea.NameMaxLength);
        var duties = Check.OptionalText(input.Duties, "Duties", ServiceArea.DutiesMaxLength);
        var community = await db.Areas.FirstOrDefaultAsync(a => a.Id == input.CommunityId, ct) ?? throw new NotFound("area");
        await scope.RequireAsync(community.Path, ServiceAreaRoles.CanManage, "area", ct);
        if (community.Level != AreaLevel.Community || community.IsRetired)
            throw new InputInvalid("CommunityId", "ServiceArea_CommunityInvalid", typeof(ServiceAreaStrings));
        await EnsureNameFreeAsync(community.Id, name, null, ct);
        var area = new ServiceArea(community.DistrictId, community.Id, community.Path, name, duties, Now);
        var groups = await GroupsAsync(area, input.GroupIds ?? [], ct);
        db.Set<ServiceArea>().Add(area);
        db.Set<VolunteerTeam>().Add(new VolunteerTeam(area, Now));
        db.Set<ServiceAreaGroup>().AddRange(groups.Select(g => new ServiceAreaGroup(area.DistrictId, area.Id, g.Id, g.Path)));
        audit.Record(area.DistrictId, "service_area.created", "service_area", area.Id, to: $"groups:{groups.Count}", note: community.Id.ToString());
        await db.SaveChangesAsync(ct);
        return new ServiceAreaCreated(area.Id, area.Name, area.Version);
    }

    public async Task<ServiceAreaCreated> EditAsync(Guid id, EditServiceAreaInput input, CancellationToken ct = default)
    {
        var name = Check.RequiredText(input.Name, "Name", ServiceArea.NameMaxLength);
        var duties = Check.OptionalText(input.Duties, "Duties", ServiceArea.DutiesMaxLength);
        var area = await access.LoadForManageAsync(id, ct);
        Concurrency.Expect(area, input.Version);
        await EnsureNameFreeAsync(area.AreaId, name, area.Id, ct);
        area.Edit(name, duties);
        var wanted = await GroupsAsync(area, input.GroupIds ?? [], ct);
        var current = await db.Set<ServiceAreaGroup>().Where(g => g.ServiceAreaId == area.Id).ToListAsync(ct);
        db.Set<ServiceAreaGroup>().RemoveRange(current.Where(c => wanted.All(w => w.Id != c.AreaId)));
        db.Set<ServiceAreaGroup>().AddRange(wanted.Where(w => current.All(c => c.AreaId != w.Id)).Select(g => new ServiceAreaGroup(area.DistrictId, area.Id, g.Id, g.Path)));
        var team = await db.Set<VolunteerTeam>().FirstAsync(t => t.ServiceAreaId == area.Id, ct);
        team.Rename(name);
        db.Entry(area).Property(a => a.Version).IsModified = true;
        audit.Record(area.DistrictId, "service_area.edited", "service_area", area.Id, from: $"groups:{current.Count}", to: $"groups:{wanted.Count}");
        await db.SaveChangesAsync(ct);
        return new ServiceAreaCreated(area.Id, area.Name, area.Version);
    }

    public async Task RetireAsync(Guid id, CancellationToken ct = default)
    {
        var area = await access.LoadForManageAsync(id, ct);
        area.Retire(Now);
        audit.Record(area.DistrictId, "service_area.retired", "service_area", area.Id);
        await db.SaveChangesAsync(ct);
    }

    public async Task AssignHouseholdAsync(Guid id, HouseholdInput input, CancellationToken ct = default)
    {
        var area = await access.LoadForManageAsync(id, ct);
        area.EnsureActive();
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == input.HouseholdId, ct);
        if (household is null || !household.AreaPath.StartsWith(area.AreaPath, StringComparison.Ordinal))
            throw new InputInvalid("HouseholdId", "Household_NotInCommunity", typeof(ServiceAreaStrings));
        var existing = await db.Set<ServiceAreaHousehold>().FirstOrDefaultAsync(h => h.HouseholdId == household.Id, ct);
        if (existing?.ServiceAreaId == area.Id)
            throw new RuleViolation("service_area.household_assigned", "Household_AlreadyHere", "HouseholdId", typeof(ServiceAreaStrings));
        if (existing is not null) db.Remove(existing); // moved from another service area of the same community
        db.Set<ServiceAreaHousehold>().Add(new ServiceAreaHousehold(area.DistrictId, area.Id, household.Id));
        db.Entry(area).Property(a => a.Version).IsModified = true;
        audit.Record(area.DistrictId, "service_area.household_assigned", "service_area", area.Id, from: existing?.ServiceAreaId.ToString(), to: household.Id.ToString());
        await db.SaveChangesAsync(ct);
    }

    public async Task UnassignHouseholdAsync(Guid id, Guid householdId, CancellationToken ct = default)
    {
        var area = await access.LoadForManageAsync(id, ct);
        area.EnsureActive();
        var row = await db.Set<ServiceAreaHousehold>().FirstOrDefaultAsync(h => h.HouseholdId == householdId && h.ServiceAreaId == area.Id, ct)
            ?? throw new NotFound("household");
        db.Remove(row);
        db.Entry(area).Property(a => a.Version).IsModified = true;
        audit.Record(area.DistrictId, "service_area.household_unassigned", "service_area", area.Id, from: householdId.ToString());
        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> AppointAsync(Guid id, AppointInput input, CancellationToken ct = default)
    {
        var kind = input.Kind is { } k && Enum.IsDefined(k) ? k : throw new InputInvalid("Kind", "Field_Required");
        var area = await access.LoadForManageAsync(id, ct);
        var person = await ResolveAsync(area, input.UserId, input.ResidentId, ct);
        var on = EnsureNotFuture(input.StartedOn ?? Today, "StartedOn");
        var current = await db.Set<ServiceAreaPost>().FirstOrDefaultAsync(p => p.ServiceAreaId == area.Id && p.Kind == kind && p.EndedOn == null, ct);
        var post = ServiceAreaPost.Appoint(area, kind, current, person, on, input.Reason);
        db.Set<ServiceAreaPost>().Add(post);
        var role = kind == PostKind.Organiser ? Role.Organiser : Role.Supervisor;
        if (current is not null) await ReleaseRoleAsync(area, current, role, ct);
        await GrantRoleAsync(area, person.UserId, role, ct);
        db.Entry(area).Property(a => a.Version).IsModified = true;
        audit.Record(area.DistrictId, "service_area.post_appointed", "service_area", area.Id, from: current?.Id.ToString(), to: $"{kind}:{post.Id}", note: current is null ? null : "replaced");
        await db.SaveChangesAsync(ct);
        return post.Id;
    }

    public async Task<Guid> AddMemberAsync(Guid id, AddMemberInput input, CancellationToken ct = default)
    {
        var kind = input.Kind is { } k && Enum.IsDefined(k) ? k : throw new InputInvalid("Kind", "Field_Required");
        var area = await access.LoadForManageAsync(id, ct);
        var person = await ResolveAsync(area, input.UserId, input.ResidentId, ct);
        var on = EnsureNotFuture(input.JoinedOn ?? Today, "JoinedOn");
        var team = await db.Set<VolunteerTeam>().FirstAsync(t => t.ServiceAreaId == area.Id, ct);
        var current = await db.Set<TeamMember>().Where(m => m.TeamId == team.Id && m.EndedOn == null).ToListAsync(ct);
        var member = TeamMember.Join(area, team, current, kind, person, on);
        db.Set<TeamMember>().Add(member);
        await GrantRoleAsync(area, person.UserId, Role.Volunteer, ct);
        db.Entry(area).Property(a => a.Version).IsModified = true;
        audit.Record(area.DistrictId, "service_area.member_joined", "service_area", area.Id, to: $"{kind}:{member.Id}");
        await db.SaveChangesAsync(ct);
        return member.Id;
    }

    public async Task MemberLeavesAsync(Guid id, Guid memberId, EndHoldingInput input, CancellationToken ct = default)
    {
        var area = await access.LoadForManageAsync(id, ct);
        area.EnsureActive();
        var member = await db.Set<TeamMember>().FirstOrDefaultAsync(m => m.Id == memberId && m.ServiceAreaId == area.Id, ct) ?? throw new NotFound("team_member");
        member.Leave(EnsureNotFuture(input.On ?? Today, "LeftOn"), input.Reason ?? "");
        await ReleaseRoleAsync(area, member, Role.Volunteer, ct);
        db.Entry(area).Property(a => a.Version).IsModified = true;
        audit.Record(area.DistrictId, "service_area.member_left", "service_area", area.Id, from: member.Id.ToString());
        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> AppointChiefAsync(Guid id, AppointChiefInput input, CancellationToken ct = default)
    {
        var kind = input.Kind is { } k && Enum.IsDefined(k) ? k : throw new InputInvalid("Kind", "Field_Required");
        var label = Check.RequiredText(input.Label, "Label", BlockChief.LabelMaxLength);
        var area = await access.LoadForManageAsync(id, ct);
        var person = await ResolveAsync(area, input.UserId, input.ResidentId, ct);
        var on = EnsureNotFuture(input.StartedOn ?? Today, "StartedOn");
        var current = await db.Set<BlockChief>().FirstOrDefaultAsync(c => c.ServiceAreaId == area.Id && c.Kind == kind && c.Label == label && c.EndedOn == null, ct);
        var chief = BlockChief.Appoint(area, current, kind, label, person, on, input.Reason);
        db.Set<BlockChief>().Add(chief);
        db.Entry(area).Property(a => a.Version).IsModified = true;
        audit.Record(area.DistrictId, "service_area.block_chief_appointed", "service_area", area.Id, from: current?.Id.ToString(), to: $"{kind}:{chief.Id}");
        await db.SaveChangesAsync(ct);
        return chief.Id;
    }

    public async Task EndChiefAsync(Guid id, Guid chiefId, EndHoldingInput input, CancellationToken ct = default)
    {
        var area = await access.LoadForManageAsync(id, ct);
        area.EnsureActive();
        var chief = await db.Set<BlockChief>().FirstOrDefaultAsync(c => c.Id == chiefId && c.ServiceAreaId == area.Id, ct) ?? throw new NotFound("block_chief");
        chief.End(EnsureNotFuture(input.On ?? Today, "EndedOn"), input.Reason ?? "");
        db.Entry(area).Property(a => a.Version).IsModified = true;
        audit.Record(area.DistrictId, "service_area.block_chief_ended", "service_area", area.Id, from: chief.Id.ToString());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// An account appointed in a service area gets the matching platform role at the community (unless it already holds
    /// it there or within), so the workbench shows it the service-area pages and the Demands module lets it record demands.
    /// What it may do in service areas is still decided by its holdings, area by area.
    /// </summary>
    private async Task GrantRoleAsync(ServiceArea area, Guid? userId, Role role, CancellationToken ct)
    {
        if (userId is not { } user) return;
        var held = await db.RoleAssignments.AnyAsync(r => r.UserId == user && r.Role == role && r.RevokedAt == null && r.AreaPath.StartsWith(area.AreaPath), ct)
            || db.RoleAssignments.Local.Any(r => r.UserId == user && r.Role == role && r.RevokedAt == null && r.AreaId == area.AreaId);
        var above = (await db.RoleAssignments.Where(r => r.UserId == user && r.Role == role && r.RevokedAt == null).Select(r => r.AreaPath).ToListAsync(ct))
            .Any(p => area.AreaPath.StartsWith(p, StringComparison.Ordinal));
        if (held || above) return;
        var grant = new RoleAssignment(area.DistrictId, user, role, area.AreaId, area.AreaPath, Now, scope.UserId);
        db.RoleAssignments.Add(grant);
        audit.Record(area.DistrictId, "role.granted", "user", user, to: $"{role}@{area.AreaId}", note: "service area appointment");
    }

    /// <summary>When the holder has no other current holding of this kind in the community, the role granted at the community ends too.</summary>
    private async Task ReleaseRoleAsync(ServiceArea area, Holding ended, Role role, CancellationToken ct)
    {
        if (ended.UserId is not { } user) return;
        var areasOfCommunity = db.Set<ServiceArea>().Where(s => s.AreaId == area.AreaId).Select(s => s.Id);
        var stillHolds = role == Role.Volunteer
            ? await db.Set<TeamMember>().AnyAsync(m => m.UserId == user && m.EndedOn == null && m.Id != ended.Id && areasOfCommunity.Contains(m.ServiceAreaId), ct)
            : await db.Set<ServiceAreaPost>().AnyAsync(p => p.UserId == user && p.EndedOn == null && p.Id != ended.Id && p.Kind == (role == Role.Organiser ? PostKind.Organiser : PostKind.Supervisor) && areasOfCommunity.Contains(p.ServiceAreaId), ct);
        if (stillHolds) return;
        foreach (var grant in await db.RoleAssignments.Where(r => r.UserId == user && r.Role == role && r.RevokedAt == null && r.AreaId == area.AreaId).ToListAsync(ct))
        {
            grant.Revoke(Now, scope.UserId);
            audit.Record(area.DistrictId, "role.revoked", "user", user, from: $"{role}@{area.AreaId}", note: "service area term ended");
        }
    }

    private DateOnly EnsureNotFuture(DateOnly day, string field)
        => day > Today ? throw new InputInvalid(field, "Date_InFuture", typeof(ServiceAreaStrings)) : day;

    private async Task EnsureNameFreeAsync(Guid communityId, string name, Guid? except, CancellationToken ct)
    {
        if (await db.Set<ServiceArea>().AnyAsync(s => s.AreaId == communityId && s.Name == name && s.Id != except, ct))
            throw new RuleViolation("service_area.name_taken", "ServiceArea_NameTaken", "Name", typeof(ServiceAreaStrings));
    }

    /// <summary>Groups of the area's community, each covered by no other active service area.</summary>
    private async Task<List<Area>> GroupsAsync(ServiceArea area, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count == 0) return [];
        var groups = await db.Areas.Where(a => distinct.Contains(a.Id) && a.ParentId == area.AreaId && a.Level == AreaLevel.Group && a.RetiredAt == null).ToListAsync(ct);
        if (groups.Count != distinct.Count) throw new InputInvalid("GroupIds", "ServiceArea_GroupInvalid", typeof(ServiceAreaStrings));
        var active = db.Set<ServiceArea>().Where(s => s.RetiredAt == null && s.Id != area.Id).Select(s => s.Id);
        if (await db.Set<ServiceAreaGroup>().AnyAsync(g => distinct.Contains(g.AreaId) && active.Contains(g.ServiceAreaId), ct))
            throw new RuleViolation("service_area.group_taken", "ServiceArea_GroupTaken", "GroupIds", typeof(ServiceAreaStrings));
        return groups;
    }

    /// <summary>
    /// An account of this district (its resident record comes along) or a resident of a household in the area's community.
    /// The display name is a snapshot for the history.
    /// </summary>
    internal async Task<PersonRef> ResolveAsync(ServiceArea area, Guid? userId, Guid? residentId, CancellationToken ct)
    {
        if (userId is { } u)
        {
            var user = await db.Users.AsNoTracking().Where(x => x.Id == u && x.DistrictId == area.DistrictId && x.DeactivatedAt == null)
                .Select(x => new { x.Id, x.DisplayName, x.ResidentId }).FirstOrDefaultAsync(ct)
                ?? throw new InputInvalid("Person", "Person_Unknown", typeof(ServiceAreaStrings));
            return PersonRef.Of(user.Id, user.ResidentId ?? residentId, user.DisplayName);
        }
        if (residentId is { } r)
        {
            var resident = await (from res in db.Residents
                                  join h in db.Households on res.HouseholdId equals h.Id
                                  where res.Id == r
                                  select new { res.Id, res.Name, h.AreaPath }).FirstOrDefaultAsync(ct);
            if (resident is null || !resident.AreaPath.StartsWith(area.AreaPath, StringComparison.Ordinal))
                throw new InputInvalid("Person", "Person_Unknown", typeof(ServiceAreaStrings));
            var account = await db.Users.Where(x => x.ResidentId == r && x.DistrictId == area.DistrictId && x.DeactivatedAt == null).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
            return PersonRef.Of(account, resident.Id, resident.Name);
        }
        throw new InputInvalid("Person", "Person_Required", typeof(ServiceAreaStrings));
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/service-areas").WithTags("Service areas");
        g.MapPost("", async Task<Created<ServiceAreaCreated>> (CreateServiceAreaInput input, ServiceAreaAdmin h, CancellationToken ct) =>
        {
            var created = await h.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/service-areas/{created.Id}", created);
        }).WithSummary("Create a service area in a village/community, covering some of its groups");
        g.MapPut("/{id:guid}", async (Guid id, EditServiceAreaInput input, ServiceAreaAdmin h, CancellationToken ct) => TypedResults.Ok(await h.EditAsync(id, input, ct)))
            .WithSummary("Edit a service area: name, duties, groups (with the version read)");
        g.MapPost("/{id:guid}/retire", async (Guid id, ServiceAreaAdmin h, CancellationToken ct) => { await h.RetireAsync(id, ct); return TypedResults.NoContent(); })
            .WithSummary("Retire a service area (kept with its history)");
        g.MapPost("/{id:guid}/households", async (Guid id, HouseholdInput input, ServiceAreaAdmin h, CancellationToken ct) => { await h.AssignHouseholdAsync(id, input, ct); return TypedResults.NoContent(); })
            .WithSummary("Assign a household of the community explicitly (when its group does not fit)");
        g.MapDelete("/{id:guid}/households/{householdId:guid}", async (Guid id, Guid householdId, ServiceAreaAdmin h, CancellationToken ct) => { await h.UnassignHouseholdAsync(id, householdId, ct); return TypedResults.NoContent(); })
            .WithSummary("Remove an explicit household assignment");
        g.MapPost("/{id:guid}/posts", async (Guid id, AppointInput input, ServiceAreaAdmin h, CancellationToken ct) => TypedResults.Ok(new { Id = await h.AppointAsync(id, input, ct) }))
            .WithSummary("Appoint or replace the organiser or supervisor (the current holder's term ends with the reason)");
        g.MapPost("/{id:guid}/team/members", async (Guid id, AddMemberInput input, ServiceAreaAdmin h, CancellationToken ct) => TypedResults.Ok(new { Id = await h.AddMemberAsync(id, input, ct) }))
            .WithSummary("Add a member to the volunteer team");
        g.MapPost("/{id:guid}/team/members/{memberId:guid}/leave", async (Guid id, Guid memberId, EndHoldingInput input, ServiceAreaAdmin h, CancellationToken ct) => { await h.MemberLeavesAsync(id, memberId, input, ct); return TypedResults.NoContent(); })
            .WithSummary("A member leaves the team (kept in the history)");
        g.MapPost("/{id:guid}/block-chiefs", async (Guid id, AppointChiefInput input, ServiceAreaAdmin h, CancellationToken ct) => TypedResults.Ok(new { Id = await h.AppointChiefAsync(id, input, ct) }))
            .WithSummary("Appoint or replace a lane/building/courtyard chief");
        g.MapPost("/{id:guid}/block-chiefs/{chiefId:guid}/end", async (Guid id, Guid chiefId, EndHoldingInput input, ServiceAreaAdmin h, CancellationToken ct) => { await h.EndChiefAsync(id, chiefId, input, ct); return TypedResults.NoContent(); })
            .WithSummary("End a block chief's term");
    }
}
