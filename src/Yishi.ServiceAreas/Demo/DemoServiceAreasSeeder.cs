using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Demo;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.Access;

namespace Yishi.ServiceAreas.Demo;

/// <summary>
/// "1+1" service areas for every demo village and community. Groups 1 and 2 of each village are one service area each,
/// run by the demo accounts <c>org-&lt;c&gt;-&lt;g&gt;</c>, <c>sup-&lt;c&gt;-&lt;g&gt;</c> and <c>vol-&lt;c&gt;-&lt;g&gt;-&lt;n&gt;</c>;
/// the other groups (and the urban grids) are paired into areas run by residents. Then a year of activities, services
/// to residents in every state, visits and suggestions. Its own random source, so other seeders' data does not shift.
/// </summary>
internal sealed class DemoServiceAreasSeeder(YishiDbContext db, AuditTrail audit) : IDemoSeeder
{
    public int Order => 5;

    private static readonly string[] Numerals = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

    private static readonly (ActivityType Type, string Title)[] ActivityTitles =
    [
        (ActivityType.Publicity, "防电信诈骗宣传进院坝"), (ActivityType.Publicity, "医保缴费政策宣讲"), (ActivityType.Publicity, "垃圾分类入户宣传"),
        (ActivityType.Publicity, "防溺水安全提醒"), (ActivityType.VolunteerService, "帮独居老人打扫卫生"), (ActivityType.VolunteerService, "清理村道杂草和垃圾"),
        (ActivityType.VolunteerService, "农忙时节帮留守户收割"), (ActivityType.VolunteerService, "义务理发进小组"), (ActivityType.OpinionReporting, "收集群众对村道修缮的意见"),
        (ActivityType.OpinionReporting, "院坝会听取饮水问题反映"), (ActivityType.CivilitySupervision, "劝导乱堆乱放"), (ActivityType.CivilitySupervision, "红白喜事简办监督"),
        (ActivityType.EthosEvaluation, "“好媳妇”“好婆婆”评议"), (ActivityType.EthosEvaluation, "庭院整洁评比"),
    ];

    private static readonly string[] Needs =
    [
        "帮忙到镇便民服务中心办理医保报销", "陪同去县医院复查", "代缴今年的城乡居民医保", "帮忙在手机上办理养老资格认证",
        "代办残疾人证年审", "陪同到银行挂失社保卡", "帮忙申请危房改造补助", "代取邮政包裹和药品", "帮忙打印、复印户口本材料",
    ];

    private static readonly string[] Suggestions =
    [
        "希望村口路灯晚上能多亮一会", "小组里的垃圾桶不够用", "建议雨季前清理排水沟", "希望能组织一次义诊",
        "建议在活动室装个空调", "希望多开展老年人手机培训", "村道有一段坑洼需要修补", "建议增设快递代收点",
    ];

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var random = new Random(20261123);
        var now = demo.Now;
        var today = LocalDay.Of(now);
        var areas = await db.Areas.AsNoTracking().Where(a => a.RetiredAt == null).ToListAsync(ct);
        var roleRows = await (from r in db.RoleAssignments
                              join u in db.Users on r.UserId equals u.Id
                              where r.RevokedAt == null && (r.Role == Role.Organiser || r.Role == Role.Supervisor || r.Role == Role.Volunteer || r.Role == Role.BlockChief)
                              select new { r.AreaId, r.Role, u.Id, u.UserName, u.DisplayName, u.ResidentId }).ToListAsync(ct);
        var households = await db.Households.AsNoTracking().Select(h => new { h.Id, h.AreaId, h.HouseNumber }).ToListAsync(ct);
        var heads = await db.Residents.AsNoTracking().Where(r => r.IsHead).Select(r => new { r.Id, r.HouseholdId, r.Name }).ToListAsync(ct);
        var headOf = heads.ToDictionary(h => h.HouseholdId);
        var residentAccounts = await db.Users.AsNoTracking().Where(u => u.ResidentId != null && u.Kind == AccountKind.Resident)
            .Select(u => new { u.Id, ResidentId = u.ResidentId!.Value }).ToListAsync(ct);
        var accountOfResident = residentAccounts.ToDictionary(a => a.ResidentId, a => a.Id);
        var admin = demo.Ids.GetValueOrDefault("user:admin");

        int areaCount = 0, activityCount = 0, serviceCount = 0, visitCount = 0;
        var serviceStates = Enum.GetValues<ServiceRequestStatus>();
        var kinds = Enum.GetValues<ServiceKind>();
        var stateCursor = 0;

