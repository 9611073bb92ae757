using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yishi.Platform.Data;

namespace Yishi.Platform.Notifications;

/// <summary>An in-app notification for one user (shown on the workbench), e.g. "a demand was escalated to you".</summary>
public sealed class Notification : ITenantOwned
{
    public const int TextMaxLength = 300;

    private Notification() { }

    public Notification(Guid districtId, Guid userId, string text, string? link, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        UserId = userId;
        Text = text.Length > TextMaxLength ? text[..TextMaxLength] : text;
        Link = link;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid UserId { get; private set; }
    public string Text { get; private set; } = "";
    public string? Link { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; set; }
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    /// <summary>Gave up after the maximum number of attempts; an admin may retry it.</summary>
    Dead = 2,
}

/// <summary>
/// A message to leave the system (email, SMS, webhook), written in the same transaction as the change
/// that caused it and relayed later (transactional outbox), so nothing is sent for a rolled-back change
/// and nothing is lost when the gateway is down.
/// </summary>
public sealed class OutboxMessage : ITenantOwned, IVersioned
{
    private OutboxMessage() { }

    public OutboxMessage(Guid districtId, string channel, string recipient, string subject, string body, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        Channel = channel;
        Recipient = recipient;
        Subject = subject;
        Body = body;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    /// <summary>"email" or "sms".</summary>
    public string Channel { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public OutboxStatus Status { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    public int Version { get; set; }

    /// <summary>An admin sends a dead message again: a fresh round of attempts, starting now.</summary>
    public void Retry(DateTime now)
    {
        if (Status != OutboxStatus.Dead) throw new Rules.RuleViolation("outbox.not_dead", "Outbox_NotDead", null, typeof(NotificationStrings));
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength);
        b.Property(n => n.Link).HasMaxLength(300);
        // The bell's unread count, and the user's list newest first (keyset on CreatedAt, Id).
        b.HasIndex(n => new { n.DistrictId, n.UserId, n.ReadAt });
        b.HasIndex(n => new { n.DistrictId, n.UserId, n.CreatedAt, n.Id });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Channel).HasMaxLength(16);
        b.Property(m => m.Recipient).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(200);
        b.Property(m => m.Body).HasMaxLength(4000);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.Property(m => m.Version).IsConcurrencyToken();
        // The relay's due scan (across districts), and the admin's counts and recent list per district.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => new { m.DistrictId, m.Status, m.CreatedAt });
        b.HasIndex(m => new { m.DistrictId, m.CreatedAt, m.Id });
    }
}
