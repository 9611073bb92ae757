using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Yishi.IntegrationTests.Infrastructure;

/// <summary>
/// Builds .xlsx files in memory the way Excel saves them: text in the shared-string table, and a cell that
/// looks like a whole number (a phone typed without a leading apostrophe) as a number cell.
/// </summary>
public static class Xlsx
{
    public static readonly string[] Header = ["组", "门牌号", "户主", "家庭成员", "联系电话"];

    public static byte[] Build(IEnumerable<IReadOnlyList<string>> rows, bool numbersAsNumbers = true)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sharedPart = workbook.AddNewPart<SharedStringTablePart>();
            var shared = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 0;
            foreach (var values in rows)
            {
                r++;
                var row = new Row { RowIndex = r };
                for (var c = 0; c < values.Count; c++)
                {
                    var reference = string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + c)}{r}");
                    var value = values[c];
                    if (value.Length == 0) continue;
                    if (numbersAsNumbers && value.Length is > 0 and < 15 && value.All(char.IsAsciiDigit))
                    {
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(value) });
                        continue;
                    }
                    if (!index.TryGetValue(value, out var i))
                    {
                        index[value] = i = shared.Count;
                        shared.Add(value);
                    }
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) });
                }
                data.Append(row);
            }
            sharedPart.SharedStringTable = new SharedStringTable(shared.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A roster: the header and the given data rows.</summary>
    public static byte[] Roster(params string[][] rows) => Build([Header, .. rows]);

    public static MultipartFormDataContent Upload(byte[] file, Guid communityId, string fileName = "花名册.xlsx")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", fileName);
        content.Add(new StringContent(communityId.ToString()), "communityId");
        return content;
    }
}
