using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Yishi.Demands.Domain;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Demo;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Demo;

/// <summary>
/// The demo district's demands: the district departments as handling units (their officers as members),
/// the deadline rules, settings and default triage rules, and about 3,000 demands of the last twelve
/// months over every community and group, every channel, ownership and category, each lived through
/// the real aggregate (<see cref="DemoDemandSimulator"/>) so that timelines, due times, ratings,
/// reviews and common issues are what the running district would have recorded. About 92 % are
/// handled or closed (办结率); the last weeks are still open, some of them overdue. Deterministic:
/// a fixed seed and times relative to the clock's "now". Inserted in bulk (a few seconds).
/// </summary>
internal sealed class DemoDemandsSeeder(YishiDbContext db, Sequences sequences, AuditTrail audit, ILogger<DemoDemandsSeeder> log) : IDemoSeeder
{
    public const int TargetDemands = 3000;
    private const int Seed = 20261125;
    private const int Chunk = 600;

    public int Order => 10;

    /// <summary>Common issues: the community, the kind, how many demands (with the lead), when it began, whether a department handled it, still open.</summary>
    private static readonly (string Community, string Template, int Demands, double DaysAgo, bool Government, bool Open, string? Reply)[] Issues =
    [
        ("文华社区", "roof_leak", 6, 150, true, false, "住建局将文华社区老旧小区屋面纳入年度防水改造计划，{at}等楼栋顶楼住户屋顶已全部完成防水层重做，经雨季检验无渗漏。"),
        ("江城社区", "street_light", 5, 200, false, false, null),
        ("石门村", "water_pressure", 4, 80, true, false, null),
        ("东风社区", "parking", 4, 120, false, false, null),
        ("桂湖村", "village_road", 5, 250, true, false, null),
        ("鸳鸯湖社区", "sewer", 3, 40, false, false, null),
        ("桂园社区", "elevator_broken", 4, 3.5, false, true, null),
        ("凤岗社区", "pothole", 6, 6, true, true, null),
    ];

    private static readonly (Channel Channel, int Weight)[] Channels =
    [
        (Channel.Web, 16), (Channel.Visit, 9), (Channel.GridWorker, 20), (Channel.Hotline, 15), (Channel.Mailbox, 5), (Channel.SuggestionBox, 5),
        (Channel.ChatGroup, 10), (Channel.Patrol, 6), (Channel.ServiceDay, 6), (Channel.Meeting, 4), (Channel.ServiceArea, 4),
    ];

    private static readonly double[] HourWeights = [0.2, 0.1, 0.05, 0.05, 0.05, 0.2, 0.5, 1.5, 3, 4, 4, 3.5, 2, 2.5, 3.5, 3.5, 3, 2.5, 2, 2.5, 2.5, 2, 1, 0.5];
    private static readonly double[] MonthWeights = [0, 0.8, 0.7, 0.95, 1, 1.1, 1.25, 1.3, 1.25, 1.05, 0.95, 0.95, 0.9];

    private static readonly string[] Suffixes = ["", "", "", "希望尽快处理。", "请社区帮忙协调解决。", "之前反映过一次，还没有解决。", "谢谢！"];

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var districtId = demo.DistrictId;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var (units, policy, settings) = await SetUpAsync(districtId, ct);
            var (communities, accounts) = await LoadAsync(demo, ct);
            var random = new Random(Seed);
            var sim = new DemoDemandSimulator(districtId, demo.Now, policy, settings, random, units);
            var builder = new Builder(sim, random, communities, accounts, districtId, demo.Now);
            var (stories, issues) = builder.Build();

            foreach (var story in stories.Where(s => s.Issue is null)) sim.Run([story]);
            foreach (var issue in issues) RunIssue(sim, issue, units);

