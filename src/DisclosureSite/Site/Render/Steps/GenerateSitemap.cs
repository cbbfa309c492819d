using System.Net;
using System.Text;

namespace DisclosureSite.Site.Render.Steps;

/// <summary>
/// <c>/sitemap.xml</c> of every HTML page written so far (run it after the page steps; print views and the 404 page
/// are left out) and <c>/robots.txt</c> pointing to it.
/// </summary>
public sealed class GenerateSitemap : RenderStep<SiteUrls>
{
    /// <summary>The sitemap lists the pages written before it (<see cref="RenderContext.Output"/>) at the site's URLs.</summary>
    public override SiteUrls InputOf(SiteData data) => data.Site.Urls;

    public override void Run(RenderContext context, SiteUrls urls)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var file in context.Output.Files.Where(f => f.Path.EndsWith("index.html", StringComparison.Ordinal)))
        {
            var page = file.Path[..^"index.html".Length];
            sb.Append("  <url><loc>").Append(WebUtility.HtmlEncode(urls.Absolute(page))).Append("</loc></url>\n");
        }

        sb.Append("</urlset>\n");
        context.Output.WriteText("sitemap.xml", sb.ToString());
        context.Output.WriteText("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {urls.Absolute("sitemap.xml")}\n");
    }
}
