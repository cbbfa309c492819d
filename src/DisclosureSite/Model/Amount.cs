using System.Globalization;

namespace DisclosureSite.Model;

/// <summary>Reads and writes money amounts in 元 as <see cref="decimal"/> (never binary floating point), to the fen.</summary>
/// <remarks>
/// Accepted: <c>1234.5</c>, <c>1,234.50</c>, full-width <c>１２３４．５</c> / <c>１，２３４</c>, a leading <c>¥</c> or <c>￥</c>,
/// a trailing <c>元</c>, surrounding spaces, a leading <c>-</c>, <c>−</c> or <c>－</c>, and the accountancy negative
/// <c>(1,234.00)</c> / <c>（1,234.00）</c>. Rejected: empty text, letters, two decimal points, more than two decimal
/// places (money is to the fen), thousands separators in the wrong places (<c>1,23,4</c>) and a bare <c>.5</c> or <c>5.</c>.
/// </remarks>
public static class Amount
{
    private const int MaxLength = 40;

    /// <summary>
    /// The largest amount read (a thousand trillion 元, beyond any public budget): sums of a table within
    /// <see cref="InputLimits.MaxCells"/> cells stay far inside <see cref="decimal"/>'s range, so no total overflows.
    /// </summary>
    public const decimal MaxYuan = 1_000_000_000_000_000m;

    /// <summary>Parses <paramref name="text"/> as an amount in 元; culture-invariant.</summary>
    public static bool TryParse(string? text, out decimal yuan)
    {
        yuan = 0m;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return false;
        }

        // At most MaxLength characters, read on the stack: every amount cell is parsed several times a build.
        Span<char> normalized = stackalloc char[MaxLength];
        ReadOnlySpan<char> s = Normalize(text, normalized).Trim();
        var negative = false;

        if (s.Length >= 2 && s[0] == '(' && s[^1] == ')')
        {
            negative = true;
            s = s[1..^1].Trim();
        }

        // Sign and currency symbol may come in either order: -¥12 or ¥-12.
        for (var i = 0; i < 2 && s.Length > 0; i++)
        {
            if (s[0] == '-' && !negative)
            {
                negative = true;
                s = s[1..].TrimStart();
            }
            else if (s[0] == '¥')
            {
                s = s[1..].TrimStart();
            }
        }

        if (s.Length > 0 && s[^1] == '元')
        {
            s = s[..^1].TrimEnd();
        }

        if (!IsWellFormed(s))
        {
            return false;
        }

        Span<char> digits = stackalloc char[MaxLength];
        var length = 0;
        foreach (var c in s)
        {
            if (c != ',')
            {
                digits[length++] = c;
            }
        }

        if (!decimal.TryParse(digits[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        if (value >= MaxYuan)
        {
            return false;
        }

        yuan = negative ? -value : value;
        return true;
    }

    /// <summary>Formats as <c>1,234.50</c>: invariant culture, thousands separators, two decimals (rounded half away from zero).</summary>
    public static string Format(decimal yuan) =>
        decimal.Round(yuan, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Maps full-width digits and punctuation to ASCII and the other minus/yen signs to one form, into <paramref name="into"/>.</summary>
    private static Span<char> Normalize(string text, Span<char> into)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            into[i] = c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' => '.',
                '，' => ',',
                '（' => '(',
                '）' => ')',
                '−' or '－' => '-',
                '￥' => '¥',
                '\u3000' => ' ',
                _ => c,
            };
        }

        return into[..text.Length];
    }

    /// <summary>
    /// Digits with optional, correctly placed thousands separators (first group 1–3 digits, then groups of exactly 3),
    /// then optionally a point and 1–2 decimals.
    /// </summary>
    private static bool IsWellFormed(ReadOnlySpan<char> s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        var point = s.IndexOf('.');
        var integer = point < 0 ? s : s[..point];
        if (point >= 0)
        {
            var fraction = s[(point + 1)..];
            if (fraction.Length is < 1 or > 2 || !AllDigits(fraction))
            {
                return false;
            }
        }

        if (integer.Length == 0)
        {
            return false;
        }

        if (!integer.Contains(','))
        {
            return AllDigits(integer);
        }

        for (var first = true; ; first = false)
        {
            var comma = integer.IndexOf(',');
            var group = comma < 0 ? integer : integer[..comma];
            if ((first ? group.Length is < 1 or > 3 : group.Length != 3) || !AllDigits(group))
            {
                return false;
            }

            if (comma < 0)
            {
                return true;
            }

            integer = integer[(comma + 1)..];
        }
    }

    // A loop, not ContainsAnyExceptInRange: that generic, precompiled into this assembly, boxes its two bounds on every call.
    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
