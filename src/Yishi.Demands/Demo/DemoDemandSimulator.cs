using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Audit;

namespace Yishi.Demands.Demo;

/// <summary>Someone on a demo timeline: an account (id and user name, as the audit trail records it) or the system.</summary>
internal sealed record DemoActor(Guid? Id, string Name);

internal sealed class DemoGroup(Area area, int number, string shortName)
{
    public Area Area { get; } = area;
    public int Number { get; } = number;
    /// <summary>"三组" in a village, "第三网格" in a town.</summary>
    public string Short { get; } = shortName;
    public List<(string HouseNumber, string? Phone)> Homes { get; } = [];
    public DemoActor? Grid { get; set; }
    public DemoActor? Chief { get; set; }
    public DemoActor? Organiser { get; set; }
}

internal sealed class DemoCommunity(Area area, Area street, string slug, bool village)
{
    public Area Area { get; } = area;
    public Area Street { get; } = street;
    public string Slug { get; } = slug;
    public bool Village { get; } = village;
    /// <summary>The name without 社区/村: 文华, 石门.</summary>
    public string Base => Area.Name.EndsWith("社区", StringComparison.Ordinal) ? Area.Name[..^2] : Area.Name.TrimEnd('村');
    public List<DemoGroup> Groups { get; } = [];
    public DemoActor Secretary { get; set; } = null!;
    public List<DemoActor> Committee { get; } = [];
    public List<DemoActor> Council { get; } = [];
    public DemoActor StreetOfficer { get; set; } = null!;
    public DemoActor? WorkGroup { get; set; }
    public int Households => Groups.Sum(g => g.Homes.Count);
}

internal sealed record DemoUnit(HandlingUnit Unit, string Slug, IReadOnlyList<DemoActor> Officers);

/// <summary>A common issue of the demo: its title, lead and members; the entity exists from the first merge on.</summary>
internal sealed class DemoIssue(string title, DemoStory lead, IReadOnlyList<DemoStory> members)
{
    public string Title { get; } = title;
    public DemoStory Lead { get; } = lead;
    public IReadOnlyList<DemoStory> Members { get; } = members;
    public CommonIssue? Entity { get; set; }
}

/// <summary>One demand's life: the aggregate, its timeline, and what is in store for it (decided when it is created).</summary>
internal sealed class DemoStory(Demand demand, DemoDemandTemplate template, DemoCommunity community, DemoGroup? group, string at, DemoActor? reporter)
{
    public Demand D { get; } = demand;
    public DemoDemandTemplate T { get; } = template;
    public DemoCommunity C { get; } = community;
    public DemoGroup? G { get; } = group;
    /// <summary>The place as the text names it ("5栋2单元", "文华路").</summary>
    public string At { get; } = at;
    public DemoActor? Reporter { get; } = reporter;
    public List<AuditEntry> Log { get; } = [];
    public Dictionary<(TimerKind Kind, DateTime Due), DateTime> Fired { get; } = [];
    public DateTime Clock { get; set; }
    public DemoIssue? Issue { get; set; }

    // Fate, decided at creation.
    public bool Dismiss { get; set; }
    public bool Deliberate { get; set; }
    public bool LongRunning { get; set; }
    public bool Convert { get; set; }
    public bool WillRate { get; set; }
    public bool Dissatisfy { get; set; }
    public bool ReviewFail { get; set; }
    public bool CloseUnreviewed { get; set; }
    public bool NeverReviewed { get; set; }
    public bool LateAck { get; set; }
    public bool LateHandle { get; set; }
    public bool WrongUnit { get; set; }
    /// <summary>Reopened after a dissatisfied rating, and then hard to fix (major works): handled months later, if at all yet.</summary>
    public bool StuckAfterReopen { get; set; }
    public int N { get; set; } = 3;

    // State of the simulation.
    public bool Converted { get; set; }
    public bool AfterResolution { get; set; }
    public bool RatePending { get; set; }
    public int Rounds { get; set; }
    public DemoActor? Assignee { get; set; }
    public (DateTime At, Action Apply)? Next { get; set; }
    public bool Planned { get; set; }

