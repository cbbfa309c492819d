using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Validation.Rules;

namespace DisclosureSite.Site.Load;

/// <summary>
/// The Load phase of a long-lived session (<see cref="SiteSession"/>, the preview) when only files inside period folders
/// of <c>disclosures/</c> changed: the previous load with those period folders loaded again (through the input cache:
/// their unchanged files are taken as they are), instead of walking and stating the whole input. The result is the
/// one a whole load would give: the same disclosures in the same order, the same findings (their order does not
/// matter: the report sorts them by every field) and per-file checks.
/// </summary>
internal static class ReloadInput
{
    /// <summary>
    /// <paramref name="previous"/> with the period folders holding <paramref name="changed"/> (full paths) loaded again; null
    /// when a whole load is needed: a path outside a period folder of a known unit (site settings, rules, units, standing
    /// information, decisions, board photos, Git), no input cache, or a period whose files now give other disclosures (a
    /// file added, removed or renamed, a slug lost) — corrections elsewhere may point at them.
    /// </summary>
    public static LoadResult? Run(LoadResult previous, IEnumerable<string> changed, LoadOptions options)
    {
        if (previous.Input is not { } input)
        {
            return null;
        }

        var folder = new InputFolder(input.Root);
        var periods = new SortedDictionary<string, (Unit Unit, Period Period)>(StringComparer.Ordinal);
        foreach (var path in changed)
        {
            if (PeriodOf(folder, input, path) is not { } at)
            {
                return null;
            }

            periods[DisclosureLoader.Folder + "/" + at.Unit.Id + "/" + at.Period] = at;
        }

        if (InputCache.For(folder, input.Rules, options with { UseCache = true, Checks = DisclosureChecks.Instance }) is not { } cache)
        {
            return null;
        }

        var disclosures = input.Disclosures.ToList();
        var findings = previous.Findings.ToList();
        var perFile = new Dictionary<Disclosure, PerFileFindings>(previous.PerFile, ReferenceEqualityComparer.Instance);
        var reloaded = new List<Disclosure>();
        foreach (var (dir, (unit, period)) in periods)
        {
            var prefix = dir + "/";
            var sink = new FindingSink();
            var now = DisclosureLoader.ReloadPeriod(folder, unit, period, input.Rules, sink, cache, perFile);
            var at = new List<int>();
            for (var i = 0; i < disclosures.Count; i++)
            {
                if (disclosures[i].File.StartsWith(prefix, StringComparison.Ordinal))
                {
                    at.Add(i);
                }
            }

            // Every finding of a period's files names a file of that folder (references cannot leave it), so the previous
            // ones are exactly those; anything else, or other disclosures than before, and the whole input is loaded.
            if (at.Count != now.Count || sink.Findings.Any(f => f.File?.StartsWith(prefix, StringComparison.Ordinal) != true))
            {
                return null;
            }

            for (var i = 0; i < at.Count; i++)
            {
                var before = disclosures[at[i]];
                if (before.File != now[i].File || before.Slug != now[i].Slug)
                {
                    return null;
                }

                if (!ReferenceEquals(before, now[i]))
                {
                    perFile.Remove(before);
                }

                disclosures[at[i]] = now[i];
            }

            findings.RemoveAll(f => f.File?.StartsWith(prefix, StringComparison.Ordinal) == true);
            findings.AddRange(sink.Findings);
            reloaded.AddRange(now);
        }

        // A correction of a reloaded folder pointing at nothing is reported again (its finding went with the folder's);
        // the others' are unchanged: every disclosure keeps its unit, period and slug.
        findings.AddRange(DisclosureLoader.CorrectionFindings(reloaded, disclosures));
        return new LoadResult(input with { Disclosures = disclosures }, findings) { PerFile = perFile };
    }

    /// <summary>The unit and period of the period folder of <c>disclosures/</c> that holds <paramref name="fullPath"/>, or null.</summary>
    private static (Unit Unit, Period Period)? PeriodOf(InputFolder folder, SiteInput input, string fullPath)
    {
        var relative = folder.Relative(fullPath);
        var parts = relative.Split('/');
        if (parts.Length < 4 || parts[0] != DisclosureLoader.Folder || parts.Any(p => p is "" or "." or ".." || p.StartsWith(".git", StringComparison.Ordinal))
            || input.FindUnit(parts[1]) is not { } unit || !Period.TryParse(parts[2], out var period) || period.ToString() != parts[2]
            || Directory.Exists(fullPath))
        {
            return null;
        }

        return (unit, period);
    }
}
