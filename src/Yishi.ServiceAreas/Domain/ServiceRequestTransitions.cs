using System.Collections.Frozen;

namespace Yishi.ServiceAreas.Domain;

/// <summary>
/// The 陪办/帮办/代办 request state machine as a table: (from, action) → to. Anything not listed is forbidden.
/// Requested → Assigned (the organiser assigns a volunteer; again to reassign) → Done (the volunteer) →
/// Rated (the requesting resident). Cancelled before it is done.
/// </summary>
public static class ServiceRequestTransitions
{
    public static readonly FrozenDictionary<(ServiceRequestStatus From, ServiceRequestAction Action), ServiceRequestStatus> Table =
        new Dictionary<(ServiceRequestStatus, ServiceRequestAction), ServiceRequestStatus>
        {
            [(ServiceRequestStatus.Requested, ServiceRequestAction.Assign)] = ServiceRequestStatus.Assigned,
            [(ServiceRequestStatus.Requested, ServiceRequestAction.Cancel)] = ServiceRequestStatus.Cancelled,
            [(ServiceRequestStatus.Assigned, ServiceRequestAction.Assign)] = ServiceRequestStatus.Assigned,
            [(ServiceRequestStatus.Assigned, ServiceRequestAction.Complete)] = ServiceRequestStatus.Done,
            [(ServiceRequestStatus.Assigned, ServiceRequestAction.Cancel)] = ServiceRequestStatus.Cancelled,
            [(ServiceRequestStatus.Done, ServiceRequestAction.Rate)] = ServiceRequestStatus.Rated,
        }.ToFrozenDictionary();

    public static bool IsAllowed(ServiceRequestStatus from, ServiceRequestAction action) => Table.ContainsKey((from, action));

    public static IEnumerable<ServiceRequestAction> AllowedFrom(ServiceRequestStatus from)
        => Table.Keys.Where(k => k.From == from).Select(k => k.Action);
}
