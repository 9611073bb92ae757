using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Yishi.BrowserTests.Infrastructure;

/// <summary>
/// The accessibility gate: axe-core (from npm, copied to the test output) runs on every page a journey takes a
/// screenshot of, at the phone (390px) and the desktop width, and fails the journey on any serious or critical
/// violation with a list of rule, element and page. Every finding is also appended to screenshots/axe-violations.log.
/// </summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js")));
    private static readonly Lock LogGate = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Violation(string Id, string Impact, string Help, string[] Targets);

    private const string Run = """
        async () => {
            const r = await axe.run(document, { resultTypes: ['violations'] });
            return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 220)),
            }));
        }
        """;

    /// <summary>Runs axe at the page's own width and at the other one (phone ↔ desktop); throws on serious/critical findings.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        var own = page.ViewportSize ?? new PageViewportSizeResult { Width = 1366, Height = 900 };
        var found = new List<(string Viewport, Violation V)>();
        found.AddRange((await RunAsync(page)).Select(v => ($"{own.Width}px", v)));
        var other = own.Width > 390 ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 };
        await page.SetViewportSizeAsync(other.Width, other.Height);
        try
        {
            found.AddRange((await RunAsync(page)).Select(v => ($"{other.Width}px", v)));
        }
        finally
        {
            await page.SetViewportSizeAsync(own.Width, own.Height);
        }
        if (found.Count == 0) return;

        var report = new StringBuilder();
        report.AppendLine($"axe: {found.Count} serious/critical violation(s) on {page.Url} (screenshot {name}):");
        foreach (var (viewport, v) in found)
        {
            report.AppendLine($"  [{v.Impact}] {v.Id} ({viewport}): {v.Help}");
            foreach (var t in v.Targets.Take(8)) report.AppendLine($"      {t}");
        }
        lock (LogGate) File.AppendAllText(Path.Combine(BrowserApp.ScreenshotDir, "axe-violations.log"), report.ToString());
        if (Environment.GetEnvironmentVariable("YISHI_AXE_REPORT_ONLY") != "1")
            Assert.Fail(report.ToString());
    }

    private static async Task<IReadOnlyList<Violation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            // The app's CSP (script-src 'self') refuses an injected <script> tag, so the script is evaluated through the
            // DevTools protocol, which the page's CSP does not govern.
            var cdp = await page.Context.NewCDPSessionAsync(page);
            // Left attached: detaching a session resets the page's emulation (print media) in Chromium.
            await cdp.SendAsync("Runtime.evaluate", new Dictionary<string, object> { ["expression"] = AxeSource.Value });
        }
        var json = await page.EvaluateAsync<JsonElement>(Run);
        return json.Deserialize<List<Violation>>(Json) ?? [];
    }
}
