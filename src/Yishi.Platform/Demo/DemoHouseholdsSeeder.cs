using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;

namespace Yishi.Platform.Demo;

/// <summary>
/// About 2,000 households over every group of the demo district, each with 1–5 residents and one head,
/// urban house numbers like "3栋2单元401" and village ones like "石门村五组12号", fake mobile numbers on
/// the heads and some members, and resident accounts (user name = phone) for every hundredth household.
/// Inserted one community at a time so the whole district takes a few seconds.
/// </summary>
internal sealed class DemoHouseholdsSeeder(YishiDbContext db, UserManager<YishiUser> users, IPasswordHasher<YishiUser> hasher, AuditTrail audit) : IDemoSeeder
{
    public const int TargetHouseholds = 2000;
    public const int ResidentAccountEvery = 100;

    public int Order => 2;

    private sealed record Plan(string CommunityName, int Number, Area Group, int Households);

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var random = demo.Random;
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);

        // Spread the target over the groups: urban grids a little fuller than villager groups, ±20 % each.
        var groups = new List<(string Community, int Number, Area Group, double Weight)>();
        foreach (var (_, communities) in DemoDistrictSeeder.Tree)
            foreach (var communityName in communities)
                for (var g = 1; demo.Ids.TryGetValue($"group:{communityName}:{g}", out var id); g++)
                    groups.Add((communityName, g, areas[id], (DemoDirectory.IsVillage(communityName) ? 0.85 : 1.25) * (0.8 + (0.4 * random.NextDouble()))));
        var totalWeight = groups.Sum(g => g.Weight);
        var plans = groups.Select(g => new Plan(g.Community, g.Number, g.Group, (int)Math.Round(TargetHouseholds * g.Weight / totalWeight))).ToList();

        var phones = new DemoPhones();
        var accounts = new DemoAccounts(db, users, hasher, demo);
        var residentAccounts = new List<(Resident Head, Area Group, DateTime At)>();
        int households = 0, residents = 0;
        foreach (var community in plans.GroupBy(p => p.CommunityName))
        {
            var tallBuildings = random.Next(2) == 0;
            foreach (var plan in community)
            {
                var numbers = HouseNumbers(random, plan, tallBuildings);
                foreach (var number in numbers)
                {
                    var createdAt = demo.Now.AddDays(-30 - random.Next(700));
                    var household = new Household(demo.DistrictId, plan.Group.Id, plan.Group.Path, number, createdAt);
                    db.Households.Add(household);
                    var members = Family(random, demo.DistrictId, household.Id, phones);
                    db.Residents.AddRange(members);
                    households++;
                    residents += members.Count;
                    if (households % ResidentAccountEvery == 0) residentAccounts.Add((members[0], plan.Group, createdAt.AddDays(random.Next(20))));
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        foreach (var (head, group, at) in residentAccounts)
        {
            var user = accounts.Add(head.Phone!, head.Name, AccountKind.Resident, at, head.Phone, head.Id);
            accounts.Grant(user, Role.Resident, group, at);
        }
        await accounts.SaveAsync(ct);
        audit.Record(demo.DistrictId, "demo.seeded", "area", demo.DistrictId, note: $"households: {households}, residents: {residents}, resident accounts: {residentAccounts.Count}");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Urban: a few buildings per grid, "12栋2单元401"; village: "石门村五组12号" with the odd gap.</summary>
    private static List<string> HouseNumbers(Random random, Plan plan, bool tallBuildings)
    {
        var result = new List<string>(plan.Households);
        if (DemoDirectory.IsVillage(plan.CommunityName))
        {
            var n = 0;
            var prefix = $"{plan.CommunityName}{DemoDistrictSeeder.Numeral(plan.Number)}组";
            for (var i = 0; i < plan.Households; i++)
            {
                n += random.Next(5) == 0 ? 2 + random.Next(2) : 1;
                result.Add($"{prefix}{n}号");
            }
            return result;
        }
        const int buildingsPerGrid = 3;
        var floors = tallBuildings ? 11 : 6;
        var firstBuilding = ((plan.Number - 1) * buildingsPerGrid) + 1;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        while (result.Count < plan.Households)
        {
            var number = $"{firstBuilding + random.Next(buildingsPerGrid)}栋{1 + random.Next(3)}单元{1 + random.Next(floors)}{1 + random.Next(4):D2}";
            if (taken.Add(number)) result.Add(number);
        }
        return result;
    }

    /// <summary>One household: the head first, then spouse, children and an elderly parent, by household size.</summary>
    private static List<Resident> Family(Random random, Guid districtId, Guid householdId, DemoPhones phones)
    {
        var size = random.Next(100) switch
        {
            < 10 => 1,
            < 35 => 2,
            < 65 => 3,
            < 87 => 4,
            _ => 5,
        };
        var elderly = size == 1 ? random.Next(10) < 6 : size == 2 && random.Next(10) < 4;
        var generation = elderly ? DemoGeneration.Elder : DemoGeneration.Adult;
        var headMale = random.Next(100) < (size == 1 ? 40 : 72);
        var surname = DemoNames.Surname(random);
        var members = new List<Resident> { new(districtId, householdId, surname + DemoNames.Given(random, headMale, generation), true, phones.Next()) };
        if (size >= 2)
            members.Add(new(districtId, householdId, DemoNames.Full(random, !headMale, generation), false, random.Next(10) < 6 ? phones.Next() : null));
        var parent = size == 5 || (size == 4 && random.Next(10) < 3);
        var children = size - 2 - (parent ? 1 : 0);
        for (var i = 0; i < children; i++)
            members.Add(new(districtId, householdId, surname + DemoNames.Given(random, random.Next(2) == 0, DemoGeneration.Young), false, random.Next(10) < 2 ? phones.Next() : null));
        if (parent)
            members.Add(new(districtId, householdId, surname + DemoNames.Given(random, random.Next(2) == 0, DemoGeneration.Elder), false, random.Next(10) == 0 ? phones.Next() : null));
        return members;
    }
}
