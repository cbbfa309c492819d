using System.Text;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Validation;

namespace DisclosureSite.Tests;

/// <summary>
/// Clerks' real sheets (SPEC §4, issue 13): the reader finds the table where a clerk put it, and a template left
/// unfinished is never counted as disclosed. The files made by openpyxl and LibreOffice are in tests/fixtures/sheets
/// and run as fixtures (FixtureTests); these cases pin the reader's parts one by one.
/// </summary>
public class SheetTests
{
    private static readonly IReadOnlySet<string> LedgerNames = new HashSet<string> { "日期", "时间", "摘要", "事由", "收入", "支出", "经手人", "凭证号" };

    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = TestPaths.TempDir("ds-sheets");

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private (Loading.Sheets.SheetTable? Sheet, FindingSink Sink) Read(string csv, bool requireKnown = true, Encoding? encoding = null)
    {
        File.WriteAllBytes(Path.Combine(_dir, "t.csv"), (encoding ?? new UTF8Encoding(false)).GetBytes(csv));
        var sink = new FindingSink();
        var sheet = TableReader.ReadSheet(new InputFolder(_dir), "t.csv", new SheetRequest(LedgerNames, requireKnown), sink, out _);
        return (sheet, sink);
    }

    [Test]
    public void A_csv_with_a_title_line_and_trailing_commas_has_its_header_on_the_third_line()
    {
        // As WPS saves a sheet with a merged title: every line as wide as the widest, and one more empty column.
        var (sheet, sink) = Read("东山村2026年第三季度收支明细表,,,,\n,,,单位：元,\n日期,摘要,收入,支出,\n2026/9/3,租金收入,800.00,,\n,,,,\n合计,,800.00,,\n制表人：张三,,审核人：,李四,\n");

        Assert.That(sink.Findings, Is.Empty);
        Assert.That(sheet!.Title, Is.EqualTo("东山村2026年第三季度收支明细表"));
        Assert.That(sheet.Unit, Is.EqualTo("元"));
        Assert.That(sheet.Header.Select(h => (h.Text, h.Line)), Is.EqualTo(new[] { ("日期", 3), ("摘要", 3), ("收入", 3), ("支出", 3) }));
        Assert.That(sheet.Rows.Select(r => r.Line), Is.EqualTo(new[] { 4, 6 }), "the blank line 5 is no row; the signature line 7 is none either");
        Assert.That(sheet.Rows.All(r => r.Cells.Count == 4), Is.True);
        Assert.That(sheet.Signature.Single(), Is.EqualTo(new SignatureLine(7, ["制表人：张三", "审核人：李四"])));
    }

    [Test]
    public void The_header_may_be_under_blank_lines_a_title_and_notes_and_gb18030_is_read()
    {
        var (sheet, sink) = Read("\n\n收支公开表\n编制单位：东山村民委员会,公开日期：2026年10月8日\n金额单位：元\n\n时间,事由,收入,支出\n2026-09-03,租金,800,\n", encoding: CodePagesGb18030());

        Assert.That(sink.Findings, Is.Empty);
        Assert.That((sheet!.Title, sheet.Unit, sheet.Header[0].Line), Is.EqualTo(("收支公开表", "元", 7)));
        Assert.That(sheet.Notes, Is.EqualTo(new[] { "编制单位：东山村民委员会\u3000公开日期：2026年10月8日" }));
    }

    [Test]
    public void A_signature_in_one_cell_is_split_before_each_label_and_lines_under_the_total_belong_to_it()
    {
        var (sheet, _) = Read("日期,摘要,收入\n2026-09-03,租金,800\n合计,,800\n制表人：张三　审核人：李四  日期：2026年10月8日\n东山村民委员会\n");

        Assert.That(sheet!.Rows, Has.Count.EqualTo(2));
        Assert.That(sheet.Signature.Select(s => s.Parts), Is.EqualTo(new[] { new[] { "制表人：张三", "审核人：李四", "日期：2026年10月8日" }, new[] { "东山村民委员会" } }));
    }

    [Test]
    public void A_single_cell_line_under_the_total_is_the_signing_body_not_a_row()
    {
        var (sheet, sink) = Read("日期,摘要,收入\n2026-09-03,租金,800\n合计,,800\n东山村民委员会（盖章）\n2026年10月8日\n");

        Assert.That(sink.Findings, Is.Empty);
        Assert.That(sheet!.Rows.Select(r => r[0]), Is.EqualTo(new[] { "2026-09-03", "合计" }));
        Assert.That(sheet.Signature.Select(s => s.Parts.Single()), Is.EqualTo(new[] { "东山村民委员会（盖章）", "2026年10月8日" }));
    }

