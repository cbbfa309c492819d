using DisclosureSite.Ledger;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Validation.Rules;

namespace DisclosureSite.Validation;

/// <summary>
/// Runs every rule over a loaded input and makes the report of <c>disclosure check</c>. Findings of one kind
/// never hide another: input errors, table and privacy errors and schedule findings are all reported.
/// </summary>
public static class Validator
{
    /// <summary>The rules, in the order their findings are computed (output is sorted afterwards).</summary>
    public static IReadOnlyList<IValidationRule> Rules { get; } =
    [
        new ScheduleRule(),
        new DisclosureFileRule(),
        new DeclaredDateRule(),
        new PersonalDataRule(),
        new StandingRule(),
        new RequestRule(),
        new DecisionRule(),
        new LedgerRule(),
    ];

    /// <summary>
    /// The context of one run: trusted dates (Git, declared, or <paramref name="ledgerDates"/>), the compliance matrix, and
    /// the per-file findings the loader already has (<see cref="LoadResult.PerFile"/>, computed with <paramref name="input"/>'s rules).
    /// </summary>
    public static ValidationContext Context(SiteInput input, DateOnly asOf, GitHistory? git = null, IReadOnlyDictionary<string, DateOnly>? ledgerDates = null, IReadOnlyDictionary<Disclosure, PerFileFindings>? perFile = null) =>
        Make(input, asOf, git, ledgerDates, LedgerState.Empty, perFile);

    /// <summary>A context whose trusted dates come from the ledger (<see cref="LedgerStore.Load"/>) and whose ledger rule checks it.</summary>
    public static ValidationContext Context(SiteInput input, DateOnly asOf, LedgerState ledger, GitHistory? git = null, IReadOnlyDictionary<Disclosure, PerFileFindings>? perFile = null) =>
        Make(input, asOf, git, ledger.Dates, ledger, perFile);

    /// <summary>
    /// A context of <paramref name="input"/> for the day, trusted dates and ledger of <paramref name="previous"/> (a
    /// session's earlier run over the same site), with a compliance matrix the caller worked out from the previous one.
    /// </summary>
    internal static ValidationContext Context(SiteInput input, ValidationContext previous, IReadOnlyList<ComplianceEntry> compliance, IReadOnlyDictionary<Disclosure, PerFileFindings> perFile) =>
        new(input, previous.AsOf, previous.Dates, new ComplianceCalculator(input, previous.Dates, previous.AsOf), compliance, previous.Ledger, perFile, previous);

    private static ValidationContext Make(SiteInput input, DateOnly asOf, GitHistory? git, IReadOnlyDictionary<string, DateOnly>? ledgerDates, LedgerState ledger, IReadOnlyDictionary<Disclosure, PerFileFindings>? perFile)
    {
        var zone = SiteClock.Zone(input.Settings.TimeZone);
        var history = input.Settings.DatesFrom == DatesFrom.Git ? git ?? GitHistory.Read(input.Root) : GitHistory.None("declared");
        var dates = new PublicationDates(history, zone, input.Settings.DatesFrom, ledgerDates);
        var calculator = new ComplianceCalculator(input, dates, asOf);
        var standing = ValidationContext.StartStandingScan(input);
        return new ValidationContext(input, asOf, dates, calculator, calculator.Compute(), ledger, perFile ?? new Dictionary<Disclosure, PerFileFindings>(), standing: standing);
    }

    public static CheckReport Check(LoadResult loaded, DateOnly asOf, GitHistory? git = null, IReadOnlyDictionary<string, DateOnly>? ledgerDates = null)
    {
        if (loaded.Input is not { } input)
        {
            return Report(asOf, loaded.Findings, null);
        }

        var context = Context(input, asOf, git, ledgerDates, loaded.PerFile);
        return Check(context, loaded.Findings);
    }