            var simulated = started.ElapsedMilliseconds;
            await sequences.SetManyAsync(districtId, builder.Counters, ct);
            db.AddRange(issues.Where(i => i.Entity is not null).Select(i => i.Entity!));
            foreach (var chunk in stories.Chunk(Chunk))
            {
                db.AddRange(chunk.Select(s => s.D));
                db.AddRange(chunk.SelectMany(s => s.Log));
                db.AddRange(chunk.SelectMany(sim.Timers));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            audit.Record(districtId, "demo.seeded", "area", districtId, note: $"demands: {stories.Count}, common issues: {issues.Count}, units: {units.Count}");
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            log.LogInformation("Demo demands: {Count} demands, {Events} timeline entries in {Elapsed} ms ({Simulated} ms to simulate)",
                stories.Count, stories.Sum(s => s.Log.Count), started.ElapsedMilliseconds, simulated);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Units for the district departments with their officers, deadline rules, settings and the default triage rules.</summary>
    private async Task<(Dictionary<string, DemoUnit> Units, DeadlinePolicy Policy, DemandSettings Settings)> SetUpAsync(Guid districtId, CancellationToken ct)
    {
        var officers = await db.Users.AsNoTracking().Where(u => u.DistrictId == districtId && u.UserName!.StartsWith("dept-"))
            .Select(u => new { u.Id, u.UserName }).ToListAsync(ct);
        var units = new Dictionary<string, DemoUnit>();
        foreach (var (name, slug) in DemoDirectory.Departments)
        {
            var unit = new HandlingUnit(districtId, name, DemoDemandTemplates.Duties.GetValueOrDefault(slug));
            var members = officers.Where(o => o.UserName == $"dept-{slug}" || o.UserName!.StartsWith($"dept-{slug}-", StringComparison.Ordinal))
                .OrderBy(o => o.UserName, StringComparer.Ordinal).Select(o => new DemoActor(o.Id, o.UserName!)).ToList();
            db.Add(unit);
            db.AddRange(members.Select(m => new UnitMember(districtId, unit.Id, m.Id!.Value)));
            units[slug] = new DemoUnit(unit, slug, members.Count > 0 ? members : throw new InvalidOperationException($"No officer dept-{slug}"));
        }

        var rules = new List<DeadlineRule>();
        if (!await db.Set<DeadlineRule>().AnyAsync(ct))
        {
            foreach (var ownership in new Ownership?[] { null, Ownership.Government, Ownership.Community, Ownership.Personal })
                foreach (var urgent in new[] { false, true })
                {
                    var (ack, resolve) = DeadlinePolicy.Defaults(ownership, urgent);
                    rules.Add(new DeadlineRule(districtId, ownership, urgent, ack, resolve));
                }
            db.AddRange(rules);
        }
        else
        {
            rules = await db.Set<DeadlineRule>().AsNoTracking().ToListAsync(ct);
        }

        var settings = await db.Set<DemandSettings>().AsNoTracking().FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new DemandSettings(districtId);
            db.Add(settings);
        }
        if (!await db.Set<TriageRule>().AnyAsync(ct))
            db.AddRange(TriageSuggester.Defaults.Select(r => new TriageRule(districtId, r.Keyword, r.Ownership, r.Category, r.MustDeliberate)));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (units, new DeadlinePolicy(rules), settings);
    }

    /// <summary>The communities with their groups, homes (house number, the head's fake phone) and the officials who act for them.</summary>
    private async Task<(List<DemoCommunity> Communities, List<(DemoCommunity Community, DemoGroup Group, DemoActor Account)> Accounts)> LoadAsync(DemoContext demo, CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        var users = await db.Users.AsNoTracking().Where(u => u.DistrictId == demo.DistrictId)
            .Select(u => new { u.Id, u.UserName }).ToDictionaryAsync(u => u.UserName!, u => new DemoActor(u.Id, u.UserName!), ct);
        DemoActor? User(string name) => users.GetValueOrDefault(name);
        var homes = (await db.Households.AsNoTracking().Select(h => new { h.Id, h.AreaId, h.HouseNumber }).ToListAsync(ct))
            .OrderBy(h => h.HouseNumber, StringComparer.Ordinal).ToList();
        var phones = (await db.Residents.AsNoTracking().Where(r => r.IsHead).Select(r => new { r.HouseholdId, r.Phone }).ToListAsync(ct))
            .ToDictionary(r => r.HouseholdId, r => r.Phone);

        var communities = new List<DemoCommunity>();
        foreach (var community in areas.Values.Where(a => a.Level == AreaLevel.Community).OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var slug = DemoDirectory.Slug(community.Name);
            var village = DemoDirectory.IsVillage(community.Name);
            var street = areas[community.ParentId!.Value];
            var c = new DemoCommunity(community, street, slug, village)
            {
                Secretary = User($"sec-{slug}") ?? throw new InvalidOperationException($"No secretary for {slug}"),
                StreetOfficer = User($"street-{DemoDirectory.Slug(street.Name)}") ?? throw new InvalidOperationException($"No street officer for {street.Name}"),
                WorkGroup = User($"wg-{slug}"),
            };
            for (var i = 1; User($"cm-{slug}-{i}") is { } cm; i++) c.Committee.Add(cm);
            for (var i = 1; User($"council-{slug}-{i}") is { } councillor; i++) c.Council.Add(councillor);
            if (c.Committee.Count == 0 || c.Council.Count == 0) throw new InvalidOperationException($"No committee or council in {slug}");
            for (var g = 1; demo.Ids.TryGetValue($"group:{community.Name}:{g}", out var groupId); g++)
            {
                var area = areas[groupId];
                var group = new DemoGroup(area, g, village ? $"{area.Name[1..^3]}组" : area.Name)
                {
                    Grid = User($"grid-{slug}-{g}"),
                    Chief = User($"chief-{slug}-{g}"),
                    Organiser = User($"org-{slug}-{g}"),
                };
                group.Homes.AddRange(homes.Where(h => h.AreaId == groupId).Select(h => (h.HouseNumber, phones.GetValueOrDefault(h.Id))));
                c.Groups.Add(group);
            }
            communities.Add(c);
        }

        // Resident accounts (user name = the head's phone) report through the web in their own group.
        var accounts = await db.RoleAssignments.AsNoTracking().Where(r => r.Role == Role.Resident).Select(r => new { r.UserId, r.AreaId }).ToListAsync(ct);
        var byId = users.Values.ToDictionary(u => u.Id!.Value);
        var reporters = new List<(DemoCommunity, DemoGroup, DemoActor)>();
        foreach (var account in accounts.OrderBy(a => byId[a.UserId].Name, StringComparer.Ordinal))
            foreach (var c in communities)
                if (c.Groups.FirstOrDefault(g => g.Area.Id == account.AreaId) is { } group)
                    reporters.Add((c, group, byId[account.UserId]));
        return (communities, reporters);
    }

