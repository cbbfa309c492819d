using System.Globalization;

namespace DisclosureSite.Model;

/// <summary>Parsing and formatting of calendar dates as clerks write them (2026-10-15, 2026/10/15, 2026年10月15日).</summary>
public static class Dates
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"];

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (TryParseIso(s, out date))
        {
            // The usual form, read without the general parser (a county's 民情台账 has ~200,000 dates): the same date it gives.
            return true;
        }

        // A YAML timestamp or a spreadsheet cell may carry a time ("2026-10-15 08:00:00", "2026/9/3 10:30"); the date
        // part is what counts.
        var space = s.IndexOfAny([' ', 'T']);
        if (space == 10 || (space is 8 or 9 && IsTime(s[(space + 1)..].Trim())))
        {
            s = s[..space];
        }

        return DateOnly.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Exactly <c>yyyy-MM-dd</c> in ASCII digits naming a real date (what the first of <see cref="Formats"/> accepts).</summary>
    private static bool TryParseIso(string s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return false;
        }

        int Digits(int from, int count)
        {
            var n = 0;
            for (var i = from; i < from + count; i++)
            {
                var c = s[i];
                if (c is < '0' or > '9')
                {
                    return -1;
                }

                n = (n * 10) + (c - '0');
            }

            return n;
        }

        var (year, month, day) = (Digits(0, 4), Digits(5, 2), Digits(8, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool IsTime(string text) =>
        TimeOnly.TryParseExact(text, ["H:mm", "H:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>2026-10-15 (what <c>ToString("yyyy-MM-dd", InvariantCulture)</c> gives, without the general formatter).</summary>
    public static string Iso(DateOnly date) => string.Create(10, date, static (span, d) =>
    {
        static void Put(Span<char> to, int value, int width)
        {
            for (var i = width - 1; i >= 0; i--)
            {
                to[i] = (char)('0' + (value % 10));
                value /= 10;
            }
        }

        Put(span, d.Year, 4);
        span[4] = '-';
        Put(span[5..], d.Month, 2);
        span[7] = '-';
        Put(span[8..], d.Day, 2);
    });

    /// <summary>2026年10月15日.</summary>
    public static string Chinese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
