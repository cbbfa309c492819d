namespace DisclosureSite.Publishing.Revisions;

/// <summary>A table row in a diff: its cells now (or, when removed, then), the old cells of a changed row and which cells changed.</summary>
public sealed record RowChange(DiffOp Op, IReadOnlyList<string> Cells, IReadOnlyList<string>? OldCells, IReadOnlyList<bool> ChangedCells, int? OldLine, int? NewLine);

/// <summary>The row-by-row difference of one table file between two revisions.</summary>
public sealed record TableDiff(string File, IReadOnlyList<string> OldColumns, IReadOnlyList<string> Columns, IReadOnlyList<RowChange> Rows)
{
    public bool ColumnsChanged => !OldColumns.SequenceEqual(Columns, StringComparer.Ordinal);

    public bool HasChanges => ColumnsChanged || Rows.Any(r => r.Op != DiffOp.Same);

    /// <summary>Diffs rows as whole records; a removed row followed by an added one in the same place is shown as one changed row.</summary>
    public static TableDiff Compare(string file, ParsedTable? before, ParsedTable? after)
    {
        var a = before?.Rows ?? [];
        var b = after?.Rows ?? [];
        var steps = LineDiff.Align(a, b, RowComparer.Instance);
        var rows = new List<RowChange>(steps.Count);
        var i = 0;
        while (i < steps.Count)
        {
            var (op, o, n) = steps[i];
            if (op == DiffOp.Same)
            {
                rows.Add(new RowChange(DiffOp.Same, b[n!.Value].Cells, null, Flags(b[n.Value].Cells.Count, false), a[o!.Value].Line, b[n.Value].Line));
                i++;
                continue;
            }

            var removed = new List<int>();
            var added = new List<int>();
            while (i < steps.Count && steps[i].Op != DiffOp.Same)
            {
                if (steps[i].Op == DiffOp.Removed)
                {
                    removed.Add(steps[i].Old!.Value);
                }
                else
                {
                    added.Add(steps[i].New!.Value);
                }

                i++;
            }

            var pairs = Math.Min(removed.Count, added.Count);
            for (var p = 0; p < pairs; p++)
            {
                var oldRow = a[removed[p]];
                var newRow = b[added[p]];
                var width = Math.Max(oldRow.Cells.Count, newRow.Cells.Count);
                var changed = Enumerable.Range(0, width).Select(c => Cell(oldRow.Cells, c) != Cell(newRow.Cells, c)).ToList();
                rows.Add(new RowChange(DiffOp.Changed, newRow.Cells, oldRow.Cells, changed, oldRow.Line, newRow.Line));
            }

            rows.AddRange(removed.Skip(pairs).Select(r => new RowChange(DiffOp.Removed, a[r].Cells, null, Flags(a[r].Cells.Count, true), a[r].Line, null)));
            rows.AddRange(added.Skip(pairs).Select(r => new RowChange(DiffOp.Added, b[r].Cells, null, Flags(b[r].Cells.Count, true), null, b[r].Line)));
        }

        return new TableDiff(file, before?.Columns ?? [], after?.Columns ?? [], rows);
    }

    private static string Cell(IReadOnlyList<string> cells, int i) => i < cells.Count ? cells[i] : string.Empty;

    private static List<bool> Flags(int count, bool value) => Enumerable.Repeat(value, count).ToList();

    private sealed class RowComparer : IEqualityComparer<ParsedRow>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(ParsedRow? x, ParsedRow? y) => x is not null && y is not null && x.Cells.SequenceEqual(y.Cells, StringComparer.Ordinal);

        public int GetHashCode(ParsedRow obj) => obj.Cells.Count;
    }
}

/// <summary>A table as read from one revision's file.</summary>
public sealed record ParsedTable(IReadOnlyList<string> Columns, IReadOnlyList<ParsedRow> Rows);

/// <summary>A row's cells and its line in the file.</summary>
public sealed record ParsedRow(int Line, IReadOnlyList<string> Cells);
