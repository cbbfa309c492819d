using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>Collects findings while loading; bad input is data, never an exception.</summary>
public sealed class FindingSink
{
    private readonly List<Finding> _findings = [];

    public IReadOnlyList<Finding> Findings => _findings;

    public bool HasErrors => _findings.Any(f => f.IsError);

    public int Count => _findings.Count;

    public void Add(Finding finding) => _findings.Add(finding);

    public void AddRange(IEnumerable<Finding> findings) => _findings.AddRange(findings);

    /// <summary>Reports a problem at a place with the default severity of its code.</summary>
    public void Report(string code, SourceRef at, LocalizedText text, string? unit = null, string? period = null, string? item = null) =>
        _findings.Add(new Finding(code, FindingCodes.SeverityOf(code), text, unit, period, item, at.File, at.Line, at.Column));

    public int ErrorsSince(int mark) => _findings.Skip(mark).Count(f => f.IsError);
}
