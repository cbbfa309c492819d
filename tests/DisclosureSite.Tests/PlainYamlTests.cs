using System.Text;
using DisclosureSite.Loading;
using FsCheck;
using FsCheck.Fluent;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DisclosureSite.Tests;

/// <summary>
/// <see cref="PlainYaml"/> gives YamlDotNet's model the events its own parser gives, for every text it takes: the same
/// nodes, values, styles and marks (start and end), the same error for a duplicate key; what it does not take goes to
/// YamlDotNet's parser.
/// </summary>
public class PlainYamlTests
{
    /// <summary>The tree YamlDotNet builds from <paramref name="parser"/> (or the error it stops with), written out whole.</summary>
    private static string Tree(Func<YamlStream, int> load)
    {
        var stream = new YamlStream();
        try
        {
            load(stream);
        }
        catch (Exception e) when (e is YamlException or ArgumentException)
        {
            return e is YamlException y ? $"{e.GetType().Name} {y.Start} {y.End} {e.Message} {e.InnerException?.GetType().Name}" : $"{e.GetType().Name} {e.Message}";
        }

        var sb = new StringBuilder();
        foreach (var document in stream.Documents)
        {
            Write(document.RootNode, sb, 0);
        }

        return sb.ToString();
    }

    private static void Write(YamlNode node, StringBuilder sb, int depth)
    {
        sb.Append(' ', depth * 2).Append(node.NodeType).Append(' ').Append(node.Start).Append(" – ").Append(node.End).Append(" tag=").Append(node.Tag.IsEmpty ? "" : node.Tag.Value).Append(" anchor=").Append(node.Anchor.IsEmpty ? "" : node.Anchor.Value);
        switch (node)
        {
            case YamlScalarNode s:
                sb.Append(" style=").Append(s.Style).Append(" value=").Append(s.Value).Append('\n');
                break;
            case YamlMappingNode m:
                sb.Append(" style=").Append(m.Style).Append('\n');
                foreach (var (key, value) in m.Children)
                {
                    Write(key, sb, depth + 1);
                    Write(value, sb, depth + 1);
                }

                break;
            case YamlSequenceNode q:
                sb.Append(" style=").Append(q.Style).Append('\n');
                foreach (var child in q.Children)
                {
                    Write(child, sb, depth + 1);
                }

                break;
        }
    }

    private static string YamlDotNets(string text) => Tree(s =>
    {
        s.Load(new StringReader(text));
        return 0;
    });

    /// <summary>The tree from <see cref="PlainYaml"/>'s events, or null when it does not take the text.</summary>
    private static string? Plain(string text) => PlainYaml.TryParse(text) is { } parser ? Tree(s =>
    {
        s.Load(parser);
        return 0;
    }) : null;

    [TestCase("item: gov.finance\ntitle: 2026年第三季度财务公开\npublished: 2026-10-10\n")]
    [TestCase("item: village.assets\ntitle: 2022年第二季度各项财产、债权债务和收益分配情况\npublished: 2022-07-06\nopening_balance: 18679.77\nclosing_balance: 21925.77\ntables:\n  - file: assets-ledger.csv\n    schema: ledger\n    caption: 收支明细\n")]
    [TestCase("item: a\ntables:\n  - file: a.csv\n    schema: ledger\n  - file: b.csv\n    caption: 名单\nnil: 本季度无此类事项\n")]
    [TestCase("item: a\ntables:\n  - file: a.csv\n  - file: b.csv")]
    [TestCase("item:   spaced out\npublished: 2026-10-10")]
    [TestCase("x: 1")]
    [TestCase("item: a\nitem: b\n")]
    [TestCase("tables:\n  - file: a.csv\n    file: b.csv\n")]
    public void Front_matter_of_the_plain_shape_is_taken_and_gives_yamldotnets_nodes(string text)
    {
        var plain = Plain(text);
        Assert.That(plain, Is.Not.Null, "the plain shape is taken");
        Assert.That(plain, Is.EqualTo(YamlDotNets(text)));
    }

