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

        // A YAML timestamp or a spreadsheet cell may carry a time ("2026-10-15 08:00:00", "2026/9/3 10:30"); the date
        // part is what counts.
        var space = s.IndexOfAny([' ', 'T']);
        if (space == 10 || (space is 8 or 9 && IsTime(s[(space + 1)..].Trim())))
        {
            s = s[..space];
        }

        return DateOnly.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static bool IsTime(string text) =>
        TimeOnly.TryParseExact(text, ["H:mm", "H:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>2026年10月15日.</summary>
    public static string Chinese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
