using System.Globalization;
using DisclosureSite.Model;

namespace DisclosureSite.Tests;

/// <summary>Ledger amounts (SPEC §4): Arabic amounts in 元 and 大写金额 words, parsed and formatted with decimal only.</summary>
[TestFixture]
public class AmountTests
{
    private static decimal D(string s) => decimal.Parse(s, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    [TestCase("1234.5", "1234.5")]
    [TestCase("1,234.50", "1234.50")]
    [TestCase("１２３４.５", "1234.5")]
    [TestCase("１２３４．５", "1234.5")]
    [TestCase("１，２３４．５０", "1234.50")]
    [TestCase("¥1234.5", "1234.5")]
    [TestCase("￥1,234.50", "1234.50")]
    [TestCase("1234.50元", "1234.50")]
    [TestCase("  1234.50  ", "1234.50")]
    [TestCase("\u30001234\u3000", "1234")]
    [TestCase("-1234.5", "-1234.5")]
    [TestCase("−1234.5", "-1234.5")]
    [TestCase("－１２３４.５", "-1234.5")]
    [TestCase("-¥12.00", "-12")]
    [TestCase("¥-12.00", "-12")]
    [TestCase("(1,234.00)", "-1234")]
    [TestCase("（1,234.00）", "-1234")]
    [TestCase("0", "0")]
    [TestCase("0.01", "0.01")]
    [TestCase("186,400.00", "186400")]
    [TestCase("1,000,000", "1000000")]
    [TestCase("12345678901.00", "12345678901")]
    public void Amount_text_is_parsed_to_the_fen(string text, string expected)
    {
        Assert.That(Amount.TryParse(text, out var yuan), Is.True);
        Assert.That(yuan, Is.EqualTo(D(expected)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("abc")]
    [TestCase("12a")]
    [TestCase("1.2.3")]
    [TestCase("1234.567")]
    [TestCase("1,23,4")]
    [TestCase("12,34.00")]
    [TestCase("1234,567")]
    [TestCase(",123")]
    [TestCase(".5")]
    [TestCase("5.")]
    [TestCase("--5")]
    [TestCase("(-5)")]
    [TestCase("¥")]
    [TestCase("元")]
    [TestCase("1e5")]
    [TestCase("伍佰元")]
    public void Malformed_amount_text_is_rejected(string? text)
    {
        Assert.That(Amount.TryParse(text, out var yuan), Is.False);
        Assert.That(yuan, Is.Zero);
    }

    [TestCase("1234.5", "1,234.50")]
    [TestCase("0", "0.00")]
    [TestCase("0.005", "0.01")]
    [TestCase("-1234567.891", "-1,234,567.89")]
    [TestCase("100000000", "100,000,000.00")]
    public void Amount_is_formatted_invariant_with_two_decimals(string value, string expected) =>
        Assert.That(Amount.Format(D(value)), Is.EqualTo(expected));

    [Test]
    public void Amount_format_then_parse_round_trips()
    {
        foreach (var value in Samples())
        {
            Assert.That(Amount.TryParse(Amount.Format(value), out var back), Is.True, () => Amount.Format(value));
            Assert.That(back, Is.EqualTo(value));
        }
    }

    [TestCase("伍仟叁佰元整", "5300")]
    [TestCase("壹拾贰万零伍拾元零伍分", "120050.05")]
    [TestCase("壹佰零捌元叁角", "108.30")]
    [TestCase("壹佰零捌元叁角整", "108.30")]
    [TestCase("拾元整", "10")]
    [TestCase("拾伍万元正", "150000")]
    [TestCase("零元整", "0")]
    [TestCase("伍角", "0.5")]
    [TestCase("叁角伍分", "0.35")]
    [TestCase("伍分", "0.05")]
    [TestCase("零元零伍分", "0.05")]
    [TestCase("人民币伍仟叁佰元整", "5300")]
    [TestCase("¥伍仟叁佰元整", "5300")]
    [TestCase("人民币 壹仟陆佰捌拾元零叁角贰分", "1680.32")]
    [TestCase("壹仟陆佰捌拾元叁角贰分", "1680.32")]
    [TestCase("壹拾万柒仟元伍角叁分", "107000.53")]
    [TestCase("壹拾万零柒仟元零伍角叁分", "107000.53")]
    [TestCase("壹亿元整", "100000000")]
    [TestCase("壹亿零壹万元整", "100010000")]
    [TestCase("壹佰万零壹拾元壹角", "1000010.10")]
    [TestCase("玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分", "999999999999.99")]
    [TestCase("壹萬圓整", "10000")]
    [TestCase("负伍元整", "-5")]
    [TestCase("壹仟零伍元", "1005")]
    public void Chinese_amount_words_are_parsed(string words, string expected)
    {
        Assert.That(ChineseAmountWords.TryParse(words, out var yuan), Is.True);
        Assert.That(yuan, Is.EqualTo(D(expected)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("整")]
    [TestCase("元整")]
    [TestCase("伍伍元")]
    [TestCase("壹佰伍元")]
    [TestCase("壹万伍元")]
    [TestCase("壹拾佰元")]
    [TestCase("壹佰壹仟元")]
    [TestCase("壹拾零万元")]
    [TestCase("壹佰零元")]
    [TestCase("零零伍元")]
    [TestCase("零壹佰元")]
    [TestCase("伍仟整")]
    [TestCase("伍元零")]
    [TestCase("伍元零角")]
    [TestCase("伍元伍")]
    [TestCase("壹万壹万元")]
    [TestCase("1234元")]
    [TestCase("伍佰元abc")]
    public void Malformed_chinese_amount_words_are_rejected(string? words) =>
        Assert.That(ChineseAmountWords.TryParse(words, out _), Is.False);

    [TestCase("5300", "伍仟叁佰元整")]
    [TestCase("120050.05", "壹拾贰万零伍拾元零伍分")]
    [TestCase("0.5", "伍角")]
    [TestCase("0.05", "伍分")]
    [TestCase("0.35", "叁角伍分")]
    [TestCase("108.3", "壹佰零捌元叁角")]
    [TestCase("0", "零元整")]
    [TestCase("10", "壹拾元整")]
    [TestCase("100000000", "壹亿元整")]
    [TestCase("1000010.10", "壹佰万零壹拾元壹角")]
    [TestCase("107000.53", "壹拾万零柒仟元伍角叁分")]
    [TestCase("1680.32", "壹仟陆佰捌拾元叁角贰分")]
    [TestCase("100010000", "壹亿零壹万元整")]
    [TestCase("1001", "壹仟零壹元整")]
    [TestCase("-5", "负伍元整")]
    public void Chinese_amount_words_are_formatted_in_the_standard_form(string value, string expected) =>
        Assert.That(ChineseAmountWords.Format(D(value)), Is.EqualTo(expected));

    [Test]
    public void Chinese_amount_words_format_then_parse_round_trips()
    {
        var count = 0;
        foreach (var value in Samples())
        {
            var words = ChineseAmountWords.Format(value);
            Assert.That(ChineseAmountWords.TryParse(words, out var back), Is.True, () => $"{value} → {words}");
            Assert.That(back, Is.EqualTo(value), () => $"{value} → {words}");
            count++;
        }

        Assert.That(count, Is.GreaterThanOrEqualTo(2000));
    }

    [Test]
    public void Chinese_amount_words_refuse_amounts_of_a_trillion_or_more() =>
        Assert.That(() => ChineseAmountWords.Format(1_000_000_000_000m), Throws.TypeOf<ArgumentOutOfRangeException>());

    /// <summary>A fixed list of edge values plus 2000 values from a deterministic generator (no randomness between runs).</summary>
    private static IEnumerable<decimal> Samples()
    {
        decimal[] fixedValues =
        [
            0m, 0.01m, 0.1m, 0.5m, 0.05m, 1m, 10m, 11m, 100m, 101m, 110m, 1000m, 1001m, 1010m, 10000m, 10001m,
            100000m, 100000.01m, 1000010.10m, 10000000m, 100000000m, 100000000.00m, 100000001m, 100010000m,
            1000000000m, 10000000000m, 100000000000m, 999999999999.99m, 120050.05m, 108.3m, 5300m, 107000.53m,
        ];
        foreach (var v in fixedValues)
        {
            yield return v;
        }

        ulong state = 20261015;
        for (var i = 0; i < 2000; i++)
        {
            state = unchecked((state * 6364136223846793005UL) + 1442695040888963407UL);
            var digits = (int)((state >> 33) % 12) + 1;           // 1..12 integer digits
            var scale = 1UL;
            for (var k = 0; k < digits; k++)
            {
                scale *= 10UL;
            }

            var integer = (state >> 7) % scale;
            // Sprinkle zeros: every third value keeps only a few non-zero digits.
            if (i % 3 == 0)
            {
                integer = integer / 1000UL * 1000UL + (integer % 7);
            }

            var fen = (state >> 45) % 100UL;
            yield return integer + (fen / 100m);
        }
    }
}
