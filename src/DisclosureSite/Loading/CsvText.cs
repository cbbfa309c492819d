using System.Text;
using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>
/// An RFC 4180 CSV reader that keeps the line and column of every cell, so a finding can say
/// "第 12 行第 4 列". Ragged rows and unbalanced quotes are findings.
/// </summary>
// Our own reader, not CsvHelper: a finding names the line and column of its cell (第 12 行第 4 列), which CsvHelper does not give per field.
public static class CsvText
{
    /// <summary>Reads header (the first row) and rows; null (with findings) when the file is not usable CSV.</summary>
    public static (IReadOnlyList<TableCell> Header, IReadOnlyList<TableRow> Rows)? Parse(string text, string file, FindingSink sink, string? unit = null, string? period = null, string? item = null)
    {
        var mark = sink.Count;
        var records = Records(text, file, sink, unit, period, item);
        if (records is null)
        {
            return null;
        }

        if (records.Count == 0)
        {
            sink.Report(FindingCodes.Syntax, new SourceRef(file, 1, 1), Messages.EmptyTable(), unit, period, item);
            return null;
        }

        var header = records[0].Cells;
        var width = header.Count;
        while (width > 0 && header[width - 1].Text.Length == 0)
        {
            width--;
        }

        var rows = new List<TableRow>();
        foreach (var row in records.Skip(1))
        {
            // Spreadsheets often save trailing empty cells; only real extra content is a ragged row.
            if (Sheets.SheetLayout.Fit(row, width, positional: false, file, sink, unit, period, item) is { } fitted)
            {
                rows.Add(fitted);
            }
        }

        // A table with broken rows is not used at all: sums over the rows that survived would only add confusing findings.
        return sink.ErrorsSince(mark) > 0 ? null : (header.Take(width).ToList(), rows);
    }

    /// <summary>
    /// The non-empty records of the file, every cell with its line and column (blank lines and lines of empty cells
    /// left out); null (with findings) when the file is not usable CSV.
    /// </summary>
    public static List<TableRow>? Records(string text, string file, FindingSink sink, string? unit = null, string? period = null, string? item = null)
    {
        var records = new List<TableRow>();
        var mark = sink.Count;
        var reader = new RecordReader(text, DetectDelimiter(text), new TableLimits(file, sink, unit, period, item), file, sink, unit, period, item);
        while (!reader.AtEnd)
        {
            if (reader.Next() is not { } record)
            {
                return null;
            }

            if (record.Cells.Any(c => c.Text.Length > 0))
            {
                records.Add(record);
            }
        }

        return sink.ErrorsSince(mark) > 0 ? null : records;
    }

    /// <summary>
    /// Reads the records of one file in turn: where it is (<see cref="AtEnd"/>, the line), each cell either quoted
    /// (<see cref="ReadQuoted"/>, which may span lines) or plain (<see cref="ReadPlain"/>), and what ends it — a
    /// delimiter, a line end or the end of the text.
    /// </summary>
    private sealed class RecordReader(string text, char delimiter, TableLimits limits, string file, FindingSink sink, string? unit, string? period, string? item)
    {
        // One buffer for quoted cells and one list of cells, reused record after record (ToArray copies the row out).
        private readonly StringBuilder _quoted = new();
        private readonly List<TableCell> _cells = [];
        private int _i;
        private int _line = 1;

        public bool AtEnd => _i >= text.Length;

        /// <summary>The next record, every cell with its line and column; null (with a finding) when the file stops being usable CSV.</summary>
        public TableRow? Next()
        {
            var rowLine = _line;
            var cells = _cells;
            cells.Clear();
            while (true)
            {
                var cellLine = _line;
                var cellColumn = cells.Count + 1;
                int length;
                bool read;
                ReadOnlySpan<char> plain = default;
                var quoted = _i < text.Length && text[_i] == '"';
                if (quoted)
                {
                    _quoted.Clear();
                    read = ReadQuoted(_quoted, cellColumn);
                    length = _quoted.Length;
                }
                else
                {
                    read = ReadPlain(cellColumn, out plain);
                    length = plain.Length;
                }

                if (!read || !limits.AdmitCell(cellLine, cellColumn, length) || cells.Count >= InputLimits.MaxColumns && !limits.Admit(rowLine, cells.Count + 1))
                {
                    return null;
                }

                cells.Add(new TableCell(quoted ? Trimmed(_quoted) : Trimmed(plain), cellLine, cellColumn));
                if (EndOfRecord())
                {
                    return limits.Admit(rowLine, cells.Count) ? new TableRow(rowLine, cells.ToArray()) : null;
                }
            }
        }

