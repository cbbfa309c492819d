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
    private readonly ILookup<string, Disclosure> _byUnit;
    private readonly ILookup<Disclosure, Disclosure> _correctionsOf;

    /// <param name="all">Every loaded disclosure.</param>
    /// <param name="effectiveDate">The date each became (or becomes) public and its source (Validation's calculator).</param>
    /// <param name="compliance">The required-item entries, in the validator's order ("the first entry" of an item stays the same).</param>
    /// <param name="asOf">The day the site shows.</param>
    /// <param name="perFileRulesFingerprint">The fingerprint of what the per-file checks read from the rules.</param>
    public PublicDisclosures(IReadOnlyList<Disclosure> all, Func<Disclosure, (DateOnly? Date, DateSource Source)> effectiveDate, IReadOnlyList<ComplianceEntry> compliance, DateOnly asOf, string perFileRulesFingerprint)
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

        // By unit, period and slug, stable (the load order breaks ties): sorted in place by index, with no keys made.
        if (!IsSorted(dated))
        {
            var order = new int[dated.Count];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            var unsorted = dated;
            Array.Sort(order, (x, y) => Compare(unsorted[x].D, unsorted[y].D) is var c && c != 0 ? c : x.CompareTo(y));
            dated = new(unsorted.Count);
            foreach (var i in order)
            {
                dated.Add(unsorted[i]);
            }
        }

        var publicList = new List<Disclosure>(dated.Count);
        foreach (var (d, _) in dated)
        {
            publicList.Add(d);
        }

        All = publicList;
        _facts = new(publicList.Count, ReferenceEqualityComparer.Instance);
        _byUnit = All.ToLookup(d => d.Unit, StringComparer.Ordinal);

        var entriesByItem = new Dictionary<(string Unit, string Item), List<ComplianceEntry>>();
        foreach (var e in compliance)
        {
            if (!entriesByItem.TryGetValue((e.Unit.Id, e.Item.Id), out var list))
            {
                entriesByItem[(e.Unit.Id, e.Item.Id)] = list = [];
            }

            list.Add(e);
        }

        var corrections = All.Where(d => d.IsCorrection)
            .Select(d => (Correction: d, Target: DisclosureLoader.FindCorrected(All, d)))
            .Where(x => x.Target is not null)
            .ToList();
        _correctionsOf = corrections.ToLookup<(Disclosure Correction, Disclosure? Target), Disclosure, Disclosure>(x => x.Target!, x => x.Correction, ReferenceEqualityComparer.Instance);
        var corrected = new Dictionary<Disclosure, Disclosure>(ReferenceEqualityComparer.Instance);
        foreach (var (correction, target) in corrections)
        {
            corrected[correction] = target!;
        }

        foreach (var (d, (date, source)) in dated)
        {
            // The required-item entry it counts toward (none for corrections and items outside the catalogue).
            var entry = d.IsCorrection || !entriesByItem.TryGetValue((d.Unit, d.Item), out var entries) ? null : entries.Find(e => e.Period.Contains(d.Period));
            var withdrawn = !string.IsNullOrWhiteSpace(d.Meta.Withdrawn) ? d.Meta.Withdrawn.Trim()
                : d.Meta.WithdrawAt is { } at && at <= asOf ? "公示期已满"
                : null;
            var (status, days) = StatusOf(d, withdrawn is not null, entry, date ?? asOf);
            _facts[d] = new DisclosureFacts(date, source, status, days, entry?.Deadline, withdrawn, d.IsCorrection ? corrected.GetValueOrDefault(d) : null);
        }
    }

    /// <summary>Whether the list is in the order of <see cref="All"/> (unit, period, slug), so that sorting it would change nothing.</summary>
    private static bool IsSorted(List<(Disclosure D, (DateOnly? Date, DateSource Source) Date)> dated)
    {
        for (var i = 1; i < dated.Count; i++)
        {
            if (Compare(dated[i - 1].D, dated[i].D) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The order of <see cref="All"/>: by unit (ordinal), period, slug (ordinal).</summary>
    private static int Compare(Disclosure a, Disclosure b)
    {
        var c = string.CompareOrdinal(a.Unit, b.Unit);
        if (c == 0)
        {
            c = a.Period.CompareTo(b.Period);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Slug, b.Slug);
    }

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
    public IEnumerable<Disclosure> Of(string unit) => _byUnit[unit];

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
