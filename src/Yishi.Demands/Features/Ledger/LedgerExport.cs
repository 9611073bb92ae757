using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yishi.Demands.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Features.Ledger;

/// <summary>
/// The ledger as .xlsx, written row by row with OpenXmlWriter into a temporary file that is deleted on
/// close, then streamed to the client: memory stays flat for 100,000 rows and more. Phones are masked.
/// Each export is audited (who exported which filter).
/// </summary>
public sealed class LedgerExport(YishiDbContext db, LedgerQuery ledger, Access.DemandWorkflow workflow, AuditTrail audit, RequestContext request, IStringLocalizer<DemandStrings> t)
{
    public const int MaxRows = 1_000_000;

    public async Task<Stream> WriteAsync(LedgerFilter filter, CancellationToken ct = default)
    {
        var query = LedgerQuery.Ordered(await ledger.FilteredAsync(filter, ct), filter.Sort).Take(MaxRows).Select(LedgerQuery.Row(workflow.Now));
        var areaNames = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var unitNames = await db.Set<HandlingUnit>().AsNoTracking().Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"yishi-ledger-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var rows = 0;
        using (var doc = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var w = OpenXmlWriter.Create(sheet))
            {
                w.WriteStartElement(new Worksheet());
                w.WriteStartElement(new SheetData());
                WriteRow(w, Headers.Select(h => (string)t[h]));
                await foreach (var r in query.AsAsyncEnumerable().WithCancellation(ct))
                {
                    WriteRow(w, [
                        r.TrackingCode, Local(r.CreatedAt), areaNames.GetValueOrDefault(r.AreaId, ""), t[$"Channel_{r.Channel}"], r.Description,
                        r.Ownership is { } o ? t[$"Ownership_{o}"] : "", r.ContentCategory is { } c ? t[$"Content_{c}"] : "",
                        r.MustDeliberate is { } m ? t[$"MustDeliberate_{m}"] : "", r.Urgent ? t["Export_Yes"] : "", t[$"Level_{r.Level}"],
                        t[$"Status_{r.Status}"], r.UnitId is { } u ? unitNames.GetValueOrDefault(u, "") : "", Local(r.DueAt), r.Overdue ? t["Export_Yes"] : "",
                        Local(r.HandledAt), Local(r.ClosedAt), r.Satisfaction is { } s ? t[$"Satisfaction_{s}"] : "", r.ReopenCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        r.ContactPhoneMasked is null ? "" : PersonalData.MaskPhone(r.ContactPhoneMasked),
                    ]);
                    rows++;
                }
                w.WriteEndElement();
                w.WriteEndElement();
            }
            using (var w = OpenXmlWriter.Create(workbook))
            {
                w.WriteStartElement(new Workbook());
                w.WriteStartElement(new Sheets());
                w.WriteElement(new Sheet { Name = t["Export_SheetName"].Value, SheetId = 1, Id = workbook.GetIdOfPart(sheet) });
                w.WriteEndElement();
                w.WriteEndElement();
            }
        }
        if (request.DistrictId is { } district)
        {
            audit.Record(district, "ledger.exported", "ledger", district, note: $"rows={rows}; filter={filter}");
            await db.SaveChangesAsync(ct);
        }
        file.Position = 0;
        return file;
    }

    private static readonly string[] Headers =
    [
        "Export_Code", "Export_Created", "Export_Area", "Export_Channel", "Export_Description", "Export_Ownership", "Export_Content",
        "Export_MustDeliberate", "Export_Urgent", "Export_Level", "Export_Status", "Export_Unit", "Export_Due", "Export_Overdue",
        "Export_Handled", "Export_Closed", "Export_Satisfaction", "Export_Reopened", "Export_Phone",
    ];

    private static string Local(DateTime? utc) => utc is { } v ? v.AddHours(8).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";

    private static void WriteRow(OpenXmlWriter w, IEnumerable<string> values)
    {
        w.WriteStartElement(new Row());
        foreach (var v in values)
            w.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(v))) });
        w.WriteEndElement();
    }

    /// <summary>Strips control characters XML cannot carry and neutralises formula injection (=, +, -, @ at the start).</summary>
    private static string Clean(string v)
    {
        var s = new string(v.Where(c => c == '\t' || c == '\n' || c == '\r' || c >= ' ').ToArray());
        return s.Length > 0 && s[0] is '=' or '+' or '-' or '@' ? "'" + s : s;
    }
}