    private static void RunIssue(DemoDemandSimulator sim, DemoIssue issue, Dictionary<string, DemoUnit> units)
    {
        var (lead, c, spec) = (issue.Lead, issue.Lead.C, Issues.First(i => i.Template == issue.Lead.T.Key && i.Community == issue.Lead.C.Area.Name));
        var own = spec.Government ? Ownership.Government : issue.Lead.T.Ownership;
        var steps = new List<(DateTime At, Action Apply)>();
        var assignee = sim.Pick(c.Committee);
        var leadAck = sim.Official(lead.D.CreatedAt + sim.Hours(1, 6), false);
        if (spec.Government)
        {
            steps.Add((leadAck, () => sim.Escalate(lead, leadAck, c.Secretary, "同一片区多户反映，涉及管网和资金，提请街道协调。", null)));
            var streetAck = sim.Official(leadAck + sim.Hours(1, 8), false);
            steps.Add((streetAck, () => sim.Assign(lead, streetAck, c.StreetOfficer, own, c.StreetOfficer, null, "街道牵头，会同主管部门制定方案。")));
        }
        else
        {
            steps.Add((leadAck, () => sim.Assign(lead, leadAck, c.Secretary, own, assignee, null, "同类问题较多，统一制定处置方案。")));
        }
        var lastMerge = leadAck;
        foreach (var m in issue.Members)
        {
            var ack = sim.Official(m.D.CreatedAt + sim.Hours(0.5, 5), false);
            var merge = ack + TimeSpan.FromMinutes(5 + (sim.R() * 45));
            if (merge <= leadAck) merge = leadAck + TimeSpan.FromMinutes(10);
            lastMerge = merge > lastMerge ? merge : lastMerge;
            steps.Add((ack, () => sim.Assign(m, ack, c.Secretary, own, assignee, null, $"与 {lead.D.TrackingCode} 反映的是同一问题，并案处理。")));
            // Whoever acts for the lead's rung merges: the community, or the street once the lead is there.
            steps.Add((merge, () => sim.Merge(issue, m, merge, lead.D.Level == HandlingLevel.Street ? c.StreetOfficer : c.Secretary)));
        }
        DateTime handleAt;
        if (spec.Government)
        {
            var unit = units[lead.T.Unit!];
            var toUnit = sim.Official(lastMerge + sim.Hours(3, 20), false);
            var unitAck = sim.Official(toUnit + sim.Hours(1, 8), false);
            steps.Add((toUnit, () => sim.Escalate(lead, toUnit, c.StreetOfficer, $"片区性问题，属{unit.Unit.Name}职责，提请{unit.Unit.Name}统一办理。", unit)));
            steps.Add((unitAck, () => sim.Assign(lead, unitAck, unit.Officers[0], own, unit.Officers[0], unit, "纳入专项计划办理。")));
            handleAt = sim.Official(unitAck + sim.Days(2, 6), false);
        }
        else
        {
            handleAt = sim.Official(lastMerge + sim.Days(0.5, 2), false);
        }
        if (spec.Open) handleAt = sim.Now + sim.Days(1, 3);
        var reply = spec.Reply is { } r ? DemoDemandSimulator.Fill(lead, r) : null;
        steps.Add((handleAt, () => sim.Handle(lead, handleAt, reply)));

        foreach (var (at, apply) in steps.OrderBy(s => s.At))
        {
            if (at > sim.Now) return;
            apply();
        }
        sim.Run([lead, .. issue.Members]);
    }

