using System.Globalization;
using System.Text.RegularExpressions;
using DisclosureSite.Loading.Sheets;
using DisclosureSite.Model;
using DisclosureSite.Model.PersonalData;
using ExcelDataReader;

namespace DisclosureSite.Loading;

/// <summary>What to look for in a sheet file: the column names its header is made of, and which sheet holds it.</summary>
/// <param name="Known">The header's possible column names, normalized (<see cref="TableSchema.Known"/>).</param>
/// <param name="RequireKnown">True when the header must have one of them (a ledger, a roster, 民情台账); false for a generic table.</param>
/// <param name="Sheet">The sheet named by <c>sheet:</c>; null for the first non-empty visible sheet.</param>
/// <param name="SheetNamedAt">Where <see cref="Sheet"/> was written, for the finding when the workbook has no such sheet.</param>
/// <param name="PersonLabels">
/// Labels (normalized column names: 反映人, 来访人 …) whose value must be a masked name wherever the sheet writes it; a
/// line above or under the table reading "反映人：张三明" is <c>privacy.name</c>. Null when the sheet names no such person.
/// </param>
public sealed record SheetRequest(IReadOnlySet<string> Known, bool RequireKnown, string? Sheet = null, SourceRef? SheetNamedAt = null, IReadOnlySet<string>? PersonLabels = null);

/// <summary>
/// Reads a table file as clerks make it — .csv in UTF-8/BOM/GB18030, .xlsx or .xls — into a <see cref="SheetTable"/>
/// (<see cref="SheetLayout"/> finds the title, unit, header, rows and signature lines), or a disclosure's
/// <see cref="Table"/>. Reading the file (<see cref="ReadCsv"/>, <see cref="ReadExcel"/>) and finding the table in
/// it are separate steps: limits on a file's size and shape belong to the first.
/// </summary>
public static partial class TableReader
{
    public static readonly IReadOnlyList<string> Extensions = [".csv", ".xlsx", ".xls"];

    /// <summary>
    /// A table of a file the input contract names (民情台账, <c>units/&lt;unit&gt;/requests.csv</c>), read like a disclosure's
    /// sheet: <paramref name="request"/> names the columns its header is made of (<see cref="TableSchema.Known"/> of its
    /// schema), so title rows, a <c>单位：</c>/date line, blank rows and signature lines around the table are found as in
    /// any sheet, and a header that is not there is one finding naming the row and the accepted names.
    /// </summary>
    public static Table? Read(InputFolder input, string relative, TableSchema schema, SheetRequest request, string? caption, FindingSink sink, string? unit = null, string? period = null, string? item = null)
    {
        return ReadSheet(input, relative, request, sink, out _, unit, period, item) is not { } s ? null
            : new Table(relative, schema, caption ?? s.Title, s.Header.Select(h => h.Text).ToArray(), PackedRows.Pack(s.Rows), s.Header.Count > 0 ? s.Header[0].Line : 1)
            {
                Unit = s.Unit,
                Notes = s.Notes,
                Signature = s.Signature,
            };
    }

    /// <summary>
    /// A disclosure's table: <paramref name="content"/> is the file's content as <see cref="ContentHash"/>
    /// normalizes it (decoded CSV text in NFC and UTF-8, or the spreadsheet's bytes), so the loader hashes what it read
    /// without reading the file again. Null when the table could not be read. The caption is the front matter's, else
    /// the sheet's title. Column names are taken from <paramref name="strings"/>.
    /// </summary>
    internal static Table? Read(InputFolder input, string relative, TableRef reference, RuleSet rules, SourceRef referencedAt, FindingSink sink, out byte[]? content, StringPool strings, string? unit = null, string? period = null, string? item = null)
    {
        var request = new SheetRequest(reference.Schema.Known(rules), reference.Schema.HeaderByName, reference.Sheet, referencedAt);
        if (ReadSheet(input, relative, request, sink, out content, unit, period, item) is not { } s)
        {
            content = null;
            return null;
        }

        return new Table(relative, reference.Schema, reference.Caption ?? strings.InternOrNull(s.Title), s.Header.Select(h => strings.Intern(h.Text)).ToArray(), PackedRows.Pack(s.Rows), s.Header.Count > 0 ? s.Header[0].Line : 1)
        {
            Unit = strings.InternOrNull(s.Unit),
            Notes = s.Notes.Count == 0 ? [] : s.Notes.ToArray(),
            Signature = s.Signature.Count == 0 ? [] : s.Signature.ToArray(),
        };
    }

    /// <summary>The table of a sheet file; null (with findings) when it cannot be read or has no table.</summary>
    public static SheetTable? ReadSheet(InputFolder input, string relative, SheetRequest request, FindingSink sink, out byte[]? content, string? unit = null, string? period = null, string? item = null)
    {
        var csv = Path.GetExtension(relative).Equals(".csv", StringComparison.OrdinalIgnoreCase);
        var sheets = csv ? ReadCsv(input, relative, sink, out content, unit, period, item) : ReadExcel(input, relative, sink, out content, unit, period, item);
        return FindTable(sheets, csv, relative, request, sink, unit, period, item);
    }

