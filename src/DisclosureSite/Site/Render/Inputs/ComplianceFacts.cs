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
    private readonly Dictionary<string, List<ComplianceEntry>> _byUnit;
    private readonly Dictionary<(string Unit, Period Period), List<ComplianceEntry>> _byUnitPeriod;
    private readonly Dictionary<Period, List<ComplianceEntry>> _byPeriod;
    private readonly Dictionary<string, IReadOnlyList<Period>> _periodsOf;

    /// <param name="entries">The compliance matrix, in the validator's order.</param>
    /// <param name="units">The site's units.</param>
    /// <param name="disclosures">The public disclosures: a period with one has a page even when nothing is required in it.</param>
    public ComplianceFacts(IReadOnlyList<ComplianceEntry> entries, IReadOnlyList<Unit> units, PublicDisclosures disclosures)
    {
        All = entries;
        _byUnit = new(StringComparer.Ordinal);
        _byUnitPeriod = [];
        _byPeriod = [];
        foreach (var e in entries)
        {
            Add(_byUnit, e.Unit.Id, e);
            Add(_byUnitPeriod, (e.Unit.Id, e.Period), e);
            Add(_byPeriod, e.Period, e);
        }

        Periods = entries.Select(e => e.Period).Distinct().OrderDescending().ToList();
        _periodsOf = new(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            _periodsOf[unit.Id] = Of(unit.Id).Select(e => e.Period).Concat(disclosures.Of(unit.Id).Select(d => d.Period))
                .Distinct().OrderDescending().ToList();
        }
    }

    /// <summary><paramref name="previous"/> with the entries of <paramref name="replaced"/> (old → new, same unit and period) swapped in the lists that hold them.</summary>
    private ComplianceFacts(ComplianceFacts previous, IReadOnlyList<ComplianceEntry> entries, Dictionary<ComplianceEntry, ComplianceEntry> replaced)
    {
        All = entries;
        Periods = previous.Periods;
        _periodsOf = previous._periodsOf;
        _byUnit = new(previous._byUnit, StringComparer.Ordinal);
        _byUnitPeriod = new(previous._byUnitPeriod);
        _byPeriod = new(previous._byPeriod);
        foreach (var was in replaced.Keys)
        {
            Swap(_byUnit, previous._byUnit, was.Unit.Id);
            Swap(_byUnitPeriod, previous._byUnitPeriod, (was.Unit.Id, was.Period));
            Swap(_byPeriod, previous._byPeriod, was.Period);
        }

        // Each list that holds a replaced entry is copied once, with every replaced entry of it swapped (the previous
        // build's lists are left as they were).
        void Swap<TKey>(Dictionary<TKey, List<ComplianceEntry>> map, Dictionary<TKey, List<ComplianceEntry>> before, TKey key)
            where TKey : notnull
        {
            if (ReferenceEquals(map[key], before[key]))
            {
                map[key] = before[key].ConvertAll(e => replaced.GetValueOrDefault(e, e));
            }
        }
    }

    /// <summary>
    /// The facts of a session's build (the preview): the last build's, with the entries a rerun of the validation replaced
    /// (<see cref="Validate.ValidateInput.Rerun"/>: the same unit, item and period, new disclosures in them) swapped in,
    /// when the units and the public disclosures' places are the same as then; else made whole (the same result).
    /// </summary>
    internal static ComplianceFacts Make(IReadOnlyList<ComplianceEntry> entries, IReadOnlyList<Unit> units, PublicDisclosures disclosures, DigestMemory? memory)
    {
        if (memory?.LastCompliance is { } last && ReferenceEquals(last.Units, units) && disclosures.HasPlacesOf(last.Disclosures) && last.Made.All.Count == entries.Count)
        {
            var replaced = new Dictionary<ComplianceEntry, ComplianceEntry>(ReferenceEqualityComparer.Instance);
            var before = last.Made.All;
            for (var i = 0; i < entries.Count && replaced is not null; i++)
            {
                if (!ReferenceEquals(before[i], entries[i]))
                {
                    replaced = before[i].Unit.Id == entries[i].Unit.Id && before[i].Period == entries[i].Period ? replaced : null;
                    replaced?.Add(before[i], entries[i]);
                }
            }

            if (replaced is not null)
            {
                var patched = replaced.Count == 0 ? last.Made : new ComplianceFacts(last.Made, entries, replaced);
                memory.LastCompliance = new(units, disclosures, patched);
                return patched;
            }
        }

        var made = new ComplianceFacts(entries, units, disclosures);
        if (memory is not null)
        {
            memory.LastCompliance = new(units, disclosures, made);
        }

        return made;
    }

    /// <summary>What a session keeps of its last build's facts, with what they were made from.</summary>
    internal sealed record Kept(IReadOnlyList<Unit> Units, PublicDisclosures Disclosures, ComplianceFacts Made);

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

    public IEnumerable<ComplianceEntry> Of(string unit) => _byUnit.GetValueOrDefault(unit) ?? [];

    /// <summary>A unit's required items of one period, in the validator's order.</summary>
    public IReadOnlyList<ComplianceEntry> Of(string unit, Period period) =>
        _byUnitPeriod.TryGetValue((unit, period), out var entries) ? entries : [];

    /// <summary>Every unit's required items of one period, in the validator's order.</summary>
    public IReadOnlyList<ComplianceEntry> In(Period period) =>
        _byPeriod.TryGetValue(period, out var entries) ? entries : [];

    /// <summary>The periods a unit's pages cover: every period with a required item or a public disclosure, newest first.</summary>
    public IReadOnlyList<Period> PeriodsOf(string unit) => _periodsOf.GetValueOrDefault(unit) ?? [];
}
