namespace DisclosureSite.Model;

/// <summary>The clerk's own 合计 (or 总计) row of a table: checked against the rows, never added to them.</summary>
public static class TotalRows
{
    private static readonly string[] Words = ["合计", "总计"];

    /// <summary>A label of a total row: 合计, 合 计, 本季度合计, 总计(元).</summary>
    public static bool IsLabel(string text)
    {
        // Asked of every row of every table: copied only when there are spaces to take out.
        var compact = text.AsSpan().IndexOfAny(' ', '\u3000') < 0
            ? text
            : text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal);
        foreach (var word in Words)
        {
            if (compact.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A row whose first non-empty cell is a total label.</summary>
    public static bool IsTotal(TableRow row)
    {
        foreach (var cell in row.Cells)
        {
            if (cell.Text.Length > 0)
            {
                return IsLabel(cell.Text) && cell.Text.Length <= 12;
            }
        }

        return false;
    }
}
