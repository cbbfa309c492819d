using AngleSharp.Html.Parser;
using DisclosureSite.Model;

namespace DisclosureSite.Publishing.Ledger;

/// <summary>
/// The published site's contract with its auditors (docs/审计核验.md §4), defined once: the site writer puts these files
/// and markers where they are named here, and <c>ledger verify</c> reads them from here. Changing a name here changes
/// both sides; a published site built by an older version keeps the names it was built with.
/// </summary>
public static class SiteContract
{
    /// <summary>Every file's SHA-256 and size, and every item's content hash.</summary>
    public const string ManifestPath = "data/manifest.json";

    /// <summary>The site's downloadable copy of the ledger, as it was when the site was built.</summary>
    public const string LedgerCopyPath = "history/publications.jsonl";

    /// <summary>The search index, written by Pagefind after the manifest; not listed in it.</summary>
    public const string SearchIndexFolder = "pagefind/";

    /// <summary>The canonical content hash an item page shows (<see cref="ContentHash"/>).</summary>
    public const string ContentHashMeta = "disclosure:content-sha256";

    /// <summary>The marker of a withdrawal notice page (its content is the reason).</summary>
    public const string WithdrawnMeta = "disclosure:withdrawn";

    /// <summary>The trusted publication date an item page shows (<c>yyyy-MM-dd</c>, empty when none).</summary>
    public const string PublishedMeta = "disclosure:published";

    /// <summary>Where that date comes from: <c>ledger</c>, <c>git</c> or <c>declared</c> (<see cref="DateSourceKey"/>).</summary>
    public const string DateSourceMeta = "disclosure:date-source";

    /// <summary>The status the page shows: <c>on-time</c>, <c>late</c>, <c>nil</c> or <c>correction</c>.</summary>
    public const string StatusMeta = "disclosure:status";

    /// <summary>The deadline the status is measured against (<c>yyyy-MM-dd</c>, empty for items without one).</summary>
    public const string DeadlineMeta = "disclosure:deadline";

    /// <summary>Files of the site the manifest does not list: itself and the search index.</summary>
    public static bool IsUnlisted(string relativePath) =>
        relativePath == ManifestPath || relativePath.StartsWith(SearchIndexFolder, StringComparison.Ordinal);

    /// <summary>The page file of an item URL (<c>dongshan/2026-Q3/land/</c>) below the site root.</summary>
    public static string PageOf(string siteRoot, string url) =>
        Path.Combine(siteRoot, url.Replace('/', Path.DirectorySeparatorChar), "index.html");

    public static string DateSourceKey(DateSource source) => source switch
    {
        DateSource.Ledger => "ledger",
        DateSource.Git => "git",
        DateSource.Declared => "declared",
        _ => "none",
    };

    /// <summary>
    /// The marker meta tags of a page, read with an HTML parser (the first of each name wins). The markers are written in
    /// the head, so only the head is parsed when the page closes it (a page's body is most of its bytes).
    /// </summary>
    public static IReadOnlyDictionary<string, string> MetasOf(string html)
    {
        var end = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        var doc = new HtmlParser().ParseDocument(end < 0 ? html : html[..(end + "</head>".Length)]);
        var metas = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var meta in doc.QuerySelectorAll("meta[name]"))
        {
            var name = meta.GetAttribute("name")!;
            if (name.StartsWith("disclosure:", StringComparison.Ordinal))
            {
                metas.TryAdd(name, meta.GetAttribute("content") ?? string.Empty);
            }
        }

        return metas;
    }
}
