using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Yishi.Deliberation.Domain;
using Yishi.Deliberation.Features.Schedule;
using Yishi.Demands.Contracts;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Demo;
using Yishi.Platform.People.Domain;

namespace Yishi.Deliberation.Demo;

/// <summary>
/// A year of deliberation for the demo district: for every community a weekly two-committee meeting, a monthly
/// party-member and representatives meeting, and (in 南恩街道) a public deliberation council on the 8th/18th/28th;
/// their meetings over the past year with attendance and minutes; and topics at every stage, drawn from DOMAIN.md
/// (gas for 96 households, a dead-end road, an elderly canteen, a drying area, a drinking fountain, a lift), with
/// votes, resolutions, notices, tasks with spending, and follow-up reviews. Deterministic (its own seed).
/// </summary>
internal sealed class DemoDeliberationSeeder(YishiDbContext db, Sequences sequences, IDeliberationHandoff handoff, ILogger<DemoDeliberationSeeder> log) : IDemoSeeder
{
    private const int Seed = 20261150;

    public int Order => 50;

    private sealed record Person(Guid? UserId, Guid? ResidentId, string Name);

    private sealed class Body(Council council, List<CouncilMember> members)
    {
        public Council Council { get; } = council;
        public List<CouncilMember> Members { get; } = members;
        public List<Meeting> Meetings { get; } = [];
        public IEnumerable<CouncilMember> ActiveOn(DateOnly day) => Members.Where(m => m.StartedOn <= day && (m.EndedOn == null || m.EndedOn > day));
    }

    /// <summary>A topic's story: where, what, and how far it got.</summary>
    private sealed record Story(string Community, CouncilKind Body, string Title, string Description, string Reason, long CostFen, TopicOrigin Origin,
        bool Vital, TopicContentCategory Content, TopicMustDeliberate? Must, TopicStage Reach, int StartDaysAgo, (string Task, long BudgetFen)[] Tasks,
        bool Rejected = false, bool FailedReviewFirst = false, bool Emergency = false);

