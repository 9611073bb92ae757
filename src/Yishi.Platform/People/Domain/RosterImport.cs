using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Platform.People.Domain;

public enum RosterImportStatus
{
    Previewed = 0,
    Committed = 1,
    Discarded = 2,
}

/// <summary>
/// 花名册导入: an uploaded roster file, parsed and checked (preview), then committed once into households and
/// residents. The parsed rows are kept as JSON so the commit works on any instance, in a later request.
/// </summary>
public sealed class RosterImport : IAreaPlaced, IVersioned
{
    public const int FileNameMaxLength = 200;

    private RosterImport() { }

    public RosterImport(Guid districtId, Guid communityId, string areaPath, Guid createdBy, DateTime now,
        string fileName, int rowCount, int errorCount, string rowsJson)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        CommunityId = communityId;
        AreaPath = areaPath;
        CreatedBy = createdBy;
        CreatedAt = now;
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName;
        RowCount = rowCount;
        ErrorCount = errorCount;
        RowsJson = rowsJson;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid CommunityId { get; private set; }
    Guid IAreaPlaced.AreaId => CommunityId;
    public string AreaPath { get; private set; } = "";
    public Guid CreatedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public RosterImportStatus Status { get; private set; }
    public string FileName { get; private set; } = "";
    public int RowCount { get; private set; }
    public int ErrorCount { get; private set; }
    /// <summary>Every parsed row with its error keys; emptied on commit (the data then lives in households).</summary>
    public string RowsJson { get; private set; } = "[]";
    public Guid? CommittedBy { get; private set; }
    public DateTime? CommittedAt { get; private set; }
    public int HouseholdCount { get; private set; }
    public int ResidentCount { get; private set; }
    public int Version { get; set; }

    /// <summary>Guards the commit: once only, and only a preview without errors.</summary>
    public void EnsureCommittable()
    {
        if (Status == RosterImportStatus.Committed) throw new RuleViolation("roster.already_committed", "Roster_AlreadyCommitted", null, typeof(PeopleStrings));
        if (Status == RosterImportStatus.Discarded) throw new RuleViolation("roster.discarded", "Roster_Discarded", null, typeof(PeopleStrings));
        if (ErrorCount > 0) throw new RuleViolation("roster.has_errors", "Roster_HasErrors", null, typeof(PeopleStrings), 409, ErrorCount);
    }

    public void Commit(Guid by, DateTime now, int households, int residents)
    {
        EnsureCommittable();
        Status = RosterImportStatus.Committed;
        CommittedBy = by;
        CommittedAt = now;
        HouseholdCount = households;
        ResidentCount = residents;
        RowsJson = "[]";
    }
}