    /// <summary>Checks with the site's publication ledger: its dates are trusted and its rule runs.</summary>
    public static CheckReport Check(LoadResult loaded, DateOnly asOf, LedgerState ledger, GitHistory? git = null)
    {
        if (loaded.Input is not { } input)
        {
            return Report(asOf, loaded.Findings, null);
        }

        return Check(Context(input, asOf, ledger, git, loaded.PerFile), loaded.Findings);
    }

    public static CheckReport Check(ValidationContext context, IEnumerable<Finding> loadFindings)
    {
        var findings = loadFindings.ToList();
        foreach (var rule in Rules)
        {
            findings.AddRange(rule.Check(context));
        }

        return Report(context.AsOf, findings, context);
    }

    private static string DatesFromLabel(ValidationContext? context) => context switch
    {
        null => "none",
        { Input.Settings.DatesFrom: DatesFrom.Declared } => "declared",
        { Dates.GitUnavailableReason: { } r } => "declared (" + r + ")",
        _ => "git",
    };

    private static CheckReport Report(DateOnly asOf, IEnumerable<Finding> findings, ValidationContext? context)
    {
        // No message but a privacy finding's masked form may carry personal data (a quoted cell, an unknown item).
        // A session's rerun (the preview) takes the masked form of each message the previous run masked: most are the same,
        // and a finding that is the same object as one of the previous run's (its file was not reloaded, its entry kept)
        // is masked as it was, with no look-up of its message. The other messages are scanned once each, at once (a
        // 300-village build has ~10,000 reminders, each scanned in both languages).
        var known = context?.Redactions;
        var knownFindings = context?.PreviousRedacted;
        var all = findings as IReadOnlyList<Finding> ?? findings.ToList();
        var redactions = new Dictionary<LocalizedText, LocalizedText>();
        var toScan = new HashSet<LocalizedText>();
        foreach (var f in all)
        {
            if ((knownFindings is null || !knownFindings.ContainsKey(f)) && !PersonalDataRule.IsMaskedAlready(f) && !redactions.ContainsKey(f.Text))
            {
                if (known is not null && known.TryGetValue(f.Text, out var kept))
                {
                    redactions[f.Text] = kept;
                }
                else
                {
                    toScan.Add(f.Text);
                }
            }
        }

        var texts = toScan.ToArray();
        var scanned = new LocalizedText[texts.Length];
        Parallel.For(0, texts.Length, i => scanned[i] = PersonalDataRule.RedactText(texts[i]));
        for (var i = 0; i < texts.Length; i++)
        {
            redactions[texts[i]] = scanned[i];
        }

        var redacted = new Dictionary<Finding, Finding>(ReferenceEqualityComparer.Instance);
        Finding RedactFinding(Finding f)
        {
            if (knownFindings is null || !knownFindings.TryGetValue(f, out var masked))
            {
                masked = PersonalDataRule.Redact(f, text => redactions[text]);
            }

            redacted[f] = masked;
            return masked;
        }

        var sorted = CheckReport.Sort(all.Select(RedactFinding));
        if (context is not null)
        {
            context.Redactions = redactions;
            context.Redacted = redacted;
        }

        var c = context?.Compliance ?? [];
        var summary = new CheckSummary(
            context?.Input.Units.Count ?? 0,
            c.Count(e => e.IsDue),
            c.Count(e => e.Status == ItemStatus.OnTime),
            c.Count(e => e.Status == ItemStatus.Late),
            c.Count(e => e.Status == ItemStatus.Missing),
            c.Count(e => e.Status == ItemStatus.Nil),
            c.Count(e => e.Status == ItemStatus.Embargoed),
            c.Count(e => e.Status == ItemStatus.DueSoon),
            sorted.Count(f => f.Severity == Severity.Error),
            sorted.Count(f => f.Severity == Severity.Warning),
            sorted.Count(f => f.Severity == Severity.Notice),
            DatesFromLabel(context));
        var notes = context?.Dates.GitUnavailableReason is { } reason ? new[] { Messages.GitDatesUnavailable(reason) } : [];
        return new CheckReport(asOf, sorted, summary) { Notes = notes };
    }
}
