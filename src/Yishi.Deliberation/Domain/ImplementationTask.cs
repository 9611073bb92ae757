using Yishi.Platform.Data;
using Yishi.Platform.Media;
using Yishi.Platform.Rules;

namespace Yishi.Deliberation.Domain;

/// <summary>落实/包干: a part of a resolution carried out by a named owner, with budget, spending and progress.</summary>
public sealed class ImplementationTask : IAreaPlaced, IVersioned
{
    public const int TitleMaxLength = 100;
    public const int NoteMaxLength = 1000;

    private ImplementationTask() { }

    public ImplementationTask(Guid districtId, Guid areaId, string areaPath, Guid topicId, Guid resolutionId, string title,
        Guid ownerUserId, string ownerName, DateOnly dueOn, long budgetFen, DateTime now)
    {
        if (budgetFen < 0) throw new InputInvalid("BudgetFen", "Task_BudgetInvalid", typeof(DeliberationStrings));
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        AreaId = areaId;
        AreaPath = areaPath;
        TopicId = topicId;
        ResolutionId = resolutionId;
        Title = title;
        OwnerUserId = ownerUserId;
        OwnerName = ownerName;
        DueOn = dueOn;
        BudgetFen = budgetFen;
        Status = ImplementationTaskStatus.Open;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public Guid TopicId { get; private set; }
    public Guid ResolutionId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The 包干 owner.</summary>
    public Guid OwnerUserId { get; private set; }
    /// <summary>The owner's name when assigned (a snapshot).</summary>
    public string OwnerName { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public int ProgressPercent { get; private set; }
    public long BudgetFen { get; private set; }
    /// <summary>The sum of the updates' spending.</summary>
    public long SpentFen { get; private set; }
    public ImplementationTaskStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public int Version { get; set; }

    public bool IsOverdue(DateOnly today) => Status != ImplementationTaskStatus.Done && DueOn < today;

    /// <summary>Reports progress and spending; 100 % completes the task.</summary>
    public TaskUpdate Report(int progressPercent, long spentFenDelta, string? note, Guid by, DateTime now)
    {
        if (Status == ImplementationTaskStatus.Done) throw new RuleViolation("task.done", "Task_AlreadyDone", null, typeof(DeliberationStrings));
        if (progressPercent is < 0 or > 100) throw new InputInvalid("ProgressPercent", "Task_ProgressInvalid", typeof(DeliberationStrings));
        if (progressPercent < ProgressPercent) throw new InputInvalid("ProgressPercent", "Task_ProgressBackwards", typeof(DeliberationStrings));
        if (spentFenDelta < 0 && SpentFen + spentFenDelta < 0) throw new InputInvalid("SpentFen", "Task_SpentInvalid", typeof(DeliberationStrings));
        ProgressPercent = progressPercent;
        SpentFen += spentFenDelta;
        if (progressPercent == 100)
        {
            Status = ImplementationTaskStatus.Done;
            CompletedAt = now;
        }
        return new TaskUpdate(DistrictId, Id, progressPercent, spentFenDelta, note, by, now);
    }
}

public sealed class TaskUpdate : ITenantOwned
{
    private TaskUpdate() { }

    public TaskUpdate(Guid districtId, Guid taskId, int progressPercent, long spentFenDelta, string? note, Guid byUserId, DateTime at)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        TaskId = taskId;
        ProgressPercent = progressPercent;
        SpentFenDelta = spentFenDelta;
        Note = note;
        ByUserId = byUserId;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid TaskId { get; private set; }
    public int ProgressPercent { get; private set; }
    public long SpentFenDelta { get; private set; }
    public string? Note { get; private set; }
    public Guid ByUserId { get; private set; }
    public DateTime At { get; private set; }
}

/// <summary>A photo of a task update (before/after), processed by <see cref="PhotoProcessor"/> and stored like every photo.</summary>
public sealed class TaskPhoto : StoredPhoto
{
    private TaskPhoto() { }

    public TaskPhoto(Guid districtId, Guid taskUpdateId, ProcessedPhoto photo, Guid? uploadedBy, DateTime now) : base(districtId, photo, uploadedBy, now)
        => TaskUpdateId = taskUpdateId;

    public Guid TaskUpdateId { get; private set; }
}

/// <summary>回头议: the council reviews whether the implemented matter met expectations and residents are satisfied.</summary>
public sealed class FollowUpReview : ITenantOwned
{
    public const int NoteMaxLength = 1000;

    private FollowUpReview() { }

    public FollowUpReview(Guid districtId, Guid topicId, Guid? meetingId, bool metExpectations, bool residentsSatisfied, string? note, Guid byUserId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        TopicId = topicId;
        MeetingId = meetingId;
        MetExpectations = metExpectations;
        ResidentsSatisfied = residentsSatisfied;
        Note = note;
        ByUserId = byUserId;
        ReviewedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid TopicId { get; private set; }
    public Guid? MeetingId { get; private set; }
    public bool MetExpectations { get; private set; }
    public bool ResidentsSatisfied { get; private set; }
    public string? Note { get; private set; }
    public Guid ByUserId { get; private set; }
    public DateTime ReviewedAt { get; private set; }

    public bool Passed => MetExpectations && ResidentsSatisfied;
}
