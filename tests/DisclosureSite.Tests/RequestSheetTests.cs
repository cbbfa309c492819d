using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Tests.Site;
using DisclosureSite.Validation;

namespace DisclosureSite.Tests;

/// <summary>
/// 民情台账 sheets as clerks save them (issue 16 point 1), read by the same reader as disclosures' sheets: the files are
/// made by openpyxl and LibreOffice (tests/fixtures/make_sheets.py) and run as fixtures; these cases pin what is read
/// from them — the exact matters, not the title, the 填报单位 line, the 合计 count or the signature — and that personal
/// data around the table stops the build.
/// </summary>
public class RequestSheetTests
{
    private static RequestLog Load(string fixture)
    {
        var loaded = InputLoader.Load(Path.Combine(TestPaths.Fixtures, "good", fixture, "input"));
        Assert.That(loaded.Input, Is.Not.Null);
        return loaded.Input!.RequestsOf("cun")!;
    }

    [TestCase("requests-sheet-xlsx-ok", "units/cun/requests.xlsx")]
    [TestCase("requests-sheet-xls-ok", "units/cun/requests.xls")]
    [TestCase("requests-sheet-csv-utf8-ok", "units/cun/requests.csv")]
    [TestCase("requests-sheet-csv-bom-ok", "units/cun/requests.csv")]
    [TestCase("requests-sheet-csv-gb18030-ok", "units/cun/requests.csv")]
    public void Every_format_a_clerk_saves_gives_the_same_five_matters_at_their_sheet_rows(string fixture, string file)
    {
        var log = Load(fixture);
        Assert.That(log.File, Is.EqualTo(file));
        var m = log.Matters;
        Assert.That(m.Select(x => x.Number), Is.EqualTo(new[] { "2025-001", "2025-002", "2025-003", "2025-004", "2025-005" }));

        // Title on row 1, 填报单位/填报日期 on row 2, header on row 3, a blank row 4: the matters are rows 5 to 9.
        Assert.That(m.Select(x => x.Source.Line), Is.EqualTo(new[] { 5, 6, 7, 8, 9 }));
        Assert.That(log.Table.HeaderLine, Is.EqualTo(3));
        Assert.That(m.Select(x => x.Requester), Is.EqualTo(new[] { "张*明", "李某", "匿名", "第三村民小组", "王*" }));

        // Real date cells and 2025/2/12 typed as text read as the same kind of date; limits from the row (30, 30天) or the category.
        Assert.That(m.Select(x => Dates.Iso(x.Received)), Is.EqualTo(new[] { "2025-01-06", "2025-02-12", "2025-02-20", "2025-03-03", "2025-03-25" }));
        Assert.That(m.Select(x => x.Closed is { } c ? Dates.Iso(c) : "-"), Is.EqualTo(new[] { "2025-01-10", "2025-02-14", "2025-02-24", "2025-03-20", "-" }));
        Assert.That(m.Select(x => Dates.Iso(x.Due)), Is.EqualTo(new[] { "2025-01-21", "2025-02-19", "2025-03-22", "2025-04-02", "2025-04-09" }));
        Assert.That(m.Select(x => x.Status), Is.EqualTo(new[] { RequestStatus.Closed, RequestStatus.Closed, RequestStatus.Transferred, RequestStatus.Closed, RequestStatus.Open }));
        Assert.That(m[0].Result, Is.EqualTo("已更换灯泡，恢复照明"));
        Assert.That(m[3].FollowUp, Is.EqualTo("基本满意"));

        // What is around the table is not a matter: the 合计 line stays a row of the table but no matter, the signature is the signature.
        Assert.That(log.Table.Signature.Single().Parts, Is.EqualTo(new[] { "制表人：陈国强", "审核人：林志远", "日期：2025年4月5日" }));
        Assert.That(log.Table.Notes, Has.Some.Contains("填报单位：测试村民委员会"));
    }

    [Test]
    public void A_header_the_reader_does_not_know_is_one_finding_naming_the_sheet_the_row_what_is_there_and_the_accepted_names()
    {
        var report = FixtureTests.Check(Path.Combine(TestPaths.Fixtures, "bad", "requests-sheet-header-not-found"));
        var f = report.Findings.Single();
        Assert.That((f.Code, f.File, f.Line, f.Column), Is.EqualTo((FindingCodes.MissingColumn, "units/cun/requests.xlsx", (int?)3, (int?)1)));
        Assert.That(f.Severity, Is.EqualTo(Severity.Error));
        Assert.That(f.Text.Zh, Does.Contain("工作表“民情台账”第 3 行应是表头"));
        Assert.That(f.Text.Zh, Does.Contain("“号码”、“日子”、“来人”"));
        Assert.That(f.Text.Zh, Does.Contain("编号、序号、台账编号、受理日期、反映日期"));
        Assert.That(f.Text.Zh, Does.Contain("反映人、来访人"));
    }

