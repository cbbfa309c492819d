using DisclosureSite.Ledger;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Revisions;

namespace DisclosureSite.Site.Render.Views;

/// <summary>One recorded revision of an item on its page: number, date, what happened, the note and the diff from the one before.</summary>
public sealed record RevisionView(
    long Number,
    string Date,
    string Change,
    string? Note,
    string? Reason,
    int Seq,
    string ContentSha256,
    IReadOnlyList<DiffLineView> Text,
    IReadOnlyList<TableDiffView> Tables,
    IReadOnlyList<string> OtherFiles,
    bool HasDiff,
    bool DiffUnavailable);

/// <summary>A line of a text diff: <c>op</c> is same, del or ins; a gap stands for unchanged lines left out.</summary>
public sealed record DiffLineView(string Op, string Text, bool Gap);

/// <summary>The changed rows of one table.</summary>
public sealed record TableDiffView(string File, IReadOnlyList<string> Columns, IReadOnlyList<RowDiffView> Rows, bool ColumnsChanged);

/// <summary>A changed, added or removed row (<c>op</c>: changed, ins, del).</summary>
public sealed record RowDiffView(string Op, IReadOnlyList<CellDiffView> Cells);

/// <summary>A cell: its text now, and its old text when the cell changed.</summary>
public sealed record CellDiffView(string Text, string? Old, bool Changed);

/// <summary>Turns the ledger's revision history of an item into what the item page shows.</summary>
public static class RevisionViews
{
    /// <summary>Unchanged lines kept around each change.</summary>
    public const int Context = 2;

    public static IReadOnlyList<RevisionView> Of(ItemHistory? history)
    {
        if (history is null || !history.HasRevisions)
        {
            return [];
        }

        return history.Revisions.Select(r => new RevisionView(
            r.Revision,
            Dates.Iso(r.Date),
            r.Change switch { LedgerChange.New => "首次发布", LedgerChange.Revised => "修订", _ => "撤下" },
            r.Note,
            r.WithdrawnReason,
            (int)r.Seq,
            r.ContentSha256,
            r.Diff is null ? [] : Lines(r.Diff.Text),
            r.Diff is null ? [] : r.Diff.Tables.Select(Table).ToList(),
            r.Diff?.OtherFilesChanged ?? [],
            r.Diff is not null,
            r.DiffUnavailable)).Reverse().ToList();
    }

    private static List<DiffLineView> Lines(IReadOnlyList<DiffLine> lines)
    {
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Op != DiffOp.Same)
            {
                for (var j = Math.Max(0, i - Context); j <= Math.Min(lines.Count - 1, i + Context); j++)
                {
                    keep[j] = true;
                }
            }
        }

        var result = new List<DiffLineView>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!keep[i])
            {
                if (result.Count == 0 || !result[^1].Gap)
                {
                    result.Add(new DiffLineView("same", "⋯", true));
                }

                continue;
            }

            result.Add(new DiffLineView(lines[i].Op switch { DiffOp.Removed => "del", DiffOp.Added => "ins", _ => "same" }, lines[i].Text, false));
        }

        return result;
    }

    private static TableDiffView Table(TableDiff t) => new(
        t.File[(t.File.LastIndexOf('/') + 1)..],
        t.Columns,
        t.Rows.Where(r => r.Op != DiffOp.Same).Select(r => new RowDiffView(
            r.Op switch { DiffOp.Changed => "changed", DiffOp.Added => "ins", _ => "del" },
            r.Cells.Select((c, i) => new CellDiffView(c, r.Op == DiffOp.Changed && r.ChangedCells[i] ? Cell(r.OldCells, i) : null, r.ChangedCells.Count > i && r.ChangedCells[i])).ToList())).ToList(),
        t.ColumnsChanged);

    private static string Cell(IReadOnlyList<string>? cells, int i) => cells is not null && i < cells.Count ? cells[i] : string.Empty;
}
