namespace DisclosureSite.Model;

/// <summary>The stable finding codes of SPEC §6, with their default severity.</summary>
public static class FindingCodes
{
    public const string Unreadable = "input.unreadable";
    public const string Encoding = "input.encoding";
    public const string Syntax = "input.syntax";
    public const string UnknownUnit = "input.unknown-unit";
    public const string UnknownItem = "input.unknown-item";
    public const string BadPeriod = "input.bad-period";
    public const string BadDate = "input.bad-date";
    public const string Duplicate = "input.duplicate";
    public const string MissingField = "input.missing-field";
    public const string BadReference = "input.bad-reference";
    public const string BadName = "input.bad-name";

    public const string BadAmount = "table.bad-amount";
    public const string TotalMismatch = "table.total-mismatch";
    public const string BalanceMismatch = "table.balance-mismatch";
    public const string MissingColumn = "table.missing-column";
    public const string AmountWordsMismatch = "table.amount-words-mismatch";

    public const string IdNumber = "privacy.id-number";
    public const string Mobile = "privacy.mobile";
    public const string BankCard = "privacy.bank-card";
    public const string Address = "privacy.address";

    /// <summary>A full name where the contract asks for a masked one (民情台账 反映人: <c>张*明</c>); added to SPEC §6's list.</summary>
    public const string PersonName = "privacy.name";

    public const string Vanished = "ledger.vanished";
    public const string ChangedWithoutRevision = "ledger.changed-without-revision";
    public const string BrokenChain = "ledger.broken-chain";

    public const string Missing = "schedule.missing";
    public const string Late = "schedule.late";
    public const string DueSoon = "schedule.due-soon";

    public const string StandingMissing = "standing.missing";
    public const string StandingStale = "standing.stale";

    public const string DecisionOrder = "decision.order";
    public const string DecisionOverdue = "decision.overdue";

    /// <summary>Votes that do not add up (added to SPEC §6's list: for + against + abstain &gt; present).</summary>
    public const string DecisionVotes = "decision.votes";

    public const string RequestsOverdue = "requests.overdue";
    public const string RequestsLate = "requests.late";

    /// <summary>Default severity by code family: input/table/privacy/ledger errors block; the rest inform.</summary>
    public static Severity SeverityOf(string code) => code switch
    {
        DueSoon or RequestsLate => Severity.Notice,
        RequestsOverdue => Severity.Warning,
        _ when code.StartsWith("schedule.", StringComparison.Ordinal)
            || code.StartsWith("standing.", StringComparison.Ordinal)
            || code.StartsWith("decision.", StringComparison.Ordinal) => Severity.Warning,
        _ => Severity.Error,
    };

    public static IReadOnlyList<string> All { get; } =
    [
        Unreadable, Encoding, Syntax, UnknownUnit, UnknownItem, BadPeriod, BadDate, Duplicate, MissingField, BadReference, BadName,
        BadAmount, TotalMismatch, BalanceMismatch, MissingColumn, AmountWordsMismatch,
        IdNumber, Mobile, BankCard, Address, PersonName,
        Vanished, ChangedWithoutRevision, BrokenChain,
        Missing, Late, DueSoon,
        StandingMissing, StandingStale,
        DecisionOrder, DecisionOverdue, DecisionVotes,
        RequestsOverdue, RequestsLate,
    ];
}
