using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace Yishi.Platform.Notifications.Relay;

/// <summary>Delivers outbox messages of one channel. Throws on failure; the relay schedules the retry.</summary>
public interface IOutboxSink
{
    string Channel { get; }
    bool Configured { get; }
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>A failure the gateway reported. <see cref="Permanent"/>: retrying cannot help (e.g. a malformed address).</summary>
public sealed class OutboxSendFailedException(string message, bool permanent = false) : Exception(message)
{
    public bool Permanent { get; } = permanent;
}

/// <summary><c>email</c> through an SMTP relay host (System.Net.Mail).</summary>
public sealed class SmtpSink(IOptionsMonitor<NotificationOptions> options) : IOutboxSink
{
    public string Channel => OutboxChannels.Email;
    public bool Configured => options.CurrentValue.Smtp.Configured;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var o = options.CurrentValue.Smtp;
        MailAddress from, to;
        try
        {
            from = new MailAddress(o.From!);
            to = new MailAddress(message.Recipient);
        }
        catch (FormatException)
        {
            throw new OutboxSendFailedException("invalid email address", permanent: true);
        }
        using var mail = new MailMessage(from, to)
        {
            Subject = message.Subject,
            Body = message.Body,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
        };
        mail.Headers.Add("X-Yishi-Message-Id", message.Id.ToString());
        using var client = new SmtpClient(o.Host, o.Port)
        {
            EnableSsl = o.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = o.TimeoutSeconds * 1000,
        };
        if (!string.IsNullOrEmpty(o.User)) client.Credentials = new NetworkCredential(o.User, o.Password);
        await client.SendMailAsync(mail, ct);
    }
}

/// <summary><c>sms</c> through an HTTP gateway: POST JSON <c>{"id","to","text"}</c>, optional bearer token; any 2xx is success.</summary>
public sealed class HttpSmsSink(IHttpClientFactory http, IOptionsMonitor<NotificationOptions> options) : IOutboxSink
{
    public const string ClientName = "outbox-sms";

    public string Channel => OutboxChannels.Sms;
    public bool Configured => options.CurrentValue.Sms.Configured;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var o = options.CurrentValue.Sms;
        using var request = new HttpRequestMessage(HttpMethod.Post, o.Url)
        {
            // The id lets the gateway drop a duplicate if we crash between its answer and our commit.
            Content = JsonContent.Create(new SmsPayload(message.Id, message.Recipient, message.Body)),
        };
        if (!string.IsNullOrEmpty(o.Token)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.Token);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        using var response = await http.CreateClient(ClientName).SendAsync(request, cts.Token);
        if (!response.IsSuccessStatusCode)
            throw new OutboxSendFailedException($"gateway answered {(int)response.StatusCode}", permanent: response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity);
    }

    private sealed record SmsPayload(Guid Id, string To, string Text);
}
