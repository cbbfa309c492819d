using DisclosureSite.Model;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render.Steps;

/// <summary>
/// <c>/{unit}/{period}/</c>: every catalogue item the unit owes for the period — published, nil report, late, 缺报 or
/// not yet public — plus other disclosures filed in it (corrections, monthly reports); and its print view
/// <c>/{unit}/{period}/print.html</c> for the notice board.
/// </summary>
public sealed class RenderPeriodPages : RenderStep<RenderPeriodPages.Input>
{
    /// <summary>A period page lists the unit's required items of the period and the other public disclosures filed in it.</summary>
    public sealed record Input(SiteFacts Site, ComplianceFacts Compliance, PublicDisclosures Disclosures);

    public override Input InputOf(SiteData data) => new(data.Site, data.Compliance, data.Disclosures);

    public override void Run(RenderContext context, Input input)
    {
        var site = input.Site;
        var pages = site.Units.SelectMany(u => input.Compliance.PeriodsOf(u.Id).Select(p => (Unit: u, Period: p))).ToList();
        Parallel.ForEach(pages, page =>
        {
            var (unit, period) = page;
            {
                var view = ViewOf(context, input, unit, period);
                var crumbs = context.Crumbs(new LinkView(unit.Name, unit.Id + "/"));
                context.WritePage(view.Url, "period", $"{unit.Name}{period.ToChinese()}公开事项", view, crumbs, feedUrl: unit.Id + "/feed.xml");

                var absolute = site.Urls.Absolute(view.Url);
                var print = view with { PageUrl = absolute };
                context.WritePage(view.PrintUrl, "print-period", $"{unit.Name}{period.ToChinese()}公开事项（打印版）", print, () => print with { QrSvg = QrSvg.ForPage(absolute) }, crumbs, layout: "print-base");
            }
        });
    }

    public static PeriodView ViewOf(RenderContext context, Input input, Unit unit, Period period)
    {
        var entries = input.Compliance.Of(unit.Id, period).ToList();
        var streams = input.Site.Rules.Streams.Where(s => s.Level == unit.Level)
            .Select(s => (Stream: s, Entries: entries.Where(e => e.Item.StreamId == s.Id).ToList()))
            .Where(x => x.Entries.Count > 0)
            .Select(x => new StreamGroupView(x.Stream.Name, Dates.Iso(x.Entries.Min(e => e.Deadline)), x.Entries.Select(context.Views.Entry).ToList()))
            .ToList();
        var listed = entries.SelectMany(e => e.Disclosures).ToHashSet<Disclosure>(ReferenceEqualityComparer.Instance);
        var others = input.Disclosures.Of(unit.Id).Where(d => d.Period == period && !listed.Contains(d)).Select(context.Views.Link).ToList();
        var url = $"{unit.Id}/{period}/";
        return new PeriodView(unit.Id, unit.Name, unit.Id + "/", period.ToString(), period.ToChinese(), url, ViewFactory.Counts(entries), streams, others, url + "print.html", null, null);
    }
}