    [Test]
    public void When_no_row_has_a_known_column_name_one_finding_names_the_row_what_is_there_and_the_names_accepted()
    {
        var (sheet, sink) = Read("东山村收支表,,\n单位：元,,\n时间段,内容,进账\n2026-09-03,租金,800\n");

        Assert.That(sheet, Is.Null);
        var f = sink.Findings.Single();
        Assert.That((f.Code, f.Line), Is.EqualTo((FindingCodes.MissingColumn, (int?)3)));
        Assert.That(f.Text.Zh, Does.Contain("第 3 行应是表头").And.Contain("“时间段”、“内容”、“进账”").And.Contain("日期").And.Contain("收入"));
        Assert.That(f.Text.En, Does.Contain("row 3 should be the header"));
    }

    [Test]
    public void A_generic_table_without_known_names_takes_its_first_row_of_several_cells_as_the_header()
    {
        var (sheet, sink) = Read("2026年村集体资产清单\n名称,数量,存放地点\n办公桌,4,村部\n", requireKnown: false);

        Assert.That(sink.Findings, Is.Empty);
        Assert.That((sheet!.Title, sheet.Header[0].Text, sheet.Rows.Single()[0]), Is.EqualTo(("2026年村集体资产清单", "名称", "办公桌")));
    }

    [Test]
    public void A_csv_row_with_a_missing_comma_is_still_a_broken_row()
    {
        var (sheet, sink) = Read("日期,摘要,收入,支出\n2026-09-03,租金 800,\n");

        Assert.That(sheet, Is.Null);
        Assert.That(sink.Findings.Single().Code, Is.EqualTo(FindingCodes.Syntax));
    }

    [TestCase("2026-09-03", true)]
    [TestCase("2026/9/3", true)]
    [TestCase("2026.9.3", true)]
    [TestCase("2026年9月3日", true)]
    [TestCase("2026/9/3 10:30", true)]
    [TestCase("2026-09-03 10:30:00", true)]
    [TestCase("2026/9/31", false)]
    [TestCase("2026-13-45", false)]
    [TestCase("2026-02-29", false)]
    [TestCase("9月3日", false)]
    [TestCase("46268", false)]
    [TestCase("2026/9/3 上午", false)]
    public void A_table_date_is_a_real_date_in_a_form_clerks_write(string text, bool real)
    {
        Assert.That(Dates.TryParse(text, out _), Is.EqualTo(real));
    }

    [Test]
    public void An_untouched_template_does_not_count_as_disclosed_and_is_missing_after_the_deadline()
    {
        var loaded = InputLoader.Load(Path.Combine(TestPaths.Fixtures, "bad", "input-placeholder-untouched-template", "input"));
        var context = Validator.Context(loaded.Input!, new DateOnly(2025, 4, 21), GitHistory.None("test"));

        var finance = context.Compliance.Single(e => e.Unit.Id == "cun" && e.Item.Id == "village.finance" && e.Period.ToString() == "2025-Q1");

        Assert.That(finance.Status, Is.EqualTo(ItemStatus.Missing));
        Assert.That(finance.IsDisclosed, Is.False);
    }

    [Test]
    public void The_sheet_title_is_the_caption_unless_the_front_matter_gives_one()
    {
        var loaded = InputLoader.Load(Path.Combine(TestPaths.Fixtures, "good", "sheet-ledger-xlsx", "input"));
        var table = loaded.Input!.Disclosures.Single().Tables.Single();

        Assert.That((table.Caption, table.Unit, table.HeaderLine), Is.EqualTo(("测试村2025年第一季度收支明细表", "元", 3)));
        Assert.That(table.Notes, Is.EqualTo(new[] { "编制单位：测试村民委员会" }));
        Assert.That(table.Signature.Single().Parts, Is.EqualTo(new[] { "制表人：陈国强", "审核人：林志远", "日期：2025年4月8日" }));
        Assert.That(table.Rows.Select(r => r[3]), Is.EqualTo(new[] { "800", string.Empty, string.Empty, "1,200.00", "2000" }), "numbers as Excel keeps them, text as typed");
    }

    private static Encoding CodePagesGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
