using Yishi.Platform.Data;
using Yishi.Platform.Media;

namespace Yishi.Demands.Domain;

/// <summary>共性问题: many demands, one problem. Handled once through its lead demand; every reporter follows it.</summary>
public sealed class CommonIssue : IAreaPlaced, IVersioned
{
    public const int TitleMaxLength = 100;

    private CommonIssue() { }

    public CommonIssue(Guid districtId, Guid areaId, string areaPath, string title, Guid leadDemandId, DateTime now, Guid? createdBy)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        AreaId = areaId;
        AreaPath = areaPath;
        Title = title;
        LeadDemandId = leadDemandId;
        CreatedAt = now;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public string Title { get; set; } = "";
    public Guid LeadDemandId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedBy { get; private set; }
    public int Version { get; set; }
}

/// <summary>A photo attached to a demand (processed by <see cref="PhotoProcessor"/>: re-encoded JPEG without metadata, with a thumbnail).</summary>
public sealed class DemandPhoto : StoredPhoto
{
    public const int MaxPerDemand = 6;

    private DemandPhoto() { }

    public DemandPhoto(Guid districtId, Guid demandId, ProcessedPhoto photo, Guid? uploadedBy, DateTime now) : base(districtId, photo, uploadedBy, now)
        => DemandId = demandId;

    public Guid DemandId { get; private set; }
}

/// <summary>An Idempotency-Key already used for a submission, and the demand it created.</summary>
public sealed class IdempotentSubmission
{
    private IdempotentSubmission() { }

    public IdempotentSubmission(string scope, string key, string requestHash, Guid districtId, Guid demandId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        Scope = scope;
        Key = key;
        RequestHash = requestHash;
        DistrictId = districtId;
        DemandId = demandId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    /// <summary>The user id, or "anonymous:{ip}" — so one client's key never returns another client's demand.</summary>
    public string Scope { get; private set; } = "";
    public string Key { get; private set; } = "";
    public string RequestHash { get; private set; } = "";
    public Guid DistrictId { get; private set; }
    public Guid DemandId { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
