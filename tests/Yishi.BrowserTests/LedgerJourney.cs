using Microsoft.Playwright;
using Yishi.BrowserTests.Infrastructure;

namespace Yishi.BrowserTests;

/// <summary>An auditor-minded street officer works the ledger (台账) of a year of demo demands: search, filters, the printable record with an audited phone reveal, the three rates.</summary>
public sealed class LedgerJourney(BrowserApp app)
{
    [Fact]
    public async Task Street_officer_searches_the_ledger_prints_a_record_and_reads_the_three_rates()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in?ReturnUrl=%2Fdemands%2Fledger");
        await page.FillAsync("#user-name", "street-nanen");
        await page.FillAsync("#password", "Yishi@2026");
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync("**/demands/ledger");
        await page.WaitForSelectorAsync("#ledger-table");
        await BrowserApp.ScreenshotAsync(page, "ledger-01-all");

        // Two Chinese characters find the leaks; a status filter narrows them; the filters stay in the form.
        await page.FillAsync("#f-q", "漏水");
        await page.ClickAsync("#ledger-search");
        await page.WaitForURLAsync("**q=*");
        var rows = page.Locator("#ledger-table tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        (await page.InputValueAsync("#f-q")).ShouldBe("漏水");
        await BrowserApp.ScreenshotAsync(page, "ledger-02-search");

        // The printable record; the full phone only with a reason, and then it is on the record.
        await rows.First.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync("**/demands/*");
        await page.GotoAsync(page.Url.Split('?')[0] + "/print");
        await page.WaitForSelectorAsync("#print-record");
        await BrowserApp.ScreenshotAsync(page, "ledger-03-print");
        await BrowserApp.PrintScreenshotAsync(page, "ledger-03b-print-media", "#print-record .record-head h1", "#record-code", ".record-signatures");
        if (await page.Locator("#reveal-form").CountAsync() > 0)
        {
            await page.ClickAsync("#reveal-submit");
            await page.WaitForSelectorAsync("#reveal-form .field-error");
            await page.FillAsync("#reveal-reason", "回访核实办理结果");
            await page.ClickAsync("#reveal-submit");
            await page.WaitForSelectorAsync("#revealed-phone");
            (await page.Locator("#revealed-phone").InnerTextAsync()).ShouldMatch(@"1[39]\d{9}");
        }

        // The statistics of the street: response, completion (办结率) and satisfaction rates with charts.
        await page.GotoAsync("/demands/stats");
        await page.WaitForSelectorAsync("#stats-rates");
        (await page.Locator("#stats-rates").InnerTextAsync()).ShouldContain("%");
        await page.WaitForSelectorAsync("#chart-month canvas, #chart-month svg", new() { State = WaitForSelectorState.Attached });
        await BrowserApp.ScreenshotAsync(page, "ledger-04-stats");

        var phone = await app.NewPageAsync(phone: true);
        await phone.GotoAsync("/account/sign-in?ReturnUrl=%2Fdemands%2Fledger");
        await phone.FillAsync("#user-name", "sec-wenhua");
        await phone.FillAsync("#password", "Yishi@2026");
        await phone.ClickAsync("#sign-in-submit");
        await phone.WaitForURLAsync("**/demands/ledger");
        await BrowserApp.ScreenshotAsync(phone, "ledger-05-phone");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).ShouldBeTrue();
        (await phone.EvaluateAsync<bool>("() => { const t = document.querySelector('#ledger-table'); return t.scrollWidth <= t.parentElement.clientWidth + 1; }")).ShouldBeTrue();

        // The inbox on the phone: rows as cards, nothing to scroll sideways.
        await phone.GotoAsync("/demands");
        await phone.WaitForSelectorAsync("#inbox-table");
        await BrowserApp.ScreenshotAsync(phone, "ledger-06-phone-inbox");
        (await phone.EvaluateAsync<bool>("() => { const t = document.querySelector('#inbox-table'); return t.scrollWidth <= t.parentElement.clientWidth + 1; }")).ShouldBeTrue();
    }
}
