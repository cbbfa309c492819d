using DisclosureSite.Site;
using DisclosureSite.Site.Write;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// The build cache must never produce a stale page: for each kind of input change, a build over the previous output
/// (cache kept) gives exactly the bytes of a clean build into an empty folder.
/// </summary>
[TestFixture]
public class IncrementalBuildTests
{
    public static IEnumerable<TestCaseData> Changes()
    {
        yield return new TestCaseData("item body", (Action<string>)(root => Append(root, "disclosures/beiling/2026-Q3/finance.md", "\n本季度另有一笔捐赠,已入账。\n"))).SetName("Item_body");
        yield return new TestCaseData("table", (Action<string>)(root => Replace(root, "disclosures/beiling/2026-Q3/finance-ledger.csv", "防汛物资采购", "防汛抗旱物资采购"))).SetName("Table_csv");
        yield return new TestCaseData("theme", (Action<string>)(root => Write(root, "theme/partials/entry.liquid", File.ReadAllText(Path.Combine(DemoSite.RepoRoot, "themes", "default", "partials", "entry.liquid")) + "<!-- 本镇主题 -->\n"))).SetName("Theme_override");
        yield return new TestCaseData("site.yaml", (Action<string>)(root => Replace(root, "site.yaml", "name: 青石镇三务公开", "name: 青石镇村务公开"))).SetName("Site_yaml");
        yield return new TestCaseData("preset", (Action<string>)(root => Write(root, "seeds/sanwu.yaml", File.ReadAllText(Path.Combine(DemoSite.RepoRoot, "seeds", "sanwu.yaml")).Replace("name: 年度财务计划及执行、各项收支情况", "name: 财务计划及收支情况", StringComparison.Ordinal)))).SetName("Preset_in_input_seeds");
        yield return new TestCaseData("base url", (Action<string>)(root => Replace(root, "site.yaml", "base_url: https://example.github.io/qingshi/", "base_url: https://qingshi.example.org/"))).SetName("Base_url_in_the_sitemap_and_feeds");
        yield return new TestCaseData("units.csv", (Action<string>)(root => Replace(root, "units.csv", "dongshan,东山村,", "dongshan,东山新村,"))).SetName("Units_csv");
        yield return new TestCaseData("item deleted", (Action<string>)(root => File.Delete(Path.Combine(root, "disclosures", "beiling", "2026-Q3", "land.md")))).SetName("Item_deleted");
        yield return new TestCaseData("item added", (Action<string>)(root => Write(root, "disclosures/beiling/2026-Q3/notice.md", "---\nitem: village.land\ntitle: 2026年第三季度土地流转补充公开\npublished: 2026-11-02\n---\n本季度另有土地流转5亩,合同已鉴证。\n"))).SetName("Item_added");
        yield return new TestCaseData("item title", (Action<string>)(root => Replace(root, "disclosures/beiling/2026-Q3/land.md", "title: 2026年第三季度征地补偿", "title: 2026年三季度征地补偿"))).SetName("Item_title_listed_on_site_wide_pages");
        yield return new TestCaseData("commitments", (Action<string>)(root => Append(root, "units/beiling/commitments.md", "\n新增:每月走访困难户一次。\n"))).SetName("Unit_commitments");
        yield return new TestCaseData("requests", (Action<string>)(root => Replace(root, "units/beiling/requests.csv", "建议增设健身器材", "建议增设老年健身器材"))).SetName("Requests_csv");

        // Each part of the site-wide steps' digests (StepDigests): a change to it must reach every page that shows it.
        yield return new TestCaseData("ledger amounts", (Action<string>)(root =>
        {
            // The unit page shows the latest finance ledger's income and expense (the balance stays the same).
            Replace(root, "disclosures/beiling/2026-Q3/finance-ledger.csv", "\"2,380.00\"", "\"2,480.00\"");
            Replace(root, "disclosures/beiling/2026-Q3/finance-ledger.csv", "\"14,000.00\"", "\"14,100.00\"");
            Replace(root, "disclosures/beiling/2026-Q3/finance-ledger.csv", "\"57,300.00\"", "\"57,400.00\"");
            Replace(root, "disclosures/beiling/2026-Q3/finance-ledger.csv", "\"50,072.48\"", "\"50,172.48\"");
        })).SetName("Finance_ledger_amounts_on_the_unit_page");
        yield return new TestCaseData("published date", (Action<string>)(root => Replace(root, "disclosures/beiling/2026-Q3/land.md", "published: 2026-10-12", "published: 2026-10-20"))).SetName("Published_date_listed_on_site_wide_pages");
        yield return new TestCaseData("withdrawn", (Action<string>)(root => Replace(root, "disclosures/beiling/2026-Q3/land.md", "published: 2026-10-12\n", "published: 2026-10-12\nwithdrawn: 内容有误,已撤下更正\n"))).SetName("Item_withdrawn");
        yield return new TestCaseData("duty", (Action<string>)(root => Replace(root, "units/beiling/duty.csv", "周二,游长青", "周二,翁建华"))).SetName("Duty_roster");
        yield return new TestCaseData("people", (Action<string>)(root => Replace(root, "people.csv", "主持镇政府全面工作", "主持镇政府日常工作"))).SetName("Contact_card");
        yield return new TestCaseData("decision", (Action<string>)(root => Replace(root, "decisions/beiling/plaza-relocation.yaml", "title: 村部文化广场迁建", "title: 村部文化广场迁建工程"))).SetName("Decision_record");
    }

