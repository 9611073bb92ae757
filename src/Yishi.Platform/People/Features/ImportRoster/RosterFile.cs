using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Yishi.Platform.Rules;

namespace Yishi.Platform.People.Features.ImportRoster;

/// <summary>One data row of a roster file, as text, with its row number in the sheet.</summary>
public sealed record RosterCells(int Row, string Group, string HouseNumber, string Head, string Members, string Phone);

/// <summary>
/// Reads the first sheet of an .xlsx roster: a header row of Chinese column names (any order, spaces ignored),
/// then one household per row. Streams the sheet (row by row) and stops at the limits, so a large or hostile
/// file costs bounded memory. Anything that is not a real xlsx package is "wrong format".
/// </summary>
public static class RosterFile
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;
    public const string GroupColumn = "组";
    public const string HouseNumberColumn = "门牌号";
    public const string HeadColumn = "户主";
    public const string MembersColumn = "家庭成员";
    public const string PhoneColumn = "联系电话";
    public static readonly string[] Columns = [GroupColumn, HouseNumberColumn, HeadColumn, MembersColumn, PhoneColumn];
    public static readonly string[] RequiredColumns = [GroupColumn, HouseNumberColumn, HeadColumn];

    // Bounds for what a 5 MB zip may expand to: rows scanned (blank ones too) and shared-string characters.
    private const int MaxScannedRows = 50_000;
    private const long MaxSharedStringChars = 20_000_000;
    private const int MaxColumns = 64;

    public static RuleViolation WrongFormat() => new("roster.wrong_format", "Roster_WrongFormat", "file", typeof(PeopleStrings), 415);
    public static RuleViolation TooLarge() => new("roster.too_large", "Roster_TooLarge", "file", typeof(PeopleStrings), 413, MaxBytes / 1024 / 1024);
    public static RuleViolation TooManyRows() => new("roster.too_many_rows", "Roster_TooManyRows", "file", typeof(PeopleStrings), 422, MaxRows);

    public static IReadOnlyList<RosterCells> Read(Stream content)
    {
        if (!content.CanSeek) throw new ArgumentException("A seekable stream is needed.", nameof(content));
        if (content.Length > MaxBytes) throw TooLarge();
        Span<byte> magic = stackalloc byte[4];
        content.Position = 0;
        if (content.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4)
            throw WrongFormat();
        content.Position = 0;
        try
        {
            using var document = SpreadsheetDocument.Open(content, false);
            return ReadRows(document);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException
                                      or InvalidOperationException or NotSupportedException or IOException or FormatException or KeyNotFoundException)
        {
            throw WrongFormat();
        }
    }

    private static List<RosterCells> ReadRows(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw WrongFormat();
        var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw WrongFormat();
        if (sheet.Id?.Value is not { } relationId || workbook.GetPartById(relationId) is not WorksheetPart worksheet) throw WrongFormat();
        var strings = SharedStrings(workbook.SharedStringTablePart);

        Dictionary<string, int>? header = null;
        var rows = new List<RosterCells>();
        var scanned = 0;
        using var reader = OpenXmlReader.Create(worksheet);
        var more = reader.Read();
        while (more && !reader.EOF)
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                more = reader.Read();
                continue;
            }
            if (++scanned > MaxScannedRows) throw TooManyRows();
            var row = (Row)reader.LoadCurrentElement()!;
            var values = Values(row, strings);
            if (values.Values.All(string.IsNullOrWhiteSpace)) continue;
            var number = row.RowIndex?.Value is { } index ? (int)index : scanned;
            if (header is null)
            {
                header = Header(values);
                continue;
            }
            if (rows.Count == MaxRows) throw TooManyRows();
            string Cell(string column) => header.TryGetValue(column, out var c) && values.TryGetValue(c, out var v) ? v.Trim() : "";
            rows.Add(new RosterCells(number, Cell(GroupColumn), Cell(HouseNumberColumn), Cell(HeadColumn), Cell(MembersColumn), Cell(PhoneColumn)));
        }
        if (header is null || rows.Count == 0) throw new RuleViolation("roster.empty", "Roster_Empty", "file", typeof(PeopleStrings), 422);
        return rows;
    }

    private static Dictionary<string, int> Header(Dictionary<int, string> values)
    {
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (column, text) in values.OrderBy(kv => kv.Key))
        {
            var name = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
            header.TryAdd(name, column);
        }
        foreach (var required in RequiredColumns)
            if (!header.ContainsKey(required))
                throw new RuleViolation("roster.missing_column", "Roster_MissingColumn", "file", typeof(PeopleStrings), 422, required);
        return header;
    }

    private static Dictionary<int, string> Values(Row row, List<string> strings)
    {
        var values = new Dictionary<int, string>();
        var next = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
            next = column + 1;
            if (column < 0 || column >= MaxColumns) continue;
            values[column] = Text(cell, strings);
        }
        return values;
    }

    private static string Text(Cell cell, List<string> strings)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? strings[i] : "";
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? StringItemText(inline.Text, inline.Elements<Run>()) : "";
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if (raw is null) return "";
        // A phone typed into a number cell: 13812345678 (or 1.3812345678E10) → "13812345678".
        if (type is null or CellValues.Number
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && Math.Abs(d) < 1e15 && d == Math.Floor(d))
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        return raw;
    }

    private static string StringItemText(Text? text, IEnumerable<Run> runs)
        => text?.Text ?? string.Concat(runs.Select(r => r.Text?.Text));

    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var list = new List<string>();
        if (part is null) return list;
        long chars = 0;
        using var reader = OpenXmlReader.Create(part);
        var more = reader.Read();
        while (more && !reader.EOF)
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement)
            {
                more = reader.Read();
                continue;
            }
            var item = (SharedStringItem)reader.LoadCurrentElement()!;
            var text = StringItemText(item.Text, item.Elements<Run>());
            chars += text.Length;
            if (chars > MaxSharedStringChars) throw TooLarge();
            list.Add(text);
        }
        return list;
    }

    /// <summary>"C7" → 2.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') index = index * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') index = index * 26 + (c - 'a' + 1);
            else break;
            if (++letters > 3) return -1;
        }
        return index - 1;
    }

    /// <summary>Writes a one-sheet workbook (inline strings, bold header, sensible widths): the template and test files.</summary>
    public static void Write(Stream output, IEnumerable<IReadOnlyList<string>> rows, string sheetName = "花名册")
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
        var worksheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint index = 0;
        foreach (var values in rows)
        {
            index++;
            var row = new Row { RowIndex = index };
            for (var c = 0; c < values.Count; c++)
            {
                row.Append(new Cell
                {
                    CellReference = $"{(char)('A' + c)}{index}",
                    DataType = CellValues.InlineString,
                    StyleIndex = index == 1 ? 1u : 0u,
                    InlineString = new InlineString(new Text(values[c]) { Space = SpaceProcessingModeValues.Preserve }),
                });
            }
            data.Append(row);
        }
        var columns = new DocumentFormat.OpenXml.Spreadsheet.Columns(
            new Column { Min = 1, Max = 1, Width = 14, CustomWidth = true },
            new Column { Min = 2, Max = 2, Width = 16, CustomWidth = true },
            new Column { Min = 3, Max = 3, Width = 12, CustomWidth = true },
            new Column { Min = 4, Max = 4, Width = 30, CustomWidth = true },
            new Column { Min = 5, Max = 5, Width = 16, CustomWidth = true });
        worksheet.Worksheet = new Worksheet(columns, data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = sheetName }));
        workbook.Workbook.Save();
    }
}
