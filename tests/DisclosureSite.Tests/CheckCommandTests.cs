using System.Text.Json;
using DisclosureSite.Cli;

namespace DisclosureSite.Tests;

/// <summary>`disclosure check` end to end: exit codes, the four formats, the demo's golden report.</summary>
public class CheckCommandTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(args, new CliContext(stdout, stderr, Clock));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void Demo_has_no_input_errors_and_exits_zero()
    {
        var (code, output, _) = Run("check", "--input", TestPaths.DemoInput, "--as-of", "2026-11-24");
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("错误 0").And.Contain("没有数据错误"));
    }

    [Test]
    public void Demo_json_at_2026_11_24_matches_the_reviewed_golden_report()
    {
        var (code, output, _) = Run("check", "--input", TestPaths.DemoInput, "--as-of", "2026-11-24", "--format", "json");
        var golden = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "demo", "check-2026-11-24.json"));
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Is.EqualTo(golden));
    }

    [Test]
    public void Json_has_the_shape_of_SPEC_section_6()
    {
        var (_, output, _) = Run("check", "--input", Path.Combine(TestPaths.Fixtures, "bad", "ledger-total-mismatch", "input"), "--as-of", "2025-03-01", "--format", "json");
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("as_of").GetString(), Is.EqualTo("2025-03-01"));
        var f = root.GetProperty("findings")[0];
        var keys = f.EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(keys, Is.EqualTo(new[] { "code", "severity", "unit", "period", "item", "file", "line", "column", "message", "days" }));
        Assert.That(f.GetProperty("code").GetString(), Is.EqualTo("table.total-mismatch"));
        Assert.That(f.GetProperty("severity").GetString(), Is.EqualTo("error"));
        Assert.That(f.GetProperty("file").GetString(), Is.EqualTo("disclosures/cun/2025-Q1/ledger.csv"));
        Assert.That(f.GetProperty("line").GetInt32(), Is.EqualTo(4));
        Assert.That(f.GetProperty("days").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("summary").GetProperty("errors").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public void Errors_exit_one()
    {
        var (code, output, _) = Run("check", "--input", Path.Combine(TestPaths.Fixtures, "bad", "unknown-item", "input"), "--as-of", "2025-03-01");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("disclosures/cun/2025-Q1/finance.md:2:7").And.Contain("input.unknown-item"));
    }

    [Test]
    public void Warnings_alone_exit_zero()
    {
        var (code, _, _) = Run("check", "--input", Path.Combine(TestPaths.Fixtures, "bad", "schedule-missing", "input"), "--as-of", "2025-04-21");
        Assert.That(code, Is.EqualTo(0));
    }

    [TestCase("check", "--input", "/nonexistent/folder")]
    [TestCase("check", "--frobnicate")]
    [TestCase("check", "--format", "xml")]
    [TestCase("check", "--as-of", "2026-13-01")]
    [TestCase("check", "extra")]
    [TestCase("nosuchcommand")]
    public void Usage_errors_and_unreadable_input_exit_two(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(err, Is.Not.Empty);
    }

    [Test]
    public void Github_format_puts_each_finding_on_its_line_with_escaping()
    {
        var (_, output, _) = Run("check", "--input", Path.Combine(TestPaths.Fixtures, "bad", "ragged-csv-row", "input"), "--as-of", "2025-03-01", "--format", "github");
        var line = output.Split('\n')[0];
        Assert.That(line, Does.StartWith("::error file=disclosures/cun/2025-Q1/ledger.csv,line=3,col=5,title=input.syntax::"));
        Assert.That(ReportEscapes("a%b\nc:d,e"), Is.EqualTo(("a%25b%0Ac:d,e", "a%25b%0Ac%3Ad%2Ce")));
    }

    private static (string, string) ReportEscapes(string s) =>
        (Validation.Output.ReportWriter.EscapeData(s), Validation.Output.ReportWriter.EscapeProperty(s));

    [Test]
    public void Markdown_format_makes_a_table_per_unit()
    {
        var (_, output, _) = Run("check", "--input", TestPaths.DemoInput, "--as-of", "2026-11-24", "--format", "markdown");
        Assert.That(output, Does.Contain("### 荷塘村 (hetang)").And.Contain("| 级别 | 代码 | 期次 | 事项 | 位置 | 说明 |").And.Contain("`schedule.missing`"));
    }

    [Test]
    public void English_messages_with_lang_en()
    {
        var (_, output, _) = Run("check", "--input", Path.Combine(TestPaths.Fixtures, "bad", "unknown-item", "input"), "--as-of", "2025-03-01", "--lang", "en");
        Assert.That(output, Does.Contain("is not in the catalogue").And.Not.Contain("不在公开目录中"));
    }

    [Test]
    public void Personal_data_never_appears_unmasked_in_the_report()
    {
        var (_, output, _) = Run("check", "--input", Path.Combine(TestPaths.Fixtures, "bad", "privacy-id-number", "input"), "--as-of", "2025-03-01", "--format", "json");
        Assert.That(output, Does.Not.Contain("110101199003076632").And.Contain("110101********6632"));
    }

    [Test]
    public void Text_report_groups_by_unit_and_ends_with_a_summary()
    {
        var (_, output, _) = Run("check", "--input", TestPaths.DemoInput, "--as-of", "2026-11-24");
        Assert.That(output, Does.Contain("== 荷塘村(hetang) ==").And.Contain("9 个单位,应公开 615 项:按时 595,逾期 6,缺报 6"));
    }
}
