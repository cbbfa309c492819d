using System.Text;

namespace DisclosureSite.Model;

/// <summary>Reads and writes 大写金额 (e.g. <c>壹拾贰万零伍拾元零伍分</c>) as <see cref="decimal"/> 元.</summary>
/// <remarks>
/// <para>Parsing accepts an optional leading <c>人民币</c>, <c>¥</c>/<c>￥</c> and <c>负</c> (negative); 元 or 圆; 角; 分;
/// a trailing 整 or 正; a leading bare 拾 (<c>拾元整</c> = 10); the traditional forms 萬 億 貳 參 陸 圓.
/// Ambiguous or malformed words are rejected: two digits in a row, units out of order, 零 before a unit,
/// and a trailing digit directly after 佰/仟/万/亿 without 零 (<c>壹佰伍元</c> could mean 105 or 150).</para>
/// <para>Formatting follows the usual bank-note rules: always 壹拾 (never a bare 拾), one 零 for each gap of zeros,
/// 整 only after 元, no 零 between 元 and a non-zero 角 (<c>壹佰元叁角</c>), 零 between 元 and 分 when 角 is zero
/// (<c>壹佰元零伍分</c>), and no integer part when it is zero (<c>伍角</c>). Amounts are rounded to the fen;
/// negative amounts get a leading 负. Supported magnitude: below 1,000,000,000,000 (万亿).</para>
/// </remarks>
public static class ChineseAmountWords
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private const decimal Limit = 1_000_000_000_000m;

    /// <summary>Parses 大写金额 words into 元.</summary>
    public static bool TryParse(string? words, out decimal yuan)
    {
        yuan = 0m;
        if (string.IsNullOrWhiteSpace(words))
        {
            return false;
        }

        var s = Normalize(words);
        if (s.StartsWith("人民币", StringComparison.Ordinal))
        {
            s = s[3..];
        }

        if (s.StartsWith('¥'))
        {
            s = s[1..];
        }

        var negative = false;
        if (s.StartsWith('负'))
        {
            negative = true;
            s = s[1..];
        }

        if (s.Length == 0)
        {
            return false;
        }

        decimal integer = 0m;
        string fraction;
        var yuanAt = s.IndexOf('元', StringComparison.Ordinal);
        if (yuanAt >= 0)
        {
            if (!TryParseInteger(s[..yuanAt], out integer))
            {
                return false;
            }

            fraction = s[(yuanAt + 1)..];
            if (!TryParseFraction(fraction, afterYuan: true, out var cents))
            {
                return false;
            }

            yuan = integer + cents;
        }
        else
        {
            if (!TryParseFraction(s, afterYuan: false, out var cents) || cents == 0m)
            {
                return false;
            }

            yuan = cents;
        }

        if (negative)
        {
            yuan = -yuan;
        }

        return true;
    }

    /// <summary>Writes <paramref name="yuan"/> (rounded to the fen) in the standard 大写 form, e.g. 5300 → <c>伍仟叁佰元整</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is 1,000,000,000,000 元 (万亿) or more in absolute value.</exception>
    public static string Format(decimal yuan)
    {
        var rounded = decimal.Round(yuan, 2, MidpointRounding.AwayFromZero);
        var abs = Math.Abs(rounded);
        if (abs >= Limit)
        {
            throw new ArgumentOutOfRangeException(nameof(yuan), yuan, "大写金额只支持万亿元以下的金额。");
        }

        var integer = decimal.Truncate(abs);
        var fen = (int)((abs - integer) * 100m);
        var jiao = fen / 10;
        fen %= 10;

        var sb = new StringBuilder();
        if (rounded < 0m)
        {
            sb.Append('负');
        }

        if (integer == 0m && jiao == 0 && fen == 0)
        {
            return sb.Append("零元整").ToString();
        }

        if (integer > 0m)
        {
            AppendInteger(sb, integer);
            sb.Append('元');
            if (jiao == 0 && fen == 0)
            {
                return sb.Append('整').ToString();
            }

            if (jiao == 0)
            {
                return sb.Append('零').Append(Digits[fen]).Append('分').ToString();
            }
        }

        if (jiao > 0)
        {
            sb.Append(Digits[jiao]).Append('角');
        }

        if (fen > 0)
        {
            sb.Append(Digits[fen]).Append('分');
        }

        return sb.ToString();
    }

    private static void AppendInteger(StringBuilder sb, decimal integer)
    {
        var digits = decimal.ToUInt64(integer).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pendingZero = false;
        var sectionHasDigit = false;
        for (var i = 0; i < digits.Length; i++)
        {
            var position = digits.Length - 1 - i; // 0 = 元位
            var d = digits[i] - '0';
            if (d == 0)
            {
                pendingZero = true;
            }
            else
            {
                if (pendingZero)
                {
                    sb.Append('零');
                    pendingZero = false;
                }

                sb.Append(Digits[d]);
                sb.Append((position % 4) switch
                {
                    1 => "拾",
                    2 => "佰",
                    3 => "仟",
                    _ => string.Empty,
                });
                sectionHasDigit = true;
            }

            if (position > 0 && position % 4 == 0)
            {
                if (sectionHasDigit)
                {
                    sb.Append(position == 8 ? '亿' : '万');
                }

                sectionHasDigit = false;
            }
        }
    }

    private enum Token
    {
        Start,
        Digit,
        Zero,
        Small,
        Big,
    }

    /// <summary>Integer part before 元: sections of 仟佰拾 digits joined by 万 and 亿.</summary>
    private static bool TryParseInteger(string s, out decimal value)
    {
        value = 0m;
        if (s == "零")
        {
            return true;
        }

        if (s.Length == 0)
        {
            return false;
        }

        decimal yiPart = 0m;   // everything multiplied by 亿
        decimal wanPart = 0m;  // the section multiplied by 万 (below 亿)
        decimal group = 0m;    // the current section below 万
        var pending = -1;      // a digit waiting for its unit
        var lastSmall = 10_000; // units inside a section must decrease
        var seenWan = false;
        var seenYi = false;
        var prev = Token.Start;
        var prevUnit = 0;
        var beforeDigit = Token.Start;
        var beforeDigitUnit = 0;

        foreach (var c in s)
        {
            var d = Digits.IndexOf(c, StringComparison.Ordinal);
            if (d > 0)
            {
                if (pending >= 0)
                {
                    return false;
                }

                pending = d;
                beforeDigit = prev;
                beforeDigitUnit = prevUnit;
                prev = Token.Digit;
                continue;
            }

            if (d == 0)
            {
                if (pending >= 0 || prev is Token.Zero or Token.Start)
                {
                    return false;
                }

                prev = Token.Zero;
                continue;
            }

            var small = c switch { '拾' => 10, '佰' => 100, '仟' => 1000, _ => 0 };
            if (small > 0)
            {
                if (pending < 0)
                {
                    // A bare 拾 only at the very start: 拾元 = 10, 拾伍万 = 150000.
                    if (small != 10 || prev != Token.Start)
                    {
                        return false;
                    }

                    pending = 1;
                }

                if (small >= lastSmall)
                {
                    return false;
                }

                group += pending * small;
                lastSmall = small;
                pending = -1;
                prev = Token.Small;
                prevUnit = small;
                continue;
            }

            if (c is '万' or '亿')
            {
                if (prev is Token.Zero or Token.Start || !FlushOnes(ref group, ref pending, beforeDigit, beforeDigitUnit))
                {
                    return false;
                }

                if (c == '万')
                {
                    if (seenWan || group == 0m)
                    {
                        return false;
                    }

                    wanPart = group * 10_000m;
                    seenWan = true;
                    prevUnit = 10_000;
                }
                else
                {
                    var below = wanPart + group;
                    if (seenYi || below == 0m)
                    {
                        return false;
                    }

                    yiPart = below * 100_000_000m;
                    wanPart = 0m;
                    seenWan = false;
                    seenYi = true;
                    prevUnit = 100_000_000;
                }

                group = 0m;
                lastSmall = 10_000;
                prev = Token.Big;
                continue;
            }

            return false;
        }

        if (prev == Token.Zero || !FlushOnes(ref group, ref pending, beforeDigit, beforeDigitUnit))
        {
            return false;
        }

        value = yiPart + wanPart + group;
        return value > 0m;
    }

    /// <summary>Adds a trailing ones digit; rejects 壹佰伍 (ambiguous) — after 佰/仟/万/亿 a ones digit needs 零.</summary>
    private static bool FlushOnes(ref decimal group, ref int pending, Token beforeDigit, int beforeDigitUnit)
    {
        if (pending < 0)
        {
            return true;
        }

        if (beforeDigit == Token.Big || (beforeDigit == Token.Small && beforeDigitUnit > 10))
        {
            return false;
        }

        group += pending;
        pending = -1;
        return true;
    }

    /// <summary>After 元: [零] [d角] [d分] [整|正]; without 元 only d角[d分] or d分.</summary>
    private static bool TryParseFraction(string s, bool afterYuan, out decimal cents)
    {
        cents = 0m;
        var i = 0;
        if (i < s.Length && s[i] == '零' && afterYuan)
        {
            i++;
            if (i >= s.Length)
            {
                return false;
            }
        }

        var jiao = 0;
        var fen = 0;
        if (i + 1 < s.Length && s[i + 1] == '角')
        {
            jiao = Digits.IndexOf(s[i], StringComparison.Ordinal);
            if (jiao <= 0)
            {
                return false;
            }

            i += 2;
        }

        if (i + 1 < s.Length && s[i + 1] == '分')
        {
            fen = Digits.IndexOf(s[i], StringComparison.Ordinal);
            if (fen <= 0)
            {
                return false;
            }

            i += 2;
        }

        if (i < s.Length && s[i] is '整' or '正')
        {
            i++;
        }

        if (i != s.Length)
        {
            return false;
        }

        // A lone 零 after 元 must be followed by 角 or 分.
        if (afterYuan && s.Length > 0 && s[0] == '零' && jiao == 0 && fen == 0)
        {
            return false;
        }

        cents = (jiao * 10 + fen) / 100m;
        return true;
    }

    private static string Normalize(string words)
    {
        var sb = new StringBuilder(words.Length);
        foreach (var c in words)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            sb.Append(c switch
            {
                '圆' or '圓' => '元',
                '萬' => '万',
                '億' => '亿',
                '貳' => '贰',
                '參' => '叁',
                '陸' => '陆',
                '〇' => '零',
                '￥' => '¥',
                _ => c,
            });
        }

        return sb.ToString();
    }
}
