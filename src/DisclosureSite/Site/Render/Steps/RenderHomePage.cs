using DisclosureSite.Model;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Views;
using DisclosureSite.Validation;

namespace DisclosureSite.Site.Render.Steps;

/// <summary><c>/</c>: the period being filled now and its deadline, the on-time/late/缺报 figures, the latest items and the units.</summary>
public sealed class RenderHomePage : RenderStep<RenderHomePage.Input>
{
    public const int LatestCount = 12;

    /// <summary>The home page lists the latest disclosures, the compliance figures and each unit's (with its 民情台账 figures).</summary>
    public sealed record Input(SiteFacts Site, PublicDisclosures Disclosures, ComplianceFacts Compliance, RequestFacts Requests);

    public override Input InputOf(SiteData data) => new(data.Site, data.Disclosures, data.Compliance, data.Requests);

    public override void Run(RenderContext context, Input input)
    {
        var (site, disclosures, compliance, requests) = input;
        var current = Period.Containing(site.AsOf, PeriodKind.Quarter);
        var deadline = DueRule.Standard.DeadlineFor(current).AddDays(site.Rules.GraceDays);
        var lastDue = LastDuePeriod(compliance);
        var latest = disclosures.Current
            .OrderByDescending(d => disclosures.Published(d).Date)
            .ThenBy(d => d.UrlPath, StringComparer.Ordinal)
            .Take(LatestCount)
            .Select(context.Views.Link)
            .ToList();
        var view = new HomeView(
            new CurrentPeriodView(current.ToString(), current.ToChinese(), Dates.Iso(deadline), deadline.DayNumber - site.AsOf.DayNumber),
            ViewFactory.Counts(compliance.All),
            lastDue is { } p ? PeriodSummary(compliance, p) : null,
            latest,
            site.Units.Select(u => context.Views.UnitSummary(u) with
            {
                LatestCounts = lastDue is { } unitDue && compliance.Of(u.Id, unitDue) is { Count: > 0 } entries ? ViewFactory.Counts(entries) : null,
            }).ToList())
        {
            LatestDue = lastDue is { } due ? ViewFactory.Latest(due, compliance.In(due), $"compliance/{due}/", null) : null,
            Requests = RequestsOverview(requests, site.AsOf),
        };
        context.WritePage(string.Empty, "home", site.Settings.Name, view, [], feedUrl: "feed.xml");
    }

    /// <summary>The township's 民情台账 figures: the whole, and each quarter of receipt, newest first (null when no unit keeps one).</summary>
    public static RequestsOverviewView? RequestsOverview(RequestFacts requests, DateOnly asOf)
    {
        var matters = requests.Matters.ToList();
        if (requests.Logs.Count == 0)
        {
            return null;
        }

        return new RequestsOverviewView(
            ViewFactory.Figures("合计", RequestFigures.Of(matters, asOf)),
            RequestFigures.ByQuarter(matters, asOf).Select(q => ViewFactory.Figures(q.Quarter.ToChinese(), q.Figures)).ToList());
    }

    /// <summary>The latest quarter whose deadline has passed: the figures that matter most today.</summary>
    public static Period? LastDuePeriod(ComplianceFacts compliance) => ViewFactory.LatestDue(compliance.All);

    public static PeriodSummaryView PeriodSummary(ComplianceFacts compliance, Period period)
    {
        var entries = compliance.In(period);
        var deadline = entries.Count > 0 ? entries.Min(e => e.Deadline) : period.End;
        return new PeriodSummaryView(period.ToString(), period.ToChinese(), Dates.Iso(deadline), $"compliance/{period}/", ViewFactory.Counts(entries));
    }
}
