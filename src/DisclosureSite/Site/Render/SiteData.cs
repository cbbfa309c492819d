using System.Collections.Concurrent;
using System.Collections.Frozen;
using DisclosureSite.Ledger;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Revisions;
using DisclosureSite.Validation;
using DisclosureSite.Validation.Rules;

namespace DisclosureSite.Site.Render;

/// <summary>
/// What the render steps read: the loaded input and its validation, narrowed to what may be public on the as-of
/// date. Embargoed disclosures are removed here, once, so no step can leak them (pages, feeds, search, data).
/// </summary>
public sealed class SiteData
{
    // Disclosures are records: structural equality would hash their whole body on every look-up, so maps key them by reference.
    private readonly FrozenDictionary<string, Unit> _units;
    private readonly ILookup<string, ComplianceEntry> _complianceByUnit;
    private readonly ILookup<string, Disclosure> _publicByUnit;
    private readonly ILookup<Disclosure, Disclosure> _correctionsOf;
    private readonly Dictionary<Disclosure, Disclosure> _corrected = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(string Unit, string Item), List<ComplianceEntry>> _entriesByItem = [];
    private readonly Dictionary<(string Unit, Period Period), List<ComplianceEntry>> _entriesByPeriod = [];
    private readonly Dictionary<Period, List<ComplianceEntry>> _complianceByPeriod = [];
    private readonly Lazy<ILookup<string, Person>> _people;
    private readonly Lazy<ILookup<string, DutyEntry>> _duty;
    private readonly ConcurrentDictionary<string, IReadOnlyList<Period>> _periodsOf = new(StringComparer.Ordinal);

