using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Deliberation.Domain;

/// <summary>
/// A share of a whole as an integer fraction: <c>part/whole ≥ n/d</c> (inclusive) or <c>&gt; n/d</c>.
/// Integer arithmetic only, so 2/3 of 9 is exactly 6.
/// </summary>
public readonly record struct Fraction(int Numerator, int Denominator, bool Inclusive)
{
    public bool IsValid => Denominator > 0 && Numerator > 0 && Numerator <= Denominator;

    public bool Reached(int part, int whole)
    {
        if (whole <= 0) return false;
        long left = (long)part * Denominator, right = (long)whole * Numerator;
        return Inclusive ? left >= right : left > right;
    }

    /// <summary>The smallest part that reaches the fraction of <paramref name="whole"/>.</summary>
    public int Minimum(int whole)
    {
        for (var part = 0; part <= whole; part++)
            if (Reached(part, whole)) return part;
        return whole + 1;
    }
}

/// <summary>Defaults of a kind of council, used when one is created (each can then be changed per council).</summary>
public sealed record CouncilDefaults(int AgendaLeadDays, int? MaxTopicsPerMeeting, bool DecidesVitalInterests, Recurrence Recurrence)
{
    public static CouncilDefaults For(CouncilKind kind) => kind switch
    {
        CouncilKind.TwoCommittee => new(1, null, false, Recurrence.Weekly(DayOfWeek.Monday, new TimeOnly(9, 0))),
        CouncilKind.Representatives => new(3, 2, true, Recurrence.Monthly(25, new TimeOnly(19, 30), null, MeetingForm.EveningTalk)),
        CouncilKind.PublicCouncil => new(2, null, false, Recurrence.DaysOfMonth([8, 18, 28], new TimeOnly(9, 30))),
        CouncilKind.GroupCouncil => new(2, null, false, Recurrence.Monthly(15, new TimeOnly(19, 0), null, MeetingForm.EveningTalk)),
        CouncilKind.JointPartyBuilding => new(5, null, false, Recurrence.Quarterly(0, 20, new TimeOnly(14, 30))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>议事团/议事会/两委会/代表会: a deliberating body in an area, with its rules and its regular meeting times.</summary>
public sealed class Council : IAreaPlaced, IVersioned
{
    public const int NameMaxLength = 60;
    public const int DefaultNoticeDays = 5;

    private Council() { }

    public Council(Guid districtId, Guid areaId, string areaPath, string name, CouncilKind kind, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        AreaId = areaId;
        AreaPath = areaPath;
        Name = name;
        Kind = kind;
        CreatedAt = now;
        var defaults = CouncilDefaults.For(kind);
        SetRules(new Fraction(2, 3, true), new Fraction(1, 2, false), defaults.AgendaLeadDays, defaults.MaxTopicsPerMeeting,
            defaults.DecidesVitalInterests, DefaultNoticeDays);
        Recurrence = defaults.Recurrence;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public string Name { get; set; } = "";
    public CouncilKind Kind { get; private set; }

    public int QuorumNumerator { get; private set; }
    public int QuorumDenominator { get; private set; }
    public bool QuorumInclusive { get; private set; }
    public int MajorityNumerator { get; private set; }
    public int MajorityDenominator { get; private set; }
    public bool MajorityInclusive { get; private set; }
    /// <summary>A regular meeting's agenda is published at least this many days before it starts.</summary>
    public int AgendaLeadDays { get; private set; }
    /// <summary>Null: no limit. The representatives meeting focuses on 1–2 topics.</summary>
    public int? MaxTopicsPerMeeting { get; private set; }
    /// <summary>Only a council that decides vital interests may resolve a topic touching residents' vital interests.</summary>
    public bool DecidesVitalInterests { get; private set; }
    /// <summary>How long a passed resolution stays under public notice.</summary>
    public int NoticeDays { get; private set; }
    public Recurrence Recurrence { get; private set; } = Recurrence.None;
    public bool Archived { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; set; }

    public Fraction Quorum => new(QuorumNumerator, QuorumDenominator, QuorumInclusive);
    public Fraction Majority => new(MajorityNumerator, MajorityDenominator, MajorityInclusive);

    /// <summary>法定人数: enough of the members are present.</summary>
    public bool IsQuorate(int members, int present) => present > 0 && Quorum.Reached(present, members);

    /// <summary>A motion passes with a majority of those present.</summary>
    public bool Passes(int present, int votesFor) => present > 0 && Majority.Reached(votesFor, present);

    public void SetRules(Fraction quorum, Fraction majority, int agendaLeadDays, int? maxTopicsPerMeeting, bool decidesVitalInterests, int noticeDays)
    {
        if (!quorum.IsValid) throw new InputInvalid("QuorumNumerator", "Council_FractionInvalid", typeof(DeliberationStrings));
        if (!majority.IsValid) throw new InputInvalid("MajorityNumerator", "Council_FractionInvalid", typeof(DeliberationStrings));
        if (agendaLeadDays is < 0 or > 60) throw new InputInvalid("AgendaLeadDays", "Council_LeadDaysInvalid", typeof(DeliberationStrings));
        if (maxTopicsPerMeeting is < 1 or > 50) throw new InputInvalid("MaxTopicsPerMeeting", "Council_MaxTopicsInvalid", typeof(DeliberationStrings));
        if (noticeDays is < 1 or > 60) throw new InputInvalid("NoticeDays", "Council_NoticeDaysInvalid", typeof(DeliberationStrings));
        QuorumNumerator = quorum.Numerator;
        QuorumDenominator = quorum.Denominator;
        QuorumInclusive = quorum.Inclusive;
        MajorityNumerator = majority.Numerator;
        MajorityDenominator = majority.Denominator;
        MajorityInclusive = majority.Inclusive;
        AgendaLeadDays = agendaLeadDays;
        MaxTopicsPerMeeting = maxTopicsPerMeeting;
        DecidesVitalInterests = decidesVitalInterests;
        NoticeDays = noticeDays;
    }

    /// <summary>The representatives meeting focuses on 1–2 topics: a meeting's agenda holds at most <see cref="MaxTopicsPerMeeting"/>.</summary>
    public void RequireRoomOnAgenda(int itemsAlready)
    {
        if (MaxTopicsPerMeeting is { } max && itemsAlready >= max)
            throw new RuleViolation("meeting.agenda_full", "Meeting_AgendaFull", "MeetingId", typeof(DeliberationStrings), 409, max);
    }

    public void SetRecurrence(Recurrence recurrence) => Recurrence = recurrence;

    public void Archive() => Archived = true;
}

/// <summary>
/// A membership of a council. History is kept: a membership is never deleted; a change ends the row
/// (<see cref="EndedOn"/> + reason) and a new one starts.
/// </summary>
public sealed class CouncilMember : ITenantOwned
{
    public const int NameMaxLength = 50;
    public const int ReasonMaxLength = 200;

    private CouncilMember() { }

    public CouncilMember(Guid districtId, Guid councilId, Guid? userId, Guid? residentId, string displayName, MemberPosition position,
        DateOnly? termStart, DateOnly? termEnd, DateOnly startedOn)
    {
        if (termStart is { } s && termEnd is { } e && e < s)
            throw new InputInvalid("TermEnd", "Member_TermEndBeforeStart", typeof(DeliberationStrings));
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        CouncilId = councilId;
        UserId = userId;
        ResidentId = residentId;
        DisplayName = displayName;
        Position = position;
        TermStart = termStart;
        TermEnd = termEnd;
        StartedOn = startedOn;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid CouncilId { get; private set; }
    /// <summary>The member's account: needed to vote or check in online.</summary>
    public Guid? UserId { get; private set; }
    public Guid? ResidentId { get; private set; }
    /// <summary>The name when the membership started (a snapshot).</summary>
    public string DisplayName { get; private set; } = "";
    public MemberPosition Position { get; private set; }
    public DateOnly? TermStart { get; private set; }
    public DateOnly? TermEnd { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }

    public bool IsActive => EndedOn is null;

    public void End(DateOnly on, string reason)
    {
        if (EndedOn is not null) throw new RuleViolation("member.already_ended", "Member_AlreadyEnded", null, typeof(DeliberationStrings));
        EndedOn = on < StartedOn ? StartedOn : on;
        EndReason = reason;
    }
}
