using DisclosureSite.Model;
using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render.Steps;

/// <summary><c>/{unit}/</c>: contact card, duty roster, commitments, hotline, and every period with each item's status.</summary>
public sealed class RenderUnitPages : IRenderStep
{
    public void Run(RenderContext context)
    {
        var data = context.Data;
        Parallel.ForEach(data.Units, unit =>
        {
            var standing = data.Input.Rules.Standing.TryGetValue(unit.Level, out var s) ? s : null;
            var commitments = data.Input.Commitments.FirstOrDefault(c => c.Unit == unit.Id);
            var periods = data.PeriodsOf(unit.Id).Select(p => PeriodOf(context, unit, p)).ToList();
            var open = periods.Where(p => p.Counts.Due > 0).Take(2).ToHashSet();
            periods = periods.Select(p => open.Contains(p) ? p with { Open = true } : p).ToList();
            var view = new UnitView(
                unit.Id,
                unit.Name,
                unit.Level.ToChinese(),
                ViewFactory.UnitNote(unit),
                data.PeopleOf(unit.Id).Select(p => new PersonView(p.Role, p.Name, p.Phone, p.Note)).ToList(),
                data.DutyOf(unit.Id).Select(d => new DutyView(d.Date is { } date ? Dates.Chinese(date) : d.Day, d.Name, d.Role, d.Phone)).ToList(),
                commitments is null ? null : new CommitmentsView(
                    commitments.Title,
                    commitments.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    SafeMarkdown.ToHtml(commitments.Body),
                    commitments.Year is { } y && y < data.AsOf.Year),
                standing is not null && (standing.ContactCard || standing.DutyRoster || standing.Commitments) && unit.Until is null,
                ViewFactory.Counts(data.ComplianceOf(unit.Id)),
                periods,
                unit.Id + "/feed.xml")
            {
                Requests = context.Views.RequestSummary(unit),
            };
            context.WritePage(unit.Id + "/", "unit", unit.Name, view, context.Crumbs(), feedUrl: unit.Id + "/feed.xml");
        });
    }

    private static UnitPeriodView PeriodOf(RenderContext context, Unit unit, Period period)
    {
        var entries = context.Data.ComplianceOf(unit.Id, period);
        return new UnitPeriodView(
            period.ToString(),
            period.ToChinese(),
            $"{unit.Id}/{period}/",
            ViewFactory.Counts(entries),
            entries.Select(context.Views.Entry).ToList());
    }
}
