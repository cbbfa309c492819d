using System.Globalization;

namespace DisclosureSite.Model.PersonalData;

/// <summary>居民身份证号码 checks: GB 11643-1999 (18 characters) and the old 15-digit form.</summary>
public static class IdNumber
{
    private static ReadOnlySpan<int> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private const string CheckChars = "10X98765432";

    /// <summary>Province-level prefixes (first two digits of the area code) that exist: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65.</summary>
    private static bool IsProvince(int p) => p is (>= 11 and <= 15) or (>= 21 and <= 23) or (>= 31 and <= 37)
        or (>= 41 and <= 46) or (>= 50 and <= 54) or (>= 61 and <= 65);

    /// <summary>The GB 11643-1999 check character for the first 17 digits.</summary>
    public static char CheckChar(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("需要17位本体码。", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                throw new ArgumentException("本体码只能是数字。", nameof(first17));
            }

            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }

    /// <summary>True for 17 digits + check character (digit or X/x) with a valid birth date (1900–2099) and a matching checksum.</summary>
    public static bool IsValid18(ReadOnlySpan<char> id)
    {
        if (id.Length != 18)
        {
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return false;
            }
        }

        var last = char.ToUpperInvariant(id[17]);
        if (!char.IsAsciiDigit(last) && last != 'X')
        {
            return false;
        }

        var year = Number(id.Slice(6, 4));
        return year is >= 1900 and <= 2099
            && IsDate(year, Number(id.Slice(10, 2)), Number(id.Slice(12, 2)))
            && CheckChar(id[..17]) == last;
    }

    /// <summary>
    /// True for the old 15-digit form: a real province prefix (first digit 1–6), a county part other than 00,
    /// a valid 19YYMMDD birth date and 3 more digits. There is no checksum, so these guards keep amounts and
    /// account numbers from being mistaken for an ID.
    /// </summary>
    public static bool IsValid15(ReadOnlySpan<char> id)
    {
        if (id.Length != 15)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return IsProvince(Number(id[..2]))
            && Number(id.Slice(4, 2)) != 0
            && IsDate(1900 + Number(id.Slice(6, 2)), Number(id.Slice(8, 2)), Number(id.Slice(10, 2)));
    }

    /// <summary>True for eight digits that are a real birth date YYYYMMDD between 1900 and 2099 (an ID's 7th to 14th digits).</summary>
    public static bool HasBirthDate(ReadOnlySpan<char> yyyymmdd)
    {
        if (yyyymmdd.Length != 8 || yyyymmdd.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var year = Number(yyyymmdd[..4]);
        return year is >= 1900 and <= 2099 && IsDate(year, Number(yyyymmdd.Slice(4, 2)), Number(yyyymmdd.Slice(6, 2)));
    }

    private static int Number(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool IsDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
