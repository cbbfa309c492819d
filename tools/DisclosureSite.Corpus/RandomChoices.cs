namespace DisclosureSite.Corpus;

/// <summary>The few draws the generator makes; all from one seeded <see cref="Random"/>, so output depends on the seed only.</summary>
internal static class RandomChoices
{
    public static T Pick<T>(this Random rng, IReadOnlyList<T> options) => options[rng.Next(options.Count)];

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    /// <summary>An amount in 元 between <paramref name="lo"/> and <paramref name="hi"/> in steps of <paramref name="step"/>, with fen when asked.</summary>
    public static decimal Money(this Random rng, int lo, int hi, int step, bool cents)
    {
        var steps = Math.Max(0, (hi - lo) / step);
        decimal value = lo + (step * rng.Next(0, steps + 1));
        return cents ? value + (rng.Next(0, 100) / 100m) : value;
    }

    public static DateOnly DayIn(this Random rng, DateOnly from, DateOnly to) =>
        from.AddDays(rng.Next(0, Math.Max(0, to.DayNumber - from.DayNumber) + 1));
}
