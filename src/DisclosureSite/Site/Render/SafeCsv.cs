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
        var sb = new StringBuilder();
        Line(sb, header);
        foreach (var row in rows)
        {
            Line(sb, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static string Cell(string? value)
    {
        var v = value ?? string.Empty;
        if (v.Length > 0 && FormulaStarts.Contains(v[0]))
        {
            v = "'" + v;
        }

        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    private static void Line(StringBuilder sb, IEnumerable<string?> cells)
    {
        sb.AppendJoin(',', cells.Select(Cell));
        sb.Append("\r\n");
    }
}
