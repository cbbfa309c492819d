using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Publishing;
using DisclosureSite.Publishing.Reminders;
using DisclosureSite.Site;
using DisclosureSite.Validation;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// The demo's 民情台账 (issue 16, docs/demo.md) on the site as of 2026-11-24: each village's requests page, its counts on the
/// unit, home and compliance pages, the downloads and feeds, the reminders, and a full name never reaching the site.
/// </summary>
[TestFixture]
public class RequestPageTests
{
    private static readonly HtmlParser Parser = new();
    private SiteInput _input = null!;

    private static IDocument Page(string sitePath) => Parser.ParseDocument(DemoSite.Read(sitePath.EndsWith('/') || sitePath.Length == 0 ? sitePath + "index.html" : sitePath));

    private static string Text(IElement? e) => System.Text.RegularExpressions.Regex.Replace(e?.TextContent ?? string.Empty, "\\s+", " ").Trim();

    [OneTimeSetUp]
    public void BuildOnce()
    {
        Assert.That(DemoSite.Result.Succeeded, Is.True, "the demo builds");
        _input = InputLoader.Load(DemoSite.Input).Input!;
    }

    [Test]
    public void Each_live_village_and_the_community_has_a_requests_page_with_every_matter()
    {
        Assert.That(_input.Requests.Select(r => r.Unit), Is.EquivalentTo(new[] { "dongshan", "xiba", "nanxi", "beiling", "shangyuan", "hetang", "jiefang" }));
        foreach (var log in _input.Requests)
        {
            var doc = Page(log.Unit + "/requests/");
            var numbers = doc.QuerySelectorAll("li.request").Select(li => li.Id).ToList();
            Assert.That(numbers, Is.EquivalentTo(log.Matters.Select(m => "r-" + m.Number)), log.Unit);
            Assert.That(doc.QuerySelector("h1")!.TextContent, Does.EndWith("民情台账"));
        }
    }

    [Test]
    public void Open_and_overdue_matters_come_first_then_handled_ones_latest_first()
    {
        var doc = Page("beiling/requests/");
        var open = doc.QuerySelectorAll("#open-h ~ ul li.request").Select(li => (Id: li.Id, Status: Text(li.QuerySelector(".st")))).ToList();
        Assert.That(open.Take(2), Is.EqualTo(new[] { ("r-2026-015", "✖ 超期 28 天未办结"), ("r-2026-016", "✖ 超期 23 天未办结") }));
        Assert.That(open.Skip(2).Select(o => o.Status), Has.All.StartWith("◷ 办理中（还剩"));

        var closed = doc.QuerySelectorAll("#closed-h ~ ul li.request").ToList();
        var log = _input.RequestsOf("beiling")!;
        var expected = log.Matters.Where(m => m.IsClosed).OrderByDescending(m => m.Closed).ThenByDescending(m => m.Number, StringComparer.Ordinal).Select(m => "r-" + m.Number);
        Assert.That(closed.Select(li => li.Id), Is.EqualTo(expected));
        var late = closed.Single(li => li.Id == "r-2025-016");
        Assert.Multiple(() =>
        {
            Assert.That(Text(late.QuerySelector(".st")), Is.EqualTo("⚠ 逾期 8 天办结"));
            Assert.That(Text(late.QuerySelector(".mini")), Does.Contain("2025年12月24日受理").And.Contain("办结时限 2025年12月31日"));
            Assert.That(Text(late.QuerySelector(".result")), Does.StartWith("办理结果：").And.Contain("（2026年1月8日）"));
        });
    }

    [Test]
    public void Transferred_matter_is_shown_as_handed_on_with_where_it_went()
    {
        var m = _input.RequestsOf("nanxi")!.Matters.Single(x => x.Status == RequestStatus.Transferred);
        var li = Page("nanxi/requests/").QuerySelector("li#r-" + m.Number)!;
        Assert.That(Text(li.QuerySelector(".st")), Is.EqualTo("➜ 已转办"));
        Assert.That(Text(li.QuerySelector(".result")), Does.StartWith("转办情况：已转县水利局处理"));
    }

    [Test]
    public void Every_requester_on_the_site_is_masked()
    {
        foreach (var log in _input.Requests)
        {
            var shown = Page(log.Unit + "/requests/").QuerySelectorAll("li.request > .mini").Select(e => Text(e).Split("反映人 ")[1].Split(" ·")[0]);
            Assert.That(shown, Has.All.Match("^(.\\*.?|匿名)$"), log.Unit);
        }
    }

