namespace DisclosureSite.Model;

/// <summary>Everything loaded from an input folder: the whole data of one site.</summary>
public sealed record SiteInput(
    string Root,
    SiteSettings Settings,
    RuleSet Rules,
    IReadOnlyList<Unit> Units,
    IReadOnlyList<Person> People,
    IReadOnlyList<DutyEntry> Duty,
    IReadOnlyList<Commitments> Commitments,
    IReadOnlyList<Disclosure> Disclosures,
    IReadOnlyList<Decision> Decisions)
{
    /// <summary>Each unit's 民情台账 (<c>units/&lt;unit&gt;/requests.csv</c> or .xlsx), in unit order.</summary>
    public IReadOnlyList<RequestLog> Requests { get; init; } = [];

    /// <summary>The 民情台账 of a unit, or null when it keeps none.</summary>
    public RequestLog? RequestsOf(string unit) => Requests.FirstOrDefault(r => r.Unit == unit);

    public Unit? FindUnit(string id) => Units.FirstOrDefault(u => u.Id == id);
}
