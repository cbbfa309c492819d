using System.Globalization;
using DisclosureSite.Model;
using ExcelDataReader;

namespace DisclosureSite.Loading;

/// <summary>Reads a table file (.csv in UTF-8/BOM/GB18030, or the first sheet of .xlsx/.xls) into a <see cref="Table"/>.</summary>
public static class TableReader
{
    public static readonly IReadOnlyList<string> Extensions = [".csv", ".xlsx", ".xls"];

    public static Table? Read(InputFolder input, string relative, string schema, string? caption, FindingSink sink, string? unit = null, string? period = null, string? item = null) =>
        Read(input, relative, schema, caption, sink, out _, new StringPool(), unit, period, item);

    /// <summary>
    /// As above; <paramref name="content"/> is the file's content as <see cref="ContentHash"/> normalizes it
    /// (decoded CSV text in NFC and UTF-8, or the spreadsheet's bytes), so the loader hashes what it read without reading
    /// the file again. Null when the table could not be read. Column names are taken from <paramref name="strings"/>.
    /// </summary>
    internal static Table? Read(InputFolder input, string relative, string schema, string? caption, FindingSink sink, out byte[]? content, StringPool strings, string? unit = null, string? period = null, string? item = null)
    {
        var ext = Path.GetExtension(relative).ToLowerInvariant();
        var parsed = ext == ".csv" ? ReadCsv(input, relative, sink, out content, unit, period, item) : ReadExcel(input, relative, sink, out content, unit, period, item);
        if (parsed is not { } p)
        {
            content = null;
            return null;
        }

        return new Table(relative, schema, caption, p.Header.Select(h => strings.Intern(h.Text)).ToArray(), PackedRows.Pack(p.Rows), p.Header.Count > 0 ? p.Header[0].Line : 1);
    }

    private static (IReadOnlyList<TableCell> Header, IReadOnlyList<TableRow> Rows)? ReadCsv(InputFolder input, string relative, FindingSink sink, out byte[]? content, string? unit, string? period, string? item)
    {
        content = null;
        var text = TextFile.Read(input, relative, sink);
        var parsed = text is null ? null : CsvText.Parse(text, relative, sink, unit, period, item);
        if (parsed is not null)
        {
            content = ContentHash.NormalizedText(text!);
        }

        return parsed;
    }

    private static (IReadOnlyList<TableCell> Header, IReadOnlyList<TableRow> Rows)? ReadExcel(InputFolder input, string relative, FindingSink sink, out byte[]? content, string? unit, string? period, string? item)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var records = new List<TableRow>();
        content = input.ReadBytes(relative, InputLimits.MaxSpreadsheetBytes, sink, unit, period, item);
        if (content is null || !TableLimits.AdmitSpreadsheet(content, relative, sink, unit, period, item))
        {
            content = null;
            return null;
        }

        var limits = new TableLimits(relative, sink, unit, period, item);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var row = 0;
            while (reader.Read())
            {
                row++;
                if (!limits.Admit(row, reader.FieldCount))
                {
                    content = null;
                    return null;
                }

                var cells = new List<TableCell>();
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    var text = CellText(reader.GetValue(c));
                    if (!limits.AdmitCell(row, c + 1, text.Length))
                    {
                        content = null;
                        return null;
                    }

                    cells.Add(new TableCell(text, row, c + 1));
                }

                if (cells.Any(x => x.Text.Length > 0))
                {
                    records.Add(new TableRow(row, cells));
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            sink.Report(FindingCodes.Unreadable, new SourceRef(relative), Messages.NotExcel(), unit, period, item);
            return null;
        }

        if (records.Count == 0)
        {
            sink.Report(FindingCodes.Syntax, new SourceRef(relative, 1, 1), Messages.EmptyTable(), unit, period, item);
            return null;
        }

        var header = records[0].Cells;
        var width = header.Count;
        while (width > 0 && header[width - 1].Text.Length == 0)
        {
            width--;
        }

        var rows = records.Skip(1).Select(r => r with { Cells = Pad(r.Cells, width) }).ToList();
        return (header.Take(width).ToList(), rows);
    }

    private static List<TableCell> Pad(IReadOnlyList<TableCell> cells, int width)
    {
        var list = cells.Take(width).ToList();
        var line = cells.Count > 0 ? cells[0].Line : 0;
        while (list.Count < width)
        {
            list.Add(new TableCell(string.Empty, line, list.Count + 1));
        }

        return list;
    }

    /// <summary>Excel numbers are doubles: take their shortest round-trip text, so 1234.5 stays 1234.5 and never 1234.4999….</summary>
    private static string CellText(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };
}
