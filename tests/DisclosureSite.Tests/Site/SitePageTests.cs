using System.IO.Compression;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DisclosureSite.Loading;
using DisclosureSite.Site;
using DisclosureSite.Site.Render;
using DisclosureSite.Validation;

namespace DisclosureSite.Tests.Site;

/// <summary>The demo site as of 2026-11-24 (docs/demo.md), read with AngleSharp: every page kind says what SPEC §9 and issue 5 ask.</summary>
[TestFixture]
public class SitePageTests
{
    private static readonly HtmlParser Parser = new();
    private ValidationContext _validation = null!;

    private static IDocument Page(string sitePath) => Parser.ParseDocument(DemoSite.Read(sitePath.EndsWith('/') || sitePath.Length == 0 ? sitePath + "index.html" : sitePath));

    [OneTimeSetUp]
    public void BuildOnce()
    {
        Assert.That(DemoSite.Result.Succeeded, Is.True, "the demo builds");
        var loaded = InputLoader.Load(DemoSite.Input);
        _validation = Validator.Context(loaded.Input!, DemoSite.AsOf);
    }

    [Test]
    public void Every_required_item_of_every_unit_period_page_appears_with_its_status()
    {
        var pages = _validation.Compliance.GroupBy(e => $"{e.Unit.Id}/{e.Period}/");
        var checkedEntries = 0;
        foreach (var page in pages)
        {
            var doc = Page(page.Key);
            var entries = doc.QuerySelectorAll("main li.entry")
                .Select(li => (Name: li.QuerySelector(".name")!.TextContent, Status: li.QuerySelector(".st")!.TextContent))
                .ToList();
            foreach (var e in page)
            {
                var expected = StatusWords.Of(e.Status, e.Days).Label;
                Assert.That(entries, Does.Contain((e.Item.Name, expected)), $"{page.Key}: {e.Item.Id}");
                checkedEntries++;
            }
        }

        Assert.That(checkedEntries, Is.GreaterThan(600));
    }

    [TestCase("dongshan/2025-Q2/", "集体资产资源承包、租赁、出售、转让", "✖ 缺报（已逾期 492 天）")]
    [TestCase("hetang/2026-Q3/", "公益事业建设", "✖ 缺报（已逾期 35 天）")]
    [TestCase("xiba/2025-Q3/", "年度财务计划及执行、各项收支情况", "⚠ 逾期 16 天公开")]
    [TestCase("dongshan/2025-Q1/", "征地补偿、土地流转、宅基地审批", "○ 本期无此类事项")]
    [TestCase("laowu/2025-Q3/", "惠农补贴", "✖ 缺报（已逾期 400 天）")]
    public void Demo_cases_show_in_words_and_icons(string page, string itemStart, string status)
    {
        var entry = Page(page).QuerySelectorAll("li.entry").FirstOrDefault(li => li.QuerySelector(".name")!.TextContent.Contains(itemStart, StringComparison.Ordinal));
        Assert.That(entry, Is.Not.Null, $"{itemStart} on {page}");
        Assert.That(entry!.QuerySelector(".st")!.TextContent, Is.EqualTo(status));
    }

