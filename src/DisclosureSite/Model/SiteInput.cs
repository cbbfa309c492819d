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
    public Unit? FindUnit(string id) => Units.FirstOrDefault(u => u.Id == id);
}
