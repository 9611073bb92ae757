using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Deliberation.Domain;
using Yishi.Deliberation.Features.Access;
using Yishi.Deliberation.Features.Schedule;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Deliberation.Features.Councils;

public sealed record CreateCouncilInput(Guid? AreaId, [property: Required, MaxLength(Council.NameMaxLength)] string? Name, CouncilKind? Kind);

public sealed record CouncilRulesInput([property: Required, MaxLength(Council.NameMaxLength)] string? Name, int QuorumNumerator, int QuorumDenominator, bool QuorumInclusive,
    int MajorityNumerator, int MajorityDenominator, bool MajorityInclusive, int AgendaLeadDays, int? MaxTopicsPerMeeting,
    bool DecidesVitalInterests, int NoticeDays, int Version);

public sealed record RecurrenceInput(RecurrenceKind? Kind, int? Weekday, string? Days, int? MonthOffset, string? Time, [property: MaxLength(Recurrence.PlaceMaxLength)] string? Place, MeetingForm? Form, int Version);

public sealed record AddMemberInput(Guid? UserId, Guid? ResidentId, [property: MaxLength(CouncilMember.NameMaxLength)] string? DisplayName, MemberPosition? Position, string? TermStart, string? TermEnd);

public sealed record EndMemberInput([property: Required, MaxLength(CouncilMember.ReasonMaxLength)] string? Reason);

public sealed record RecurrenceView(RecurrenceKind Kind, int Weekday, string Days, int MonthOffset, string Time, string? Place, MeetingForm Form);

public sealed record CouncilView(Guid Id, Guid AreaId, string AreaPath, string AreaName, string Name, CouncilKind Kind,
    int QuorumNumerator, int QuorumDenominator, bool QuorumInclusive, int MajorityNumerator, int MajorityDenominator, bool MajorityInclusive,
    int AgendaLeadDays, int? MaxTopicsPerMeeting, bool DecidesVitalInterests, int NoticeDays, RecurrenceView Recurrence, int ActiveMembers, int Version)
{
    public static CouncilView From(Council c, string areaName, int activeMembers) => new(c.Id, c.AreaId, c.AreaPath, areaName, c.Name, c.Kind,
        c.QuorumNumerator, c.QuorumDenominator, c.QuorumInclusive, c.MajorityNumerator, c.MajorityDenominator, c.MajorityInclusive,
        c.AgendaLeadDays, c.MaxTopicsPerMeeting, c.DecidesVitalInterests, c.NoticeDays,
        new RecurrenceView(c.Recurrence.Kind, c.Recurrence.Weekday, c.Recurrence.Days, c.Recurrence.MonthOffset,
            c.Recurrence.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture), c.Recurrence.Place, c.Recurrence.Form),
        activeMembers, c.Version);
}

public sealed record MemberView(Guid Id, Guid? UserId, Guid? ResidentId, string DisplayName, MemberPosition Position, DateOnly? TermStart, DateOnly? TermEnd,
    DateOnly StartedOn, DateOnly? EndedOn, string? EndReason)
{
    public static MemberView From(CouncilMember m) => new(m.Id, m.UserId, m.ResidentId, m.DisplayName, m.Position, m.TermStart, m.TermEnd, m.StartedOn, m.EndedOn, m.EndReason);
}

public sealed record PersonOption(Guid UserId, string Name);

