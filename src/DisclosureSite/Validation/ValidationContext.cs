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
        IReadOnlyDictionary<Disclosure, PerFileFindings> perFile,
        ValidationContext? previous = null,
        Task<List<Finding>>? standing = null)
    {
        Input = input;
        AsOf = asOf;
        Dates = dates;
        Calculator = calculator;
        Compliance = compliance;
        Ledger = ledger;
        PerFile = perFile;
        _ledgerPlan = new(() => LedgerPlan.Compute(ledger, input, calculator.IsPublic, asOf), LazyThreadSafetyMode.ExecutionAndPublication);

        Redactions = previous?.Redactions;
        PreviousRedacted = previous?.Redacted;
        PreviousScheduleFindings = previous?.ScheduleFindings;

        // A rerun over the same standing lists (a session that reloaded only disclosures) keeps their scan.
        var before = previous?.Input;
        _standing = before is not null && before.Root == input.Root && ReferenceEquals(before.People, input.People) && ReferenceEquals(before.Duty, input.Duty)
            && ReferenceEquals(before.Commitments, input.Commitments) && ReferenceEquals(before.Requests, input.Requests) && ReferenceEquals(before.Decisions, input.Decisions)
            && ReferenceEquals(before.Units, input.Units) && ReferenceEquals(before.Settings, input.Settings)
            ? previous!._standing
            : StandingOf(standing ?? StartStandingScan(input));
    }

    /// <summary>
    /// The scan of <see cref="StandingPersonalData"/>, started on another thread: it needs nothing the rest of the
    /// validation makes, so it runs while the compliance matrix is worked out.
    /// </summary>
    internal static Task<List<Finding>> StartStandingScan(SiteInput input) => Task.Run(() => Rules.PersonalDataRule.ScanStanding(input));

    private static Lazy<List<Finding>> StandingOf(Task<List<Finding>> scan) => new(() => scan.GetAwaiter().GetResult());

    private readonly Lazy<List<Finding>> _standing;

    /// <summary>
    /// The masked form of each message of the report (<see cref="Rules.PersonalDataRule.RedactText"/>): set by the report of
    /// this run; a session's rerun starts from the previous run's, and masks only the messages that are new.
    /// </summary>
    internal IReadOnlyDictionary<LocalizedText, LocalizedText>? Redactions { get; set; }

    /// <summary>Each finding of the report as it went in and as it came out masked, by identity: set by the report of this run.</summary>
    internal IReadOnlyDictionary<Finding, Finding>? Redacted { get; set; }

    /// <summary>The previous run's <see cref="Redacted"/> (a session's rerun): a finding that is the same object is masked the same.</summary>
    internal IReadOnlyDictionary<Finding, Finding>? PreviousRedacted { get; }

    /// <summary>
    /// The finding of each compliance entry that has one (<see cref="Rules.ScheduleRule"/>), by the entry (an immutable
    /// record, by identity): filled by this run.
    /// </summary>
    internal Dictionary<ComplianceEntry, Finding> ScheduleFindings { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The previous run's <see cref="ScheduleFindings"/> (a session's rerun keeps the entries that did not change, and so their findings).</summary>
    internal IReadOnlyDictionary<ComplianceEntry, Finding>? PreviousScheduleFindings { get; }

    /// <summary>
    /// The personal data in everything but the disclosures (contact cards, rosters, commitments, 民情台账, decisions, units,
    /// site.yaml), scanned once per run — and kept by a session's rerun over the same lists (<see cref="Validator"/>).
    /// </summary>
    public IReadOnlyList<Finding> StandingPersonalData => _standing.Value;

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

    /// <summary>
    /// The findings of a per-file check over every disclosure, in the disclosures' order: <paramref name="check"/> gets
    /// each disclosure with what <see cref="PerFile"/> holds for it (null: it was not checked by the loader) and runs in
    /// parallel, each disclosure into its own list — without the input cache every file is read and checked here while
    /// the rest of the build waits for validation.
    /// </summary>
    internal List<Finding> EachDisclosure(Func<Disclosure, PerFileFindings?, IReadOnlyList<Finding>> check)
    {
        var disclosures = Input.Disclosures;
        var perDisclosure = new IReadOnlyList<Finding>[disclosures.Count];
        Parallel.For(0, disclosures.Count, i => perDisclosure[i] = check(disclosures[i], PerFile.GetValueOrDefault(disclosures[i])));
        return perDisclosure.SelectMany(f => f).ToList();
    }
}

/// <summary>A validation rule: looks at the context and reports findings; never throws for bad data.</summary>
public interface IValidationRule
{
    IEnumerable<Finding> Check(ValidationContext context);
}