    [Test]
    public void Ledger_page_shows_computed_totals_and_the_balance_check()
    {
        var doc = Page("dongshan/2026-Q2/finance/");
        var totals = doc.QuerySelector(".totals")!;
        var figures = totals.QuerySelectorAll("dt").Zip(totals.QuerySelectorAll("dd"), (dt, dd) => dt.TextContent + " " + dd.TextContent).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(totals.QuerySelector("h3")!.TextContent, Is.EqualTo("系统核算（单位：元）"), "the unit once");
            Assert.That(figures, Does.Contain("收入合计 47,000.00"));
            Assert.That(figures, Does.Contain("支出合计 34,792.16"));
            Assert.That(figures, Does.Contain("期末结余 247,634.52"));
            Assert.That(totals.QuerySelector("dd.bal")!.TextContent, Is.EqualTo("247,634.52"), "the balance stands out");
            Assert.That(totals.TextContent, Does.Contain("✔ 核对无误"));
            Assert.That(doc.QuerySelector(".totals svg.chart[role=img]")?.GetAttribute("aria-label"), Does.Contain("收入合计 47,000.00 元"));
            Assert.That(doc.QuerySelectorAll("table.ledger tbody tr").Length, Is.EqualTo(15));
        });
    }

    [Test]
    public void Item_page_carries_status_trusted_date_source_and_content_hash()
    {
        var doc = Page("xiba/2025-Q3/finance/");
        var d = _validation.Input.Disclosures.Single(x => x.UrlPath == "xiba/2025-Q3/finance/");
        Assert.Multiple(() =>
        {
            Assert.That(doc.DocumentElement.GetAttribute("lang"), Is.EqualTo("zh-CN"));
            Assert.That(doc.QuerySelector(".badge")!.TextContent.Trim(), Is.EqualTo("⚠ 逾期 16 天公开"));
            Assert.That(doc.QuerySelector(".facts")!.TextContent, Does.Contain("2025年11月5日").And.Contain("日期来源：自行填报"));
            Assert.That(doc.QuerySelector("meta[name='disclosure:content-sha256']")!.GetAttribute("content"), Is.EqualTo(ContentHash.Of(DemoSite.Input, d)));
        });
    }

    [Test]
    public void Corrections_link_both_ways()
    {
        var correction = Page("dongshan/2026-Q3/finance-correction/");
        var original = Page("dongshan/2026-Q2/finance/");
        Assert.That(correction.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")), Does.Contain("../../../dongshan/2026-Q2/finance/"));
        Assert.That(original.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")), Does.Contain("../../../dongshan/2026-Q3/finance-correction/"));
    }

    [TestCase("nanxi/2026-Q3/land-transfer-notice/", "公示期已满", "2026年8月30日", "42.5亩")]
    [TestCase("xiba/2026-Q1/contracts-tender-notice/", "公示期满", null, "竞价")]
    public void Withdrawn_item_leaves_a_notice_with_date_and_reason_but_not_its_content(string page, string reason, string? date, string contentWord)
    {
        var main = Page(page).QuerySelector("main")!.TextContent;
        Assert.Multiple(() =>
        {
            Assert.That(main, Does.Contain("⊘ 已撤下").And.Contain(reason));
            if (date is not null)
            {
                Assert.That(main, Does.Contain(date));
            }

            Assert.That(Page(page).QuerySelector(".prose"), Is.Null);
            Assert.That(main.Replace(Page(page).QuerySelector("h1")!.TextContent, string.Empty, StringComparison.Ordinal), Does.Not.Contain(contentWord));
            Assert.That(File.Exists(DemoSite.File(page + "print.html")), Is.False);
        });
    }

    [Test]
    public void An_item_page_is_its_own_print_view_with_a_QR_code_of_its_URL()
    {
        const string page = "dongshan/2026-Q2/finance/";
        const string url = "https://example.github.io/qingshi/" + page;
        var doc = Page(page);
        var qr = doc.QuerySelector("main figure.qr-box.print-only svg.qr");
        Assert.Multiple(() =>
        {
            Assert.That(qr, Is.Not.Null, "the QR code is on the page, shown only in print");
            Assert.That(qr!.GetAttribute("aria-label"), Does.Contain(url));
            Assert.That(doc.QuerySelector("main footer.print-foot.print-only")!.TextContent, Does.Contain(url).And.Contain("内容指纹"));
            Assert.That(doc.QuerySelector("main .org.print-only")!.TextContent, Does.Contain("东山村"));
            Assert.That(File.Exists(DemoSite.File(page + "print.html")), Is.False, "no separate print page for an item");
            Assert.That(File.Exists(DemoSite.File("dongshan/2026-Q2/print.html")), Is.True, "the period's notice-board list is still its own page");
        });
    }

    [Test]
    public void Embargoed_item_is_nowhere_in_the_output()
    {
        const string title = "冬春农田水利设施修缮工程";
        Assert.That(Directory.Exists(DemoSite.File("dongshan/2026-Q4/public-works")), Is.False);
        foreach (var file in Directory.EnumerateFiles(DemoSite.Root, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/pagefind/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            Assert.That(text, Does.Not.Contain(title).And.Not.Contain("2026-Q4/public-works"), file);
        }

        var period = Page("dongshan/2026-Q4/");
        Assert.That(period.QuerySelectorAll("li.entry").Any(li => li.TextContent.Contains("◷ 待公开", StringComparison.Ordinal)), Is.True, "the period says an item is waiting, without naming it");
    }

    [Test]
    public void Manifest_lists_every_file_with_its_hash_and_every_public_item()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(DemoSite.File("data/manifest.json")));
        var root = json.RootElement;
        Assert.That(root.GetProperty("as_of").GetString(), Is.EqualTo("2026-11-24"));
        Assert.That(root.GetProperty("base_url").GetString(), Is.EqualTo("https://example.github.io/qingshi/"));
        Assert.That(root.GetProperty("generated_at").ValueKind, Is.EqualTo(JsonValueKind.Null), "no ledger, no publication time: the bytes hold no wall-clock time");
        var files = root.GetProperty("files").EnumerateArray().Select(f => (Path: f.GetProperty("path").GetString()!, Sha: f.GetProperty("sha256").GetString()!, Bytes: f.GetProperty("bytes").GetInt64())).ToList();
        var onDisk = Directory.EnumerateFiles(DemoSite.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(DemoSite.Root, f).Replace('\\', '/'))
            .Where(p => p != "data/manifest.json" && !p.StartsWith("pagefind/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        Assert.That(files.Select(f => f.Path), Is.EqualTo(onDisk), "every file except the manifest and pagefind/, sorted");
        foreach (var f in files.Where((_, i) => i % 25 == 0))
        {
            var bytes = File.ReadAllBytes(DemoSite.File(f.Path));
            Assert.That((ContentHash.Sha256(bytes), (long)bytes.Length), Is.EqualTo((f.Sha, f.Bytes)), f.Path);
        }

        var items = root.GetProperty("items").EnumerateArray().ToList();
        var urls = items.Select(i => i.GetProperty("url").GetString()!).ToList();
        Assert.That(urls, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(urls, Does.Contain("dongshan/2026-Q3/finance/").And.Not.Contain("dongshan/2026-Q4/public-works/"));
        var finance = items.Single(i => i.GetProperty("url").GetString() == "dongshan/2026-Q3/finance/");
        Assert.Multiple(() =>
        {
            Assert.That(finance.GetProperty("unit").GetString(), Is.EqualTo("dongshan"));
            Assert.That(finance.GetProperty("period").GetString(), Is.EqualTo("2026-Q3"));
            Assert.That(finance.GetProperty("slug").GetString(), Is.EqualTo("finance"));
            Assert.That(finance.GetProperty("item").GetString(), Is.EqualTo("village.finance"));
            Assert.That(finance.GetProperty("content_sha256").GetString(), Has.Length.EqualTo(64));
            Assert.That(finance.GetProperty("published").GetString(), Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
            Assert.That(finance.GetProperty("date_source").GetString(), Is.EqualTo("declared"));
        });
    }

    [Test]
    public void Feeds_sitemap_robots_and_data_files_exist_and_parse()
    {
        Assert.Multiple(() =>
        {
            Assert.That(System.Xml.Linq.XDocument.Load(DemoSite.File("feed.xml")).Root!.Name.LocalName, Is.EqualTo("feed"));
            Assert.That(System.Xml.Linq.XDocument.Load(DemoSite.File("dongshan/feed.xml")).Root!.Elements().Count(e => e.Name.LocalName == "entry"), Is.GreaterThan(10));
            Assert.That(DemoSite.Read("sitemap.xml"), Does.Contain("<loc>https://example.github.io/qingshi/dongshan/2026-Q3/finance/</loc>"));
            Assert.That(DemoSite.Read("robots.txt"), Does.Contain("Sitemap: https://example.github.io/qingshi/sitemap.xml"));
            Assert.That(DemoSite.Read("compliance/compliance.csv"), Does.StartWith("\uFEFFunit,unit_name,period"));
            Assert.That(JsonDocument.Parse(DemoSite.Read("compliance/2026-Q3/compliance.json")).RootElement.GetProperty("entries").GetArrayLength(), Is.GreaterThan(50));
            Assert.That(JsonDocument.Parse(DemoSite.Read("data/disclosures.json")).RootElement.GetProperty("disclosures").GetArrayLength(), Is.EqualTo(613));
            Assert.That(File.Exists(DemoSite.File("404.html")), Is.True);
        });
    }

    [Test]
    public void Search_index_is_built_inside_the_swapped_folder()
    {
        // Like every test that needs a tool from outside .NET: skipped where it is missing, failed under CI.
        RequiredTools.Require(DemoSite.Result.SearchIndexed, "Pagefind (node_modules/.bin/pagefind: run npm ci)");
        Assert.That(File.Exists(DemoSite.File("pagefind/pagefind.js")), Is.True);
    }

    [Test]
    public void Not_found_page_links_from_the_base_path_so_it_works_at_any_depth()
    {
        var doc = Parser.ParseDocument(DemoSite.Read("404.html"));
        var hrefs = doc.QuerySelectorAll("a[href], link[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith('#') && !h.StartsWith("tel:", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(doc.Head!.QuerySelector("base")!.GetAttribute("href"), Is.EqualTo("/qingshi/"), "links resolve from the base path, at any depth");
            Assert.That(doc.Head.FirstElementChild!.NextElementSibling!.LocalName, Is.EqualTo("base"), "before any link");
            Assert.That(hrefs, Has.All.StartWith("./"));
        });
    }

    [Test]
    public void Every_page_is_at_most_30_KB_gzipped()
    {
        var sizes = Directory.EnumerateFiles(DemoSite.Root, "*.html", SearchOption.AllDirectories)
            .Select(f => (File: Path.GetRelativePath(DemoSite.Root, f), Bytes: Gzipped(f)))
            .OrderByDescending(x => x.Bytes)
            .ToList();
        TestContext.Out.WriteLine($"{sizes.Count} pages; largest gzipped: {sizes[0].File} {sizes[0].Bytes} bytes");
        Assert.That(sizes[0].Bytes, Is.LessThanOrEqualTo(30 * 1024), sizes[0].File);
    }

    [Test]
    public void Pages_use_system_fonts_and_no_scripts_except_search_and_the_display_choice()
    {
        var css = DemoSite.Read("assets/site.css");
        Assert.That(css, Does.Not.Contain("@font-face").And.Contain("font-size: 112.5%"));
        foreach (var file in Directory.EnumerateFiles(DemoSite.Root, "*.html", SearchOption.AllDirectories))
        {
            var scripts = Parser.ParseDocument(File.ReadAllText(file)).QuerySelectorAll("script").Select(s => s.GetAttribute("src")).ToList();
            // The 404 page's one inline line points its <base> at / when the site is served from the root.
            var allowed = scripts.Where(s => !(s is null && file.EndsWith("404.html", StringComparison.Ordinal)));
            Assert.That(allowed.All(s => s is not null && (s.EndsWith("assets/search.js", StringComparison.Ordinal) || s.EndsWith("assets/prefs.js", StringComparison.Ordinal))), Is.True, file);
        }
    }

    [Test]
    public void Roster_amounts_are_right_aligned_with_separators_and_every_cell_names_its_column()
    {
        var table = Page("dongshan/2026-Q3/subsidies/").QuerySelector("table.roster")!;
        var columns = table.QuerySelectorAll("thead th").Select(th => th.TextContent).ToList();
        var amount = columns.IndexOf("补贴金额(元)");
        var rows = table.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").ToList()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(amount, Is.GreaterThanOrEqualTo(0));
            Assert.That(rows.Select(r => r[amount].ClassName), Has.All.EqualTo("num"));
            Assert.That(rows.Select(r => r[amount].TextContent), Has.All.Match(@"^\d{1,3}(,\d{3})*\.\d{2}$"));
            Assert.That(rows.Select(r => r[amount].TextContent), Does.Contain("1,240.00"), "6.2 亩 油茶林抚育补助 1240.00 in the CSV");
            Assert.That(rows.SelectMany(r => r.Select((td, i) => (td.GetAttribute("data-label"), columns[i]))), Has.All.Matches<(string?, string)>(x => x.Item1 == x.Item2));
            Assert.That(rows.Select(r => r[columns.IndexOf("村民小组")].ClassName), Has.All.Empty, "text columns stay left");
        });
    }

    [Test]
    public void Votes_show_only_what_the_record_has()
    {
        var text = Page("decisions/").QuerySelector("main")!.TextContent;
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("表决：实到 38 人，赞成 36 票，反对 1 票，弃权 1 票"));
            Assert.That(text, Does.Not.Contain("应到"), "no record gives the number expected to attend");
        });
    }

    private static long Gzipped(string file)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(File.ReadAllBytes(file));
        }

        return ms.Length;
    }
}
