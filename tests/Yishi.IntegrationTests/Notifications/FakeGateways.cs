using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Yishi.IntegrationTests.Infrastructure;

namespace Yishi.IntegrationTests.Notifications;

/// <summary>One message as the loopback SMTP server received it.</summary>
public sealed record CapturedMail(string From, IReadOnlyList<string> To, string Data)
{
    private string Headers => Data[..Math.Max(0, Data.IndexOf("\r\n\r\n", StringComparison.Ordinal))];

    public string? Header(string name)
        => Regex.Match(Headers.Replace("\r\n ", " ", StringComparison.Ordinal), $"^{Regex.Escape(name)}: (.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)
            is { Success: true } m ? m.Groups[1].Value.Trim() : null;

    /// <summary>The subject with its RFC 2047 encoded words decoded (the app sends UTF-8 base64 words).</summary>
    public string Subject => Regex.Replace(Header("Subject") ?? "", @"=\?utf-8\?B\?([^?]*)\?=\s*", m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)), RegexOptions.IgnoreCase);

    /// <summary>The body, base64-decoded (the app sends it base64-encoded).</summary>
    public string Body => Encoding.UTF8.GetString(Convert.FromBase64String(Data[(Data.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Replace("\r\n", "", StringComparison.Ordinal)));
}

/// <summary>
/// A tiny SMTP server on 127.0.0.1:(free port) speaking just enough SMTP for System.Net.Mail: EHLO/HELO, MAIL FROM,
/// RCPT TO, DATA, RSET, NOOP, QUIT. A recipient containing "reject" gets 550. Messages are captured before the
/// 250 that ends DATA, so they are there when the sender's send completes.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public FakeSmtpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }
    public ConcurrentQueue<CapturedMail> Received { get; } = new();

    public IReadOnlyList<CapturedMail> To(string recipient) => Received.Where(m => m.To.Contains(recipient)).ToList();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 fake.test ESMTP");
            string from = "";
            var to = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-fake.test");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO" or "NOOP":
                        await writer.WriteLineAsync("250 ok");
                        break;
                    case "RSET":
                        from = "";
                        to.Clear();
                        await writer.WriteLineAsync("250 ok");
                        break;
                    case "MAIL":
                        from = Address(line);
                        await writer.WriteLineAsync("250 ok");
                        break;
                    case "RCPT":
                        var rcpt = Address(line);
                        if (rcpt.Contains("reject", StringComparison.OrdinalIgnoreCase))
                        {
                            await writer.WriteLineAsync($"550 5.1.1 <{rcpt}>: mailbox unavailable");
                        }
                        else
                        {
                            to.Add(rcpt);
                            await writer.WriteLineAsync("250 ok");
                        }
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } d && d != ".")
                            data.Append(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d).Append("\r\n");
                        Received.Enqueue(new CapturedMail(from, [.. to], data.ToString()));
                        from = "";
                        to.Clear();
                        await writer.WriteLineAsync("250 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 not implemented");
                        break;
                }
            }
        }
        catch (IOException) { }
        catch (OperationCanceledException) { }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

/// <summary>One JSON POST the fake SMS gateway received.</summary>
public sealed record CapturedSms(Guid Id, string To, string Text, string? Authorization);

/// <summary>
/// A minimal HTTP SMS gateway (HttpListener on a free loopback port): captures each JSON POST and answers 200,
/// or 503 for numbers in <see cref="Failing"/>.
/// </summary>
public sealed class FakeSmsGateway : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public FakeSmsGateway()
    {
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
        _serving = ServeAsync();
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/sms";
    public ConcurrentQueue<CapturedSms> Received { get; } = new();
    public ConcurrentDictionary<string, bool> Failing { get; } = new();

    public IReadOnlyList<CapturedSms> To(string phone) => Received.Where(m => m.To == phone).ToList();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (HttpListenerException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Task.Run(async () =>
            {
                using var body = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
                var json = JsonDocument.Parse(await body.ReadToEndAsync()).RootElement;
                var sms = new CapturedSms(json.GetProperty("id").GetGuid(), json.GetProperty("to").GetString()!, json.GetProperty("text").GetString()!,
                    ctx.Request.Headers["Authorization"]);
                Received.Enqueue(sms);
                ctx.Response.StatusCode = ctx.Request.HttpMethod == "POST" && ctx.Request.Url!.AbsolutePath == "/sms"
                    ? Failing.ContainsKey(sms.To) ? 503 : 200
                    : 404;
                ctx.Response.Close();
            });
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}

/// <summary>The two fake gateways and the settings that point the app at them.</summary>
public sealed class Gateways : IAsyncDisposable
{
    public const string Token = "test-token";
    public const string BaseUrl = "https://yishi.example";

    public FakeSmtpServer Smtp { get; } = new();
    public FakeSmsGateway Sms { get; } = new();

    public (string, string)[] Settings =>
    [
        ("Notifications:MaxAttempts", "4"),
        ("Notifications:PublicBaseUrl", BaseUrl),
        ("Notifications:Smtp:Host", "127.0.0.1"),
        ("Notifications:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Notifications:Smtp:From", "noreply@yishi.test"),
        ("Notifications:Smtp:TimeoutSeconds", "10"),
        ("Notifications:Sms:Url", Sms.Url),
        ("Notifications:Sms:Token", Token),
        ("Notifications:Sms:NotifyReporters", "true"),
    ];

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await Sms.DisposeAsync();
    }
}

public sealed class RelaySqliteApp : YishiAppWithSettings
{
    public RelaySqliteApp() : this(new Gateways()) { }
    private RelaySqliteApp(Gateways gateways) : base("Sqlite", null, gateways.Settings) => Gateways = gateways;
    public Gateways Gateways { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Gateways.DisposeAsync();
    }
}

public sealed class RelayPostgresApp : YishiAppWithSettings
{
    public RelayPostgresApp(PostgresServer postgres) : this(postgres, new Gateways()) { }
    private RelayPostgresApp(PostgresServer postgres, Gateways gateways) : base("Postgres", postgres, gateways.Settings) => Gateways = gateways;
    public Gateways Gateways { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Gateways.DisposeAsync();
    }
}
