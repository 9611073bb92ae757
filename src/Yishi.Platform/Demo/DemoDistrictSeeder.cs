using Microsoft.AspNetCore.Identity;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;

namespace Yishi.Platform.Demo;

/// <summary>The demo district's area tree and its officials. The password of every demo account is <see cref="Password"/>.</summary>
internal sealed class DemoDistrictSeeder(YishiDbContext db, RequestContext request, UserManager<YishiUser> users, AuditTrail audit) : IDemoSeeder
{
    public const string Password = "Yishi@2026";
    public int Order => 0;

    internal static readonly (string Street, string[] Communities)[] Tree =
    [
        ("南恩街道", ["文华社区", "江城社区", "鸳鸯湖社区", "南恩村"]),
        ("城东街道", ["东风社区", "桂园社区", "新建村", "上洞村"]),
        ("桂湖镇", ["桂湖村", "石门村", "龙潭村", "凤岗社区"]),
    ];

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var district = Area.NewDistrict("和溪区", demo.Now.AddYears(-2));
        demo.DistrictId = district.DistrictId;
        request.SetSystem(district.DistrictId, "demo");
        db.Areas.Add(district);
        demo.Ids["district"] = district.Id;
        foreach (var (streetName, communities) in Tree)
        {
            var street = district.NewChild(streetName, demo.Now.AddYears(-2));
            db.Areas.Add(street);
            demo.Ids[$"street:{streetName}"] = street.Id;
            foreach (var communityName in communities)
            {
                var community = street.NewChild(communityName, demo.Now.AddYears(-2));
                db.Areas.Add(community);
                demo.Ids[$"community:{communityName}"] = community.Id;
                var groups = 4 + demo.Random.Next(5);
                var village = communityName.EndsWith('村');
                for (var g = 1; g <= groups; g++)
                {
                    var group = community.NewChild(village ? $"第{Numeral(g)}村民组" : $"第{Numeral(g)}网格", demo.Now.AddYears(-2));
                    db.Areas.Add(group);
                    demo.Ids[$"group:{communityName}:{g}"] = group.Id;
                }
            }
        }
        await db.SaveChangesAsync(ct);

        await OfficialAsync(demo, "admin", "王建国", Role.DistrictAdmin, district, ct);
        await OfficialAsync(demo, "sysadmin", "赵立新", Role.SystemAdmin, district, ct);
        await OfficialAsync(demo, "auditor", "钱明", Role.Auditor, district, ct);
        audit.Record(district.Id, "demo.seeded", "area", district.Id, note: "demo district");
        await db.SaveChangesAsync(ct);
    }

    internal async Task<YishiUser> OfficialAsync(DemoContext demo, string userName, string displayName, Role role, Area area, CancellationToken ct)
    {
        var user = new YishiUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = displayName,
            DistrictId = demo.DistrictId,
            Kind = AccountKind.Official,
            CreatedAt = demo.Now.AddYears(-1),
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        db.RoleAssignments.Add(new RoleAssignment(demo.DistrictId, user.Id, role, area.Id, area.Path, demo.Now.AddYears(-1), null));
        await db.SaveChangesAsync(ct);
        demo.Ids[$"user:{userName}"] = user.Id;
        return user;
    }

    internal static string Numeral(int n) => n switch
    {
        1 => "一",
        2 => "二",
        3 => "三",
        4 => "四",
        5 => "五",
        6 => "六",
        7 => "七",
        8 => "八",
        9 => "九",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
