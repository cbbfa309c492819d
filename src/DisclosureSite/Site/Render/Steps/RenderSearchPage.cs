using DisclosureSite.Model;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render.Steps;

/// <summary><c>/search/</c>: the Pagefind search form, and lists to browse by unit, period and topic that work without JavaScript.</summary>
public sealed class RenderSearchPage : RenderStep<RenderSearchPage.Input>
{
    /// <summary>The search page lists the units, the periods with required items and the catalogue's topics.</summary>
    public sealed record Input(SiteFacts Site, IReadOnlyList<Period> Periods);

    public override Input InputOf(SiteData data) => new(data.Site, data.Compliance.Periods);

    public override void Run(RenderContext context, Input input)
    {
        var periods = input.Periods
            .Select(p => new LinkView(p.ToChinese(), $"compliance/{p}/")).ToList();
        var topics = input.Site.Rules.Streams.GroupBy(s => s.Level)
            .Select(g => new TopicGroupView(g.Key.ToChinese(), g.SelectMany(s => s.Items).Select(i => new LinkView(i.Name, RenderTopicPages.TopicUrl(i))).ToList()))
            .ToList();
        var view = new SearchView(input.Site.Units.Select(u => new LinkView(u.Name, u.Id + "/")).ToList(), periods, topics);
        context.WritePage("search/", "search", "搜索", view, context.Crumbs());
    }
}
