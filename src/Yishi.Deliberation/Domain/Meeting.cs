using System.Security.Cryptography;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Deliberation.Domain;

/// <summary>A meeting of a council: regular (from its recurrence) or an emergency meeting (急事快议).</summary>
public sealed class Meeting : IAreaPlaced, IVersioned
{
    public const int PlaceMaxLength = 100;
    public const int ReasonMaxLength = 500;
    public const int MinutesMaxLength = 20000;
    /// <summary>Members may check themselves in from this long before the start.</summary>
    public static readonly TimeSpan CheckInOpensBefore = TimeSpan.FromHours(1);

    private Meeting() { }

    public Meeting(Guid districtId, Guid areaId, string areaPath, Guid councilId, string number, MeetingKind kind, MeetingForm form,
        string? place, DateTime startsAt, string? slotKey, DateTime now, Guid? createdBy)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        AreaId = areaId;
        AreaPath = areaPath;
        CouncilId = councilId;
        Number = number;
        Kind = kind;
        Form = form;
        Place = place;
        StartsAt = startsAt;
        SlotKey = slotKey;
        Status = MeetingStatus.Scheduled;
        CheckInToken = NewToken();
        CreatedAt = now;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public Guid CouncilId { get; private set; }
    /// <summary>Human number, unique per district (YS-HY-2026-0012).</summary>
    public string Number { get; private set; } = "";
    public MeetingKind Kind { get; private set; }
    public MeetingForm Form { get; private set; }
    public string? Place { get; private set; }
    public DateTime StartsAt { get; private set; }
    /// <summary>For meetings generated from the recurrence: the slot (local yyyyMMddHHmm), unique per council, so generation never duplicates.</summary>
    public string? SlotKey { get; private set; }
    public MeetingStatus Status { get; private set; }
    public DateTime? AgendaPublishedAt { get; private set; }
    public DateTime? OpenedAt { get; private set; }
    public DateTime? AdjournedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }
    /// <summary>Random token in the check-in QR code.</summary>
    public string CheckInToken { get; private set; } = "";
    public string? MinutesText { get; private set; }
    public MinutesStatus MinutesStatus { get; private set; }
    public DateTime? MinutesDraftedAt { get; private set; }
    public DateTime? MinutesApprovedAt { get; private set; }
    /// <summary>When the reminder to members was sent (once per meeting, the day before).</summary>
    public DateTime? ReminderSentAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedBy { get; private set; }
    public int Version { get; set; }

    public bool IsOpenForAgenda => Status is MeetingStatus.Scheduled or MeetingStatus.AgendaPublished;

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static RuleViolation Wrong(string code, string key) => new($"meeting.{code}", key, null, typeof(DeliberationStrings));

    /// <summary>The latest moment the agenda of this meeting may be published.</summary>
    public DateTime AgendaDeadline(int leadDays) => StartsAt.AddDays(-leadDays);

    public void Reschedule(DateTime startsAt, string? place, MeetingForm form, DateTime now)
    {
        if (Status != MeetingStatus.Scheduled) throw Wrong("not_scheduled", "Meeting_NotScheduled");
        if (startsAt <= now) throw new InputInvalid("StartsAt", "Meeting_InPast", typeof(DeliberationStrings));
        StartsAt = startsAt;
        Place = place;
        Form = form;
    }

    /// <summary>Publishes the agenda. A regular meeting's agenda must be out <paramref name="leadDays"/> days before the start.</summary>
    public void PublishAgenda(int leadDays, int items, DateTime now)
    {
        if (Status != MeetingStatus.Scheduled) throw Wrong("not_scheduled", "Meeting_NotScheduled");
        if (items == 0) throw Wrong("agenda_empty", "Meeting_AgendaEmpty");
        if (Kind == MeetingKind.Regular && now > AgendaDeadline(leadDays))
            throw new RuleViolation("meeting.agenda_too_late", "Meeting_AgendaTooLate", null, typeof(DeliberationStrings), 409, leadDays);
        Status = MeetingStatus.AgendaPublished;
        AgendaPublishedAt = now;
    }

    /// <summary>A regular meeting opened earlier than this before its start is an early start.</summary>
    public bool IsEarly(DateTime now, TimeSpan opensBefore) => Kind == MeetingKind.Regular && now < StartsAt - opensBefore;

    /// <summary>
    /// Opens the session. A regular meeting needs a published agenda; an emergency meeting publishes it on opening.
    /// A regular meeting opens only from <paramref name="opensBefore"/> before its start: earlier needs a recorded
    /// <paramref name="earlyReason"/>, and the meeting's time moves to now (it is held today, not on the announced day).
    /// Returns the announced start when it was moved.
    /// </summary>
    public DateTime? Open(int items, DateTime now, TimeSpan? opensBefore = null, string? earlyReason = null)
    {
        if (Status == MeetingStatus.Scheduled && Kind == MeetingKind.Emergency && items > 0) AgendaPublishedAt = now;
        else if (Status != MeetingStatus.AgendaPublished) throw Wrong("agenda_not_published", "Meeting_AgendaNotPublished");
        DateTime? movedFrom = null;
        var margin = opensBefore ?? TimeSpan.Zero;
        if (IsEarly(now, margin))
        {
            if (string.IsNullOrWhiteSpace(earlyReason))
                throw new RuleViolation("meeting.too_early", "Meeting_TooEarly", "EarlyStartReason", typeof(MeetingRuleStrings), 409,
                    ChinaTime.Format(StartsAt), ChinaTime.Format(StartsAt - margin));
            movedFrom = StartsAt;
            StartsAt = now;
        }
        Status = MeetingStatus.InSession;
        OpenedAt = now;
        return movedFrom;
    }

    public void Adjourn(DateTime now)
    {
        if (Status != MeetingStatus.InSession) throw Wrong("not_in_session", "Meeting_NotInSession");
        Status = MeetingStatus.Adjourned;
        AdjournedAt = now;
    }

    /// <summary>
    /// Records a meeting that was held on paper before it was recorded here (back-filling the ledger, the demo year):
    /// routine meetings without a formal agenda item go straight to held.
    /// </summary>
    public void RecordAsHeld(DateTime openedAt, DateTime adjournedAt)
    {
        if (Status is not (MeetingStatus.Scheduled or MeetingStatus.AgendaPublished)) throw Wrong("not_scheduled", "Meeting_NotScheduled");
        ArgumentOutOfRangeException.ThrowIfLessThan(adjournedAt, openedAt);
        AgendaPublishedAt ??= openedAt;
        Status = MeetingStatus.Adjourned;
        OpenedAt = openedAt;
        AdjournedAt = adjournedAt;
    }

    public void Cancel(string reason, DateTime now)
    {
        if (!IsOpenForAgenda) throw Wrong("cannot_cancel", "Meeting_CannotCancel");
        Status = MeetingStatus.Cancelled;
        CancelledAt = now;
        CancelReason = reason;
    }

    public void RequireInSession()
    {
        if (Status != MeetingStatus.InSession) throw Wrong("not_in_session", "Meeting_NotInSession");
    }

    /// <summary>Members check themselves in while the meeting is in session or within an hour before it starts.</summary>
    public void RequireSelfCheckInOpen(DateTime now)
    {
        var before = IsOpenForAgenda && now >= StartsAt - CheckInOpensBefore;
        if (Status != MeetingStatus.InSession && !before) throw Wrong("check_in_closed", "Meeting_CheckInClosed");
    }

    /// <summary>The secretary signs members in before or during the session.</summary>
    public void RequireCheckInBySecretary()
    {
        if (Status is not (MeetingStatus.Scheduled or MeetingStatus.AgendaPublished or MeetingStatus.InSession))
            throw Wrong("check_in_closed", "Meeting_CheckInClosed");
    }

    public void DraftMinutes(string text, DateTime now)
    {
        if (Status != MeetingStatus.Adjourned) throw Wrong("not_adjourned", "Meeting_NotAdjourned");
        if (MinutesStatus == MinutesStatus.Approved) throw Wrong("minutes_approved", "Meeting_MinutesApproved");
        MinutesText = text;
        MinutesStatus = MinutesStatus.Draft;
        MinutesDraftedAt = now;
    }

    /// <summary>Minutes are approved when more than half of the members present have approved them.</summary>
    public bool RecordMinutesApprovals(int approvals, int present, DateTime now)
    {
        if (MinutesStatus != MinutesStatus.Draft) throw Wrong("minutes_not_draft", "Meeting_MinutesNotDraft");
        if (present > 0 && (long)approvals * 2 > present)
        {
            MinutesStatus = MinutesStatus.Approved;
            MinutesApprovedAt = now;
            return true;
        }
        return false;
    }

    public void MarkReminded(DateTime now) => ReminderSentAt ??= now;
}

