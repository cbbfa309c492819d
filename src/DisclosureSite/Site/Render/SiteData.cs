using System.Collections.Concurrent;
using System.Collections.Frozen;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Publishing;
using DisclosureSite.Validation;

namespace DisclosureSite.Site.Render;

/// <summary>
/// What the render steps read: the loaded input and its validation, narrowed to what may be public on the as-of
/// date. Embargoed disclosures are removed here, once, so no step can leak them (pages, feeds, search, data).
/// </summary>
public sealed class SiteData
{
    private readonly ConcurrentDictionary<Disclosure, string> _hashes = new();
    private readonly FrozenDictionary<string, Unit> _units;
    private readonly ILookup<string, ComplianceEntry> _complianceByUnit;
    private readonly ILookup<string, Disclosure> _publicByUnit;
    private readonly ILookup<Disclosure, Disclosure> _correctionsOf;

    public SiteData(ValidationContext validation, CheckReport report, SiteUrls urls)
    {
        Validation = validation;
        Report = report;
        Urls = urls;
        Public = Input.Disclosures
            .Where(validation.Calculator.IsPublic)
            .OrderBy(d => d.Unit, StringComparer.Ordinal).ThenBy(d => d.Period).ThenBy(d => d.Slug, StringComparer.Ordinal)
            .ToList();
        Units = Input.Units.OrderBy(u => u.Level == UnitLevel.Township ? 0 : 1).ToList();
        _units = Input.Units.ToFrozenDictionary(u => u.Id, StringComparer.Ordinal);
        _complianceByUnit = validation.Compliance.ToLookup(e => e.Unit.Id, StringComparer.Ordinal);
        _publicByUnit = Public.ToLookup(d => d.Unit, StringComparer.Ordinal);
        _correctionsOf = Public.Where(d => d.IsCorrection)
            .Select(d => (Correction: d, Target: DisclosureLoader.FindCorrected(Public, d)))
            .Where(x => x.Target is not null)
            .ToLookup(x => x.Target!, x => x.Correction);
    }

    public ValidationContext Validation { get; }

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

    /// <summary>Public and not withdrawn: what lists, feeds and search show in full.</summary>
    public IEnumerable<Disclosure> Current => Public.Where(d => !IsWithdrawn(d));

    /// <summary><c>withdrawn:</c> is set, or the 公示 period ended (<c>withdraw_at</c> on or before the as-of date).</summary>
    public bool IsWithdrawn(Disclosure d) =>
        !string.IsNullOrWhiteSpace(d.Meta.Withdrawn) || (d.Meta.WithdrawAt is { } at && at <= AsOf);

    public string WithdrawalReason(Disclosure d) =>
        !string.IsNullOrWhiteSpace(d.Meta.Withdrawn) ? d.Meta.Withdrawn.Trim() : "公示期已满";

    /// <summary>The date the disclosure became public (its trusted date, or its embargo date if later) and the date's source.</summary>
    public (DateOnly? Date, DateSource Source) Published(Disclosure d) => Validation.Calculator.EffectiveDate(d);

    public string ContentSha256(Disclosure d) => _hashes.GetOrAdd(d, x => ContentHash.Of(Input.Root, x));

    public Disclosure? Corrected(Disclosure correction) =>
        correction.IsCorrection ? DisclosureLoader.FindCorrected(Public, correction) : null;

    public IEnumerable<Disclosure> CorrectionsOf(Disclosure d) => _correctionsOf[d];

    /// <summary>The required-item entry a disclosure counts toward (none for corrections and items outside the catalogue).</summary>
    public ComplianceEntry? EntryOf(Disclosure d) =>
        d.IsCorrection ? null : ComplianceOf(d.Unit).FirstOrDefault(e => e.Item.Id == d.Item && e.Period.Contains(d.Period));

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
        ComplianceOf(unit).Select(e => e.Period).Concat(PublicOf(unit).Select(d => d.Period))
            .Distinct().OrderDescending().ToList();

    /// <summary>Every period in any unit's pages, newest first.</summary>
    public IReadOnlyList<Period> AllPeriods => Compliance.Select(e => e.Period).Concat(Public.Select(d => d.Period)).Distinct().OrderDescending().ToList();

    public string ItemName(Unit unit, string itemId) => Input.Rules.FindItem(unit.Level, itemId)?.Name ?? itemId;
}
