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
        // In parallel, as PersonalDataRule scans (each file into its own list, merged in order): without the input cache
        // every file's tables are decoded and checked here, and the rest of the build waits for validation.
        var rules = context.Input.Rules;
        var disclosures = context.Input.Disclosures;
        var perDisclosure = new IReadOnlyList<Finding>[disclosures.Count];
        Parallel.For(0, disclosures.Count, i =>
            perDisclosure[i] = context.PerFile.GetValueOrDefault(disclosures[i])?.Content ?? DisclosureChecks.ContentOf(disclosures[i], rules).ToList());
        return perDisclosure.SelectMany(f => f).ToList();
    }
}
