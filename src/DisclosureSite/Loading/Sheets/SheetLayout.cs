using System.Text.RegularExpressions;
using DisclosureSite.Model;

namespace DisclosureSite.Loading.Sheets;

/// <summary>A sheet as read from a file: its name and its non-empty rows, each cell with its line and column in the file.</summary>
public sealed record RawSheet(string Name, IReadOnlyList<TableRow> Rows, bool Hidden = false);

/// <summary>
/// A table found in a sheet: the header, the rows under it (合计 rows included, blank rows left out), and the lines
/// around it — the title and the unit line above the header, the signature lines below the last row.
/// </summary>
public sealed record SheetTable(
    string Sheet,
    IReadOnlyList<TableCell> Header,
    IReadOnlyList<TableRow> Rows,
    string? Title,
    string? Unit,
    IReadOnlyList<string> Notes,
    IReadOnlyList<SignatureLine> Signature);

/// <summary>
/// Finds a table in a sheet as clerks make them in Excel or WPS (SPEC §4): a title row (merged or not) and a
/// <c>单位：元</c> line above the header; the header on any of the first rows, found by the column names it is made of
/// (a two-row header is read as one); blank rows; trailing empty columns; a 合计 row; a signature line under the table
/// (制表人：… 审核人：… split across cells), which becomes the signature block and never a row.
/// </summary>
public static partial class SheetLayout
{
    /// <summary>How many non-empty rows from the top may hold the header (title, subtitle, unit line, a two-row header).</summary>
    public const int HeaderSearchRows = 10;

