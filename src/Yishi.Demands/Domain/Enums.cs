namespace Yishi.Demands.Domain;

/// <summary>渠道: how a demand reached us.</summary>
public enum Channel
{
    Web = 0,
    Visit = 1,
    GridWorker = 2,
    Hotline = 3,
    Mailbox = 4,
    SuggestionBox = 5,
    ChatGroup = 6,
    Patrol = 7,
    ServiceDay = 8,
    Meeting = 9,
    ServiceArea = 10,
}

/// <summary>三事分流: who owns the matter.</summary>
public enum Ownership
{
    Government = 0,
    Community = 1,
    Personal = 2,
}

/// <summary>五大议事内容 (practice 3).</summary>
public enum ContentCategory
{
    Development = 0,
    Law = 1,
    Morality = 2,
    SocialEthos = 3,
    Harmony = 4,
}

/// <summary>十必议 (practice 5).</summary>
public enum MustDeliberateCategory
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

/// <summary>The escalation ladder: council → community → street → department.</summary>
public enum HandlingLevel
{
    Council = 0,
    Community = 1,
    Street = 2,
    Department = 3,
}

public enum DemandStatus
{
    /// <summary>Waiting for the current level to acknowledge and triage it.</summary>
    Submitted = 0,
    /// <summary>Assigned to a responsible person or unit (负责办).</summary>
    InProgress = 1,
    /// <summary>A private matter: the resident was guided; followed up until solved or converted.</summary>
    Guidance = 2,
    /// <summary>Sent to deliberation; the Deliberation module decides.</summary>
    AwaitingDeliberation = 3,
    /// <summary>Handled; waiting for the resident's rating and the follow-up review.</summary>
    Handled = 4,
    /// <summary>销号.</summary>
    Closed = 5,
}

public enum Satisfaction
{
    Satisfied = 0,
    BasicallySatisfied = 1,
    Dissatisfied = 2,
}

/// <summary>Every way a demand's state can change. The transition table says from which states each is allowed.</summary>
public enum DemandAction
{
    HandleOnSpot,
    Assign,
    Guide,
    Escalate,
    AutoEscalate,
    Refer,
    SendToDeliberation,
    RecordResolution,
    Handle,
    Convert,
    RateSatisfied,
    RateDissatisfied,
    ReviewPassed,
    ReviewFailed,
    CloseWithoutReview,
    Dismiss,
    /// <summary>A member of a common issue follows its lead demand (handled, closed) without handling of its own.</summary>
    FollowCommonIssue,
    /// <summary>十必议: the secretary records why a must-deliberate demand may be handled without a resolution.</summary>
    ExemptFromDeliberation,
    /// <summary>The deliberation body sent the matter back (rejected): the receiving level triages it again.</summary>
    ReturnFromDeliberation,
}