    /// <summary>The render steps keyed as a whole by a digest of what they read (<see cref="DisclosureSite.Site.Render.StepDigests"/>).</summary>
    private static readonly string[] SiteWideSteps =
        ["RenderHomePage", "RenderPeriodPages", "RenderCompliancePages", "RenderRequestPages", "RenderHistoryPages", "RenderTopicPages", "RenderDataDownloads", "RenderFeeds"];

    [TestCaseSource(nameof(Changes))]
    public void Incremental_build_equals_a_clean_build(string what, Action<string> change)
    {
        using var folder = new TempFolder("disclosure-incr");
        var input = folder.Copy(DemoSite.Input, "input");
        var incremental = Path.Combine(folder.Root, "incremental", "_site");
        var first = Build(input, incremental, cache: true);
        Assert.That(first.FilesReused, Is.Zero, "the first build has no cache to use");
        Assert.That(File.Exists(BuildCache.PathFor(incremental)), Is.True, "the cache is written beside the output");
        Assert.That(Directory.EnumerateFiles(incremental, "*cache*", SearchOption.AllDirectories), Is.Empty, "never inside the published site");

        var unchanged = Build(input, incremental, cache: true);
        Assert.That(unchanged.FilesReused, Is.EqualTo(unchanged.Files), "nothing changed: every file is taken over");
        Assert.That(unchanged.StepsReused, Is.EquivalentTo(SiteWideSteps), "nothing changed: no site-wide step runs");
        Assert.That(unchanged.FilesWritten, Is.Empty, "nothing changed: nothing is written");

        change(input);
        var saved = BuildCache.SavedFromEncoded;
        var rebuilt = Build(input, incremental, cache: true);
        var clean = Path.Combine(folder.Root, "clean", "_site");
        Build(input, clean, cache: false);

        SiteOutputTests.AssertSameFiles(clean, incremental);
        AssertCacheWrittenWhole(incremental, folder.Root);
        Assert.That(BuildCache.SavedFromEncoded, Is.GreaterThan(saved), "the cache is written from the entries encoded while the manifest was written");
        if (what is "item body" or "table")
        {
            Assert.That(rebuilt.FilesReused, Is.GreaterThan(rebuilt.Files / 2), "an item edit renders only what depends on it");

            // What lists show of the item did not change: the site-wide steps are not run, but the data files carry
            // its content hash (the unit page, which shows the totals of its finance ledger's rows, is keyed unit by unit).
            Assert.That(rebuilt.StepsReused, Is.EquivalentTo(SiteWideSteps.Except(["RenderDataDownloads"])));
        }

        if (what is "item body")
        {
            // Every other item's page and downloads are taken over as a group (by the item's digest, no page keyed); the
            // data files listing every content hash are written again, and the manifest.
            Assert.That(rebuilt.FilesWritten, Is.EqualTo(new[] { "beiling/2026-Q3/finance/index.html", "data/disclosures.csv", "data/disclosures.json", "data/manifest.json" }));
        }

        if (what is "ledger amounts")
        {
            // Each unit's page is a group of its own (StepDigests.UnitTag): only the unit whose ledger changed is rendered.
            Assert.That(rebuilt.FilesWritten, Does.Contain("beiling/index.html"), "the unit page shows the ledger's totals");
            Assert.That(rebuilt.FilesWritten.Where(f => f.Count(c => c == '/') == 1 && f.EndsWith("/index.html", StringComparison.Ordinal)), Is.EqualTo(new[] { "beiling/index.html" }), "no other unit's page");
            Assert.That(rebuilt.StepsReused, Does.Contain("RenderPeriodPages"), "the period pages do not show the rows");
        }

        // The previous output is kept as the spare the next build patches; undoing the change there (the spare is
        // then two builds old) must give the original site again, with nothing left over from either.
        Assert.That(Directory.Exists(WriteOutputAtomically.SpareOf(incremental)), Is.True, "the previous output is kept as the spare");
        Directory.Delete(input, recursive: true);
        TestPaths.CopyDirectory(DemoSite.Input, input);
        Build(input, incremental, cache: true);
        var original = Path.Combine(folder.Root, "original", "_site");
        Build(input, original, cache: false);
        SiteOutputTests.AssertSameFiles(original, incremental);
        Assert.That(Directory.Exists(WriteOutputAtomically.SpareOf(original)), Is.False, "builds without the cache keep no spare");
    }

