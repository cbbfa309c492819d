using DisclosureSite.Model;
using DisclosureSite.Publishing.Ledger;

namespace DisclosureSite.Validation;

/// <summary>What every validation rule sees: the loaded input, the day, trusted dates and the compliance matrix.</summary>
public sealed record ValidationContext(SiteInput Input, DateOnly AsOf, PublicationDates Dates, ComplianceCalculator Calculator, IReadOnlyList<ComplianceEntry> Compliance)
{
    /// <summary>The publication ledger (empty when the site has none yet); its dates are already in <see cref="Dates"/>.</summary>
    public LedgerState Ledger { get; init; } = LedgerState.Empty;
}

/// <summary>A validation rule: looks at the context and reports findings; never throws for bad data.</summary>
public interface IValidationRule
{
    IEnumerable<Finding> Check(ValidationContext context);
}
