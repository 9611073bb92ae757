using System.Collections.Frozen;

namespace Yishi.Demands.Domain;

/// <summary>
/// The demand state machine as a table: (from, action) → to. Anything not listed is forbidden.
/// Pages and endpoints never re-check state; <see cref="Demand"/> guards every change with this table.
/// </summary>
public static class DemandTransitions
{
    public static readonly FrozenDictionary<(DemandStatus From, DemandAction Action), DemandStatus> Table =
        new Dictionary<(DemandStatus, DemandAction), DemandStatus>
        {
            [(DemandStatus.Submitted, DemandAction.HandleOnSpot)] = DemandStatus.Handled,
            [(DemandStatus.Submitted, DemandAction.Assign)] = DemandStatus.InProgress,
            [(DemandStatus.Submitted, DemandAction.Guide)] = DemandStatus.Guidance,
            [(DemandStatus.Submitted, DemandAction.Escalate)] = DemandStatus.Submitted,
            [(DemandStatus.Submitted, DemandAction.AutoEscalate)] = DemandStatus.Submitted,
            [(DemandStatus.Submitted, DemandAction.Refer)] = DemandStatus.Submitted,
            [(DemandStatus.Submitted, DemandAction.SendToDeliberation)] = DemandStatus.AwaitingDeliberation,
            [(DemandStatus.Submitted, DemandAction.Dismiss)] = DemandStatus.Closed,
            [(DemandStatus.Submitted, DemandAction.FollowCommonIssue)] = DemandStatus.Handled,
            [(DemandStatus.InProgress, DemandAction.FollowCommonIssue)] = DemandStatus.Handled,
            [(DemandStatus.Guidance, DemandAction.FollowCommonIssue)] = DemandStatus.Handled,
            [(DemandStatus.AwaitingDeliberation, DemandAction.FollowCommonIssue)] = DemandStatus.Handled,
            [(DemandStatus.Handled, DemandAction.FollowCommonIssue)] = DemandStatus.Closed,

            [(DemandStatus.InProgress, DemandAction.Assign)] = DemandStatus.InProgress,
            [(DemandStatus.InProgress, DemandAction.Escalate)] = DemandStatus.Submitted,
            [(DemandStatus.InProgress, DemandAction.AutoEscalate)] = DemandStatus.Submitted,
            [(DemandStatus.InProgress, DemandAction.Refer)] = DemandStatus.Submitted,
            [(DemandStatus.InProgress, DemandAction.SendToDeliberation)] = DemandStatus.AwaitingDeliberation,
            [(DemandStatus.InProgress, DemandAction.Handle)] = DemandStatus.Handled,

            [(DemandStatus.Guidance, DemandAction.Handle)] = DemandStatus.Handled,
            [(DemandStatus.Guidance, DemandAction.Convert)] = DemandStatus.Submitted,

            [(DemandStatus.AwaitingDeliberation, DemandAction.RecordResolution)] = DemandStatus.InProgress,
            [(DemandStatus.AwaitingDeliberation, DemandAction.ReturnFromDeliberation)] = DemandStatus.Submitted,

            [(DemandStatus.Submitted, DemandAction.ExemptFromDeliberation)] = DemandStatus.Submitted,
            [(DemandStatus.InProgress, DemandAction.ExemptFromDeliberation)] = DemandStatus.InProgress,
            [(DemandStatus.Guidance, DemandAction.ExemptFromDeliberation)] = DemandStatus.Guidance,

            [(DemandStatus.Handled, DemandAction.RateSatisfied)] = DemandStatus.Handled,
            [(DemandStatus.Handled, DemandAction.RateDissatisfied)] = DemandStatus.InProgress,
            [(DemandStatus.Handled, DemandAction.ReviewPassed)] = DemandStatus.Closed,
            [(DemandStatus.Handled, DemandAction.ReviewFailed)] = DemandStatus.InProgress,
            [(DemandStatus.Handled, DemandAction.CloseWithoutReview)] = DemandStatus.Closed,
        }.ToFrozenDictionary();

    public static bool IsAllowed(DemandStatus from, DemandAction action) => Table.ContainsKey((from, action));

    public static IEnumerable<DemandAction> AllowedFrom(DemandStatus from)
        => Table.Keys.Where(k => k.From == from).Select(k => k.Action);
}
