using DisclosureSite.Model;
using DisclosureSite.Site.Render.Views;
using DisclosureSite.Validation;

namespace DisclosureSite.Site.Render.Steps;

/// <summary><c>/</c>: the period being filled now and its deadline, the on-time/late/缺报 figures, the latest items and the units.</summary>
public sealed class RenderHomePage : IRenderStep
{
    public const int LatestCount = 12;

    public void Run(RenderContext context)
    {
        var data = context.Data;
        var current = Period.Containing(data.AsOf, PeriodKind.Quarter);
        var deadline = DueRule.Standard.DeadlineFor(current).AddDays(data.Input.Rules.GraceDays);
        var lastDue = LastDuePeriod(data);
        var latest = data.Current
            .OrderByDescending(d => data.Published(d).Date)
            .ThenBy(d => d.UrlPath, StringComparer.Ordinal)
            .Take(LatestCount)
            .Select(context.Views.Link)
            .ToList();
        var view = new HomeView(
            new CurrentPeriodView(current.ToString(), current.ToChinese(), Dates.Iso(deadline), deadline.DayNumber - data.AsOf.DayNumber),
            ViewFactory.Counts(data.Compliance),
            lastDue is { } p ? PeriodSummary(data, p) : null,
            latest,
            data.Units.Select(context.Views.UnitSummary).ToList())
        {
            Requests = RequestsOverview(data),
        };
        context.WritePage(string.Empty, "home", data.Input.Settings.Name, view, [], feedUrl: "feed.xml");
    }

    /// <summary>The township's 民情台账 figures: the whole, and each quarter of receipt, newest first (null when no unit keeps one).</summary>
    public static RequestsOverviewView? RequestsOverview(SiteData data)
    {
        var matters = data.Input.Requests.SelectMany(r => r.Matters).ToList();
        if (data.Input.Requests.Count == 0)
        {
            return null;
        }

        return new RequestsOverviewView(
            ViewFactory.Figures("合计", RequestFigures.Of(matters, data.AsOf)),
            RequestFigures.ByQuarter(matters, data.AsOf).Select(q => ViewFactory.Figures(q.Quarter.ToChinese(), q.Figures)).ToList());
    }

    /// <summary>The latest quarter whose deadline has passed: the figures that matter most today.</summary>
    public static Period? LastDuePeriod(SiteData data) =>
        data.Compliance.Where(e => e.IsDue && e.Period.Kind == PeriodKind.Quarter).Select(e => e.Period).DefaultIfEmpty().Max() is { Year: > 0 } p ? p : null;

    public static PeriodSummaryView PeriodSummary(SiteData data, Period period)
    {
        var entries = data.ComplianceIn(period);
        var deadline = entries.Count > 0 ? entries.Min(e => e.Deadline) : period.End;
        return new PeriodSummaryView(period.ToString(), period.ToChinese(), Dates.Iso(deadline), $"compliance/{period}/", ViewFactory.Counts(entries));
    }
}
