using System.Text;

namespace DisclosureSite.Site.Render;

/// <summary>
/// CSV for download, safe to open in Excel/WPS: a cell starting with <c>= + - @</c>, tab or carriage return is
/// prefixed with <c>'</c> so a spreadsheet shows it as text instead of running it as a formula (CSV injection).
/// UTF-8 with BOM so Excel on Chinese Windows reads the Chinese correctly; CRLF line ends (RFC 4180).
/// </summary>
public static class SafeCsv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static byte[] Of(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var bytes = new System.IO.MemoryStream();
        Write(bytes, header, rows);
        return bytes.ToArray();
    }

    /// <summary>The same bytes as <see cref="Of"/>, written to a stream a few rows at a time (for whole-site tables).</summary>
    public static void Write(System.IO.Stream stream, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new System.IO.StreamWriter(stream, Utf8WithBom, 4096, leaveOpen: true);
        var sb = new StringBuilder();
        Line(sb, header);
        foreach (var row in rows)
        {
            Line(sb, row);
            if (sb.Length > 32 * 1024)
            {
                writer.Write(sb);
                sb.Clear();
            }
        }

        writer.Write(sb);
    }

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static string Cell(string? value)
    {
        var sb = new StringBuilder();
        AppendCell(sb, value);
        return sb.ToString();
    }

    private static void AppendCell(StringBuilder sb, string? value)
    {
        var v = value ?? string.Empty;
        var formula = v.Length > 0 && FormulaStarts.Contains(v[0]);
        if (v.AsSpan().IndexOfAny(Quoted) < 0)
        {
            sb.Append(formula ? "'" : string.Empty).Append(v);
            return;
        }

        sb.Append('"');
        if (formula)
        {
            sb.Append('\'');
        }

        sb.Append(v.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static readonly System.Buffers.SearchValues<char> Quoted = System.Buffers.SearchValues.Create(",\"\n\r");

    private static void Line(StringBuilder sb, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            AppendCell(sb, cells[i]);
        }

        sb.Append("\r\n");
    }
}
