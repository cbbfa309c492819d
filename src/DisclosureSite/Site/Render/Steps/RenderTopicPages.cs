using DisclosureSite.Model;
using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render.Steps;

/// <summary><c>/topics/{item}/</c>: all disclosures of one catalogue item (e.g. 土地流转) across units and periods — browsing by topic without search.</summary>
public sealed class RenderTopicPages : IRenderStep
{
    public void Run(RenderContext context)
    {
        var data = context.Data;
        foreach (var item in data.Input.Rules.AllItems.DistinctBy(i => i.Id))
        {
            var items = data.Public
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
