using DisclosureSite.Model;

namespace DisclosureSite.Validation.Rules;

/// <summary>Standing information per the preset: contact card with its required roles, duty roster, this year's commitments, hotline.</summary>
public sealed class StandingRule : IValidationRule
{
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var input = context.Input;
        var current = Period.Containing(context.AsOf, PeriodKind.Month);
        var hotlineNeeded = false;
        foreach (var unit in input.Units.Where(u => u.ExistsIn(current)))
        {
            if (!input.Rules.Standing.TryGetValue(unit.Level, out var rules))
            {
                continue;
            }

            hotlineNeeded |= rules.Hotline;
            Finding Make(string code, LocalizedText text, string file) =>
                new(code, FindingCodes.SeverityOf(code), text, unit.Id, null, null, file);

            if (rules.ContactCard)
            {
                var people = input.People.Where(p => p.Unit == unit.Id).ToList();
                if (people.Count == 0)
                {
                    yield return Make(FindingCodes.StandingMissing, Messages.NoContactCard(unit.Name), "people.csv");
                }
                else
                {
                    foreach (var role in rules.ContactCardRoles.Where(r => !people.Any(p => p.Role.Contains(r, StringComparison.Ordinal))))
                    {
                        yield return Make(FindingCodes.StandingMissing, Messages.ContactCardMissingRole(unit.Name, role), "people.csv");
                    }
                }
            }

            if (rules.DutyRoster && !input.Duty.Any(d => d.Unit == unit.Id))
            {
                yield return Make(FindingCodes.StandingMissing, Messages.NoDutyRoster(unit.Name, unit.Id), $"units/{unit.Id}/duty.csv");
            }

            if (rules.Commitments)
            {
                var c = input.Commitments.FirstOrDefault(x => x.Unit == unit.Id);
                if (c is null)
                {
                    yield return Make(FindingCodes.StandingMissing, Messages.NoCommitments(unit.Name, unit.Id), $"units/{unit.Id}/commitments.md");
                }
                else if (c.Year is not { } y || y < context.AsOf.Year)
                {
                    yield return Make(FindingCodes.StandingStale, Messages.StaleCommitments(unit.Name, c.Year, context.AsOf.Year), c.Source.File);
                }
            }
        }

        if (hotlineNeeded && string.IsNullOrWhiteSpace(input.Settings.Hotline))
        {
            yield return new Finding(FindingCodes.StandingMissing, Severity.Warning, Messages.NoHotline(), File: "site.yaml");
        }
    }
}
