using DisclosureSite.Model;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render.Steps;

/// <summary><c>/{unit}/</c>: contact card, duty roster, commitments, hotline, and every period with each item's status.</summary>
public sealed class RenderUnitPages : RenderStep<RenderUnitPages.Input>
{
    /// <summary>A unit's page shows its cards, its compliance by period, the money of its latest finance ledger and its 民情台账 figures.</summary>
    public sealed record Input(SiteFacts Site, UnitCards Cards, ComplianceFacts Compliance, PublicDisclosures Disclosures, RequestFacts Requests);

    public override Input InputOf(SiteData data) => new(data.Site, data.Cards, data.Compliance, data.Disclosures, data.Requests);

    public override void Run(RenderContext context, Input input)
    {
        Parallel.ForEach(input.Site.Units, unit =>
        {
            // In a build that keeps a cache, each unit's page is a group tagged by a digest of what it shows
            // (StepDigests.UnitTag): a ledger edited in one unit renders that unit's page only.
            var requests = context.Views.RequestSummary(unit);
            var tag = context.Digests?.UnitTag(unit, requests);
            context.Output.RenderGroup(tag, () => Render(context, input, unit, requests));
        });
    }

    private static void Render(RenderContext context, Input input, Unit unit, RequestSummaryView? requests)
    {
        var (site, cards, compliance, _, _) = input;
        var standing = site.Rules.Standing.TryGetValue(unit.Level, out var s) ? s : null;
        var commitments = cards.CommitmentsOf(unit.Id);
        var periods = compliance.PeriodsOf(unit.Id).Select(p => PeriodOf(context, compliance, unit, p)).ToList();
        var open = periods.Where(p => p.Counts.Due > 0).Take(2).ToHashSet();
        periods = periods.Select(p => open.Contains(p) ? p with { Open = true } : p).ToList();
        var view = new UnitView(
            unit.Id,
            unit.Name,
            unit.Level.ToChinese(),
            ViewFactory.UnitNote(unit),
            cards.PeopleOf(unit.Id).Select(p => new PersonView(p.Role, p.Name, p.Phone, p.Note)).ToList(),
            cards.DutyOf(unit.Id).Select(d => new DutyView(d.Date is { } date ? Dates.Chinese(date) : d.Day, d.Name, d.Role, d.Phone)).ToList(),
            commitments is null ? null : new CommitmentsView(
                commitments.Title,
                commitments.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                SafeMarkdown.ToHtml(commitments.Body),
                commitments.Year is { } y && y < site.AsOf.Year),
            standing is not null && (standing.ContactCard || standing.DutyRoster || standing.Commitments) && unit.Until is null,
            ViewFactory.Counts(compliance.Of(unit.Id)),
            periods,
            unit.Id + "/feed.xml")
        {
            Latest = ViewFactory.LatestDue(compliance.Of(unit.Id)) is { } latest
                ? ViewFactory.Latest(latest, compliance.Of(unit.Id, latest), $"{unit.Id}/{latest}/", context.Views.Money(unit.Id, latest))
                : null,
            Requests = requests,
        };
        context.WritePage(unit.Id + "/", "unit", unit.Name, view, context.Crumbs(), feedUrl: unit.Id + "/feed.xml");
    }

    private static UnitPeriodView PeriodOf(RenderContext context, ComplianceFacts compliance, Unit unit, Period period)
    {
        var entries = compliance.Of(unit.Id, period);
        return new UnitPeriodView(
            period.ToString(),
            period.ToChinese(),
            $"{unit.Id}/{period}/",
            ViewFactory.Counts(entries),
            entries.Select(context.Views.Entry).ToList());
    }
}
