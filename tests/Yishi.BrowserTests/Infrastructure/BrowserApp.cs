using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, MaxParallelThreads = 2)]
// One app (and one demo district, seeded once) for every journey; journeys use their own names and records.
[assembly: AssemblyFixture(typeof(Yishi.BrowserTests.Infrastructure.BrowserApp))]

namespace Yishi.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel (a free loopback port) with the demo district seeded into a fresh SQLite
/// file, and one headless Debian Chromium driven by Playwright. One per test class.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"yishi-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public static string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Directory.CreateDirectory(ScreenshotDir);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Yishi", $"Data Source={_dbFile};Default Timeout=30");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInPerUserNamePerMinute", "100000");
        builder.UseSetting("RateLimits:RegisterPerMinute", "100000");
        builder.UseSetting("RateLimits:TrackPerMinute", "100000");
        builder.UseSetting("RateLimits:IntakePerMinute", "100000");
        builder.UseSetting("RateLimits:ApiPerMinute", "100000");
        // Server-side errors go to screenshots/server-errors.log next to the pictures, to read when a journey fails.
        builder.ConfigureLogging(logging => logging.AddProvider(new ErrorFileLogger(Path.Combine(ScreenshotDir, "server-errors.log"))));
    }

    /// <summary>A fresh browser context (own cookies); phone = a 390×844 touch viewport.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(phone
            ? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2, BaseURL = BaseUrl }
            : new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, BaseURL = BaseUrl });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A full-page screenshot, then the accessibility gate (<see cref="Accessibility"/>) on the same page.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });
        await Accessibility.CheckAsync(page, name);
    }

    /// <summary>
    /// The page as printed (print media): a screenshot, the site header, menu and footer gone, and every one of
    /// <paramref name="mustShow"/> (a record's own title, number, status, print time, signatures) still there.
    /// </summary>
    public static async Task PrintScreenshotAsync(IPage page, string name, params string[] mustShow)
    {
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });
            foreach (var chrome in new[] { ".site-header", ".site-footer" })
                if (await page.Locator(chrome).CountAsync() > 0)
                    (await page.Locator(chrome).IsVisibleAsync()).ShouldBeFalse($"{chrome} is printed on {page.Url}");
            foreach (var selector in mustShow)
                (await page.Locator(selector).First.IsVisibleAsync()).ShouldBeTrue($"{selector} is not printed on {page.Url}");
            await Accessibility.CheckAsync(page, name);
        }
        finally
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _dbFile, _dbFile + "-wal", _dbFile + "-shm" })
            if (File.Exists(f)) File.Delete(f);
        GC.SuppressFinalize(this);
    }
}

/// <summary>Appends warnings and errors (with exceptions) of the app under test to a file.</summary>
internal sealed class ErrorFileLogger(string path) : ILoggerProvider, ILogger
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        lock (_gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.AppendAllText(path, $"{DateTime.UtcNow:O} {logLevel} {formatter(state, exception)}\n{exception}\n\n");
        }
    }

    public void Dispose()
    {
    }
}
