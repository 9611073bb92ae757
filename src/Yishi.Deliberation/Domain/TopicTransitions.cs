using System.Collections.Frozen;

namespace Yishi.Deliberation.Domain;

/// <summary>
/// The topic procedure as a table: (from, action) → to. Anything not listed is forbidden.
/// <see cref="Topic"/> guards every change with this table; pages and endpoints never re-check the stage.
/// </summary>
public static class TopicTransitions
{
    public static readonly FrozenDictionary<(TopicStage From, TopicAction Action), TopicStage> Table =
        new Dictionary<(TopicStage, TopicAction), TopicStage>
        {
            [(TopicStage.Proposal, TopicAction.Accept)] = TopicStage.Review,
            [(TopicStage.Proposal, TopicAction.Reject)] = TopicStage.Rejected,

            [(TopicStage.Review, TopicAction.SendBack)] = TopicStage.Proposal,
            [(TopicStage.Review, TopicAction.Reject)] = TopicStage.Rejected,
            [(TopicStage.Review, TopicAction.PlaceOnAgenda)] = TopicStage.Deliberation,

            [(TopicStage.Deliberation, TopicAction.SendBack)] = TopicStage.Review,
            [(TopicStage.Deliberation, TopicAction.Reject)] = TopicStage.Rejected,
            [(TopicStage.Deliberation, TopicAction.ResolvePassed)] = TopicStage.Notice,
            [(TopicStage.Deliberation, TopicAction.ResolveFailed)] = TopicStage.Rejected,
            [(TopicStage.Deliberation, TopicAction.ResolveFailedToReview)] = TopicStage.Review,
            [(TopicStage.Deliberation, TopicAction.ForwardToRepresentatives)] = TopicStage.Review,

            [(TopicStage.Notice, TopicAction.NoticeEnded)] = TopicStage.Implementation,
            [(TopicStage.Notice, TopicAction.ObjectionUpheld)] = TopicStage.Deliberation,

            [(TopicStage.Implementation, TopicAction.TasksDone)] = TopicStage.FollowUp,

            [(TopicStage.FollowUp, TopicAction.ReviewPassed)] = TopicStage.Closed,
            [(TopicStage.FollowUp, TopicAction.ReviewFailed)] = TopicStage.Implementation,
        }.ToFrozenDictionary();

    public static bool IsAllowed(TopicStage from, TopicAction action) => Table.ContainsKey((from, action));

    public static IEnumerable<TopicAction> AllowedFrom(TopicStage from)
        => Table.Keys.Where(k => k.From == from).Select(k => k.Action);

    /// <summary>Actions that must give a reason (shown on the timeline).</summary>
    public static bool NeedsReason(TopicAction action)
        => action is TopicAction.SendBack or TopicAction.Reject or TopicAction.ResolveFailedToReview or TopicAction.ObjectionUpheld or TopicAction.ReviewFailed;
}