    private static readonly Story[] Stories =
    [
        new("南恩村", CouncilKind.Representatives, "管道燃气入户（96户）", "村里96户仍使用罐装液化气，换气不便且有安全隐患，申请接入市政管道燃气，由燃气公司施工、村集体补贴入户费。",
            "群众反映强烈，涉及全体村民利益", 4_860_000, TopicOrigin.Demand, true, TopicContentCategory.Development, TopicMustDeliberate.Livelihood, TopicStage.Closed, 330,
            [("燃气主管网铺设", 3_600_000), ("96户入户安装与通气验收", 1_260_000)]),
        new("桂湖村", CouncilKind.Representatives, "打通村东断头路", "村东道路止于河沟，群众出行需绕行2公里。拟新建80米道路及涵管，连接县道。", "群众出行难、农产品运输不便",
            2_350_000, TopicOrigin.Residents, true, TopicContentCategory.Development, TopicMustDeliberate.PublicFacilities, TopicStage.Implementation, 200,
            [("征求沿线农户意见并签订协议", 0), ("涵管铺设及路基施工", 1_800_000), ("路面硬化", 550_000)]),
        new("文华社区", CouncilKind.Representatives, "建设长者饭堂", "利用社区服务中心一楼闲置用房，建设长者饭堂，为80岁以上及困难老人提供低价午餐，计划两周内建成。",
            "辖区独居老人多，吃饭难", 380_000, TopicOrigin.Member, true, TopicContentCategory.Morality, TopicMustDeliberate.Livelihood, TopicStage.Closed, 150,
            [("场地改造与厨房设备采购", 300_000), ("招募志愿者、制定运营制度", 80_000)]),
        new("江城社区", CouncilKind.Representatives, "建设公共晾晒区", "在3号楼南侧空地设置公共晾衣架，解决高层住户晾晒难问题。", "居民多次在议事箱中提出",
            65_000, TopicOrigin.Residents, true, TopicContentCategory.Harmony, TopicMustDeliberate.ResidentInterests, TopicStage.Notice, 30, []),
        new("鸳鸯湖社区", CouncilKind.PublicCouncil, "小游园设置直饮水点", "在鸳鸯湖小游园健身区旁设置一处直饮水点，方便晨练居民和儿童。", "夏季饮水需求大",
            42_000, TopicOrigin.Member, false, TopicContentCategory.Development, TopicMustDeliberate.PublicFacilities, TopicStage.Deliberation, 12, []),
        new("东风社区", CouncilKind.Representatives, "老旧楼（5栋）加装电梯", "5栋为1995年建成的7层住宅，无电梯。经征询，同单元三分之二以上业主同意加装，费用按楼层分摊，争取政府补贴。",
            "老年住户上下楼困难", 680_000, TopicOrigin.Demand, true, TopicContentCategory.Development, TopicMustDeliberate.ResidentInterests, TopicStage.FollowUp, 260,
            [("业主协商与分摊方案公示", 0), ("电梯井道施工及设备安装", 680_000)], FailedReviewFirst: true),
        new("新建村", CouncilKind.TwoCommittee, "更换村道路灯12盏", "村道中段12盏路灯损坏，夜间照明不足。", "网格员巡查发现", 36_000, TopicOrigin.Member, false,
            TopicContentCategory.Development, TopicMustDeliberate.PublicFacilities, TopicStage.Review, 6, []),
        new("桂园社区", CouncilKind.TwoCommittee, "规范小区停车秩序", "小区内车辆乱停，消防通道被占。拟施划停车位并实行登记管理。", "居民投诉多", 20_000, TopicOrigin.Residents, false,
            TopicContentCategory.Harmony, TopicMustDeliberate.DailyManagement, TopicStage.Proposal, 2, []),
        new("上洞村", CouncilKind.TwoCommittee, "广场舞时间调整", "拟将广场舞时间限定为19:00—21:00并降低音量。", "周边住户反映噪音", 0, TopicOrigin.Residents, false,
            TopicContentCategory.Harmony, TopicMustDeliberate.NeighbourDisputes, TopicStage.Rejected, 90, [], Rejected: true),
        new("龙潭村", CouncilKind.Representatives, "推行垃圾分类“积分兑换”", "每户配置分类垃圾桶，分类投放纳入积分清单，积分可兑换生活用品。", "改善人居环境", 120_000,
            TopicOrigin.TopDown, true, TopicContentCategory.SocialEthos, TopicMustDeliberate.Environment, TopicStage.Closed, 280,
            [("分类垃圾桶采购发放", 90_000), ("积分兑换点设置", 30_000)]),
        new("上洞村", CouncilKind.TwoCommittee, "台风来临前转移危房住户", "气象台发布台风橙色预警，村内5户危房住户须在24小时内转移至村委会临时安置点。", "急事快议", 12_000,
            TopicOrigin.Member, false, TopicContentCategory.Harmony, TopicMustDeliberate.PublicSecurity, TopicStage.Closed, 110,
            [("组织转移并安置5户危房住户", 12_000)], Emergency: true),
        new("石门村", CouncilKind.Representatives, "修订村规民约", "根据上级要求修订村规民约，增加移风易俗、红白事简办条款。", "落实上级部署", 0, TopicOrigin.TopDown, true,
            TopicContentCategory.Law, TopicMustDeliberate.Policy, TopicStage.Implementation, 75, [("修订稿入户征求意见", 0), ("印制张贴新版村规民约", 8_000)]),
    ];

