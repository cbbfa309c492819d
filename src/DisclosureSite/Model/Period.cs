using System.Globalization;

namespace DisclosureSite.Model;

/// <summary>How long a disclosure period is.</summary>
public enum PeriodKind
{
    Year,
    HalfYear,
    Quarter,
    Month,
}

/// <summary>
/// A disclosure period: <c>2026</c>, <c>2026-H1</c>, <c>2026-Q3</c> or <c>2026-M01</c>.
/// Parsing, formatting (ASCII and Chinese), ordering and calendar span live here and nowhere else.
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    private Period(int year, PeriodKind kind, int index)
    {
        Year = year;
        Kind = kind;
        Index = index;
    }

    public int Year { get; }

    public PeriodKind Kind { get; }

    /// <summary>1-based half, quarter or month; 1 for a year.</summary>
    public int Index { get; }

    public static Period OfYear(int year) => new(year, PeriodKind.Year, 1);

    public static Period Half(int year, int half) => Create(year, PeriodKind.HalfYear, half);

    public static Period Quarter(int year, int quarter) => Create(year, PeriodKind.Quarter, quarter);

    public static Period Month(int year, int month) => Create(year, PeriodKind.Month, month);

    public static Period Create(int year, PeriodKind kind, int index)
    {
        if (year is < 1900 or > 2999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "year out of range");
        }

        if (index < 1 || index > CountPerYear(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "index out of range for " + kind);
        }

        return new Period(year, kind, index);
    }

    public static int CountPerYear(PeriodKind kind) => kind switch
    {
        PeriodKind.Year => 1,
        PeriodKind.HalfYear => 2,
        PeriodKind.Quarter => 4,
        PeriodKind.Month => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static int MonthsLong(PeriodKind kind) => 12 / CountPerYear(kind);

    /// <summary>First day of the period.</summary>
    public DateOnly Start => new(Year, ((Index - 1) * MonthsLong(Kind)) + 1, 1);

    /// <summary>Last day of the period (inclusive).</summary>
    public DateOnly End
    {
        get
        {
            var month = Index * MonthsLong(Kind);
            return new DateOnly(Year, month, DateTime.DaysInMonth(Year, month));
        }
    }

    // The period's first and last month counted from year 0: periods are whole months, so comparing these compares
    // Start and End (without making dates: the validator and the site compare periods millions of times).
    private int FirstMonth => (Year * 12) + ((Index - 1) * MonthsLong(Kind));

    private int LastMonth => (Year * 12) + (Index * MonthsLong(Kind)) - 1;

    /// <summary>True for the first half-year, or any quarter or month inside it.</summary>
    public bool IsInFirstHalf => Start.Month <= 6 && Kind != PeriodKind.Year;

    public Period Next() => Index == CountPerYear(Kind) ? new Period(Year + 1, Kind, 1) : new Period(Year, Kind, Index + 1);

    public Period Previous() => Index == 1 ? new Period(Year - 1, Kind, CountPerYear(Kind)) : new Period(Year, Kind, Index - 1);

    /// <summary>The period of this kind that contains <paramref name="date"/>.</summary>
    public static Period Containing(DateOnly date, PeriodKind kind) =>
        new(date.Year, kind, ((date.Month - 1) / MonthsLong(kind)) + 1);

    /// <summary>True when the whole of <paramref name="other"/> lies inside this period.</summary>
    public bool Contains(Period other) => other.FirstMonth >= FirstMonth && other.LastMonth <= LastMonth;

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s.Length < 4 || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > 2999)
        {
            return false;
        }

        if (s.Length == 4)
        {
            period = OfYear(year);
            return true;
        }

        if (s[4] != '-' || s.Length < 7)
        {
            return false;
        }

        var kind = char.ToUpperInvariant(s[5]) switch
        {
            'H' => PeriodKind.HalfYear,
            'Q' => PeriodKind.Quarter,
            'M' => PeriodKind.Month,
            _ => (PeriodKind?)null,
        };
        if (kind is null)
        {
            return false;
        }

        var digits = s.AsSpan(6);
        var expectedDigits = kind == PeriodKind.Month ? 2 : 1;
        if (digits.Length != expectedDigits
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index < 1 || index > CountPerYear(kind.Value))
        {
            return false;
        }

        period = new Period(year, kind.Value, index);
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not a period (2026, 2026-H1, 2026-Q3, 2026-M01)");

    /// <summary>The ASCII form used in folders and URLs: <c>2026-Q3</c>.</summary>
    public override string ToString() => Names.GetOrAdd(this, static p => p.Format());

    // A county's build names its few hundred periods ~500,000 times (URLs, rows, keys): each name is made once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Period, string> Names = new();

    private string Format() => Kind switch
    {
        PeriodKind.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        PeriodKind.HalfYear => $"{Year:D4}-H{Index}",
        PeriodKind.Quarter => $"{Year:D4}-Q{Index}",
        _ => $"{Year:D4}-M{Index:D2}",
    };

    private static readonly string[] QuarterWords = ["一", "二", "三", "四"];

    /// <summary>The Chinese form: <c>2026年第三季度</c>, <c>2026年上半年</c>, <c>2026年1月</c>, <c>2026年度</c>.</summary>
    public string ToChinese() => Kind switch
    {
        PeriodKind.Year => $"{Year}年度",
        PeriodKind.HalfYear => Index == 1 ? $"{Year}年上半年" : $"{Year}年下半年",
        PeriodKind.Quarter => $"{Year}年第{QuarterWords[Index - 1]}季度",
        _ => $"{Year}年{Index}月",
    };

    /// <summary>English form for <c>--lang en</c>: <c>Q3 2026</c>, <c>H1 2026</c>.</summary>
    public string ToEnglish() => Kind switch
    {
        PeriodKind.Year => $"{Year}",
        PeriodKind.HalfYear => $"H{Index} {Year}",
        PeriodKind.Quarter => $"Q{Index} {Year}",
        _ => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(Index)} {Year}",
    };

    /// <summary>Chronological by end date; a longer period sorts after the shorter ones ending on the same day.</summary>
    public int CompareTo(Period other)
    {
        var byEnd = LastMonth.CompareTo(other.LastMonth);
        if (byEnd != 0)
        {
            return byEnd;
        }

        var byStart = other.FirstMonth.CompareTo(FirstMonth);
        return byStart != 0 ? byStart : ((int)Kind).CompareTo((int)other.Kind);
    }

    /// <summary>
    /// Field by field, as the record's own equality, written out: the generated one compares <see cref="Kind"/> through
    /// <c>EqualityComparer&lt;PeriodKind&gt;</c>, which boxed it in the precompiled code (~6 MiB of boxes per build at 50
    /// villages: periods are dictionary keys throughout). The hash is the generated one's value.
    /// </summary>
    public bool Equals(Period other) => Year == other.Year && Kind == other.Kind && Index == other.Index;

    public override int GetHashCode() => unchecked((((Year * -1521134295) + (int)Kind) * -1521134295) + Index);

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;
}
