using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Site;
using DisclosureSite.Tests.Site;
using DisclosureSite.Validation;

namespace DisclosureSite.Tests;

/// <summary>
/// The persistent input cache (issue 8) never gives a stale result: after each kind of change — an item's Markdown, a
/// table CSV, a deleted file, a renamed file, a same-size change with the modification time put back — a load through
/// the cache gives exactly the findings (every field, in order) of a load that reads everything, and a build through it
/// the same site bytes as a clean build.
/// </summary>
[TestFixture]
[NonParallelizable] // counts InputCache.Hits, which every cached load in the process adds to
public class InputCacheTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 24);

    [Test]
    public void Cached_loads_equal_uncached_loads_after_every_kind_of_change()
    {
        var root = Path.Combine(Path.GetTempPath(), "disclosure-icache-" + Guid.NewGuid().ToString("N"));
        try
        {
            var input = Path.Combine(root, "input");
            var cache = Path.Combine(root, "cache");
            Copy(DemoSite.Input, input);
            var finance = Path.Combine(input, "disclosures", "beiling", "2026-Q3", "finance.md");
            var mtime = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc); // whole seconds: restored exactly below
            File.SetLastWriteTimeUtc(finance, mtime);

            // Files changed within 2 s of the cache's clock are not cached; the tests' clock runs 3 s ahead, so this run stores every file.
            AssertSame(input, cache, "cold");
            var before = InputCache.Hits;
            AssertSame(input, cache, "warm");
            Assert.That(InputCache.Hits - before, Is.GreaterThan(50), "the warm run takes unchanged files from the cache");
            Assert.That(Directory.EnumerateFiles(cache, "*.bin"), Is.Not.Empty);
            Assert.That(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".bin", StringComparison.Ordinal)), Is.Empty, "never inside the input");

            var site = Path.Combine(root, "incremental", "_site");
            Build(input, site, cache, useCache: true);

            // Same size, modification time put back: the change time (ctime) still differs.
            var text = File.ReadAllText(finance);
            var sameSize = text.Replace("收入", "支出", StringComparison.Ordinal);
            Assert.That(sameSize, Is.Not.EqualTo(text));
            File.WriteAllText(finance, sameSize);
            File.SetLastWriteTimeUtc(finance, mtime);
            Assert.That(new FileInfo(finance).Length, Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(text)));
            Assert.That(File.GetLastWriteTimeUtc(finance), Is.EqualTo(mtime));
            AssertSame(input, cache, "same size, mtime restored");

            File.AppendAllText(Path.Combine(input, "disclosures", "dongshan", "2026-Q3", "finance.md"), "\n本季度另有一笔捐赠,已入账。\n");
            AssertSame(input, cache, "item body");

            // The site built through both caches equals a clean build.
            Build(input, site, cache, useCache: true);
            var clean = Path.Combine(root, "clean", "_site");
            Build(input, clean, cache, useCache: false);
            SiteOutputTests.AssertSameFiles(clean, site);

            var ledger = Directory.EnumerateFiles(Path.Combine(input, "disclosures", "beiling", "2026-Q3"), "finance-ledger.csv").Single();
            var rows = File.ReadAllLines(ledger);
            File.WriteAllLines(ledger, rows.Select((r, i) => i == 2 ? r.Replace("0", "1", StringComparison.Ordinal) : r));
            AssertSame(input, cache, "table csv (totals no longer add up)");

            File.Delete(Path.Combine(input, "disclosures", "beiling", "2026-Q3", "welfare-roster.csv"));
            AssertSame(input, cache, "deleted table");

            File.Delete(Path.Combine(input, "disclosures", "beiling", "2026-Q3", "land.md"));
            AssertSame(input, cache, "deleted item");

            File.Move(Path.Combine(input, "disclosures", "beiling", "2026-Q3", "contracts.md"), Path.Combine(input, "disclosures", "beiling", "2026-Q3", "contracts-2.md"));
            AssertSame(input, cache, "renamed item");

            // The deleted table comes back: the item that pointed at it must see it again.
            File.WriteAllLines(Path.Combine(input, "disclosures", "beiling", "2026-Q3", "welfare-roster.csv"), ["姓名,金额", "张*明,100.00"]);
            AssertSame(input, cache, "table restored");

            // A unit's 民情台账: a matter added, a matter made wrong (unknown status), the file saved as another kind, removed.
            var requests = Path.Combine(input, "units", "beiling", "requests.csv");
            Assert.That(File.Exists(requests), "the demo's 民情台账");
            File.AppendAllText(requests, "2026-090,2026-11-02,林*华,村道路灯不亮,民生服务,,,办理中,,,\n");
            AssertSame(input, cache, "a matter added to a 民情台账");
            File.AppendAllText(requests, "2026-091,2026-11-03,林*华,垃圾清运不及时,民生服务,,,处理中,,,\n");
            AssertSame(input, cache, "a 民情台账 matter with an unknown status");

            // Another time limit and another name for 反映人 in the rules: every 民情台账 is read again under them.
            var preset = Path.Combine(input, "seeds", "sanwu.yaml");
            Directory.CreateDirectory(Path.GetDirectoryName(preset)!);
            var presetText = RulePresetLoader.BuiltInText("sanwu")!;
            File.WriteAllText(preset, presetText.Replace("民生服务: 15,", "民生服务: 3,", StringComparison.Ordinal));
            AssertSame(input, cache, "a 民情台账 category's time limit changed in the rules");
            File.WriteAllText(preset, presetText.Replace("requester: [反映人,", "requester: [群众,", StringComparison.Ordinal));
            AssertSame(input, cache, "反映人 no longer a name the rules know");
            File.Delete(preset);
            AssertSame(input, cache, "the built-in rules again");

            File.Move(requests, Path.Combine(input, "units", "beiling", "requests.txt"));
            AssertSame(input, cache, "a 民情台账 removed");

            // A 四议两公开 record: a step's date changed, a status no one knows, a step the rules no longer have, the file removed.
            var decision = Path.Combine(input, "decisions", "dongshan", "road-hardening.yaml");
            var decisionText = File.ReadAllText(decision);
            File.WriteAllText(decision, decisionText.Replace("proposal: 2026-03-02", "proposal: 2026-03-01", StringComparison.Ordinal));
            AssertSame(input, cache, "a 四议两公开 step's date");
            File.WriteAllText(decision, decisionText.Replace("status: done", "status: finished", StringComparison.Ordinal));
            AssertSame(input, cache, "a 四议两公开 record with an unknown status");
            File.WriteAllText(preset, presetText.Replace("- { id: consultation, name: 两委会商议 }", "- { id: talks, name: 两委会商议 }", StringComparison.Ordinal));
            AssertSame(input, cache, "a 四议两公开 step renamed in the rules");
            File.Delete(preset);
            AssertSame(input, cache, "the built-in steps again");
            File.Delete(decision);
            AssertSame(input, cache, "a 四议两公开 record removed");

            // Now the changed files are cached too; a warm run still agrees.
            AssertSame(input, cache, "changed files cached");
            AssertSame(input, cache, "changed files warm");
            Assert.That(Directory.EnumerateFiles(cache, "*.units.bin"), Is.Not.Empty, "the units' own files have a cache of their own");
            Assert.That(Directory.EnumerateFiles(cache, "*.decisions.bin"), Is.Not.Empty, "and their 四议两公开 records");
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Test]
    public void A_unchanged_民情台账_is_taken_from_the_cache_with_its_rows_kept_packed_and_a_changed_one_is_read_again()
    {
        using var folder = new TempFolder("disclosure-icache");
        var input = folder.Copy(DemoSite.Input, "input");
        var cache = Path.Combine(folder.Root, "cache");
        var files = Directory.EnumerateFiles(Path.Combine(input, "units"), "requests.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.That(files, Has.Count.GreaterThan(2));

        InputLoader.Load(input, TestPaths.Cached(cache));
        var before = InputCache.Hits;
        var warm = InputLoader.Load(input, TestPaths.Cached(cache)).Input!;
        var warmHits = InputCache.Hits - before;
        Assert.That(warm.Requests, Has.Count.EqualTo(files.Count));
        Assert.That(warm.Requests.All(r => r.Table.Rows is PackedRows), "the rows stay as the cache holds them");
        var fresh = InputLoader.Load(input).Input!.Requests;
        Assert.That(warm.Requests.Select(r => r.Matters.Count), Is.EqualTo(fresh.Select(r => r.Matters.Count)));
        Assert.That(warm.Requests.SelectMany(r => r.Matters), Is.EqualTo(fresh.SelectMany(r => r.Matters)));

        // Two 民情台账 changed: the warm load takes two files fewer from the cache, and sees the new matters.
        foreach (var file in files.Take(2))
        {
            File.AppendAllText(file, "2026-099,2026-11-20,郑*,桥面破损,民生服务,,,办理中,,,\n");
        }

        before = InputCache.Hits;
        var changed = InputLoader.Load(input, TestPaths.Cached(cache)).Input!;
        Assert.That(InputCache.Hits - before, Is.EqualTo(warmHits - 2));
        Assert.That(changed.Requests.Take(2).Select(r => r.Matters[^1].Number), Is.EqualTo(new[] { "2026-099", "2026-099" }));
    }

    [Test]
    public void Unchanged_四议两公开_records_are_taken_from_the_cache_and_a_changed_one_is_read_again()
    {
        using var folder = new TempFolder("disclosure-icache");
        var input = folder.Copy(DemoSite.Input, "input");
        var cache = Path.Combine(folder.Root, "cache");
        InputLoader.Load(input, TestPaths.Cached(cache));
        var before = InputCache.Hits;
        var warm = InputLoader.Load(input, TestPaths.Cached(cache)).Input!;
        var warmHits = InputCache.Hits - before;
        var fresh = InputLoader.Load(input).Input!;
        Assert.That(warm.Decisions, Has.Count.GreaterThan(2));
        Assert.That(warm.Decisions.Select(DecisionText), Is.EqualTo(fresh.Decisions.Select(DecisionText)));

        var file = Path.Combine(input, "decisions", "dongshan", "road-hardening.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("result: 工程已完工", "result: 工程已全部完工", StringComparison.Ordinal));
        before = InputCache.Hits;
        var changed = InputLoader.Load(input, TestPaths.Cached(cache)).Input!;
        Assert.That(InputCache.Hits - before, Is.EqualTo(warmHits - 1));
        Assert.That(changed.Decisions.Single(d => d.File == "decisions/dongshan/road-hardening.yaml").Result, Does.StartWith("工程已全部完工"));
    }

    [Test]
    public void Bodies_and_rows_read_from_the_cache_stay_encoded_until_asked_for_and_equal_what_the_files_say()
    {
        using var folder = new TempFolder("disclosure-icache");
        var input = folder.Copy(DemoSite.Input, "input");
        var cache = Path.Combine(folder.Root, "cache");

        // One body still holding a template's placeholder: it must still count as a template when read from the cache.
        var template = Path.Combine(input, "disclosures", "dongshan", "2026-Q3", "finance.md");
        File.AppendAllText(template, "\n" + TemplateText.Fill("本季度做了什么") + "\n");

        InputLoader.Load(input, TestPaths.Cached(cache));
        var fresh = InputLoader.Load(input).Input!.Disclosures.ToDictionary(d => d.File);
        var warm = InputLoader.Load(input, TestPaths.Cached(cache)).Input!.Disclosures;
        Assert.That(warm, Has.Count.EqualTo(fresh.Count));
        Assert.That(warm.Count(d => d.EncodedBody is not null), Is.EqualTo(warm.Count), "every body read from the cache is kept encoded");
        Assert.That(warm.Count(d => d.BodyHoldsTemplateText), Is.EqualTo(1));
        foreach (var d in warm)
        {
            var f = fresh[d.File];
            Assert.That(d.BodyHoldsTemplateText, Is.EqualTo(TemplateText.IsPlaceholder(f.Body)), d.File);
            Assert.That(Validation.Rules.PlaceholderRule.IsPlaceholder(d), Is.EqualTo(Validation.Rules.PlaceholderRule.IsPlaceholder(f)), d.File);
            Assert.That(d.EncodedBody, Is.Not.Null, "not decoded by the questions above");
            Assert.That(d.Body, Is.EqualTo(f.Body), d.File);
            Assert.That(d.Tables.Select(t => t.Rows.Select(r => string.Join("|", r.Cells.Select(c => $"{c.Text}@{c.Line}:{c.Column}")))), Is.EqualTo(f.Tables.Select(t => t.Rows.Select(r => string.Join("|", r.Cells.Select(c => $"{c.Text}@{c.Line}:{c.Column}"))))), d.File);
            Assert.That(d with { Tables = f.Tables, FrontMatterPersonalData = f.FrontMatterPersonalData, Meta = f.Meta }, Is.EqualTo(f with { }), "equal by the body's text, however it is kept");
        }

        // A body replaced is no longer the cached one.
        var replaced = warm[0] with { Body = TemplateText.Hint("删掉") };
        Assert.That(replaced.EncodedBody, Is.Null);
        Assert.That(replaced.BodyHoldsTemplateText, Is.True);

        // The cache written again from entries read from it (the mapped bytes go back as they came) reads the same.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var changed = Path.Combine("disclosures", "dongshan", "2026-Q3", "contracts.md");
        File.AppendAllText(Path.Combine(input, changed), "\n补充。\n");
        InputLoader.Load(input, TestPaths.Cached(cache));
        AssertSame(input, cache, "unit written again from its mapped entries");
        var again = InputLoader.Load(input, TestPaths.Cached(cache)).Input!.Disclosures;
        Assert.That(again.Where(d => d.File != changed).Select(d => d.Body), Is.EqualTo(warm.Where(d => d.File != changed).Select(d => d.Body)));
    }

    [Test]
    public void Cache_files_read_into_memory_as_on_Windows_hold_the_bytes_mapped_and_leave_the_file_free_to_replace()
    {
        using var folder = new TempFolder("disclosure-icache");
        var input = folder.Copy(DemoSite.Input, "input");
        var cache = Path.Combine(folder.Root, "cache");
        InputLoader.Load(input, TestPaths.Cached(cache));
        var file = Directory.EnumerateFiles(cache, "*.bin").Order(StringComparer.Ordinal).First();
        var onDisk = File.ReadAllBytes(file);

        var read = MappedFile.Read(file, map: false);
        var mapped = MappedFile.Read(file, map: true);
        Assert.That(read.ToArray(), Is.EqualTo(onDisk));
        Assert.That(mapped.ToArray(), Is.EqualTo(onDisk));

        // Replaced by a rename and deleted while the bytes are held (what Windows refuses for a mapped file): they stay the same.
        var other = file + ".new";
        File.WriteAllBytes(other, [1, 2, 3]);
        File.Move(other, file, overwrite: true);
        File.Delete(file);
        Assert.That(read.ToArray(), Is.EqualTo(onDisk));
        Assert.That(mapped.ToArray(), Is.EqualTo(onDisk));

        var empty = Path.Combine(folder.Root, "empty.bin");
        File.WriteAllBytes(empty, []);
        Assert.That(MappedFile.Read(empty, map: false).IsEmpty && MappedFile.Read(empty, map: true).IsEmpty, Is.True);
    }

    [Test]
    public void A_cache_file_that_cannot_be_replaced_leaves_no_temporary_file_and_the_load_stays_right()
    {
        using var folder = new TempFolder("disclosure-icache");
        var input = folder.Copy(DemoSite.Input, "input");
        var cache = Path.Combine(folder.Root, "cache");
        AssertSame(input, cache, "cold");

        // A folder where a unit's cache file goes: the rename onto it fails, as a replace of a mapped file fails on Windows.
        var blocked = Directory.EnumerateFiles(cache, "*.bin").Order(StringComparer.Ordinal).First();
        File.Delete(blocked);
        Directory.CreateDirectory(blocked);
        AssertSame(input, cache, "a unit's cache cannot be written");
        AssertSame(input, cache, "again");
        Assert.That(Directory.EnumerateFileSystemEntries(cache).Where(f => f.EndsWith(".tmp", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Files_changed_within_two_seconds_of_the_clock_are_not_cached()
    {
        var root = TestPaths.TempDir("disclosure-icache-racy");
        try
        {
            var input = Path.Combine(root, "input");
            var cache = Path.Combine(root, "cache");
            Copy(DemoSite.Input, input);

            // A clock an hour behind sees every file as changed just now: a later write in the same tick could keep its
            // stamp, so none is stored, and the next load reads them all again.
            var behind = new LoadOptions { UseCache = true, CacheFolder = cache, Clock = new ShiftedClock(TimeSpan.FromHours(-1)) };
            InputLoader.Load(input, behind);
            var before = InputCache.Hits;
            var again = InputLoader.Load(input, behind);
            Assert.That(InputCache.Hits - before, Is.Zero);
            Assert.That(Findings(again), Is.EqualTo(Findings(InputLoader.Load(input))));

            // The same files, seen from 3 s later: settled, stored, then taken from the cache.
            InputLoader.Load(input, TestPaths.Cached(cache));
            before = InputCache.Hits;
            InputLoader.Load(input, TestPaths.Cached(cache));
            Assert.That(InputCache.Hits - before, Is.GreaterThan(50));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void A_damaged_cache_is_read_as_empty()
    {
        using var folder = new TempFolder("disclosure-icache");
        var (input, cache) = ColdCache(folder);
        foreach (var file in Directory.EnumerateFiles(cache, "*.bin"))
        {
            var bytes = File.ReadAllBytes(file);
            File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        }

        AssertSame(input, cache, "truncated cache files");
        AssertSame(input, cache, "rewritten cache");
    }

    [Test]
    public void A_cache_file_with_one_byte_changed_anywhere_is_not_used()
    {
        // A changed byte inside a body or a table's rows is still a file that decodes (UTF-8, rows that parse): only the
        // checksum at the end of each unit file tells it from the bytes the tool wrote.
        using var folder = new TempFolder("disclosure-icache");
        var (input, cache) = ColdCache(folder);
        var files = Directory.EnumerateFiles(cache, "*.bin").ToList();
        foreach (var at in new[] { 0.5, 0.9 })
        {
            foreach (var file in files)
            {
                var bytes = File.ReadAllBytes(file);
                bytes[(int)(bytes.Length * at)] ^= 0x01;
                File.WriteAllBytes(file, bytes);
            }

            var before = InputCache.Hits;
            AssertSame(input, cache, $"a byte changed at {at:P0} of each file");
            Assert.That(InputCache.Hits - before, Is.Zero, $"a byte changed at {at:P0}: nothing taken from the changed files");

            // Written again whole by that load: used by the next.
            before = InputCache.Hits;
            AssertSame(input, cache, "rewritten cache");
            Assert.That(InputCache.Hits - before, Is.GreaterThan(0));
        }
    }

    /// <summary>A copy of the demo input in <paramref name="folder"/> and its input cache, filled by a load (checked against an uncached one).</summary>
    private static (string Input, string Cache) ColdCache(TempFolder folder)
    {
        var input = folder.Copy(DemoSite.Input, "input");
        var cache = Path.Combine(folder.Root, "cache");
        AssertSame(input, cache, "cold");
        return (input, cache);
    }

    [Test]
    public void Every_fixture_checks_the_same_through_a_cold_and_a_warm_cache_and_with_its_checks_run_while_loading()
    {
        var cache = TestPaths.TempDir("ds-icache-fixtures");
        try
        {
            var hits = InputCache.Hits;
            foreach (var kind in new[] { "good", "bad" })
            {
                foreach (var dir in Directory.EnumerateDirectories(Path.Combine(TestPaths.Fixtures, kind)).Order(StringComparer.Ordinal))
                {
                    var input = Path.Combine(dir, "input");
                    var asOf = FixtureTests.Check(dir).AsOf;
                    var uncached = InputLoader.Load(input);
                    if (uncached.Input is null)
                    {
                        continue;
                    }

                    foreach (var run in new[] { "cold", "warm" })
                    {
                        var cached = InputLoader.Load(input, TestPaths.Cached(Path.Combine(cache, kind + "-" + Path.GetFileName(dir))));
                        Assert.That(Findings(cached, asOf), Is.EqualTo(Findings(uncached, asOf)), $"{run}: {kind}/{Path.GetFileName(dir)}");

                        // With the checks handed to the loader, as `build` and `check` load: the 民情台账's personal data kept with it.
                        var withChecks = InputLoader.Load(input, TestPaths.Cached(Path.Combine(cache, "checked-" + kind + "-" + Path.GetFileName(dir))) with { Checks = Validation.Rules.DisclosureChecks.Instance });
                        Assert.That(withChecks.Input!.Requests.All(r => r.PersonalData is not null), $"{run}: {kind}/{Path.GetFileName(dir)}");
                        Assert.That(Findings(withChecks, asOf), Is.EqualTo(Findings(uncached, asOf)), $"{run}, checked: {kind}/{Path.GetFileName(dir)}");
                    }

                    // Without the cache, the checks handed to the loader run as each file is loaded: the same findings.
                    var checkedWhileLoading = InputLoader.Load(input, new LoadOptions { Checks = Validation.Rules.DisclosureChecks.Instance });
                    Assert.That(checkedWhileLoading.PerFile, Has.Count.EqualTo(checkedWhileLoading.Input!.Disclosures.Count), $"{kind}/{Path.GetFileName(dir)}");
                    Assert.That(Findings(checkedWhileLoading, asOf), Is.EqualTo(Findings(uncached, asOf)), $"checked while loading: {kind}/{Path.GetFileName(dir)}");
                }
            }

            Assert.That(InputCache.Hits - hits, Is.GreaterThan(30), "the warm runs take files from the cache");
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    private static void AssertSame(string input, string cache, string what)
    {
        var cached = Findings(InputLoader.Load(input, TestPaths.Cached(cache)));
        var uncached = Findings(InputLoader.Load(input));
        Assert.That(cached, Is.EqualTo(uncached), what);
    }

    private static List<string> Findings(LoadResult loaded) => Findings(loaded, Validator.Check(loaded, AsOf));

    private static List<string> Findings(LoadResult loaded, DateOnly asOf) => Findings(loaded, Validator.Check(loaded, asOf, GitHistory.None("fixture")));

    private static List<string> Findings(LoadResult loaded, CheckReport report)
    {
        var lines = report.Findings.Select(f => f.ToString()).ToList();
        lines.Add(report.Summary.ToString());
        lines.AddRange(loaded.Input!.Disclosures.Select(d => $"{d} {string.Join('|', d.Tables.Select(TableText))}"));
        lines.AddRange(loaded.Input.Requests.Select(r => $"{r.Unit} {r.File} {r.RequesterColumn} {TableText(r.Table)} {r.Table.Caption} {r.Table.Unit} {r.Table.HeaderLine} {string.Join('/', r.Table.Notes)} {string.Join('/', r.Table.Signature.Select(l => l.Line + ":" + string.Join(',', l.Parts)))}"));
        lines.AddRange(loaded.Input.Requests.SelectMany(r => r.Matters).Select(m => $"{m} {m.ContentSha256}"));
        lines.AddRange(loaded.Input.Decisions.Select(DecisionText));
        return lines;
    }

    private static string DecisionText(Decision d) => $"{d.Unit} {d.Slug} {d.File} {d.Title} {d.Item} {d.Status} {d.Result} {string.Join('|', d.Steps)} {d.Text}";

    private static string TableText(Table t) => t.File + ":" + t.Schema.Name + ":" + string.Join(';', t.Columns) + ":" + string.Join(';', t.Rows.Select(r => r.Line + "=" + string.Join(',', r.Cells)));

    private static void Build(string input, string output, string cache, bool useCache)
    {
        var result = SiteBuilder.Build(new SiteOptions(input, output, AsOf)
        {
            RunPagefind = false,
            UseCache = useCache,
            InputCacheFolder = cache,
            ThemeRoot = Path.Combine(DemoSite.RepoRoot, "themes", "default"),
        });
        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Report.Findings.Take(5)));
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