/// <summary>Councils in an area: create, rules, regular meeting times, and members (history kept).</summary>
public sealed class Councils(YishiDbContext db, AccessScope scope, DeliberationAccess access, Sequences sequences)
{
    public async Task<CouncilView> CreateAsync(CreateCouncilInput input, CancellationToken ct = default)
    {
        var areaId = input.AreaId ?? throw new InputInvalid("AreaId", "Field_Required");
        var name = Check.RequiredText(input.Name, "Name", Council.NameMaxLength);
        var kind = input.Kind is { } k && Enum.IsDefined(k) ? k : throw new InputInvalid("Kind", "Council_KindRequired", typeof(DeliberationStrings));
        var area = await db.Areas.FirstOrDefaultAsync(a => a.Id == areaId, ct) ?? throw new NotFound("area");
        await scope.RequireAsync(area.Path, DeliberationRoles.CanManage, "area", ct);
        if (area.Level == AreaLevel.District || area.IsRetired)
            throw new InputInvalid("AreaId", "Council_AreaLevel", typeof(DeliberationStrings));
        if (await db.Set<Council>().AnyAsync(c => c.AreaId == areaId && c.Name == name, ct))
            throw new RuleViolation("council.name_taken", "Council_NameTaken", "Name", typeof(DeliberationStrings));
        var council = new Council(area.DistrictId, area.Id, area.Path, name, kind, access.Now);
        db.Add(council);
        access.Audit.Record(council.DistrictId, "council.created", "council", council.Id, to: kind.ToString());
        await db.SaveChangesAsync(ct);
        return CouncilView.From(council, area.Name, 0);
    }

    public async Task<CouncilView> SetRulesAsync(Guid id, CouncilRulesInput input, CancellationToken ct = default)
    {
        var c = await access.CouncilForManageAsync(id, ct);
        Concurrency.Expect(c, input.Version);
        var name = Check.RequiredText(input.Name, "Name", Council.NameMaxLength);
        if (name != c.Name && await db.Set<Council>().AnyAsync(x => x.AreaId == c.AreaId && x.Name == name && x.Id != c.Id, ct))
            throw new RuleViolation("council.name_taken", "Council_NameTaken", "Name", typeof(DeliberationStrings));
        var before = Rules(c);
        c.Name = name;
        c.SetRules(new Fraction(input.QuorumNumerator, input.QuorumDenominator, input.QuorumInclusive),
            new Fraction(input.MajorityNumerator, input.MajorityDenominator, input.MajorityInclusive),
            input.AgendaLeadDays, input.MaxTopicsPerMeeting, input.DecidesVitalInterests, input.NoticeDays);
        access.Audit.Record(c.DistrictId, "council.rules_changed", "council", c.Id, before, Rules(c));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(c, ct);
    }

    private static string Rules(Council c) => string.Create(CultureInfo.InvariantCulture,
        $"quorum {c.QuorumNumerator}/{c.QuorumDenominator}{(c.QuorumInclusive ? "≥" : ">")}, majority {c.MajorityNumerator}/{c.MajorityDenominator}{(c.MajorityInclusive ? "≥" : ">")}, lead {c.AgendaLeadDays}d, max {c.MaxTopicsPerMeeting?.ToString(CultureInfo.InvariantCulture) ?? "-"}, vital {c.DecidesVitalInterests}, notice {c.NoticeDays}d");

    public async Task<CouncilView> SetRecurrenceAsync(Guid id, RecurrenceInput input, CancellationToken ct = default)
    {
        var c = await access.CouncilForManageAsync(id, ct);
        Concurrency.Expect(c, input.Version);
        var recurrence = ParseRecurrence(input);
        var before = c.Recurrence.Kind.ToString();
        c.SetRecurrence(recurrence);
        var pattern = $"{recurrence.Kind} {recurrence.Weekday} {recurrence.Days} +{recurrence.MonthOffset} {recurrence.TimeOfDay:HH\\:mm}";
        access.Audit.Record(c.DistrictId, "council.recurrence_changed", "council", c.Id, before, pattern);
        var replaced = await FollowNewPatternAsync(c, ct);
        await db.SaveChangesAsync(ct);
        // The cancelled meetings are replaced at once by the new pattern's (the schedule service would within minutes).
        if (replaced) await MeetingSchedule.GenerateAsync(db, sequences, c, access.Now, access.Now + DeliberationSchedule.Horizon, access.UserId, ct);
        return await ViewAsync(c, ct);
    }

