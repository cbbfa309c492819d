namespace DisclosureSite.Site.Render;

/// <summary>
/// URLs of the site. Pages link to each other with relative links (<c>../../dongshan/</c>), so a site works at any
/// base path — a GitHub Pages project site (<c>/qingshi/</c>), the preview server, or opened from disk. Only what must
/// be absolute (feeds, sitemap, canonical links, QR codes) uses <see cref="BaseUrl"/>, and the 404 page, which is
/// served at any depth, uses <see cref="BasePath"/>.
/// </summary>
public sealed record SiteUrls(string BaseUrl, string BasePath)
{
    /// <summary>From <c>base_url</c>; without one the site is assumed to live at the root of its host.</summary>
    public static SiteUrls From(string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            return new SiteUrls("/", "/");
        }

        var url = baseUrl.Trim();
        if (!url.EndsWith('/'))
        {
            url += "/";
        }

        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url;
        return new SiteUrls(url, path.StartsWith('/') ? path : "/" + path);
    }

    public bool IsAbsolute => BaseUrl.Contains("://", StringComparison.Ordinal);

    /// <summary>The absolute URL of a site path (<c>dongshan/2026-Q3/</c>).</summary>
    public string Absolute(string sitePath) => BaseUrl + sitePath;

    /// <summary>
    /// The relative prefix from a page to the site root: <c>./</c> for <c>index.html</c>, <c>../../</c> for
    /// <c>dongshan/2026-Q3/index.html</c> or <c>dongshan/2026-Q3/print.html</c>.
    /// </summary>
    public static string RootFrom(string filePath)
    {
        var depth = filePath.Count(c => c == '/');
        return depth == 0 ? "./" : string.Concat(Enumerable.Repeat("../", depth));
    }

    /// <summary>The file written for a page path: <c>dongshan/</c> → <c>dongshan/index.html</c>; <c>404.html</c> stays.</summary>
    public static string FileOf(string pagePath) =>
        pagePath.Length == 0 ? "index.html" : pagePath.EndsWith('/') ? pagePath + "index.html" : pagePath;
}
