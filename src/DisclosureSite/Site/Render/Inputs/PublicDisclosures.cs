using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Validation;

namespace DisclosureSite.Site.Render.Inputs;

/// <summary>
/// The disclosures that are public on the as-of date (withdrawn ones included: they keep a notice page) and, for each,
/// its <see cref="DisclosureFacts"/>. Embargoed disclosures are left out here, once, so no step can leak them (pages,
/// feeds, search, data). What item, topic and history pages, feeds and the data downloads list.
/// </summary>
public sealed class PublicDisclosures
{
    // Disclosures are records: structural equality would hash their whole body on every look-up, so maps key them by reference.
    private readonly Dictionary<Disclosure, DisclosureFacts> _facts;
    // All is sorted by unit first: each unit's disclosures are one run of it.
    private readonly Dictionary<string, (int Start, int Count)> _units;
    private ILookup<Disclosure, Disclosure> _correctionsOf = EmptyCorrections;

    /// <param name="all">Every loaded disclosure.</param>
    /// <param name="effectiveDate">The date each became (or becomes) public and its source (Validation's calculator).</param>
    /// <param name="compliance">The required-item entries, in the validator's order ("the first entry" of an item stays the same).</param>
    /// <param name="asOf">The day the site shows.</param>
    /// <param name="perFileRulesFingerprint">The fingerprint of what the per-file checks read from the rules.</param>
    /// <param name="order">A session's memory of the last build's order (<see cref="NewKeptOrder"/>), or null.</param>
    internal PublicDisclosures(IReadOnlyList<Disclosure> all, Func<Disclosure, (DateOnly? Date, DateSource Source)> effectiveDate, IReadOnlyList<ComplianceEntry> compliance, DateOnly asOf, string perFileRulesFingerprint, KeptOrder<Disclosure>? order = null)
    {
        PerFileRulesFingerprint = perFileRulesFingerprint;
        var dated = new List<(Disclosure D, (DateOnly? Date, DateSource Source) Date)>(all.Count);
        foreach (var d in all)
        {
            var date = effectiveDate(d);
            if (date.Date is not { } on || on <= asOf)
            {
                dated.Add((d, date));
            }
        }

        // By unit, period and slug, stable (the load order breaks ties); a session takes the last build's order while the
        // disclosures' places are the same (KeptOrder).
        var keys = new List<Disclosure>(dated.Count);
        foreach (var (d, _) in dated)
        {
            keys.Add(d);
        }

        dated = KeptOrder<Disclosure>.Apply(dated, order?.Of(keys) ?? KeptOrder<Disclosure>.SortGrouped(keys, d => d.Unit, CompareInUnit));
        var publicList = new List<Disclosure>(dated.Count);
        foreach (var (d, _) in dated)
        {
            publicList.Add(d);
        }

        All = publicList;
        _facts = new(publicList.Count, ReferenceEqualityComparer.Instance);
        _units = UnitRuns(publicList);

        var entriesByItem = new Dictionary<(string Unit, string Item), List<ComplianceEntry>>();
        foreach (var e in compliance)
        {
            if (!entriesByItem.TryGetValue((e.Unit.Id, e.Item.Id), out var list))
            {
                entriesByItem[(e.Unit.Id, e.Item.Id)] = list = [];
            }

            list.Add(e);
        }

        foreach (var (d, (date, source)) in dated)
        {
            // The required-item entry it counts toward (none for corrections and items outside the catalogue).
            var entry = d.IsCorrection || !entriesByItem.TryGetValue((d.Unit, d.Item), out var entries) ? null : entries.Find(e => e.Period.Contains(d.Period));
            _facts[d] = FactsOf(d, date, source, entry, asOf);
        }

        LinkCorrections();
    }

    /// <summary><paramref name="previous"/> with <paramref name="replaced"/> disclosures (old → new, in the same places) and their facts made again.</summary>
    private PublicDisclosures(PublicDisclosures previous, Dictionary<Disclosure, Disclosure> replaced, Dictionary<Disclosure, DisclosureFacts> facts)
    {
        PerFileRulesFingerprint = previous.PerFileRulesFingerprint;
        var list = new List<Disclosure>(previous.All.Count);
        foreach (var d in previous.All)
        {
            list.Add(replaced.GetValueOrDefault(d, d));
        }

        All = list;
        _units = previous._units;
        _facts = new(previous._facts, ReferenceEqualityComparer.Instance);
        foreach (var (was, now) in replaced)
        {
            _facts.Remove(was);
            _facts[now] = facts[now];
        }

        LinkCorrections();
    }

