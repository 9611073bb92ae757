using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Demo;
using Yishi.Platform.People.Domain;
using Yishi.ServiceAreas.Domain;

namespace Yishi.ServiceAreas.Demo;

/// <summary>
/// The demo district's 正负面清单积分: for every village/community a points list whose version 1 was approved a
/// year ago by the representatives assembly (a recorded vote) and version 2 about four months ago with a few items
/// changed; a year of awards citing the version in force on the day; a few appeals (open, upheld, dismissed); and,
/// where the community has service areas, two evaluation rounds of last quarter (mutual evaluation of the living
/// environment, closed with results, and the residents' evaluation of the two members). Deterministic (fixed seed,
/// days relative to "now"); inserted in one batch.
/// </summary>
internal sealed class DemoPointsSeeder(YishiDbContext db, ILogger<DemoPointsSeeder> log) : IDemoSeeder
{
    private const int Seed = 20261140;

    public int Order => 40;

    private static readonly (string Code, PointDirection Direction, int Points, string Text, string Evidence, string Category, int Weight)[] V1 =
    [
        ("Z01", PointDirection.Positive, 5, "参加义务劳动", "签到表或现场照片", "人居环境", 14),
        ("Z02", PointDirection.Positive, 3, "门前三包达标", "月度检查记录", "人居环境", 16),
        ("Z03", PointDirection.Positive, 10, "见义勇为", "村（居）委会核实材料", "社会风气", 1),
        ("Z04", PointDirection.Positive, 5, "孝老爱亲事迹突出", "群众推荐及核实记录", "家风家教", 3),
        ("Z05", PointDirection.Positive, 3, "参加志愿服务活动", "志愿服务队签到表", "志愿服务", 10),
        ("Z06", PointDirection.Positive, 2, "垃圾分类投放规范", "网格员检查记录", "人居环境", 12),
        ("Z07", PointDirection.Positive, 5, "红白事简办、移风易俗", "红白理事会登记", "移风易俗", 3),
        ("Z08", PointDirection.Positive, 3, "主动调解邻里纠纷", "调解记录", "和谐", 3),
        ("F01", PointDirection.Negative, 5, "房前屋后乱堆乱放", "现场照片", "人居环境", 6),
        ("F02", PointDirection.Negative, 10, "违规燃放秸秆", "现场照片及巡查记录", "人居环境", 2),
        ("F03", PointDirection.Negative, 5, "乱倒垃圾、污水", "现场照片", "人居环境", 4),
        ("F04", PointDirection.Negative, 10, "大操大办红白事", "红白理事会记录", "移风易俗", 1),
        ("F05", PointDirection.Negative, 3, "家禽散养影响环境", "现场照片", "人居环境", 3),
        ("F06", PointDirection.Negative, 10, "违章搭建", "巡查记录", "社会管理", 1),
        ("F07", PointDirection.Negative, 10, "参与赌博等不良行为", "有关部门处理记录", "社会风气", 1),
    ];

