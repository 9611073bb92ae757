using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Features.Track;

public sealed record TimelineItem(DateTime At, string Action, string? Note);

/// <summary>What the resident sees with a tracking code: status, rung, reply and a timeline without anyone's personal data.</summary>
public sealed record DemandProgress(
    string TrackingCode, DemandStatus Status, HandlingLevel Level, string AreaName, string Description, string? Location,
    bool Urgent, DateTime CreatedAt, string? Reply, DateTime? HandledAt, Satisfaction? Satisfaction, bool CanRate,
    DateTime? RateUntil, int PhotoCount, IReadOnlyList<TimelineItem> Timeline);

public sealed class TrackDemand(YishiDbContext db, Access.DemandWorkflow workflow)
{
    /// <summary>Timeline actions a resident sees, and whether the note (a reply to them) is shown.</summary>
    private static readonly Dictionary<string, bool> PublicActions = new()
    {
        ["demand.submitted"] = false,
        ["demand.handled_on_spot"] = true,
        ["demand.assigned"] = false,
        ["demand.guided"] = true,
        ["demand.escalated"] = false,
        ["demand.auto_escalated"] = false,
        ["demand.referred"] = false,
        ["demand.sent_to_deliberation"] = false,
        ["demand.resolution_recorded"] = true,
        ["demand.handled"] = true,
        ["demand.converted"] = false,
        ["demand.rated"] = false,
        ["demand.rated_dissatisfied"] = false,
        ["demand.review_passed"] = false,
        ["demand.review_failed"] = false,
        ["demand.closed_without_review"] = false,
        ["demand.dismissed"] = true,
        ["demand.merged"] = false,
        ["demand.followed_common_issue"] = true,
    };

    public async Task<Demand> FindAsync(string? code, CancellationToken ct)
    {
        var normalised = TrackingCode.Normalise(code) ?? throw new NotFound("demand");
        var matches = await db.Set<Demand>().IgnoreQueryFilters().Where(d => d.TrackingCode == normalised).Take(2).ToListAsync(ct);
        return matches.Count == 1 ? matches[0] : throw new NotFound("demand");
    }

    public async Task<DemandProgress> HandleAsync(string? code, CancellationToken ct = default)
    {
        var d = await FindAsync(code, ct);
        var area = await db.Areas.IgnoreQueryFilters().Where(a => a.Id == d.AreaId).Select(a => a.Name).FirstAsync(ct);
        var entries = await db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.DistrictId == d.DistrictId && a.EntityType == "demand" && a.EntityId == d.Id)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new { a.At, a.Action, a.To, a.Note }).ToListAsync(ct);
        var timeline = entries.Where(e => PublicActions.ContainsKey(e.Action))
            .Select(e => e.Action == "demand.followed_common_issue"
                // A member of a common issue: handled with the lead's reply, then closed with it (销号).
                ? e.To?.StartsWith(nameof(DemandStatus.Closed), StringComparison.Ordinal) == true
                    ? new TimelineItem(e.At, "demand.closed_with_common_issue", null)
                    : new TimelineItem(e.At, "demand.handled_with_common_issue", Ui.DemandLabels.HumanText(e.Note))
                : new TimelineItem(e.At, e.Action, PublicActions[e.Action] ? Ui.DemandLabels.HumanText(e.Note) : null)).ToList();
        var settings = await workflow.SettingsAsync(d.DistrictId, ct);
        var rateUntil = d.HandledAt?.AddDays(settings.RatingWindowDays);
        var canRate = d.Status == DemandStatus.Handled && d.RatedAt is null && rateUntil >= workflow.Now;
        var photos = await db.Set<DemandPhoto>().IgnoreQueryFilters().CountAsync(p => p.DemandId == d.Id && p.DistrictId == d.DistrictId, ct);
        return new DemandProgress(d.TrackingCode, d.Status, d.Level, area, d.Description, d.Location, d.Urgent, d.CreatedAt,
            d.Reply, d.HandledAt, d.Satisfaction, canRate, canRate ? rateUntil : null, photos, timeline);
    }

    internal static void Map(RouteGroupBuilder publicApi) =>
        publicApi.MapGet("/demands/track/{code}", async (string code, TrackDemand handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(code, ct)))
            .WithTags("Demands").WithSummary("Progress of a demand by its tracking code (no personal data)");
}
