using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;

namespace Yishi.Platform.Notifications;

public static class OutboxChannels
{
    public const string Email = "email";
    public const string Sms = "sms";
}

/// <summary>Adds notifications to the current unit of work (they commit with the change that caused them).</summary>
public sealed class Notifier(YishiDbContext db, TimeProvider clock, IOptions<NotificationOptions> options)
{
    public static readonly CultureInfo DefaultCulture = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>
    /// In-app notifications for <paramref name="userIds"/>, each written in the recipient's preferred language (zh-CN
    /// when they have none); with <paramref name="smsTo"/> (a contact phone) and text messages enabled for reporters
    /// (<c>Notifications:Sms:NotifyReporters</c>), also a text with the same words and the link, in the language of the
    /// single account notified (zh-CN for a bare phone or several accounts).
    /// </summary>
    public async Task NotifyAsync(Guid districtId, IEnumerable<Guid> userIds, NotificationText text, string? link, string? smsTo = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = userIds.Distinct().ToList();
        var cultures = await CulturesAsync(ids, ct);
        foreach (var group in ids.GroupBy(id => cultures.GetValueOrDefault(id, DefaultCulture)))
        {
            var words = text.Render(group.Key);
            foreach (var userId in group)
                db.Set<Notification>().Add(new Notification(districtId, userId, words, link, now));
        }
        if (!string.IsNullOrWhiteSpace(smsTo) && options.Value.Sms.NotifyReporters)
        {
            var culture = ids.Count == 1 ? cultures.GetValueOrDefault(ids[0], DefaultCulture) : DefaultCulture;
            Send(districtId, OutboxChannels.Sms, smsTo, "", SmsText(text.Render(culture), link, culture));
        }
    }

    /// <summary>Each user's preferred language; users without one are left out (they read zh-CN).</summary>
    public async Task<Dictionary<Guid, CultureInfo>> CulturesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct = default)
    {
        if (userIds.Count == 0) return [];
        var rows = await db.Users.Where(u => userIds.Contains(u.Id) && u.PreferredCulture != null)
            .Select(u => new { u.Id, u.PreferredCulture }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => CultureOf(r.PreferredCulture));
    }

    /// <summary>"en" (or any English) → en; anything else → zh-CN.</summary>
    public static CultureInfo CultureOf(string? name)
        => name is not null && name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? CultureInfo.GetCultureInfo("en") : DefaultCulture;

    /// <summary>Users holding one of <paramref name="roles"/> in <paramref name="areaPath"/> or any area above it.</summary>
    public async Task<List<Guid>> UsersActingForAsync(Guid districtId, string areaPath, IReadOnlyCollection<Role> roles, CancellationToken ct = default)
    {
        var ancestors = new List<string>();
        var segments = areaPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i <= segments.Length; i++) ancestors.Add("/" + string.Join('/', segments.Take(i)) + "/");
        return await db.RoleAssignments.IgnoreQueryFilters()
            .Where(r => r.DistrictId == districtId && r.RevokedAt == null && ancestors.Contains(r.AreaPath) && roles.Contains(r.Role))
            .Select(r => r.UserId).Distinct().ToListAsync(ct);
    }

    /// <summary>A message to leave the system, already written in the recipient's language (e.g. at the request culture of the person it is for).</summary>
    public void Send(Guid districtId, string channel, string recipient, string subject, string body)
        => db.Set<OutboxMessage>().Add(new OutboxMessage(districtId, channel, recipient, subject, body, clock.GetUtcNow().UtcDateTime));

    /// <summary>A message to a bare address (no account, so no known language): written in zh-CN.</summary>
    public void Send(Guid districtId, string channel, string recipient, string subject, NotificationText body)
        => Send(districtId, channel, recipient, subject, body.Render(DefaultCulture));

    /// <summary>The in-app words (they name the tracking code, never a person) plus the absolute link when a public base URL is set.</summary>
    private string SmsText(string text, string? link, CultureInfo culture)
    {
        var baseUrl = options.Value.PublicBaseUrl?.TrimEnd('/');
        return link is null || string.IsNullOrEmpty(baseUrl)
            ? text
            : NotificationText.Of<NotificationStrings>("Sms_WithLink", ("text", text), ("url", baseUrl + link)).Render(culture);
    }
}
