using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Data;
using Yishi.Platform.Paging;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Demands.Features.Ledger;

public enum LedgerSort
{
    Created,
    Due,
}

/// <summary>The ledger's filters (all optional); the same filters drive the list, the export and the statistics.</summary>
public sealed record LedgerFilter(
    DemandStatus? Status = null, Ownership? Ownership = null, Channel? Channel = null, ContentCategory? Content = null,
    MustDeliberateCategory? MustDeliberate = null, Guid? AreaId = null, Guid? UnitId = null, bool? Overdue = null,
    DateTime? From = null, DateTime? To = null, string? Q = null, LedgerSort Sort = LedgerSort.Created);

public sealed record LedgerRow(Guid Id, string TrackingCode, Guid AreaId, string Description, Channel Channel, bool Urgent,
    DemandStatus Status, HandlingLevel Level, Ownership? Ownership, ContentCategory? ContentCategory, MustDeliberateCategory? MustDeliberate,
    Guid? UnitId, DateTime CreatedAt, DateTime? DueAt, DateTime? HandledAt, DateTime? ClosedAt, Satisfaction? Satisfaction,
    int ReopenCount, string? ContactPhoneMasked, bool Overdue);

/// <summary>
/// 台账: every demand the caller may see (areas where a role lets them view demands; for department
/// officers, what reached their departments), filtered and keyset-paginated on (time, tracking code).
/// Text search is a substring match on the description (works for two-character queries such as 漏水)
/// or an exact tracking code.
/// </summary>
public sealed class LedgerQuery(YishiDbContext db, AccessScope scope, DemandAccess access, DemandWorkflow workflow)
{
    public async Task<IQueryable<Demand>> FilteredAsync(LedgerFilter f, CancellationToken ct)
    {
        var paths = await scope.PathsWhereAsync(DemandRoles.CanView, ct);
        var units = await access.MyUnitsAsync(ct);
        if (paths.Count == 0 && units.Count == 0) throw new Forbidden();

        var q = db.Set<Demand>().AsNoTracking().Where(Visible(paths, units));
        if (f.AreaId is { } areaId)
        {
            var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == areaId, ct) ?? throw new NotFound("area");
            q = q.Where(d => d.AreaPath.StartsWith(area.Path));
        }
        if (f.Status is { } status) q = q.Where(d => d.Status == status);
        if (f.Ownership is { } ownership) q = q.Where(d => d.Ownership == ownership);
        if (f.Channel is { } channel) q = q.Where(d => d.Channel == channel);
        if (f.Content is { } content) q = q.Where(d => d.ContentCategory == content);
        if (f.MustDeliberate is { } md) q = q.Where(d => d.MustDeliberate == md);
        if (f.UnitId is { } unit) q = q.Where(d => d.UnitId == unit);
        var now = workflow.Now;
        if (f.Overdue == true) q = q.Where(d => d.DueAt != null && d.DueAt < now);
        if (f.Overdue == false) q = q.Where(d => d.DueAt == null || d.DueAt >= now);
        if (f.From is { } from) q = q.Where(d => d.CreatedAt >= from);
        if (f.To is { } to) q = q.Where(d => d.CreatedAt < to);
        if (Check.OptionalText(f.Q, "q", 50) is { } text)
        {
            var code = TrackingCode.Normalise(text);
            q = code is null ? q.Where(d => d.Description.Contains(text)) : q.Where(d => d.TrackingCode == code);
        }
        if (f.Sort == LedgerSort.Due) q = q.Where(d => d.DueAt != null);
        return q;
    }

    private static Expression<Func<Demand, bool>> Visible(IReadOnlyList<string> paths, IReadOnlyList<Guid> units)
    {
        var d = Expression.Parameter(typeof(Demand), "d");
        Expression? any = null;
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var path in paths)
        {
            Expression<Func<string>> p = () => path;
            var term = Expression.Call(Expression.Property(d, nameof(Demand.AreaPath)), startsWith, p.Body);
            any = any is null ? term : Expression.OrElse(any, term);
        }
        if (units.Count > 0)
        {
            Expression<Func<IReadOnlyList<Guid>>> u = () => units;
            var unitId = Expression.Property(d, nameof(Demand.UnitId));
            var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], u.Body, Expression.Property(unitId, "Value"));
            var term = Expression.AndAlso(Expression.Property(unitId, "HasValue"), contains);
            any = any is null ? term : Expression.OrElse(any, term);
        }
        return Expression.Lambda<Func<Demand, bool>>(any!, d);
    }

    public static IQueryable<Demand> Ordered(IQueryable<Demand> q, LedgerSort sort) => sort == LedgerSort.Due
        ? q.OrderBy(d => d.DueAt).ThenBy(d => d.TrackingCode)
        : q.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.TrackingCode);

    public async Task<Page<LedgerRow>> PageAsync(LedgerFilter f, string? cursor, int? size, CancellationToken ct = default)
    {
        var q = await FilteredAsync(f, ct);
        var take = Keyset.Size(size);
        if (Keyset.Decode(cursor, 2) is [var ticksText, var code])
        {
            if (!long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks < 0 || ticks > DateTime.MaxValue.Ticks)
                throw new InputInvalid("cursor", "Cursor_Invalid");
            var at = new DateTime(ticks, DateTimeKind.Utc);
            q = f.Sort == LedgerSort.Due
                ? q.Where(d => d.DueAt > at || (d.DueAt == at && string.Compare(d.TrackingCode, code) > 0))
                : q.Where(d => d.CreatedAt < at || (d.CreatedAt == at && string.Compare(d.TrackingCode, code) < 0));
        }
        var now = workflow.Now;
        var rows = await Ordered(q, f.Sort).Take(take + 1).Select(Row(now)).ToListAsync(ct);
        var masked = rows.Select(r => r with { ContactPhoneMasked = r.ContactPhoneMasked is null ? null : PersonalData.MaskPhone(r.ContactPhoneMasked) }).ToList();
        return Keyset.Build(masked, take, r => Keyset.Encode(
            ((f.Sort == LedgerSort.Due ? r.DueAt!.Value : r.CreatedAt).Ticks).ToString(CultureInfo.InvariantCulture), r.TrackingCode));
    }

    /// <summary>The row shape; the phone is masked by the caller after loading (never sent unmasked).</summary>
    public static Expression<Func<Demand, LedgerRow>> Row(DateTime now) => d => new LedgerRow(
        d.Id, d.TrackingCode, d.AreaId, d.Description, d.Channel, d.Urgent, d.Status, d.Level, d.Ownership, d.ContentCategory,
        d.MustDeliberate, d.UnitId, d.CreatedAt, d.DueAt, d.HandledAt, d.ClosedAt, d.Satisfaction, d.ReopenCount, d.ContactPhone,
        d.DueAt != null && d.DueAt < now);
}