        /// <summary>Steps over what ends a cell: true at a line end or the end of the text, false at a delimiter.</summary>
        private bool EndOfRecord()
        {
            if (_i >= text.Length)
            {
                return true;
            }

            if (text[_i] == delimiter)
            {
                _i++;
                return false;
            }

            _i++;
            _line++;
            return true;
        }

        /// <summary>A quoted cell (<c>""</c> is a quote; line ends are kept): false (with a finding) when the quote is never closed.</summary>
        private bool ReadQuoted(StringBuilder value, int column)
        {
            var quoteLine = _line;
            _i++;
            var closed = false;
            while (_i < text.Length)
            {
                var c = text[_i];
                if (c == '"')
                {
                    if (_i + 1 < text.Length && text[_i + 1] == '"')
                    {
                        value.Append('"');
                        _i += 2;
                        continue;
                    }

                    _i++;
                    closed = true;
                    break;
                }

                if (c == '\n')
                {
                    _line++;
                }

                value.Append(c);
                _i++;
            }

            if (!closed)
            {
                sink.Report(FindingCodes.Syntax, new SourceRef(file, quoteLine, column), Messages.CsvUnclosedQuote(), unit, period, item);
                return false;
            }

            // Text after a closing quote ("abc"x) is a broken cell; keep it but say so.
            var junkStart = _i;
            while (_i < text.Length && text[_i] != delimiter && text[_i] != '\n')
            {
                _i++;
            }

            if (_i > junkStart && text[junkStart.._i].Trim().Length > 0)
            {
                sink.Report(FindingCodes.Syntax, new SourceRef(file, _line, column), Messages.CsvTextAfterQuote(), unit, period, item);
                value.Append(text, junkStart, _i - junkStart);
            }

            return true;
        }

        /// <summary>A plain cell, up to the next delimiter or line end (a slice of the text): false (with a finding) at a quote inside it.</summary>
        private bool ReadPlain(int column, out ReadOnlySpan<char> cell)
        {
            var rest = text.AsSpan(_i);
            var end = rest.IndexOfAny(delimiter, '\n', '"');
            cell = end < 0 ? rest : rest[..end];
            _i += cell.Length;
            if (end >= 0 && rest[end] == '"')
            {
                sink.Report(FindingCodes.Syntax, new SourceRef(file, _line, column), Messages.CsvStrayQuote(), unit, period, item);
                return false;
            }

            return true;
        }
    }

    /// <summary>A plain cell's text without surrounding white space (none allocated for an empty cell).</summary>
    private static string Trimmed(ReadOnlySpan<char> cell)
    {
        var trimmed = cell.Trim();
        return trimmed.IsEmpty ? string.Empty : trimmed.ToString();
    }

    /// <summary>The cell's text without surrounding white space, made in one allocation (none for an empty cell).</summary>
    private static string Trimmed(System.Text.StringBuilder value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && char.IsWhiteSpace(value[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(value[end - 1]))
        {
            end--;
        }

        return end == start ? string.Empty : value.ToString(start, end - start);
    }

    /// <summary>
    /// Comma by default; the first line with a comma, tab or semicolon (a title line above the header may have none)
    /// uses the first of those it has, in that order.
    /// </summary>
    private static char DetectDelimiter(string text)
    {
        var start = 0;
        for (var n = 0; n < 20 && start < text.Length; n++)
        {
            var end = text.IndexOf('\n', start);
            var line = text.AsSpan(start, (end < 0 ? text.Length : end) - start);
            foreach (var d in ",\t;")
            {
                if (line.Contains(d))
                {
                    return d;
                }
            }

            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return ',';
    }
}
