namespace DisclosureSite.Model;

/// <summary>A cell as read, with the place it came from (1-based line and column in the file; for .xlsx, row and column).</summary>
public readonly record struct TableCell(string Text, int Line, int Column);

/// <summary>
/// A data row of a table; <see cref="Line"/> is the 1-based line (CSV) or sheet row (.xlsx). Equal rows have the same
/// line and the same cells (not the same cell list): a table's rows are decoded afresh on each enumeration
/// (<see cref="PackedRows"/>), and a row found in one walk must match itself in the next.
/// </summary>
public sealed record TableRow(int Line, IReadOnlyList<TableCell> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column].Text : string.Empty;

    public bool Equals(TableRow? other) =>
        other is not null && Line == other.Line && (ReferenceEquals(Cells, other.Cells) || Cells.SequenceEqual(other.Cells));

    public override int GetHashCode() => HashCode.Combine(Line, Cells.Count);
}

/// <summary>A line under a table, in its parts as the clerk wrote them: 制表人：张三, 审核人：李四, 日期：2026年9月30日.</summary>
public sealed record SignatureLine(int Line, IReadOnlyList<string> Parts)
{
    public bool Equals(SignatureLine? other) => other is not null && Line == other.Line && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode() => HashCode.Combine(Line, Parts.Count);
}

/// <summary>
/// A table file of a disclosure: header and rows exactly as given, read as its <see cref="TableSchema"/> (ledger |
/// roster | generic; a 民情台账 is read as requests). The loaders keep <see cref="Rows"/> as <see cref="PackedRows"/>:
/// walk them, and keep what you need, not the rows.
/// </summary>
public sealed record Table(string File, TableSchema Schema, string? Caption, IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows, int HeaderLine)
{
    /// <summary>The unit the sheet states above its header (<c>单位：元</c> → 元); null when it states none.</summary>
    public string? Unit { get; init; }

    /// <summary>Other lines above the header, beside the title and the unit (编制单位：东山村民委员会 2026年9月30日).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The lines under the table (制表人：… 审核人：… 日期：…): its signature block, never rows.</summary>
    public IReadOnlyList<SignatureLine> Signature { get; init; } = [];

    /// <summary>
    /// This table with its rows decoded once, into an array: for work that walks them several times (the per-file checks,
    /// an item's page and its CSV), where packed rows would be decoded on every walk. Itself when its rows are not packed.
    /// </summary>
    public Table WithRowsDecoded() => Rows is PackedRows ? this with { Rows = [.. Rows] } : this;

    /// <summary>The name of a table's CSV download beside its item page (<c>ledger.xlsx</c> → <c>ledger.csv</c>): the loader keeps it unique.</summary>
    public static string DownloadName(string tableFile) => Path.GetFileNameWithoutExtension(tableFile) + ".csv";

    public int ColumnIndex(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                if (string.Equals(NormalizeHeader(Columns[i]), NormalizeHeader(name), StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>Header comparison ignores spaces and full-width/half-width bracket differences.</summary>
    public static string NormalizeHeader(string header) =>
        header.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal)
            .Replace('（', '(').Replace('）', ')');
}
