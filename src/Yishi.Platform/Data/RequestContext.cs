namespace Yishi.Platform.Data;

/// <summary>
/// Who is acting and in which district (tenant), for one request or one background job.
/// The DbContext filters every tenant-owned query by <see cref="DistrictId"/>; with no district set,
/// tenant-owned queries return nothing.
/// </summary>
public sealed class RequestContext
{
    public Guid? UserId { get; private set; }
    public string ActorName { get; private set; } = "system";
    public Guid? DistrictId { get; private set; }

    public void SetUser(Guid userId, string actorName, Guid districtId)
    {
        UserId = userId;
        // A resident's user name is their phone number: it must not reach the audit trail or logs.
        ActorName = Rules.Check.IsMobile(actorName) ? Rules.PersonalData.MaskPhone(actorName) : actorName;
        DistrictId = districtId;
    }

    /// <summary>For start-up, seeding and timers: act as the system inside one district.</summary>
    public void SetSystem(Guid districtId, string actorName = "system")
    {
        UserId = null;
        ActorName = actorName;
        DistrictId = districtId;
    }

    /// <summary>Public (anonymous) pages read one district's public data.</summary>
    public void SetDistrictOnly(Guid districtId) => DistrictId = districtId;
}
