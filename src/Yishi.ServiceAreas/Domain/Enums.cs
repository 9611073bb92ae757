namespace Yishi.ServiceAreas.Domain;

/// <summary>The two posts of a "1+1" service area.</summary>
public enum PostKind
{
    /// <summary>组织员: a party member; leads publicity, volunteer service and opinion reporting; captain of the team.</summary>
    Organiser = 0,
    /// <summary>监督员: a respected elder or local notable; leads civility supervision and ethos evaluation; vice-captain.</summary>
    Supervisor = 1,
}

/// <summary>Who a volunteer team member is.</summary>
public enum VolunteerKind
{
    PartyMember = 0,
    Activist = 1,
    Veteran = 2,
    /// <summary>村民代表/居民代表.</summary>
    Representative = 3,
    Other = 4,
}

/// <summary>巷长 / 楼长 / 院坝长.</summary>
public enum BlockChiefKind
{
    Lane = 0,
    Building = 1,
    Courtyard = 2,
}

/// <summary>The five functions of a service area.</summary>
public enum ActivityType
{
    /// <summary>宣传引导 (led by the organiser).</summary>
    Publicity = 0,
    /// <summary>志愿服务 (led by the organiser).</summary>
    VolunteerService = 1,
    /// <summary>民意反映 (led by the organiser): also files a demand.</summary>
    OpinionReporting = 2,
    /// <summary>文明监督 (led by the supervisor).</summary>
    CivilitySupervision = 3,
    /// <summary>村风评议 (led by the supervisor).</summary>
    EthosEvaluation = 4,
}

/// <summary>陪办 / 帮办 / 代办.</summary>
public enum ServiceKind
{
    Accompany = 0,
    Help = 1,
    ActOnBehalf = 2,
}

public enum ServiceRequestStatus
{
    Requested = 0,
    Assigned = 1,
    Done = 2,
    Rated = 3,
    Cancelled = 4,
}

/// <summary>Every way a service request's state can change; <see cref="ServiceRequestTransitions"/> says from where.</summary>
public enum ServiceRequestAction
{
    Assign,
    Complete,
    Rate,
    Cancel,
}

public enum ServiceSatisfaction
{
    Satisfied = 0,
    BasicallySatisfied = 1,
    Dissatisfied = 2,
}
