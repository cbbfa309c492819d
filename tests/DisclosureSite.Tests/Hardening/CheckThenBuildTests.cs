using DisclosureSite.Tests.Publishing;

namespace DisclosureSite.Tests.Hardening;

/// <summary>
/// Issue 12, class 6: whatever <c>check</c> accepts, <c>build</c> builds; everything else is a finding or a one-line
/// message with exit 2. No stack trace reaches a user.
/// </summary>
public class CheckThenBuildTests
{
    private static void AssertNoStackTrace(CliRun run) =>
        Assert.That(run.Out + run.Error, Does.Not.Contain("   at ").And.Not.Contain("Exception:"), run.ToString());

    /// <summary>Inputs that crashed <c>build</c> after <c>check</c> passed: now <c>check</c> refuses them with a finding.</summary>
    [TestCase("attachments: [scan.pdf, scan.pdf]\n", "input.duplicate")]
    [TestCase("tables:\n  - ledger.csv\n  - ledger.csv\n", "input.duplicate")]
    [TestCase("tables:\n  - ledger.csv\n  - ledger.xlsx\n", "input.duplicate")]
    [TestCase("attachments: [index.html]\n", "input.unsafe-attachment")]
    public void Check_refuses_what_build_could_not_write(string frontMatter, string code)
    {
        using var a = new Attack();
        var dir = "input/disclosures/dongshan/2026-Q3/";
        a.WriteBytes(dir + "scan.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray());
        a.Write(dir + "index.html", "<p>page</p>");
        a.Write(dir + "ledger.csv", "项目,金额\n办公费,100.00\n");
        a.WriteBytes(dir + "ledger.xlsx", File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, "attachments", "sheet.xlsx")));
        a.WriteDisclosure("finance", frontMatter);
        var check = a.Check();
        Assert.That(check.Out, Does.Contain(code), check.ToString());
        Assert.That(check.Code, Is.EqualTo(1));
        var build = a.Build();
        Assert.That(build.Code, Is.EqualTo(1), build.ToString());
        AssertNoStackTrace(build);
    }

    [TestCase("compliance")]
    [TestCase("data")]
    [TestCase("history")]
    [TestCase("assets")]
    public void Unit_id_equal_to_a_site_path_is_a_finding(string id)
    {
        using var a = new Attack();
        File.AppendAllText(a.Path("input/units.csv"), $"\n{id},同名村,village,town,,\n");
        var check = a.Check();
        Assert.That(check.Code, Is.EqualTo(1), check.ToString());
        Assert.That(check.Out, Does.Contain("input.bad-name"));
        AssertNoStackTrace(a.Build());
    }

    [Test]
    public void Deeply_nested_Markdown_is_a_finding_and_moderate_nesting_builds()
    {
        using var a = new Attack();
        a.WriteDisclosure("finance", string.Empty, "正文。\n\n" + string.Concat(Enumerable.Repeat("> ", 500)) + "深\n");
        var check = a.Check();
        Assert.That(check.Out, Does.Contain("input.too-large"), check.ToString());
        AssertNoStackTrace(a.Build());

        a.WriteDisclosure("finance", string.Empty, "正文。\n\n" + string.Concat(Enumerable.Repeat("> ", 10)) + "不深\n\n" + string.Concat(Enumerable.Repeat("3 * 5 = 15, [注] ", 200)) + "\n");
        Assert.That(a.Check().Out, Does.Not.Contain("input.too-large"));
        var build = a.Build();
        Assert.That(build.Code, Is.EqualTo(0), build.ToString());
    }

    [Test]
    public void Emphasis_nested_past_Markdigs_own_limit_is_a_finding()
    {
        using var a = new Attack();
        a.WriteDisclosure("finance", string.Empty, string.Concat(Enumerable.Repeat("*a ", 300)) + "b" + string.Concat(Enumerable.Repeat(" a*", 300)) + "\n");
        var check = a.Check();
        AssertNoStackTrace(check);
        var build = a.Build();
        AssertNoStackTrace(build);
        Assert.That(build.Code, Is.EqualTo(check.Code), "build accepts exactly what check accepts\n" + check + build);
    }

    [TestCase("{% include 'no-such-partial' %}")]
    [TestCase("{% include 'loop' %}")]
    [TestCase("{% if %}")]
    [TestCase("{% table_rows site %}")]
    [TestCase("{% table_rows %}")]
    public void Broken_theme_is_one_message_and_the_site_is_unchanged(string homeTemplate)
    {
        using var a = new Attack();
        Assert.That(a.Build().Code, Is.EqualTo(0));
        var before = File.ReadAllText(a.Path("_site/index.html"));
        a.Write("input/theme/layouts/home.liquid", homeTemplate);
        a.Write("input/theme/partials/loop.liquid", "{% include 'loop' %}");
        var run = a.Build();
        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("主题出错"));
        AssertNoStackTrace(run);
        Assert.That(File.ReadAllText(a.Path("_site/index.html")), Is.EqualTo(before));
    }

    [Test]
    public void A_broken_layout_no_page_uses_does_not_stop_the_build()
    {
        // The build parses the theme's layouts beside Load; one that does not parse is only reported by a page using it.
        using var a = new Attack();
        a.Write("input/theme/layouts/unused-extra.liquid", "{% if %}");
        var run = a.Build();
        Assert.That(run.Code, Is.EqualTo(0), run.ToString());
        Assert.That(File.Exists(a.Path("_site/index.html")));
    }

    [Test]
    public void Input_errors_are_reported_before_a_broken_theme()
    {
        using var a = new Attack();
        a.Write("input/theme/layouts/home.liquid", "{% if %}");
        a.WriteDisclosure("finance", "opening_balance: [1, 2\n");
        var run = a.Build();
        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Out + run.Error, Does.Contain("input.syntax"));
        Assert.That(run.Error, Does.Not.Contain("主题出错"));
        AssertNoStackTrace(run);
    }

    [TestCase("9999-12-31")]
    [TestCase("0001-01-01")]
    public void Extreme_as_of_dates_are_a_usage_message(string asOf)
    {
        using var a = new Attack();
        foreach (var args in new[] { new[] { "check" }, ["build", "--no-search"], ["remind", "--dry-run"] })
        {
            var run = a.Run([.. args, "--input", "input", "--as-of", asOf]);
            Assert.That(run.Code, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("--as-of"));
            AssertNoStackTrace(run);
        }
    }

    [Test]
    public void Sums_beyond_decimals_range_are_findings_not_crashes()
    {
        using var a = new Attack();
        var dir = "input/disclosures/dongshan/2026-Q3/";
        a.Write(dir + "ledger.csv", "日期,摘要,收入,支出\n2026-07-01,甲,79228162514264337593543950335,\n2026-07-02,乙,79228162514264337593543950335,\n合计,,158456325028528675187087900670,\n");
        a.WriteDisclosure("finance", "opening_balance: 79228162514264337593543950335\nclosing_balance: 1\ntables:\n  - file: ledger.csv\n    schema: ledger\n");
        var check = a.Check();
        AssertNoStackTrace(check);
        Assert.That(check.Code, Is.EqualTo(1));
        Assert.That(check.Out, Does.Contain("table.bad-amount"));
    }

    [Test]
    public void Output_path_through_a_file_is_one_line_with_exit_2()
    {
        using var a = new Attack();
        a.Write("file", "x");
        var run = a.Build("file/inside/_site");
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        AssertNoStackTrace(run);
    }
}
