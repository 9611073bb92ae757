using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Deliberation.Domain;

/// <summary>The counted vote on a topic at a meeting.</summary>
public readonly record struct VoteCount(int MembersTotal, int Present, int For, int Against, int Abstain)
{
    public static VoteCount Of(int membersTotal, int present, IEnumerable<VoteChoice> votes)
    {
        int f = 0, a = 0, s = 0;
        foreach (var v in votes)
        {
            switch (v)
            {
                case VoteChoice.For: f++; break;
                case VoteChoice.Against: a++; break;
                default: s++; break;
            }
        }
        return new(membersTotal, present, f, a, s);
    }
}

/// <summary>
/// 决议: the outcome of the vote on a topic at a meeting. A passed resolution is under public notice (公示)
/// for the council's notice days, then takes effect; objections may send the topic back to deliberation.
/// </summary>
public sealed class Resolution : IAreaPlaced, IVersioned
{
    public const int TextMaxLength = 4000;

    private Resolution() { }

    public Resolution(Guid districtId, Guid areaId, string areaPath, Guid councilId, Guid topicId, Guid meetingId, string number, string title,
        string text, VoteCount count, bool passed, int noticeDays, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        AreaId = areaId;
        AreaPath = areaPath;
        CouncilId = councilId;
        TopicId = topicId;
        MeetingId = meetingId;
        Number = number;
        Title = title;
        Text = text;
        MembersTotal = count.MembersTotal;
        Present = count.Present;
        For = count.For;
        Against = count.Against;
        Abstain = count.Abstain;
        Passed = passed;
        DecidedAt = now;
        if (passed)
        {
            Status = ResolutionStatus.UnderNotice;
            NoticeStartsAt = now;
            NoticeEndsAt = now.AddDays(noticeDays);
        }
        else
        {
            Status = ResolutionStatus.NotPassed;
        }
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public Guid CouncilId { get; private set; }
    public Guid TopicId { get; private set; }
    public Guid MeetingId { get; private set; }
    /// <summary>Human number, unique per district (YS-JY-2026-0003).</summary>
    public string Number { get; private set; } = "";
    /// <summary>The topic's title when decided.</summary>
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public int MembersTotal { get; private set; }
    public int Present { get; private set; }
    public int For { get; private set; }
    public int Against { get; private set; }
    public int Abstain { get; private set; }
    public bool Passed { get; private set; }
    public DateTime DecidedAt { get; private set; }
    public DateTime? NoticeStartsAt { get; private set; }
    public DateTime? NoticeEndsAt { get; private set; }
    public ResolutionStatus Status { get; private set; }
    public DateTime? EffectiveAt { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
    public string? WithdrawReason { get; private set; }
    public int Version { get; set; }

    /// <summary>The notice period is over and no objection was upheld: the resolution takes effect.</summary>
    public void TakeEffect(DateTime now)
    {
        if (Status != ResolutionStatus.UnderNotice)
            throw new RuleViolation("resolution.not_under_notice", "Resolution_NotUnderNotice", null, typeof(DeliberationStrings));
        if (NoticeEndsAt is { } end && now < end)
            throw new RuleViolation("resolution.notice_running", "Resolution_NoticeRunning", null, typeof(DeliberationStrings));
        Status = ResolutionStatus.Effective;
        EffectiveAt = now;
    }

    /// <summary>An objection was upheld during the notice: the resolution is withdrawn and the topic deliberated again.</summary>
    public void Withdraw(string reason, DateTime now)
    {
        if (Status != ResolutionStatus.UnderNotice)
            throw new RuleViolation("resolution.not_under_notice", "Resolution_NotUnderNotice", null, typeof(DeliberationStrings));
        Status = ResolutionStatus.Withdrawn;
        WithdrawnAt = now;
        WithdrawReason = reason;
    }
}

/// <summary>An objection to a resolution under public notice, from a signed-in user or an anonymous resident.</summary>
public sealed class Objection : ITenantOwned
{
    public const int TextMaxLength = 1000;

    private Objection() { }

    public Objection(Guid districtId, Guid resolutionId, string text, Guid? submittedByUserId, string? contactPhone, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        ResolutionId = resolutionId;
        Text = text;
        SubmittedByUserId = submittedByUserId;
        ContactPhone = contactPhone;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid ResolutionId { get; private set; }
    public string Text { get; private set; } = "";
    public Guid? SubmittedByUserId { get; private set; }
    /// <summary>For anonymous objections; shown masked only.</summary>
    public string? ContactPhone { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string? Answer { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public Guid? AnsweredByUserId { get; private set; }
    public bool? Upheld { get; private set; }

    public void Reply(string answer, bool upheld, Guid by, DateTime now)
    {
        if (AnsweredAt is not null) throw new RuleViolation("objection.answered", "Objection_AlreadyAnswered", null, typeof(DeliberationStrings));
        Answer = answer;
        Upheld = upheld;
        AnsweredByUserId = by;
        AnsweredAt = now;
    }
}
