using DisclosureSite.Model;

namespace DisclosureSite.Site.Render.Inputs;

/// <summary>What a unit's page shows besides its figures: its contact card (people.csv), duty roster and commitments, in file order.</summary>
public sealed class UnitCards(IReadOnlyList<Person> people, IReadOnlyList<DutyEntry> duty, IReadOnlyList<Commitments> commitments)
{
    private readonly ILookup<string, Person> _people = people.ToLookup(p => p.Unit, StringComparer.Ordinal);
    private readonly ILookup<string, DutyEntry> _duty = duty.ToLookup(d => d.Unit, StringComparer.Ordinal);

    public IReadOnlyList<Person> People => people;

    public IReadOnlyList<DutyEntry> Duty => duty;

    public IReadOnlyList<Commitments> Commitments => commitments;

    /// <summary>A unit's contact card, in file order.</summary>
    public IEnumerable<Person> PeopleOf(string unit) => _people[unit];

    /// <summary>A unit's duty roster, in file order.</summary>
    public IEnumerable<DutyEntry> DutyOf(string unit) => _duty[unit];

    /// <summary>A unit's commitments (the first file that names it), or null.</summary>
    public Commitments? CommitmentsOf(string unit) => commitments.FirstOrDefault(c => c.Unit == unit);
}