    /// <summary>
    /// Generated meetings still without a published agenda follow the new pattern: those on a slot the new pattern no
    /// longer has are cancelled with a recorded reason (their topics go back to review); the new slots are generated after.
    /// Meetings with a published agenda are kept: residents were told, the secretary decides about them.
    /// </summary>
    private async Task<bool> FollowNewPatternAsync(Council c, CancellationToken ct)
    {
        var now = access.Now;
        var stale = await db.Set<Meeting>().Where(m => m.CouncilId == c.Id && m.SlotKey != null && m.Kind == MeetingKind.Regular
            && m.Status == MeetingStatus.Scheduled && m.StartsAt > now).ToListAsync(ct);
        if (stale.Count == 0) return false;
        var until = stale.Max(m => m.StartsAt).AddMinutes(1);
        var keep = c.Recurrence.Occurrences(now, until).Select(MeetingSchedule.SlotKey).ToHashSet();
        const string reason = "例会时间调整为新的规律，原定会议取消";
        var cancelled = stale.Where(m => !keep.Contains(m.SlotKey!)).ToList();
        foreach (var m in cancelled)
        {
            m.Cancel(reason, now);
            var topicIds = await db.Set<AgendaItem>().Where(a => a.MeetingId == m.Id).Select(a => a.TopicId).ToListAsync(ct);
            var topics = await db.Set<Topic>().Where(t => topicIds.Contains(t.Id) && t.Stage == TopicStage.Deliberation).ToListAsync(ct);
            foreach (var t in topics) access.Record(t, t.SendBack($"会议 {m.Number} 取消：{reason}", now));
            access.Audit.Record(m.DistrictId, "meeting.cancelled", "meeting", m.Id, MeetingStatus.Scheduled.ToString(), m.Status.ToString(), reason);
        }
        return cancelled.Count > 0;
    }