    private static readonly string[] Quarters = ["一", "二", "三", "四"];

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var random = new Random(Seed);
        var districtId = demo.DistrictId;
        var today = DateOnly.FromDateTime(demo.Now.AddHours(8));
        var v1From = today.AddDays(-365);
        var v2Meeting = today.AddDays(-122);
        var v2From = today.AddDays(-120);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var communities = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Community).OrderBy(a => a.Path).ToListAsync(ct);
            var groups = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Group).ToListAsync(ct);
            var households = await db.Households.AsNoTracking().ToListAsync(ct);
            var accounts = await db.Users.AsNoTracking().Where(u => u.ResidentId != null)
                .Join(db.Residents.AsNoTracking(), u => u.ResidentId, r => r.Id, (u, r) => new { UserId = u.Id, r.HouseholdId }).ToListAsync(ct);
            var accountOf = accounts.GroupBy(a => a.HouseholdId).ToDictionary(g => g.Key, g => g.First().UserId);
            Guid? User(string name) => demo.Ids.TryGetValue($"user:{name}", out var id) ? id : null;

            foreach (var community in communities)
            {
                var slug = DemoDirectory.Slug(community.Name);
                var secretary = User($"sec-{slug}") ?? Guid.Empty;
                var list = new PointList(districtId, community.Id, community.Path, demo.Now.AddDays(-380));
                db.Add(list);

                var v1 = list.NewDraft(secretary, demo.Now.AddDays(-380));
                var v1Rules = V1.Select(r => new PointRule(districtId, v1.Id, r.Code, r.Direction, r.Points, r.Text, r.Evidence, r.Category)).ToList();
                v1.ApproveManually(new ApprovalRecord(v1From, DemoDirectory.IsVillage(community.Name) ? "村民代表会议" : "居民代表会议", 35, 29, 27, 1, 1), v1From, secretary, demo.Now.AddDays(-365));
                var v2 = list.NewDraft(secretary, demo.Now.AddDays(-135));
                var v2Rules = new List<PointRule>();
                foreach (var r in V1)
                {
                    var (points, text) = r.Code switch
                    {
                        "Z01" => (6, "参加义务劳动（每半天）"),
                        "F01" => (3, "房前屋后乱堆乱放（经提醒三日内未整改）"),
                        _ => (r.Points, r.Text),
                    };
                    v2Rules.Add(new PointRule(districtId, v2.Id, r.Code, r.Direction, points, text, r.Evidence, r.Category));
                }
                v2Rules.Add(new PointRule(districtId, v2.Id, "Z09", PointDirection.Positive, 2, "参加议事会议并提出建议被采纳", "会议记录", "基层议事"));
                v2.ApproveManually(new ApprovalRecord(v2Meeting, DemoDirectory.IsVillage(community.Name) ? "村民代表会议" : "居民代表会议", 35, 27, 24, 2, 1), v2From, secretary, demo.Now.AddDays(-122));
                v1.Supersede(demo.Now.AddDays(-122));
                db.AddRange(v1, v2);
                db.AddRange(v1Rules);
                db.AddRange(v2Rules);

                // A year of awards: about a third of the households, a few entries each.
                var groupIds = groups.Where(g => g.Path.StartsWith(community.Path, StringComparison.Ordinal)).ToDictionary(g => g.Id);
                var mine = households.Where(h => groupIds.ContainsKey(h.AreaId)).OrderBy(h => h.AreaPath).ThenBy(h => h.HouseNumber, StringComparer.Ordinal).ToList();
                if (mine.Count == 0) continue;
                var chosen = mine.Where(_ => random.Next(3) == 0).ToList();
                var weights = V1.Select(r => r.Weight).ToArray();
                var awards = new List<(Household H, Guid Awarder, PointRule Rule, int Version, DateOnly Day, DateTime At)>();
                foreach (var h in chosen)
                {
                    var awarder = Awarder(slug, groupIds[h.AreaId], User) ?? secretary;
                    for (var n = random.Next(1, 6); n > 0; n--)
                    {
                        var day = v1From.AddDays(random.Next(0, 365));
                        var pick = Pick(random, weights);
                        var version = day >= v2From ? v2 : v1;
                        var rule = (version == v2 ? v2Rules : v1Rules)[pick];
                        if (version == v2 && random.Next(25) == 0) rule = v2Rules[^1];
                        var at = day.ToDateTime(new TimeOnly(9 + random.Next(9), random.Next(60)), DateTimeKind.Utc).AddHours(-8);
                        awards.Add((h, awarder, rule, version.Number, day, at));
                    }
                }
                // Made in the order they were recorded, so ids (the ledger's order) follow time.
                var entries = awards.OrderBy(a => a.At).Select(a => PointEntry.Award(districtId, a.H.Id, a.H.AreaId, a.H.AreaPath, a.Rule, a.Version, Evidence(a.Rule, random),
                    a.Awarder, a.At, a.Day)).ToList();
                db.AddRange(entries);

                // Appeals. Open ones from households whose head has an account (they can follow it on /resident/points);
                // decided ones in the villages' service-area groups, where the supervisor decides what the organiser awarded
                // (those residents appealed in person; the grid worker recorded the appeal).
                foreach (var h in mine.Where(h => accountOf.ContainsKey(h.Id)).Take(1))
                    AddAppeal(h, v2, v2Rules, "F01", Awarder(slug, groupIds[h.AreaId], User) ?? secretary, accountOf[h.Id], null, false, today.AddDays(-6));
                foreach (var (h, i) in mine.Where(h => GroupNumber(groupIds[h.AreaId].Name) == 1 && !accountOf.ContainsKey(h.Id)).Take(2).Select((h, i) => (h, i)))
                {
                    var group = groupIds[h.AreaId];
                    if (Awarder(slug, group, User) is not { } organiser || SupervisorOf(slug, group, User) is not { } supervisor || User($"grid-{slug}-1") is not { } grid) break;
                    AddAppeal(h, v2, v2Rules, i == 0 ? "F01" : "F03", organiser, grid, supervisor, upheld: i == 1, today.AddDays(-30 + i * 9));
                }

                await SeedEvaluationsAsync(demo, community, mine, accountOf, secretary, random, ct);
            }
            await db.SaveChangesAsync(ct);
            log.LogInformation("Demo points: {Lists} lists, {Entries} entries in {Ms} ms", communities.Count, db.ChangeTracker.Entries<PointEntry>().Count(), started.ElapsedMilliseconds);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private void AddAppeal(Household h, PointListVersion version, List<PointRule> rules, string code, Guid awarder, Guid raisedBy, Guid? decider, bool upheld, DateOnly day)
    {
        var rule = rules.First(r => r.Code == code);
        var entry = PointEntry.Award(h.DistrictId, h.Id, h.AreaId, h.AreaPath, rule, version.Number, code == "F03" ? "巡查发现门口水沟倾倒污水" : "院坝外堆放建筑材料，提醒后未清理",
            awarder, day.ToDateTime(new TimeOnly(2, 30), DateTimeKind.Utc), day);
        db.Add(entry);
        var raisedAt = day.AddDays(2).ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
        var appeal = new PointAppeal(entry, code == "F03" ? "污水是邻居家排的，不是我家，可以请网格员核实。" : "材料是修房子临时放的，已经在三天内清走了。", raisedBy, raisedAt);
        db.Add(appeal);
        if (decider is not { } sup) return;
        if (upheld) db.Add(appeal.Uphold(entry, "经网格员核实，污水确系邻户排放，予以冲正。", sup, raisedAt.AddDays(1), day.AddDays(3)));
        else appeal.Dismiss("经现场复核，材料超过一周未清理，情况属实，维持扣分。", sup, raisedAt.AddDays(2));
    }

    private static Guid? Awarder(string slug, Area group, Func<string, Guid?> user)
        => GroupNumber(group.Name) is { } n ? user($"org-{slug}-{n}") : null;

    private static Guid? SupervisorOf(string slug, Area group, Func<string, Guid?> user)
        => GroupNumber(group.Name) is { } n ? user($"sup-{slug}-{n}") : null;

    /// <summary>第三村民组 / 第三网格 → 3.</summary>
    private static int? GroupNumber(string name)
    {
        const string digits = "一二三四五六七八九十";
        var i = name.IndexOf('第', StringComparison.Ordinal);
        if (i < 0 || i + 1 >= name.Length) return null;
        var c = name[i + 1];
        var d = digits.IndexOf(c, StringComparison.Ordinal);
        if (d < 0) return null;
        if (c == '十' && i + 2 < name.Length && digits.IndexOf(name[i + 2], StringComparison.Ordinal) is var u and >= 0 and < 9) return 11 + u;
        return d + 1;
    }

    private static int Pick(Random random, int[] weights)
    {
        var x = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return weights.Length - 1;
    }

    private static string Evidence(PointRule rule, Random random) => rule.Code switch
    {
        "Z01" => random.Next(2) == 0 ? "参加村道两侧杂草清理，签到表为证" : "参加河道垃圾清捡，现场照片为证",
        "Z02" => "月度门前三包检查达标",
        "Z03" => "协助救起落水儿童，经村委会核实",
        "Z04" => "长期照顾瘫痪在床的老人，群众推荐",
        "Z05" => "参加敬老院志愿服务活动",
        "Z06" => "网格员检查垃圾分类投放规范",
        "Z07" => "婚事简办，未大摆宴席",
        "Z08" => "主动调解邻里宅基地纠纷",
        "Z09" => "在议事会上提出的路灯建议被采纳",
        "F01" => "房前堆放杂物，经提醒未整改",
        "F02" => "田间焚烧秸秆，巡查发现",
        "F03" => "向路边水沟倾倒生活污水",
        "F04" => "寿宴超过规定桌数",
        "F05" => "鸡鸭散养进入公共道路",
        "F06" => "未经审批搭建彩钢棚",
        _ => "经查属实",
    };

    /// <summary>Last quarter's two rounds, for communities that have service areas.</summary>
    private async Task SeedEvaluationsAsync(DemoContext demo, Area community, List<Household> households, Dictionary<Guid, Guid> accountOf, Guid secretary,
        Random random, CancellationToken ct)
    {
        var areas = await db.Set<ServiceArea>().AsNoTracking().Where(a => a.AreaId == community.Id && a.RetiredAt == null).OrderBy(a => a.Name).ToListAsync(ct);
        if (areas.Count == 0) return;
        var areaIds = areas.Select(a => a.Id).ToList();
        var posts = await db.Set<ServiceAreaPost>().AsNoTracking().Where(p => areaIds.Contains(p.ServiceAreaId) && p.EndedOn == null && p.UserId != null).ToListAsync(ct);
        var groupsOf = await db.Set<ServiceAreaGroup>().AsNoTracking().Where(g => areaIds.Contains(g.ServiceAreaId)).ToListAsync(ct);
        var last = demo.Now.AddHours(8).AddMonths(-3);
        var period = $"{last.Year}年第{Quarters[(last.Month - 1) / 3]}季度";

        var mutual = new EvaluationRound(demo.DistrictId, community.Id, community.Path, EvaluationKind.Mutual, period, secretary, demo.Now.AddDays(-40));
        var criteria = new[] { ("道路及房前屋后整洁", 30), ("垃圾分类与清运", 25), ("绿化美化", 20), ("沟渠河塘清洁", 15), ("公共设施完好", 10) }
            .Select((c, i) => new EvaluationCriterion(demo.DistrictId, mutual.Id, c.Item1, c.Item2, i)).ToList();
        db.Add(mutual);
        db.AddRange(criteria);
        if (areas.Count > 1)
        {
            foreach (var post in posts.Where(p => p.Kind == PostKind.Organiser))
            {
                db.Add(new EvaluationEvaluator(demo.DistrictId, mutual.Id, post.UserId!.Value, post.ServiceAreaId));
                foreach (var target in areas.Where(a => a.Id != post.ServiceAreaId))
                {
                    var items = criteria.Select(c => (c, Score: c.MaxScore - random.Next(0, c.MaxScore / 3 + 1))).ToList();
                    var score = new EvaluationScore(demo.DistrictId, mutual.Id, post.UserId!.Value, target.Id, items.Sum(i => i.Score), demo.Now.AddDays(-35));
                    db.Add(score);
                    db.AddRange(items.Select(i => new EvaluationScoreItem(demo.DistrictId, score.Id, i.c.Id, i.Score)));
                }
            }
        }
        mutual.Close(demo.Now.AddDays(-30));

        var members = new EvaluationRound(demo.DistrictId, community.Id, community.Path, EvaluationKind.Members, period, secretary, demo.Now.AddDays(-40));
        db.Add(members);
        var comments = new[] { "组织员经常上门，有事找得到人。", "监督员为人公道。", null, null, "希望多组织些活动。", "路灯坏了反映后很快修好了。" };
        foreach (var h in households)
        {
            var area = groupsOf.FirstOrDefault(g => g.AreaId == h.AreaId);
            if (area is null || random.Next(3) != 0) continue;
            var x = random.Next(100);
            var rating = x < 72 ? MemberRating.Satisfied : x < 93 ? MemberRating.BasicallySatisfied : MemberRating.Dissatisfied;
            var comment = rating == MemberRating.Dissatisfied ? "反映的问题还没有回音。" : comments[random.Next(comments.Length)];
            db.Add(new MemberEvaluation(demo.DistrictId, members.Id, h.Id, h.AreaId, h.AreaPath, area.ServiceAreaId, rating, comment,
                accountOf.TryGetValue(h.Id, out var u) ? u : secretary, demo.Now.AddDays(-38 + random.Next(7))));
        }
        members.Close(demo.Now.AddDays(-30));
    }
}
