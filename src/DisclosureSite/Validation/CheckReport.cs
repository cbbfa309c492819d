using DisclosureSite.Model;

namespace DisclosureSite.Validation;

/// <summary>Counts for the one-line summary and the JSON <c>summary</c> object.</summary>
public sealed record CheckSummary(
    int Units,
    int ItemsDue,
    int OnTime,
    int Late,
    int Missing,
    int Nil,
    int Embargoed,
    int DueSoon,
    int Errors,
    int Warnings,
    int Notices,
    string DatesFrom = "git");

/// <summary>What <c>disclosure check</c> found on a given day: findings in a stable order and a summary.</summary>
public sealed record CheckReport(DateOnly AsOf, IReadOnlyList<Finding> Findings, CheckSummary Summary)
{
    /// <summary>Things to tell the reader that are not findings (e.g. dates are self-declared in a shallow clone).</summary>
    public IReadOnlyList<LocalizedText> Notes { get; init; } = [];

    public bool HasErrors => Findings.Any(f => f.IsError);

    /// <summary>Site-wide findings first, then by unit, file, line, column and code, so output never depends on load order.</summary>
    public static IReadOnlyList<Finding> Sort(IEnumerable<Finding> findings) =>
        findings
            .OrderBy(f => f.Unit is null ? 0 : 1)
            .ThenBy(f => f.Unit ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Period ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.File ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(f => f.Column ?? 0)
            .ThenBy(f => f.Item ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
}
