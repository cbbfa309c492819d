using System.Globalization;
using DisclosureSite.Model;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render.Steps;

/// <summary>
/// <c>/history/</c> and <c>/history/{year}/</c>: every public disclosure by the date it was published and where that
/// date comes from (SPEC §7). This is the step the publication ledger extends with revisions and diffs.
/// </summary>
public sealed class RenderHistoryPages : RenderStep<RenderHistoryPages.Input>
{
    public const int RecentCount = 40;

    /// <summary>The history pages list the public disclosures by date, and link the ledger's pages when there is a ledger.</summary>
    public sealed record Input(SiteFacts Site, PublicDisclosures Disclosures, bool HasLedger);

    public override Input InputOf(SiteData data) => new(data.Site, data.Disclosures, data.History.Ledger.Exists);

    public override void Run(RenderContext context, Input input)
    {
        var disclosures = input.Disclosures;
        var items = disclosures.All
            .Select(d => (d, date: disclosures.Published(d).Date))
            .OrderByDescending(x => x.date)
            .ThenBy(x => x.d.UrlPath, StringComparer.Ordinal)
            .ToList();
        var byYear = items.GroupBy(x => x.date?.Year.ToString(CultureInfo.InvariantCulture) ?? "未记录").ToList();
        var years = byYear.Select(g => new HistoryYearView(g.Key, $"history/{Slug(g.Key)}/", g.Count())).ToList();

        context.WritePage("history/", "history", "发布记录", new HistoryView(null, years, items.Take(RecentCount).Select(x => context.Views.Link(x.d)).ToList(), items.Count) { HasLedger = input.HasLedger }, context.Crumbs());
        foreach (var g in byYear)
        {
            var view = new HistoryView(g.Key, years, g.Select(x => context.Views.Link(x.d)).ToList(), items.Count) { HasLedger = input.HasLedger };
            context.WritePage($"history/{Slug(g.Key)}/", "history", $"{g.Key}年发布记录", view, context.Crumbs(new LinkView("发布记录", "history/")));
        }
    }

    private static string Slug(string year) => year.All(char.IsAsciiDigit) ? year : "undated";
}
