using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render.Steps;

/// <summary>
/// <c>/404.html</c>: served by the host for any missing path at any depth. Its links are relative to a
/// <c>&lt;base&gt;</c> of the site's base path; a one-line script sets the base to <c>/</c> when the site is served
/// from the root instead (a custom domain, a local server), so the page works both ways, and without the script
/// it links from the base path.
/// </summary>
public sealed class RenderNotFoundPage : RenderStep<SiteUrls>
{
    /// <summary>The 404 page links the units (the site-wide view) from the site's base path.</summary>
    public override SiteUrls InputOf(SiteData data) => data.Site.Urls;

    public override void Run(RenderContext context, SiteUrls input) =>
        context.WritePage("404.html", "404", "找不到这个页面", new NotFoundView(input.BasePath, context.Site.Units), [], root: "./");
}
