using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using DisclosureSite.Cli.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// Real parts, no mocks: the demo site served over HTTP under its base path (/qingshi/), checked in Debian's Chromium
/// (never a downloaded browser) with axe-core at phone and desktop widths, searched with Pagefind, and validated by
/// the Nu HTML Checker. Under CI=true a missing tool fails these tests; locally they are ignored.
/// </summary>
[TestFixture]
[Category("Browser")]
[NonParallelizable]
public partial class BrowserTests
{
    /// <summary>One page of each kind.</summary>
    public static readonly string[] PageKinds =
    [
        "",
        "dongshan/",
        "dongshan/2026-Q2/",
        "dongshan/2026-Q2/finance/",
        "dongshan/2026-Q2/print.html",
        "nanxi/2026-Q3/land-transfer-notice/",
        "dongshan/2026-Q2/welfare/",
        "compliance/",
        "compliance/2026-Q3/",
        "decisions/",
        "history/",
        "history/2026/",
        "topics/village.land/",
        "search/",
        "data/",
        "beiling/requests/",
        "beiling/requests/print.html",
        "dongshan/requests/2025-001/",
        "no-such-page/",
    ];

    private WebApplication? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _base = string.Empty;

    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        RequiredTools.Require(File.Exists(RequiredTools.Chromium), "chromium (" + RequiredTools.Chromium + ")");
        Assert.That(DemoSite.Result.Succeeded, Is.True);
        RequiredTools.Require(DemoSite.Result.SearchIndexed, "Pagefind (node_modules/.bin/pagefind: run npm ci)");