    public SiteData(ValidationContext validation, CheckReport report, SiteUrls urls, IReadOnlyDictionary<string, ItemHistory> revisions)
    {
        Validation = validation;
        PerFileRulesFingerprint = DisclosureChecks.Instance.FingerprintOf(validation.Input.Rules);
        Revisions = revisions;
        Report = report;
        _people = new(() => Input.People.ToLookup(p => p.Unit, StringComparer.Ordinal));
        _duty = new(() => Input.Duty.ToLookup(d => d.Unit, StringComparer.Ordinal));
        Urls = urls;
        Public = Input.Disclosures
            .Where(validation.Calculator.IsPublic)
            .OrderBy(d => d.Unit, StringComparer.Ordinal).ThenBy(d => d.Period).ThenBy(d => d.Slug, StringComparer.Ordinal)
            .ToList();
        Units = Input.Units.OrderBy(u => u.Level == UnitLevel.Township ? 0 : 1).ToList();
        _units = Input.Units.ToFrozenDictionary(u => u.Id, StringComparer.Ordinal);
        _complianceByUnit = validation.Compliance.ToLookup(e => e.Unit.Id, StringComparer.Ordinal);
        _publicByUnit = Public.ToLookup(d => d.Unit, StringComparer.Ordinal);
        var corrections = Public.Where(d => d.IsCorrection)
            .Select(d => (Correction: d, Target: DisclosureLoader.FindCorrected(Public, d)))
            .Where(x => x.Target is not null)
            .ToList();
        _correctionsOf = corrections.ToLookup<(Disclosure Correction, Disclosure? Target), Disclosure, Disclosure>(x => x.Target!, x => x.Correction, ReferenceEqualityComparer.Instance);
        foreach (var (correction, target) in corrections)
        {
            _corrected[correction] = target!;
        }

        // Look-ups every page needs, built once (in the validator's order, so "the first entry" stays the same).
        foreach (var e in validation.Compliance)
        {
            Add(_entriesByItem, (e.Unit.Id, e.Item.Id), e);
            Add(_entriesByPeriod, (e.Unit.Id, e.Period), e);
            Add(_complianceByPeriod, e.Period, e);
        }

        AllPeriods = Compliance.Select(e => e.Period).Concat(Public.Select(d => d.Period)).Distinct().OrderDescending().ToList();
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

    public ValidationContext Validation { get; }

    /// <summary>The fingerprint of what the per-file checks read from the rules: item pages show their findings' effects.</summary>
    public string PerFileRulesFingerprint { get; }

    /// <summary>The publication ledger the build was given (empty when there is none).</summary>
    public LedgerState Ledger => Validation.Ledger;

    /// <summary>Every recorded item's revisions with their diffs, read before Render (<see cref="Load.ReadRevisionHistory"/>).</summary>
    public IReadOnlyDictionary<string, ItemHistory> Revisions { get; }

    public ItemHistory? RevisionsOf(Disclosure d) => Revisions.GetValueOrDefault(d.UrlPath);

    public CheckReport Report { get; }

    public SiteUrls Urls { get; }

    public SiteInput Input => Validation.Input;

    public DateOnly AsOf => Validation.AsOf;

    /// <summary>Every disclosure that is public on the as-of date (withdrawn ones included: they keep a notice page).</summary>
    public IReadOnlyList<Disclosure> Public { get; }

    /// <summary>Units, township first, then in the order of units.csv.</summary>
    public IReadOnlyList<Unit> Units { get; }

    public IReadOnlyList<ComplianceEntry> Compliance => Validation.Compliance;

    public Unit UnitOf(string id) => _units[id];

    public IEnumerable<ComplianceEntry> ComplianceOf(string unit) => _complianceByUnit[unit];

    public IEnumerable<Disclosure> PublicOf(string unit) => _publicByUnit[unit];

    /// <summary>A unit's contact card (people.csv), in file order.</summary>
    public IEnumerable<Person> PeopleOf(string unit) => _people.Value[unit];

    /// <summary>A unit's duty roster, in file order.</summary>
    public IEnumerable<DutyEntry> DutyOf(string unit) => _duty.Value[unit];

    /// <summary>Public and not withdrawn: what lists, feeds and search show in full.</summary>
    public IEnumerable<Disclosure> Current => Public.Where(d => !IsWithdrawn(d));

    /// <summary><c>withdrawn:</c> is set, or the 公示 period ended (<c>withdraw_at</c> on or before the as-of date).</summary>
    public bool IsWithdrawn(Disclosure d) =>
        !string.IsNullOrWhiteSpace(d.Meta.Withdrawn) || (d.Meta.WithdrawAt is { } at && at <= AsOf);

    public string WithdrawalReason(Disclosure d) =>
        !string.IsNullOrWhiteSpace(d.Meta.Withdrawn) ? d.Meta.Withdrawn.Trim() : "公示期已满";

    /// <summary>The date the disclosure became public (its trusted date, or its embargo date if later) and the date's source.</summary>
    public (DateOnly? Date, DateSource Source) Published(Disclosure d) => Validation.Calculator.EffectiveDate(d);

    /// <summary>The disclosure's content hash, computed while loading (or kept in the input cache).</summary>
    public string ContentSha256(Disclosure d) => d.ContentSha256;

    public Disclosure? Corrected(Disclosure correction) =>
        correction.IsCorrection ? _corrected.GetValueOrDefault(correction) : null;

    public IEnumerable<Disclosure> CorrectionsOf(Disclosure d) => _correctionsOf[d];

    /// <summary>The required-item entry a disclosure counts toward (none for corrections and items outside the catalogue).</summary>
    public ComplianceEntry? EntryOf(Disclosure d) =>
        d.IsCorrection || !_entriesByItem.TryGetValue((d.Unit, d.Item), out var entries) ? null : entries.Find(e => e.Period.Contains(d.Period));

    /// <summary>A unit's required items of one period, in the validator's order.</summary>
    public IReadOnlyList<ComplianceEntry> ComplianceOf(string unit, Period period) =>
        _entriesByPeriod.TryGetValue((unit, period), out var entries) ? entries : [];

    /// <summary>Every unit's required items of one period, in the validator's order.</summary>
    public IReadOnlyList<ComplianceEntry> ComplianceIn(Period period) =>
        _complianceByPeriod.TryGetValue(period, out var entries) ? entries : [];

    /// <summary>This disclosure's own status: nil, on time or late against its item's deadline.</summary>
    public (string Key, int? Days) StatusOf(Disclosure d)
    {
        if (IsWithdrawn(d))
        {
            return ("withdrawn", null);
        }

        var entry = EntryOf(d);
        var published = Published(d).Date ?? AsOf;
        if (entry is null)
        {
            return (d.IsNil ? "nil" : "on-time", null);
        }

        var late = published.DayNumber - entry.Deadline.DayNumber;
        return late > 0 ? ("late", late) : (d.IsNil ? "nil" : "on-time", null);
    }

    /// <summary>The periods a unit's pages cover: every period with a required item or a public disclosure, newest first.</summary>
    public IReadOnlyList<Period> PeriodsOf(string unit) =>
        _periodsOf.GetOrAdd(unit, u => ComplianceOf(u).Select(e => e.Period).Concat(PublicOf(u).Select(d => d.Period))
            .Distinct().OrderDescending().ToList());

    /// <summary>Every period in any unit's pages, newest first.</summary>
    public IReadOnlyList<Period> AllPeriods { get; }

    public string ItemName(Unit unit, string itemId) => Input.Rules.FindItem(unit.Level, itemId)?.Name ?? itemId;
}