    /// <summary>Labels that start a signature line under a table, with or without a colon (制表人 张三).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SignerLabels = Labels(
        "制表人", "填表人", "填报人", "审核人", "复核人", "审批人", "负责人", "会计", "出纳", "报账员", "记账人", "监督委员会", "村务监督委员会");

    /// <summary>Labels that start a line under a table only when a colon follows (日期：… 注：…): alone they are column names.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NoteLabels = Labels(
        "制表", "填表", "审核", "复核", "审批", "主任", "村委会主任", "书记", "村支书", "经办人", "监委会", "日期", "制表日期", "填表日期", "填报日期",
        "公开日期", "公布日期", "注", "备注", "说明", "附注", "联系电话", "监督电话", "公开单位", "编制单位", "填报单位");

    // Looked up by span (asked of every row under a header): no substring per row.
    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Labels(params string[] labels) =>
        new HashSet<string>(labels, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>单位：元 (also 金额单位：万元), but not 编制单位：/填报单位：/公开单位：, which name an organisation.</summary>
    [GeneratedRegex(@"(?<![编制填报公开])(?:金额|计量)?单位\s*[:：]\s*(?<unit>[^\s,，;；:：]+)", RegexOptions.CultureInvariant)]
    private static partial Regex UnitLine();

    /// <summary>Where a part of a one-cell signature line starts: white space before "label：".</summary>
    [GeneratedRegex(@"[\s\u3000]+(?=[^\s\u3000:：]{1,12}[:：])", RegexOptions.CultureInvariant)]
    private static partial Regex PartBoundary();

    /// <summary>
    /// Finds the table of <paramref name="sheet"/>. <paramref name="known"/> are the column names the header is made of
    /// (<see cref="TableSchema.Known"/>). When no row of the first ones has any of them: with
    /// <paramref name="requireKnown"/>, one finding says which row should have been the header, what is there and the
    /// names it may have; without (a generic table), the first row of several cells is the header.
    /// <paramref name="positional"/> is true for spreadsheets, where a short row is a row with empty cells at its end;
    /// in CSV a row with fewer cells than the header is a broken row (a missing comma shifts every cell after it).
    /// </summary>
    /// <param name="maskNames">
    /// True for a sheet whose cells may name villagers (民情台账): a full name quoted in a finding is masked (张*明), since
    /// the check's report may be read where the file is not (a public CI log).
    /// </param>
    public static SheetTable? Find(RawSheet sheet, IReadOnlySet<string> known, bool requireKnown, bool positional, string file, FindingSink sink, string? unit = null, string? period = null, string? item = null, bool maskNames = false)
    {
        var rows = sheet.Rows;
        if (rows.Count == 0)
        {
            sink.Report(FindingCodes.Syntax, new SourceRef(file, 1, 1), Messages.EmptyTable(), unit, period, item);
            return null;
        }

        var headerAt = FindHeader(rows, known);
        if (headerAt < 0)
        {
            var expected = Math.Max(0, rows.Take(HeaderSearchRows).ToList().FindIndex(r => !IsUnitOrTitle(r)));
            if (requireKnown)
            {
                var row = rows[expected];
                sink.Report(FindingCodes.MissingColumn, new SourceRef(file, row.Line, row.Cells.FirstOrDefault(c => c.Text.Length > 0).Column is > 0 and var c ? c : 1), Messages.HeaderNotFound(row.Line, Texts(row).Select(t => maskNames && IsDataRow(row) ? Quote(t) : t).ToList(), known, sheet.Name), unit, period, item);
                return null;
            }

            headerAt = expected;
        }

        var header = rows[headerAt].Cells.ToList();
        var first = headerAt;
        var last = headerAt;

        // A two-row header: 日期 and 摘要 merged down over two rows, 金额 over 收入 and 支出 (or the other way round).
        if (headerAt > 0 && IsUpperHeader(rows[headerAt - 1], rows[headerAt]))
        {
            header = Merge(rows[headerAt - 1].Cells, header);
            first = headerAt - 1;
        }

        if (headerAt + 1 < rows.Count && rows[headerAt + 1].Line == rows[headerAt].Line + 1 && IsLowerHeader(rows[headerAt + 1], known))
        {
            header = Merge(header, rows[headerAt + 1].Cells);
            last = headerAt + 1;
        }

        var width = header.Count;
        while (width > 0 && header[width - 1].Text.Length == 0)
        {
            width--;
        }

        header = header.Take(width).Select((h, i) => h.Text.Length > 0 ? h : new TableCell(string.Empty, rows[headerAt].Line, i + 1)).ToList();

        var (title, unitText, notes) = Above(rows.Take(first));
        var mark = sink.Count;
        var data = new List<TableRow>();
        var signature = new List<SignatureLine>();
        var totalSeen = false;
        foreach (var row in rows.Skip(last + 1))
        {
            // Under the 合计 row, a line of one cell is the signing body or the date (东山村民委员会, 2026年9月30日).
            if (signature.Count > 0 || IsSignature(row) || (totalSeen && NonEmpty(row) == 1))
            {
                // A row of the table left under the signature or a 注： line would be neither a row nor checked.
                if (signature.Count > 0 && !IsSignature(row) && LooksLikeRow(row, width))
                {
                    sink.Report(FindingCodes.Syntax, new SourceRef(file, row.Line, row.Cells.First(c => c.Text.Length > 0).Column), Messages.RowUnderSignature(signature[0].Line), unit, period, item);
                }

                signature.Add(new SignatureLine(row.Line, SignatureParts(row)));
                continue;
            }

            totalSeen |= TotalRows.IsTotal(row);
            if (Fit(row, width, positional, file, sink, unit, period, item, maskNames) is { } fitted)
            {
                data.Add(fitted);
            }
        }

        // A table with broken rows is not used at all: sums over the rows that survived would only add confusing findings.
        return sink.ErrorsSince(mark) > 0 ? null : new SheetTable(sheet.Name, header, data, title, unitText, notes, signature);
    }

    /// <summary>
    /// A row cut or padded to <paramref name="width"/> cells; null (with a finding) when it has content right of the
    /// header, or, in CSV, fewer cells than the header. Empty cells right of the header are what spreadsheets save.
    /// </summary>
    public static TableRow? Fit(TableRow row, int width, bool positional, string file, FindingSink sink, string? unit = null, string? period = null, string? item = null, bool maskNames = false)
    {
        if (row.Cells.Count == width)
        {
            // Nearly every row: already as wide as the header, nothing to cut or pad.
            return row;
        }

        var cells = row.Cells.ToList();
        while (cells.Count > width && cells[^1].Text.Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        if (cells.Count > width || (!positional && cells.Count < width))
        {
            var outside = cells.Skip(width).FirstOrDefault(c => c.Text.Length > 0);
            var at = cells.Count > width ? outside.Column : cells.Count + 1;
            sink.Report(FindingCodes.Syntax, new SourceRef(file, row.Line, at), positional ? Messages.CellOutsideHeader(maskNames ? Quote(outside.Text) : outside.Text, width) : Messages.CsvRagged(cells.Count, width), unit, period, item);
            return null;
        }

        while (cells.Count < width)
        {
            cells.Add(new TableCell(string.Empty, row.Line, cells.Count + 1));
        }

        return row with { Cells = cells };
    }

    /// <summary>The first of the top rows with the most known column names in it; -1 when none has any.</summary>
    private static int FindHeader(IReadOnlyList<TableRow> rows, IReadOnlySet<string> known)
    {
        var best = -1;
        var bestScore = 0;
        for (var i = 0; i < Math.Min(rows.Count, HeaderSearchRows); i++)
        {
            var score = Score(rows[i], known);
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best;
    }

    private static int Score(TableRow row, IReadOnlySet<string> known) =>
        row.Cells.Count(c => c.Text.Length > 0 && known.Contains(Table.NormalizeHeader(c.Text)));

    /// <summary>The row just above the header is its upper half when it fills header cells left empty (merged down).</summary>
    private static bool IsUpperHeader(TableRow upper, TableRow header) =>
        upper.Line == header.Line - 1 && NonEmpty(upper) >= 2 && !IsUnitOrTitle(upper) && !upper.Cells.Any(c => c.Text.IndexOfAny([':', '：']) >= 0)
        && header.Cells.Where(c => c.Text.Length == 0).Any(c => Cell(upper, c.Column - 1).Length > 0);

    /// <summary>The row just below the header is its lower half when every cell of it is a column name (收入, 支出 under 金额).</summary>
    private static bool IsLowerHeader(TableRow lower, IReadOnlySet<string> known)
    {
        var texts = lower.Cells.Where(c => c.Text.Length > 0).ToList();
        return texts.Count > 0 && texts.All(c => known.Contains(Table.NormalizeHeader(c.Text)));
    }

    /// <summary>Header cells of <paramref name="lower"/> where it has text, of <paramref name="upper"/> where it has none.</summary>
    private static List<TableCell> Merge(IReadOnlyList<TableCell> upper, IReadOnlyList<TableCell> lower)
    {
        var merged = new List<TableCell>();
        for (var i = 0; i < Math.Max(upper.Count, lower.Count); i++)
        {
            var l = i < lower.Count ? lower[i] : default;
            var u = i < upper.Count ? upper[i] : default;
            merged.Add(l.Text is { Length: > 0 } ? l : u.Text is { Length: > 0 } ? u : new TableCell(string.Empty, l.Line > 0 ? l.Line : u.Line, i + 1));
        }

        return merged;
    }

    /// <summary>A line above the header that is not it: a title, a unit line, or only "label：value" cells (填报单位：…　填报日期：…).</summary>
    private static bool IsUnitOrTitle(TableRow row) =>
        NonEmpty(row) <= 1 || UnitLine().IsMatch(Joined(row)) || row.Cells.Where(c => c.Text.Length > 0).All(c => LabelStart().IsMatch(c.Text));

    /// <summary>Whether one of the first rows of <paramref name="rows"/> is a header made of <paramref name="known"/> names.</summary>
    public static bool HasHeader(IReadOnlyList<TableRow> rows, IReadOnlySet<string> known) => FindHeader(rows, known) >= 0;

    /// <summary>The title (the first line above the header that is not only a unit), the unit, and the other lines.</summary>
    private static (string? Title, string? Unit, IReadOnlyList<string> Notes) Above(IEnumerable<TableRow> rows)
    {
        string? title = null;
        string? unit = null;
        var notes = new List<string>();
        foreach (var row in rows)
        {
            var text = Joined(row);
            var m = UnitLine().Match(text);
            if (m.Success)
            {
                unit ??= m.Groups["unit"].Value.TrimEnd('）', ')');
                text = (text[..m.Index] + text[(m.Index + m.Length)..]).Trim().Trim('（', '(', '）', ')').Trim();
                if (text.Length == 0)
                {
                    continue;
                }
            }

            if (title is null && !m.Success)
            {
                title = text;
            }
            else
            {
                notes.Add(text);
            }
        }

        return (title, unit, notes);
    }

    /// <summary>A signature line: its first cell starts with a signer's label (制表人：, 审核人 …) or a note label and a colon.</summary>
    private static bool IsSignature(TableRow row)
    {
        var first = row.Cells.FirstOrDefault(c => c.Text.Length > 0).Text ?? string.Empty;
        var compact = first.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal);
        var colon = compact.AsSpan().IndexOfAny(':', '：');
        var label = colon >= 0 ? compact.AsSpan(0, colon) : compact.AsSpan();
        return SignerLabels.Contains(label) || (colon > 0 && NoteLabels.Contains(label));
    }

    /// <summary>
    /// The parts of a signature line: a label alone in a cell ("制表人：") takes the next cell as its name; one cell
    /// holding several ("制表人：张三　审核人：李四") is split before each label.
    /// </summary>
    private static List<string> SignatureParts(TableRow row)
    {
        var cells = row.Cells.Where(c => c.Text.Length > 0).Select(c => c.Text).ToList();
        var parts = new List<string>();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (cell[^1] is ':' or '：' && i + 1 < cells.Count && cells[i + 1].IndexOfAny([':', '：']) < 0)
            {
                parts.Add(cell + cells[++i]);
                continue;
            }

            parts.AddRange(PartBoundary().Split(cell).Select(p => p.Trim()).Where(p => p.Length > 0));
        }

        return parts;
    }

    /// <summary>
    /// A line under the signature that is a row of the table rather than more of the signature: at least half the
    /// header's cells (and three) filled, none of them a "label：" part (监督小组：…, 日期：…).
    /// </summary>
    private static bool LooksLikeRow(TableRow row, int width) =>
        NonEmpty(row) >= Math.Max(3, (width + 1) / 2) && !row.Cells.Any(c => LabelStart().IsMatch(c.Text));

    /// <summary>A cell that starts with a short label and a colon (制表人：, 监督小组:).</summary>
    [GeneratedRegex(@"^[^\s:：]{1,12}[:：]", RegexOptions.CultureInvariant)]
    private static partial Regex LabelStart();

    /// <summary>A row of data rather than column names: a cell of it has a digit (a 编号, a date).</summary>
    private static bool IsDataRow(TableRow row) => row.Cells.Any(c => c.Text.Any(char.IsAsciiDigit));

    /// <summary>A cell as a finding may quote it from a sheet naming villagers: a full name masked.</summary>
    private static string Quote(string text) => Model.PersonalData.PersonName.IsFullName(text) ? Model.PersonalData.PersonName.Mask(text) : text;

    private static int NonEmpty(TableRow row) => row.Cells.Count(c => c.Text.Length > 0);

    private static string Cell(TableRow row, int index) => index < row.Cells.Count ? row.Cells[index].Text : string.Empty;

    private static List<string> Texts(TableRow row) => row.Cells.Where(c => c.Text.Length > 0).Select(c => c.Text).ToList();

    /// <summary>A line's cells as one text, as a person reads it across the merged cells.</summary>
    private static string Joined(TableRow row) => string.Join("\u3000", Texts(row));
}
