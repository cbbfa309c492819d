using System.Text.Encodings.Web;
using System.Text.Unicode;
using DisclosureSite.Site.Render;
using DisclosureSite.Site.Render.Views;
using Fluid;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// <c>{% table_rows t %}</c> writes in C# what the default theme's Liquid loop over a table's rows and cells wrote: the
/// loop, kept here as the definition, and the tag give the same text for cells with markup, quotes, ampersands, Chinese,
/// characters outside the BMP, empty cells and classes, and total rows.
/// </summary>
[TestFixture]
public class TableRowsTagTests
{
    private const string Loop = """
        {% for r in t.rows %}<tr{% if r.is_total %} class="total"{% endif %}>{% for cell in r.cells %}<td{% if cell.css != "" %} class="{{ cell.css }}"{% endif %} data-label="{{ cell.label }}">{{ cell.text }}</td>{% endfor %}</tr>
        {% endfor %}
        """;

    private static TableView Table(params RowView[] rows) =>
        new("附表", "ledger", ["日期", "摘要", "收入（元）"], ["date", "summary", "num"], rows, null, null, "x.csv");

    private static IEnumerable<TestCaseData> Tables()
    {
        yield return new TestCaseData(Table()).SetName("no rows");
        yield return new TestCaseData(Table(
            new RowView([new CellView("2026-07-03", false, "日期", "date"), new CellView("<b>办公</b> & \"用品\" 'a'", false, "摘要", "summary"), new CellView("1,234.50", true, "收入（元）", "num")], false),
            new RowView([new CellView(string.Empty, false, "日期", "date"), new CellView("合计", false, "摘要", "summary"), new CellView("1,234.50", true, "收入（元）", "num")], true))).SetName("a ledger with its 合计 row");
        yield return new TestCaseData(Table(
            new RowView([new CellView("𠀀 张** 138****5678", false, "姓名<>", string.Empty), new CellView("=1+1", false, "a\"b", string.Empty), new CellView(" ", false, string.Empty, string.Empty)], false))).SetName("cells and labels without classes, odd text");
    }

    [TestCaseSource(nameof(Tables))]
    public void The_tag_writes_what_the_loop_wrote(TableView table)
    {
        var encoder = HtmlEncoder.Create(UnicodeRanges.All);
        var options = new TemplateOptions { MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase } };
        var loop = new TemplateContext(options);
        loop.SetValue("t", table);
        var expected = new FluidParser().Parse(Loop).Render(loop, encoder);

        var parser = new FluidParser();
        TableRowsTag.Register(parser);
        var tag = new TemplateContext(options);
        tag.SetValue("t", table);
        var actual = parser.Parse("{% table_rows t %}").Render(tag, encoder);

        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(actual, Does.Not.Contain("<b>"));
    }

    [Test]
    public void The_default_theme_uses_the_tag()
    {
        // The site's tables are written by the tag (the loop was a sixth of a clean build's CPU); a theme that overrides
        // partials/table.liquid may loop itself (SiteBuildTests' theme overrides).
        var partial = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "themes/default/partials/table.liquid"));
        Assert.That(partial, Does.Contain("{% table_rows t %}"));
    }
}
