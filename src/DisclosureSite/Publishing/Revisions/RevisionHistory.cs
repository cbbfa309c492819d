using System.Text;
using DisclosureSite.Ledger;
using DisclosureSite.Loading;

namespace DisclosureSite.Publishing.Revisions;

/// <summary>The readable difference between a revision and the one before it: the Markdown file line by line, each table row by row.</summary>
public sealed record RevisionDiff(IReadOnlyList<DiffLine> Text, IReadOnlyList<TableDiff> Tables, IReadOnlyList<string> OtherFilesChanged);

/// <summary>One recorded revision of an item (view model for the item page and <c>/history/</c>).</summary>
public sealed record ItemRevision(
    long Revision,
    string Change,
    long Seq,
    DateTimeOffset PublishedAt,
    string? Note,
    string? WithdrawnReason,
    string ContentSha256,
    string? Commit,
    RevisionDiff? Diff,
    bool DiffUnavailable)
{
    public DateOnly Date => DateOnly.FromDateTime(PublishedAt.DateTime);
}

/// <summary>Every recorded revision of one item URL, oldest first.</summary>
public sealed record ItemHistory(string Url, IReadOnlyList<ItemRevision> Revisions)
{
    public ItemRevision Latest => Revisions[^1];

    public bool IsWithdrawn => Latest.Change == LedgerChange.Withdrawn;

    /// <summary>True when there is more than the first publication to show.</summary>
    public bool HasRevisions => Revisions.Count > 1;
}

/// <summary>
/// Builds the revision history of recorded items from the ledger, taking each revision's old content from Git at the
/// commit the ledger recorded (one <c>git cat-file --batch</c> for all of them), or from the input folder when it still
/// holds exactly the recorded content.
/// </summary>
public static class RevisionHistory
{
    /// <summary>
    /// Builds the history of every recorded URL. <paramref name="pending"/> are the changes the next <c>ledger record</c>
    /// will append (<see cref="LedgerPlan"/>), so a build shows today's revision before it is recorded.
    /// </summary>
    public static IReadOnlyDictionary<string, ItemHistory> Build(LedgerState ledger, string inputRoot, IReadOnlyList<RecordedItem>? pending = null)
    {
        var git = ledger.Entries.Any(e => e.Commit is not null) ? GitObjects.Open(inputRoot) : null;
        var pendingByUrl = (pending ?? []).ToLookup(p => p.Item.Url, StringComparer.Ordinal);
        var urls = ledger.Latest.Keys.Where(u => ledger.HistoryOf(u).Count > 0).ToList();
        IReadOnlyList<RecordedItem> HistoryOf(string url) => [.. ledger.HistoryOf(url), .. pendingByUrl[url]];
        var needed = new List<RecordedItem>();
        foreach (var url in urls)
        {
            var records = HistoryOf(url);
            for (var i = 1; i < records.Count; i++)
            {
                if (records[i].Item.Change == LedgerChange.Revised && records[i].Item.ContentSha256 != records[i - 1].Item.ContentSha256)
                {
                    needed.Add(records[i - 1]);
                    needed.Add(records[i]);
                }
            }
        }

        var blobs = git?.ReadBlobs(needed.Where(r => r.Entry.Commit is not null).SelectMany(r => r.Item.Files.Select(f => git.Spec(r.Entry.Commit!, f))))
            ?? new Dictionary<string, byte[]?>();
        var result = new Dictionary<string, ItemHistory>(StringComparer.Ordinal);
        foreach (var url in urls)
        {
            var records = HistoryOf(url);
            var revisions = new List<ItemRevision>(records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                var (item, entry) = (records[i].Item, records[i].Entry);
                RevisionDiff? diff = null;
                var unavailable = false;
                if (i > 0 && item.Change == LedgerChange.Revised && item.ContentSha256 != records[i - 1].Item.ContentSha256)
                {
                    var before = Content(records[i - 1], git, blobs, inputRoot);
                    var after = Content(records[i], git, blobs, inputRoot);
                    diff = before is null || after is null ? null : Compare(before, after);
                    unavailable = diff is null;
                }

                revisions.Add(new ItemRevision(item.Revision, item.Change, entry.Seq, entry.PublishedAt, item.RevisionNote, item.WithdrawnReason, item.ContentSha256, entry.Commit, diff, unavailable));
            }

            result[url] = new ItemHistory(url, revisions);
        }

        return result;
    }

    /// <summary>
    /// Compares two revisions' files: the Markdown line by line, tables (.csv, .xlsx, .xls) row by row as the clerk's
    /// sheet reads (title, unit and signature lines are not rows), anything else by hash.
    /// </summary>
    public static RevisionDiff Compare(IReadOnlyDictionary<string, byte[]> before, IReadOnlyDictionary<string, byte[]> after)
    {
        var text = Array.Empty<DiffLine>() as IReadOnlyList<DiffLine>;
        var tables = new List<TableDiff>();
        var others = new List<string>();
        foreach (var file in before.Keys.Union(after.Keys).OrderBy(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal))
        {
            var a = before.GetValueOrDefault(file);
            var b = after.GetValueOrDefault(file);
            var ext = Path.GetExtension(file).ToLowerInvariant();
            if (ext == ".md")
            {
                text = LineDiff.Lines(LineDiff.SplitLines(Text(a, file)), LineDiff.SplitLines(Text(b, file)));
            }
            else if (TableReader.Extensions.Contains(ext))
            {
                var diff = TableDiff.Compare(file, Table(a, file), Table(b, file));
                if (diff.HasChanges)
                {
                    tables.Add(diff);
                }
            }
            else if (a is null || b is null || !a.AsSpan().SequenceEqual(b))
            {
                others.Add(file);
            }
        }

        return new RevisionDiff(text, tables, others);
    }

    private static Dictionary<string, byte[]>? Content(RecordedItem record, GitObjects? git, IReadOnlyDictionary<string, byte[]?> blobs, string inputRoot)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (record.Entry.Commit is { } commit && git is not null)
        {
            foreach (var f in record.Item.Files)
            {
                if (blobs.GetValueOrDefault(git.Spec(commit, f)) is not { } bytes)
                {
                    return null;
                }

                files[f] = bytes;
            }

            return files;
        }

        // No commit recorded: the input folder will do if it still holds exactly the recorded content.
        foreach (var f in record.Item.Files)
        {
            var full = Path.Combine(inputRoot, f.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(full))
            {
                return null;
            }

            files[f] = File.ReadAllBytes(full);
        }

        return ContentHash.Sha256(ContentHash.Canonical(record.Item.Files, f => files[f])) == record.Item.ContentSha256 ? files : null;
    }

    private static string Text(byte[]? bytes, string file) =>
        bytes is null ? string.Empty : Encoding.UTF8.GetString(ContentHash.Normalize(bytes, file));

    /// <summary>
    /// A revision's table, found in its sheet as the loader finds it (<see cref="TableReader.ReadContent"/>). The header is
    /// the first row that looks like one, since a recorded revision no longer says which schema it had; a table that
    /// cannot be read shows as a changed file.
    /// </summary>
    private static ParsedTable? Table(byte[]? bytes, string file)
    {
        if (bytes is null)
        {
            return null;
        }

        var sheet = TableReader.ReadContent(ContentHash.Normalize(bytes, file), file, new SheetRequest(new HashSet<string>(), RequireKnown: false), new FindingSink());
        return sheet is null
            ? null
            : new ParsedTable(sheet.Header.Select(h => h.Text).ToList(), sheet.Rows.Select(r => new ParsedRow(r.Line, r.Cells.Select(c => c.Text).ToList())).ToList());
    }
}
