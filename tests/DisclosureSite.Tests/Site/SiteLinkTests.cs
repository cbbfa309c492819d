using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// Every internal link of the built demo leads somewhere: each <c>href</c> and <c>src</c> of every page, read with
/// AngleSharp, resolves to a file of the site, and each <c>#fragment</c> to an element with that id on the target page.
/// </summary>
[TestFixture]
public class SiteLinkTests
{
    private static readonly HtmlParser Parser = new();

    [Test]
    public void Every_internal_link_and_anchor_of_the_demo_resolves()
    {
        Assert.That(DemoSite.Result.Succeeded, Is.True, "the demo builds");
        var broken = SiteLinks.Broken(DemoSite.Root, "/qingshi/");
        Assert.That(broken.Checked, Is.GreaterThan(10_000), "links checked");
        Assert.That(broken.Anchors, Is.GreaterThan(0), "anchors checked");
        Assert.That(broken.Problems, Is.Empty);
    }

    [Test]
    public void A_link_to_a_missing_page_or_anchor_is_reported()
    {
        var root = Path.Combine(Path.GetTempPath(), "disclosure-links-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "a"));
            File.WriteAllText(Path.Combine(root, "index.html"), """
                <html><body><main id="top">
                <a href="a/">ok</a> <a href="a/#x">ok anchor</a> <a href="#top">ok self</a> <img src="logo.svg">
                <a href="b/">missing page</a> <a href="a/#nope">missing anchor</a> <a href="https://example.org/">external</a>
                <a href="mailto:x@example.org">mail</a> <a href="../outside.html">outside</a>
                <a href="/site/a/#x">from the base path</a> <a href="/site/c/">missing from the base path</a> <a href="/other/">another site</a>
                </main></body></html>
                """);
            File.WriteAllText(Path.Combine(root, "logo.svg"), "<svg/>");
            File.WriteAllText(Path.Combine(root, "a", "index.html"), "<html><body><p id=\"x\">x</p></body></html>");

            var result = SiteLinks.Broken(root, "/site/");
            Assert.That(result.Problems, Is.EqualTo(new[]
            {
                "index.html: ../outside.html → outside the site",
                "index.html: /other/ → outside the site",
                "index.html: /site/c/ → no file c/index.html",
                "index.html: a/#nope → no element with id 'nope' in a/index.html",
                "index.html: b/ → no file b/index.html",
            }));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Reads every HTML page of a site folder with AngleSharp and checks its relative links and fragments.</summary>
    private static class SiteLinks
    {
        /// <summary>Links that start with <paramref name="basePath"/> (the path of the site's base URL, as the 404 page uses) are the site's too.</summary>
        public static (int Checked, int Anchors, IReadOnlyList<string> Problems) Broken(string root, string basePath)
        {
            var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            HashSet<string> IdsOf(string page) => ids.TryGetValue(page, out var set)
                ? set
                : ids[page] = Parse(root, page).QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);

            var problems = new List<string>();
            var links = 0;
            var anchors = 0;
            var pages = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(p => !p.StartsWith("pagefind/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            foreach (var page in pages)
            {
                var doc = Parse(root, page);
                ids.TryAdd(page, doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal));
                foreach (var link in doc.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).Distinct())
                {
                    if (link.Length == 0 || link.Contains(':', StringComparison.Ordinal) || link.StartsWith("//", StringComparison.Ordinal))
                    {
                        continue; // another scheme or site: not ours to check
                    }

                    links++;
                    var hash = link.IndexOf('#', StringComparison.Ordinal);
                    var path = (hash < 0 ? link : link[..hash]).Split('?')[0];
                    var fragment = hash < 0 ? null : Uri.UnescapeDataString(link[(hash + 1)..]);
                    var target = path.Length == 0 ? page
                        : path.StartsWith('/') ? (path.StartsWith(basePath, StringComparison.Ordinal) ? Resolve("index.html", Uri.UnescapeDataString(path[basePath.Length..])) : null)
                        : Resolve(page, Uri.UnescapeDataString(path));
                    if (target is null)
                    {
                        problems.Add($"{page}: {link} → outside the site");
                        continue;
                    }

                    if (!File.Exists(Path.Combine(root, target)))
                    {
                        problems.Add($"{page}: {link} → no file {target}");
                        continue;
                    }

                    if (fragment is { Length: > 0 } && target.EndsWith(".html", StringComparison.Ordinal))
                    {
                        anchors++;
                        if (!IdsOf(target).Contains(fragment))
                        {
                            problems.Add($"{page}: {link} → no element with id '{fragment}' in {target}");
                        }
                    }
                }
            }

            problems.Sort(StringComparer.Ordinal);
            return (links, anchors, problems);
        }

        private static IDocument Parse(string root, string page) => Parser.ParseDocument(File.ReadAllText(Path.Combine(root, page)));

        /// <summary>The site-relative file a relative link from <paramref name="page"/> names (a folder means its index.html), or null outside the site.</summary>
        private static string? Resolve(string page, string path)
        {
            var parts = page.Split('/').SkipLast(1).ToList();
            foreach (var segment in path.Split('/'))
            {
                if (segment is "." or "")
                {
                    continue;
                }

                if (segment == "..")
                {
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    continue;
                }

                parts.Add(segment);
            }

            var file = string.Join('/', parts);
            return path.EndsWith('/') || file.Length == 0 ? (file.Length == 0 ? "index.html" : file + "/index.html") : file;
        }
    }
}