    /// <summary>
    /// The public disclosures of a session's build (the preview): the last build's with the disclosures a partial reload
    /// replaced in place (<see cref="ValidateInput.Rerun"/>: same unit, period, slug and dates) swapped in and their facts
    /// made again, when the last build's were made from the same trusted dates, as-of date and rules; else made whole
    /// (the same result either way: the site-session tests compare every rebuild with a clean build).
    /// </summary>
    internal static PublicDisclosures Make(IReadOnlyList<Disclosure> all, ComplianceCalculator calculator, object dates, IReadOnlyList<ComplianceEntry> compliance, DateOnly asOf, string perFileRulesFingerprint, DigestMemory? memory)
    {
        if (memory?.LastPublic is { } last && last.AsOf == asOf && ReferenceEquals(last.Dates, dates) && last.Fingerprint == perFileRulesFingerprint
            && Patch(last, all, calculator.EffectiveDate, compliance, asOf) is { } patched)
        {
            memory.LastPublic = last with { Input = all, Made = patched };
            return patched;
        }

        var made = new PublicDisclosures(all, calculator.EffectiveDate, compliance, asOf, perFileRulesFingerprint, memory?.PublicOrder);
        if (memory is not null)
        {
            memory.LastPublic = new KeptPublic(all, dates, asOf, perFileRulesFingerprint, made);
        }

        return made;
    }

    /// <summary>What a session keeps of its last build's public disclosures: the loaded list and dates they were made from.</summary>
    internal sealed record KeptPublic(IReadOnlyList<Disclosure> Input, object Dates, DateOnly AsOf, string Fingerprint, PublicDisclosures Made);

    private static PublicDisclosures? Patch(KeptPublic last, IReadOnlyList<Disclosure> all, Func<Disclosure, (DateOnly? Date, DateSource Source)> effectiveDate, IReadOnlyList<ComplianceEntry> compliance, DateOnly asOf)
    {
        if (last.Input.Count != all.Count)
        {
            return null;
        }

        var replaced = new Dictionary<Disclosure, Disclosure>(ReferenceEqualityComparer.Instance);
        var facts = new Dictionary<Disclosure, DisclosureFacts>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < all.Count; i++)
        {
            var (was, now) = (last.Input[i], all[i]);
            if (ReferenceEquals(was, now))
            {
                continue;
            }

            var (date, source) = effectiveDate(now);
            var isPublic = date is not { } on || on <= asOf;
            if (Compare(was, now) != 0 || isPublic != last.Made.IsPublic(was))
            {
                return null; // it moves in the list, or comes or goes
            }

            if (isPublic)
            {
                replaced[was] = now;
                facts[now] = FactsOf(now, date, source, now.IsCorrection ? null : EntryOf(compliance, now), asOf);
            }
        }