    /// <summary>
    /// The table of a sheet file's recorded content — the normalized CSV text or the workbook's bytes, as
    /// <see cref="ContentHash.Normalize"/> keeps them — found by the same rules as in the input folder: a revision's
    /// old and new table (title rows, .xlsx) compare as the clerk's rows, not as lines of a file.
    /// </summary>
    public static SheetTable? ReadContent(byte[] content, string relative, SheetRequest request, FindingSink sink)
    {
        var csv = Path.GetExtension(relative).Equals(".csv", StringComparison.OrdinalIgnoreCase);
        IReadOnlyList<RawSheet>? sheets;
        if (csv)
        {
            sheets = CsvText.Records(System.Text.Encoding.UTF8.GetString(content), relative, sink) is { } records ? [new RawSheet(string.Empty, records)] : null;
        }
        else
        {
            sheets = TableLimits.AdmitSpreadsheet(content, relative, sink, null, null, null) ? ParseWorkbook(content, relative, sink, null, null, null) : null;
        }

        return FindTable(sheets, csv, relative, request, sink, null, null, null);
    }

    /// <summary>The sheet chosen and the table found in it, with the personal data in the lines around the table.</summary>
    private static SheetTable? FindTable(IReadOnlyList<RawSheet>? sheets, bool csv, string relative, SheetRequest request, FindingSink sink, string? unit, string? period, string? item)
    {
        if (sheets is null || Choose(sheets, relative, request, sink, unit, period, item) is not { } sheet)
        {
            return null;
        }

        var table = SheetLayout.Find(sheet, request.Known, request.RequireKnown, positional: !csv, relative, sink, unit, period, item, maskNames: request.PersonLabels is { Count: > 0 });
        if (table is not null)
        {
            ScanOutside(sheet, table, request, relative, sink, unit, period, item);
        }

        return table;
    }

