using DisclosureSite.Model;

namespace DisclosureSite.Tests;

/// <summary>
/// <see cref="TemplateText.IsPlaceholder(ReadOnlySpan{char})"/> finds each marker the templates write anywhere in a text,
/// also right after a character a marker starts with, and nothing else: the same answer as looking for each marker in turn.
/// </summary>
[TestFixture]
public class TemplateTextTests
{
    private static readonly string[] Markers = ["【请填写", "【填写说明", "请在这里写公开内容", "写好后删掉这一段括号里的提示"];

    [TestCase("【请填写:本季度做了什么】", true)]
    [TestCase("本季度修路。【填写说明:写清金额】", true)]
    [TestCase("请在这里写公开内容", true)]
    [TestCase("正文\n写好后删掉这一段括号里的提示)", true)]
    [TestCase("请请在这里写公开内容", true)]
    [TestCase("【【请填写", true)]
    [TestCase("写写好后删掉这一段括号里的提示", true)]
    [TestCase("请【填写说明", true)]
    [TestCase("", false)]
    [TestCase("【请", false)]
    [TestCase("【填写", false)]
    [TestCase("请在这里写公开", false)]
    [TestCase("写好后删掉这一段括号里的提", false)]
    [TestCase("请村民监督,写信或来电。【公示】本期支出已审核。", false)]
    public void Finds_the_markers_and_nothing_else(string text, bool expected)
    {
        Assert.That(TemplateText.IsPlaceholder(text), Is.EqualTo(expected));
        Assert.That(TemplateText.IsPlaceholder(text), Is.EqualTo(Markers.Any(m => text.Contains(m, StringComparison.Ordinal))));
    }

    [Test]
    public void Agrees_with_a_search_for_each_marker_on_random_texts_of_their_characters()
    {
        var alphabet = string.Concat(Markers) + "。,\n1a";
        var random = new Random(17);
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            // Plant a whole marker now and then, so both answers occur.
            var text = new string(chars);
            if (random.Next(4) == 0)
            {
                text = text.Insert(random.Next(text.Length + 1), Markers[random.Next(Markers.Length)]);
            }

            Assert.That(TemplateText.IsPlaceholder(text), Is.EqualTo(Markers.Any(m => text.Contains(m, StringComparison.Ordinal))), text);
        }
    }
}
