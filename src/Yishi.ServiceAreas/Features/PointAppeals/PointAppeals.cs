using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.PointsShared;

namespace Yishi.ServiceAreas.Features.PointAppeals;

public sealed record RaiseAppealInput([property: Required, MaxLength(PointAppeal.ReasonMaxLength)] string? Reason);

public sealed record DecideAppealInput(bool? Upheld, [property: Required, MaxLength(PointAppeal.ReasonMaxLength)] string? Note, int Version);

public sealed record PointAppealDto(Guid Id, Guid PointEntryId, Guid HouseholdId, string HouseNumber, string AreaName, string RuleCode, string RuleDescription,
    int RuleVersionNumber, int Points, string Evidence, DateOnly OccurredOn, string Reason, DateTime RaisedAt, AppealStatus Status, string? DecisionNote,
    DateTime? DecidedAt, Guid? ReversalEntryId, bool AwardedByMe, int Version);

/// <summary>申诉: a household disputes an entry; the area's supervisor (never the one who made the entry) upholds or dismisses it.</summary>
public sealed class PointAppeals(YishiDbContext db, PointsAccess access, AuditTrail audit)
{
    public async Task<PointAppealDto> RaiseAsync(Guid entryId, RaiseAppealInput input, CancellationToken ct = default)
    {
        var household = await access.RequireMyHouseholdAsync(ct);
        var reason = Check.RequiredText(input.Reason, "Reason", PointAppeal.ReasonMaxLength);
        var entry = await db.Set<PointEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId && e.HouseholdId == household.Id, ct)
            ?? throw new NotFound("point_entry");
        if (await db.Set<PointEntry>().AnyAsync(e => e.ReversesEntryId == entry.Id, ct))
            throw new RuleViolation("points.entry_reversed", "Points_EntryAlreadyReversed", null, typeof(PointsStrings));
        if (await db.Set<PointAppeal>().AnyAsync(a => a.OpenEntryId == entry.Id, ct)) throw OpenExists();
        var appeal = new PointAppeal(entry, reason, access.Scope.UserId, access.Now);
        db.Add(appeal);
        audit.Record(entry.DistrictId, "points.appealed", "point_entry", entry.Id, to: "Open", note: $"{household.HouseNumber} appeal {appeal.Id}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw OpenExists();
        }
        return (await ToDtosAsync([appeal], ct))[0];
    }

    private static RuleViolation OpenExists() => new("points.appeal_open", "Points_AppealOpen", null, typeof(PointsStrings));

    public async Task<PointAppealDto> DecideAsync(Guid appealId, DecideAppealInput input, CancellationToken ct = default)
    {
        var appeal = await db.Set<PointAppeal>().FirstOrDefaultAsync(a => a.Id == appealId, ct) ?? throw new NotFound("point_appeal");
        await access.Scope.RequireAsync(appeal.AreaPath, PointRoles.CanDecideAppeal, "point_appeal", ct);
        var me = access.Scope.UserId;
        appeal.EnsureMayDecide(me);
        Concurrency.Expect(appeal, input.Version);
        var upheld = input.Upheld ?? throw new InputInvalid("Upheld", "Field_Required");
        var note = Check.RequiredText(input.Note, "Note", PointAppeal.ReasonMaxLength);
        if (upheld)
        {
            var entry = await db.Set<PointEntry>().AsNoTracking().FirstAsync(e => e.Id == appeal.PointEntryId, ct);
            if (await db.Set<PointEntry>().AnyAsync(e => e.ReversesEntryId == entry.Id, ct))
                throw new RuleViolation("points.entry_reversed", "Points_EntryAlreadyReversed", null, typeof(PointsStrings));
            var reversal = appeal.Uphold(entry, note, me, access.Now, access.Today);
            db.Add(reversal);
            audit.Record(appeal.DistrictId, "points.reversed", "household", entry.HouseholdId, entry.Points.ToString("+0;-0", System.Globalization.CultureInfo.InvariantCulture),
                reversal.Points.ToString("+0;-0", System.Globalization.CultureInfo.InvariantCulture), $"entry {entry.Id} appeal {appeal.Id}");
        }
        else
        {
            appeal.Dismiss(note, me, access.Now);
        }
        audit.Record(appeal.DistrictId, upheld ? "points.appeal_upheld" : "points.appeal_dismissed", "point_entry", appeal.PointEntryId, "Open", appeal.Status.ToString(),
            $"appeal {appeal.Id}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new RuleViolation("points.entry_reversed", "Points_EntryAlreadyReversed", null, typeof(PointsStrings));
        }
        return (await ToDtosAsync([appeal], ct))[0];
    }

    /// <summary>Appeals in the caller's scope (supervisors and officials who see points); open ones first by default.</summary>
    public async Task<IReadOnlyList<PointAppealDto>> InboxAsync(AppealStatus? status, CancellationToken ct = default)
    {
        if (!access.Scope.IsSignedIn) throw new Forbidden();
        var paths = await access.Scope.PathsWhereAsync(r => PointRoles.CanView(r) || PointRoles.CanDecideAppeal(r), ct);
        if (paths.Count == 0) throw new Forbidden();
        var q = db.Set<PointAppeal>().AsNoTracking().WithinAny(a => a.AreaPath, paths);
        q = status is { } s ? q.Where(a => a.Status == s) : q;
        var rows = await q.OrderByDescending(a => a.RaisedAt).Take(200).ToListAsync(ct);
        return await ToDtosAsync(rows, ct);
    }

    /// <summary>The signed-in resident's household's appeals.</summary>
    public async Task<IReadOnlyList<PointAppealDto>> MineAsync(CancellationToken ct = default)
    {
        var household = await access.RequireMyHouseholdAsync(ct);
        var rows = await db.Set<PointAppeal>().AsNoTracking().Where(a => a.HouseholdId == household.Id).OrderByDescending(a => a.RaisedAt).Take(100).ToListAsync(ct);
        return await ToDtosAsync(rows, ct);
    }

    public async Task<PointAppealDto> GetAsync(Guid appealId, CancellationToken ct = default)
    {
        var appeal = await db.Set<PointAppeal>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == appealId, ct) ?? throw new NotFound("point_appeal");
        await access.Scope.RequireAsync(appeal.AreaPath, r => PointRoles.CanView(r) || PointRoles.CanDecideAppeal(r), "point_appeal", ct);
        return (await ToDtosAsync([appeal], ct))[0];
    }

    private async Task<List<PointAppealDto>> ToDtosAsync(IReadOnlyList<PointAppeal> appeals, CancellationToken ct)
    {
        var entryIds = appeals.Select(a => a.PointEntryId).ToList();
        var entries = await db.Set<PointEntry>().AsNoTracking().Where(e => entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var ruleIds = entries.Values.Select(e => e.PointRuleId).Distinct().ToList();
        var rules = await db.Set<PointRule>().AsNoTracking().Where(r => ruleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var householdIds = appeals.Select(a => a.HouseholdId).Distinct().ToList();
        var houses = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.HouseNumber, ct);
        var names = await access.AreaNamesAsync(appeals.Select(a => a.AreaId), ct);
        var me = access.Scope.IsSignedIn ? access.Scope.UserId : Guid.Empty;
        return appeals.Select(a =>
        {
            var e = entries[a.PointEntryId];
            var r = rules[e.PointRuleId];
            return new PointAppealDto(a.Id, a.PointEntryId, a.HouseholdId, houses.GetValueOrDefault(a.HouseholdId, ""), names.GetValueOrDefault(a.AreaId, ""), r.Code,
                r.Description, e.RuleVersionNumber, e.Points, e.Evidence, e.OccurredOn, a.Reason, a.RaisedAt, a.Status, a.DecisionNote, a.DecidedAt, a.ReversalEntryId,
                a.EntryAwardedByUserId == me, a.Version);
        }).ToList();
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Points");
        g.MapPost("/point-entries/{id:guid}/appeals", async (Guid id, RaiseAppealInput input, PointAppeals h, CancellationToken ct) =>
            {
                var appeal = await h.RaiseAsync(id, input, ct);
                return TypedResults.Created($"/api/v1/point-appeals/{appeal.Id}", appeal);
            })
            .WithSummary("A resident appeals an entry of their own household, with a reason (one open appeal per entry)");
        g.MapGet("/point-appeals", async (AppealStatus? status, PointAppeals h, CancellationToken ct) => TypedResults.Ok(await h.InboxAsync(status, ct)))
            .WithSummary("Appeals in scope (the supervisors' inbox)");
        g.MapGet("/point-appeals/{id:guid}", async (Guid id, PointAppeals h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithSummary("One appeal");
        g.MapPost("/point-appeals/{id:guid}/decide", async (Guid id, DecideAppealInput input, PointAppeals h, CancellationToken ct) =>
                TypedResults.Ok(await h.DecideAsync(id, input, ct)))
            .WithSummary("The area's supervisor upholds (a reversing entry is added) or dismisses an appeal; never the person who made the entry");
        g.MapGet("/my/point-appeals", async (PointAppeals h, CancellationToken ct) => TypedResults.Ok(await h.MineAsync(ct)))
            .WithSummary("The signed-in resident's household's appeals");
    }
}
