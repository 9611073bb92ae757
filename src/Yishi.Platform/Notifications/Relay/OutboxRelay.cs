using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yishi.Platform.Data;

namespace Yishi.Platform.Notifications.Relay;

/// <summary>
/// Sends due outbox messages through the sink of their channel. Safe with several app instances: a message is
/// claimed by one conditional UPDATE (matching its <see cref="OutboxMessage.Version"/>) that also leases it for
/// <see cref="Lease"/>, so exactly one instance wins it; a crash mid-send frees it again when the lease ends.
/// Failures are retried with backoff (<see cref="Backoff"/>) up to <c>Notifications:MaxAttempts</c>, then the message is dead.
/// Messages of a channel with no configured gateway stay pending (marked <see cref="NotConfigured"/>) and leave
/// as soon as the gateway is configured.
/// </summary>
public sealed partial class OutboxRelay(IServiceScopeFactory scopes, TimeProvider clock, IEnumerable<IOutboxSink> sinks,
    IOptionsMonitor<NotificationOptions> options, ILogger<OutboxRelay> log)
{
    public const string NotConfigured = "not configured";
    public const int BatchSize = 100;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan[] Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(12)];

    /// <summary>The wait after the <paramref name="attempt"/>-th failed attempt (1-based).</summary>
    public static TimeSpan BackoffAfter(int attempt) => Backoff[Math.Clamp(attempt - 1, 0, Backoff.Length - 1)];

    /// <summary>One pass over the due messages; returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var ready = sinks.Where(s => s.Configured).ToDictionary(s => s.Channel, StringComparer.Ordinal);
        var channels = ready.Keys.ToList();
        var now = Now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
        var outbox = db.Set<OutboxMessage>().IgnoreQueryFilters();

        await outbox.Where(m => m.Status == OutboxStatus.Pending && !channels.Contains(m.Channel) && m.LastError != NotConfigured)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastError, NotConfigured), ct);

        var due = await outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && channels.Contains(m.Channel))
            .OrderBy(m => m.NextAttemptAt).Take(BatchSize)
            .Select(m => new { m.Id, m.Version }).ToListAsync(ct);
        var sent = 0;
        foreach (var candidate in due)
        {
            var claimed = await outbox
                .Where(m => m.Id == candidate.Id && m.Version == candidate.Version && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Version, m => m.Version + 1)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.NextAttemptAt, now + Lease), ct);
            if (claimed == 0) continue; // another instance has it
            var message = await outbox.AsNoTracking().SingleAsync(m => m.Id == candidate.Id, ct);
            if (await DeliverAsync(db, message, ready[message.Channel], ct)) sent++;
        }
        return sent;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<bool> DeliverAsync(YishiDbContext db, OutboxMessage message, IOutboxSink sink, CancellationToken ct)
    {
        var outbox = db.Set<OutboxMessage>().IgnoreQueryFilters().Where(m => m.Id == message.Id && m.Version == message.Version);
        try
        {
            await sink.SendAsync(message, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = Describe(ex, message.Recipient);
            var dead = message.Attempts >= options.CurrentValue.MaxAttempts || ex is OutboxSendFailedException { Permanent: true };
            var next = Now + BackoffAfter(message.Attempts);
            await outbox.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Version, m => m.Version + 1)
                .SetProperty(m => m.Status, dead ? OutboxStatus.Dead : OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
            if (dead) LogDead(message.Id, message.Channel, message.Attempts, error);
            else LogRetry(message.Id, message.Channel, message.Attempts, next, error);
            return false;
        }
        var now = Now;
        await outbox.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Version, m => m.Version + 1)
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        LogSent(message.Id, message.Channel, message.Attempts);
        return true;
    }

    /// <summary>The error for the admin page and the log: no recipient (it is masked), no message text.</summary>
    internal static string Describe(Exception ex, string recipient)
    {
        var text = ex switch
        {
            OutboxSendFailedException f => f.Message,
            SmtpException s => $"smtp {(int)s.StatusCode}: {s.Message}" + (s.InnerException is { } inner ? $" ({inner.GetBaseException().Message})" : ""),
            HttpRequestException h => $"http: {h.GetBaseException().Message}",
            TaskCanceledException or TimeoutException => "timeout",
            _ => $"{ex.GetType().Name}: {ex.GetBaseException().Message}",
        };
        if (recipient.Length > 0) text = text.Replace(recipient, OutboxRecipients.Mask(recipient), StringComparison.OrdinalIgnoreCase);
        return text.Length > 1000 ? text[..1000] : text;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Channel}) sent on attempt {Attempt}")]
    private partial void LogSent(Guid messageId, string channel, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Channel}) failed attempt {Attempt}, retry at {NextAttemptAt:o}: {Error}")]
    private partial void LogRetry(Guid messageId, string channel, int attempt, DateTime nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Channel}) is dead after attempt {Attempt}: {Error}")]
    private partial void LogDead(Guid messageId, string channel, int attempt, string error);
}

public static class OutboxRecipients
{
    /// <summary>Phones as 138****8000; emails as z***@example.org.</summary>
    public static string Mask(string recipient)
    {
        var at = recipient.IndexOf('@', StringComparison.Ordinal);
        if (at < 0) return Rules.PersonalData.MaskPhone(recipient);
        return at == 0 ? "***" + recipient[at..] : string.Concat(recipient.AsSpan(0, 1), "***", recipient.AsSpan(at));
    }
}

/// <summary>Runs the relay every <c>Notifications:RelayIntervalSeconds</c>, at once again while full batches keep coming.</summary>
public sealed partial class OutboxRelayService(OutboxRelay relay, IOptions<NotificationOptions> options, ILogger<OutboxRelayService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.RelayIntervalSeconds)));
        do
        {
            try
            {
                while (await relay.RunOnceAsync(stoppingToken) >= OutboxRelay.BatchSize && !stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay pass failed; retrying at the next tick")]
    private partial void LogFailed(Exception ex);
}
