using DisclosureSite.Ledger;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Revisions;

namespace DisclosureSite.Site.Render.Inputs;

/// <summary>
/// The publication ledger the build was given (empty when there is none), every recorded item's revisions with their
/// diffs (read before Render by <see cref="Load.ReadRevisionHistory"/>), and the title of every loaded disclosure by
/// URL (the ledger's pages name what an entry recorded). What the history, ledger and item pages read of the past.
/// </summary>
public sealed class HistoryFacts
{
    public HistoryFacts(LedgerState ledger, IReadOnlyDictionary<string, ItemHistory> revisions, IReadOnlyList<Disclosure> disclosures)
    {
        Ledger = ledger;
        Revisions = revisions;
        // Only the ledger's pages name items by title: without a ledger there is nothing to name.
        Titles = ledger.Exists
            ? disclosures.GroupBy(d => d.UrlPath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
    }

    public LedgerState Ledger { get; }

    /// <summary>Every recorded item's revisions by URL.</summary>
    public IReadOnlyDictionary<string, ItemHistory> Revisions { get; }

    /// <summary>The title of each loaded disclosure by URL (the first one loaded, when two share a URL); empty without a ledger.</summary>
    public IReadOnlyDictionary<string, string> Titles { get; }

    public ItemHistory? RevisionsOf(Disclosure d) => Revisions.GetValueOrDefault(d.UrlPath);
}
