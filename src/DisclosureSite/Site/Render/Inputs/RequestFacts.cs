using DisclosureSite.Ledger;
using DisclosureSite.Model;

namespace DisclosureSite.Site.Render.Inputs;

/// <summary>
/// Every unit's 民情台账 (in unit order) and, for each matter whose result is told on the as-of date, the ledger's records
/// of its page: when it was first told and what was revised since. What the 民情台账 pages, the feeds and the downloads read.
/// </summary>
public sealed class RequestFacts
{
    private readonly Dictionary<string, IReadOnlyList<RecordedItem>> _recorded = new(StringComparer.Ordinal);

    private readonly LedgerState _ledger;
    private readonly DateOnly _asOf;

    public RequestFacts(IReadOnlyList<RequestLog> logs, LedgerState ledger, DateOnly asOf)
    {
        Logs = logs;
        _ledger = ledger;
        _asOf = asOf;
        foreach (var m in logs.SelectMany(l => l.Matters).Where(m => m.IsToldOn(asOf)))
        {
            _recorded.TryAdd(m.PageUrl, ledger.HistoryOf(m.PageUrl));
        }
    }

    /// <summary>
    /// A session's facts (the preview): the last build's when the 民情台账, the ledger and the as-of date are the same objects
    /// as then (an edit of a disclosure changes none of them), else made.
    /// </summary>
    internal static RequestFacts Make(IReadOnlyList<RequestLog> logs, LedgerState ledger, DateOnly asOf, DigestMemory? memory)
    {
        if (memory?.LastRequests is { } last && ReferenceEquals(last.Logs, logs) && ReferenceEquals(last._ledger, ledger) && last._asOf == asOf)
        {
            return last;
        }

        var made = new RequestFacts(logs, ledger, asOf);
        if (memory is not null)
        {
            memory.LastRequests = made;
        }

        return made;
    }

    public IReadOnlyList<RequestLog> Logs { get; }

    /// <summary>The 民情台账 of a unit, or null when it keeps none.</summary>
    public RequestLog? Of(string unit) => Logs.FirstOrDefault(r => r.Unit == unit);

    /// <summary>Every matter of every unit, in unit and file order.</summary>
    public IEnumerable<RequestMatter> Matters => Logs.SelectMany(r => r.Matters);

    /// <summary>The ledger's records of a told matter's page, oldest first (empty when none was recorded yet).</summary>
    public IReadOnlyList<RecordedItem> RecordsOf(RequestMatter m) => _recorded.GetValueOrDefault(m.PageUrl) ?? [];

    /// <summary>When a told matter's result was first told: the ledger's first record of it, else its 办结日期 as written.</summary>
    public (DateOnly Date, DateSource Source) ToldOn(RequestMatter m) =>
        RecordsOf(m) is { Count: > 0 } h && !h[0].Entry.IsBaseline
            ? (h[0].Entry.PublishedOn, DateSource.Ledger)
            : (m.Closed ?? m.Received, DateSource.Declared);
}
