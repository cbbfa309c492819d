using System.Text;
using DisclosureSite.Site;
using DisclosureSite.Site.Write;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// The build cache file (and the spare's list, the same format) is read whole and decoded from memory: what was written
/// comes back exactly, and a file that is truncated, has bytes after its last entry, is of another format or holds bad
/// text is never trusted (null: the build that reads it takes nothing over on its word).
/// </summary>
[TestFixture]
public class BuildCacheFileTests
{
    private static readonly (string Path, CachedFile File)[] Entries =
    [
        ("index.html", new CachedFile("k1", new string('a', 64), 12_345, 638_700_000_000_000_000, "RenderHomePage:abc")),
        ("东山村/2026-Q3/财务/index.html", new CachedFile(null, new string('b', 64), 0, 1, "RenderItemPages:item:def")),
        ("data/disclosures.csv", new CachedFile("key with \"quotes\" 😀", new string('c', 64), long.MaxValue, long.MinValue)),
        ("a/" + new string('x', 300) + ".html", new CachedFile("k2", new string('d', 64), 7, 8, "RenderHomePage:abc")),
    ];

    [Test]
    public void What_is_written_is_read_back_exactly()
    {
        using var folder = new TempFolder("disclosure-cache-file");
        var path = Path.Combine(folder.Root, "cache");
        Directory.CreateDirectory(folder.Root);
        Assert.That(BuildCache.Write(path, Entries), Is.True);
        var read = BuildCache.Read(path);
        Assert.That(read, Is.Not.Null);
        Assert.That(read!.Select(kv => (kv.Key, kv.Value)).OrderBy(e => e.Key, StringComparer.Ordinal), Is.EqualTo(Entries.OrderBy(e => e.Path, StringComparer.Ordinal)));
    }

    [Test]
    public void A_truncated_padded_foreign_or_garbled_file_is_not_trusted()
    {
        using var folder = new TempFolder("disclosure-cache-file");
        var path = Path.Combine(folder.Root, "cache");
        Directory.CreateDirectory(folder.Root);
        BuildCache.Write(path, Entries);
        var good = File.ReadAllBytes(path);

        // Cut anywhere: never a partial list.
        for (var cut = 0; cut < good.Length; cut += Math.Max(1, good.Length / 97))
        {
            File.WriteAllBytes(path, good[..cut]);
            Assert.That(BuildCache.Read(path), Is.Null, $"cut at {cut} of {good.Length}");
        }

        File.WriteAllBytes(path, [.. good, 0]);
        Assert.That(BuildCache.Read(path), Is.Null, "bytes after the last entry");

        var foreign = good.ToArray();
        var at = Array.IndexOf(foreign, (byte)'2', 1);
        foreign[at] = (byte)'1';
        File.WriteAllBytes(path, foreign);
        Assert.That(BuildCache.Read(path), Is.Null, "another format version");

        var garbled = good.ToArray();
        var text = Encoding.UTF8.GetBytes("东山村");
        var where = good.AsSpan().IndexOf(text);
        garbled[where] = 0xFF;
        File.WriteAllBytes(path, garbled);
        Assert.That(BuildCache.Read(path), Is.Null, "text that is not UTF-8");

        File.WriteAllText(path, "garbage");
        Assert.That(BuildCache.Read(path), Is.Null);
    }

    [Test]
    public void A_build_over_a_truncated_cache_or_spare_list_equals_a_clean_build()
    {
        using var folder = new TempFolder("disclosure-cache-file");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "out", "_site");
        Build(input, output);
        Build(input, output);

        // The cache cut short: nothing is taken over on its word.
        var cache = BuildCache.PathFor(output);
        var bytes = File.ReadAllBytes(cache);
        File.WriteAllBytes(cache, bytes[..(bytes.Length / 2)]);
        File.AppendAllText(Path.Combine(input, "disclosures/beiling/2026-Q3/finance.md"), "\n补充说明。\n");
        var rebuilt = Build(input, output);
        Assert.That(rebuilt.FilesReused, Is.Zero);

        // The spare's list cut short: the spare is not patched (a fresh folder is built instead).
        Build(input, output);
        var list = WriteOutputAtomically.SpareListOf(output);
        Assert.That(File.Exists(list), Is.True);
        var spareList = File.ReadAllBytes(list);
        File.WriteAllBytes(list, spareList[..(spareList.Length - 3)]);
        File.AppendAllText(Path.Combine(input, "disclosures/beiling/2026-Q3/finance.md"), "\n再次补充说明。\n");
        Build(input, output);

        var clean = Path.Combine(folder.Root, "clean", "_site");
        var result = SiteBuilder.Build(new SiteOptions(input, clean, DemoSite.AsOf) { RunPagefind = false, UseCache = false, ThemeRoot = Path.Combine(DemoSite.RepoRoot, "themes", "default") });
        Assert.That(result.Succeeded, Is.True);
        SiteOutputTests.AssertSameFiles(clean, output);
    }

    private static BuildResult Build(string input, string output)
    {
        var result = SiteBuilder.Build(new SiteOptions(input, output, DemoSite.AsOf)
        {
            RunPagefind = false,
            UseCache = true,
            ThemeRoot = Path.Combine(DemoSite.RepoRoot, "themes", "default"),
        });
        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Report.Findings.Take(5)));
        return result;
    }
}