        var port = TestPaths.FreePort();
        _server = PreviewCommand.CreateServer(DemoSite.Root, "/qingshi/", port);
        await _server.StartAsync().ConfigureAwait(false);
        _base = $"http://127.0.0.1:{port}/qingshi/";
        _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = RequiredTools.Chromium, Args = ["--no-sandbox"] }).ConfigureAwait(false);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    [TestCase(360)]
    [TestCase(1280)]
    public async Task Every_page_kind_has_no_axe_violations(int width)
    {
        var page = await NewPage(width).ConfigureAwait(false);
        var problems = new List<string>();
        foreach (var path in PageKinds)
        {
            var response = await page.GotoAsync(_base + path).ConfigureAwait(false);
            Assert.That(response!.Status, Is.EqualTo(path.StartsWith("no-such", StringComparison.Ordinal) ? 404 : 200), path);
            var results = await page.RunAxe().ConfigureAwait(false);
            problems.AddRange(results.Violations.Select(v => $"{path} [{width}px]: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
        }

        Assert.That(problems, Is.Empty);
        await page.Context.CloseAsync().ConfigureAwait(false);
    }

    /// <summary>民情台账 (issue 16): on a phone and a desktop, nothing scrolls sideways, overdue matters come first in words
    /// and icons, every 反映人 is masked, and the page prints as an A4 notice with its QR code.</summary>
    [TestCase(360)]
    [TestCase(1280)]
    public async Task Requests_page_fits_the_screen_and_lists_overdue_matters_first(int width)
    {
        var page = await NewPage(width).ConfigureAwait(false);
        var response = await page.GotoAsync(_base + "beiling/requests/").ConfigureAwait(false);
        Assert.That(response!.Status, Is.EqualTo(200));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth").ConfigureAwait(false);
        var open = await page.EvalOnSelectorAllAsync<string[]>("#open-h ~ ul li.request > .st", "els => els.map(e => e.textContent)").ConfigureAwait(false);
        var requesters = await page.EvalOnSelectorAllAsync<string[]>("li.request > .mini", "els => els.map(e => e.textContent.split('反映人 ')[1].split(' ·')[0])").ConfigureAwait(false);
        var shot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true }).ConfigureAwait(false);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(overflow, Is.LessThanOrEqualTo(0), "no sideways scrolling");
            Assert.That(open.Take(2), Is.EqualTo(new[] { "✖ 超期 28 天未办结", "✖ 超期 23 天未办结" }), string.Join(" | ", open));
            Assert.That(open.Skip(2), Has.All.StartWith("◷ 办理中"));
            Assert.That(requesters, Has.Length.EqualTo(36 - 1));
            Assert.That(requesters, Has.All.Match("^(.\\*.?|匿名)$"));
            Assert.That(shot, Has.Length.GreaterThan(10_000));
            Assert.That(await page.IsVisibleAsync("text=按时办结率").ConfigureAwait(false), Is.True);
        }).ConfigureAwait(false);

        await page.GotoAsync(_base + "beiling/requests/print.html").ConfigureAwait(false);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print }).ConfigureAwait(false);
        Assert.That(await page.IsVisibleAsync("svg.qr").ConfigureAwait(false), Is.True, "the printed notice carries the QR code");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" }).ConfigureAwait(false);
        Assert.That(pdf, Has.Length.GreaterThan(1000), "prints to an A4 PDF");

        var (url, read) = await ReadPrintedQr(page).ConfigureAwait(false);
        Assert.That(read, Is.EqualTo(url), "the printed QR code, as the browser draws it, reads back as the page's address");
        Assert.That(url, Does.EndWith("/beiling/requests/"));
        await page.Context.CloseAsync().ConfigureAwait(false);
    }

    [Test]
    public async Task Large_text_mode_works_without_javascript()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 360, Height = 800 } }).ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        await page.GotoAsync(_base + "dongshan/").ConfigureAwait(false);
        var before = await page.EvalOnSelectorAsync<string>("h1", "e => getComputedStyle(e).fontSize").ConfigureAwait(false);
        var body = await page.EvalOnSelectorAsync<string>("main p", "e => getComputedStyle(e).fontSize").ConfigureAwait(false);
        await page.ClickAsync("a.to-large").ConfigureAwait(false);
        var after = await page.EvalOnSelectorAsync<string>("h1", "e => getComputedStyle(e).fontSize").ConfigureAwait(false);
        Assert.Multiple(() =>
        {
            Assert.That(Px(body), Is.GreaterThanOrEqualTo(18), "base text is at least 18px");
            Assert.That(Px(after), Is.GreaterThan(Px(before) * 1.25), "the switch enlarges the text");
        });
        await context.CloseAsync().ConfigureAwait(false);
    }

    [Test]
    public async Task Printed_item_page_shows_the_QR_code_and_hides_the_navigation()
    {
        var page = await NewPage(800).ConfigureAwait(false);
        await page.GotoAsync(_base + "dongshan/2026-Q2/finance/").ConfigureAwait(false);
        Assert.That(await page.IsVisibleAsync("svg.qr").ConfigureAwait(false), Is.False, "on screen the QR code is hidden");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print }).ConfigureAwait(false);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await page.IsVisibleAsync("svg.qr").ConfigureAwait(false), Is.True, "printed, the QR code shows");
            Assert.That(await page.IsVisibleAsync("footer.print-foot").ConfigureAwait(false), Is.True);
            Assert.That(await page.IsVisibleAsync(".site-header nav").ConfigureAwait(false), Is.False, "printed, the navigation is hidden");
            Assert.That(await page.IsVisibleAsync(".site-footer").ConfigureAwait(false), Is.False);
        }).ConfigureAwait(false);
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" }).ConfigureAwait(false);
        Assert.That(pdf, Has.Length.GreaterThan(1000), "prints to an A4 PDF");

        var (url, read) = await ReadPrintedQr(page).ConfigureAwait(false);
        Assert.That(read, Is.EqualTo(url), "the printed QR code, as the browser draws it, reads back as the page's address");
        Assert.That(url, Does.EndWith("/dongshan/2026-Q2/finance/"));
        await page.Context.CloseAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The page's QR code as the browser draws it (its SVG rasterized by Chromium on a canvas, 8 pixels a module) read by
    /// ZXing.Net, with the address its label names.
    /// </summary>
    private static async Task<(string? Url, string? Read)> ReadPrintedQr(IPage page)
    {
        var label = await page.GetAttributeAsync("svg.qr", "aria-label").ConfigureAwait(false);
        var drawn = await page.EvalOnSelectorAsync<DrawnQr>("svg.qr", DrawQr).ConfigureAwait(false);
        var read = QrCodeTests.Read(drawn.Dark.Select(c => c == '1' ? (byte)0 : (byte)255).ToArray(), drawn.Side);
        var url = label?[(label.IndexOf('：', StringComparison.Ordinal) + 1)..];

        // Module for module: the pixel at the middle of each module is dark exactly where the code has a dark module.
        var code = DisclosureSite.Site.Render.QrCode.Encode(url ?? string.Empty);
        Assert.That(drawn.Side, Is.EqualTo((code.Size + 8) * 8));
        var wrong = 0;
        for (var y = 0; y < code.Size + 8; y++)
        {
            for (var x = 0; x < code.Size + 8; x++)
            {
                var inside = x >= 4 && y >= 4 && x < code.Size + 4 && y < code.Size + 4;
                wrong += (drawn.Dark[(((y * 8) + 4) * drawn.Side) + (x * 8) + 4] == '1') != (inside && code.IsDark(x - 4, y - 4)) ? 1 : 0;
            }
        }

        Assert.That(wrong, Is.Zero, "modules drawn otherwise than the code has them");
        return (url, read);
    }

    /// <summary>The QR code's SVG drawn on a canvas by the browser: its side in pixels and one '1' (dark) or '0' per pixel.</summary>
    private sealed class DrawnQr
    {
        public int Side { get; set; }

        public string Dark { get; set; } = string.Empty;
    }

    private const string DrawQr = """
        async svg => {
          const side = svg.viewBox.baseVal.width * 8;
          const url = URL.createObjectURL(new Blob([svg.outerHTML], { type: 'image/svg+xml' }));
          const img = new Image(side, side);
          await new Promise((done, failed) => { img.onload = done; img.onerror = failed; img.src = url; });
          const canvas = document.createElement('canvas');
          canvas.width = side; canvas.height = side;
          const g = canvas.getContext('2d');
          g.drawImage(img, 0, 0, side, side);
          const data = g.getImageData(0, 0, side, side).data;
          let dark = '';
          for (let i = 0; i < data.length; i += 4) dark += data[i] < 128 ? '1' : '0';
          return { side, dark };
        }
        """;

    [Test]
    public async Task Search_finds_land_transfer_items()
    {
        var page = await NewPage(360).ConfigureAwait(false);
        await page.GotoAsync(_base + "search/?q=" + Uri.EscapeDataString("土地流转")).ConfigureAwait(false);
        await page.WaitForSelectorAsync("#results li", new PageWaitForSelectorOptions { Timeout = 15000 }).ConfigureAwait(false);
        var links = await page.EvalOnSelectorAllAsync<string[]>("#results li a", "els => els.map(a => a.textContent + ' ' + a.href)").ConfigureAwait(false);
        Assert.That(links, Is.Not.Empty);
        Assert.That(links.Any(l => l.Contains("土地", StringComparison.Ordinal) && l.Contains("/qingshi/", StringComparison.Ordinal)), Is.True, string.Join("\n", links));
        var first = await page.EvalOnSelectorAsync<string>("#results li a", "a => a.href").ConfigureAwait(false);
        var response = await page.GotoAsync(first).ConfigureAwait(false);
        Assert.That(response!.Status, Is.EqualTo(200), "a result links to a real page");
        await page.Context.CloseAsync().ConfigureAwait(false);
    }

    [Test]
    public void Nu_html_checker_reports_no_errors_on_the_whole_site()
    {
        var java = RequiredTools.Java();
        RequiredTools.Require(java is not null, "java (default-jre-headless)");
        RequiredTools.Require(File.Exists(RequiredTools.VnuJar), "vnu-jar (npm ci)");
        var (code, stdout, stderr) = RequiredTools.Run(java!, ["-jar", RequiredTools.VnuJar, "--skip-non-html", "--errors-only", DemoSite.Root], timeout: TimeSpan.FromMinutes(5));
        Assert.That(stdout + stderr, Is.Empty);
        Assert.That(code, Is.Zero);
    }

    /// <summary>Writes docs/screenshots/*.png (run explicitly: dotnet test --filter Name=Screenshots_for_the_docs).</summary>
    [Test]
    [Explicit("writes docs/screenshots")]
    public async Task Screenshots_for_the_docs()
    {
        var dir = Path.Combine(DemoSite.RepoRoot, "docs", "screenshots");
        Directory.CreateDirectory(dir);
        var shots = new (string Name, string Path, int Width)[]
        {
            ("home-360", "", 360),
            ("unit-360", "dongshan/", 360),
            ("period-360", "hetang/2026-Q3/", 360),
            ("item-360", "dongshan/2026-Q2/finance/", 360),
            ("compliance-360", "compliance/2026-Q3/", 360),
            ("print-a4", "dongshan/2026-Q2/finance/", 800),
            ("requests-360", "beiling/requests/", 360),
            ("home-1280", "", 1280),
            ("compliance-1280", "compliance/2026-Q3/", 1280),
        };
        foreach (var (name, path, width) in shots)
        {
            var page = await NewPage(width).ConfigureAwait(false);
            if (name.StartsWith("print", StringComparison.Ordinal))
            {
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print }).ConfigureAwait(false);
            }

            await page.GotoAsync(_base + path).ConfigureAwait(false);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(dir, name + ".png"), FullPage = true, Clip = null }).ConfigureAwait(false);
            await page.Context.CloseAsync().ConfigureAwait(false);
        }
    }

    private async Task<IPage> NewPage(int width)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } }).ConfigureAwait(false);
        return await context.NewPageAsync().ConfigureAwait(false);
    }

    private static double Px(string css) => double.Parse(css.Replace("px", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
