namespace Yishi.Platform.Notifications;

/// <summary>The <c>Notifications</c> configuration section: the relay, its gateways and who gets text messages.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Run the outbox relay in the background (tests call <see cref="Relay.OutboxRelay.RunOnceAsync"/> themselves).</summary>
    public bool Relay { get; set; } = true;
    public int RelayIntervalSeconds { get; set; } = 15;
    /// <summary>After this many failed attempts a message is dead (an admin may retry it).</summary>
    public int MaxAttempts { get; set; } = 6;
    /// <summary>Absolute base of links in text messages and emails, e.g. <c>https://yishi.example.gov.cn</c>.</summary>
    public string? PublicBaseUrl { get; set; }
    public SmtpOptions Smtp { get; set; } = new();
    public SmsOptions Sms { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? From { get; set; }
    public bool EnableSsl { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;

    public bool Configured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

public sealed class SmsOptions
{
    /// <summary>The gateway's endpoint; each message is POSTed as JSON <c>{"id","to","text"}</c>.</summary>
    public string? Url { get; set; }
    /// <summary>Sent as <c>Authorization: Bearer …</c> when set.</summary>
    public string? Token { get; set; }
    /// <summary>The district sends reporters a text when their demand moves on (needs a contact phone on the demand).</summary>
    public bool NotifyReporters { get; set; }
    public int TimeoutSeconds { get; set; } = 15;

    public bool Configured => Uri.TryCreate(Url, UriKind.Absolute, out _);
}
