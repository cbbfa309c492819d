using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>A CSV file of the input contract read by column name (units.csv, people.csv, duty.csv).</summary>
public sealed class CsvRecords
{
    private readonly Dictionary<string, int> _columns;

    private CsvRecords(string file, IReadOnlyList<TableCell> header, IReadOnlyList<TableRow> rows)
    {
        File = file;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            _columns.TryAdd(header[i].Text.Trim(), i);
        }
    }

    public string File { get; }

    public IReadOnlyList<TableRow> Rows { get; }

    /// <summary>Reads the file; reports missing required columns. Null when unusable.</summary>
    public static CsvRecords? Read(InputFolder input, string relative, IReadOnlyList<string> required, FindingSink sink, string? unit = null)
    {
        var text = TextFile.Read(input, relative, sink);
        if (text is null)
        {
            return null;
        }

        var parsed = CsvText.Parse(text, relative, sink, unit);
        if (parsed is not { } p)
        {
            return null;
        }

        var records = new CsvRecords(relative, p.Header, p.Rows);
        var missing = required.Where(c => !records._columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            sink.Report(FindingCodes.MissingField, new SourceRef(relative, p.Header.Count > 0 ? p.Header[0].Line : 1, 1), Messages.MissingColumns(missing, required), unit);
            return null;
        }

        return records;
    }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    public string Get(TableRow row, string column) => _columns.TryGetValue(column, out var i) ? row[i] : string.Empty;

    public string? Optional(TableRow row, string column)
    {
        var value = Get(row, column);
        return value.Length == 0 ? null : value;
    }

    public SourceRef At(TableRow row, string column) =>
        new(File, row.Line, _columns.TryGetValue(column, out var i) && i < row.Cells.Count ? row.Cells[i].Column : 1);
}
