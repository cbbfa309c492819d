using DisclosureSite.Model;

namespace DisclosureSite.Validation.Rules;

/// <summary>
/// SPEC §7: a broken ledger chain, an item changed after publication without a new <c>revision_note</c>, and a
/// published item gone from the input without a withdrawal are errors that block publishing.
/// </summary>
public sealed class LedgerRule : IValidationRule
{
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var ledger = context.Ledger;
        if (!ledger.Exists)
        {
            return [];
        }

        return ledger.Findings.Concat(context.LedgerPlan.Findings);
    }
}
