using BenchmarkDotNet.Attributes;
using Fluid;

namespace DisclosureSite.Benchmarks;

/// <summary>
/// Liquid rendering of an item page with Fluid, parsed once and rendered many times. Until the site's own
/// theme lands on main this uses a representative template (layout, badge, body, ledger table, revisions).
/// </summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private const string ItemTemplate = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>{{ page.title }} · {{ site.name }}</title>
        <link rel="stylesheet" href="{{ site.base }}assets/site.css"></head>
        <body><header><a href="{{ site.base }}">{{ site.name }}</a></header>
        <nav><ol>{% for c in page.crumbs %}<li><a href="{{ c.url }}">{{ c.title }}</a></li>{% endfor %}</ol></nav>
        <main><article><h1>{{ page.title }}</h1>
        <p class="meta"><span class="badge badge-{{ page.status }}">{{ page.status_text }}</span>
        {{ page.unit }} · {{ page.period }} · 公开日期 <time datetime="{{ page.published }}">{{ page.published }}</time>({{ page.date_source }})</p>
        {{ page.body_html }}
        {% for t in page.tables %}<table><caption>{{ t.caption }}</caption><thead><tr>{% for h in t.header %}<th>{{ h }}</th>{% endfor %}</tr></thead>
        <tbody>{% for r in t.rows %}<tr>{% for c in r %}<td>{{ c }}</td>{% endfor %}</tr>{% endfor %}</tbody>
        <tfoot><tr><th colspan="3">合计</th><td>{{ t.income }}</td><td>{{ t.expense }}</td><td colspan="2"></td></tr></tfoot></table>{% endfor %}
        </article></main><footer>监督投诉电话:{{ site.hotline }}</footer></body></html>
        """;

    private static readonly FluidParser Parser = new();
    private SampleCorpus _sample = null!;
    private IFluidTemplate _template = null!;
    private TemplateOptions _options = null!;
    private object _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sample = SampleCorpus.Create();
        _template = Parser.Parse(ItemTemplate);
        _options = new TemplateOptions { MemberAccessStrategy = UnsafeMemberAccessStrategy.Instance };
        var lines = _sample.LedgerCsv.TrimEnd('\n').Split('\n');
        var md = _sample.FinanceMarkdown;
        var body = md[(md.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];
        _model = new
        {
            site = new { name = "后峰镇三务公开", @base = "/houfeng/", hotline = "0591-2100000" },
            page = new
            {
                title = "2026年第三季度村级财务收支情况",
                crumbs = new[] { new { url = "/houfeng/", title = "首页" }, new { url = "/houfeng/fengling/", title = "凤岭村" } },
                status = "on-time",
                status_text = "按时",
                unit = "凤岭村",
                period = "2026年第三季度",
                published = "2026-10-09",
                date_source = "自行填报",
                body_html = "<p>" + body.Replace("\n\n", "</p><p>", StringComparison.Ordinal) + "</p>",
                tables = new[]
                {
                    new { caption = "收支明细", header = lines[0].Split(','), rows = lines.Skip(1).Select(l => l.Split(',')).ToArray(), income = "90,850.00", expense = "76,937.62" },
                },
            },
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _sample.Dispose();

    [Benchmark(Baseline = true)]
    public string Render_item_page_parsed_once() => _template.Render(new TemplateContext(_model, _options));

    [Benchmark]
    public string Parse_and_render_item_page() => Parser.Parse(ItemTemplate).Render(new TemplateContext(_model, _options));
}