    public bool IsLead => Issue is { } i && i.Lead == this;
}

/// <summary>
/// Lives demo demands through the real aggregate (<see cref="Demand"/>): every change goes through its
/// methods and transition table, and is written to the timeline exactly as <see cref="DemandWorkflow"/>
/// writes it (same actions, from/to, notes). The deadline sweep is simulated too: a due time that passes
/// before the next step fires (auto-escalation one rung up, or an "overdue" note at the top), as the
/// real <see cref="Features.Deadlines.DeadlineSweep"/> would have done while the district was running.
/// </summary>
internal sealed class DemoDemandSimulator(Guid districtId, DateTime now, DeadlinePolicy policy, DemandSettings settings, Random random, IReadOnlyDictionary<string, DemoUnit> units)
{
    private static readonly DemoActor Deadline = new(null, "deadline");
    private static readonly DemoActor Anonymous = new(null, "system");

    private static readonly string[] StreetReasons =
    [
        "需多部门联合处置，超出社区职权，报请街道协调。",
        "涉及资金和施工，社区无力解决，提请街道统筹。",
        "涉及市政设施，超出社区职权，报请街道协调办理。",
    ];

    private static readonly string[] AssignNotes = ["请于期限内办结并反馈。", "请现场查看后制定处置方案。", "请联系当事人了解详细情况。"];

    public DateTime Now => now;

    public double R() => random.NextDouble();

    public TimeSpan Hours(double from, double to) => TimeSpan.FromHours(from + (R() * (to - from)));

