using DisclosureSite.Model;

namespace DisclosureSite.Validation.Rules;

/// <summary>
/// The checks of each disclosure's own content (<see cref="DisclosureChecks.ContentOf"/>): ledger sums and balances,
/// roster totals, table dates, template text left in. Remembered per file by the input cache.
/// </summary>
public sealed class DisclosureFileRule : IValidationRule
{
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var rules = context.Input.Rules;
        foreach (var d in context.Input.Disclosures)
        {
            var known = DisclosureChecks.Find(d, rules);
            foreach (var f in known is not null ? known.Content : DisclosureChecks.ContentOf(d, rules))
            {
                yield return f;
            }
        }
    }
}
