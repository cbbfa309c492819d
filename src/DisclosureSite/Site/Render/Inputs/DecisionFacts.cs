using DisclosureSite.Model;

namespace DisclosureSite.Site.Render.Inputs;

/// <summary>
/// The 四议两公开 records, the steps the rules require of them, and the validator's <c>decision.*</c> findings of each
/// record's file (a step overdue, a step out of order), which the page says next to the record.
/// </summary>
public sealed class DecisionFacts
{
    private readonly Dictionary<Decision, IReadOnlyList<Finding>> _findings = new(ReferenceEqualityComparer.Instance);

    public DecisionFacts(IReadOnlyList<Decision> decisions, DecisionRules rules, IReadOnlyList<Finding> findings)
    {
        Decisions = decisions;
        Rules = rules;
        // One pass over the report (it holds every finding of the site), not one per record.
        var byFile = findings.Where(f => f.File is not null && f.Code.StartsWith("decision.", StringComparison.Ordinal)).ToLookup(f => f.File!, StringComparer.Ordinal);
        foreach (var d in decisions)
        {
            _findings[d] = byFile[d.File].ToList();
        }
    }

    public IReadOnlyList<Decision> Decisions { get; }

    public DecisionRules Rules { get; }

    /// <summary>The <c>decision.*</c> findings of the record's file, in the report's order.</summary>
    public IReadOnlyList<Finding> FindingsOf(Decision d) => _findings[d];
}
