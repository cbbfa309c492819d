using DisclosureSite.Model;

namespace DisclosureSite.Validation.Rules;

/// <summary>
/// The checks of each disclosure's own content (<see cref="DisclosureChecks.ContentOf"/>): ledger sums and balances,
/// roster totals, table dates, template text left in. Kept per file by the input cache (<see cref="ValidationContext.PerFile"/>).
/// </summary>
public sealed class DisclosureFileRule : IValidationRule
{
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var rules = context.Input.Rules;
        return context.EachDisclosure((d, known) => known?.Content ?? DisclosureChecks.ContentOf(d, rules).ToList());
    }
}
