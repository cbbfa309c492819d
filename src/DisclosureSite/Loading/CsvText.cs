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
        var limits = new TableLimits(file, sink, unit, period, item);
        var delimiter = DetectDelimiter(text);
        var i = 0;
        var line = 1;
        while (i < text.Length)
        {
            var rowLine = line;
            var cells = new List<TableCell>();
            var endOfRecord = false;
            while (!endOfRecord)
            {
                var cellLine = line;
                var cellColumn = cells.Count + 1;
                var value = new StringBuilder();
                if (i < text.Length && text[i] == '"')
                {
                    var quoteLine = line;
                    i++;
                    var closed = false;
                    while (i < text.Length)
                    {
                        var c = text[i];
                        if (c == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                value.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            closed = true;
                            break;
                        }

                        if (c == '\n')
                        {
                            line++;
                        }

                        value.Append(c);
                        i++;
                    }

                    if (!closed)
                    {
                        sink.Report(FindingCodes.Syntax, new SourceRef(file, quoteLine, cellColumn), Messages.CsvUnclosedQuote(), unit, period, item);
                        return null;
                    }

                    // Text after a closing quote ("abc"x) is a broken cell; keep it but say so.
                    var junkStart = i;
                    while (i < text.Length && text[i] != delimiter && text[i] != '\n')
                    {
                        i++;
                    }

                    if (i > junkStart && text[junkStart..i].Trim().Length > 0)
                    {
                        sink.Report(FindingCodes.Syntax, new SourceRef(file, line, cellColumn), Messages.CsvTextAfterQuote(), unit, period, item);
                        value.Append(text, junkStart, i - junkStart);
                    }
                }
                else
                {
                    while (i < text.Length && text[i] != delimiter && text[i] != '\n')
                    {
                        if (text[i] == '"')
                        {
                            sink.Report(FindingCodes.Syntax, new SourceRef(file, line, cellColumn), Messages.CsvStrayQuote(), unit, period, item);
                            return null;
                        }

                        value.Append(text[i]);
                        i++;
                    }
                }

                if (!limits.AdmitCell(cellLine, cellColumn, value.Length) || cells.Count >= InputLimits.MaxColumns && !limits.Admit(rowLine, cells.Count + 1))
                {
                    return null;
                }

                cells.Add(new TableCell(Trimmed(value), cellLine, cellColumn));
                if (i >= text.Length)
                {
                    endOfRecord = true;
                }
                else if (text[i] == delimiter)
                {
                    i++;
                }
                else
                {
                    i++;
                    line++;
                    endOfRecord = true;
                }
            }

            if (!limits.Admit(rowLine, cells.Count))
            {
                return null;
            }

            if (cells.All(c => c.Text.Length == 0))
            {
                continue;
            }

            records.Add(new TableRow(rowLine, cells.ToArray()));
        }

        return sink.ErrorsSince(mark) > 0 ? null : records;
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