    [Test]
    public void A_sheet_without_its_header_row_is_one_finding_that_does_not_repeat_the_full_names_it_quotes()
    {
        using var site = new TinyInput();
        site.Write("units/v1/requests.csv", "2026-001,2026-10-08,王建国,水渠堵塞,民生服务,陈国强,,已办结,2026-10-12,已清理,满意\n2026-002,2026-10-09,李*,路灯,民生服务,陈国强,,办理中,,,\n");
        var result = site.Build(new DateOnly(2026, 11, 24));
        Assert.That(result.Succeeded, Is.False);
        var f = result.Report.Findings.Single(x => x.File == "units/v1/requests.csv");
        Assert.That((f.Code, f.Line, f.Column), Is.EqualTo((FindingCodes.MissingColumn, (int?)1, (int?)1)));
        Assert.That(f.Text.Zh, Does.Contain("“王*国”").And.Not.Contain("王建国"));
        Assert.That(f.Text.En, Does.Not.Contain("王建国"));
    }

    [Test]
    public void Numbers_that_would_share_one_page_address_are_a_duplicate_even_through_colons_and_case()
    {
        using var site = new TinyInput();
        const string Head = "编号,受理日期,反映人,事项,类别,经办人,办结时限,状态,办结日期,办理结果,回访\n";
        site.Write("units/v1/requests.csv", Head + "A-001,2026-10-08,王*,水渠堵塞,民生服务,陈国强,,已办结,2026-10-12,已清理,\na:001,2026-10-09,李*,路灯,民生服务,陈国强,,已办结,2026-10-12,已修,\n");
        var result = site.Build(new DateOnly(2026, 11, 24));
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Report.Findings.Where(x => x.File == "units/v1/requests.csv").Select(x => (x.Code, x.Line, x.Column)), Is.EqualTo(new[] { (FindingCodes.Duplicate, (int?)3, (int?)1) }));
    }

    [Test]
    public void A_full_name_above_the_table_or_a_mobile_in_its_signature_stops_the_build_and_nothing_is_published()
    {
        using var site = new TinyInput();
        Directory.CreateDirectory(Path.Combine(site.Root, "units", "v1"));
        File.Copy(Path.Combine(TestPaths.Fixtures, "sheets", "requests-name-above-and-phone-below.xlsx"), Path.Combine(site.Root, "units", "v1", "requests.xlsx"));
        var result = site.Build(new DateOnly(2026, 11, 24));
        Assert.That(result.Succeeded, Is.False);
        Assert.That(
            result.Report.Findings.Where(f => f.Code.StartsWith("privacy.", StringComparison.Ordinal)).Select(f => (f.Code, f.File, f.Line, f.Column)),
            Is.EquivalentTo(new[] { (FindingCodes.PersonName, "units/v1/requests.xlsx", (int?)2, (int?)1), (FindingCodes.Mobile, "units/v1/requests.xlsx", (int?)8, (int?)5) }));

        // The report names them masked; no file of the output holds them.
        Assert.That(result.Report.Findings.Select(f => f.Text.Zh + f.Text.En), Has.None.Contains("王建国").And.None.Contains("13812345678"));
        var leaked = Directory.Exists(site.Output)
            ? Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Where(f => File.ReadAllText(f) is var t && (t.Contains("王建国", StringComparison.Ordinal) || t.Contains("13812345678", StringComparison.Ordinal))).ToList()
            : [];
        Assert.That(leaked, Is.Empty);
    }

    [Test]
    public void A_mobile_in_the_signature_line_of_a_disclosure_sheet_is_an_error_at_its_cell_as_the_item_page_would_show_it()
    {
        var dir = TestPaths.TempDir("ds-request-sheets");
        try
        {
            File.WriteAllText(Path.Combine(dir, "t.csv"), "测试村收支表,,,\n日期,摘要,收入,支出\n2025-01-05,租金,800.00,\n合计,,800.00,\n制表人：陈国强,联系电话：13812345678,,\n");
            var sink = new FindingSink();
            var table = TableReader.ReadSheet(new InputFolder(dir), "t.csv", new SheetRequest(new HashSet<string> { "日期", "摘要", "收入", "支出" }, RequireKnown: true), sink, out _);
            Assert.That(table, Is.Not.Null);
            Assert.That(sink.Findings.Select(f => (f.Code, f.Line, f.Column)), Is.EqualTo(new[] { (FindingCodes.Mobile, (int?)5, (int?)2) }));
            Assert.That(sink.Findings.Single().Text.Zh, Does.Contain("表格下方签名栏第 5 行").And.Contain("138****5678"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
