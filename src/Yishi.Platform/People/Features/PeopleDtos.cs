using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;
using Yishi.Platform.Rules;

namespace Yishi.Platform.People.Features;

/// <summary>A member as officials see it: the phone is masked; revealing it is a separate, audited request.</summary>
public sealed record ResidentDto(Guid Id, Guid HouseholdId, string Name, bool IsHead, string Phone, bool HasPhone, int Version)
{
    public static ResidentDto From(Resident r) => new(r.Id, r.HouseholdId, r.Name, r.IsHead, PersonalData.MaskPhone(r.Phone), r.Phone is not null, r.Version);
}

internal static class AreaNamesLookup
{
    /// <summary>Names of every area on the given paths, in one query (for "community · group" labels).</summary>
    public static async Task<Dictionary<Guid, string>> ForPathsAsync(YishiDbContext db, IEnumerable<string> paths, CancellationToken ct)
    {
        var ids = paths.SelectMany(Segments).Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.Areas.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }

    public static IEnumerable<Guid> Segments(string path)
        => path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N"));

    /// <summary>The last area of the path (the group) and its parent (the community).</summary>
    public static (string Community, string Group) Labels(string path, IReadOnlyDictionary<Guid, string> names)
    {
        var ids = Segments(path).ToList();
        string Name(int fromEnd) => ids.Count >= fromEnd && names.TryGetValue(ids[^fromEnd], out var n) ? n : "";
        return (Name(2), Name(1));
    }
}

internal static class HouseNumbers
{
    /// <summary>House numbers are unique within a group (also enforced by a unique index).</summary>
    public static async Task EnsureFreeAsync(YishiDbContext db, Guid areaId, string houseNumber, Guid? except, CancellationToken ct)
    {
        if (await db.Households.AnyAsync(h => h.AreaId == areaId && h.HouseNumber == houseNumber && h.Id != except, ct))
            throw Taken();
    }

    public static RuleViolation Taken() => new("household.number_taken", "Household_NumberTaken", "HouseNumber", typeof(PeopleStrings));

    /// <summary>A unique-index violation that slipped past the check (two saves at once): the same 409.</summary>
    public static async Task SaveAsync(YishiDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw Taken();
        }
    }
}

internal static class Households
{
    /// <summary>Loads a resident and its household (tracked, with all members) after checking <paramref name="permission"/> on the household.</summary>
    public static async Task<(Resident Resident, Household Household)> ResidentAsync(YishiDbContext db, Security.AccessScope scope, Guid residentId,
        Accounts.Domain.Permission permission, CancellationToken ct)
    {
        var householdId = await db.Residents.Where(r => r.Id == residentId).Select(r => (Guid?)r.HouseholdId).FirstOrDefaultAsync(ct)
            ?? throw new NotFound("resident");
        var household = await HouseholdAsync(db, scope, householdId, permission, ct, what: "resident");
        return (household.Members.Single(m => m.Id == residentId), household);
    }

    public static async Task<Household> HouseholdAsync(YishiDbContext db, Security.AccessScope scope, Guid householdId,
        Accounts.Domain.Permission permission, CancellationToken ct, string what = "household")
    {
        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == householdId, ct) ?? throw new NotFound(what);
        await scope.RequireAsync(household.AreaPath, permission, what, ct);
        return household;
    }

    /// <summary>Membership changed (head, members): the household's version moves too, so concurrent edits of the members conflict.</summary>
    public static void Touch(YishiDbContext db, Household household)
        => db.Entry(household).Property(h => h.Version).IsModified = true;

    public static RuleViolation HeadRequired() => new("household.head_required", "Household_HeadRequired", "IsHead", typeof(PeopleStrings));
}
