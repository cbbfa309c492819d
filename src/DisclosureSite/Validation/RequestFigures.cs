using DisclosureSite.Model;

namespace DisclosureSite.Validation;

/// <summary>
/// Figures of a set of 民情台账 matters on a day: how many were received, how many are handled (已办结 or 已转办), how many of
/// those within their time limit, the median days from 受理 to 办结, and how many are open and overdue. A quarter's figures
/// count the matters received in it (so a quarter's share does not change when later matters come in).
/// </summary>
public sealed record RequestFigures(int Received, int Closed, int ClosedOnTime, int Open, int Overdue, double? MedianDays)
{
    public static RequestFigures Of(IEnumerable<RequestMatter> matters, DateOnly asOf)
    {
        var list = matters.Where(m => m.Received <= asOf).ToList();
        var closed = list.Where(m => m.IsClosed && m.Closed is { } c && c <= asOf).ToList();
        var days = closed.Select(m => m.DaysToClose!.Value).Order().ToList();
        double? median = days.Count == 0 ? null
            : days.Count % 2 == 1 ? days[days.Count / 2]
            : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2.0;
        return new RequestFigures(
            list.Count,
            closed.Count,
            closed.Count(m => !m.ClosedLate),
            list.Count - closed.Count,
            list.Count(m => m.IsOverdueOn(asOf)),
            median);
    }

    /// <summary>Closed on time as a whole percentage of those closed (null when none is closed).</summary>
    public int? OnTimePercent => Closed == 0 ? null : (int)Math.Round(100.0 * ClosedOnTime / Closed, MidpointRounding.AwayFromZero);

    /// <summary>Figures per quarter of receipt, newest first.</summary>
    public static IReadOnlyList<(Period Quarter, RequestFigures Figures)> ByQuarter(IEnumerable<RequestMatter> matters, DateOnly asOf) =>
        matters.Where(m => m.Received <= asOf)
            .GroupBy(m => m.Quarter)
            .OrderByDescending(g => g.Key)
            .Select(g => (g.Key, Of(g, asOf)))
            .ToList();
}