    [TestCase("")]
    [TestCase("item: a # comment\n")]
    [TestCase("# comment\nitem: a\n")]
    [TestCase("item: 'quoted'\n")]
    [TestCase("item: \"quoted\"\n")]
    [TestCase("tables: [a.csv, b.csv]\n")]
    [TestCase("item: a\n\npublished: 2026-10-10\n")]
    [TestCase("item: a\r\npublished: 2026-10-10\r\n")]
    [TestCase("item: &x a\nother: *x\n")]
    [TestCase("item: !!str a\n")]
    [TestCase("item: |\n  多行\n")]
    [TestCase("item: a\n  continued\n")]
    [TestCase("item:\n")]
    [TestCase("item: a \n")]
    [TestCase("item: -5\n")]
    [TestCase("item: 12:30\n")]
    [TestCase("tables:\n- file: a.csv\n")]
    [TestCase("tables:\n  - file: a.csv\n   schema: ledger\n")]
    [TestCase("标题: 中文键\n")]
    [TestCase("item: 😀\n")]
    [TestCase("item: a\u2028b\n")]
    [TestCase("---\nitem: a\n")]
    [TestCase("%YAML 1.2\n---\nitem: a\n")]
    public void Anything_else_goes_to_yamldotnet(string text)
    {
        Assert.That(PlainYaml.TryParse(text), Is.Null);
    }

    [Test]
    public void Every_fixture_front_matter_it_takes_gives_yamldotnets_nodes()
    {
        var taken = 0;
        foreach (var file in Directory.EnumerateFiles(TestPaths.Fixtures, "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(TestPaths.DemoInput, "*.md", SearchOption.AllDirectories)))
        {
            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            var end = text.StartsWith("---\n", StringComparison.Ordinal) ? text.IndexOf("\n---", 4, StringComparison.Ordinal) : -1;
            if (end < 0)
            {
                continue;
            }

            var yaml = text[4..(end + 1)];
            if (Plain(yaml) is { } plain)
            {
                taken++;
                Assert.That(plain, Is.EqualTo(YamlDotNets(yaml)), file);
            }
        }

        Assert.That(taken, Is.GreaterThan(100), "the fixtures' and the demo's front matter is mostly of the plain shape");
    }

    /// <summary>Pieces that front matter is made of, plain and not: the property below mixes them at random (fixed seed).</summary>
    private static readonly string[] Pieces =
    [
        "item", "title", "tables", "file", "_", "x1", ": ", ":", "  ", " ", "\n", "\n\n", "\n  - ", "\n    ", "  - ", "    ",
        "gov.finance", "2026-10-10", "18679.77", "财务公开", "“两委”", ",", "。", "　", "\u00A0", "😀", "-", "?", "#", "'", "\"",
        "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "%", "@", "`", "\t", "\r", "\u2028", "\uFEFF", "---", "...", "a.csv",
    ];

    [Test]
    public void Whatever_it_takes_from_random_text_gives_yamldotnets_nodes()
    {
        var plainLine = from key in Gen.Elements("item", "title", "published", "nil", "x_1")
                        from value in Gen.Elements("gov.finance", "2026-10-10", "18679.77", "财务公开 第三季度", "a.csv", "“两委”,会议")
                        select key + ": " + value + "\n";
        var listItem = from first in plainLine
                       from more in Gen.Choose(0, 3)
                       from rest in Gen.ArrayOf(plainLine, more)
                       select "  - " + first + string.Concat(rest.Select(l => "    " + l));
        var plainDoc = from top in Gen.Choose(1, 4)
                       from lines in Gen.ArrayOf(plainLine, top)
                       from count in Gen.Choose(0, 3)
                       from items in Gen.ArrayOf(listItem, count)
                       from after in Gen.Choose(0, 2)
                       from tail in Gen.ArrayOf(plainLine, after)
                       from newline in Gen.Elements(true, false)
                       let doc = string.Concat(lines) + (count > 0 ? "tables:\n" + string.Concat(items) : string.Empty) + string.Concat(tail)
                       select newline ? doc : doc.TrimEnd('\n');
        var text = Gen.OneOf(
            plainDoc,
            from count in Gen.Choose(0, 30)
            from pieces in Gen.ArrayOf(Gen.Elements(Pieces), count)
            select string.Concat(pieces),
            from doc in plainDoc
            from pieces in Gen.ArrayOf(Gen.Elements(Pieces), 2)
            from at in Gen.Choose(0, 200)
            select doc.Insert(Math.Min(at, doc.Length), string.Concat(pieces)));
        FastPathProperty.Holds(text, Plain, YamlDotNets, "texts whose nodes differ from YamlDotNet's");
    }
}
