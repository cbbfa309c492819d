using DisclosureSite.Model;
using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render.Steps;

/// <summary><c>/search/</c>: the Pagefind search form, and lists to browse by unit, period and topic that work without JavaScript.</summary>
public sealed class RenderSearchPage : IRenderStep
{
    public void Run(RenderContext context)
    {
        var data = context.Data;
        var periods = data.Compliance.Select(e => e.Period).Distinct().OrderDescending()
            .Select(p => new LinkView(p.ToChinese(), $"compliance/{p}/")).ToList();
        var topics = data.Input.Rules.Streams.GroupBy(s => s.Level)
            .Select(g => new TopicGroupView(g.Key.ToChinese(), g.SelectMany(s => s.Items).Select(i => new LinkView(i.Name, RenderTopicPages.TopicUrl(i))).ToList()))
            .ToList();
        var view = new SearchView(data.Units.Select(u => new LinkView(u.Name, u.Id + "/")).ToList(), periods, topics);
        context.WritePage("search/", "search", "搜索", view, context.Crumbs());
    }
}
