using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;

namespace Yishi.Platform.Demo;

/// <summary>
/// Officials in every role of the demo district. User names follow one scheme (README "Demo accounts"):
/// <c>street-nanen</c>, <c>sec-wenhua</c>, <c>cm-wenhua-1</c>, <c>council-wenhua-1</c>, <c>grid-wenhua-1</c>,
/// <c>chief-wenhua-1</c>, <c>org-shimen-1</c>, <c>sup-shimen-1</c>, <c>vol-shimen-1-1</c>, <c>dept-zhujian</c>, <c>wg-wenhua</c>.
/// </summary>
internal sealed class DemoOfficialsSeeder(YishiDbContext db, UserManager<YishiUser> users, IPasswordHasher<YishiUser> hasher, AuditTrail audit) : IDemoSeeder
{
    public int Order => 1;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var areas = await db.Areas.ToDictionaryAsync(a => a.Id, ct);
        Area At(string key) => areas[demo.Ids[key]];
        var random = demo.Random;
        var accounts = new DemoAccounts(db, users, hasher, demo);
        string Person(DemoGeneration generation = DemoGeneration.Adult) => DemoNames.Full(random, random.Next(2) == 0, generation);

        var district = At("district");
        foreach (var (department, slug) in DemoDirectory.Departments)
            accounts.Official($"dept-{slug}", $"{department} {Person()}", Role.DepartmentOfficer, district);

        foreach (var (streetName, communities) in DemoDistrictSeeder.Tree)
        {
            accounts.Official($"street-{DemoDirectory.Slug(streetName)}", Person(), Role.StreetOfficer, At($"street:{streetName}"));
            foreach (var communityName in communities)
            {
                var c = DemoDirectory.Slug(communityName);
                var community = At($"community:{communityName}");
                var village = DemoDirectory.IsVillage(communityName);
                accounts.Official($"sec-{c}", Person(), Role.CommunitySecretary, community);
                for (var i = 1; i <= 2; i++) accounts.Official($"cm-{c}-{i}", Person(), Role.CommitteeMember, community);
                // 议事团/议事会 members: retired cadres, elders, teachers, shop owners.
                var councillors = 3 + random.Next(3);
                for (var i = 1; i <= councillors; i++)
                    accounts.Official($"council-{c}-{i}", Person(i == 1 ? DemoGeneration.Elder : DemoGeneration.Adult), Role.CouncilMember, community);

                for (var g = 1; demo.Ids.ContainsKey($"group:{communityName}:{g}"); g++)
                {
                    var group = At($"group:{communityName}:{g}");
                    accounts.Official($"grid-{c}-{g}", Person(), Role.GridWorker, group);
                    // 楼长 / 院坝长 in every other group.
                    if (g % 2 == 1) accounts.Official($"chief-{c}-{g}", Person(DemoGeneration.Elder), Role.BlockChief, group);
                    // "1+1" service areas in the first two groups of every village: organiser, supervisor, volunteer team.
                    if (village && g <= 2)
                    {
                        accounts.Official($"org-{c}-{g}", Person(), Role.Organiser, group);
                        accounts.Official($"sup-{c}-{g}", Person(DemoGeneration.Elder), Role.Supervisor, group);
                        var volunteers = 3 + random.Next(3);
                        for (var v = 1; v <= volunteers; v++) accounts.Official($"vol-{c}-{g}-{v}", Person(), Role.Volunteer, group);
                    }
                }
            }
            // One service work group member (a district leader) linked to the street's first community.
            var linked = communities[0];
            accounts.Official($"wg-{DemoDirectory.Slug(linked)}", Person(), Role.WorkGroupMember, At($"community:{linked}"));
        }

        var count = accounts.Count;
        await accounts.SaveAsync(ct);
        audit.Record(demo.DistrictId, "demo.seeded", "area", demo.DistrictId, note: $"officials: {count}");
        await db.SaveChangesAsync(ct);
    }
}
