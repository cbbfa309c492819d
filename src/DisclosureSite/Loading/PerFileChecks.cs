using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>
/// The findings of the checks that depend on one disclosure alone: its <see cref="Content"/> (every table schema's rules,
/// table dates, what is left of a template) and its personal data.
/// </summary>
public sealed record PerFileFindings(IReadOnlyList<Finding> Content, IReadOnlyList<Finding> PersonalData);

/// <summary>
/// Validation's checks of one disclosure, handed to the loader by whoever composes the run (Loading does not know the
/// rules: Validation implements this). The loader runs them on each file it reads and the input cache keeps their
/// findings with the file, so a warm <c>check</c> neither scans nor analyses unchanged files; the results travel to
/// validation in <see cref="LoadResult.PerFile"/>.
/// </summary>
public interface IPerFileChecks
{
    /// <summary>A hash of what the checks read from the rules: cached results computed with another one are not used.</summary>
    string FingerprintOf(RuleSet rules);

    PerFileFindings Run(Disclosure d, RuleSet rules);

    /// <summary>
    /// The personal data in a 民情台账 (its table's cells and headers, 反映人 unmasked): kept with it by the input cache
    /// (<see cref="RequestLog.PersonalData"/>), so a warm load does not scan an unchanged 民情台账 again.
    /// </summary>
    IReadOnlyList<Finding> Run(RequestLog log);
}