        foreach (var community in areas.Where(a => a.Level == AreaLevel.Community).OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var village = DemoDirectory.IsVillage(community.Name);
            var groups = areas.Where(a => a.ParentId == community.Id && a.Level == AreaLevel.Group)
                .OrderBy(a => a.Name, Comparer<string>.Create(Platform.Areas.Features.AreaTree.AreaNameOrder.Compare)).ToList();
            // Villages: groups 1 and 2 have their own accounts; the rest (and urban grids) are paired two groups to an area.
            var plans = new List<List<Area>>();
            var rest = groups;
            if (village)
            {
                plans.AddRange(groups.Take(2).Select(g => new List<Area> { g }));
                rest = [.. groups.Skip(2)];
            }
            for (var i = 0; i < rest.Count; i += 2) plans.Add([.. rest.Skip(i).Take(2)]);

            for (var n = 0; n < plans.Count; n++)
            {
                var covered = plans[n];
                var coveredIds = covered.Select(g => g.Id).ToHashSet();
                if (!households.Any(h => coveredIds.Contains(h.AreaId))) continue;
                var createdAt = now.AddDays(-420 - random.Next(60));
                var suffix = village ? "服务区" : "党群服务区";
                var area = new ServiceArea(community.DistrictId, community.Id, community.Path, $"{community.Name}第{Numerals[n + 1]}{suffix}",
                    village ? "宣传政策、调解邻里纠纷、帮办代办、收集村情民意、监督村规民约执行" : "楼栋宣传、邻里互助、帮办代办、收集居民意见、文明劝导", createdAt);
                var team = new VolunteerTeam(area, createdAt);
                db.Add(area);
                db.Add(team);
                db.AddRange(covered.Select(g => new ServiceAreaGroup(area.DistrictId, area.Id, g.Id, g.Path)));
                areaCount++;
                var started = LocalDay.Of(createdAt);
                var groupIds = covered.Select(g => g.Id).ToHashSet();
                var homes = households.Where(h => groupIds.Contains(h.AreaId)).OrderBy(h => h.HouseNumber, StringComparer.Ordinal).ToList();
                var residents = homes.Where(h => headOf.ContainsKey(h.Id)).Select(h => headOf[h.Id]).ToList();
                var pick = 0;
                PersonRef NextResident()
                {
                    var r = residents[(pick++ * 7) % residents.Count];
                    return new PersonRef(accountOfResident.TryGetValue(r.Id, out var account) ? account : null, r.Id, r.Name);
                }
                PersonRef? Account(Role role, int index = 0)
                {
                    var held = roleRows.Where(r => groupIds.Contains(r.AreaId) && r.Role == role).OrderBy(r => r.UserName, StringComparer.Ordinal).ToList();
                    return index < held.Count ? new PersonRef(held[index].Id, held[index].ResidentId, held[index].DisplayName) : null;
                }

                // The two members; a third of the areas changed organiser at the last election (换届), kept in the history.
                foreach (var kind in Enum.GetValues<PostKind>())
                {
                    var person = Account(kind == PostKind.Organiser ? Role.Organiser : Role.Supervisor) ?? NextResident();
                    ServiceAreaPost? previous = null;
                    if (kind == PostKind.Organiser && random.Next(3) == 0 && residents.Count > 3)
                    {
                        previous = ServiceAreaPost.Appoint(area, kind, null, NextResident(), started, null);
                        db.Add(previous);
                    }
                    db.Add(ServiceAreaPost.Appoint(area, kind, previous, person, previous is null ? started : started.AddDays(150 + random.Next(60)), "换届"));
                }

                // The team: demo volunteer accounts, or residents.
                var members = new List<TeamMember>();
                var volunteers = roleRows.Where(r => groupIds.Contains(r.AreaId) && r.Role == Role.Volunteer).OrderBy(r => r.UserName, StringComparer.Ordinal)
                    .Select(r => new PersonRef(r.Id, r.ResidentId, r.DisplayName)).ToList();
                if (volunteers.Count == 0)
                    for (var v = 0; v < 3 + random.Next(4) && v < residents.Count - 2; v++) volunteers.Add(NextResident());
                foreach (var person in volunteers)
                {
                    if (members.Any(m => m.Person.IsSame(person.UserId, person.ResidentId))) continue;
                    var member = TeamMember.Join(area, team, members, (VolunteerKind)random.Next(4), person, started.AddDays(random.Next(30)));
                    members.Add(member);
                }
                if (members.Count > 3 && random.Next(2) == 0)
                {
                    var leaving = members[^1];
                    leaving.Leave(leaving.StartedOn.AddDays(200 + random.Next(100)), "外出务工");
                }
                db.AddRange(members);
                var current = members.Where(m => m.IsCurrent).ToList();

                // Block chiefs: the demo chief account of the group, else residents.
                var chiefKind = village ? BlockChiefKind.Courtyard : BlockChiefKind.Building;
                for (var c = 0; c < covered.Count; c++)
                {
                    var label = village ? $"{covered[c].Name}{Numerals[c + 1]}号院坝" : $"{(c * 3) + 1 + random.Next(3)}栋";
                    var chief = Account(Role.BlockChief, c) ?? NextResident();
                    db.Add(BlockChief.Appoint(area, null, chiefKind, label, chief, started.AddDays(random.Next(60)), null));
                }

                // A year of activities.
                var organiserUser = Account(Role.Organiser)?.UserId ?? admin;
                var activities = 10 + random.Next(12);
                for (var i = 0; i < activities; i++)
                {
                    var (type, title) = ActivityTitles[random.Next(ActivityTitles.Length)];
                    var heldOn = today.AddDays(-1 - random.Next(360));
                    var people = 6 + random.Next(30);
                    var activity = new ServiceActivity(area, type, title, heldOn, people, 60 + (30 * random.Next(7)),
                        type == ActivityType.OpinionReporting ? "群众集中反映的问题已整理，报村（社区）两委研究。" : null,
                        organiserUser, today, heldOn.ToDateTime(new TimeOnly(10, 0)).AddHours(-8));
                    db.Add(activity);
                    foreach (var m in current.Where(_ => random.Next(3) > 0).Take(people))
                        db.Add(new ActivityParticipant(area.DistrictId, activity.Id, m.Id));
                    activityCount++;
                }

                // Services to residents in every state, spread over the year.
                if (homes.Count > 0 && current.Count > 0)
                {
                    var count = 4 + random.Next(6);
                    for (var i = 0; i < count; i++)
                    {
                        var home = homes[random.Next(homes.Count)];
                        var head = headOf.GetValueOrDefault(home.Id);
                        Guid? requester = head is not null && accountOfResident.TryGetValue(head.Id, out var acc) ? acc : null;
                        var at = now.AddDays(-2 - random.Next(300)).AddHours(-random.Next(10));
                        var kind = kinds[(stateCursor + i) % kinds.Length];
                        var service = new ResidentService(area, home.Id, kind, Needs[random.Next(Needs.Length)], requester, requester is null ? organiserUser : null, at);
                        var state = serviceStates[stateCursor++ % serviceStates.Length];
                        var volunteer = current[random.Next(current.Count)];
                        if (state is ServiceRequestStatus.Assigned or ServiceRequestStatus.Done or ServiceRequestStatus.Rated) service.Assign(volunteer, at.AddHours(3));
                        if (state is ServiceRequestStatus.Done or ServiceRequestStatus.Rated) service.Complete("已按约定办好，材料已交回本人。", at.AddDays(2));
                        if (state is ServiceRequestStatus.Rated)
                        {
                            var sat = random.Next(10) switch { < 7 => ServiceSatisfaction.Satisfied, < 9 => ServiceSatisfaction.BasicallySatisfied, _ => ServiceSatisfaction.Dissatisfied };
                            service.Rate(sat, sat == ServiceSatisfaction.Dissatisfied ? "等了好几天才办" : null, at.AddDays(3));
                        }
                        if (state is ServiceRequestStatus.Cancelled) service.Cancel("家人已代为办理", at.AddDays(1));
                        db.Add(service);
                        serviceCount++;
                    }
                }

                // Visits and suggestions.
                if (homes.Count > 0 && current.Count > 0)
                {
                    var visits = 8 + random.Next(20);
                    for (var i = 0; i < visits; i++)
                    {
                        var home = homes[random.Next(homes.Count)];
                        var visitor = current[random.Next(current.Count)];
                        var day = today.AddDays(-1 - random.Next(360));
                        var at = day.ToDateTime(new TimeOnly(16, 0)).AddHours(-8);
                        var visit = new HouseholdVisit(area, home.Id, visitor.Person, visitor.Id, day, "了解家庭近况，宣传惠民政策。", visitor.UserId ?? organiserUser, today, at);
                        db.Add(visit);
                        visitCount++;
                        if (random.Next(10) < 3)
                        {
                            var suggestion = new VisitSuggestion(visit, Suggestions[random.Next(Suggestions.Length)], at);
                            if (random.Next(5) < 2) suggestion.AnswerWith("已报村（社区）两委，列入近期工作安排。", organiserUser, at.AddDays(5));
                            db.Add(suggestion);
                        }
                    }
                }
            }
        }

        audit.Record(demo.DistrictId, "demo.seeded", "area", demo.DistrictId, note: $"service areas: {areaCount}, activities: {activityCount}, services: {serviceCount}, visits: {visitCount}");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