    public TimeSpan Days(double from, double to) => TimeSpan.FromDays(from + (R() * (to - from)));

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static string Fill(string text, string at, string? group, int n) => text.Replace("{at}", at, StringComparison.Ordinal)
        .Replace("{grp}", group ?? "", StringComparison.Ordinal)
        .Replace("{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static string Fill(DemoStory s, string text) => Fill(text, s.At, s.G?.Short, s.N);

    /// <summary>Officials act in working hours (8:00–20:00 China time) unless the matter is urgent.</summary>
    public DateTime Official(DateTime t, bool urgent)
    {
        if (urgent) return t;
        var local = t.AddHours(8);
        var hour = local.TimeOfDay.TotalHours;
        if (hour < 8) return t.AddHours(8 - hour + (R() * 1.5));
        if (hour >= 20) return t.AddHours(24 - hour + 8 + (R() * 1.5));
        return t;
    }

    /// <summary>Councils meet on the 8th, 18th and 28th (evening talks at 19:30 China time).</summary>
    private static DateTime CouncilDay(DateTime t)
    {
        var local = t.AddHours(8);
        for (var d = 0; ; d++)
        {
            var day = local.Date.AddDays(d);
            var meeting = day.AddHours(19.5);
            if (day.Day is 8 or 18 or 28 && meeting > local) return DateTime.SpecifyKind(meeting.AddHours(-8), DateTimeKind.Utc);
        }
    }

    private (TimeSpan Acknowledge, TimeSpan Resolve) Due(Demand d) => policy.For(d.Ownership, d.Urgent);

    public void Submitted(DemoStory s, DemoActor? submitter)
    {
        var d = s.D;
        d.AcknowledgeDueAt = d.CreatedAt + Due(d).Acknowledge;
        d.SyncDue();
        Log(s, d.CreatedAt, submitter ?? Anonymous, "demand.submitted", null, null, $"{d.Channel}{(d.Urgent ? " urgent" : "")}");
        s.Clock = d.CreatedAt;
    }

    private void Log(DemoStory s, DateTime at, DemoActor actor, string action, string? from, string? to, string? note)
    {
        s.Log.Add(new AuditEntry(districtId, at, actor.Id, actor.Name, action, "demand", s.D.Id, from, to, DemandWorkflow.Cap(note)));
        s.Clock = at > s.Clock ? at : s.Clock;
        s.Planned = false;
        s.Next = null;
    }

    private void Record(DemoStory s, DateTime at, DemoActor actor, DemandChange change, string? extra = null)
    {
        var d = s.D;
        Log(s, at, actor, "demand." + DemandWorkflow.Action(change.Action), $"{change.From}@{change.FromLevel}", $"{change.To}@{d.Level}", DemandWorkflow.Join(change.Note, extra));
        d.SyncDue();
        d.Version++;
    }

    /// <summary>Runs stories that affect each other (a common issue) in time order until now; a single story alone.</summary>
    public void Run(IReadOnlyList<DemoStory> stories)
    {
        while (true)
        {
            DemoStory? best = null;
            var bestAt = DateTime.MaxValue;
            (TimerKind Kind, DateTime Due)? bestFire = null;
            foreach (var s in stories)
            {
                if (!s.Planned)
                {
                    s.Next = Plan(s);
                    s.Planned = true;
                }
                var stepAt = s.Next?.At ?? DateTime.MaxValue;
                var horizon = stepAt < now ? stepAt : now;
                if (Overdue(s, horizon) is { } fire)
                {
                    if (fire.Due < bestAt) (best, bestAt, bestFire) = (s, fire.Due, fire);
                }
                else if (stepAt <= now && stepAt < bestAt)
                {
                    (best, bestAt, bestFire) = (s, stepAt, null);
                }
            }
            if (best is null) return;
            if (bestFire is { } f)
            {
                Fire(best, f.Kind, f.Due);
            }
            else
            {
                var apply = best.Next!.Value.Apply;
                best.Clock = bestAt;
                best.Planned = false;
                best.Next = null;
                apply();
            }
        }
    }

    private static (TimerKind Kind, DateTime Due)? Overdue(DemoStory s, DateTime horizon)
    {
        var d = s.D;
        var (kind, due) = d.Status switch
        {
            DemandStatus.Submitted => (TimerKind.Acknowledge, d.AcknowledgeDueAt),
            DemandStatus.InProgress or DemandStatus.Guidance => (TimerKind.Resolve, d.ResolveDueAt),
            _ => (TimerKind.Acknowledge, null),
        };
        return due is { } at && at <= horizon && !s.Fired.ContainsKey((kind, at)) ? (kind, at) : null;
    }

    /// <summary>What <see cref="Features.Deadlines.DeadlineSweep"/> does when the timer fires (it runs every 30 seconds).</summary>
    private void Fire(DemoStory s, TimerKind kind, DateTime due)
    {
        var d = s.D;
        var at = due + TimeSpan.FromSeconds(R() * 30);
        if (at > now) at = now;
        s.Fired[(kind, due)] = at;
        var canClimb = Demand.Above(d.Level) is { } next && (next != HandlingLevel.Department || d.UnitId is not null) && d.Status != DemandStatus.Guidance;
        if (canClimb)
        {
            var reason = kind == TimerKind.Acknowledge ? "超时未受理，自动上报" : "超期未办结，自动上报";
            var change = d.Escalate(reason, d.UnitId, at, at, automatic: true);
            d.AcknowledgeDueAt = at + Due(d).Acknowledge;
            Record(s, at, Deadline, change, kind.ToString());
            s.Assignee = null;
        }
        else
        {
            Log(s, at, Deadline, "demand.overdue", null, null, kind.ToString());
        }
    }

    private (DateTime At, Action Apply)? Plan(DemoStory s)
    {
        var d = s.D;
        var inIssue = d.CommonIssueId is not null && !s.IsLead;
        switch (d.Status)
        {
            case DemandStatus.Submitted when !inIssue:
                {
                    var delay = d.Urgent ? Hours(0.1, 1.5) : Hours(0.3, 14);
                    if (s.LateAck)
                    {
                        s.LateAck = false;
                        delay = d.Urgent ? Hours(2.2, 5) : Hours(25, 40);
                    }
                    var at = Official(s.Clock + delay, d.Urgent);
                    return (at, () => Acknowledge(s, at));
                }
            case DemandStatus.InProgress when !inIssue:
                {
                    var at = Official(s.Clock + HandleDelay(s), d.Urgent);
                    return (at, () => Handle(s, at));
                }
            case DemandStatus.Guidance:
                {
                    var at = Official(s.Clock + Days(1, 6), false);
                    return s.Convert && !s.Converted ? (at, () => ConvertToCommunity(s, at)) : (at, () => FollowUp(s, at));
                }
            case DemandStatus.AwaitingDeliberation:
                {
                    var at = CouncilDay(s.Clock + Days(1, 5) + (s.LongRunning ? Days(60, 240) : TimeSpan.Zero));
                    return (at, () => Resolution(s, at));
                }
            case DemandStatus.Handled:
                {
                    if (s.RatePending)
                    {
                        var rateAt = s.Clock + Days(0.05, 4.5);
                        return (rateAt, () => Rate(s, rateAt));
                    }
                    if (inIssue || s.NeverReviewed) return null;
                    var after = d.HandledAt!.Value + TimeSpan.FromDays(settings.ReviewAfterDays);
                    var at = Official((after > s.Clock ? after : s.Clock) + Days(0, 12), false);
                    return (at, () => Review(s, at));
                }
            default:
                return null;
        }
    }

    private TimeSpan HandleDelay(DemoStory s)
    {
        var d = s.D;
        if (s.LateHandle && d.ResolveDueAt is { } due && due > s.Clock)
        {
            s.LateHandle = false;
            return due - s.Clock + Days(0.5, 8);
        }
        if (s.StuckAfterReopen && d.ReopenCount > 0) return Days(30, 200);
        if (s.LongRunning && d.Level == HandlingLevel.Department) return Days(60, 400);
        if (s.AfterResolution) return Days(2, 6);
        if (d.Urgent) return Hours(2, 20);
        return d.Ownership == Ownership.Government ? Days(1, 12) : Days(0.3, 5);
    }

    public DemoActor CommunityActor(DemoStory s) => R() < 0.45 ? s.C.Secretary : Pick(s.C.Committee);

    private DemoActor CommunityAssignee(DemoStory s) => s.G?.Grid is { } grid && R() < 0.4 ? grid : Pick(s.C.Committee);

    /// <summary>Who acts for the demand's current rung (the assignee when they may, e.g. not a grid worker at community level).</summary>
    private DemoActor LevelActor(DemoStory s) => s.D.Level switch
    {
        HandlingLevel.Council => Pick(s.C.Council),
        HandlingLevel.Community => s.Assignee is { } a && (a == s.C.Secretary || s.C.Committee.Contains(a)) ? a : s.C.Secretary,
        HandlingLevel.Street => s.C.StreetOfficer,
        _ => UnitOf(s.D) is { } unit ? (s.Assignee is { } a && unit.Officers.Contains(a) ? a : Pick(unit.Officers)) : s.C.StreetOfficer,
    };

    private DemoUnit? UnitOf(Demand d) => d.UnitId is { } id ? units.Values.FirstOrDefault(u => u.Unit.Id == id) : null;

    private Ownership OwnershipOf(DemoStory s) => s.Converted ? Ownership.Community : s.T.Ownership;

    /// <summary>The current rung acknowledges the demand: triage and route, escalation, referral or dismissal.</summary>
    private void Acknowledge(DemoStory s, DateTime at)
    {
        var d = s.D;
        var t = s.T;
        var own = OwnershipOf(s);
        // HandleOnSpot keeps an earlier rating (unlike Handle), so a reopened demand is never handled "on the spot" again.
        var onSpot = d.RatedAt is null ? 1.0 : 0.0;
        switch (d.Level)
        {
            case HandlingLevel.Council:
                {
                    var actor = Pick(s.C.Council);
                    if (own == Ownership.Community && R() < 0.55 * onSpot) OnSpot(s, at, actor, own);
                    else Escalate(s, at, actor, "议事团协调未果，提交社区两委研究办理。", null);
                    break;
                }
            case HandlingLevel.Community:
                {
                    var actor = CommunityActor(s);
                    if (s.Dismiss)
                    {
                        Record(s, at, actor, d.Dismiss(Pick(DemoDemandTemplates.Dismiss), at));
                    }
                    else if (own == Ownership.Personal)
                    {
                        if (R() < 0.15 * onSpot) OnSpot(s, at, actor, own);
                        else Guide(s, at, actor);
                    }
                    else if (own == Ownership.Community)
                    {
                        if (s.Deliberate && t.Deliberable && !s.Converted) Deliberate(s, at, actor, own);
                        else if (!s.Converted && R() < 0.05) Escalate(s, at, actor, Pick(StreetReasons), null);
                        else if (R() < (t.OnSpot ? 0.55 : 0.2) * onSpot) OnSpot(s, at, actor, own);
                        else Assign(s, at, actor, own, CommunityAssignee(s), null, R() < 0.5 ? Pick(AssignNotes) : null);
                    }
                    else if (t.OnSpot && R() < 0.8 * onSpot)
                    {
                        OnSpot(s, at, actor, own);
                    }
                    else if (R() < 0.1)
                    {
                        Assign(s, at, actor, own, Pick(s.C.Committee), null, "社区牵头协调相关单位办理。");
                    }
                    else
                    {
                        Escalate(s, at, actor, Pick(StreetReasons), null);
                    }
                    break;
                }
            case HandlingLevel.Street:
                {
                    var actor = s.C.StreetOfficer;
                    if (own == Ownership.Government && t.Unit is { } slug && R() < 0.7)
                    {
                        var unit = s.WrongUnit ? Pick(units.Values.Where(u => u.Slug != slug).OrderBy(u => u.Slug, StringComparer.Ordinal).ToList()) : units[slug];
                        Escalate(s, at, actor, $"属{unit.Unit.Name}职责，提请{unit.Unit.Name}办理。", unit);
                    }
                    else
                    {
                        Assign(s, at, actor, own, actor, null, "街道牵头协调办理。");
                    }
                    break;
                }
            default:
                {
                    var unit = UnitOf(d)!;
                    var actor = Pick(unit.Officers);
                    if (t.Unit is { } right && right != unit.Slug)
                    {
                        var target = units[right];
                        Record(s, at, actor, d.Refer(target.Unit.Id, $"经核实不属本部门职责，应由{target.Unit.Name}办理。", at + Due(d).Acknowledge, at));
                    }
                    else
                    {
                        Assign(s, at, actor, own, actor, unit, null);
                    }
                    break;
                }
        }
    }

    /// <summary>
    /// 十必议: matters sent to deliberation carry their must-deliberate category; a few others are marked too, and
    /// the secretary records why they need no resolution (otherwise they could not be handled).
    /// </summary>
    private string Classify(DemoStory s, Ownership ownership, bool deliberate = false, DateTime? at = null)
    {
        var d = s.D;
        var category = s.T.Content;
        MustDeliberateCategory? must = deliberate ? s.T.MustDeliberate ?? MustDeliberateCategory.ResidentInterests
            : R() < 0.12 ? s.T.MustDeliberate : null;
        // Re-triage keeps a recorded must-deliberate category: removing it is the secretary's recorded decision (十必议).
        must = d.MustDeliberate ?? must;
        d.Classify(ownership, d.Urgent, category, must);
        if (d.AwaitsDeliberationOrExemption && !deliberate && at is { } when)
        {
            // Logged as a note (no from/to): it shares its instant with the triage step that follows.
            var change = d.ExemptFromDeliberation(Pick(DemoDemandTemplates.Exemptions), when);
            Log(s, when, s.C.Secretary, "demand." + DemandWorkflow.Action(change.Action), null, null, change.Note);
        }
        return $"{ownership}/{category}/{must}{(d.Urgent ? "/urgent" : "")}";
    }

    private void OnSpot(DemoStory s, DateTime at, DemoActor actor, Ownership ownership)
    {
        var classification = Classify(s, ownership, at: at);
        var reply = ownership == Ownership.Personal ? "已安排志愿者上门帮办：" + Fill(s, Pick(s.T.Replies)) : Fill(s, Pick(s.T.Replies));
        Record(s, at, actor, s.D.HandleOnSpot(reply, at), classification);
        Handled(s, at, actor);
    }

    public void Assign(DemoStory s, DateTime at, DemoActor actor, Ownership ownership, DemoActor assignee, DemoUnit? unit, string? note)
    {
        var classification = Classify(s, ownership, at: at);
        var d = s.D;
        Record(s, at, actor, d.Assign(assignee.Id, unit?.Unit.Id, at + Due(d).Resolve, at, note), classification);
        s.Assignee = assignee;
    }

    private void Guide(DemoStory s, DateTime at, DemoActor actor)
    {
        var classification = Classify(s, Ownership.Personal, at: at);
        var d = s.D;
        Record(s, at, actor, d.Guide(Fill(s, Pick(s.T.Replies)), at + Due(d).Resolve, at), classification);
        s.Assignee = actor;
    }

    private void Deliberate(DemoStory s, DateTime at, DemoActor actor, Ownership ownership)
    {
        var classification = Classify(s, ownership, deliberate: true);
        Record(s, at, actor, s.D.SendToDeliberation("涉及居民共同利益，提交议事会协商决定。", at), classification);
    }

    public void Escalate(DemoStory s, DateTime at, DemoActor actor, string reason, DemoUnit? unit)
    {
        var d = s.D;
        var from = d.Level;
        Record(s, at, actor, d.Escalate(reason, unit?.Unit.Id, at + Due(d).Acknowledge, at), $"{from}→{d.Level}");
        s.Assignee = null;
    }

    private void ConvertToCommunity(DemoStory s, DateTime at)
    {
        var d = s.D;
        var change = d.Convert(Ownership.Community, "居民按指引自行处理后仍有困难，转为社区事务办理。", at, at);
        d.AcknowledgeDueAt = at + Due(d).Acknowledge;
        Record(s, at, CommunityActor(s), change, nameof(Ownership.Community));
        s.Converted = true;
    }

    private void FollowUp(DemoStory s, DateTime at)
    {
        var actor = LevelActor(s);
        Record(s, at, actor, s.D.Handle(Pick(DemoDemandTemplates.FollowUp), at));
        Handled(s, at, actor);
    }

    private void Resolution(DemoStory s, DateTime at)
    {
        var d = s.D;
        var summary = s.T.Resolution ?? "议事会协商决议：由社区牵头按议定方案实施，进展在公示栏公开。";
        Record(s, at, s.C.Council[0], d.RecordResolution(summary, at + Due(d).Resolve, at));
        s.AfterResolution = true;
        s.Assignee ??= Pick(s.C.Committee);
    }

    public void Handle(DemoStory s, DateTime at, string? reply = null)
    {
        var actor = LevelActor(s);
        reply ??= s.D.ReopenCount > 0 ? "针对群众意见重新办理：" + Fill(s, Pick(s.T.Replies)) : Fill(s, Pick(s.T.Replies));
        Record(s, at, actor, s.D.Handle(reply, at));
        Handled(s, at, actor);
    }

    /// <summary>After handling: the reporter may rate; members of a common issue led by this demand follow it.</summary>
    private void Handled(DemoStory s, DateTime at, DemoActor actor)
    {
        s.RatePending = s.D.RatedAt is null && (s.Rounds == 0 ? s.WillRate : R() < 0.75);
        s.Rounds++;
        if (s.IsLead) Follow(s, at, actor);
    }

    private void Follow(DemoStory lead, DateTime at, DemoActor actor)
    {
        var handled = lead.D.Status == DemandStatus.Handled;
        foreach (var m in lead.Issue!.Members)
        {
            if (m.D.CommonIssueId != lead.D.CommonIssueId) continue;
            var follows = handled
                ? m.D.Status is DemandStatus.Submitted or DemandStatus.InProgress or DemandStatus.Guidance or DemandStatus.AwaitingDeliberation
                : m.D.Status == DemandStatus.Handled;
            if (!follows) continue;
            var change = m.D.FollowLead(lead.D, at);
            Log(m, at, actor, "demand.followed_common_issue", $"{change.From}@{change.FromLevel}", $"{change.To}@{m.D.Level}", DemandWorkflow.Cap(change.Note));
            m.D.SyncDue();
            m.D.Version++;
            if (handled)
            {
                m.RatePending = m.WillRate;
                m.Rounds++;
            }
        }
    }

    private void Rate(DemoStory s, DateTime at)
    {
        var d = s.D;
        var dissatisfied = s.Dissatisfy && d.ReopenCount == 0;
        var satisfaction = dissatisfied ? Satisfaction.Dissatisfied : R() < 0.72 ? Satisfaction.Satisfied : Satisfaction.BasicallySatisfied;
        var comment = dissatisfied ? Pick(DemoDemandTemplates.Dissatisfied) : R() < 0.25 ? Pick(DemoDemandTemplates.Praise) : null;
        var isMember = d.CommonIssueId is not null && !s.IsLead;
        var change = d.Rate(satisfaction, comment, at, TimeSpan.FromDays(settings.RatingWindowDays), at + Due(d).Resolve);
        if (isMember && dissatisfied) d.LeaveCommonIssue();
        Record(s, at, s.Reporter ?? Anonymous, change, satisfaction.ToString());
        s.RatePending = false;
    }

    private void Review(DemoStory s, DateTime at)
    {
        var d = s.D;
        var actor = R() < 0.6 ? Pick(s.C.Council) : s.C.Secretary;
        if (s.ReviewFail)
        {
            s.ReviewFail = false;
            Record(s, at, actor, d.Review(true, false, Pick(DemoDemandTemplates.ReviewFailed), at, at + Due(d).Resolve), Features.Review.ReviewDemand.ReviewNote(true, false));
        }
        else if (s.CloseUnreviewed)
        {
            Record(s, at, s.C.Secretary, d.CloseWithoutReview(Pick(DemoDemandTemplates.CloseWithoutReview), at));
        }
        else
        {
            Record(s, at, actor, d.Review(true, true, Pick(DemoDemandTemplates.ReviewPassed), at, at + Due(d).Resolve), Features.Review.ReviewDemand.ReviewNote(true, true));
        }
        if (s.IsLead && d.Status == DemandStatus.Closed) Follow(s, at, actor);
    }

    /// <summary>共性问题: the member is triaged like its lead and merged under it (the first merge creates the issue).</summary>
    public void Merge(DemoIssue issue, DemoStory member, DateTime at, DemoActor actor)
    {
        var lead = issue.Lead;
        var title = issue.Title;
        if (issue.Entity is null)
        {
            issue.Entity = new CommonIssue(districtId, lead.D.AreaId, lead.D.AreaPath, title, lead.D.Id, at, actor.Id);
            lead.D.JoinCommonIssue(issue.Entity.Id);
            Log(lead, at, actor, "demand.merged", null, issue.Entity.Id.ToString(), $"牵头：{title}");
            lead.D.Version++;
        }
        member.D.JoinCommonIssue(issue.Entity.Id);
        Log(member, at, actor, "demand.merged", null, issue.Entity.Id.ToString(), $"并入 {lead.D.TrackingCode}：{title}");
        member.D.Version++;
    }

    /// <summary>The timers the workflow armed for the due times in force now; those that passed have fired.</summary>
    public IEnumerable<DemandTimer> Timers(DemoStory s)
    {
        var d = s.D;
        if (!d.IsOpen) yield break;
        foreach (var (kind, due) in new[] { (TimerKind.Acknowledge, d.AcknowledgeDueAt), (TimerKind.Resolve, d.ResolveDueAt) })
        {
            if (due is not { } at) continue;
            var timer = new DemandTimer(districtId, d.Id, kind, at);
            if (s.Fired.TryGetValue((kind, at), out var firedAt)) timer.Fire(firedAt);
            else if (at <= now) timer.Fire(at);
            yield return timer;
        }
    }
}
