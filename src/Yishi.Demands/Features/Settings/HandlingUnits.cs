using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using NotFound = Yishi.Platform.Rules.NotFound;

namespace Yishi.Demands.Features.Settings;

public sealed record HandlingUnitInput([property: Required, MaxLength(HandlingUnit.NameMaxLength)] string? Name, [property: MaxLength(HandlingUnits.DutiesMaxLength)] string? Duties, int Version = 0);

public sealed record UnitActiveInput(bool Active, int Version);

public sealed record UnitMemberInput(Guid? UserId);

public sealed record HandlingUnitDto(Guid Id, string Name, string? Duties, bool Active, int MemberCount, int Version);

public sealed record UnitMemberDto(Guid UserId, string DisplayName);

public sealed record HandlingUnitDetailDto(HandlingUnitDto Unit, IReadOnlyList<UnitMemberDto> Members);

/// <summary>
/// District departments (住建局, 民政局 …) that demands are routed to, and the department officers who work
/// for them. A deactivated unit keeps its history but receives no new assignments or referrals.
/// </summary>
public sealed class HandlingUnits(YishiDbContext db, SettingsAccess access, AuditTrail audit)
{
    public const int DutiesMaxLength = 500;

    public async Task<IReadOnlyList<HandlingUnitDto>> ListAsync(bool includeInactive = true, CancellationToken ct = default)
    {
        await access.RequireReadUnitsAsync(ct);
        var units = await db.Set<HandlingUnit>().AsNoTracking().Where(u => includeInactive || u.Active).ToListAsync(ct);
        var counts = await db.Set<UnitMember>().AsNoTracking().GroupBy(m => m.UnitId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return units.OrderByDescending(u => u.Active).ThenBy(u => u.Name, StringComparer.Ordinal)
            .Select(u => Dto(u, counts.GetValueOrDefault(u.Id))).ToList();
    }

    public async Task<HandlingUnitDetailDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        var districtId = await access.RequireReadUnitsAsync(ct);
        var unit = await db.Set<HandlingUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFound("handling_unit");
        var memberIds = await db.Set<UnitMember>().AsNoTracking().Where(m => m.UnitId == id).Select(m => m.UserId).ToListAsync(ct);
        var members = await db.Users.AsNoTracking().Where(u => u.DistrictId == districtId && memberIds.Contains(u.Id))
            .Select(u => new UnitMemberDto(u.Id, u.DisplayName)).ToListAsync(ct);
        return new HandlingUnitDetailDto(Dto(unit, members.Count), members.OrderBy(m => m.DisplayName, StringComparer.Ordinal).ToList());
    }

