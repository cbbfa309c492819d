using System.Text;
using DisclosureSite.Loading;
using DisclosureSite.Site.Render;
using FsCheck;
using FsCheck.Fluent;
using Markdig;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// The plain-prose path of <see cref="SafeMarkdown.ToHtml"/> (<see cref="SafeMarkdown.PlainParagraphs"/>) writes what
/// Markdig writes, byte for byte, whenever it takes a body; what it does not take goes to Markdig.
/// </summary>
public class SafeMarkdownTests
{
    private static string Markdig(string markdown) => Markdown.ToHtml(markdown, MarkdownBody.Pipeline);

    [Test]
    public void A_body_of_plain_paragraphs_is_rendered_without_markdig_as_markdig_renders_it()
    {
        const string body = "2023年第三季度财务收支情况已经北塘村“两委”联席会议研究审定,现予公开。\n\n"
            + "本期期初结余366,819.70元,收入合计167,900.00元(详见下表)。\n值班电话0591-3000008;邮箱 cwgk@example.cn。\n\n\n"
            + "　　全角空格开头的段落。\nABC village 100% done: ok?\n";
        var plain = SafeMarkdown.PlainParagraphs(body);
        Assert.That(plain, Is.Not.Null, "plain prose takes the fast path");
        Assert.That(plain, Is.EqualTo(Markdig(body)));
        Assert.That(SafeMarkdown.ToHtml(body), Is.EqualTo(plain));
        Assert.That(SafeMarkdown.PlainParagraphs(string.Empty), Is.EqualTo(Markdig(string.Empty)));
        Assert.That(SafeMarkdown.PlainParagraphs("\n  \n"), Is.EqualTo(Markdig("\n  \n")));
    }

    [TestCase("1. 第一项\n2. 第二项")]
    [TestCase("2) 第二项")]
    [TestCase("- 列表")]
    [TestCase("# 标题")]
    [TestCase("标题\n===")]
    [TestCase("**加粗**")]
    [TestCase("见[链接](javascript:alert(1))")]
    [TestCase("<script>alert(1)</script>")]
    [TestCase("A &amp; B")]
    [TestCase("    缩进成代码块")]
    [TestCase(" 前导空格")]
    [TestCase("行尾两个空格  \n换行")]
    [TestCase("a | b\n--|--\n1 | 2")]
    [TestCase("制表\t符")]
    [TestCase("回车\r\n换行")]
    [TestCase("\"引号\"")]
    public void Anything_markdown_could_read_goes_to_markdig(string body)
    {
        Assert.That(SafeMarkdown.PlainParagraphs(body), Is.Null);
    }

    [Test]
    public void Every_fixture_body_the_fast_path_takes_renders_as_markdig_renders_it()
    {
        var taken = 0;
        foreach (var file in Directory.EnumerateFiles(TestPaths.Fixtures, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            if (SafeMarkdown.PlainParagraphs(text) is { } plain)
            {
                taken++;
                Assert.That(plain, Is.EqualTo(Markdig(text)), file);
            }

            var end = text.StartsWith("---\n", StringComparison.Ordinal) ? text.IndexOf("\n---\n", 4, StringComparison.Ordinal) : -1;
            if (end > 0 && SafeMarkdown.PlainParagraphs(text[(end + 5)..]) is { } body)
            {
                taken++;
                Assert.That(body, Is.EqualTo(Markdig(text[(end + 5)..])), file);
            }
        }

        Assert.That(taken, Is.GreaterThan(20), "the fixtures' bodies are mostly plain prose");
    }

    /// <summary>Pieces that text is made of, plain and not: the property below mixes them at random (fixed seed).</summary>
    private static readonly string[] Pieces =
    [
        "公开", "村务", "“两委”", "。", ",", "　", "\u00A0", "\u3000", "\u2028", "\uFEFF", "😀", "a", "Z", "1", "23", "2023年", "0591-3000008",
        " ", "  ", "    ", "\n", "\n\n", "\n \n", ".", ")", "(", "-", ":", "/", "@", "%", "$", "?", ";", "*", "_", "#", "=", "+", "~", "^",
        "|", "<", ">", "&", "\"", "'", "`", "[", "]", "!", "\\", "\t", "\r", "\u0000", "1.", "1)", "---", "===",
    ];

    [Test]
    public void Whatever_the_fast_path_takes_from_random_text_it_renders_as_markdig_renders_it()
    {
        var text = from count in Gen.Choose(0, 24)
                   from pieces in Gen.ArrayOf(Gen.Elements(Pieces), count)
                   select string.Concat(pieces);
        FastPathProperty.Holds(text, SafeMarkdown.PlainParagraphs, Markdig, "bodies the fast path renders differently from Markdig");
    }
}
