using DisclosureSite.Model;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Views;
using DisclosureSite.Site.Write;

namespace DisclosureSite.Site.Render;

/// <summary>
/// What render steps share: the theme's templates, the output folder, the site-wide view and the views several pages
/// show. The site's data is not here: each step gets its own part of it (<see cref="RenderStep{TInput}"/>).
/// </summary>
public sealed class RenderContext
{
    public RenderContext(SiteData data, ThemeTemplates templates, SiteOutput output)
    {
        Fingerprint = RenderKey.Fingerprint(templates.Files);
        Urls = data.Site.Urls;
        Templates = templates;
        Output = output;
        Views = new ViewFactory(data.Site, data.Disclosures, data.Compliance, data.Requests);
        Site = ViewOf(data.Site);

        // The site-wide view (with the list of every unit) is keyed once, not walked again for each of 100,000 pages.
        _siteKey = _keys.Of(string.Empty, Site);
        _siteKeyWithoutAsOf = _keys.Of(string.Empty, Site with { AsOf = string.Empty });
    }

    private readonly RenderKey _keys = new();
    private readonly string _siteKey;
    private readonly string _siteKeyWithoutAsOf;

    /// <summary>The site-wide view every page gets as <c>site</c>: a function of <see cref="SiteFacts"/>.</summary>
    public static SiteView ViewOf(SiteFacts site) => new(
        site.Settings.Name,
        site.Settings.Hotline,
        Dates.Iso(site.AsOf),
        site.Urls.BaseUrl,
        site.Settings.Repository,
        site.Units.Select(u => new LinkView(u.Name, u.Id + "/")).ToList());

    public SiteUrls Urls { get; }

    /// <summary>The theme and tool every page's <see cref="RenderKey"/> starts from.</summary>
    public string Fingerprint { get; }

    public ThemeTemplates Templates { get; }

    public SiteOutput Output { get; }

    public ViewFactory Views { get; }

    public SiteView Site { get; }

    /// <summary>
    /// The digests of what each part of the site's data holds, in a build that keeps a build cache (null in one that
    /// does not): the steps key whole groups of files by them (an item's page and downloads, a data file) instead of
    /// keying each page by its view.
    /// </summary>
    public StepDigests? Digests { get; set; }

    /// <summary>The key of the site-wide view as a page of <paramref name="kind"/> sees it (with the as-of date only when its templates mention it).</summary>
    public string SiteKeyFor(string kind, string layout = "base") => Templates.Mentions(kind, layout, "as_of") ? _siteKey : _siteKeyWithoutAsOf;

    /// <summary>A <see cref="RenderKey"/> of <paramref name="parts"/> from the theme and tool's <see cref="Fingerprint"/>.</summary>
    public string KeyOf(params object?[] parts) => _keys.Of(Fingerprint, parts);

    /// <summary>
    /// Renders <c>layouts/{kind}.liquid</c> into <c>layouts/{layout}.liquid</c> and writes it at <paramref name="pagePath"/>
    /// (<c>dongshan/</c> → <c>dongshan/index.html</c>). <paramref name="root"/> overrides the relative root (the 404 page
    /// is served at any depth, so it links from the base path).
    /// </summary>
    public void WritePage(string pagePath, string kind, string title, object view, IReadOnlyList<LinkView> crumbs, IReadOnlyList<MetaView>? meta = null, string layout = "base", string? root = null, string? feedUrl = null) =>
        WritePage(pagePath, kind, title, view, () => view, crumbs, meta, layout, root, feedUrl);

    /// <summary>
    /// Like the other overload, for pages whose view is costly to build (Markdown, a QR code): the page's key is taken from
    /// <paramref name="inputs"/> — plain data holding everything <paramref name="view"/> is a function of — so the view
    /// is built only when the page is rendered, not when it is reused because its <see cref="RenderKey"/> did not change.
    /// <paramref name="digest"/>, when given, is a digest of everything the page is a function of, made by the caller
    /// (an item's tag, which covers its inputs, title, breadcrumbs and markers): the page's key is made from it instead of
    /// walking <paramref name="inputs"/> and the frame.
    /// </summary>
    public void WritePage(string pagePath, string kind, string title, object inputs, Func<object> view, IReadOnlyList<LinkView> crumbs, IReadOnlyList<MetaView>? meta = null, string layout = "base", string? root = null, string? feedUrl = null, string? digest = null)
    {
        var file = SiteUrls.FileOf(pagePath);
        var frame = new PageFrame(
            title,
            root ?? SiteUrls.RootFrom(file),
            pagePath,
            Urls.IsAbsolute && kind != "404" ? Urls.Absolute(pagePath) : null,
            crumbs,
            meta ?? [],
            feedUrl);

        // The as-of date is in every page's variables, but only pages whose templates mention it depend on it: the
        // others are not rendered again each day.
        var key = digest is not null ? "page " + digest : _keys.Of(Fingerprint, file, kind, layout, SiteKeyFor(kind, layout), inputs, frame);
        if (Output.TryReuse(file, key))
        {
            return;
        }

        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["site"] = Site,
            ["page"] = view(),
            ["frame"] = frame,
            ["root"] = frame.Root,
            ["kind"] = kind,
        };
        var content = Templates.RenderContent(kind, variables);
        var page = PageWriter.Start();
        if (layout.Length == 0)
        {
            content.WriteTo(page);
            Output.Write(file, page.Complete(), key);
            return;
        }

        variables["content"] = content;
        Templates.Render(layout, variables, page);
        Output.Write(file, page.Complete(), key);
    }

    /// <summary>
    /// Writes a file that is a pure function of <paramref name="inputs"/> (a table's CSV download, an attachment): made
    /// by <paramref name="bytes"/> only when the previous build did not already write it from the same inputs.
    /// </summary>
    public void WriteFile(string path, object inputs, Func<byte[]> bytes)
    {
        var key = _keys.Of(Fingerprint, path, inputs);
        if (!Output.TryReuse(path, key))
        {
            Output.Write(path, bytes(), key);
        }
    }

    /// <summary>Breadcrumbs from the home page down to a unit (and a period).</summary>
    public IReadOnlyList<LinkView> Crumbs(params LinkView[] trail) => [new LinkView("首页", string.Empty), .. trail];
}
