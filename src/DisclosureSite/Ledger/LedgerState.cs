using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Ledger;

/// <summary>An item as last recorded, with the entry that recorded it.</summary>
public sealed record RecordedItem(LedgerItem Item, LedgerEntry Entry);

/// <summary>
/// The publication ledger of a site, read and checked: its entries, the last record of every URL, the trusted
/// first-publication dates and the chain's problems as <c>ledger.broken-chain</c> findings.
/// </summary>
public sealed class LedgerState
{
    private readonly Dictionary<string, List<RecordedItem>> _history;

    private LedgerState(string? path, string? displayPath, LedgerRead? read)
    {
        Path = path;
        DisplayPath = displayPath ?? path ?? string.Empty;
        Read = read;
        Entries = read?.Entries ?? [];
        _history = new Dictionary<string, List<RecordedItem>>(StringComparer.Ordinal);
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            foreach (var item in entry.Items)
            {
                if (!_history.TryGetValue(item.Url, out var list))
                {
                    list = [];
                    _history[item.Url] = list;

                    // First sight of a URL: its publication date, unless it was already there when the ledger began
                    // (the baseline) or it was first recorded as a withdrawal (published before the ledger).
                    if (!entry.IsBaseline && !item.IsWithdrawal)
                    {
                        dates[item.Url] = entry.PublishedOn;
                    }
                }

                list.Add(new RecordedItem(item, entry));
            }
        }

        Dates = dates;
        Latest = _history.ToDictionary(kv => kv.Key, kv => kv.Value[^1], StringComparer.Ordinal);
        Findings = (read?.Problems ?? []).Select(p => new Finding(
            FindingCodes.BrokenChain, FindingCodes.SeverityOf(FindingCodes.BrokenChain), p.Text, File: DisplayPath, Line: p.Line > 0 ? p.Line : null)).ToList();
    }

    /// <summary>No ledger: nothing recorded yet.</summary>
    public static LedgerState Empty { get; } = new(null, null, null);

    /// <summary>Full path of the ledger file, or null for <see cref="Empty"/>.</summary>
    public string? Path { get; }

    /// <summary>The path as shown in findings (relative to the input folder, <c>/</c>-separated).</summary>
    public string DisplayPath { get; }

    public bool Exists => Read?.Exists == true;

    public LedgerRead? Read { get; }

    public IReadOnlyList<LedgerEntry> Entries { get; }

    /// <summary>URL path → the last record of the item.</summary>
    public IReadOnlyDictionary<string, RecordedItem> Latest { get; }

    /// <summary>URL path → trusted first-publication date (day of the entry, site time zone) for <see cref="Validation.PublicationDates"/>.</summary>
    public IReadOnlyDictionary<string, DateOnly> Dates { get; }

    /// <summary><c>ledger.broken-chain</c> findings naming the ledger line.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public LedgerHead Head => Read?.Head ?? new LedgerHead(0, ContentHash.Sha256([]), LedgerEntry.Genesis, 0);

    /// <summary>Every record of one URL, oldest first.</summary>
    public IReadOnlyList<RecordedItem> HistoryOf(string url) => _history.TryGetValue(url, out var list) ? list : [];

    public static LedgerState From(LedgerRead read, string? displayPath = null) => new(read.Path, displayPath, read);
}

/// <summary>Where the ledger lives and how to load it: <c>&lt;input&gt;/../ledger/publications.jsonl</c> unless told otherwise.</summary>
public static class LedgerStore
{
    public const string RelativeToInput = "../ledger/publications.jsonl";

    /// <summary>The default ledger of an input folder: <c>ledger/publications.jsonl</c> beside it, in the data repository.</summary>
    public static string DefaultPath(string inputRoot) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(inputRoot, "..", "ledger", "publications.jsonl"));

    /// <summary>Reads and checks the ledger of an input folder (or <paramref name="ledgerPath"/>); a missing file is an empty ledger.</summary>
    public static LedgerState Load(string inputRoot, string? ledgerPath = null)
    {
        var path = ledgerPath is null ? DefaultPath(inputRoot) : System.IO.Path.GetFullPath(ledgerPath);
        var display = System.IO.Path.GetRelativePath(System.IO.Path.GetFullPath(inputRoot), path).Replace('\\', '/');
        return LedgerState.From(LedgerFile.Read(path), display);
    }
}
