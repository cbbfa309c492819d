using System.Globalization;
using DisclosureSite.Model;

namespace DisclosureSite.Tests;

/// <summary>
/// <see cref="Dates.TryParse"/> reads the usual <c>yyyy-MM-dd</c> without the general parser and <see cref="Dates.Iso"/>
/// writes it without the general formatter: both must agree with .NET's invariant-culture parsing and formatting for
/// every date and every near-miss.
/// </summary>
[TestFixture]
public class DatesTests
{
    private static IEnumerable<DateOnly> Days()
    {
        foreach (var (from, to) in new[] { (1, 12), (1890, 2110), (9990, 9999) })
        {
            var last = new DateOnly(to, 12, 31).DayNumber;
            for (var day = new DateOnly(from, 1, 1).DayNumber; day <= last; day++)
            {
                yield return DateOnly.FromDayNumber(day);
            }
        }
    }

    [Test]
    public void Iso_dates_read_and_write_as_the_invariant_culture_does()
    {
        foreach (var day in Days())
        {
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.That(Dates.Iso(day), Is.EqualTo(text));
            Assert.That(Dates.TryParse(text, out var read) && read == day, Is.True, text);
        }
    }

    [TestCase("2026-02-29")]
    [TestCase("2026-13-01")]
    [TestCase("2026-00-10")]
    [TestCase("2026-01-00")]
    [TestCase("2026-04-31")]
    [TestCase("0000-01-01")]
    [TestCase("２０２６-01-01")]
    [TestCase("2026-01-0a")]
    [TestCase("2026_01-01")]
    [TestCase("2026-1-05")]
    [TestCase("2026/01/05")]
    [TestCase("2026年1月5日")]
    [TestCase(" 2026-01-05 ")]
    [TestCase("2026-01-05 08:00:00")]
    [TestCase("2024-02-29")]
    [TestCase("-2026-01-05")]
    public void Near_misses_read_as_the_general_parser_reads_them(string text)
    {
        var s = text.Trim();
        var space = s.IndexOfAny([' ', 'T']);
        if (space == 10)
        {
            s = s[..space];
        }

        var expected = DateOnly.TryParseExact(s, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var general);
        Assert.That(Dates.TryParse(text, out var read), Is.EqualTo(expected), text);
        Assert.That(read, Is.EqualTo(expected ? general : default(DateOnly)), text);
    }
}
