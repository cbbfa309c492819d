using DisclosureSite.Ledger;
using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Validation;

/// <summary>
/// What every validation rule sees: the loaded input, the day, trusted dates, the compliance matrix, the publication
/// ledger and what the loader already checked per file. Made once per run by <see cref="Validator.Context(SiteInput, DateOnly, GitHistory?, IReadOnlyDictionary{string, DateOnly}?)"/>.
/// </summary>
public sealed class ValidationContext
{
    private readonly Lazy<LedgerPlan> _ledgerPlan;

    internal ValidationContext(
        SiteInput input,
        DateOnly asOf,
        PublicationDates dates,
        ComplianceCalculator calculator,
        IReadOnlyList<ComplianceEntry> compliance,
        LedgerState ledger,
        IReadOnlyDictionary<Disclosure, PerFileFindings> perFile)
    {
        Input = input;
        AsOf = asOf;
        Dates = dates;
        Calculator = calculator;
        Compliance = compliance;
        Ledger = ledger;
        PerFile = perFile;
        _ledgerPlan = new(() => LedgerPlan.Compute(ledger, input, calculator.IsPublic, asOf), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SiteInput Input { get; }

    public DateOnly AsOf { get; }

    public PublicationDates Dates { get; }

    public ComplianceCalculator Calculator { get; }

    public IReadOnlyList<ComplianceEntry> Compliance { get; }

    /// <summary>The publication ledger (empty when the site has none yet); its dates are already in <see cref="Dates"/>.</summary>
    public LedgerState Ledger { get; }

    /// <summary>
    /// What a new ledger entry would record on the as-of day, and the findings that block recording: computed once per run
    /// (it hashes every disclosure's files), on first use, and shared by the ledger rule, the site and <c>ledger record</c>.
    /// </summary>
    public LedgerPlan LedgerPlan => _ledgerPlan.Value;

    /// <summary>Per-file findings the loader computed (or took from the input cache) with these rules, by disclosure.</summary>
    public IReadOnlyDictionary<Disclosure, PerFileFindings> PerFile { get; }
}

/// <summary>A validation rule: looks at the context and reports findings; never throws for bad data.</summary>
public interface IValidationRule
{
    IEnumerable<Finding> Check(ValidationContext context);
}
