using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DisclosureSite.Cli.Commands;
using DisclosureSite.Site;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// Issue 17 point 3: the preview's <see cref="SiteSession"/> keeps the loaded input, the parsed theme and the build cache
/// in memory and rebuilds from the files the watcher reported; whatever changed, its output must be byte for byte the
/// output of a clean build of the same input. And the preview's auto-reload: the edit reaches the page through the
/// server and the reload endpoint announces the rebuild; the script that listens to it is never in a built site.
/// </summary>
[TestFixture]
[NonParallelizable]
public class SiteSessionTests
{
    private static readonly string Theme = Path.Combine(DemoSite.RepoRoot, "themes", "default");

    /// <summary>Each change returns the input files it touched (as the watcher would report them).</summary>
    public static IEnumerable<TestCaseData> Changes()
    {
        yield return Case("Item_edit", root => Append(root, "disclosures/beiling/2026-Q3/finance.md", "\n本季度另有一笔捐赠,已入账。\n"));
        yield return Case("Table_edit", root => Replace(root, "disclosures/beiling/2026-Q3/finance-ledger.csv", "防汛物资采购", "防汛抗旱物资采购"));
        yield return Case("Edits_in_two_units", root =>
            [.. Append(root, "disclosures/beiling/2026-Q3/finance.md", "\n补充说明。\n"), .. Replace(root, "disclosures/dongshan/2026-Q3/finance-correction.md", "收支明细第1行", "收支明细第一行")]);
        yield return Case("Correction_note_edit", root => Replace(root, "disclosures/dongshan/2026-Q3/finance-correction.md", "revision_note: 更正收支明细第1行的会计科目", "revision_note: 更正收支明细第一行的会计科目"));
        // The correction now points at another unit's item: that unit's disclosures are the same objects, but the one
        // corrected is listed with a new "corrected by" (its unit's remembered listing must not be taken).
        yield return Case("Correction_pointed_at_another_unit", root => Replace(root, "disclosures/dongshan/2026-Q3/finance-correction.md", "corrects: 2026-Q2/finance", "corrects: beiling/2026-Q2/finance"));
        // The item a correction corrects is reloaded: the correction (not reloaded) must name the new one.
        yield return Case("Corrected_item_edit", root => Append(root, "disclosures/dongshan/2026-Q2/finance.md", "\n补充说明。\n"));
        yield return Case("Withdrawn_added", root => Replace(root, "disclosures/beiling/2026-Q3/finance.md", "published: 2026-10-10\n", "published: 2026-10-10\nwithdrawn: 数据有误,待更正\n"));
        yield return Case("Published_date_edit", root => Replace(root, "disclosures/beiling/2026-Q3/finance.md", "published: 2026-10-", "published: 2026-11-"));
        yield return Case("Editor_swap_file_beside_an_item", root => Write(root, "disclosures/beiling/2026-Q3/.finance.md.swp", "vim"));
        yield return Case("File_deleted", root =>
        {
            File.Delete(Path.Combine(root, "disclosures/beiling/2026-Q3/public-works.md"));
            return ["disclosures/beiling/2026-Q3/public-works.md"];
        });
        yield return Case("File_added", root =>
        {
            var text = File.ReadAllText(Path.Combine(root, "disclosures/beiling/2026-Q3/public-works.md"))
                .Replace("title: 2026年第三季度路灯太阳能改造建设情况", "title: 2026年第三季度村道硬化建设情况", StringComparison.Ordinal);
            return Write(root, "disclosures/beiling/2026-Q3/public-works-road.md", text);
        });
        yield return Case("Site_yaml_edit", root => Replace(root, "site.yaml", "name: 青石镇三务公开", "name: 青石镇村务公开"));
        yield return Case("Units_csv_edit", root => Replace(root, "units.csv", "dongshan,东山村,", "dongshan,东山新村,"));
        yield return Case("Theme_override_added", root => Write(root, "theme/partials/entry.liquid", File.ReadAllText(Path.Combine(Theme, "partials", "entry.liquid")) + "<!-- 本镇主题 -->\n"));
    }