    [Test]
    public void Unit_home_and_compliance_pages_show_the_open_and_overdue_counts()
    {
        var unit = Text(Page("beiling/").QuerySelector("#requests-h")!.ParentElement);
        Assert.That(unit, Does.Contain("✖ 超期未办结 2 件").And.Contain("◷ 办理中 4 件").And.Contain("共受理 35 件"));

        var home = Page(string.Empty);
        var figures = Text(home.QuerySelector("#requests-h")!.ParentElement);
        Assert.That(figures, Does.Contain("受理 217 件").And.Contain("✔ 已办结 195 件").And.Contain("按时办结率 95%").And.Contain("办结用时（中位数） 5 天").And.Contain("✖ 超期未办结 6 件"));
        var quarters = home.QuerySelectorAll("table.requests-quarters tbody tr").Select(tr => tr.Children.Select(Text).ToArray()).ToList();
        Assert.That(quarters[0], Is.EqualTo(new[] { "2026年第四季度", "29", "7", "100%", "3 天", "6" }));
        Assert.That(quarters.Last(), Is.EqualTo(new[] { "2025年第一季度", "25", "25", "100%", "3 天", "0" }));
        Assert.That(quarters.Sum(q => int.Parse(q[1], System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(217));

        var row = Page("compliance/").QuerySelectorAll("table.data tbody tr").Single(tr => Text(tr.QuerySelector("th")) == "北岭村");
        Assert.That(Text(row.Children[^1]), Is.EqualTo("✖ 2 件"));
        var township = Page("compliance/").QuerySelectorAll("table.data tbody tr").Single(tr => Text(tr.QuerySelector("th")) == "青石镇");
        Assert.That(Text(township.Children[^1]), Is.EqualTo("—"));
    }

    [Test]
    public void Downloads_and_feeds_carry_the_matters_masked()
    {
        var csv = DemoSite.Read("data/requests.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(csv[0].TrimEnd('\r'), Is.EqualTo("url,unit,unit_name,number,received,requester,subject,category,handler,due,status,days,closed,result,follow_up"));
        Assert.That(csv, Has.Length.EqualTo(217 + 1));
        using var json = JsonDocument.Parse(DemoSite.Read("data/requests.json"));
        var rows = json.RootElement.GetProperty("requests").EnumerateArray().ToList();
        Assert.That(rows, Has.Count.EqualTo(217));
        Assert.That(rows.Count(r => r.GetProperty("status").GetString() == "request-overdue"), Is.EqualTo(6));
        Assert.That(rows.Select(r => r.GetProperty("requester").GetString()), Has.All.Match("^(.\\*.?|匿名)$"));
        Assert.That(DemoSite.Read("data/index.html"), Does.Contain("data/requests.csv"));

        var feed = DemoSite.Read("beiling/feed.xml");
        Assert.That(feed, Does.Contain("北岭村民情台账 第 2026-016 号：第二村民小组自来水水压低，高处农户用水困难"));
    }

    [Test]
    public void A_told_result_has_its_own_page_with_the_content_hash_the_manifest_lists()
    {
        var m = _input.RequestsOf("dongshan")!.Matters.First(x => x.Number == "2025-001");
        var doc = Page(m.PageUrl);
        var hash = ContentHash.OfRequest(m);
        Assert.That(doc.QuerySelector("meta[name='disclosure:content-sha256']")!.GetAttribute("content"), Is.EqualTo(hash));
        Assert.That(Text(doc.QuerySelector("main")), Does.Contain("办理结果公开于 2025年1月18日（来源：自行填报）"));
        using var manifest = JsonDocument.Parse(DemoSite.Read("data/manifest.json"));
        var item = manifest.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("url").GetString() == m.PageUrl);
        Assert.That(item.GetProperty("content_sha256").GetString(), Is.EqualTo(hash));
        Assert.That(item.GetProperty("item").GetString(), Is.EqualTo("requests"));
        Assert.That(File.Exists(DemoSite.File("beiling/requests/2026-015/index.html")), Is.False, "an open matter has no result page");
    }

    [Test]
    public void Reminder_of_a_unit_lists_its_overdue_matters_beside_its_overdue_disclosures()
    {
        var context = Validator.Context(_input, DemoSite.AsOf);
        var reminders = ReminderPlanner.Plan(context, new ReminderLinks("example/qingshi"));
        var beiling = reminders.Single(r => r.Unit.Id == "beiling");
        Assert.That(beiling.OverdueRequests.Select(m => m.Number), Is.EqualTo(new[] { "2026-015", "2026-016" }));
        Assert.That(beiling.Title, Is.EqualTo("【三务公开提醒】北岭村:1 项已逾期,2 件民情事项超期未办结"));
        Assert.That(beiling.Body, Does.Contain("### 已逾期(缺报)(1 项)").And.Contain("### 民情事项超期未办结(2 件)")
            .And.Contain("- [ ] **第 2026-015 号:养殖场异味影响周边农户**(矛盾纠纷)· 2026年10月12日受理 · 时限 2026年10月27日 · **已超期 28 天**")
            .And.Contain("https://github.com/example/qingshi/blob/HEAD/input/units/beiling/requests.csv"));

        // A unit whose only work is an overdue matter still gets (and keeps) its reminder.
        var xiba = reminders.Single(r => r.Unit.Id == "xiba");
        Assert.That(xiba.HasWork, Is.True);
        Assert.That(xiba.Entries, Is.Empty);
        Assert.That(xiba.Title, Is.EqualTo("【三务公开提醒】西坝村:1 件民情事项超期未办结"));
        Assert.That(reminders.Single(r => r.Unit.Id == "shangyuan").HasWork, Is.False);
    }

    [Test]
    public void A_full_name_in_the_requests_file_stops_the_build_and_nothing_is_published()
    {
        using var site = new TinyInput();
        site.Write("units/v1/requests.csv", "编号,受理日期,反映人,事项,类别,经办人,办结时限,状态,办结日期,办理结果,回访\n2026-001,2026-10-08,王建国,水渠堵塞,民生服务,陈国强,,已办结,2026-10-12,已清理,满意\n");
        var result = site.Build(new DateOnly(2026, 11, 24));
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Report.Findings.Select(f => (f.Code, f.File, f.Line, f.Column)), Does.Contain((FindingCodes.PersonName, "units/v1/requests.csv", (int?)2, (int?)3)));
        Assert.That(Directory.Exists(site.Output) && Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Any(f => File.ReadAllText(f).Contains("王建国", StringComparison.Ordinal)), Is.False);
    }
}
