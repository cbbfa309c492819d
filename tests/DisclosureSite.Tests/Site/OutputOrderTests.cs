using DisclosureSite.Site.Write;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// <see cref="SiteOutput.Files"/> and <see cref="SiteOutput.CacheEntries"/> are sorted by path (ordinal) whatever the
/// previous build's cache holds: its order is used when it is sorted, new paths are merged in, removed ones left out,
/// and a cache out of order is not relied on.
/// </summary>
[TestFixture]
public class OutputOrderTests
{
    private static readonly string[] Written =
    [
        "index.html", "a/index.html", "b/2026-Q1/x/index.html", "b/2026-Q1/x/t.csv", "b/2026-Q2/index.html", "data/manifest.json",
        "东山村/index.html", "B/index.html", "a-b/index.html", "z.html",
    ];

    private static IEnumerable<TestCaseData> Caches()
    {
        var sorted = Written.Order(StringComparer.Ordinal).ToArray();
        yield return new TestCaseData((object)Array.Empty<string>()).SetName("No_cache");
        yield return new TestCaseData((object)sorted).SetName("Cache_of_the_same_paths");
        yield return new TestCaseData((object)sorted.Where((_, i) => i % 3 != 1).Append("gone/index.html").Append("0-gone.html").Order(StringComparer.Ordinal).ToArray()).SetName("Cache_with_paths_added_and_removed_since");
        yield return new TestCaseData((object)sorted.Reverse().ToArray()).SetName("Cache_out_of_order");
        yield return new TestCaseData((object)sorted.Skip(3).Concat(sorted.Take(3)).ToArray()).SetName("Cache_rotated");
    }

    [TestCaseSource(nameof(Caches))]
    public void Files_and_cache_entries_are_in_path_order(string[] cached)
    {
        using var folder = new TempFolder("disclosure-output-order");
        var previous = Path.Combine(folder.Root, "previous");
        Directory.CreateDirectory(previous);
        var cache = new Dictionary<string, CachedFile>(StringComparer.Ordinal);
        foreach (var p in cached)
        {
            cache[p] = new CachedFile(null, new string('0', 64), 1, 1);
        }

        var output = new SiteOutput(Path.Combine(folder.Root, "out"), previous, cache);
        foreach (var p in Written)
        {
            output.WriteText(p, "<p>" + p + "</p>", key: "k");
        }

        var expected = Written.Order(StringComparer.Ordinal).ToList();
        Assert.That(output.Files.Select(f => f.Path), Is.EqualTo(expected));
        Assert.That(output.CacheEntries.Select(e => e.Path), Is.EqualTo(expected));
    }
}
