using System.Text;
using DisclosureSite.Corpus;
using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Tests;

/// <summary>
/// The content hash kept with each loaded disclosure (computed from what the loader read, or taken from the input
/// cache) is byte-identical to <see cref="ContentHash.Of"/>, which re-reads the files as docs/审计核验.md defines —
/// for the demo, a generated corpus, every fixture, and awkward files (BOM, CRLF, GB18030, NFD text, attachments,
/// .xlsx), loaded without the input cache, through a cold cache and through a warm one.
/// </summary>
[NonParallelizable] // counts InputCache.Hits, which every cached load in the process adds to
public class ContentHashTests
{
    [Test]
    public void Loaded_hash_equals_ContentHash_Of_for_the_demo()
    {
        var root = TestPaths.TempDir("ds-hash-demo");
        try
        {
            var input = Path.Combine(root, "input");
            TestPaths.CopyDirectory(TestPaths.DemoInput, input);
            AssertLoadedHashes(input, Path.Combine(root, "cache"), minimum: 100);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void Loaded_hash_equals_ContentHash_Of_for_a_generated_corpus()
    {
        var root = TestPaths.TempDir("ds-hash-corpus");
        try
        {
            var input = Path.Combine(root, "input");
            CorpusGenerator.Generate(new CorpusOptions(4, 1, 17, input));
            AssertLoadedHashes(input, Path.Combine(root, "cache"), minimum: 100);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void Loaded_hash_equals_ContentHash_Of_for_awkward_files()
    {
        var root = TestPaths.TempDir("ds-hash-awkward");
        try
        {
            var input = Path.Combine(root, "input");
            TestPaths.CopyDirectory(TestPaths.DemoInput, input);
            var folder = Path.Combine(input, "disclosures", "dongshan", "2026-Q2");

            // The .md with a BOM, CRLF line ends and a decomposed é (NFD): the hash takes LF, NFC, no BOM.
            var md = Path.Combine(folder, "public-works.md");
            var text = File.ReadAllText(md).Replace("attachments: [road-contract.pdf]", "attachments: [road-contract.pdf, note.txt, note-gb.txt]", StringComparison.Ordinal);
            File.WriteAllText(md, (text + "Cafe\u0301 e\u0301\n").Replace("\n", "\r\n", StringComparison.Ordinal), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            File.WriteAllText(Path.Combine(folder, "note.txt"), "说明\r\n第二行\re\u0301\r\n");
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            File.WriteAllBytes(Path.Combine(folder, "note-gb.txt"), Encoding.GetEncoding("GB18030").GetBytes("公开栏说明\r\n"));

            // A ledger in GB18030 with CRLF line ends.
            var ledger = Path.Combine(folder, "finance-ledger.csv");
            File.WriteAllBytes(ledger, Encoding.GetEncoding("GB18030").GetBytes(File.ReadAllText(ledger).Replace("\n", "\r\n", StringComparison.Ordinal)));

            // Board photos (hashed byte for byte) and an .xlsx table (from the fixtures).
            var site = Path.Combine(input, "site.yaml");
            File.WriteAllText(site, File.ReadAllText(site).Replace("overrides: {", "overrides: { presets: [board-photos],", StringComparison.Ordinal));
            var board = Path.Combine(input, "board", "dongshan", "2026-05");
            Directory.CreateDirectory(board);
            File.WriteAllBytes(Path.Combine(board, "a.jpg"), [0xFF, 0xD8, 0x01, 0x0D, 0x0A, 0xFF, 0xD9]);
            File.WriteAllBytes(Path.Combine(board, "b.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]);

            var loaded = InputLoader.Load(input);
            Assert.That(loaded.Input, Is.Not.Null, () => string.Join("\n", loaded.Findings));
            var works = loaded.Input!.Disclosures.Single(d => d.File == "disclosures/dongshan/2026-Q2/public-works.md");
            Assert.That(works.Meta.Attachments, Has.Count.EqualTo(3));
            Assert.That(loaded.Input.Disclosures.Any(d => d.Item == BoardPhotoLoader.ItemId), Is.True);
            AssertLoadedHashes(input, Path.Combine(root, "cache"), minimum: 100);

            var xlsx = Path.Combine(TestPaths.Fixtures, "good", "month-inside-quarter-and-xlsx", "input");
            var xlsxInput = Path.Combine(root, "xlsx");
            TestPaths.CopyDirectory(xlsx, xlsxInput);
            Assert.That(InputLoader.Load(xlsxInput).Input!.Disclosures.SelectMany(d => d.Tables).Any(t => t.File.EndsWith(".xlsx", StringComparison.Ordinal)), Is.True);
            AssertLoadedHashes(xlsxInput, Path.Combine(root, "xlsx-cache"), minimum: 1);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void Loaded_hash_equals_ContentHash_Of_for_every_fixture()
    {
        var cache = TestPaths.TempDir("ds-hash-fixtures");
        try
        {
            var checkedAny = 0;
            foreach (var kind in new[] { "good", "bad" })
            {
                foreach (var dir in Directory.EnumerateDirectories(Path.Combine(TestPaths.Fixtures, kind)).Order(StringComparer.Ordinal))
                {
                    var input = Path.Combine(dir, "input");
                    var loaded = InputLoader.Load(input);
                    if (loaded.Input is null)
                    {
                        continue;
                    }

                    foreach (var d in loaded.Input.Disclosures)
                    {
                        Assert.That(d.ContentSha256, Is.EqualTo(ContentHash.Of(loaded.Input.Root, d)), $"{Path.GetFileName(dir)}: {d.File}");
                        checkedAny++;
                    }

                    // Fixture files are older than 2 s: the first cached load stores them, the second takes them from the cache.
                    foreach (var run in new[] { "cold", "warm" })
                    {
                        var cached = InputLoader.Load(input, TestPaths.Cached(Path.Combine(cache, kind + "-" + Path.GetFileName(dir))));
                        Assert.That(cached.Input!.Disclosures.Select(d => d.ContentSha256), Is.EqualTo(loaded.Input.Disclosures.Select(d => d.ContentSha256)), $"{run}: {Path.GetFileName(dir)}");
                    }
                }
            }

            Assert.That(checkedAny, Is.GreaterThan(30));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    /// <summary>Loads without the cache, through a cold cache and through a warm one; every disclosure's hash is <see cref="ContentHash.Of"/>.</summary>
    private static void AssertLoadedHashes(string input, string cache, int minimum)
    {
        // Files written in the last 2 s are not cached; the tests' clock runs 3 s ahead, so the second cached load takes every file from the cache.
        var hitsBefore = InputCache.Hits;
        var runs = new (string Name, LoadResult Loaded)[]
        {
            ("no cache", InputLoader.Load(input)),
            ("cold cache", InputLoader.Load(input, TestPaths.Cached(cache))),
            ("warm cache", InputLoader.Load(input, TestPaths.Cached(cache))),
        };
        Assert.That(InputCache.Hits - hitsBefore, Is.GreaterThanOrEqualTo(minimum), "the warm load takes its disclosures from the cache");
        foreach (var (name, loaded) in runs)
        {
            var disclosures = loaded.Input!.Disclosures;
            Assert.That(disclosures, Has.Count.GreaterThanOrEqualTo(minimum), name);
            foreach (var d in disclosures)
            {
                Assert.That(d.ContentSha256, Has.Length.EqualTo(64), $"{name}: {d.File}");
                Assert.That(d.ContentSha256, Is.EqualTo(ContentHash.Of(loaded.Input.Root, d)), $"{name}: {d.File}");
            }
        }
    }
}
