using System.Collections.Frozen;
using DisclosureSite.Model;

namespace DisclosureSite.Site.Render.Inputs;

/// <summary>
/// What every page reads: the site's settings, its units, the catalogue and its rules, the as-of date and the site's
/// URLs. Plain data loaded from <c>site.yaml</c>, <c>units.csv</c> and the rule presets.
/// </summary>
public sealed class SiteFacts
{
    private readonly FrozenDictionary<string, Unit> _units;

    public SiteFacts(SiteSettings settings, RuleSet rules, IReadOnlyList<Unit> units, DateOnly asOf, SiteUrls urls)
    {
        Settings = settings;
        Rules = rules;
        AsOf = asOf;
        Urls = urls;
        Units = units.OrderBy(u => u.Level == UnitLevel.Township ? 0 : 1).ToList();
        _units = units.ToFrozenDictionary(u => u.Id, StringComparer.Ordinal);
    }

    public SiteSettings Settings { get; }

    /// <summary>The catalogue of required items, its streams and the rules of the presets and the site's overrides.</summary>
    public RuleSet Rules { get; }

    /// <summary>Units, township first, then in the order of units.csv.</summary>
    public IReadOnlyList<Unit> Units { get; }

    public DateOnly AsOf { get; }

    public SiteUrls Urls { get; }

    public Unit UnitOf(string id) => _units[id];

    /// <summary>The unit of <paramref name="id"/>, or null when the site has none.</summary>
    public Unit? FindUnit(string id) => _units.GetValueOrDefault(id);

    public string ItemName(Unit unit, string itemId) =>
        _itemNames.GetOrAdd((unit.Level, itemId), static (key, rules) => rules.FindItem(key.Level, key.Id)?.Name ?? key.Id, Rules);

    // Asked once per listed disclosure by several steps (62,000 at 300 villages); the catalogue is walked once per item.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(UnitLevel Level, string Id), string> _itemNames = new();

    /// <summary>The issuing body of a unit's notices: the unit, and the unit above it when there is one ("东山村（青石镇）").</summary>
    public string Issuer(Unit unit) =>
        unit.Parent is { Length: > 0 } parent && parent != unit.Id && FindUnit(parent) is { } above
            ? _issuers.GetOrAdd(unit, static (unit, above) => $"{unit.Name}（{above.Name}）", above)
            : unit.Name;

    // Asked once per item page's tag, and again for each page rendered: made once per unit.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Unit, string> _issuers = new(ReferenceEqualityComparer.Instance);
}
