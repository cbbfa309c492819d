using CsvHelper;

namespace DisclosureSite.Site.Render;

/// <summary>
/// CSV for download, safe to open in Excel/WPS, written by CsvHelper: a text cell starting with <c>= + - @</c>, tab or
/// carriage return gets a <c>'</c> in front (CsvHelper's <see cref="CsvInjection.Escape"/>) so a spreadsheet shows it as
/// text instead of running it as a formula (CSV injection). UTF-8 with BOM so Excel on Chinese Windows reads the Chinese
/// correctly; CRLF line ends and quoting as RFC 4180 says.
/// </summary>
public static class SafeCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,

        // Rows are written as the clerk's table has them, short or long.
        ValidateFieldCount = false,
    };

    public static byte[] Of(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) => Of(header, rows, static text => text);

    /// <summary>
    /// The CSV of rows whose cells are read as text by <paramref name="text"/> (a table's cells, a data row's values),
    /// without a list of strings made per row.
    /// </summary>
    public static byte[] Of<T>(IReadOnlyList<string> header, IEnumerable<IEnumerable<T>> rows, Func<T, string?> text)
    {
        using var bytes = new MemoryStream();
        Write(bytes, header, rows, text);
        return bytes.ToArray();
    }

    /// <summary>The same bytes as <see cref="Of"/>, written to a stream as CsvHelper's buffer fills (for whole-site tables).</summary>
    public static void Write(Stream stream, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        Write(stream, header, rows, static text => text);

    /// <summary>The same bytes as <see cref="Of{T}"/>, written to a stream as CsvHelper's buffer fills.</summary>
    public static void Write<T>(Stream stream, IReadOnlyList<string> header, IEnumerable<IEnumerable<T>> rows, Func<T, string?> text)
    {
        using var csv = CsvWriter.Create(stream, Options, leaveOpen: true);
        Record(csv, header, static name => name);
        foreach (var row in rows)
        {
            Record(csv, row, text);
        }
    }

    /// <summary>
    /// Records one at a time with their bytes as <see cref="Write"/> puts them after the header: a whole-site table put
    /// together again from the rows a session kept (<see cref="DisclosureSite.Site.Write.RowBytes"/>); the header's bytes are <see cref="SafeCsv.Of"/>
    /// of no rows.
    /// </summary>
    public sealed class Records : IDisposable
    {
        private readonly MemoryStream _bytes = new();
        private readonly CsvWriter _csv;

        public Records() => _csv = CsvWriter.Create(_bytes, Options with { WriteByteOrderMark = false }, leaveOpen: true);

        public byte[] Of(IReadOnlyList<string?> cells)
        {
            Record(_csv, cells, static text => text);
            _csv.Flush();
            var bytes = _bytes.ToArray();
            _bytes.SetLength(0);
            return bytes;
        }

        /// <summary>Writes the record of <paramref name="cells"/> (the bytes <see cref="Of"/> gives) to <paramref name="to"/>; returns how many bytes.</summary>
        public int Write(Stream to, IReadOnlyList<string?> cells)
        {
            Record(_csv, cells, static text => text);
            _csv.Flush();
            var length = (int)_bytes.Length;
            to.Write(_bytes.GetBuffer(), 0, length);
            _bytes.SetLength(0);
            return length;
        }

        public void Dispose()
        {
            _csv.Dispose();
            _bytes.Dispose();
        }
    }

    /// <summary>One cell as it is written in a record of several (without the BOM and the line end).</summary>
    public static string Cell(string? value)
    {
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, Options with { WriteByteOrderMark = false }, leaveOpen: true))
        {
            csv.WriteField(value);
            csv.WriteField(string.Empty);
            csv.EndRecord();
        }

        var line = System.Text.Encoding.UTF8.GetString(bytes.ToArray());
        return line[..^3];
    }

    private static void Record<T>(CsvWriter csv, IEnumerable<T> cells, Func<T, string?> text)
    {
        var any = false;
        foreach (var cell in cells)
        {
            csv.WriteField(text(cell));
            any = true;
        }

        if (!any)
        {
            // A record needs a field: an empty row is written as one empty field ("").
            csv.WriteField(string.Empty);
        }

        csv.EndRecord();
    }
}
