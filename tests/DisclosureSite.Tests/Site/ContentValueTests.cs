using DisclosureSite.Site.Render;
using Fluid;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// A page's inner text reaches its layout as a <see cref="ContentValue"/> (kept in the thread's buffer, not a string):
/// whatever a township's layout does with <c>content</c> must give what Fluid gives for the plain string.
/// </summary>
[TestFixture]
public class ContentValueTests
{
    private const string Inner = "<h1>村务公开 &amp; 财务</h1>\n<p>2026年第三季度 \"收支\" <b>1,234.50</b> 元 𠀀</p>\n";

    [TestCase("{{ content | raw }}")]
    [TestCase("{{ content }}")]
    [TestCase("<main>{{ content | raw }}</main>{{ content | raw }}")]
    [TestCase("{{ content | size }} {{ content.size }}")]
    [TestCase("{% if content contains \"财务\" %}有{% else %}无{% endif %}{% if content == empty %}空{% endif %}{% if content %}真{% endif %}")]
    [TestCase("{{ content | strip_html | strip_newlines }}")]
    [TestCase("{{ content | upcase | raw }}{{ content | escape }}")]
    [TestCase("{% assign c = content %}{{ c | raw }}{% capture x %}[{{ content | raw }}]{% endcapture %}{{ x | raw }}")]
    [TestCase("{{ content | slice: 0, 4 }}{{ content | split: \"\n\" | first | raw }}")]
    public void A_layout_sees_the_same_text_as_a_string(string layout)
    {
        var parser = new FluidParser();
        var template = parser.Parse(layout);

        // Fluid's own filters and a plain string: what a theme would get without ContentValue.
        var plain = new TemplateContext(new TemplateOptions());
        plain.SetValue("content", Inner);
        var expected = template.Render(plain);

        var options = new TemplateOptions();
        LiquidFilters.Register(options.Filters);
        var context = new TemplateContext(options);
        context.SetValue("content", ContentValue.Render(writer => writer.Write(Inner)));
        var page = PageWriter.Start();
        template.RenderAsync(page, System.Text.Encodings.Web.HtmlEncoder.Default, context).AsTask().GetAwaiter().GetResult();
        var actual = System.Text.Encoding.UTF8.GetString(page.Complete());

        var reference = PageWriter.Start();
        template.RenderAsync(reference, System.Text.Encodings.Web.HtmlEncoder.Default, plain).AsTask().GetAwaiter().GetResult();
        Assert.Multiple(() =>
        {
            Assert.That(actual, Is.EqualTo(System.Text.Encoding.UTF8.GetString(reference.Complete())));
            Assert.That(expected, Is.Not.Empty);
        });
    }

    [Test]
    public void The_next_page_on_the_thread_starts_from_an_empty_buffer()
    {
        var first = ContentValue.Render(writer => writer.Write(new string('长', 50_000)));
        Assert.That(first.ToStringValue(), Has.Length.EqualTo(50_000));
        var second = ContentValue.Render(writer => writer.Write("短"));
        var page = PageWriter.Start();
        second.WriteTo(page);
        Assert.That(System.Text.Encoding.UTF8.GetString(page.Complete()), Is.EqualTo("短"));
    }
}