    /// <summary>Who may be added: active accounts of the district holding the department-officer role, not yet members.</summary>
    public async Task<IReadOnlyList<UnitMemberDto>> CandidatesAsync(Guid id, CancellationToken ct = default)
    {
        var districtId = await access.RequireConfigureAsync(ct);
        if (!await db.Set<HandlingUnit>().AnyAsync(u => u.Id == id, ct)) throw new NotFound("handling_unit");
        var memberIds = await db.Set<UnitMember>().AsNoTracking().Where(m => m.UnitId == id).Select(m => m.UserId).ToListAsync(ct);
        var officers = await OfficerIds(districtId).ToListAsync(ct);
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.DistrictId == districtId && u.DeactivatedAt == null && officers.Contains(u.Id) && !memberIds.Contains(u.Id))
            .Select(u => new UnitMemberDto(u.Id, u.DisplayName)).ToListAsync(ct);
        return rows.OrderBy(r => r.DisplayName, StringComparer.Ordinal).ToList();
    }

    public async Task<HandlingUnitDto> CreateAsync(HandlingUnitInput input, CancellationToken ct = default)
    {
        var (name, duties) = Validate(input);
        var districtId = await access.RequireConfigureAsync(ct);
        await EnsureFreeAsync(name, null, ct);
        var unit = new HandlingUnit(districtId, name, duties);
        db.Add(unit);
        audit.Record(districtId, "demand_settings.unit_created", "handling_unit", unit.Id, to: name);
        await SettingsSave.SaveAsync(db, ct, NameTaken);
        return Dto(unit, 0);
    }

    /// <summary>Rename and/or change the duties.</summary>
    public async Task<HandlingUnitDto> UpdateAsync(Guid id, HandlingUnitInput input, CancellationToken ct = default)
    {
        var (name, duties) = Validate(input);
        var districtId = await access.RequireConfigureAsync(ct);
        var unit = await LoadAsync(id, ct);
        Concurrency.Expect(unit, input.Version);
        await EnsureFreeAsync(name, id, ct);
        if (unit.Name != name) audit.Record(districtId, "demand_settings.unit_renamed", "handling_unit", unit.Id, from: unit.Name, to: name);
        if (unit.Duties != duties) audit.Record(districtId, "demand_settings.unit_duties_changed", "handling_unit", unit.Id);
        unit.Name = name;
        unit.Duties = duties;
        await SettingsSave.SaveAsync(db, ct, NameTaken);
        return Dto(unit, await db.Set<UnitMember>().CountAsync(m => m.UnitId == id, ct));
    }

    public async Task<HandlingUnitDto> SetActiveAsync(Guid id, UnitActiveInput input, CancellationToken ct = default)
    {
        var districtId = await access.RequireConfigureAsync(ct);
        var unit = await LoadAsync(id, ct);
        Concurrency.Expect(unit, input.Version);
        if (unit.Active != input.Active)
        {
            unit.Active = input.Active;
            audit.Record(districtId, input.Active ? "demand_settings.unit_reactivated" : "demand_settings.unit_deactivated", "handling_unit", unit.Id,
                from: (!input.Active).ToString(), to: input.Active.ToString());
            await db.SaveChangesAsync(ct);
        }
        return Dto(unit, await db.Set<UnitMember>().CountAsync(m => m.UnitId == id, ct));
    }

    public async Task AddMemberAsync(Guid id, UnitMemberInput input, CancellationToken ct = default)
    {
        var userId = input.UserId ?? throw new InputInvalid("UserId", "Field_Required", typeof(DemandStrings));
        var districtId = await access.RequireConfigureAsync(ct);
        await LoadAsync(id, ct);
        var eligible = await db.Users.AnyAsync(u => u.Id == userId && u.DistrictId == districtId && u.DeactivatedAt == null, ct)
            && await OfficerIds(districtId).AnyAsync(u => u == userId, ct);
        if (!eligible) throw new RuleViolation("handling_unit.member_not_officer", "Settings_MemberNotOfficer", "UserId", typeof(DemandStrings), 422);
        if (await db.Set<UnitMember>().AnyAsync(m => m.UnitId == id && m.UserId == userId, ct))
            throw new RuleViolation("handling_unit.already_member", "Settings_AlreadyMember", "UserId", typeof(DemandStrings));
        var member = new UnitMember(districtId, id, userId);
        db.Add(member);
        audit.Record(districtId, "demand_settings.unit_member_added", "handling_unit", id, to: userId.ToString());
        await SettingsSave.SaveAsync(db, ct, () => new RuleViolation("handling_unit.already_member", "Settings_AlreadyMember", "UserId", typeof(DemandStrings)));
    }

    public async Task RemoveMemberAsync(Guid id, Guid userId, CancellationToken ct = default)
    {
        var districtId = await access.RequireConfigureAsync(ct);
        await LoadAsync(id, ct);
        var member = await db.Set<UnitMember>().FirstOrDefaultAsync(m => m.UnitId == id && m.UserId == userId, ct) ?? throw new NotFound("unit_member");
        db.Remove(member);
        audit.Record(districtId, "demand_settings.unit_member_removed", "handling_unit", id, from: userId.ToString());
        await db.SaveChangesAsync(ct);
    }

    private IQueryable<Guid> OfficerIds(Guid districtId)
        => db.RoleAssignments.AsNoTracking().Where(r => r.DistrictId == districtId && r.RevokedAt == null && r.Role == Role.DepartmentOfficer).Select(r => r.UserId);

    private async Task<HandlingUnit> LoadAsync(Guid id, CancellationToken ct)
        => await db.Set<HandlingUnit>().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFound("handling_unit");

    private static (string Name, string? Duties) Validate(HandlingUnitInput input)
    {
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        var duties = input.Duties?.Trim() is { Length: > 0 } d ? d : null;
        if (name.Length == 0) errors["Name"] = "Field_Required";
        else if (name.Length > HandlingUnit.NameMaxLength) errors["Name"] = "Field_TooLong";
        if (duties is { Length: > DutiesMaxLength }) errors["Duties"] = "Field_TooLong";
        if (errors.Count > 0) throw new InputInvalid(errors, typeof(DemandStrings));
        return (name, duties);
    }

    private async Task EnsureFreeAsync(string name, Guid? except, CancellationToken ct)
    {
        if (await db.Set<HandlingUnit>().AnyAsync(u => u.Name == name && u.Id != except, ct)) throw NameTaken();
    }

    private static RuleViolation NameTaken() => new("handling_unit.name_taken", "Settings_UnitNameTaken", "Name", typeof(DemandStrings));

    private static HandlingUnitDto Dto(HandlingUnit u, int members) => new(u.Id, u.Name, u.Duties, u.Active, members, u.Version);

    internal static void Map(RouteGroupBuilder api)
    {
        const string tag = "Demand settings";
        api.MapGet("/demand-settings/units", async (bool? includeInactive, HandlingUnits handler, CancellationToken ct)
                => TypedResults.Ok(await handler.ListAsync(includeInactive ?? true, ct)))
            .WithTags(tag).WithSummary("The district's handling units (any official of the district may read them)");
        api.MapGet("/demand-settings/units/{id:guid}", async (Guid id, HandlingUnits handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)))
            .WithTags(tag).WithSummary("A handling unit and its members");
        api.MapGet("/demand-settings/units/{id:guid}/candidates", async (Guid id, HandlingUnits handler, CancellationToken ct) => TypedResults.Ok(await handler.CandidatesAsync(id, ct)))
            .WithTags(tag).WithSummary("Department officers of the district who could be added to the unit");
        api.MapPost("/demand-settings/units", async Task<Created<HandlingUnitDto>> (HandlingUnitInput input, HandlingUnits handler, CancellationToken ct) =>
            {
                var unit = await handler.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/demand-settings/units/{unit.Id}", unit);
            })
            .WithTags(tag).WithSummary("Create a handling unit (name unique in the district)");
        api.MapPut("/demand-settings/units/{id:guid}", async (Guid id, HandlingUnitInput input, HandlingUnits handler, CancellationToken ct) => TypedResults.Ok(await handler.UpdateAsync(id, input, ct)))
            .WithTags(tag).WithSummary("Rename a unit or change its duties; send the Version you read");
        api.MapPut("/demand-settings/units/{id:guid}/active", async (Guid id, UnitActiveInput input, HandlingUnits handler, CancellationToken ct) => TypedResults.Ok(await handler.SetActiveAsync(id, input, ct)))
            .WithTags(tag).WithSummary("Deactivate (no new assignments or referrals) or reactivate a unit");
        api.MapPost("/demand-settings/units/{id:guid}/members", async (Guid id, UnitMemberInput input, HandlingUnits handler, CancellationToken ct) =>
            {
                await handler.AddMemberAsync(id, input, ct);
                return TypedResults.NoContent();
            })
            .WithTags(tag).WithSummary("Add a department officer of the district to the unit");
        api.MapDelete("/demand-settings/units/{id:guid}/members/{userId:guid}", async (Guid id, Guid userId, HandlingUnits handler, CancellationToken ct) =>
            {
                await handler.RemoveMemberAsync(id, userId, ct);
                return TypedResults.NoContent();
            })
            .WithTags(tag).WithSummary("Remove a member from the unit");
    }
}

/// <summary>Routing a demand to a unit: it must exist in the district (400) and be active (409).</summary>
internal static class UnitRules
{
    public static async Task RequireActiveAsync(YishiDbContext db, Guid unitId, CancellationToken ct)
    {
        var active = await db.Set<HandlingUnit>().Where(u => u.Id == unitId).Select(u => (bool?)u.Active).FirstOrDefaultAsync(ct);
        if (active is null) throw new InputInvalid("UnitId", "Demand_UnitUnknown", typeof(DemandStrings));
        if (active == false) throw new RuleViolation("demand.unit_inactive", "Settings_UnitInactive", "UnitId", typeof(DemandStrings));
    }
}
