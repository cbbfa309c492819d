namespace DisclosureSite.Site.Render.Views;

// View models are plain immutable data handed to Liquid templates: no services, no lazy loading.
// URLs are site paths ("dongshan/2026-Q3/"); templates prefix them with `root`, the relative way back to the site root.

/// <summary>A link: text and site path.</summary>
public sealed record LinkView(string Title, string Url);

/// <summary>Site-wide values every page can use as <c>site</c>.</summary>
public sealed record SiteView(string Name, string? Hotline, string AsOf, string BaseUrl, string? Repository, IReadOnlyList<LinkView> Units);

/// <summary>The frame around a page's content: title, breadcrumbs, root, canonical URL and extra head tags.</summary>
public sealed record PageFrame(string Title, string Root, string Path, string? Canonical, IReadOnlyList<LinkView> Crumbs, IReadOnlyList<MetaView> Meta, string? FeedUrl);

/// <summary>A <c>&lt;meta name content&gt;</c> tag.</summary>
public sealed record MetaView(string Name, string Content);

/// <summary>A disclosure in a list: title, where it belongs, when it was published, and its own status.</summary>
public sealed record ItemLinkView(string Title, string Url, string UnitName, string Period, string PeriodName, string ItemName, string Published, string DateSource, string Status, int? Days, bool Withdrawn, bool IsCorrection);

/// <summary>On-time / late / nil / 缺报 counts of items whose deadline has passed (and those still due).</summary>
public sealed record CountsView(int Due, int OnTime, int Late, int Nil, int Missing, int Upcoming)
{
    public int Disclosed => OnTime + Late + Nil;
}
