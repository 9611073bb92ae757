using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Data;

namespace Yishi.Web.Hosting;

/// <summary>
/// Remembers the language a signed-in user switched to at <c>/culture</c>, so notifications and texts sent to them
/// later (by other people's actions or the background sweeps) are written in it.
/// </summary>
internal static class CulturePreference
{
    public static async Task RememberAsync(HttpContext http, string culture)
    {
        var userId = http.RequestServices.GetRequiredService<RequestContext>().UserId;
        if (userId is not { } id) return;
        var db = http.RequestServices.GetRequiredService<YishiDbContext>();
        await db.Users.Where(u => u.Id == id && u.PreferredCulture != culture)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, culture), http.RequestAborted);
    }
}