        return replaced.Count == 0 ? last.Made : new PublicDisclosures(last.Made, replaced, facts);
    }

    /// <summary>The first entry of the disclosure's item whose period holds the disclosure's (a search of the whole matrix: for a few disclosures).</summary>
    private static ComplianceEntry? EntryOf(IReadOnlyList<ComplianceEntry> compliance, Disclosure d)
    {
        foreach (var e in compliance)
        {
            if (e.Unit.Id == d.Unit && e.Item.Id == d.Item && e.Period.Contains(d.Period))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>A disclosure's facts, without the disclosure it corrects (<see cref="LinkCorrections"/>).</summary>
    private static DisclosureFacts FactsOf(Disclosure d, DateOnly? date, DateSource source, ComplianceEntry? entry, DateOnly asOf)
    {
        var withdrawn = !string.IsNullOrWhiteSpace(d.Meta.Withdrawn) ? d.Meta.Withdrawn.Trim()
            : d.Meta.WithdrawAt is { } at && at <= asOf ? "公示期已满"
            : null;
        var (status, days) = StatusOf(d, withdrawn is not null, entry, date ?? asOf);
        return new DisclosureFacts(date, source, status, days, entry?.Deadline, withdrawn, null);
    }

    /// <summary>Finds what each correction corrects, and writes it into the correction's facts.</summary>
    private void LinkCorrections()
    {
        var corrections = new List<(Disclosure Correction, Disclosure Target)>();
        foreach (var d in All)
        {
            if (d.IsCorrection && DisclosureLoader.FindCorrected(All, d) is { } target)
            {
                corrections.Add((d, target));
            }
        }

        _correctionsOf = corrections.Count == 0 ? EmptyCorrections : corrections.ToLookup<(Disclosure Correction, Disclosure Target), Disclosure, Disclosure>(x => x.Target, x => x.Correction, ReferenceEqualityComparer.Instance);
        foreach (var (correction, target) in corrections)
        {
            if (!ReferenceEquals(_facts[correction].Corrected, target))
            {
                _facts[correction] = _facts[correction] with { Corrected = target };
            }
        }
    }

    private static readonly ILookup<Disclosure, Disclosure> EmptyCorrections = Array.Empty<Disclosure>().ToLookup<Disclosure, Disclosure>(d => d, ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Whether these disclosures have the same units, periods and places as <paramref name="other"/>'s: true for a
    /// session's patched list (<see cref="Make"/>), which keeps them.
    /// </summary>
    internal bool HasPlacesOf(PublicDisclosures other) => ReferenceEquals(_units, other._units);

    /// <summary>Where each unit's run of <paramref name="sorted"/> starts, and its length.</summary>
    private static Dictionary<string, (int Start, int Count)> UnitRuns(List<Disclosure> sorted)
    {
        var runs = new Dictionary<string, (int Start, int Count)>(StringComparer.Ordinal);
        foreach (var (unit, start, count) in Runs.ByUnit(sorted, static d => d.Unit))
        {
            runs[unit] = (start, count);
        }

        return runs;
    }

    /// <summary>A session's memory of the order of <see cref="All"/> (<see cref="DigestMemory.PublicOrder"/>).</summary>
    internal static KeptOrder<Disclosure> NewKeptOrder() => new(Compare, (a, b) => ReferenceEquals(a, b) || Compare(a, b) == 0);

    /// <summary>The order of <see cref="All"/>: by unit (ordinal), period, slug (ordinal).</summary>
    private static int Compare(Disclosure a, Disclosure b) => string.CompareOrdinal(a.Unit, b.Unit) is var c && c != 0 ? c : CompareInUnit(a, b);

    /// <summary>The order of <see cref="All"/> within a unit: by period, slug (ordinal).</summary>
    private static int CompareInUnit(Disclosure a, Disclosure b) => a.Period.CompareTo(b.Period) is var c && c != 0 ? c : string.CompareOrdinal(a.Slug, b.Slug);

    /// <summary>This disclosure's own status: withdrawn, nil, on time or late against its item's deadline.</summary>
    private static (string Key, int? Days) StatusOf(Disclosure d, bool withdrawn, ComplianceEntry? entry, DateOnly published)
    {
        if (withdrawn)
        {
            return ("withdrawn", null);
        }

        if (entry is null)
        {
            return (d.IsNil ? "nil" : "on-time", null);
        }

        var late = published.DayNumber - entry.Deadline.DayNumber;
        return late > 0 ? ("late", late) : (d.IsNil ? "nil" : "on-time", null);
    }

    /// <summary>Every public disclosure, by unit, period and slug.</summary>
    public IReadOnlyList<Disclosure> All { get; }

    /// <summary>The fingerprint of what the per-file checks read from the rules: item pages show their findings' effects.</summary>
    public string PerFileRulesFingerprint { get; }

    /// <summary>A unit's public disclosures, by period and slug.</summary>
    public IEnumerable<Disclosure> Of(string unit)
    {
        var (start, count) = _units.GetValueOrDefault(unit);
        for (var i = start; i < start + count; i++)
        {
            yield return All[i];
        }
    }

    /// <summary>Public and not withdrawn: what lists, feeds and search show in full.</summary>
    public IEnumerable<Disclosure> Current => All.Where(d => !IsWithdrawn(d));

    public bool IsPublic(Disclosure d) => _facts.ContainsKey(d);

    public DisclosureFacts FactsOf(Disclosure d) => _facts[d];

    /// <summary><c>withdrawn:</c> is set, or the 公示 period ended (<c>withdraw_at</c> on or before the as-of date).</summary>
    public bool IsWithdrawn(Disclosure d) => _facts[d].WithdrawnReason is not null;

    public string WithdrawalReason(Disclosure d) => _facts[d].WithdrawnReason ?? string.Empty;

    /// <summary>The date the disclosure became public (its trusted date, or its embargo date if later) and the date's source.</summary>
    public (DateOnly? Date, DateSource Source) Published(Disclosure d)
    {
        var f = _facts[d];
        return (f.Published, f.Source);
    }

    /// <summary>This disclosure's own status: withdrawn, nil, on time or late against its item's deadline.</summary>
    public (string Key, int? Days) StatusOf(Disclosure d)
    {
        var f = _facts[d];
        return (f.Status, f.Days);
    }

    public Disclosure? Corrected(Disclosure correction) => _facts[correction].Corrected;

    public IEnumerable<Disclosure> CorrectionsOf(Disclosure d) => _correctionsOf[d];
}
