using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Validation;

/// <summary>Where a required item of a period stands on the as-of date.</summary>
public enum ItemStatus
{
    /// <summary>Published by the deadline.</summary>
    OnTime,

    /// <summary>Published after the deadline.</summary>
    Late,

    /// <summary>An explicit "nothing to disclose" report (counts as disclosed).</summary>
    Nil,

    /// <summary>Filed, but with <c>publish_at</c> still in the future.</summary>
    Embargoed,

    /// <summary>Nothing, and the deadline has passed: 缺报.</summary>
    Missing,

    /// <summary>Nothing yet, due within the due-soon window.</summary>
    DueSoon,

    /// <summary>Nothing yet, and the deadline is still some way off.</summary>
    Pending,
}

/// <summary>One cell of the compliance matrix: a unit's required item in one period.</summary>
public sealed record ComplianceEntry(
    Unit Unit,
    Period Period,
    CatalogueItem Item,
    DateOnly Deadline,
    ItemStatus Status,
    DateOnly? PublishedOn,
    DateSource DateSource,
    int? Days,
    IReadOnlyList<Disclosure> Disclosures)
{
    /// <summary>Counted as disclosed for the schedule (on time, late or nil).</summary>
    public bool IsDisclosed => Status is ItemStatus.OnTime or ItemStatus.Late or ItemStatus.Nil;

    /// <summary>The deadline has passed (so the entry belongs in the on-time/late/缺报 figures).</summary>
    public bool IsDue => Status is not (ItemStatus.DueSoon or ItemStatus.Pending) && !(Status == ItemStatus.Embargoed && Days is null);
}

/// <summary>
/// Works out, for every unit and every required item of every period from the site's <c>since</c> up to
/// the as-of date, whether it was published on time, late, as a nil report, is embargoed, or is missing (缺报).
/// </summary>
public sealed class ComplianceCalculator(SiteInput input, PublicationDates dates, DateOnly asOf)
{
    /// <summary>The date a disclosure became (or becomes) public: its trusted date, or its embargo date if later.</summary>
    public (DateOnly? Date, DateSource Source) EffectiveDate(Disclosure d)
    {
        var trusted = dates.Of(d);
        var date = trusted.Date;
        if (d.Meta.PublishAt is { } at && (date is null || at > date))
        {
            return (at, trusted.Source);
        }

        return (date, trusted.Source);
    }

    /// <summary>True when the disclosure is on the site on the as-of date (not embargoed).</summary>
    public bool IsPublic(Disclosure d) => EffectiveDate(d).Date is not { } date || date <= asOf;

    /// <summary>Deadline of an item for a period, including the site's grace days.</summary>
    public DateOnly DeadlineOf(CatalogueItem item, Period period) => item.Due.DeadlineFor(period).AddDays(input.Rules.GraceDays);

    /// <summary>The first period the site covers: <c>since</c>, else the year of the earliest disclosure, else the as-of year.</summary>
    public DateOnly CoverageStart => _coverageStart.Value;

    // Worked out once: PeriodsOf asks for it for every unit and item (without `since`, a walk of every disclosure each time).
    private readonly Lazy<DateOnly> _coverageStart = new(() =>
        input.Settings.Since?.Start
        ?? (input.Disclosures.Count > 0 ? new DateOnly(input.Disclosures.Min(d => d.Period.Start).Year, 1, 1) : new DateOnly(asOf.Year, 1, 1)));

    /// <summary>Required periods of a schedule kind from the coverage start up to the period containing as-of.</summary>
    public IEnumerable<Period> PeriodsOf(PeriodKind kind)
    {
        var start = CoverageStart;
        var p = Period.Containing(start, kind);
        var last = Period.Containing(asOf, kind);
        while (p <= last)
        {
            yield return p;
            p = p.Next();
        }
    }

