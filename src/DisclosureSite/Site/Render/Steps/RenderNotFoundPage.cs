using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render.Steps;

/// <summary><c>/404.html</c>: served by the host for any missing path at any depth, so its links start from the base path.</summary>
public sealed class RenderNotFoundPage : IRenderStep
{
    public void Run(RenderContext context) =>
        context.WritePage("404.html", "404", "找不到这个页面", new SearchView(context.Site.Units, [], []), [], root: context.Data.Urls.BasePath);
}
