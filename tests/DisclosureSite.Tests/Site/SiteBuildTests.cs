using System.Diagnostics;
using System.Text.Json;
using AngleSharp.Html.Parser;
using DisclosureSite.Loading;
using DisclosureSite.Site;
using DisclosureSite.Site.Render;

namespace DisclosureSite.Tests.Site;

/// <summary>Clerks' Markdown is untrusted; downloads are spreadsheet-safe; output is written atomically and keeps timestamps.</summary>
[TestFixture]
public class SiteBuildTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 24);

    private const string Hostile = """
        ---
        item: village.finance
        title: 恶意内容测试
        published: 2026-10-10
        tables:
          - file: finance-ledger.csv
            schema: ledger
        ---
        正文<script>alert('x')</script>结束。

        <img src=x onerror="alert(1)">

        <iframe src="https://evil.example/"></iframe>

        [点我](javascript:alert(1)) [再点](JaVaScRiPt:alert(2)) [换行](java
        script:alert(3)) [编码](javascript&#58;alert(4)) [vb](vbscript:msgbox(1)) [数据](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

        ![图](javascript:alert(5)) ![图2](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)

        <javascript:alert(6)>

        [正常链接](https://example.org/) [电话](tel:0591-1234567)
        """;

    private const string Ledger = "日期,摘要,收入,支出\n2026-07-01,\"=HYPERLINK(\"\"https://evil.example\"\")\",100.00,\n2026-07-02,+1+1,,30.00\n2026-07-03,@SUM(A1),,20.00\n,合计,100.00,50.00";

    [Test]
    public void Hostile_markdown_is_inert()
    {
        using var input = new TinyInput();
        input.Write("disclosures/v1/2026-Q3/finance.md", Hostile);
        input.Write("disclosures/v1/2026-Q3/finance-ledger.csv", Ledger);
        var result = input.Build(AsOf);
        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Report.Findings.Select(f => f.Code + " " + f.Message)));

        var html = File.ReadAllText(Path.Combine(input.Output, "v1", "2026-Q3", "finance", "index.html"));
        var doc = new HtmlParser().ParseDocument(html);
        var main = doc.QuerySelector("main")!;
        Assert.Multiple(() =>
        {
            Assert.That(
                doc.QuerySelectorAll("script").Select(e => e.GetAttribute("src")),
                Is.EqualTo(new[] { "../../../assets/prefs.js" }),
                "the only script on an item page is the theme's own preferences script (large type, contrast)");
            Assert.That(main.QuerySelectorAll("iframe, object, embed"), Is.Empty);
            Assert.That(main.QuerySelectorAll("*").SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)), Is.Empty, "no event handler attributes");
            var urls = main.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToList();
            Assert.That(urls.Where(u => !SafeMarkdown.IsSafe(u)), Is.Empty, "no javascript:, vbscript: or data: URL survives");
            Assert.That(urls, Does.Contain("https://example.org/").And.Contain("tel:0591-1234567"), "ordinary links still work");
            Assert.That(main.TextContent, Does.Contain("<script>alert('x')</script>"), "raw HTML is shown as text, not run");
        });
    }

    // CsvHelper's CsvInjection.Escape: the ' goes in front and the cell is quoted (before issue 18 the hand-written
    // encoder left an escaped cell without commas or quotes unquoted; a spreadsheet reads both as the same text).
    [TestCase("=1+1", "\"'=1+1\"")]
    [TestCase("+86", "\"'+86\"")]
    [TestCase("-2", "\"'-2\"")]
    [TestCase("@SUM(A1)", "\"'@SUM(A1)\"")]
    [TestCase("\tx", "\"'\tx\"")]
    [TestCase("\rx", "\"'\rx\"")]
    [TestCase("a,b", "\"a,b\"")]
    [TestCase("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [TestCase("普通文字", "普通文字")]
    [TestCase("2026-07-01", "2026-07-01")]
    [TestCase("", "")]
    [TestCase(null, "")]
    public void Csv_cells_that_a_spreadsheet_would_run_are_prefixed(string? cell, string expected) =>
        Assert.That(SafeCsv.Cell(cell), Is.EqualTo(expected));

    [Test]
    public void Table_download_is_escaped_against_formula_injection()
    {
        using var input = new TinyInput();
        input.Write("disclosures/v1/2026-Q3/finance.md", Hostile);
        input.Write("disclosures/v1/2026-Q3/finance-ledger.csv", Ledger);
        Assert.That(input.Build(AsOf).Succeeded, Is.True);
        var csv = File.ReadAllText(Path.Combine(input.Output, "v1", "2026-Q3", "finance", "finance-ledger.csv"));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n");
        Assert.That(lines[1], Does.StartWith("2026-07-01,\"'=HYPERLINK("));
        Assert.That(lines[2], Does.StartWith("2026-07-02,\"'+1+1\""));
        Assert.That(lines[3], Does.StartWith("2026-07-03,\"'@SUM(A1)\""));
    }

    [Test]
    public void Input_errors_stop_the_build_and_leave_the_previous_site_untouched()
    {
        using var input = new TinyInput();
        input.Write("disclosures/v1/2026-Q3/finance.md", "---\nitem: village.finance\npublished: 2026-10-10\n---\n本季度收支见公开栏。");
        Assert.That(input.Build(AsOf).Succeeded, Is.True);
        var before = Snapshot(input.Output);

        input.Write("disclosures/v1/2026-Q3/land.md", "---\nitem: village.no-such-item\n---\n坏数据");
        var broken = input.Build(AsOf);
        Assert.Multiple(() =>
        {
            Assert.That(broken.Outcome, Is.EqualTo(BuildOutcome.InputErrors));
            Assert.That(broken.Report.Findings.Select(f => f.Code), Does.Contain("input.unknown-item"));
            Assert.That(Snapshot(input.Output), Is.EqualTo(before), "every file of the previous site as it was");
            Assert.That(Directory.GetDirectories(Path.GetDirectoryName(input.Output)!), Has.Length.EqualTo(1), "no temporary folder left behind");
        });
    }

    [Test]
    public void Unchanged_files_keep_their_timestamps_and_changed_ones_do_not()
    {
        using var input = new TinyInput();
        input.Write("disclosures/v1/2026-Q3/finance.md", "---\nitem: village.finance\npublished: 2026-10-10\n---\n本季度收支见公开栏。");
        Assert.That(input.Build(AsOf).Succeeded, Is.True);
        var item = Path.Combine(input.Output, "v1", "2026-Q3", "finance", "index.html");
        var home = Path.Combine(input.Output, "index.html");
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(item, past);
        File.SetLastWriteTimeUtc(home, past);

        var result = input.Build(AsOf.AddDays(1)); // the home page says "还有 N 天", so it changes; the item page does not
        Assert.That(result.Succeeded, Is.True);
        Assert.That(File.GetLastWriteTimeUtc(item), Is.EqualTo(past));
        Assert.That(File.GetLastWriteTimeUtc(home), Is.GreaterThan(past));
    }

    [Test]
    public void Build_with_no_search_writes_no_search_index()
    {
        using var input = new TinyInput();
        var stdout = new StringWriter();
        var code = DisclosureSite.Cli.CommandLine.Run(["build", "--no-search", "--input", input.Input, "--output", input.Output, "--as-of", "2026-11-24"], new DisclosureSite.Cli.CliContext(stdout, new StringWriter(), new FixedClock(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero))));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stdout.ToString());
            Assert.That(Directory.Exists(Path.Combine(input.Output, "pagefind")), Is.False);
            Assert.That(stdout.ToString(), Does.Contain("没有搜索索引"));
            Assert.That(File.Exists(Path.Combine(input.Output, "search", "index.html")), Is.True, "the search page still offers browsing");
        });
    }

    [Test]
    public void Theme_file_in_input_theme_overrides_the_default()
    {
        using var input = new TinyInput();
        input.Write("theme/assets/site.css", "body { color: #000; } /* township override */");
        Assert.That(input.Build(AsOf).Succeeded, Is.True);
        Assert.That(File.ReadAllText(Path.Combine(input.Output, "assets", "site.css")), Does.Contain("township override"));
        Assert.That(File.Exists(Path.Combine(input.Output, "assets", "search.js")), Is.True, "files not overridden still come from the default theme");
    }

    [Test]
    public void A_township_table_partial_that_loops_over_the_rows_itself_gives_the_same_pages()
    {
        // The default partial writes the rows with {% table_rows t %}; the rows and cells are still there for a theme
        // of a township's own: the Liquid loop the tag replaced, as an override, gives every page byte for byte.
        var work = TestPaths.TempDir("ds-table-loop");
        try
        {
            var input = Path.Combine(work, "input");
            CopyDirectory(DemoSite.Input, input);
            var partial = File.ReadAllText(Path.Combine(DemoSite.RepoRoot, "themes/default/partials/table.liquid"));
            const string loop = """
                {% for r in t.rows %}<tr{% if r.is_total %} class="total"{% endif %}>{% for cell in r.cells %}<td{% if cell.css != "" %} class="{{ cell.css }}"{% endif %} data-label="{{ cell.label }}">{{ cell.text }}</td>{% endfor %}</tr>
                {% endfor %}
                """;
            Assert.That(partial, Does.Contain("{% table_rows t %}"));
            Directory.CreateDirectory(Path.Combine(input, "theme", "partials"));
            File.WriteAllText(Path.Combine(input, "theme", "partials", "table.liquid"), partial.Replace("{% table_rows t %}", loop, StringComparison.Ordinal));
            var output = Path.Combine(work, "_site");
            Assert.That(SiteBuilder.Build(new SiteOptions(input, output, DemoSite.AsOf) { RunPagefind = false }).Succeeded, Is.True);

            var pages = Directory.GetFiles(DemoSite.Root, "*.html", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(DemoSite.Root, f)).Where(f => !f.StartsWith("pagefind", StringComparison.Ordinal)).ToList();
            Assert.That(pages.Count(p => File.ReadAllText(Path.Combine(DemoSite.Root, p)).Contains("data-label=", StringComparison.Ordinal)), Is.GreaterThan(20), "the demo has pages with tables");
            Assert.Multiple(() =>
            {
                foreach (var page in pages)
                {
                    Assert.That(File.ReadAllText(Path.Combine(output, page)), Is.EqualTo(File.ReadAllText(Path.Combine(DemoSite.Root, page))), page);
                }
            });
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Test]
    public void Killing_the_build_at_any_moment_leaves_a_whole_site()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "disclosure.dll");
        Assert.That(File.Exists(cli), Is.True, cli);
        var work = Path.Combine(Path.GetTempPath(), "disclosure-kill-" + Guid.NewGuid().ToString("N"));
        var inputCopy = Path.Combine(work, "input");
        CopyDirectory(DemoSite.Input, inputCopy);
        var site = Path.Combine(work, "_site");
        try
        {
            // The first builds are the "previous site" and its spare (which a killed build may have claimed, its list kept
            // under the cache's temporary name); later builds use another date, so their output differs.
            for (var i = 0; i < 2; i++)
            {
                var first = RequiredTools.Run("dotnet", [cli, "build", "--input", inputCopy, "--output", site, "--as-of", "2026-11-24"], work);
                Assert.That(first.Code, Is.Zero, first.Out + first.Err);
            }

            // Each build is killed as it starts one of these steps (build --verbose names them on stderr), whatever the
            // machine's speed: while loading, with the temporary folder half made, mid-render, before and during the swap.
            foreach (var step in new[] { "Validate", "PrepareOutputFolder", "RenderItemPages", "GenerateSitemap", "GenerateManifest", "WriteOutputAtomically" })
            {
                using var p = Process.Start(new ProcessStartInfo("dotnet") { ArgumentList = { cli, "build", "--verbose", "--input", inputCopy, "--output", site, "--as-of", "2026-12-05" }, WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true })!;
                p.OutputDataReceived += (_, _) => { };
                p.BeginOutputReadLine();
                var reached = false;
                while (p.StandardError.ReadLine() is { } line)
                {
                    if (line == "step: " + step)
                    {
                        p.Kill(entireProcessTree: true);
                        reached = true;
                        break;
                    }
                }

                p.WaitForExit();
                Assert.That(reached, Is.True, $"the build reached {step} and was killed there");
                AssertWhole(site);
            }

            var last = RequiredTools.Run("dotnet", [cli, "build", "--input", inputCopy, "--output", site, "--as-of", "2026-12-05"], work);
            Assert.That(last.Code, Is.Zero, last.Out + last.Err);
            AssertWhole(site);
            Assert.That(File.Exists(Path.Combine(site, "dongshan", "2026-Q4", "public-works", "index.html")), Is.True, "the new site is in place");
            // The previous output is kept as the spare only when its build cache survived: a build killed between deleting
            // the cache and writing it after the swap (WriteOutputAtomically) leaves a site without one, which is then
            // not kept. Either way no temporary or .old folder of a killed build is left.
            var folders = Directory.GetDirectories(work).Select(Path.GetFileName).ToList();
            Assert.That(folders, Does.Contain("input").And.Contain("_site"));
            Assert.That(folders, Is.SubsetOf(new[] { "input", "_site", "._site.spare" }), "leftovers of killed builds are cleaned up");
            Assert.That(Directory.GetFiles(work).Select(Path.GetFileName).Where(f => f!.Contains(".tmp-", StringComparison.Ordinal)), Is.Empty, "no file of a killed build is left under a temporary name");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The site at <paramref name="site"/> is exactly what its manifest says: every file there, with its hash.</summary>
    private static void AssertWhole(string site)
    {
        var manifest = Path.Combine(site, "data", "manifest.json");
        Assert.That(File.Exists(manifest), Is.True, "the site folder is in place with its manifest");
        using var json = JsonDocument.Parse(File.ReadAllBytes(manifest));
        foreach (var f in json.RootElement.GetProperty("files").EnumerateArray())
        {
            var path = Path.Combine(site, f.GetProperty("path").GetString()!);
            Assert.That(File.Exists(path), Is.True, path);
            Assert.That(ContentHash.Sha256(File.ReadAllBytes(path)), Is.EqualTo(f.GetProperty("sha256").GetString()), path);
        }
    }

    private static Dictionary<string, (string, DateTime)> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => (ContentHash.Sha256(File.ReadAllBytes(f)), File.GetLastWriteTimeUtc(f)));

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