    /// <summary>
    /// Personal data in the lines around the table — the title, the unit and date lines above the header, the signature
    /// lines under it — which the rules' scan of the rows does not see and which the item page shows: an ID or mobile
    /// number there is an error at its file, line and column like one in a cell, and so is a full name after one of
    /// <see cref="SheetRequest.PersonLabels"/> (反映人：张三明).
    /// </summary>
    private static void ScanOutside(RawSheet sheet, SheetTable table, SheetRequest request, string relative, FindingSink sink, string? unit, string? period, string? item)
    {
        var headerLine = table.Header.Where(h => h.Line > 0).Select(h => h.Line).DefaultIfEmpty(1).Min();
        var below = table.Signature.Select(s => s.Line).ToHashSet();
        foreach (var row in sheet.Rows.Where(r => r.Line < headerLine || below.Contains(r.Line)))
        {
            var (zh, en) = row.Line < headerLine ? ("表格上方", "above the table") : ("表格下方签名栏", "in the signature lines under the table");
            var cells = row.Cells.Where(c => c.Text.Length > 0).ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                foreach (var m in PersonalDataScanner.Scan(cell.Text))
                {
                    sink.Add(PersonalDataFindings.Make(m, $"{zh}第 {row.Line} 行", $"line {row.Line} ({en})", relative, row.Line, cell.Column, unit, period, item));
                }

                if (request.PersonLabels is not { Count: > 0 } labels)
                {
                    continue;
                }

                foreach (Match m in Labelled().Matches(cell.Text))
                {
                    var value = m.Groups["value"].Value;
                    var at = cell;
                    if (value.Length == 0 && m.Index + m.Length == cell.Text.Length && i + 1 < cells.Count && cells[i + 1].Text.IndexOfAny([':', '：']) < 0)
                    {
                        at = cells[i + 1];
                        value = at.Text.Trim();
                    }

                    if (labels.Contains(Table.NormalizeHeader(m.Groups["label"].Value)) && PersonName.IsFullName(value))
                    {
                        var masked = PersonName.Mask(value);
                        sink.Add(new Finding(FindingCodes.PersonName, Severity.Error, Messages.UnmaskedRequester($"{zh}第 {row.Line} 行", masked) with { En = Messages.UnmaskedRequester($"line {row.Line} ({en})", masked).En }, unit, period, item, relative, row.Line, at.Column));
                    }
                }
            }
        }
    }

    /// <summary>"label：value" in a cell (反映人：张三明, 反映人: 张三明); the value may be empty when the next cell holds it.</summary>
    [GeneratedRegex(@"(?<label>[^\s:：,，;；]{1,12})\s*[:：]\s*(?<value>[^\s:：,，;；]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Labelled();

    /// <summary>
    /// The sheet named by <c>sheet:</c>; else the first visible sheet whose header has the names looked for (when the
    /// request requires them), else the first visible sheet with anything in it.
    /// </summary>
    private static RawSheet? Choose(IReadOnlyList<RawSheet> sheets, string relative, SheetRequest request, FindingSink sink, string? unit, string? period, string? item)
    {
        if (request.Sheet is { } name && sheets.Count > 0 && sheets[0].Name.Length > 0)
        {
            var named = sheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), name.Trim(), StringComparison.Ordinal));
            if (named is null)
            {
                sink.Report(FindingCodes.BadReference, request.SheetNamedAt ?? new SourceRef(relative), Messages.NoSuchSheet(relative, name, sheets.Select(s => s.Name)), unit, period, item);
            }

            return named;
        }

        // A sheet whose header has the names looked for comes first: a workbook may open with a 说明 or 封面 sheet.
        // When none has it, the first that looks like a table (a row of several cells) is where the finding points.
        return (request.RequireKnown ? sheets.FirstOrDefault(s => !s.Hidden && SheetLayout.HasHeader(s.Rows, request.Known)) : null)
            ?? (request.RequireKnown ? sheets.FirstOrDefault(s => !s.Hidden && s.Rows.Take(SheetLayout.HeaderSearchRows).Any(r => r.Cells.Count(c => c.Text.Length > 0) >= 2)) : null)
            ?? sheets.FirstOrDefault(s => !s.Hidden && s.Rows.Count > 0) ?? sheets.FirstOrDefault(s => s.Rows.Count > 0) ?? (sheets.Count > 0 ? sheets[0] : null);
    }

    /// <summary>A CSV file as one sheet (no name).</summary>
    private static IReadOnlyList<RawSheet>? ReadCsv(InputFolder input, string relative, FindingSink sink, out byte[]? content, string? unit, string? period, string? item)
    {
        content = null;
        var text = TextFile.Read(input, relative, sink);
        var records = text is null ? null : CsvText.Records(text, relative, sink, unit, period, item);
        if (records is null)
        {
            return null;
        }

        content = ContentHash.NormalizedText(text!);
        return [new RawSheet(string.Empty, records)];
    }

    /// <summary>Every sheet of an .xlsx or .xls workbook, in order, with its non-empty rows.</summary>
    private static IReadOnlyList<RawSheet>? ReadExcel(InputFolder input, string relative, FindingSink sink, out byte[]? content, string? unit, string? period, string? item)
    {
        content = input.ReadBytes(relative, InputLimits.MaxSpreadsheetBytes, sink, unit, period, item);
        if (content is null || !TableLimits.AdmitSpreadsheet(content, relative, sink, unit, period, item))
        {
            content = null;
            return null;
        }

        var sheets = ParseWorkbook(content, relative, sink, unit, period, item);
        if (sheets is null)
        {
            content = null;
        }

        return sheets;
    }

    /// <summary>Every sheet of a workbook's bytes (admitted by <see cref="TableLimits.AdmitSpreadsheet"/>); null, with a finding, when it cannot be read.</summary>
    private static IReadOnlyList<RawSheet>? ParseWorkbook(byte[] content, string relative, FindingSink sink, string? unit, string? period, string? item)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var sheets = new List<RawSheet>();
        var limits = new TableLimits(relative, sink, unit, period, item);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            do
            {
                var rows = new List<TableRow>();
                var row = 0;
                while (reader.Read())
                {
                    row++;
                    if (!limits.Admit(row, reader.FieldCount))
                    {
                        return null;
                    }

                    var cells = new TableCell[reader.FieldCount];
                    var any = false;
                    for (var c = 0; c < cells.Length; c++)
                    {
                        var text = CellText(reader.GetValue(c));
                        if (!limits.AdmitCell(row, c + 1, text.Length))
                        {
                            return null;
                        }

                        cells[c] = new TableCell(text, row, c + 1);
                        any |= text.Length > 0;
                    }

                    if (any)
                    {
                        rows.Add(new TableRow(row, cells));
                    }
                }

                sheets.Add(new RawSheet(reader.Name ?? string.Empty, rows, reader.VisibleState is "hidden" or "veryhidden"));
            }
            while (reader.NextResult());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            sink.Report(FindingCodes.Unreadable, new SourceRef(relative), Messages.NotExcel(), unit, period, item);
            return null;
        }

        return sheets;
    }

    /// <summary>
    /// A cell's text. Excel numbers are doubles: whole numbers print whole, the rest with the 15 significant digits Excel
    /// itself shows, so 1234.5 stays 1234.5 and a sum stored as 0.30000000000000004 reads 0.3. Real dates print as
    /// 2026-09-03 (with the time when there is one).
    /// </summary>
    private static string CellText(object? value) => value switch
    {
        null => string.Empty,
        double d when Math.Abs(d) < 1e15 && d == Math.Floor(d) => (d + 0.0).ToString("F0", CultureInfo.InvariantCulture),
        double d => d.ToString("G15", CultureInfo.InvariantCulture) is var g && !g.Contains('E', StringComparison.Ordinal) ? g : d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };
}