    /// <summary>
    /// The matrix in unit order, then catalogue order, then period order. Each unit's entries are worked out on their own, at
    /// once (the calculator only reads the input and the dates), and put together in that order: at 300 villages the
    /// matrix is ~180,000 entries, worked out anew by every build and every one-file edit.
    /// </summary>
    public IReadOnlyList<ComplianceEntry> Compute()
    {
        var disclosures = input.Disclosures;
        var counted = new bool[disclosures.Count];
        Parallel.For(0, disclosures.Count, i => counted[i] = !disclosures[i].IsCorrection && !Rules.PlaceholderRule.IsPlaceholder(disclosures[i]));
        var byUnitItem = disclosures.Where((_, i) => counted[i]).ToLookup(d => (d.Unit, d.Item));
        var units = input.Units;
        var perUnit = new List<ComplianceEntry>[units.Count];
        Parallel.For(0, units.Count, u => perUnit[u] = EntriesOf(units[u], byUnitItem));
        var entries = new List<ComplianceEntry>(perUnit.Sum(e => e.Count));
        foreach (var unitEntries in perUnit)
        {
            entries.AddRange(unitEntries);
        }

        return entries;
    }

    private List<ComplianceEntry> EntriesOf(Unit unit, ILookup<(string Unit, string Item), Disclosure> byUnitItem)
    {
        var entries = new List<ComplianceEntry>();
        foreach (var item in input.Rules.ItemsFor(unit.Level))
        {
            var group = byUnitItem[(unit.Id, item.Id)];
            var candidatesAll = group as IList<Disclosure> ?? group.ToList();
            foreach (var period in PeriodsOf(item.Schedule))
            {
                if (!unit.ExistsIn(period) || !item.IsRequiredIn(period))
                {
                    continue;
                }

                // Most entries have one disclosure or none: no list is made for none (the matrix is made anew by every build).
                List<Disclosure>? candidates = null;
                for (var i = 0; i < candidatesAll.Count; i++)
                {
                    if (period.Contains(candidatesAll[i].Period))
                    {
                        (candidates ??= new List<Disclosure>(1)).Add(candidatesAll[i]);
                    }
                }

                entries.Add(Evaluate(unit, period, item, candidates is null ? NoCandidates : candidates));
            }
        }

        return entries;
    }

    private static readonly Disclosure[] NoCandidates = [];

    private ComplianceEntry Evaluate(Unit unit, Period period, CatalogueItem item, IReadOnlyList<Disclosure> candidates)
    {
        var deadline = DeadlineOf(item, period);

        // The first to become public by the as-of date (an undated one counts as public today; the earliest in the
        // candidates' order among equal dates), and whether every public one is a nil report.
        var found = false;
        var allNil = true;
        (DateOnly? Date, DateSource Source) eff = default;
        for (var i = 0; i < candidates.Count; i++)
        {
            var d = candidates[i];
            var e = EffectiveDate(d);
            if (e.Date is { } date && date > asOf)
            {
                continue;
            }

            allNil &= d.IsNil;
            if (!found || (e.Date ?? asOf) < (eff.Date ?? asOf))
            {
                eff = e;
                found = true;
            }
        }

        if (found)
        {
            // No date at all (no Git, no `published`): it becomes public with this build, today.
            var on = eff.Date ?? asOf;
            var days = on.DayNumber - deadline.DayNumber;
            var status = days > 0 ? ItemStatus.Late : (allNil ? ItemStatus.Nil : ItemStatus.OnTime);
            return new ComplianceEntry(unit, period, item, deadline, status, on, eff.Date is null ? DateSource.None : eff.Source, days > 0 ? days : null, candidates);
        }

        if (candidates.Count > 0)
        {
            var overdue = asOf > deadline ? asOf.DayNumber - deadline.DayNumber : (int?)null;
            return new ComplianceEntry(unit, period, item, deadline, ItemStatus.Embargoed, EffectiveDate(candidates[0]).Date, DateSource.None, overdue, candidates);
        }

        if (asOf > deadline)
        {
            return new ComplianceEntry(unit, period, item, deadline, ItemStatus.Missing, null, DateSource.None, asOf.DayNumber - deadline.DayNumber, candidates);
        }

        var left = deadline.DayNumber - asOf.DayNumber;
        return left <= input.Rules.DueSoonDays
            ? new ComplianceEntry(unit, period, item, deadline, ItemStatus.DueSoon, null, DateSource.None, left, candidates)
            : new ComplianceEntry(unit, period, item, deadline, ItemStatus.Pending, null, DateSource.None, left, candidates);
    }
}