    private static readonly string[] Comments =
    [
        "支持，早该办了。", "希望尽快实施，老人最需要。", "费用怎么分摊要讲清楚。", "建议先征求沿线住户意见。", "担心施工影响出行，希望错开高峰。",
        "同意，但要公开账目。", "一楼住户意见也要听一听。", "支持，愿意出义务工。",
    ];

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var random = new Random(Seed);
        var districtId = demo.DistrictId;
        var now = demo.Now;
        var today = ChinaTime.Day(now);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var numbers = new Dictionary<string, long>();
        string Next(string prefix, string counter, DateTime at)
        {
            var year = ChinaTime.ToLocal(at).Year;
            var key = $"{counter}-{year}";
            numbers[key] = numbers.GetValueOrDefault(key) + 1;
            return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{numbers[key]:0000}");
        }
        try
        {
            var areas = await db.Areas.AsNoTracking().ToListAsync(ct);
            var streets = areas.Where(a => a.Level == AreaLevel.Street).ToDictionary(a => a.Id, a => a.Name);
            var communities = areas.Where(a => a.Level == AreaLevel.Community && a.RetiredAt == null).OrderBy(a => a.Path, StringComparer.Ordinal).ToList();
            var roles = await (from r in db.RoleAssignments.AsNoTracking()
                               join u in db.Users.AsNoTracking() on r.UserId equals u.Id
                               where r.RevokedAt == null
                               select new { r.UserId, r.Role, r.AreaPath, u.DisplayName, u.UserName }).ToListAsync(ct);
            var heads = await (from h in db.Households.AsNoTracking()
                               join p in db.Residents.AsNoTracking() on h.Id equals p.HouseholdId
                               where p.IsHead
                               orderby h.HouseNumber
                               select new { h.AreaPath, p.Id, p.Name }).Take(4000).ToListAsync(ct);

            var bodies = new Dictionary<(string Community, CouncilKind Kind), Body>();
            foreach (var c in communities)
            {
                var here = roles.Where(r => r.AreaPath == c.Path).OrderBy(r => r.UserName, StringComparer.Ordinal).ToList();
                Person Official(Role role, int index = 0) => here.Where(r => r.Role == role).Skip(index).Select(r => new Person(r.UserId, null, r.DisplayName)).FirstOrDefault()
                    ?? new Person(null, null, "—");
                var secretary = Official(Role.CommunitySecretary);
                var committee = here.Where(r => r.Role == Role.CommitteeMember).Select(r => new Person(r.UserId, null, r.DisplayName)).ToList();
                var councilMembers = here.Where(r => r.Role == Role.CouncilMember).Select(r => new Person(r.UserId, null, r.DisplayName)).ToList();
                var grid = roles.Where(r => r.Role == Role.GridWorker && r.AreaPath.StartsWith(c.Path, StringComparison.Ordinal))
                    .OrderBy(r => r.UserName, StringComparer.Ordinal).Select(r => new Person(r.UserId, null, r.DisplayName)).DistinctBy(p => p.UserId).Take(4).ToList();
                var residents = heads.Where(h => h.AreaPath.StartsWith(c.Path, StringComparison.Ordinal)).Select(h => new Person(null, h.Id, h.Name)).ToList();
                var pickedResidents = Enumerable.Range(0, Math.Min(6, residents.Count)).Select(i => residents[(i * 37 + 11) % residents.Count]).DistinctBy(p => p.ResidentId).ToList();
                var yearAgo = today.AddDays(-365);

                Body Make(CouncilKind kind, string name, IEnumerable<(Person P, MemberPosition Pos)> people)
                {
                    var council = new Council(districtId, c.Id, c.Path, name, kind, now.AddDays(-370));
                    var members = people.Where(p => p.P.Name != "—").DistinctBy(p => (p.P.UserId, p.P.ResidentId))
                        .Select(p => new CouncilMember(districtId, council.Id, p.P.UserId, p.P.ResidentId, p.P.Name, p.Pos, yearAgo, yearAgo.AddYears(5), yearAgo)).ToList();
                    db.Add(council);
                    db.AddRange(members);
                    var body = new Body(council, members);
                    bodies[(c.Name, kind)] = body;
                    return body;
                }

                Make(CouncilKind.TwoCommittee, $"{c.Name}两委会",
                    new[] { (secretary, MemberPosition.Chair) }.Concat(committee.Select(p => (p, MemberPosition.Member))));
                var reps = Make(CouncilKind.Representatives, $"{c.Name}党员群众代表会议",
                    new[] { (secretary, MemberPosition.Chair) }
                        .Concat(committee.Take(1).Select(p => (p, MemberPosition.Secretary)))
                        .Concat(committee.Skip(1).Select(p => (p, MemberPosition.Member)))
                        .Concat(councilMembers.Select(p => (p, MemberPosition.Member)))
                        .Concat(grid.Select(p => (p, MemberPosition.Member)))
                        .Concat(pickedResidents.Select(p => (p, MemberPosition.Member))));
                // Membership history: one representative moved away mid-year and was replaced.
                if (reps.Members.Count > 4 && residents.Count > 20)
                {
                    var leaving = reps.Members[^1];
                    leaving.End(today.AddDays(-120), "迁出本村（居）");
                    var newcomer = residents[(residents.Count / 2 + 3) % residents.Count];
                    var replacement = new CouncilMember(districtId, reps.Council.Id, null, newcomer.ResidentId, newcomer.Name, MemberPosition.Member,
                        today.AddDays(-120), yearAgo.AddYears(5), today.AddDays(-120));
                    db.Add(replacement);
                    reps.Members.Add(replacement);
                }
                if (streets.GetValueOrDefault(c.ParentId ?? Guid.Empty) == "南恩街道")
                {
                    Make(CouncilKind.PublicCouncil, $"{c.Name}大众议事团",
                        councilMembers.Select((p, i) => (p, i == 0 ? MemberPosition.Chair : MemberPosition.Member))
                            .Append((secretary, MemberPosition.Secretary))
                            .Concat(pickedResidents.Take(4).Select(p => (p, MemberPosition.Member))));
                }
            }

            // 组议事会 in the first group of two villages; a 党建联席会议 per street (quarterly, the work group lead convenes).
            var yearBack = today.AddDays(-365);
            foreach (var village in communities.Where(c => c.Name is "南恩村" or "桂湖村"))
            {
                var group = areas.Where(a => a.ParentId == village.Id && a.Level == AreaLevel.Group && a.RetiredAt == null).OrderBy(a => a.Path, StringComparer.Ordinal).FirstOrDefault();
                if (group is null) continue;
                var people = roles.Where(r => r.AreaPath == group.Path && r.Role is Role.GridWorker or Role.BlockChief)
                    .Select(r => (new Person(r.UserId, null, r.DisplayName), MemberPosition.Member)).ToList();
                people.AddRange(heads.Where(h => h.AreaPath.StartsWith(group.Path, StringComparison.Ordinal)).Take(6).Select(h => (new Person(null, h.Id, h.Name), MemberPosition.Member)));
                if (people.Count < 3) continue;
                people[0] = (people[0].Item1, MemberPosition.Chair);
                AddBody(bodies, (group.Name + "@" + village.Name, CouncilKind.GroupCouncil), districtId, group, CouncilKind.GroupCouncil, $"{village.Name}{group.Name}议事会", people, yearBack, now);
            }
            foreach (var street in areas.Where(a => a.Level == AreaLevel.Street && a.RetiredAt == null))
            {
                var people = roles.Where(r => r.AreaPath == street.Path && r.Role == Role.StreetOfficer).Select(r => (new Person(r.UserId, null, r.DisplayName), MemberPosition.Chair))
                    .Concat(roles.Where(r => r.AreaPath.StartsWith(street.Path, StringComparison.Ordinal) && r.Role is Role.CommunitySecretary or Role.WorkGroupMember)
                        .OrderBy(r => r.UserName, StringComparer.Ordinal).Select(r => (new Person(r.UserId, null, r.DisplayName), MemberPosition.Member)))
                    .ToList();
                if (people.Count < 3) continue;
                AddBody(bodies, (street.Name, CouncilKind.JointPartyBuilding), districtId, street, CouncilKind.JointPartyBuilding, $"{street.Name}党建联席会议", people, yearBack, now);
            }

            // A year of regular meetings per body, following its recurrence (past slots only; the schedule makes the next four weeks).
            foreach (var body in bodies.Values)
            {
                foreach (var at in body.Council.Recurrence.Occurrences(now.AddDays(-365), now.AddHours(-3)))
                {
                    var m = new Meeting(districtId, body.Council.AreaId, body.Council.AreaPath, body.Council.Id, Next("YS-HY", "meeting", at), MeetingKind.Regular,
                        body.Council.Recurrence.Form, body.Council.Recurrence.Place ?? DefaultPlace(body.Council.Kind), at, MeetingSchedule.SlotKey(at), at.AddDays(-28), null);
                    body.Meetings.Add(m);
                    db.Add(m);
                }
            }

            // Topics through their stages.
            var topicsMade = 0;
            foreach (var story in Stories)
            {
                if (!bodies.TryGetValue((story.Community, story.Body), out var body)) continue;
                topicsMade++;
                await StoryAsync(story, body, random, now, Next, ct);
            }
            // Demands still awaiting deliberation become proposals of their community's representatives meeting.
            foreach (var c in communities.Take(6))
            {
                var awaiting = await handoff.AwaitingAsync(c.Path, ct);
                if (awaiting.Count == 0 || !bodies.TryGetValue((c.Name, CouncilKind.Representatives), out var body)) continue;
                var first = awaiting[0];
                var proposer = body.Members.First(m => m.UserId != null);
                var title = first.Description.Length > 30 ? first.Description[..30] + "…" : first.Description;
                var t = new Topic(districtId, first.AreaId, first.AreaPath, body.Council.Id, title, first.Description, "群众诉求，属十必议事项", null,
                    TopicOrigin.Demand, proposer.UserId, true, false, null, null, first.CreatedAt.AddDays(1) < now ? first.CreatedAt.AddDays(1) : now);
                db.Add(t);
                db.Add(new TopicDemand(districtId, t.Id, first.Id, first.TrackingCode));
                db.Add(new TopicEvent(districtId, t.Id, "created", TopicStage.Proposal, TopicStage.Proposal, $"由诉求 {first.TrackingCode} 立为议题", proposer.UserId, t.CreatedAt));
                topicsMade++;
            }

            // Past meetings with no recorded topic were held as routine meetings (a few cancelled, one short of quorum).
            var heldCount = 0;
            foreach (var body in bodies.Values)
            {
                foreach (var m in body.Meetings.Where(x => x.Status == MeetingStatus.Scheduled && x.StartsAt < now))
                {
                    var roll = random.NextDouble();
                    if (roll < 0.03)
                    {
                        m.Cancel(roll < 0.015 ? "遇台风预警，会议顺延" : "与上级会议冲突，会议顺延", m.StartsAt.AddDays(-1));
                        continue;
                    }
                    var active = body.ActiveOn(ChinaTime.Day(m.StartsAt)).ToList();
                    var share = roll < 0.05 ? 0.5 : 0.72 + random.NextDouble() * 0.28;
                    var present = active.Where(_ => random.NextDouble() < share).ToList();
                    if (present.Count == 0 && active.Count > 0) present.Add(active[0]);
                    m.RecordAsHeld(m.StartsAt, m.StartsAt.AddMinutes(90));
                    foreach (var p in present)
                        db.Add(new MeetingAttendance(districtId, m.Id, p.Id, CheckInMethod.Secretary, SecretaryOf(body), m.StartsAt.AddMinutes(-10)));
                    var quorate = body.Council.IsQuorate(active.Count, present.Count);
                    m.DraftMinutes(quorate ? RoutineMinutes(body.Council.Kind, random) : "应到人数不足三分之二，未达法定人数，本次会议仅通报情况，议题顺延至下次会议。", m.AdjournedAt!.Value.AddHours(2));
                    foreach (var p in present.Take(present.Count / 2 + 1)) db.Add(new MinutesApproval(districtId, m.Id, p.Id, m.AdjournedAt!.Value.AddDays(1)));
                    m.RecordMinutesApprovals(present.Count / 2 + 1, present.Count, m.AdjournedAt!.Value.AddDays(1));
                    heldCount++;
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            // Numbers made later continue after the demo's.
            await sequences.SetManyAsync(districtId, numbers.Select(n => (n.Key, n.Value)).ToList(), ct);
            log.LogInformation("Demo deliberation: {Bodies} councils, {Meetings} meetings held, {Topics} topics in {Ms} ms",
                bodies.Count, heldCount, topicsMade, started.ElapsedMilliseconds);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task StoryAsync(Story s, Body body, Random random, DateTime now, Func<string, string, DateTime, string> next, CancellationToken ct)
    {
        var c = body.Council;
        var districtId = c.DistrictId;
        var t0 = now.AddDays(-s.StartDaysAgo);
        var proposer = body.Members.First(m => m.UserId != null);
        var secretaryUser = SecretaryOf(body);
        var topic = new Topic(districtId, c.AreaId, c.AreaPath, c.Id, s.Title, s.Description, s.Reason, s.CostFen == 0 ? null : s.CostFen, s.Origin,
            proposer.UserId, s.Vital, s.Emergency, s.Content, s.Must, t0);
        db.Add(topic);
        Event(topic, "created", TopicStage.Proposal, TopicStage.Proposal, null, proposer.UserId, t0);
        if (s.Reach == TopicStage.Proposal) return;

        if (s.Rejected && s.Reach == TopicStage.Rejected)
        {
            var rejectAt = t0.AddDays(2);
            Apply(topic, topic.Accept(Topic.DefaultReviewDays, null, rejectAt), secretaryUser, rejectAt);
            var at = rejectAt.AddDays(4);
            Apply(topic, topic.Reject("经评议，多数居民认为现有约定已足够，改由网格员劝导，不再立项。", at), secretaryUser, at);
            AddComments(topic, body, random, rejectAt, 5);
            return;
        }

        var accepted = t0.AddDays(1);
        Apply(topic, topic.Accept(Topic.DefaultReviewDays, null, accepted), secretaryUser, accepted);
        AddComments(topic, body, random, accepted, 3 + random.Next(5));
        if (s.Reach == TopicStage.Review) return;

        // 审议: the first meeting after the review with room for the agenda lead time (an upcoming one for a topic still in deliberation).
        var lead = c.AgendaLeadDays;
        // A topic still in deliberation goes on the next regular meeting; one under notice was decided at an extra sitting
        // two days ago (so its notice is running whatever the date); others on the first regular meeting after the review.
        Meeting? meeting = null;
        if (s.Emergency)
        {
            meeting = AdHoc(c, body, accepted.AddHours(20), null, now, next, MeetingKind.Emergency);
        }
        else if (s.Reach == TopicStage.Deliberation)
        {
            var slot = c.Recurrence.Occurrences(now.AddDays(lead + 1), now.AddDays(45))[0];
            meeting = AdHoc(c, body, slot, MeetingSchedule.SlotKey(slot), now, next);
        }
        else if (s.Reach == TopicStage.Notice)
        {
            meeting = AdHoc(c, body, ChinaTime.ToUtc(ChinaTime.Day(now).AddDays(-2), 19 * 60 + 30), null, now, next);
        }
        else
        {
            var earliest = accepted.AddDays(Topic.DefaultReviewDays + lead + 1);
            var latest = now.AddDays(-c.NoticeDays - 20);
            meeting = body.Meetings.FirstOrDefault(m => m.Status == MeetingStatus.Scheduled && m.StartsAt > earliest && m.StartsAt < latest)
                ?? AdHoc(c, body, ChinaTime.ToUtc(ChinaTime.Day(earliest).AddDays(1), 19 * 60 + 30), null, now, next);
        }
        var placedAt = s.Emergency ? meeting.StartsAt.AddHours(-2)
            : meeting.StartsAt.AddDays(-lead - 1) < now ? meeting.StartsAt.AddDays(-lead - 1) : now.AddHours(-2);
        Apply(topic, topic.PlaceOnAgenda(c, meeting, null, placedAt), secretaryUser, placedAt);
        var item = new AgendaItem(districtId, meeting.Id, topic.Id, 1);
        db.Add(item);
        meeting.PublishAgenda(lead, 1, placedAt.AddHours(2));
        if (s.Reach == TopicStage.Deliberation) return;

        // 决议: a quorate sitting, each present member's vote, the resolution and its public notice.
        var start = meeting.StartsAt;
        meeting.Open(1, start);
        var active = body.ActiveOn(ChinaTime.Day(start)).ToList();
        var present = active.Where(_ => random.NextDouble() < 0.9).ToList();
        while (!c.IsQuorate(active.Count, present.Count)) present.Add(active.First(a => !present.Contains(a)));
        foreach (var p in present) db.Add(new MeetingAttendance(districtId, meeting.Id, p.Id, CheckInMethod.Secretary, secretaryUser, start.AddMinutes(-10)));
        var votes = present.Select((p, i) => (p, Choice: i < present.Count * 3 / 4 + 1 ? VoteChoice.For : i % 2 == 0 ? VoteChoice.Against : VoteChoice.Abstain)).ToList();
        foreach (var (p, choice) in votes) db.Add(new Vote(districtId, meeting.Id, topic.Id, p.Id, choice, p.UserId ?? secretaryUser, start.AddMinutes(40)));
        var count = VoteCount.Of(active.Count, present.Count, votes.Select(v => v.Choice));
        var decided = start.AddMinutes(50);
        var r = new Resolution(districtId, c.AreaId, c.AreaPath, c.Id, topic.Id, meeting.Id, next("YS-JY", "resolution", decided), topic.Title,
            $"同意{topic.Title}。{(s.CostFen > 0 ? $"预算{s.CostFen / 100m:#,0.##}元，" : "")}由两委分工包干落实，进展按月向代表会议报告。", count, c.Passes(count.Present, count.For), c.NoticeDays, decided);
        db.Add(r);
        item.ResolutionId = r.Id;
        item.DiscussionNotes = "与会人员逐项讨论了实施方案、经费来源和施工安排，对群众提出的意见作了回应。";
        Apply(topic, topic.Resolve(r, false, null, decided), secretaryUser, decided);
        meeting.Adjourn(start.AddMinutes(90));
        meeting.DraftMinutes($"会议审议《{topic.Title}》议题，应到{count.MembersTotal}人，实到{count.Present}人，表决赞成{count.For}票、反对{count.Against}票、弃权{count.Abstain}票，议题通过。", start.AddHours(3));
        foreach (var p in present.Take(present.Count / 2 + 1)) db.Add(new MinutesApproval(districtId, meeting.Id, p.Id, start.AddDays(1)));
        meeting.RecordMinutesApprovals(present.Count / 2 + 1, present.Count, start.AddDays(1));
        if (s.Reach == TopicStage.Notice)
        {
            var objection = new Objection(districtId, r.Id, "晾衣架位置离一楼窗户太近，会影响采光，建议南移。", null, "13900001234", decided.AddDays(1));
            objection.Reply("已调整方案：晾衣架南移3米，不影响一楼采光。", false, secretaryUser, decided.AddDays(2));
            db.Add(objection);
            return;
        }

        var effective = r.NoticeEndsAt!.Value;
        r.TakeEffect(effective);
        Apply(topic, topic.NoticeEnded(effective), null, effective);

        // 落实: tasks with owners (包干), progress updates with spending.
        var owners = body.Members.Where(m => m.UserId != null).ToList();
        var allDone = s.Reach is TopicStage.FollowUp or TopicStage.Closed;
        var tasks = new List<ImplementationTask>();
        for (var i = 0; i < s.Tasks.Length; i++)
        {
            var (title, budget) = s.Tasks[i];
            var owner = owners[(i + 1) % owners.Count];
            var span = Math.Max(10, (int)((now - effective).TotalDays * (allDone ? 0.6 : 1.1)));
            var task = new ImplementationTask(districtId, c.AreaId, c.AreaPath, topic.Id, r.Id, title, owner.UserId!.Value, owner.DisplayName,
                ChinaTime.Day(effective).AddDays(span * (i + 1) / s.Tasks.Length), budget, effective.AddDays(1));
            db.Add(task);
            tasks.Add(task);
            var steps = allDone ? new[] { 30, 70, 100 } : i == 0 ? [50, 100] : [20, 45];
            for (var k = 0; k < steps.Length; k++)
            {
                var at = effective.AddDays(2 + (now - effective).TotalDays * (allDone ? 0.55 : 0.8) * (k + 1) / steps.Length / (i + 1));
                if (at > now.AddHours(-1)) at = now.AddHours(-1 - k);
                var spend = budget == 0 ? 0 : steps[k] == 100 ? budget * 97 / 100 - task.SpentFen : budget * steps[k] / 100 - task.SpentFen;
                db.Add(task.Report(steps[k], Math.Max(0, spend), ProgressNote(title, steps[k]), owner.UserId!.Value, at));
            }
            Event(topic, "task_added", TopicStage.Implementation, TopicStage.Implementation, title, secretaryUser, effective.AddDays(1));
        }
        if (!allDone) return;

        var doneAt = tasks.Count == 0 ? effective.AddDays(5) : tasks.Max(x => x.CompletedAt ?? effective);
        Apply(topic, topic.TasksDone(doneAt), null, doneAt);
        if (s.FailedReviewFirst)
        {
            var failedAt = doneAt.AddDays(5);
            db.Add(new FollowUpReview(districtId, topic.Id, null, true, false, "电梯已运行，但噪音较大，部分住户不满意，要求整改。", secretaryUser, failedAt));
            Apply(topic, topic.FollowUpReviewed(true, false, "噪音整改后再议", failedAt), secretaryUser, failedAt);
            var fix = new ImplementationTask(districtId, c.AreaId, c.AreaPath, topic.Id, r.Id, "电梯降噪整改", owners[0].UserId!.Value, owners[0].DisplayName,
                ChinaTime.Day(failedAt).AddDays(20), 0, failedAt.AddDays(1));
            db.Add(fix);
            db.Add(fix.Report(100, 0, "加装减振垫，噪音降至45分贝以下，经住户确认。", owners[0].UserId!.Value, failedAt.AddDays(12)));
            Apply(topic, topic.TasksDone(failedAt.AddDays(12)), null, failedAt.AddDays(12));
        }
        if (s.Reach == TopicStage.FollowUp) return;
        var reviewAt = doneAt.AddDays(10) < now ? doneAt.AddDays(10) : now.AddHours(-2);
        var review = body.Meetings.FirstOrDefault(m => m.Status == MeetingStatus.Scheduled && m.StartsAt > doneAt && m.StartsAt < now);
        db.Add(new FollowUpReview(districtId, topic.Id, review?.Id, true, true, "回头议：群众满意，达到预期，同意销号。", secretaryUser, reviewAt));
        Apply(topic, topic.FollowUpReviewed(true, true, "达到预期，群众满意", reviewAt), secretaryUser, reviewAt);
        await Task.CompletedTask;
    }

    private Meeting AdHoc(Council c, Body body, DateTime at, string? slotKey, DateTime now, Func<string, string, DateTime, string> next,
        MeetingKind kind = MeetingKind.Regular)
    {
        var m = new Meeting(c.DistrictId, c.AreaId, c.AreaPath, c.Id, next("YS-HY", "meeting", at), kind, c.Recurrence.Form,
            c.Recurrence.Place ?? DefaultPlace(c.Kind), at, slotKey, (at < now ? at : now).AddDays(-10), null);
        db.Add(m);
        body.Meetings.Add(m);
        return m;
    }

    private void AddBody(Dictionary<(string, CouncilKind), Body> bodies, (string, CouncilKind) key, Guid districtId, Area area, CouncilKind kind, string name,
        IEnumerable<(Person P, MemberPosition Pos)> people, DateOnly since, DateTime now)
    {
        var council = new Council(districtId, area.Id, area.Path, name, kind, now.AddDays(-370));
        var members = people.DistinctBy(p => (p.P.UserId, p.P.ResidentId))
            .Select(p => new CouncilMember(districtId, council.Id, p.P.UserId, p.P.ResidentId, p.P.Name, p.Pos, since, since.AddYears(5), since)).ToList();
        db.Add(council);
        db.AddRange(members);
        bodies[key] = new Body(council, members);
    }

    private void AddComments(Topic topic, Body body, Random random, DateTime from, int count)
    {
        var commenters = body.Members.Where(m => m.UserId != null).ToList();
        for (var i = 0; i < count && commenters.Count > 0; i++)
        {
            var who = commenters[i % commenters.Count];
            var stance = i % 5 == 3 ? Stance.Oppose : i % 5 == 4 ? Stance.Neutral : Stance.Support;
            db.Add(new TopicComment(topic.DistrictId, topic.Id, who.UserId!.Value, stance, Comments[random.Next(Comments.Length)], from.AddHours(3 + i * 7)));
        }
    }

    private void Apply(Topic topic, TopicChange change, Guid? by, DateTime at)
        => Event(topic, change.Action.ToString(), change.From, change.To, change.Note, by, at);

    private void Event(Topic topic, string action, TopicStage from, TopicStage to, string? note, Guid? by, DateTime at)
        => db.Add(new TopicEvent(topic.DistrictId, topic.Id, action, from, to, note, by, at));

    private static Guid SecretaryOf(Body body)
        => (body.Members.FirstOrDefault(m => m.Position == MemberPosition.Secretary && m.UserId != null)
            ?? body.Members.First(m => m.UserId != null)).UserId!.Value;

    private static string DefaultPlace(CouncilKind kind) => kind switch
    {
        CouncilKind.TwoCommittee => "村（居）委会会议室",
        CouncilKind.Representatives => "党群服务中心二楼会议室",
        CouncilKind.PublicCouncil => "社区议事厅",
        _ => "党群服务中心",
    };

    private static string RoutineMinutes(CouncilKind kind, Random random) => kind switch
    {
        CouncilKind.TwoCommittee => new[]
        {
            "通报本周民情收集和办理情况，逐件研究超期诉求，明确责任人。",
            "研究近期防汛安全工作，安排网格员入户排查。",
            "通报上周议定事项落实情况，部署本周重点工作。",
        }[random.Next(3)],
        CouncilKind.Representatives => "听取上月决议事项落实进展和经费使用情况报告，代表提出意见建议，会议逐一作了答复。",
        _ => "议事团成员通报巡查发现的问题，现场能解决的当场协调，不能解决的提交社区办理。",
    };

    private static string ProgressNote(string task, int progress) => progress switch
    {
        100 => $"{task}已完成并通过验收。",
        >= 60 => $"{task}进展顺利，已完成大部分工作量。",
        _ => $"{task}已启动，完成前期准备。",
    };
}
