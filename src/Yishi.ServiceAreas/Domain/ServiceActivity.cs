using Yishi.Platform.Data;
using Yishi.Platform.Media;
using Yishi.Platform.Rules;

namespace Yishi.ServiceAreas.Domain;

/// <summary>
/// An activity of a service area in one of the five functions. Hours are kept as whole minutes
/// (no floating point in figures); participants are a head count plus the team members who took part.
/// </summary>
public sealed class ServiceActivity : IAreaPlaced, IVersioned
{
    public const int TitleMaxLength = 100;
    public const int NotesMaxLength = 2000;
    public const int MaxParticipants = 10_000;
    /// <summary>Per participant; a day of service at most.</summary>
    public const int MaxMinutes = 24 * 60;

    private ServiceActivity() { }

    public ServiceActivity(ServiceArea area, ActivityType type, string title, DateOnly heldOn, int participantCount, int minutes,
        string? notes, Guid recordedBy, DateOnly today, DateTime now)
    {
        area.EnsureActive();
        if (heldOn > today) throw new InputInvalid("HeldOn", "Date_InFuture", typeof(ServiceAreaStrings));
        if (participantCount is < 1 or > MaxParticipants) throw new InputInvalid("ParticipantCount", "Activity_ParticipantsOutOfRange", typeof(ServiceAreaStrings));
        if (minutes is < 1 or > MaxMinutes) throw new InputInvalid("Hours", "Activity_HoursOutOfRange", typeof(ServiceAreaStrings));
        Id = Guid.CreateVersion7();
        DistrictId = area.DistrictId;
        AreaId = area.AreaId;
        AreaPath = area.AreaPath;
        ServiceAreaId = area.Id;
        Type = type;
        Title = title;
        HeldOn = heldOn;
        ParticipantCount = participantCount;
        Minutes = minutes;
        Notes = notes;
        RecordedBy = recordedBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public Guid ServiceAreaId { get; private set; }
    public ActivityType Type { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    /// <summary>Everyone who took part, team members or not.</summary>
    public int ParticipantCount { get; private set; }
    /// <summary>Length of the activity in minutes (entered as decimal hours).</summary>
    public int Minutes { get; private set; }
    public string? Notes { get; private set; }
    /// <summary>For opinion reporting: the demand filed through the Demands module.</summary>
    public Guid? DemandId { get; private set; }
    public string? DemandTrackingCode { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; set; }

    public void LinkDemand(Guid demandId, string trackingCode)
    {
        if (Type != ActivityType.OpinionReporting) throw new InvalidOperationException("only opinion reporting files a demand");
        DemandId = demandId;
        DemandTrackingCode = trackingCode;
    }

    /// <summary>"1.5" hours → 90 minutes; at most two decimals, rounded to the minute.</summary>
    public static int MinutesFromHours(decimal hours) => (int)Math.Round(hours * 60m, MidpointRounding.AwayFromZero);

    public static decimal HoursFromMinutes(int minutes) => Math.Round(minutes / 60m, 2);

    /// <summary>The organiser leads publicity, volunteer service and opinion reporting; the supervisor the other two.</summary>
    public static PostKind LedBy(ActivityType type)
        => type is ActivityType.CivilitySupervision or ActivityType.EthosEvaluation ? PostKind.Supervisor : PostKind.Organiser;
}

/// <summary>A team member who took part in an activity (党员参与人次).</summary>
public sealed class ActivityParticipant : ITenantOwned
{
    private ActivityParticipant() { }

    public ActivityParticipant(Guid districtId, Guid activityId, Guid teamMemberId)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        ActivityId = activityId;
        TeamMemberId = teamMemberId;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid TeamMemberId { get; private set; }
}

/// <summary>A photo of an activity (processed by <see cref="PhotoProcessor"/>, stored like every photo).</summary>
public sealed class ActivityPhoto : StoredPhoto
{
    public const int MaxPerActivity = 6;

    private ActivityPhoto() { }

    public ActivityPhoto(Guid districtId, Guid activityId, ProcessedPhoto photo, Guid? uploadedBy, DateTime now) : base(districtId, photo, uploadedBy, now)
        => ActivityId = activityId;

    public Guid ActivityId { get; private set; }
}
