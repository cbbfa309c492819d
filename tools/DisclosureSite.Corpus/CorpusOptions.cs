using DisclosureSite.Model;

namespace DisclosureSite.Corpus;

/// <summary>
/// What <c>disclosure-corpus</c> generates: <see cref="Villages"/> villages (plus a township and a few communities)
/// over <see cref="Years"/> years ending with <see cref="EndPeriod"/>, from one seed.
/// </summary>
public sealed record CorpusOptions(int Villages, int Years, int Seed, string OutputDir, string? HugoDir = null, Period? EndPeriod = null)
{
    /// <summary>The last quarter generated when none is given: the one whose deadline (Oct 20) has passed on the demo's as-of date.</summary>
    public static Period DefaultEndPeriod { get; } = Period.Quarter(2026, 3);

    public const int MaxVillages = 5000;

    /// <summary>A folder the generator never replaces besides the process's current one (the caller's working directory).</summary>
    public string? WorkingDirectory { get; init; }

    public Period End => EndPeriod ?? DefaultEndPeriod;

    /// <summary>The first quarter covered (also the site's <c>since:</c>): Q1 of the first of the <see cref="Years"/> years.</summary>
    public Period Start => Period.Quarter(End.Year - Years + 1, 1);

    /// <summary>One community per 25 villages, at least one: towns have a few.</summary>
    public int Communities => Math.Max(1, Villages / 25);
}
