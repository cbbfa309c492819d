using DisclosureSite.Model;
using DisclosureSite.Validation;

namespace DisclosureSite.Site.Render.Inputs;

/// <summary>
/// Every unit's required items per period and their status (the validator's compliance matrix), with the look-ups the
/// unit, period, compliance and home pages make: by unit, by unit and period, by period. Entries keep the validator's
/// order everywhere.
/// </summary>
public sealed class ComplianceFacts
{
    private readonly ILookup<string, ComplianceEntry> _byUnit;
    private readonly Dictionary<(string Unit, Period Period), List<ComplianceEntry>> _byUnitPeriod = [];
    private readonly Dictionary<Period, List<ComplianceEntry>> _byPeriod = [];
    private readonly Dictionary<string, IReadOnlyList<Period>> _periodsOf = new(StringComparer.Ordinal);

    /// <param name="entries">The compliance matrix, in the validator's order.</param>
    /// <param name="units">The site's units.</param>
    /// <param name="disclosures">The public disclosures: a period with one has a page even when nothing is required in it.</param>
    public ComplianceFacts(IReadOnlyList<ComplianceEntry> entries, IReadOnlyList<Unit> units, PublicDisclosures disclosures)
    {
        All = entries;
        _byUnit = entries.ToLookup(e => e.Unit.Id, StringComparer.Ordinal);
        foreach (var e in entries)
        {
            Add(_byUnitPeriod, (e.Unit.Id, e.Period), e);
            Add(_byPeriod, e.Period, e);
        }

        Periods = entries.Select(e => e.Period).Distinct().OrderDescending().ToList();
        foreach (var unit in units)
        {
            _periodsOf[unit.Id] = Of(unit.Id).Select(e => e.Period).Concat(disclosures.Of(unit.Id).Select(d => d.Period))
                .Distinct().OrderDescending().ToList();
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<ComplianceEntry>> map, TKey key, ComplianceEntry e)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(e);
    }

    /// <summary>Every entry, in the validator's order.</summary>
    public IReadOnlyList<ComplianceEntry> All { get; }

    /// <summary>Every period with a required item, newest first.</summary>
    public IReadOnlyList<Period> Periods { get; }

    public IEnumerable<ComplianceEntry> Of(string unit) => _byUnit[unit];

    /// <summary>A unit's required items of one period, in the validator's order.</summary>
    public IReadOnlyList<ComplianceEntry> Of(string unit, Period period) =>
        _byUnitPeriod.TryGetValue((unit, period), out var entries) ? entries : [];

    /// <summary>Every unit's required items of one period, in the validator's order.</summary>
    public IReadOnlyList<ComplianceEntry> In(Period period) =>
        _byPeriod.TryGetValue(period, out var entries) ? entries : [];

    /// <summary>The periods a unit's pages cover: every period with a required item or a public disclosure, newest first.</summary>
    public IReadOnlyList<Period> PeriodsOf(string unit) => _periodsOf.GetValueOrDefault(unit) ?? [];
}