public sealed class MeetingAttendance : ITenantOwned
{
    private MeetingAttendance() { }

    public MeetingAttendance(Guid districtId, Guid meetingId, Guid councilMemberId, CheckInMethod method, Guid recordedByUserId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        MeetingId = meetingId;
        CouncilMemberId = councilMemberId;
        Method = method;
        RecordedByUserId = recordedByUserId;
        CheckedInAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid CouncilMemberId { get; private set; }
    public DateTime CheckedInAt { get; private set; }
    public CheckInMethod Method { get; private set; }
    public Guid RecordedByUserId { get; private set; }
}

/// <summary>A present member's approval of the drafted minutes.</summary>
public sealed class MinutesApproval : ITenantOwned
{
    private MinutesApproval() { }

    public MinutesApproval(Guid districtId, Guid meetingId, Guid councilMemberId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        MeetingId = meetingId;
        CouncilMemberId = councilMemberId;
        ApprovedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid CouncilMemberId { get; private set; }
    public DateTime ApprovedAt { get; private set; }
}

/// <summary>A file or photo of a meeting (sign-in sheet, photo of the session), stored in the database like demand photos.</summary>
public sealed class MeetingDocument : ITenantOwned
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int FileNameMaxLength = 200;

    private MeetingDocument() { }

    public MeetingDocument(Guid districtId, Guid meetingId, string fileName, string contentType, byte[] bytes, bool isPhoto, Guid uploadedBy, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        MeetingId = meetingId;
        FileName = fileName;
        ContentType = contentType;
        Bytes = bytes;
        IsPhoto = isPhoto;
        UploadedBy = uploadedBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid MeetingId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public byte[] Bytes { get; private set; } = [];
    public bool IsPhoto { get; private set; }
    public Guid UploadedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
}

/// <summary>A topic on a meeting's agenda, in order, with the notes of its discussion.</summary>
public sealed class AgendaItem : ITenantOwned
{
    public const int NotesMaxLength = 4000;

    private AgendaItem() { }

    public AgendaItem(Guid districtId, Guid meetingId, Guid topicId, int position)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        MeetingId = meetingId;
        TopicId = topicId;
        Position = position;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid TopicId { get; private set; }
    public int Position { get; private set; }
    public string? DiscussionNotes { get; set; }
    /// <summary>Set when the vote on this item was closed and a resolution recorded.</summary>
    public Guid? ResolutionId { get; set; }
}

/// <summary>One member's vote on one topic at one meeting. Unique per (meeting, topic, member).</summary>
public sealed class Vote : ITenantOwned
{
    private Vote() { }

    public Vote(Guid districtId, Guid meetingId, Guid topicId, Guid councilMemberId, VoteChoice choice, Guid recordedByUserId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        MeetingId = meetingId;
        TopicId = topicId;
        CouncilMemberId = councilMemberId;
        Choice = choice;
        RecordedByUserId = recordedByUserId;
        CastAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid TopicId { get; private set; }
    public Guid CouncilMemberId { get; private set; }
    public VoteChoice Choice { get; private set; }
    public DateTime CastAt { get; private set; }
    /// <summary>The member themself, or the secretary recording a show of hands.</summary>
    public Guid RecordedByUserId { get; private set; }
}
