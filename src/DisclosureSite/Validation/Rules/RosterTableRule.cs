using DisclosureSite.Model;
using DisclosureSite.Validation.Tables;

namespace DisclosureSite.Validation.Rules;

/// <summary>Roster (名单) tables must have a name column; their personal data is checked by <see cref="PersonalDataRule"/>.</summary>
public sealed class RosterTableRule : IValidationRule
{
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var rules = context.Input.Rules;
        foreach (var d in context.Input.Disclosures)
        {
            foreach (var table in d.Tables.Where(t => t.Schema == "roster"))
            {
                if (LedgerAnalysis.Column(table, rules, "name", "roster") < 0)
                {
                    yield return new Finding(FindingCodes.MissingColumn, Severity.Error, Messages.MissingNameColumn(LedgerAnalysis.Aliases(rules, "roster", "name")), d.Unit, d.Period.ToString(), d.Item, table.File, table.HeaderLine, 1);
                }
            }
        }
    }
}