    [Test]
    [NonParallelizable] // FileByParts' counts are the process's
    public void The_disclosures_data_files_and_the_manifest_copy_every_unchanged_part_from_the_previous_output()
    {
        using var folder = new TempFolder("disclosure-incr");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "incremental", "_site");
        var clean = Path.Combine(folder.Root, "clean", "_site");
        Build(input, output, cache: true);
        Build(input, output, cache: true);
        var units = File.ReadAllLines(Path.Combine(output, "data", "disclosures.csv")).Skip(1).Select(l => l.Split(',')[1]).Distinct().Count();
        var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, GenerateManifest.Path))).RootElement;
        var folders = manifest.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).Select(p => p.Contains('/') ? p[..(p.IndexOf('/') + 1)] : p).Distinct().Count();
        var itemUnits = manifest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("unit").GetString()).Distinct().Count();
        Assert.That(units, Is.GreaterThan(2));

        // One item's body: its unit's rows are made again (its content hash), every other unit's copied, in both data
        // files; in the manifest, the entries of the two folders written into (the unit's, data/) and the unit's items.
        Append(input, "disclosures/beiling/2026-Q3/finance.md", "\n本季度另有一笔捐赠,已入账。\n");
        var before = Counts();
        Build(input, output, cache: true);
        Assert.That(Since(before), Is.EqualTo(new[] { (units - 1L, 1L), (units - 1L, 1L), (folders - 2L, 2L), (itemUnits - 1L, 1L) }));
        Build(input, clean, cache: false);
        SiteOutputTests.AssertSameFiles(clean, output);

        // The previous CSV changed in the site by hand (not as the cache recorded it): nothing is copied from it; the JSON's rows still are.
        File.AppendAllText(Path.Combine(output, "data", "disclosures.csv"), "x");
        Append(input, "disclosures/dongshan/2026-Q3/finance.md", "\n另:本季度利息收入已入账。\n");
        before = Counts();
        Build(input, output, cache: true);
        Assert.That(Since(before)[..2], Is.EqualTo(new[] { (0L, (long)units), (units - 1L, 1L) }));
        Build(input, clean, cache: false);
        SiteOutputTests.AssertSameFiles(clean, output);

        // A unit renamed: every row and item shows a name of the site (its digest is in every part's key): all are made.
        Replace(input, "units.csv", "dongshan,东山村,", "dongshan,东山新村,");
        before = Counts();
        Build(input, output, cache: true);
        Assert.That(Since(before)[0], Is.EqualTo((0L, (long)units)));
        Assert.That(Since(before)[3], Is.EqualTo((0L, (long)itemUnits)));
        Build(input, clean, cache: false);
        SiteOutputTests.AssertSameFiles(clean, output);

        static (long, long)[] Counts() => [FileByParts.CountsOf("rows"), FileByParts.CountsOf("disclosures"), FileByParts.CountsOf("files"), FileByParts.CountsOf("items")];

        static (long, long)[] Since((long Copied, long Made)[] before) => Counts().Zip(before, (now, then) => (now.Item1 - then.Copied, now.Item2 - then.Made)).ToArray();
    }

    [Test]
    public void A_file_of_an_unchanged_step_edited_in_the_output_makes_the_step_run_again()
    {
        // A step is taken over whole only when every file it wrote is still as the previous build left it (in the site
        // or in the spare): one file edited by hand in the published site (its time set back; the spare shares it by a
        // hard link) means the step runs, and nothing taken over half-way is left behind. A file deleted from the site
        // is taken from the spare, which still holds it unchanged.
        using var folder = new TempFolder("disclosure-incr");
        var input = folder.Copy(DemoSite.Input, "input");
        var incremental = Path.Combine(folder.Root, "incremental", "_site");
        Build(input, incremental, cache: true);
        Build(input, incremental, cache: true);
        var compliance = Directory.EnumerateFiles(Path.Combine(incremental, "compliance"), "index.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.That(compliance, Has.Count.GreaterThan(2));
        var last = compliance[^1];
        var time = File.GetLastWriteTimeUtc(last);
        File.AppendAllText(last, "<!-- edited -->");
        File.SetLastWriteTimeUtc(last, time);
        File.Delete(Path.Combine(incremental, "history", "index.html"));

        var rebuilt = Build(input, incremental, cache: true);
        Assert.That(rebuilt.StepsReused, Does.Not.Contain("RenderCompliancePages"));
        Assert.That(rebuilt.StepsReused, Does.Contain("RenderPeriodPages").And.Contain("RenderHistoryPages"));
        var clean = Path.Combine(folder.Root, "clean", "_site");
        Build(input, clean, cache: false);
        SiteOutputTests.AssertSameFiles(clean, incremental);
    }

    [Test]
    public void A_file_of_the_spare_replaced_by_hand_is_taken_from_the_output_in_place()
    {
        // The spare's files are looked at ahead of the take-over (SpareCheck): one replaced in the spare alone (a new
        // file, not the one the output in place shares with it) is found changed there, and the build takes the output's
        // own file instead — the site as a clean build's, with nothing written.
        using var folder = new TempFolder("disclosure-incr");
        var input = folder.Copy(DemoSite.Input, "input");
        var incremental = Path.Combine(folder.Root, "incremental", "_site");
        Build(input, incremental, cache: true);
        Build(input, incremental, cache: true);
        var page = Path.Combine(WriteOutputAtomically.SpareOf(incremental), "beiling", "2026-Q3", "finance", "index.html");
        var time = File.GetLastWriteTimeUtc(page);
        var text = File.ReadAllText(page);
        File.Delete(page);
        File.WriteAllText(page, text + "<!-- 手改 -->");
        File.SetLastWriteTimeUtc(page, time);

        var rebuilt = Build(input, incremental, cache: true);
        Assert.That(rebuilt.FilesWritten, Is.Empty, "taken from the output in place, not rendered");
        var clean = Path.Combine(folder.Root, "clean", "_site");
        Build(input, clean, cache: false);
        SiteOutputTests.AssertSameFiles(clean, incremental);
    }

    [Test]
    [Platform(Include = "Linux")]
    public void The_cache_is_written_over_the_spares_old_list_and_never_through_a_link()
    {
        // The spare's list, read when the spare is claimed, is the file the new cache is written over (its pages are in
        // the page cache): the same file under the cache's name, cut to the new cache's length. A list that is a link is
        // never written through: the link is replaced by a new file and what it pointed to is left as it was.
        using var folder = new TempFolder("disclosure-incr");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "out", "_site");
        Build(input, output, cache: true);
        Build(input, output, cache: true);
        var list = WriteOutputAtomically.SpareListOf(output);
        var inode = DisclosureSite.Loading.InputCache.StampOf(list).Inode;
        File.AppendAllBytes(list, new byte[100_000]);

        Append(input, "disclosures/beiling/2026-Q3/finance.md", "\n补充说明。\n");
        Build(input, output, cache: true);
        var cache = BuildCache.PathFor(output);
        Assert.That(DisclosureSite.Loading.InputCache.StampOf(cache).Inode, Is.EqualTo(inode), "written over the spare's old list");
        Assert.That(BuildCache.Read(cache), Is.Not.Null.And.Count.EqualTo(Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Count()), "and cut to the new cache's length");
        Assert.That(Directory.EnumerateFiles(Path.GetDirectoryName(output)!, "*.tmp-*"), Is.Empty, "nothing left under a temporary name");

        var outside = Path.Combine(folder.Root, "outside.txt");
        File.WriteAllText(outside, "农户的笔记");
        File.Delete(list);
        File.CreateSymbolicLink(list, outside);
        Append(input, "disclosures/beiling/2026-Q3/finance.md", "\n再次补充。\n");
        Build(input, output, cache: true);
        Assert.That(File.ReadAllText(outside), Is.EqualTo("农户的笔记"), "nothing is written through a link");
        Assert.That(BuildCache.Read(BuildCache.PathFor(output)), Is.Not.Null);
        var clean = Path.Combine(folder.Root, "clean", "_site");
        Build(input, clean, cache: false);
        SiteOutputTests.AssertSameFiles(clean, output);
    }

    [Test]
    [Platform(Include = "Linux")]
    public void A_cache_file_a_killed_build_left_under_its_temporary_name_is_removed_by_the_next_build()
    {
        // A build keeps the spare's list under the cache's temporary name from the claim to the cache's write: killed in
        // between, it leaves that file. The next build removes those of processes gone, and only those.
        using var folder = new TempFolder("disclosure-incr");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "out", "_site");
        Build(input, output, cache: true);
        using var gone = System.Diagnostics.Process.Start("true")!;
        gone.WaitForExit();
        using var running = System.Diagnostics.Process.Start("sleep", "60")!;
        var cache = BuildCache.PathFor(output);
        var dead = cache + ".tmp-" + gone.Id;
        var alive = cache + ".tmp-" + running.Id;
        var notOurs = cache + ".tmp-notes";
        try
        {
            foreach (var file in new[] { dead, alive, notOurs })
            {
                File.WriteAllBytes(file, new byte[4096]);
            }

            Append(input, "disclosures/beiling/2026-Q3/finance.md", "\n补充说明。\n");
            Build(input, output, cache: true);
            Assert.That(File.Exists(dead), Is.False, "a killed build's file is removed");
            Assert.That(File.Exists(alive), Is.True, "a running build's file is left to it");
            Assert.That(File.Exists(notOurs), Is.True, "a file not named by a build is not ours");
        }
        finally
        {
            running.Kill();
        }
    }

    [Test]
    public void A_file_of_an_unchanged_item_edited_in_the_output_is_written_again()
    {
        // An item's files are taken over as a group only when each is still as the previous build left it: a table's
        // download edited by hand (its time set back) means the item is rendered again — its page too, as a clean build.
        using var folder = new TempFolder("disclosure-incr");
        var input = folder.Copy(DemoSite.Input, "input");
        var incremental = Path.Combine(folder.Root, "incremental", "_site");
        Build(input, incremental, cache: true);
        Build(input, incremental, cache: true);
        var download = Directory.EnumerateFiles(Path.Combine(incremental, "beiling", "2026-Q3", "finance"), "*.csv").Single();
        var time = File.GetLastWriteTimeUtc(download);
        File.AppendAllText(download, "手改\r\n");
        File.SetLastWriteTimeUtc(download, time);

        var rebuilt = Build(input, incremental, cache: true);
        var relative = Path.GetRelativePath(incremental, download).Replace(Path.DirectorySeparatorChar, '/');
        Assert.That(rebuilt.FilesWritten, Is.EqualTo(new[] { relative }), "the item ran again; its page's bytes are unchanged and taken over");
        var clean = Path.Combine(folder.Root, "clean", "_site");
        Build(input, clean, cache: false);
        SiteOutputTests.AssertSameFiles(clean, incremental);
    }

    [Test]
    public void The_item_tag_names_every_input_of_an_item_page()
    {
        // RenderItemPages.ItemTag writes the item's inputs field by field (no view walked): an input added to ItemInputs or
        // to a correction's link and not to the tag would let a stale item page be taken over. This list is the tag's; a
        // new field fails here until ItemTag writes it too.
        var itemInputs = typeof(DisclosureSite.Site.Render.Steps.RenderItemPages).GetNestedType("ItemInputs", System.Reflection.BindingFlags.NonPublic);
        Assert.That(itemInputs, Is.Not.Null);
        Assert.That(itemInputs!.GetConstructors().Single().GetParameters().Select(p => p.Name), Is.EqualTo(new[]
        {
            "Content", "Rules", "UnitId", "UnitName", "Level", "ItemName", "Published", "Source", "Status", "Days", "Deadline",
            "Corrected", "Corrections", "Revisions", "BaseUrl", "Issuer",
        }));
        Assert.That(typeof(DisclosureSite.Site.Render.Views.CorrectionLinkView).GetConstructors().Single().GetParameters().Select(p => p.Name), Is.EqualTo(new[] { "Title", "Url", "Date", "Note" }));
        Assert.That(typeof(DisclosureSite.Site.Render.Views.LinkView).GetConstructors().Single().GetParameters().Select(p => p.Name), Is.EqualTo(new[] { "Title", "Url" }));
    }

    [TestCase(1)]
    [TestCase(60)]
    public void A_later_as_of_date_gives_the_pages_of_a_clean_build(int days)
    {
        // Only pages whose templates show the as-of date are keyed by it; statuses that change with it (due → late,
        // 缺报) must still reach every page that shows them.
        using var folder = new TempFolder("disclosure-incr");
        var input = folder.Copy(DemoSite.Input, "input");
        var incremental = Path.Combine(folder.Root, "incremental", "_site");
        Build(input, incremental, cache: true);
        var later = DemoSite.AsOf.AddDays(days);
        var rebuilt = Build(input, incremental, cache: true, later);
        var clean = Path.Combine(folder.Root, "clean", "_site");
        Build(input, clean, cache: false, later);
        SiteOutputTests.AssertSameFiles(clean, incremental);
        if (days == 1)
        {
            Assert.That(rebuilt.FilesReused, Is.GreaterThan(rebuilt.Files / 2), "a new day renders only the pages that show the date or a status that changed");
        }
    }

    [Test]
    public void A_deleted_or_damaged_cache_means_a_full_build_not_an_error()
    {
        using var folder = new TempFolder("disclosure-incr");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "out", "_site");
        Build(input, output, cache: true);
        File.WriteAllText(BuildCache.PathFor(output), "garbage");
        Assert.That(Build(input, output, cache: true).FilesReused, Is.Zero);
        File.Delete(BuildCache.PathFor(output));
        Assert.That(Build(input, output, cache: true).FilesReused, Is.Zero);

        // A file of the site changed by hand is not taken over: the next build writes it again.
        var page = Path.Combine(output, "index.html");
        var original = File.ReadAllText(page);
        File.WriteAllText(page, original.Replace("青石镇", "XX镇", StringComparison.Ordinal));
        Build(input, output, cache: true);
        Assert.That(File.ReadAllText(page), Is.EqualTo(original));
    }

    [Test]
    public void The_previous_cache_becomes_the_spare_list_by_a_rename_and_a_foreign_file_of_that_name_is_left_alone()
    {
        using var folder = new TempFolder("disclosure-incr");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "out", "_site");
        Build(input, output, cache: true);
        var cacheBytes = File.ReadAllBytes(BuildCache.PathFor(output));
        Build(input, output, cache: true);
        Assert.That(File.ReadAllBytes(WriteOutputAtomically.SpareListOf(output)), Is.EqualTo(cacheBytes), "the spare's list is the previous build's cache, renamed");
        Assert.That(File.Exists(BuildCache.PathFor(output) + ".retired"), Is.False, "nothing is left under the retired name");

        var foreign = BuildCache.PathFor(output) + ".retired";
        File.WriteAllText(foreign, "农户的笔记");
        Append(input, "disclosures/beiling/2026-Q3/finance.md", "\n补充说明。\n");
        Build(input, output, cache: true);
        Assert.That(File.ReadAllText(foreign), Is.EqualTo("农户的笔记"), "a file the tool did not write is never replaced");
        var clean = Path.Combine(folder.Root, "clean", "_site");
        Build(input, clean, cache: false);
        SiteOutputTests.AssertSameFiles(clean, output);
        Assert.That(Build(input, output, cache: false).Files, Is.GreaterThan(0));
        Assert.That(File.ReadAllText(foreign), Is.EqualTo("农户的笔记"));
    }

    [Test]
    public void The_spares_own_large_files_are_written_over_and_nothing_they_link_to_is()
    {
        // The manifest and the whole-site data files are written over in the spare (the output two builds old, which
        // nobody reads) when the spare's file is its own: a reader holding the spare's manifest open sees the new bytes.
        // A spare file with a second name (a hard link, as a take-over makes) or a link is never written through: what it
        // names keeps its bytes, and the site is a clean build's either way.
        Assume.That(OperatingSystem.IsLinux(), "hard links made with ln");
        using var folder = new TempFolder("disclosure-incr");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "incremental", "_site");
        const string body = "disclosures/beiling/2026-Q3/finance.md";
        Build(input, output, cache: true);
        Append(input, body, "\n第一次补充:另有捐赠一笔。\n");
        Build(input, output, cache: true);
        var spare = WriteOutputAtomically.SpareOf(output);
        string InSpare(string path) => Path.Combine(spare, path.Replace('/', Path.DirectorySeparatorChar));

        using var held = new FileStream(InSpare(GenerateManifest.Path), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bystander = Path.Combine(folder.Root, "bystander.json");
        File.Move(InSpare("data/disclosures.json"), bystander);
        using (var ln = System.Diagnostics.Process.Start("ln", [bystander, InSpare("data/disclosures.json")]))
        {
            ln.WaitForExit();
            Assert.That(ln.ExitCode, Is.Zero);
        }

        var target = Path.Combine(folder.Root, "target.csv");
        File.Move(InSpare("data/disclosures.csv"), target);
        File.CreateSymbolicLink(InSpare("data/disclosures.csv"), target);
        var bystanderBytes = File.ReadAllBytes(bystander);
        var targetBytes = File.ReadAllBytes(target);

        Append(input, body, "\n第二次补充:捐赠已入账。\n");
        var rebuilt = Build(input, output, cache: true);
        Assert.That(rebuilt.FilesWritten, Is.EqualTo(new[] { "beiling/2026-Q3/finance/index.html", "data/disclosures.csv", "data/disclosures.json", "data/manifest.json" }));
        using (var read = new MemoryStream())
        {
            held.CopyTo(read);
            Assert.That(read.ToArray(), Is.EqualTo(File.ReadAllBytes(Path.Combine(output, GenerateManifest.Path))), "the spare's own manifest was written over");
        }

        Assert.That(File.ReadAllBytes(bystander), Is.EqualTo(bystanderBytes), "a file with a second name is not written through");
        Assert.That(File.ReadAllBytes(target), Is.EqualTo(targetBytes), "a link is not followed");
        var clean = Path.Combine(folder.Root, "clean", "_site");
        Build(input, clean, cache: false);
        SiteOutputTests.AssertSameFiles(clean, output);
        AssertCacheWrittenWhole(output, folder.Root);
    }

    /// <summary>
    /// The cache beside <paramref name="output"/> has the very bytes of its entries written whole in path order (a build
    /// writes it from entries encoded on the other core while the manifest is written, the manifest's put in its place).
    /// </summary>
    private static void AssertCacheWrittenWhole(string output, string scratch)
    {
        var entries = BuildCache.Read(BuildCache.PathFor(output));
        Assert.That(entries, Is.Not.Null.And.Not.Empty);
        var whole = Path.Combine(scratch, "cache-written-whole");
        BuildCache.Write(whole, entries!.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).ToList());
        Assert.That(File.ReadAllBytes(BuildCache.PathFor(output)), Is.EqualTo(File.ReadAllBytes(whole)));
    }

    private static BuildResult Build(string input, string output, bool cache, DateOnly? asOf = null)
    {
        var result = SiteBuilder.Build(new SiteOptions(input, output, asOf ?? DemoSite.AsOf)
        {
            RunPagefind = false,
            UseCache = cache,
            ThemeRoot = Path.Combine(DemoSite.RepoRoot, "themes", "default"),
        });
        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Report.Findings.Take(5)));
        return result;
    }

    private static void Write(string root, string relative, string text)
    {
        var full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static void Append(string root, string relative, string text) => File.AppendAllText(Path.Combine(root, relative), text);

    private static void Replace(string root, string relative, string from, string to)
    {
        var full = Path.Combine(root, relative);
        var text = File.ReadAllText(full);
        Assert.That(text, Does.Contain(from), relative);
        File.WriteAllText(full, text.Replace(from, to, StringComparison.Ordinal));
    }
}