    internal static Recurrence ParseRecurrence(RecurrenceInput input)
    {
        var kind = input.Kind is { } k && Enum.IsDefined(k) ? k : throw new InputInvalid("RecurrenceKind", "Recurrence_KindInvalid", typeof(DeliberationStrings));
        if (!TimeOnly.TryParseExact(input.Time?.Trim() ?? "", ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            throw new InputInvalid("RecurrenceTime", "Recurrence_TimeInvalid", typeof(DeliberationStrings));
        var days = new List<int>();
        foreach (var part in (input.Days ?? "").Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
                throw new InputInvalid("RecurrenceDays", "Recurrence_DaysInvalid", typeof(DeliberationStrings));
            days.Add(day);
        }
        return Recurrence.Create(kind, input.Weekday ?? 1, days, input.MonthOffset ?? 0, time, input.Place, input.Form ?? MeetingForm.SitDown);
    }

    public async Task<MemberView> AddMemberAsync(Guid id, AddMemberInput input, CancellationToken ct = default)
    {
        var c = await access.CouncilForManageAsync(id, ct);
        var position = input.Position is { } p && Enum.IsDefined(p) ? p : throw new InputInvalid("Position", "Member_PositionRequired", typeof(DeliberationStrings));
        var termStart = ParseOptionalDay(input.TermStart, "TermStart");
        var termEnd = ParseOptionalDay(input.TermEnd, "TermEnd");
        string name;
        if (input.UserId is { } userId)
        {
            // A member with an account must be someone of this district who holds a role in the council's area or above it.
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.DistrictId == c.DistrictId && u.DeactivatedAt == null, ct)
                ?? throw new InputInvalid("UserId", "Member_UserUnknown", typeof(DeliberationStrings));
            if (!await CandidatesQuery(c).AnyAsync(r => r.UserId == userId, ct))
                throw new InputInvalid("UserId", "Member_UserOutsideArea", typeof(DeliberationStrings));
            if (await db.Set<CouncilMember>().AnyAsync(m => m.CouncilId == c.Id && m.UserId == userId && m.EndedOn == null, ct))
                throw new RuleViolation("member.already_member", "Member_AlreadyMember", "UserId", typeof(DeliberationStrings));
            name = Check.OptionalText(input.DisplayName, "DisplayName", CouncilMember.NameMaxLength) ?? user.DisplayName;
        }
        else
        {
            name = Check.RequiredText(input.DisplayName, "DisplayName", CouncilMember.NameMaxLength);
        }
        if (input.ResidentId is { } residentId && !await db.Residents.AnyAsync(r => r.Id == residentId, ct))
            throw new InputInvalid("ResidentId", "Member_ResidentUnknown", typeof(DeliberationStrings));
        var member = new CouncilMember(c.DistrictId, c.Id, input.UserId, input.ResidentId, name, position, termStart, termEnd, access.Today);
        db.Add(member);
        access.Audit.Record(c.DistrictId, "council.member_added", "council", c.Id, to: $"{member.Id} {position}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new RuleViolation("member.already_member", "Member_AlreadyMember", "UserId", typeof(DeliberationStrings));
        }
        return MemberView.From(member);
    }

    public async Task<MemberView> EndMemberAsync(Guid id, Guid memberId, EndMemberInput input, CancellationToken ct = default)
    {
        var c = await access.CouncilForManageAsync(id, ct);
        var reason = Check.RequiredText(input.Reason, "Reason", CouncilMember.ReasonMaxLength);
        var m = await db.Set<CouncilMember>().FirstOrDefaultAsync(x => x.Id == memberId && x.CouncilId == c.Id, ct) ?? throw new NotFound("member");
        m.End(access.Today, reason);
        access.Audit.Record(c.DistrictId, "council.member_ended", "council", c.Id, from: $"{m.Id} {m.Position}", note: Cap(reason));
        await db.SaveChangesAsync(ct);
        return MemberView.From(m);
    }

    private static string Cap(string s) => s.Length > 200 ? s[..200] : s;

    private static DateOnly? ParseOptionalDay(string? text, string field)
        => string.IsNullOrWhiteSpace(text) ? null
            : ChinaTime.ParseDay(text) ?? throw new InputInvalid(field, "Field_DateInvalid", typeof(DeliberationStrings));

    /// <summary>Role holders of the council's area, its subtree and the areas above it (not residents, not auditors).</summary>
    private IQueryable<Platform.Accounts.Domain.RoleAssignment> CandidatesQuery(Council c)
    {
        var segments = c.AreaPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var ancestors = Enumerable.Range(1, segments.Length).Select(i => "/" + string.Join('/', segments.Take(i)) + "/").ToList();
        return db.RoleAssignments.Where(r => r.RevokedAt == null && (r.AreaPath.StartsWith(c.AreaPath) || ancestors.Contains(r.AreaPath))
            && r.Role != Platform.Accounts.Domain.Role.Auditor && r.Role != Platform.Accounts.Domain.Role.SystemAdmin);
    }

    public async Task<IReadOnlyList<PersonOption>> CandidatesAsync(Council c, CancellationToken ct = default)
    {
        var ids = await CandidatesQuery(c).Select(r => r.UserId).Distinct().Take(500).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.DeactivatedAt == null).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(ct);
        return users.OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u => new PersonOption(u.Id, $"{u.DisplayName}（{u.UserName}）")).ToList();
    }

    public async Task<CouncilView> ViewAsync(Council c, CancellationToken ct = default)
    {
        var areaName = await db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        var members = await db.Set<CouncilMember>().CountAsync(m => m.CouncilId == c.Id && m.EndedOn == null, ct);
        return CouncilView.From(c, areaName, members);
    }

    public async Task<CouncilView> GetAsync(Guid id, CancellationToken ct = default) => await ViewAsync(await access.CouncilForViewAsync(id, ct), ct);

    public async Task<IReadOnlyList<MemberView>> MembersAsync(Guid id, bool history, CancellationToken ct = default)
    {
        var c = await access.CouncilForViewAsync(id, ct);
        var q = db.Set<CouncilMember>().AsNoTracking().Where(m => m.CouncilId == c.Id);
        if (!history) q = q.Where(m => m.EndedOn == null);
        var rows = await q.ToListAsync(ct);
        return rows.OrderBy(m => m.EndedOn is null ? 0 : 1).ThenBy(m => m.Position).ThenBy(m => m.StartedOn).ThenBy(m => m.Id).Select(MemberView.From).ToList();
    }

    /// <summary>Councils the caller can see (in scope) or belongs to.</summary>
    public async Task<IReadOnlyList<CouncilView>> ListAsync(CancellationToken ct = default)
    {
        if (!scope.IsSignedIn) throw new Forbidden();
        var paths = await scope.PathsWhereAsync(DeliberationRoles.CanView, ct);
        var me = scope.UserId;
        var mine = await db.Set<CouncilMember>().Where(m => m.UserId == me && m.EndedOn == null).Select(m => m.CouncilId).ToListAsync(ct);
        if (paths.Count == 0 && mine.Count == 0) throw new Forbidden();
        var councils = await db.Set<Council>().AsNoTracking().WithinAny(c => c.AreaPath, paths).Take(500).ToListAsync(ct);
        var extra = await db.Set<Council>().AsNoTracking().Where(c => mine.Contains(c.Id)).ToListAsync(ct);
        var all = councils.Concat(extra).DistinctBy(c => c.Id).ToList();
        var ids = all.Select(c => c.Id).ToList();
        var areaIds = all.Select(c => c.AreaId).Distinct().ToList();
        var names = await db.Areas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var counts = await db.Set<CouncilMember>().Where(m => ids.Contains(m.CouncilId) && m.EndedOn == null)
            .GroupBy(m => m.CouncilId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return all.OrderBy(c => c.AreaPath, StringComparer.Ordinal).ThenBy(c => c.Kind).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => CouncilView.From(c, names.GetValueOrDefault(c.AreaId, ""), counts.GetValueOrDefault(c.Id))).ToList();
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/deliberation/councils").WithTags("Deliberation");
        g.MapGet("", async (Councils h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct))).WithSummary("Councils in the caller's scope or of which the caller is a member");
        g.MapPost("", async (CreateCouncilInput input, Councils h, CancellationToken ct) =>
        {
            var c = await h.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/deliberation/councils/{c.Id}", c);
        }).WithSummary("Create a council in an area (community secretary of the area, district admin)");
        g.MapGet("/{id:guid}", async (Guid id, Councils h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct))).WithSummary("One council with its rules and recurrence");
        g.MapPut("/{id:guid}/rules", async (Guid id, CouncilRulesInput input, Councils h, CancellationToken ct) => TypedResults.Ok(await h.SetRulesAsync(id, input, ct)))
            .WithSummary("Name, quorum and majority (fractions), agenda lead days, topic limit, vital interests, notice days");
        g.MapPut("/{id:guid}/recurrence", async (Guid id, RecurrenceInput input, Councils h, CancellationToken ct) => TypedResults.Ok(await h.SetRecurrenceAsync(id, input, ct)))
            .WithSummary("When the council meets regularly: Weekly, Monthly, DaysOfMonth (\"8,18,28\"), Quarterly, HalfYearly or None");
        g.MapGet("/{id:guid}/members", async (Guid id, bool? history, Councils h, CancellationToken ct) => TypedResults.Ok(await h.MembersAsync(id, history ?? false, ct)))
            .WithSummary("Members (history=true: also ended memberships)");
        g.MapPost("/{id:guid}/members", async (Guid id, AddMemberInput input, Councils h, CancellationToken ct) =>
        {
            var m = await h.AddMemberAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/deliberation/councils/{id}/members", m);
        }).WithSummary("Add a member with a position and term");
        g.MapPost("/{id:guid}/members/{memberId:guid}/end", async (Guid id, Guid memberId, EndMemberInput input, Councils h, CancellationToken ct)
            => TypedResults.Ok(await h.EndMemberAsync(id, memberId, input, ct))).WithSummary("End a membership with a reason (it stays in the history)");
    }
}
