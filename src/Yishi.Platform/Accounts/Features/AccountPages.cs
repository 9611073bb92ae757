using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Features;
using Yishi.Platform.Areas.Features.AreaTree;
using Yishi.Platform.Security;

namespace Yishi.Platform.Accounts.Features;

/// <summary>Small helpers shared by the account administration pages.</summary>
internal static class AccountPages
{
    /// <summary>The active areas (as a tree) where the caller holds <paramref name="permission"/>.</summary>
    public static async Task<IReadOnlyList<AreaDto>> AreasWithAsync(AreaTree tree, AccessScope scope, Permission permission)
    {
        var paths = await scope.PathsWithAsync(permission);
        return (await tree.HandleAsync(includeRetired: false)).Where(a => paths.Any(p => a.Path.StartsWith(p, StringComparison.Ordinal))).ToList();
    }

    /// <summary>Times are stored in UTC and shown in China Standard Time (UTC+8, no daylight saving).</summary>
    public static string Local(DateTime utc) => utc.AddHours(8).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string KindTone(AccountKind kind) => kind == AccountKind.Official ? "primary" : "info";
}
