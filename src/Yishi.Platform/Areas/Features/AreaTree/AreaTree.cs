using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Data;
using Yishi.Platform.Security;

namespace Yishi.Platform.Areas.Features.AreaTree;

/// <summary>The areas the caller holds any role in, with their subtrees, ordered as a tree (by path).</summary>
public sealed class AreaTree(YishiDbContext db, AccessScope scope)
{
    public async Task<IReadOnlyList<AreaDto>> HandleAsync(bool includeRetired, CancellationToken ct = default)
    {
        var held = await scope.HeldRolesAsync(ct);
        var paths = held.Select(h => h.AreaPath).Distinct().ToList();
        if (paths.Count == 0) return [];
        var query = db.Areas.AsNoTracking().WithinAny(a => a.Path, paths);
        if (!includeRetired) query = query.Where(a => a.RetiredAt == null);
        var areas = await query.OrderBy(a => a.Path).ToListAsync(ct);
        // Sort by the path of names so siblings appear in order within their parent: 第二网格 before 第十网格, then by pinyin.
        var byId = areas.ToDictionary(a => a.Id);
        List<string> Key(Domain.Area a)
        {
            var key = a.ParentId is { } p && byId.TryGetValue(p, out var parent) ? Key(parent) : [];
            key.Add(AreaNameOrder.SortKey(a.Name));
            return key;
        }
        return areas.OrderBy(Key, AreaNameOrder.PathComparer).Select(AreaDto.From).ToList();
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/areas", async (bool? includeRetired, AreaTree handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(includeRetired ?? false, ct)))
            .WithTags("Areas").WithSummary("Areas in the caller's scope, ordered as a tree");
}

/// <summary>
/// How area names sort for people: numbers, written in Chinese (第十二网格) or in digits (3栋), compare by value;
/// the rest by the zh-CN collation (pinyin).
/// </summary>
public static class AreaNameOrder
{
    private const string Numerals = "零〇一二两三四五六七八九十百";
    private static readonly StringComparer Chinese = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);

    public static IComparer<IReadOnlyList<string>> PathComparer { get; } = Comparer<IReadOnlyList<string>>.Create((x, y) =>
    {
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var c = Chinese.Compare(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Count.CompareTo(y.Count);
    });

    public static int Compare(string x, string y) => Chinese.Compare(SortKey(x), SortKey(y));

    /// <summary>The name with every run of numerals replaced by its zero-padded value: 第十二网格 → 第000012网格.</summary>
    public static string SortKey(string name)
    {
        var key = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length;)
        {
            var j = i;
            if (char.IsAsciiDigit(name[i]))
            {
                while (j < name.Length && char.IsAsciiDigit(name[j])) j++;
                key.Append(name.AsSpan(i, j - i).TrimStart('0').ToString().PadLeft(6, '0'));
            }
            else if (Numerals.Contains(name[i], StringComparison.Ordinal))
            {
                while (j < name.Length && Numerals.Contains(name[j], StringComparison.Ordinal)) j++;
                key.Append(ChineseValue(name.AsSpan(i, j - i)).ToString("D6", CultureInfo.InvariantCulture));
            }
            else
            {
                key.Append(name[i]);
                j = i + 1;
            }
            i = j;
        }
        return key.ToString();
    }

    private static int ChineseValue(ReadOnlySpan<char> run)
    {
        int total = 0, current = 0;
        var positional = !run.ContainsAny('十', '百');
        foreach (var ch in run)
        {
            switch (ch)
            {
                case '十': total += (current == 0 ? 1 : current) * 10; current = 0; break;
                case '百': total += (current == 0 ? 1 : current) * 100; current = 0; break;
                default:
                    var digit = ch switch { '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9, _ => 0 };
                    current = positional ? Math.Min((current * 10) + digit, 999_999) : digit;
                    break;
            }
        }
        return Math.Min(total + current, 999_999);
    }
}
