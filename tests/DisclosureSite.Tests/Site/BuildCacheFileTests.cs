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

    /// <summary>
    /// A build encodes every entry but the manifest's on the other core while the manifest is written, then writes the
    /// cache with the manifest's entry put in its place: the very bytes of the cache written whole. A late entry that
    /// cannot go in as it is (its path already there, a render step's, out of order) writes nothing: the caller writes
    /// the cache whole.
    /// </summary>
    [Test]
    public void A_cache_encoded_ahead_with_late_entries_put_in_their_place_is_the_cache_written_whole()
    {
        using var folder = new TempFolder("disclosure-cache-file");
        var output = Path.Combine(folder.Root, "site");
        Directory.CreateDirectory(output);
        var sorted = Entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        (string Path, CachedFile File) manifest = ("data/manifest.json", new CachedFile(null, new string('e', 64), 99, 100));
        foreach (var late in new (string Path, CachedFile File)[] { manifest, ("0.html", manifest.File), ("zz.html", manifest.File) })
        {
            var all = sorted.Append(late).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
            BuildCache.Write(Path.Combine(folder.Root, "whole"), all);

            // Encoded from the list with the late entry (skipped by its path) and without it.
            foreach (var early in new[] { all, sorted })
            {
                Assert.That(BuildCache.Save(output, BuildCache.Encode(early, late.Item1), [late]), Is.True, late.Item1);
                Assert.That(File.ReadAllBytes(BuildCache.PathFor(output)), Is.EqualTo(File.ReadAllBytes(Path.Combine(folder.Root, "whole"))), late.Item1);
            }
        }

        File.Delete(BuildCache.PathFor(output));
        var encoded = BuildCache.Encode(sorted, "data/manifest.json");
        Assert.That(encoded.Count, Is.EqualTo(sorted.Count));
        Assert.That(BuildCache.Save(output, encoded, [sorted[0]]), Is.False, "a path already there");
        Assert.That(BuildCache.Save(output, encoded, [("data/manifest.json", manifest.Item2 with { Step = "RenderHomePage:abc" })]), Is.False, "a render step's");
        Assert.That(BuildCache.Save(output, encoded, [("zz.html", manifest.Item2), ("0.html", manifest.Item2)]), Is.False, "out of order");
        Assert.That(File.Exists(BuildCache.PathFor(output)), Is.False, "nothing written");
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
    public void The_spare_list_read_with_the_cache_shares_the_entries_with_the_same_bytes_only()
    {
        using var folder = new TempFolder("disclosure-cache-file");
        var output = Path.Combine(folder.Root, "_site");
        Directory.CreateDirectory(output);
        var spareList = Path.Combine(folder.Root, "spare-list");

        // The spare's list: the cache of the build before. One entry's hash differs, one's time, one's step; one path is only in it.
        (string Path, CachedFile File)[] before =
        [
            ("a/gone.html", new CachedFile("k0", new string('0', 64), 1, 2, "RenderHomePage:abc")),
            Entries[3] with { File = Entries[3].File with { WriteTicks = 9 } },
            Entries[2],
            Entries[1] with { File = Entries[1].File with { Step = "RenderItemPages:item:old" } },
            Entries[0] with { File = Entries[0].File with { Sha256 = new string('e', 64) } },
        ];
        var sorted = Entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToArray();
        BuildCache.Write(BuildCache.PathFor(output), sorted);
        BuildCache.Write(spareList, before.OrderBy(e => e.Path, StringComparer.Ordinal).ToArray());

        var (cache, spare) = BuildCache.LoadWithSpare(output, spareList);
        Assert.That(cache.Select(kv => (kv.Key, kv.Value)).OrderBy(e => e.Key, StringComparer.Ordinal), Is.EqualTo(sorted));
        Assert.That(spare, Is.Not.Null);
        Assert.That(spare!.Select(kv => (kv.Key, kv.Value)).OrderBy(e => e.Key, StringComparer.Ordinal), Is.EqualTo(before.OrderBy(e => e.Path, StringComparer.Ordinal)));
        Assert.Multiple(() =>
        {
            Assert.That(spare["data/disclosures.csv"], Is.SameAs(cache["data/disclosures.csv"]), "the same bytes: the same entry");
            foreach (var path in new[] { "index.html", "东山村/2026-Q3/财务/index.html", Entries[3].Path })
            {
                Assert.That(spare[path], Is.Not.SameAs(cache[path]), path);
            }
        });

        // Each read alone reads the same (Read, Load).
        Assert.That(BuildCache.Read(spareList), Is.EquivalentTo(spare));
        Assert.That(BuildCache.Load(output), Is.EquivalentTo(cache));

        // A damaged spare's list is not trusted, the cache still is; a damaged cache is empty, the list read on its own.
        var list = File.ReadAllBytes(spareList);
        File.WriteAllBytes(spareList, list[..^1]);
        var (cache2, spare2) = BuildCache.LoadWithSpare(output, spareList);
        Assert.That(spare2, Is.Null);
        Assert.That(cache2, Is.EquivalentTo(cache));
        File.WriteAllBytes(spareList, list);
        var cacheBytes = File.ReadAllBytes(BuildCache.PathFor(output));
        File.WriteAllBytes(BuildCache.PathFor(output), [.. cacheBytes, 0]);
        var (cache3, spare3) = BuildCache.LoadWithSpare(output, spareList);
        Assert.That(cache3, Is.Empty);
        Assert.That(spare3, Is.EquivalentTo(spare));

        // A list whose bad text is where the cache has good text (the same path, a garbled step) is not trusted either.
        File.WriteAllBytes(BuildCache.PathFor(output), cacheBytes);
        var garbled = list.ToArray();
        var at = garbled.AsSpan().IndexOf(Encoding.UTF8.GetBytes("RenderItemPages:item:old"));
        garbled[at + 3] = 0xFF;
        File.WriteAllBytes(spareList, garbled);
        Assert.That(BuildCache.LoadWithSpare(output, spareList).Spare, Is.Null);

        // No output folder: no cache, the list as it is; no list: none.
        Directory.Delete(output);
        File.WriteAllBytes(spareList, list);
        var (cache4, spare4) = BuildCache.LoadWithSpare(output, spareList);
        Assert.That(cache4, Is.Empty);
        Assert.That(spare4, Is.EquivalentTo(spare));
        Assert.That(BuildCache.LoadWithSpare(output, spareList + ".none").Spare, Is.Null);
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
