namespace Yishi.Platform.Notifications;

/// <summary>Resource marker for the notification and outbox pages.</summary>
public sealed class NotificationStrings;
