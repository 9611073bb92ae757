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
    /// <summary>
    /// In-app notifications for <paramref name="userIds"/>; with <paramref name="smsTo"/> (a contact phone) and text messages
    /// enabled for reporters (<c>Notifications:Sms:NotifyReporters</c>), also a text with the same words and the link.
    /// </summary>
    public void Notify(Guid districtId, IEnumerable<Guid> userIds, string text, string? link, string? smsTo = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var userId in userIds.Distinct())
            db.Set<Notification>().Add(new Notification(districtId, userId, text, link, now));
        if (!string.IsNullOrWhiteSpace(smsTo) && options.Value.Sms.NotifyReporters)
            Send(districtId, OutboxChannels.Sms, smsTo, "", SmsText(text, link));
    }

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

    public void Send(Guid districtId, string channel, string recipient, string subject, string body)
        => db.Set<OutboxMessage>().Add(new OutboxMessage(districtId, channel, recipient, subject, body, clock.GetUtcNow().UtcDateTime));

    /// <summary>The in-app words (they name the tracking code, never a person) plus the absolute link when a public base URL is set.</summary>
    private string SmsText(string text, string? link)
    {
        var baseUrl = options.Value.PublicBaseUrl?.TrimEnd('/');
        return link is null || string.IsNullOrEmpty(baseUrl) ? text : $"{text}查看：{baseUrl}{link}";
    }
}
