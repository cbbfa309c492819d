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

/// <summary>
/// Where the ledger lives and how to load it: always inside the data's Git repository (SPEC §7) — <c>ledger/</c> beside
/// the input folder, or at the repository's root when the data is the root — so the publish workflow commits it.
/// </summary>
public static class LedgerStore
{
    private static readonly string[] InFolder = ["ledger", "publications.jsonl"];

    /// <summary>
    /// The default ledger of an input folder: <c>ledger/publications.jsonl</c> beside it, or inside it when the input
    /// folder is the top of its Git repository (beside it would be outside the repository).
    /// </summary>
    public static string DefaultPath(string inputRoot)
    {
        var input = System.IO.Path.GetFullPath(inputRoot);
        return System.IO.Path.GetFullPath(System.IO.Path.Combine([IsTopOfWorkTree(input) ? input : System.IO.Path.Combine(input, ".."), .. InFolder]));
    }

    /// <summary>
    /// Whether <paramref name="folder"/> is the top of its Git work tree. Git knows a work tree's top by the <c>.git</c> in
    /// it (a folder, or a file in a submodule or a linked work tree): a folder without one is not a top, and git is not
    /// started to say so — a process at every <c>check</c> and <c>build</c> of data in a repository's subfolder or in none
    /// (10–20 ms of a one-file edit's start in a <c>perf</c> timeline, waiting for git and for the thread its pipes' reader
    /// starts; within the noise of whole-process timings on the bench's host). Unless <c>GIT_DIR</c> or <c>GIT_WORK_TREE</c> is set, which can
    /// make any folder a top (so can another repository's <c>core.worktree</c>, which is not looked for).
    /// </summary>
    internal static bool IsTopOfWorkTree(string folder) =>
        (System.IO.Path.Exists(System.IO.Path.Combine(folder, ".git"))
            || Environment.GetEnvironmentVariable("GIT_DIR") is not null
            || Environment.GetEnvironmentVariable("GIT_WORK_TREE") is not null)
        && Loading.GitObjects.Open(folder) is { Prefix.Length: 0 };

    /// <summary>
    /// Why the ledger cannot be written at <paramref name="ledgerPath"/> for this input, or null when it is inside the
    /// input's Git repository (the nearest existing folder of the path belongs to the same work tree).
    /// </summary>
    public static LocalizedText? WhyNotInRepository(string inputRoot, string ledgerPath)
    {
        var repo = Loading.GitObjects.Open(inputRoot);
        if (repo is null)
        {
            return Messages.RecordInputNotInGit(inputRoot);
        }

        var full = System.IO.Path.GetFullPath(ledgerPath);
        var dir = System.IO.Path.GetDirectoryName(full);
        while (dir is not null && !Directory.Exists(dir))
        {
            dir = System.IO.Path.GetDirectoryName(dir);
        }

        var top = dir is null ? null : Loading.GitObjects.Open(dir)?.Top;
        var inGitDir = full.Split(System.IO.Path.DirectorySeparatorChar).Contains(".git");
        return top == repo.Top && !inGitDir ? null : Messages.RecordLedgerOutsideRepository(full, repo.Top, DefaultPath(inputRoot));
    }

    /// <summary>Reads and checks the ledger of an input folder (or <paramref name="ledgerPath"/>); a missing file is an empty ledger.</summary>
    public static LedgerState Load(string inputRoot, string? ledgerPath = null)
    {
        var path = ledgerPath is null ? DefaultPath(inputRoot) : System.IO.Path.GetFullPath(ledgerPath);
        var display = System.IO.Path.GetRelativePath(System.IO.Path.GetFullPath(inputRoot), path).Replace('\\', '/');
        return LedgerState.From(LedgerFile.Read(path), display);
    }
}