    [TestCaseSource(nameof(Changes))]
    public void A_rebuild_after_a_change_equals_a_clean_build(Func<string, string[]> change)
    {
        using var folder = new TempFolder("disclosure-session");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "preview", "_site");
        using var session = new SiteSession(Options(input, output));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);

        var touched = change(input);
        session.Changed(touched.Select(t => Path.Combine(input, t)));
        var rebuilt = session.Build(DemoSite.AsOf);
        Assert.That(rebuilt.Succeeded, Is.True, string.Join("\n", rebuilt.Report.Findings.Where(f => f.IsError).Take(5)));
        SiteOutputTests.AssertSameFiles(Clean(input, folder.Root, "clean"), output);
        if (touched.All(t => t.StartsWith("theme/", StringComparison.Ordinal)))
        {
            Assert.That(rebuilt.Phases.Select(p => p.Name), Does.Not.Contain("Load").And.Not.Contain("Validate"), "only the theme changed: the loaded input is kept");
        }
        else
        {
            Assert.That(rebuilt.Phases.Select(p => p.Name), Does.Contain("Load"));
        }

        if (touched.All(t => t.StartsWith("disclosures/", StringComparison.Ordinal)))
        {
            Assert.That(rebuilt.FilesReused, Is.GreaterThan(rebuilt.Files / 2), "an item edit renders only what depends on it");
        }

        // Edits inside period folders that keep every disclosure reload only those folders; an added or deleted file,
        // or a change outside disclosures/, loads the whole input.
        // The validation keeps the dates and compliance matrix when the edited disclosures count for the schedule as before.
        var kept = TestContext.CurrentContext.Test.Name is "Item_edit" or "Table_edit" or "Edits_in_two_units" or "Correction_note_edit" or "Correction_pointed_at_another_unit" or "Editor_swap_file_beside_an_item"
            or "Corrected_item_edit" or "Withdrawn_added";
        var partial = kept || TestContext.CurrentContext.Test.Name is "Published_date_edit";
        Assert.That(session.PartialLoads, Is.EqualTo(partial ? 1 : 0), "partial loads");
        Assert.That(session.Revalidations, Is.EqualTo(kept ? 1 : 0), "validations that kept the compliance matrix");

        // Undone, the next rebuild of the same session gives the original site again.
        Directory.Delete(input, recursive: true);
        folder.Copy(DemoSite.Input, "input");
        session.Changed(touched.Select(t => Path.Combine(input, t)));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
        SiteOutputTests.AssertSameFiles(Clean(input, folder.Root, "original"), output);
    }

    /// <summary>
    /// Random clerk edits of disclosures, one or two per rebuild (a body line, a title, a withdrawal made or undone, a
    /// published date, a table cell), fixed seeds: after each rebuild of one session the output equals a clean build. The
    /// partial load, the rerun and the patched facts (PublicDisclosures.Make, ComplianceFacts.Make) meet edits one after
    /// another, not one from a fresh session.
    /// </summary>
    [TestCase(7)]
    [TestCase(11)]
    public void Random_edits_in_one_session_each_equal_a_clean_build(int seed)
    {
        using var folder = new TempFolder("disclosure-session");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "preview", "_site");
        using var session = new SiteSession(Options(input, output));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
        var root = Path.Combine(input, "disclosures");
        var markdown = Directory.GetFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        // The UTF-8 ledgers (the demo's GBK files would be rewritten as something else): their 摘要 is edited.
        var tables = Directory.GetFiles(root, "*-ledger.csv", SearchOption.AllDirectories).Where(f => File.ReadAllText(f).StartsWith("日期,摘要,", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(seed);
        for (var step = 1; step <= 5; step++)
        {
            var touched = new List<string>();
            var done = new List<string>();
            for (var k = random.Next(1, 3); k > 0; k--)
            {
                var kind = random.Next(6);
                var file = kind == 5 ? tables[random.Next(tables.Length)] : markdown[random.Next(markdown.Length)];
                var text = File.ReadAllText(file);
                text = kind switch
                {
                    0 => text + $"\n第{step}次补充说明。\n",
                    1 => Regex.Replace(text, "^title: .*$", m => m.Value + "（修订）", RegexOptions.Multiline),
                    2 => text.Contains("\nwithdrawn:", StringComparison.Ordinal) ? text : text.Replace("\ntitle:", "\nwithdrawn: 数据有误,待更正\ntitle:", StringComparison.Ordinal),
                    3 => text.Replace("withdrawn: 数据有误,待更正\n", string.Empty, StringComparison.Ordinal),
                    4 => Regex.Replace(text, @"^published: (\d{4})-(\d{2})-(\d{2})", m => $"published: {m.Groups[1].Value}-{m.Groups[2].Value}-{int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) % 27 + 1:00}", RegexOptions.Multiline),
                    _ => EditSummary(text, step),
                };
                File.WriteAllText(file, text);
                touched.Add(file);
                done.Add($"{kind} {Path.GetRelativePath(input, file)}");
            }

            session.Changed(touched);
            var rebuilt = session.Build(DemoSite.AsOf);
            var clean = Path.Combine(folder.Root, $"clean-{step}", "_site");
            var expected = SiteBuilder.Build(Options(input, clean) with { UseCache = false });
            Assert.That(expected.Succeeded && rebuilt.Succeeded, Is.True, string.Join("; ", done));
            SiteOutputTests.AssertSameFiles(clean, output);
        }
    }

    /// <summary>The ledger with its first row's 摘要 (second cell) changed: the table changes, its totals do not.</summary>
    private static string EditSummary(string csv, int step)
    {
        var lines = csv.Split('\n');
        var cells = lines[1].Split(',');
        cells[1] += "（第" + step.ToString(CultureInfo.InvariantCulture) + "次改）";
        lines[1] = string.Join(',', cells);
        return string.Join('\n', lines);
    }

    [Test]
    public void Input_errors_keep_the_site_and_the_fix_gives_a_clean_build()
    {
        using var folder = new TempFolder("disclosure-session");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "preview", "_site");
        using var session = new SiteSession(Options(input, output));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
        var before = File.ReadAllText(Path.Combine(output, "index.html"));

        var broken = Replace(input, "disclosures/beiling/2026-Q3/finance.md", "item: village.finance", "item: village.no-such-item");
        session.Changed(broken.Select(t => Path.Combine(input, t)));
        var failed = session.Build(DemoSite.AsOf);
        Assert.That(failed.Succeeded, Is.False);
        Assert.That(File.ReadAllText(Path.Combine(output, "index.html")), Is.EqualTo(before), "the previous site stays");

        Replace(input, "disclosures/beiling/2026-Q3/finance.md", "item: village.no-such-item", "item: village.finance");
        session.Changed(broken.Select(t => Path.Combine(input, t)));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
        SiteOutputTests.AssertSameFiles(Clean(input, folder.Root, "clean"), output);
    }

    /// <summary>
    /// A reload of the changed period folders only reports what a whole load and validation of the same input report:
    /// a table cell made wrong, a correction made to point at nothing, then both fixed (the whole site equals a clean build).
    /// </summary>
    [Test]
    public void A_partial_reload_finds_what_a_whole_check_finds()
    {
        using var folder = new TempFolder("disclosure-session");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "preview", "_site");
        using var session = new SiteSession(Options(input, output));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);

        string[] touched =
        [
            .. Replace(input, "disclosures/beiling/2026-Q3/finance-ledger.csv", "\"2,380.00\"", "2380元整"),
            .. Replace(input, "disclosures/dongshan/2026-Q3/finance-correction.md", "corrects: 2026-Q2/finance", "corrects: 2026-Q2/no-such-item"),
        ];
        session.Changed(touched.Select(t => Path.Combine(input, t)));
        var failed = session.Build(DemoSite.AsOf);
        Assert.That(session.PartialLoads, Is.EqualTo(1));
        Assert.That(session.Revalidations, Is.EqualTo(1));
        var whole = DisclosureSite.Validation.Validator.Check(DisclosureSite.Loading.InputLoader.Load(input), DemoSite.AsOf);
        Assert.That(whole.Findings.Select(f => f.ToString()), Does.Contain(whole.Findings.First(f => f.File == "disclosures/dongshan/2026-Q3/finance-correction.md" && f.IsError).ToString()));
        Assert.That(whole.Findings.Any(f => f.File == "disclosures/beiling/2026-Q3/finance-ledger.csv" && f.IsError), Is.True);
        Assert.That(failed.Succeeded, Is.False);
        Assert.That(failed.Report.Findings.Select(f => f.ToString()), Is.EqualTo(whole.Findings.Select(f => f.ToString())));

        Replace(input, "disclosures/beiling/2026-Q3/finance-ledger.csv", "2380元整", "\"2,380.00\"");
        Replace(input, "disclosures/dongshan/2026-Q3/finance-correction.md", "corrects: 2026-Q2/no-such-item", "corrects: 2026-Q2/finance");
        session.Changed(touched.Select(t => Path.Combine(input, t)));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
        Assert.That(session.PartialLoads, Is.EqualTo(2));
        SiteOutputTests.AssertSameFiles(Clean(input, folder.Root, "clean"), output);
    }

    /// <summary>
    /// A rerun's report takes the masked form of the messages the previous run masked (ValidationContext.Redactions) and
    /// masks the new ones: a mobile number typed where an amount belongs is never in a message, run after run.
    /// </summary>
    [Test]
    public void A_rerun_masks_personal_data_in_messages_as_a_whole_check_does()
    {
        using var folder = new TempFolder("disclosure-session");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "preview", "_site");
        using var session = new SiteSession(Options(input, output));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);

        var touched = Replace(input, "disclosures/beiling/2026-Q3/finance-ledger.csv", "\"2,380.00\"", "13812345678");
        session.Changed(touched.Select(t => Path.Combine(input, t)));
        var first = session.Build(DemoSite.AsOf);
        foreach (var report in new[] { first.Report, Rebuild() })
        {
            var whole = DisclosureSite.Validation.Validator.Check(DisclosureSite.Loading.InputLoader.Load(input), DemoSite.AsOf);
            Assert.That(report.Findings.Select(f => f.ToString()), Is.EqualTo(whole.Findings.Select(f => f.ToString())));
            Assert.That(report.Findings.Where(f => f.Message.Contains("138", StringComparison.Ordinal)), Is.Not.Empty, "the cell is quoted, masked");
            Assert.That(report.Findings.Select(f => f.Message + f.Text.En), Has.None.Contains("13812345678"));
        }

        Assert.That(session.Revalidations, Is.EqualTo(2), "both reruns kept the previous validation");

        // Another edit in the same unit: the report of the rerun is made from the previous run's masked messages.
        DisclosureSite.Validation.CheckReport Rebuild()
        {
            session.Changed(Append(input, "disclosures/beiling/2026-Q3/finance.md", "\n补充说明。\n").Select(t => Path.Combine(input, t)));
            return session.Build(DemoSite.AsOf).Report;
        }
    }

    /// <summary>
    /// A session keeps the build cache and the spare's list in memory (none on disk while it runs, so no other process
    /// trusts them); when it ends it writes them, and a `disclosure build` of the same output then takes over the files
    /// as after any build, and equals a clean build.
    /// </summary>
    [Test]
    public void A_build_after_the_session_ends_takes_over_its_output()
    {
        using var folder = new TempFolder("disclosure-session");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "preview", "_site");
        var cacheFile = DisclosureSite.Site.Write.BuildCache.PathFor(output);
        var spareList = DisclosureSite.Site.Write.WriteOutputAtomically.SpareListOf(output);
        using (var session = new SiteSession(Options(input, output)))
        {
            Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
            for (var i = 1; i <= 2; i++)
            {
                session.Changed(Append(input, "disclosures/beiling/2026-Q3/finance.md", $"\n第 {i} 次补充。\n").Select(t => Path.Combine(input, t)));
                var rebuilt = session.Build(DemoSite.AsOf);
                Assert.That(rebuilt.Succeeded, Is.True);
                Assert.That(rebuilt.FilesReused, Is.GreaterThan(rebuilt.Files / 2), "the output is rebuilt in place");
                Assert.That(File.Exists(cacheFile) || File.Exists(spareList), Is.False, "no cache on disk while the session runs");
            }

            SiteOutputTests.AssertSameFiles(Clean(input, folder.Root, "clean-1"), output);
        }

        Assert.That(File.Exists(cacheFile), Is.True, "written when the session ends");
        Assert.That(File.Exists(spareList), Is.EqualTo(Directory.Exists(DisclosureSite.Site.Write.WriteOutputAtomically.SpareOf(output))), "a spare has its list");
        Append(input, "disclosures/beiling/2026-Q3/finance.md", "\n会后补充。\n");
        var after = SiteBuilder.Build(Options(input, output));
        Assert.That(after.Succeeded, Is.True);
        Assert.That(after.FilesReused, Is.GreaterThan(after.Files / 2), "the next build takes over the session's output");
        SiteOutputTests.AssertSameFiles(Clean(input, folder.Root, "clean-2"), output);
    }

    /// <summary>
    /// After its first build the session rebuilds its output in place: only the files whose bytes change are written
    /// (each renamed over the old one), the others are not touched, and no temporary folder or spare is made.
    /// </summary>
    [Test]
    public void A_rebuild_in_place_writes_only_the_changed_files()
    {
        using var folder = new TempFolder("disclosure-session");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "preview", "_site");
        using var session = new SiteSession(Options(input, output));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
        var siblings = Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!).Order(StringComparer.Ordinal).ToList();
        var home = Path.Combine(output, "index.html");
        var homeTime = File.GetLastWriteTimeUtc(home);

        session.Changed(Append(input, "disclosures/beiling/2026-Q3/finance.md", "\n补充说明。\n").Select(t => Path.Combine(input, t)));
        var rebuilt = session.Build(DemoSite.AsOf);
        Assert.That(rebuilt.Succeeded, Is.True);
        Assert.That(rebuilt.Phases.Select(p => p.Name), Does.Not.Contain("PrepareOutputFolder").And.Not.Contain("WriteOutputAtomically"), "in place: nothing prepared, nothing swapped");
        Assert.That(rebuilt.FilesWritten, Is.EqualTo(new[] { "beiling/2026-Q3/finance/index.html", "data/disclosures.csv", "data/disclosures.json", "data/manifest.json" }));
        Assert.That(rebuilt.FilesReused, Is.EqualTo(rebuilt.Files - rebuilt.FilesWritten.Count));
        Assert.That(File.GetLastWriteTimeUtc(home), Is.EqualTo(homeTime));
        Assert.That(Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!).Order(StringComparer.Ordinal), Is.EqualTo(siblings), "no temporary folder, spare or cache beside the output");
        Assert.That(Directory.EnumerateFiles(output, "*.partial-*", SearchOption.AllDirectories), Is.Empty);
        SiteOutputTests.AssertSameFiles(Clean(input, folder.Root, "clean"), output);
    }

    /// <summary>
    /// The session trusts the output it wrote: a page edited, deleted or added by hand while the preview runs stays so
    /// (a rebuild replaces only the files whose inputs changed) until the output is checked file by file — after a
    /// watcher overflow, or by the first build of a new process (the build cache the session leaves has each file's size
    /// and time) — which gives a clean build again.
    /// </summary>
    [Test]
    public void A_page_edited_or_deleted_by_hand_stays_until_the_output_is_checked()
    {
        using var folder = new TempFolder("disclosure-session");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "preview", "_site");
        var home = Path.Combine(output, "index.html");
        var unit = Path.Combine(output, "dongshan", "index.html");
        var item = Path.Combine(output, "beiling", "2026-Q3", "finance", "index.html");
        using (var session = new SiteSession(Options(input, output)))
        {
            Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
            File.AppendAllText(home, "<!-- 手工改动 -->");
            File.Delete(unit);
            File.WriteAllText(Path.Combine(output, "stray.txt"), "手工放进来的文件");

            session.Changed(Append(input, "disclosures/beiling/2026-Q3/finance.md", "\n补充说明。\n").Select(t => Path.Combine(input, t)));
            Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
            Assert.That(File.ReadAllText(item), Does.Contain("补充说明。"), "the edit is in the preview");
            Assert.That(File.ReadAllText(home), Does.EndWith("<!-- 手工改动 -->"), "trusted: not looked at");
            Assert.That(File.Exists(unit), Is.False, "trusted: not looked at");
            Assert.That(File.Exists(Path.Combine(output, "stray.txt")), Is.True);

            // A file added by hand is not one the tool wrote: no check looks for it (nor does `build`'s: it would stay in
            // the spare and come back with it), so it is taken out by hand.
            File.Delete(Path.Combine(output, "stray.txt"));

            // A watcher overflow: the session checks every file (a build into a new folder, swapped in).
            session.ChangedEverything();
            Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
            SiteOutputTests.AssertSameFiles(Clean(input, folder.Root, "clean-1"), output);

            // Once more by hand; then the preview ends and a build of a new process finds the edits by their sizes and times.
            File.AppendAllText(home, "<!-- 手工改动 -->");
            File.Delete(unit);
            session.Changed(Append(input, "disclosures/beiling/2026-Q3/finance.md", "\n再补充。\n").Select(t => Path.Combine(input, t)));
            Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
        }

        var after = SiteBuilder.Build(Options(input, output));
        Assert.That(after.Succeeded, Is.True);
        Assert.That(after.FilesWritten, Does.Contain("index.html").And.Contain("dongshan/index.html"));
        SiteOutputTests.AssertSameFiles(Clean(input, folder.Root, "clean-2"), output);
    }

    /// <summary>
    /// A rebuild in place that fails half-way (a template that breaks on item pages only, after the other steps wrote
    /// their pages): every file stays whole and none goes missing; the fix rebuilds in place to a clean build's bytes.
    /// </summary>
    [Test]
    public void A_theme_breaking_in_the_middle_of_a_rebuild_in_place_then_fixed()
    {
        using var folder = new TempFolder("disclosure-session");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "preview", "_site");
        using var session = new SiteSession(Options(input, output));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
        var clean = Clean(input, folder.Root, "clean");
        static List<string> Listing(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();

        var broken = Write(input, "theme/layouts/item.liquid", "{% include 'no-such-partial' %}");
        var home = File.ReadAllText(Path.Combine(Theme, "layouts", "home.liquid"));
        string[] touched = [.. broken, .. Write(input, "theme/layouts/home.liquid", home + "<!-- 改过的首页 -->\n")];
        session.Changed(touched.Select(t => Path.Combine(input, t)));
        Assert.Throws<DisclosureSite.Site.Render.ThemeException>(() => session.Build(DemoSite.AsOf));
        Assert.That(Listing(output), Is.EqualTo(Listing(clean)), "no file missing, none left half-written");

        File.Delete(Path.Combine(input, "theme/layouts/item.liquid"));
        session.Changed(broken.Select(t => Path.Combine(input, t)));
        var fixedBuild = session.Build(DemoSite.AsOf);
        Assert.That(fixedBuild.Succeeded, Is.True);
        Assert.That(fixedBuild.Phases.Select(p => p.Name), Does.Not.Contain("PrepareOutputFolder"), "still in place");
        SiteOutputTests.AssertSameFiles(Clean(input, folder.Root, "clean-fixed"), output);

        File.Delete(Path.Combine(input, "theme/layouts/home.liquid"));
        session.Changed(touched.Select(t => Path.Combine(input, t)));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
        SiteOutputTests.AssertSameFiles(clean, output);
    }

    /// <summary>
    /// A later as-of date with no file changed (the preview left running overnight): the same disclosure objects get new
    /// facts (days late, what has become due), so what the session remembers of each must be made again where they changed.
    /// </summary>
    [Test]
    public void A_later_as_of_date_with_no_file_changed_equals_a_clean_build()
    {
        using var folder = new TempFolder("disclosure-session");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "preview", "_site");
        using var session = new SiteSession(Options(input, output));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
        foreach (var asOf in new[] { DemoSite.AsOf.AddDays(45), DemoSite.AsOf })
        {
            var rebuilt = session.Build(asOf);
            Assert.That(rebuilt.Succeeded, Is.True);
            var clean = Path.Combine(folder.Root, "clean-" + asOf.DayNumber, "_site");
            Assert.That(SiteBuilder.Build(Options(input, clean) with { AsOf = asOf, UseCache = false }).Succeeded, Is.True);
            SiteOutputTests.AssertSameFiles(clean, output);
        }
    }

    /// <summary>
    /// The personal-data scan of the standing files (contact cards, rosters, 民情台账, decisions) is remembered by the
    /// loaded lists it read: a rebuild that reloads only disclosures does not scan them again, and an edit to one of them
    /// (a whole load, new lists) is scanned — the session reports what a whole check reports, and the fix builds clean.
    /// </summary>
    [Test]
    public void Personal_data_put_into_a_contact_card_is_found_by_the_session()
    {
        using var folder = new TempFolder("disclosure-session");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "preview", "_site");
        using var session = new SiteSession(Options(input, output));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
        session.Changed(Append(input, "disclosures/beiling/2026-Q3/finance.md", "\n补充说明。\n").Select(t => Path.Combine(input, t)));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);

        var touched = Replace(input, "people.csv", "主持镇党委全面工作", "主持镇党委全面工作，手机13812345678");
        session.Changed(touched.Select(t => Path.Combine(input, t)));
        var found = session.Build(DemoSite.AsOf);
        var whole = DisclosureSite.Validation.Validator.Check(DisclosureSite.Loading.InputLoader.Load(input), DemoSite.AsOf);
        Assert.That(whole.Findings.Where(f => f.File == "people.csv").Select(f => f.Code), Does.Contain("privacy.mobile"));
        Assert.That(found.Report.Findings.Select(f => f.ToString()), Is.EqualTo(whole.Findings.Select(f => f.ToString())));

        Replace(input, "people.csv", "主持镇党委全面工作，手机13812345678", "主持镇党委全面工作");
        session.Changed(touched.Select(t => Path.Combine(input, t)));
        var fixedBuild = session.Build(DemoSite.AsOf);
        Assert.That(fixedBuild.Report.Findings.Where(f => f.File == "people.csv"), Is.Empty);
        SiteOutputTests.AssertSameFiles(Clean(input, folder.Root, "clean"), output);
    }

    /// <summary>After a watcher overflow the session loads everything again, and sees an edit the watcher never reported.</summary>
    [Test]
    public void After_a_watcher_overflow_everything_is_read_again()
    {
        using var folder = new TempFolder("disclosure-session");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "preview", "_site");
        using var session = new SiteSession(Options(input, output));
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);

        Append(input, "disclosures/beiling/2026-Q3/finance.md", "\n没有报告的改动。\n");
        session.ChangedEverything();
        Assert.That(session.Build(DemoSite.AsOf).Succeeded, Is.True);
        Assert.That(session.PartialLoads, Is.Zero);
        SiteOutputTests.AssertSameFiles(Clean(input, folder.Root, "clean"), output);
    }

    [Test]
    public void The_search_index_of_the_first_build_is_kept_not_made_again()
    {
        using var folder = new TempFolder("disclosure-session");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "preview", "_site");
        using var session = new SiteSession(Options(input, output) with { RunPagefind = true, WorkingDirectory = DemoSite.RepoRoot });
        var first = session.Build(DemoSite.AsOf);
        RequiredTools.Require(first.SearchIndexed, "Pagefind (node_modules/.bin/pagefind: run npm ci)");
        var index = Directory.EnumerateFiles(Path.Combine(output, "pagefind"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).Order(StringComparer.Ordinal).ToList();

        session.Changed(Append(input, "disclosures/beiling/2026-Q3/finance.md", "\n补充说明。\n").Select(t => Path.Combine(input, t)));
        var rebuilt = session.Build(DemoSite.AsOf);
        Assert.That(rebuilt.SearchIndexed, Is.True);
        Assert.That(rebuilt.Phases.Select(p => p.Name), Does.Not.Contain("RunPagefind"), "Pagefind runs once per session");
        Assert.That(Directory.EnumerateFiles(Path.Combine(output, "pagefind"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).Order(StringComparer.Ordinal), Is.EqualTo(index));
        Assert.That(File.ReadAllText(Path.Combine(output, "beiling", "2026-Q3", "finance", "index.html")), Does.Contain("补充说明。"));
    }

    [Test]
    public async Task An_edit_reaches_the_page_through_the_server_and_the_reload_event_fires()
    {
        using var folder = new TempFolder("disclosure-session");
        var input = folder.Copy(DemoSite.Input, "input");
        var output = Path.Combine(folder.Root, "_site");
        var port = TestPaths.FreePort();
        var context = new DisclosureSite.Cli.CliContext(TextWriter.Null, TextWriter.Null, TimeProvider.System);
        using var preview = PreviewCommand.Start(DisclosureSite.Cli.CliInput.Open(input, context)!, output, port, () => DemoSite.AsOf, context);
        Assert.That(preview.Rebuilder.Problem, Is.Null);
        await preview.App.StartAsync().ConfigureAwait(false);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            var page = new Uri(preview.Url + "beiling/2026-Q3/finance/");
            var first = await http.GetStringAsync(page).ConfigureAwait(false);
            Assert.That(first, Does.Contain(PreviewCommand.ReloadScript), "served pages listen for rebuilds");
            Assert.That(File.ReadAllText(Path.Combine(output, "beiling", "2026-Q3", "finance", "index.html")), Does.Not.Contain("data-disclosure-preview"), "the file on disk does not hold the script");

            using var events = new StreamReader(await http.GetStreamAsync(new Uri($"http://127.0.0.1:{port}{PreviewCommand.ReloadPath}")).ConfigureAwait(false));
            var current = await NextEvent(events).ConfigureAwait(false);

            // The watcher sees the edit, the session rebuilds, the endpoint announces a new build.
            Append(input, "disclosures/beiling/2026-Q3/finance.md", "\n预览里马上能看到这一句。\n");
            var next = await NextEvent(events).ConfigureAwait(false);
            Assert.That(next, Is.Not.EqualTo(current), "a rebuild gives a new build number");
            Assert.That(preview.Rebuilder.Problem, Is.Null);
            Assert.That(await http.GetStringAsync(page).ConfigureAwait(false), Does.Contain("预览里马上能看到这一句。"));

            // A failing rebuild is announced too, and every page shows its problem.
            var problem = Replace(input, "units.csv", "dongshan,东山村,", "dongshan,,");
            Assert.That(problem, Is.Not.Empty);
            Assert.That(await NextEvent(events).ConfigureAwait(false), Is.Not.EqualTo(next));
            Assert.That(await http.GetStringAsync(page).ConfigureAwait(false), Does.Contain("role=\"alert\"").And.Contain(PreviewCommand.ReloadScript));
        }
        finally
        {
            await preview.App.StopAsync().ConfigureAwait(false);
            await preview.App.DisposeAsync().ConfigureAwait(false);
        }
    }

    [Test]
    public void The_reload_script_is_never_in_a_built_site()
    {
        Assert.That(DemoSite.Result.Succeeded, Is.True);
        foreach (var file in Directory.EnumerateFiles(DemoSite.Root, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.That(text, Does.Not.Contain("data-disclosure-preview").And.Not.Contain(PreviewCommand.ReloadPath), file);
        }

        Assert.That(PreviewCommand.WithReloadScript("<html><body><p>x</p></body></html>"), Is.EqualTo("<html><body><p>x</p>" + PreviewCommand.ReloadScript + "</body></html>"));
    }

    /// <summary>The data of the next server-sent event (a build number).</summary>
    private static async Task<string> NextEvent(StreamReader events)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (await events.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line["data: ".Length..];
            }
        }

        throw new EndOfStreamException("the reload stream ended");
    }

    private static SiteOptions Options(string input, string output) => new(input, output, DemoSite.AsOf) { RunPagefind = false, ThemeRoot = Theme };

    private static string Clean(string input, string root, string name)
    {
        var output = Path.Combine(root, name, "_site");
        var result = SiteBuilder.Build(Options(input, output) with { UseCache = false });
        Assert.That(result.Succeeded, Is.True);
        return output;
    }

    private static TestCaseData Case(string name, Func<string, string[]> change) => new TestCaseData(change).SetName(name);

    private static string[] Write(string root, string relative, string text)
    {
        var full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return [relative];
    }

    private static string[] Append(string root, string relative, string text)
    {
        File.AppendAllText(Path.Combine(root, relative), text);
        return [relative];
    }

    private static string[] Replace(string root, string relative, string from, string to)
    {
        var full = Path.Combine(root, relative);
        var text = File.ReadAllText(full);
        Assert.That(text, Does.Contain(from), relative);
        File.WriteAllText(full, text.Replace(from, to, StringComparison.Ordinal));
        return [relative];
    }
}
