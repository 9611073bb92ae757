using Yishi.Demands.Domain;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Features.Access;

/// <summary>A demand as officials see it: the contact phone is masked (revealing it is a separate, audited step).</summary>
public sealed record DemandView(
    Guid Id, string TrackingCode, Guid AreaId, string Description, string? Location, Channel Channel, bool Urgent,
    DemandStatus Status, HandlingLevel Level, Ownership? Ownership, ContentCategory? ContentCategory,
    MustDeliberateCategory? MustDeliberate, Guid? UnitId, Guid? AssigneeUserId, string? ContactPhoneMasked,
    DateTime CreatedAt, DateTime? AcknowledgeDueAt, DateTime? ResolveDueAt, DateTime? HandledAt, DateTime? ClosedAt,
    string? Reply, Satisfaction? Satisfaction, string? RatingComment, int ReopenCount, Guid? CommonIssueId, int Version,
    DateTime? DeliberatedAt = null, string? DeliberationExemption = null)
{
    public static DemandView From(Demand d) => new(
        d.Id, d.TrackingCode, d.AreaId, d.Description, d.Location, d.Channel, d.Urgent, d.Status, d.Level, d.Ownership,
        d.ContentCategory, d.MustDeliberate, d.UnitId, d.AssigneeUserId, d.ContactPhone is null ? null : PersonalData.MaskPhone(d.ContactPhone),
        d.CreatedAt, d.AcknowledgeDueAt, d.ResolveDueAt, d.HandledAt, d.ClosedAt, d.Reply, d.Satisfaction, d.RatingComment,
        d.ReopenCount, d.CommonIssueId, d.Version, d.DeliberatedAt, d.DeliberationExemption);
}
