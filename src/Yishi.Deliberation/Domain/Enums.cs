namespace Yishi.Deliberation.Domain;

/// <summary>议事团/议事会/两委会/代表会: the kinds of deliberating body.</summary>
public enum CouncilKind
{
    /// <summary>两委会: the weekly Party branch + residents'/villagers' committee meeting.</summary>
    TwoCommittee = 0,
    /// <summary>党员群众代表会议: the monthly party-member and resident-representative meeting; decides vital interests.</summary>
    Representatives = 1,
    /// <summary>大众议事团: the public deliberation council (8th, 18th, 28th).</summary>
    PublicCouncil = 2,
    /// <summary>组议事会: the villager-group deliberation council.</summary>
    GroupCouncil = 3,
    /// <summary>联席会议: the joint Party-building meeting (quarterly / half-yearly).</summary>
    JointPartyBuilding = 4,
}

public enum MemberPosition
{
    Chair = 0,
    Secretary = 1,
    Member = 2,
}

public enum MeetingKind
{
    Regular = 0,
    /// <summary>急事快议: called at any time for urgent topics; the agenda lead time is waived.</summary>
    Emergency = 1,
}

public enum MeetingForm
{
    /// <summary>座谈会.</summary>
    SitDown = 0,
    /// <summary>夜谈会.</summary>
    EveningTalk = 1,
    /// <summary>现场会.</summary>
    OnSite = 2,
}

public enum MeetingStatus
{
    Scheduled = 0,
    AgendaPublished = 1,
    InSession = 2,
    /// <summary>The session ended.</summary>
    Adjourned = 3,
    Cancelled = 4,
}

public enum MinutesStatus
{
    None = 0,
    Draft = 1,
    Approved = 2,
}

public enum CheckInMethod
{
    /// <summary>Signed in by the secretary.</summary>
    Secretary = 0,
    /// <summary>The member scanned the meeting's QR code.</summary>
    QrCode = 1,
}

public enum TopicOrigin
{
    /// <summary>Made from one or more demands awaiting deliberation.</summary>
    Demand = 0,
    /// <summary>Raised by a member of the council or a committee member.</summary>
    Member = 1,
    /// <summary>Raised by residents of the area.</summary>
    Residents = 2,
    /// <summary>Handed down from a higher level (policy to implement).</summary>
    TopDown = 3,
}

/// <summary>The four-step procedure (提议、评议、审议、决议) followed by notice, implementation and follow-up review.</summary>
public enum TopicStage
{
    /// <summary>提议.</summary>
    Proposal = 0,
    /// <summary>评议: members and residents comment for a period.</summary>
    Review = 1,
    /// <summary>审议: on a meeting agenda.</summary>
    Deliberation = 2,
    /// <summary>决议 passed, under public notice (公示).</summary>
    Notice = 3,
    /// <summary>落实.</summary>
    Implementation = 4,
    /// <summary>回头议.</summary>
    FollowUp = 5,
    /// <summary>销号.</summary>
    Closed = 6,
    Rejected = 7,
}

/// <summary>Every way a topic's stage can change; <see cref="TopicTransitions"/> says from where each is allowed.</summary>
public enum TopicAction
{
    Accept,
    SendBack,
    Reject,
    PlaceOnAgenda,
    ResolvePassed,
    ResolveFailed,
    /// <summary>The vote failed, but the matter goes back to review to be reworked.</summary>
    ResolveFailedToReview,
    NoticeEnded,
    ObjectionUpheld,
    TasksDone,
    ReviewPassed,
    ReviewFailed,
    /// <summary>A council that does not decide vital interests discussed the topic and forwards it to the representatives meeting.</summary>
    ForwardToRepresentatives,
}

public enum Stance
{
    Support = 0,
    Oppose = 1,
    Neutral = 2,
}

public enum VoteChoice
{
    For = 0,
    Against = 1,
    Abstain = 2,
}

public enum ResolutionStatus
{
    /// <summary>公示中.</summary>
    UnderNotice = 0,
    Effective = 1,
    Withdrawn = 2,
    /// <summary>The vote did not pass: the record of the vote is kept, nothing takes effect.</summary>
    NotPassed = 3,
}

public enum ImplementationTaskStatus
{
    Open = 0,
    Done = 1,
}

/// <summary>五大议事内容 (practice 3).</summary>
public enum TopicContentCategory
{
    Development = 0,
    Law = 1,
    Morality = 2,
    SocialEthos = 3,
    Harmony = 4,
}

/// <summary>十必议 (practice 5).</summary>
public enum TopicMustDeliberate
{
    Policy = 0,
    ResidentInterests = 1,
    PublicFacilities = 2,
    Environment = 3,
    PublicSecurity = 4,
    DailyManagement = 5,
    SocialStability = 6,
    NeighbourDisputes = 7,
    ResidentDemands = 8,
    Livelihood = 9,
}

public enum RecurrenceKind
{
    None = 0,
    /// <summary>Every week on <see cref="Recurrence.Weekday"/>.</summary>
    Weekly = 1,
    /// <summary>Every month on one day, clamped to the month's last day.</summary>
    Monthly = 2,
    /// <summary>Every month on a list of days (e.g. 8, 18, 28); days beyond the month's end are skipped.</summary>
    DaysOfMonth = 3,
    /// <summary>Every quarter, in the quarter's month <see cref="Recurrence.MonthOffset"/> (0–2), on a day clamped to the month's end.</summary>
    Quarterly = 4,
    /// <summary>Every half year, in the half's month <see cref="Recurrence.MonthOffset"/> (0–5), on a day clamped to the month's end.</summary>
    HalfYearly = 5,
}
