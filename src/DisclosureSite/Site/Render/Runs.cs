namespace DisclosureSite.Site.Render;

/// <summary>
/// The runs of a list grouped by unit (the public disclosures, sorted by unit first; the manifest's items, in URL order,
/// every URL starting with its unit's id): each run's unit, first index and length, in the list's order. A unit that
/// comes back after another's run has a second run.
/// </summary>
internal static class Runs
{
    public static List<(string Unit, int Start, int Count)> ByUnit<T>(IReadOnlyList<T> list, Func<T, string> unitOf)
    {
        var runs = new List<(string, int, int)>();
        for (var i = 0; i < list.Count;)
        {
            var start = i;
            var unit = unitOf(list[start]);
            while (++i < list.Count && string.Equals(unitOf(list[i]), unit, StringComparison.Ordinal))
            {
            }

            runs.Add((unit, start, i - start));
        }

        return runs;
    }
}
