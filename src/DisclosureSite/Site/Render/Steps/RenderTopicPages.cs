using DisclosureSite.Model;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render.Steps;

/// <summary><c>/topics/{item}/</c>: all disclosures of one catalogue item (e.g. 土地流转) across units and periods — browsing by topic without search.</summary>
public sealed class RenderTopicPages : RenderStep<RenderTopicPages.Input>
{
    /// <summary>A topic page lists the public disclosures of one catalogue item.</summary>
    public sealed record Input(SiteFacts Site, PublicDisclosures Disclosures);

    public override Input InputOf(SiteData data) => new(data.Site, data.Disclosures);

    public override void Run(RenderContext context, Input input)
    {
        foreach (var item in input.Site.Rules.AllItems.DistinctBy(i => i.Id))
        {
            var items = input.Disclosures.All
                .Where(d => d.Item == item.Id)
                .OrderByDescending(d => d.Period)
                .ThenBy(d => d.Unit, StringComparer.Ordinal)
                .Select(context.Views.Link)
                .ToList();
            var view = new TopicView(item.Id, item.Name, item.Level.ToChinese(), item.Source, items);
            context.WritePage(TopicUrl(item), "topic", item.Name, view, context.Crumbs(new LinkView("搜索与分类浏览", "search/")));
        }
    }

    public static string TopicUrl(CatalogueItem item) => $"topics/{item.Id}/";
}