    /// <summary>Decides what arrives when and where (deterministically), makes the demands and their "submitted" entries.</summary>
    private sealed class Builder(DemoDemandSimulator sim, Random random, List<DemoCommunity> communities,
        List<(DemoCommunity Community, DemoGroup Group, DemoActor Account)> accounts, Guid districtId, DateTime now)
    {
        public List<(string Name, long Value)> Counters { get; } = [];

        private sealed record Spec(DateTime At, DemoDemandTemplate Template, DemoCommunity Community, DemoGroup? Group, Channel Channel,
            DemoActor? Account, int Issue, (string At, string Location)? Place);

        public (List<DemoStory> Stories, List<DemoIssue> Issues) Build()
        {
            var specs = new List<Spec>();
            var issueDemands = Issues.Sum(i => i.Demands);
            for (var i = 0; i < TargetDemands - issueDemands; i++) specs.Add(Regular());
            for (var i = 0; i < Issues.Length; i++) specs.AddRange(IssueSpecs(i));
            specs = specs.OrderBy(s => s.At).ToList();

            // Tracking codes: the China-time date and that day's sequence, in order of arrival.
            var stories = new List<DemoStory>(specs.Count);
            var perDay = new Dictionary<DateTime, long>();
            var issueStories = Issues.Select(_ => new List<DemoStory>()).ToList();
            foreach (var spec in specs)
            {
                var day = spec.At.AddHours(8).Date;
                var seq = perDay[day] = perDay.GetValueOrDefault(day) + 1;
                var story = Make(spec, TrackingCode.Create(day, seq, random));
                stories.Add(story);
                if (spec.Issue >= 0) issueStories[spec.Issue].Add(story);
            }
            foreach (var (day, value) in perDay.OrderBy(p => p.Key)) Counters.Add(($"demand:{day:yyyyMMdd}", value));

            var issues = new List<DemoIssue>();
            for (var i = 0; i < Issues.Length; i++)
            {
                var members = issueStories[i];
                var lead = members[0];
                var title = (lead.T.Where == DemoWhere.Road ? "" : lead.C.Area.Name) + DemoDemandSimulator.Fill(lead, lead.T.IssueTitle ?? "{at}");
                var issue = new DemoIssue(title, lead, members.Skip(1).ToList());
                foreach (var s in members)
                {
                    s.Issue = issue;
                    (s.Dissatisfy, s.ReviewFail, s.CloseUnreviewed, s.NeverReviewed, s.LateAck, s.LateHandle, s.LongRunning, s.Dismiss, s.Deliberate) =
                        (false, false, false, false, false, false, false, false, false);
                }
                // One unhappy reporter in two of the closed issues leaves the issue and is handled again on their own.
                if (!Issues[i].Open && i % 3 == 0) members[^1].Dissatisfy = members[^1].WillRate = true;
                issues.Add(issue);
            }
            return (stories, issues);
        }

        private double R() => random.NextDouble();

        private T Weighted<T>(IReadOnlyList<T> items, Func<T, double> weight)
        {
            var total = items.Sum(weight);
            var x = R() * total;
            foreach (var item in items)
            {
                x -= weight(item);
                if (x < 0) return item;
            }
            return items[^1];
        }

        private DateTime Time(double daysAgoFrom, double daysAgoTo)
        {
            var nowLocal = now.AddHours(8);
            while (true)
            {
                var daysAgo = (int)(daysAgoFrom + (R() * (daysAgoTo - daysAgoFrom)));
                var day = nowLocal.Date.AddDays(-daysAgo);
                var hour = Weighted(Enumerable.Range(0, 24).ToList(), h => HourWeights[h]);
                var at = DateTime.SpecifyKind(day.AddHours(hour + R()).AddHours(-8), DateTimeKind.Utc);
                if (at < now && at > now.AddDays(-366)) return at;
            }
        }

        private Spec Regular()
        {
            // More demands in recent months (the platform catches on) and in the rainy summer.
            DateTime at;
            while (true)
            {
                var daysAgo = R() * 365;
                at = Time(daysAgo, daysAgo);
                var weight = (0.8 + (0.4 * (365 - daysAgo) / 365)) * MonthWeights[at.AddHours(8).Month];
                if (R() * 1.6 < weight) break;
            }
            var channel = Weighted(Channels, c => c.Weight).Channel;
            DemoCommunity community;
            DemoGroup? group;
            DemoActor? account = null;
            if (channel == Channel.Web && R() < 0.25 && accounts.Count > 0)
            {
                var pick = accounts[random.Next(accounts.Count)];
                (community, group, account) = (pick.Community, pick.Group, pick.Account);
            }
            else
            {
                community = Weighted(communities, c => c.Households + 40);
                group = Weighted(community.Groups, g => g.Homes.Count + 5);
                if (R() < 0.1) group = null;
            }
            if (channel == Channel.ServiceArea && group?.Organiser is null) channel = Channel.GridWorker;
            var month = at.AddHours(8).Month;
            var templates = DemoDemandTemplates.All.Where(t => t.Setting == DemoSetting.Both || (t.Setting == DemoSetting.Village) == community.Village).ToList();
            var template = Weighted(templates, t => t.Weight * (t.PeakMonths.Contains(month) ? 2.0 : 1.0));
            return new Spec(at, template, community, group, channel, account, -1, null);
        }

        private IEnumerable<Spec> IssueSpecs(int index)
        {
            var (communityName, key, count, daysAgo, _, _, _) = Issues[index];
            var community = communities.First(c => c.Area.Name == communityName);
            var template = DemoDemandTemplates.All.First(t => t.Key == key);
            var group = community.Groups[random.Next(community.Groups.Count)];
            var place = Place(template.Where, template.Spots, community, group);
            var start = now.AddDays(-daysAgo);
            var window = Math.Min(3, daysAgo - 0.5);
            var times = new List<DateTime> { start };
            for (var i = 1; i < count; i++) times.Add(start.AddDays(0.2 + (R() * (window - 0.2))));
            foreach (var at in times.Order())
            {
                var channel = Weighted(Channels.Where(c => c.Channel is not (Channel.SuggestionBox or Channel.Patrol or Channel.Meeting or Channel.ServiceArea)).ToList(), c => c.Weight).Channel;
                yield return new Spec(at, template, community, group, channel, null, index, place);
            }
        }

        /// <summary>The place as the text names it, and as the location field records it.</summary>
        private (string At, string Location) Place(DemoWhere where, string[]? spots, DemoCommunity c, DemoGroup? g)
        {
            g ??= c.Groups[random.Next(c.Groups.Count)];
            var home = g.Homes.Count > 0 ? g.Homes[random.Next(g.Homes.Count)].HouseNumber : $"{g.Short}{1 + random.Next(40)}号";
            switch (where)
            {
                case DemoWhere.Home:
                    return c.Village
                        ? (home.StartsWith(c.Area.Name, StringComparison.Ordinal) ? home[c.Area.Name.Length..] : home, home)
                        : (home, c.Area.Name + home);
                case DemoWhere.Building:
                    if (c.Village) return (g.Short, c.Area.Name + g.Short);
                    var unit = home.IndexOf("单元", StringComparison.Ordinal) is var i and > 0 ? home[..(i + 2)] : home;
                    return (unit, c.Area.Name + unit);
                case DemoWhere.Road:
                    var road = c.Village
                        ? Pick([$"{c.Base}村主干道", $"{c.Base}村通组公路", $"通往{g.Short}的村道", $"{c.Base}村至镇区公路"])
                        : Pick([$"{c.Base}路", $"{c.Base}东路", $"{c.Base}二街", $"{c.Base}巷", "和溪大道", "滨江路", "建设路"]);
                    return (road, road);
                default:
                    var spot = spots is { Length: > 0 } ? Pick(spots).Replace("{grp}", g.Short, StringComparison.Ordinal)
                        : c.Village ? Pick(["村委会门前", "文化广场", "村小学门口", "晒谷场", "村口大榕树下", "老年活动中心"])
                        : Pick(["小区中心花园", "健身广场", $"{c.Base}农贸市场", "社区党群服务中心门口", "幼儿园门口", "篮球场"]);
                    return (spot, c.Area.Name + spot);
            }
        }

        private string Pick(string[] items) => items[random.Next(items.Length)];

        private static string Prefix(Channel channel, Random random) => channel switch
        {
            Channel.Hotline => random.Next(3) == 0 ? "12343民生热线来电：" : "12345热线转办：",
            Channel.Mailbox => "民情快递来信：",
            Channel.SuggestionBox => "议事箱意见：",
            Channel.ChatGroup => random.Next(2) == 0 ? "居民在楼栋微信群反映：" : "网格群里有居民反映：",
            Channel.Patrol => "议事团巡查发现：",
            Channel.ServiceDay => "服务日走访中群众反映：",
            Channel.Meeting => "居民代表会议上提出：",
            Channel.ServiceArea => "服务区组织员收集：",
            Channel.GridWorker => "网格员走访发现：",
            Channel.Visit => "居民来访反映：",
            _ => "",
        };

        private DemoStory Make(Spec spec, string code)
        {
            var (c, t) = (spec.Community, spec.Template);
            var g = spec.Group;
            var (at, location) = spec.Place ?? Place(t.Where, t.Spots, c, g);
            var phoneGroup = g ?? c.Groups[random.Next(c.Groups.Count)];
            var neighbourPhone = phoneGroup.Homes.Count > 0 ? phoneGroup.Homes[random.Next(phoneGroup.Homes.Count)].Phone : null;

            // Who recorded it (officials record on a resident's behalf with the channel it came through).
            DemoActor? recorder = spec.Channel switch
            {
                Channel.Web => null,
                Channel.Visit or Channel.Mailbox => R() < 0.5 ? c.Secretary : c.Committee[random.Next(c.Committee.Count)],
                Channel.Hotline => c.Committee[random.Next(c.Committee.Count)],
                Channel.SuggestionBox or Channel.Patrol => c.Council[random.Next(c.Council.Count)],
                Channel.Meeting => R() < 0.6 ? c.Council[random.Next(c.Council.Count)] : c.Secretary,
                Channel.ServiceDay => c.WorkGroup ?? c.StreetOfficer,
                Channel.ServiceArea => spec.Group!.Organiser,
                Channel.ChatGroup => phoneGroup.Chief is { } chief && R() < 0.4 ? chief : phoneGroup.Grid,
                _ => phoneGroup.Grid,
            };
            recorder ??= c.Secretary;
            var council = spec.Channel is Channel.SuggestionBox or Channel.Patrol or Channel.Meeting && c.Council.Contains(recorder);
            var account = spec.Channel == Channel.Web ? spec.Account : null;
            var phone = account is not null ? account.Name
                : spec.Channel == Channel.Hotline || R() < 0.7 ? neighbourPhone : null;
            var urgent = spec.Issue < 0 && R() < 0.03 + t.UrgentShare;

            var n = 2 + random.Next(8);
            var text = t.Texts[random.Next(t.Texts.Length)];
            var description = (R() < 0.6 ? Prefix(spec.Channel, random) : "") + text
                .Replace("{days}", (2 + random.Next(14)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                + Suffixes[random.Next(Suffixes.Length)];
            var area = g?.Area ?? c.Area;
            var storyGroup = g ?? phoneGroup;
            description = DemoDemandSimulator.Fill(description, at, storyGroup.Short, n);
            var demand = new Demand(districtId, area.Id, area.Path, code, description, location, spec.Channel, urgent, phone,
                account?.Id, spec.Channel == Channel.Web ? null : recorder.Id, council ? HandlingLevel.Council : HandlingLevel.Community, spec.At);
            var story = new DemoStory(demand, t, c, storyGroup, at, account is null ? null : account with { Name = PersonalData.MaskPhone(account.Name) })
            {
                N = n,
                Dismiss = R() < 0.015,
                Deliberate = t.Deliberable && R() < 0.35,
                Convert = t.Ownership == Ownership.Personal && R() < 0.15,
                WillRate = R() < 0.85,
                Dissatisfy = R() < 0.05,
                ReviewFail = R() < 0.025,
                CloseUnreviewed = R() < 0.08,
                NeverReviewed = R() < 0.03,
                LateAck = R() < 0.04,
                LateHandle = R() < 0.04,
                WrongUnit = R() < 0.12,
                StuckAfterReopen = R() < 0.35,
            };
            story.LongRunning = (t.Ownership == Ownership.Government && t.Unit is not null && R() < 0.3) || (story.Deliberate && R() < 0.3);
            sim.Submitted(story, spec.Channel == Channel.Web ? story.Reporter : recorder);
            return story;
        }
    }
}
