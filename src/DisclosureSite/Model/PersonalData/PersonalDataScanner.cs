using System.Text;
using System.Text.RegularExpressions;

namespace DisclosureSite.Model.PersonalData;

/// <summary>Finds 身份证号, 手机号, 银行卡号 and 详细住址 in free text or a table cell (SPEC §8).</summary>
/// <remarks>
/// <para>Full-width digits, letters and punctuation are read as their ASCII forms (one character for one, so
/// Index/Length are positions in the original text). A number only counts when it stands alone: it must not be
/// preceded or followed by an ASCII letter or digit (<c>ZH13812345678</c>, <c>13812345678B</c> and a run inside a
/// longer digit run do not match; Chinese characters and punctuation are boundaries), not preceded by a decimal
/// point after a digit, and not followed by a decimal point and a digit (<c>13812345678.00</c> is an amount).
/// A comma is always a boundary: a run of 11 or more digits can never be the first group of a correctly grouped
/// amount, and in a CSV row <c>6225881234567898,300.00</c> the comma starts the next cell. Numbers written in groups (<c>138 1234 5678</c>, <c>6222 0212 3456 7890</c>) must
/// in addition not be joined to further digits by a space or hyphen.</para>
/// <para>Masked forms: ID 18 = first 6 + <c>********</c> + last 4 (check character X upper-case); ID 15 = first 6 +
/// <c>*****</c> + last 4; mobile = first 3 + <c>****</c> + last 4 with country code and separators dropped
/// (<c>138****5678</c>); bank card = first 4 + <c> **** **** </c> + last 4 whatever its length
/// (<c>6222 **** **** 1234</c>); address = the place as written, every number after it replaced by <c>**</c>
/// (<c>解放路**号</c>, <c>东山村三组**号</c>, <c>**号楼**单元**室</c>).</para>
/// <para>When matches overlap, the order of precedence is ID number, bank card, mobile, address.</para>
/// </remarks>
public static partial class PersonalDataScanner
{
    /// <summary>Han characters that may form a road, village or estate name: not the administrative or filler words around it.</summary>
    private const string Name = @"[\p{IsCJKUnifiedIdeographs}-[省市区县镇乡村组队号楼室栋幢住在于的与及是为第址]]{1,8}";

    /// <summary>A house number: digits (12, 12-3) or Chinese numerals (十二).</summary>
    private const string HouseNumber = @"(?:[0-9]+(?:-[0-9]+)?|[" + ChineseNumerals + "]{1,4})";

    /// <summary>The Chinese numerals a house number is written in (十二号), and its masking replaces.</summary>
    private const string ChineseNumerals = "一二三四五六七八九十百零〇";

    /// <summary>号 followed by one of these is a numbered object, not a home: 5号线, 3号文件, 1号地块, 2号机井, 1号水库, 3号会议室.</summary>
    private const string NotAnObject = @"(?![线文令函井地田塘库桥坝渠闸堰沟水杆车机泵池段标窑仓厂站台场位柜箱表卡码包件会馆展])";

    /// <summary>Further parts of a home address: 3栋, 2单元, 501室, 4层.</summary>
    private const string Rooms = @"(?:[0-9]+(?:栋|幢|座|单元|层|楼|室|号|户))*";

    /// <summary>A group number: 三, 3, 十二.</summary>
    private const string GroupNumber = @"[一二三四五六七八九十0-9]{1,3}";

    private const string Estate =
        "(?<place>" + Name + "(?:小区|花园|公寓|家园|新村|苑|大厦))" +
        "(?<tail>[0-9]+(?:栋|幢|座|号楼)(?:[0-9]+(?:单元|层|楼|室|号|户))+|[0-9]+号" + NotAnObject + "(?!楼)(?:[0-9]+(?:单元|层|楼|室|号|户))*)";

    private const string Road =
        "(?<place>" + Name + "(?:大道|大街|胡同|路|街|巷|弄|道))" +
        "(?<tail>(?:[0-9]+(?:支弄|弄|巷))?" + HouseNumber + "号" + NotAnObject + "(?:楼|院)?" + Rooms + ")";

    private const string Village =
        "(?<place>" + Name + "(?:村|社区)(?:第?" + GroupNumber + "(?:村民小组|小组|组|队))?)" +
        "(?<tail>" + HouseNumber + "号" + NotAnObject + "(?:楼|院)?" + Rooms + ")";

    private const string Group =
        "(?<![0-9])(?<place>第?" + GroupNumber + "(?:村民小组|小组|组|队))" +
        "(?<tail>" + HouseNumber + "号" + NotAnObject + "(?:楼|院)?" + Rooms + ")";

    private const string Building =
        "(?<![0-9])(?<place>)(?<tail>[0-9]+(?:号楼|栋|幢)(?:[0-9]+单元[0-9]+(?:室|号|户)?|[0-9]+(?:室|号|户)))";

    private const string DoorPlate =
        @"(?<place>门牌(?:号码|号)?:?\s*)(?<tail>" + HouseNumber + "号?)";

    /// <summary>A mobile number has 11 digits, an ID 15 or 18, a card 16 to 19: text with fewer digits has none of them.</summary>
    private const int ShortestNumber = 11;

    /// <summary>
    /// Whether <paramref name="text"/> has at least <see cref="ShortestNumber"/> digits, ASCII or full-width (asked of every
    /// body line and table cell). Two one-range searches and a count of each run of digits, stopping at the eleventh:
    /// one <c>SearchValues</c> of both kinds of digit is a probabilistic map, whose vector shuffle the native binary
    /// runs as a call (4 % of a clean build's samples in <c>perf</c>, docs/performance.md, "tenth round").
    /// </summary>
    internal static bool HasNumberDigits(ReadOnlySpan<char> text)
    {
        var n = 0;
        while (true)
        {
            var i = text.IndexOfAnyInRange('0', '9');
            var wide = (i < 0 ? text : text[..i]).IndexOfAnyInRange('０', '９');
            if (wide >= 0)
            {
                i = wide;
            }

            if (i < 0)
            {
                return false;
            }

            for (; i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is >= '０' and <= '９'); i++)
            {
                if (++n >= ShortestNumber)
                {
                    return true;
                }
            }

            text = text[i..];
        }
    }

    /// <summary>Every address pattern but 门牌's has a number (a digit or a Chinese numeral) right before one of these.</summary>
    private static readonly System.Buffers.SearchValues<char> AddressMarks = System.Buffers.SearchValues.Create("号栋幢座");

    /// <summary>
    /// Whether an address pattern could match <paramref name="text"/>: it holds 门牌, or one of 号栋幢座 right after a digit
    /// (ASCII or full-width, which the scan reads as ASCII) or a Chinese numeral — each pattern's house, building or room
    /// number ends there (<see cref="HouseNumber"/>, <see cref="Estate"/>, <see cref="Building"/>). 文号, 编号 and 账号 alone
    /// no longer send a line through the address pattern, the costliest of the scan's.
    /// </summary>
    private static bool MayHoldAddress(string text)
    {
        for (var at = 0; text.AsSpan(at).IndexOfAny(AddressMarks) is var i and >= 0; at += i + 1)
        {
            var before = at + i - 1;
            if (before >= 0 && (char.IsAsciiDigit(text[before]) || text[before] is >= '０' and <= '９' || ChineseNumerals.Contains(text[before])))
            {
                return true;
            }
        }

        return text.Contains("门牌", StringComparison.Ordinal);
    }

    /// <summary>Scans <paramref name="text"/>; returns all matches in order, non-overlapping.</summary>
    public static IReadOnlyList<PersonalDataMatch> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        // Most text has no number that could be personal data and no address marker: skip the regexes then
        // (every body line and table cell is scanned; the address pattern is the expensive one).
        var digits = HasNumberDigits(text);
        var addressMarks = MayHoldAddress(text);
        if (!digits && !addressMarks)
        {
            return [];
        }

        var norm = Normalize(text);
        var found = new List<PersonalDataMatch>();
        if (digits)
        {
            // A pattern that cannot match is not run: the generated regexes' precompiled search loops box a char per
            // call (~70 MiB per 50-village build, most lines holding dates and amounts, not 15 digits in a row).
            var shape = ShapeOf(norm);
            if (shape.LongestRun >= 15)
            {
                AddIdNumbers(text, norm, found);
            }

            if (shape.LongestRun >= 16 || shape.GroupOfFour)
            {
                AddBankCards(text, norm, found);
            }

            AddMobiles(text, norm, found);
            AddSeparatedNumbers(text, norm, found);
            if (shape.ExponentAfterDigit)
            {
                AddSpreadsheetNumbers(text, norm, found);
            }
        }

        if (addressMarks)
        {
            AddAddresses(text, norm, found);
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    /// <summary>
    /// What the number patterns need before they can match, in one pass over the normalized text: the longest run of
    /// ASCII digits (an ID needs 15, a card written whole 16), whether four digits are followed by a space or hyphen and a
    /// digit (a card written in groups), and whether an E follows a digit (a number in Excel's scientific notation).
    /// </summary>
    private static (int LongestRun, bool GroupOfFour, bool ExponentAfterDigit) ShapeOf(string norm)
    {
        var longest = 0;
        var run = 0;
        var groupOfFour = false;
        var exponent = false;
        for (var i = 0; i < norm.Length; i++)
        {
            var c = norm[i];
            if (char.IsAsciiDigit(c))
            {
                longest = Math.Max(longest, ++run);
                continue;
            }

            groupOfFour |= run >= 4 && (c is ' ' or '-') && i + 1 < norm.Length && char.IsAsciiDigit(norm[i + 1]);
            exponent |= run > 0 && (c is 'E' or 'e');
            run = 0;
        }

        return (longest, groupOfFour, exponent);
    }

    private static void AddIdNumbers(string text, string norm, List<PersonalDataMatch> found)
    {
        foreach (var m in IdRegex().EnumerateMatches(norm))
        {
            var digits = norm.AsSpan(m.Index, m.Length);
            if (!HasBoundaries(norm, m.Index, m.Length, grouped: false))
            {
                continue;
            }

            string masked;
            if (m.Length == 18 && IdNumber.IsValid18(digits))
            {
                masked = string.Concat(digits[..6], "********", digits[14..].ToString().ToUpperInvariant());
            }
            else if (m.Length == 15 && IdNumber.IsValid15(digits))
            {
                masked = string.Concat(digits[..6], "*****", digits[11..]);
            }
            else
            {
                continue;
            }

            TryAdd(found, new PersonalDataMatch(PersonalDataKind.IdNumber, m.Index, m.Length, text.Substring(m.Index, m.Length), masked));
        }
    }

    private static void AddBankCards(string text, string norm, List<PersonalDataMatch> found)
    {
        foreach (Match m in BankCardRegex().Matches(norm))
        {
            var grouped = m.Groups["s"].Success;
            var digits = grouped ? m.Value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal) : m.Value;
            if (!HasBoundaries(norm, m.Index, m.Length, grouped) || !BankCard.IsValid(digits)
                || (digits.Length == 18 && IdNumber.IsValid18(digits)))
            {
                continue;
            }

            var masked = string.Concat(digits.AsSpan(0, 4), " **** **** ", digits.AsSpan(digits.Length - 4));
            TryAdd(found, new PersonalDataMatch(PersonalDataKind.BankCard, m.Index, m.Length, text.Substring(m.Index, m.Length), masked));
        }
    }

    private static void AddMobiles(string text, string norm, List<PersonalDataMatch> found)
    {
        foreach (Match m in MobileRegex().Matches(norm))
        {
            var grouped = m.Groups["s"].Length > 0;
            if (!HasBoundaries(norm, m.Index, m.Length, grouped))
            {
                continue;
            }

            var number = m.Groups["n"].Value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
            var masked = string.Concat(number.AsSpan(0, 3), "****", number.AsSpan(7));
            TryAdd(found, new PersonalDataMatch(PersonalDataKind.Mobile, m.Index, m.Length, text.Substring(m.Index, m.Length), masked));
        }
    }

    private static void AddAddresses(string text, string norm, List<PersonalDataMatch> found)
    {
        foreach (Match m in AddressRegex().Matches(norm))
        {
            var place = m.Groups["place"];
            var tail = m.Groups["tail"];
            var masked = text.Substring(place.Index, place.Length) + NumberRegex().Replace(tail.Value, "**");
            TryAdd(found, new PersonalDataMatch(PersonalDataKind.Address, m.Index, m.Length, text.Substring(m.Index, m.Length), masked));
        }
    }

    /// <summary>
    /// Characters people type (or editors insert) between the digits of one number: spaces of every width, zero-width
    /// characters, hyphens and dashes, dots, Markdown emphasis and escapes. <see cref="Normalize"/> has already made the
    /// full-width and no-break forms ASCII spaces.
    /// </summary>
    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '*' or '_' or '~' or '`' or '\\' or '·' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212';

    /// <summary>At most this many separator characters between two digits of one number (<c>138 - 1234</c>).</summary>
    private const int MaxSeparatorRun = 3;

    /// <summary>
    /// ID and mobile numbers typed in any grouping (<c>350102 19900307 1234</c>, <c>1381-234-5678</c>,
    /// <c>138.1234.5678</c>, <c>138**1234**5678</c>, digits with zero-width spaces between them): a maximal run of digits
    /// joined by a few separators, read as one number when all its digits form an ID (checksum-valid) or a mobile.
    /// A run with a decimal fraction (<c>.5</c>, <c>.50</c>) is money, not a number of a person.
    /// </summary>
    private static void AddSeparatedNumbers(string text, string norm, List<PersonalDataMatch> found)
    {
        var i = 0;
        while (i < norm.Length)
        {
            if (!char.IsAsciiDigit(norm[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var digits = new System.Text.StringBuilder();
            var end = i;
            var fraction = false;
            var separated = false;
            while (i < norm.Length)
            {
                if (char.IsAsciiDigit(norm[i]) || ((norm[i] is 'X' or 'x') && digits.Length == 17))
                {
                    digits.Append(char.ToUpperInvariant(norm[i]));
                    end = ++i;
                    continue;
                }

                var gap = i;
                while (gap < norm.Length && gap - i < MaxSeparatorRun && IsSeparator(norm[gap]))
                {
                    gap++;
                }

                if (gap == i || gap >= norm.Length || !char.IsAsciiDigit(norm[gap]))
                {
                    break;
                }

                if (norm[i] == '.' && gap == i + 1)
                {
                    var group = gap;
                    while (group < norm.Length && char.IsAsciiDigit(norm[group]))
                    {
                        group++;
                    }

                    fraction |= group - gap <= 2;
                }

                separated = true;
                i = gap;
            }

            if (!separated || fraction || (start > 0 && char.IsAsciiLetter(norm[start - 1])) || (end < norm.Length && char.IsAsciiLetter(norm[end])))
            {
                continue;
            }

            var number = digits.ToString();
            var match = Classify(number);
            if (match is { } m)
            {
                TryAdd(found, new PersonalDataMatch(m.Kind, start, end - start, text.Substring(start, end - start), m.Masked));
            }
        }
    }

    /// <summary>An ID (checksum-valid) or a mobile (with or without the country code 86) in a string of digits; null otherwise.</summary>
    private static (PersonalDataKind Kind, string Masked)? Classify(string number)
    {
        if (number.Length == 18 && IdNumber.IsValid18(number))
        {
            return (PersonalDataKind.IdNumber, string.Concat(number.AsSpan(0, 6), "********", number.AsSpan(14)));
        }

        if (number.Length == 15 && IdNumber.IsValid15(number))
        {
            return (PersonalDataKind.IdNumber, string.Concat(number.AsSpan(0, 6), "*****", number.AsSpan(11)));
        }

        var mobile = number.Length == 13 && number.StartsWith("86", StringComparison.Ordinal) ? number[2..] : number;
        if (mobile.Length == 11 && mobile[0] == '1' && mobile[1] is >= '3' and <= '9')
        {
            return (PersonalDataKind.Mobile, string.Concat(mobile.AsSpan(0, 3), "****", mobile.AsSpan(7)));
        }

        return null;
    }

    /// <summary>
    /// A long number typed into Excel as a number comes out in scientific notation, its last digits lost
    /// (<c>3.501021990030712E+17</c>): still most of an ID or card number, published. An integer of 15 to 19 digits in
    /// that form is an ID when its birth date is real, else a card number; the checksum cannot be checked any more.
    /// </summary>
    private static void AddSpreadsheetNumbers(string text, string norm, List<PersonalDataMatch> found)
    {
        foreach (Match m in ScientificRegex().Matches(norm))
        {
            var mantissa = m.Groups["i"].Value + m.Groups["f"].Value;
            var exponent = int.Parse(m.Groups["e"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (mantissa.Length > exponent + 1)
            {
                continue;
            }

            var number = mantissa.PadRight(exponent + 1, '0');
            var kind = (number.Length == 18 && IdNumber.HasBirthDate(number.AsSpan(6, 8))) || (number.Length == 15 && IdNumber.IsValid15(number))
                ? PersonalDataKind.IdNumber
                : PersonalDataKind.BankCard;
            var masked = kind == PersonalDataKind.IdNumber
                ? string.Concat(number.AsSpan(0, 6), number.Length == 18 ? "********" : "*****", number.AsSpan(number.Length - 4))
                : string.Concat(number.AsSpan(0, 4), " **** **** ", number.AsSpan(number.Length - 4));
            TryAdd(found, new PersonalDataMatch(kind, m.Index, m.Length, text.Substring(m.Index, m.Length), masked));
        }
    }

    /// <summary>
    /// <paramref name="text"/> with every piece of personal data in it replaced by its masked form: for messages that
    /// quote what a clerk wrote (a cell that is not an amount, an unknown item), which must not repeat a number either.
    /// </summary>
    public static string Redact(string text)
    {
        var matches = Scan(text);
        if (matches.Count == 0 && !HasLongDigitRun(text))
        {
            // Nothing to mask (nearly every message): the text itself, not a copy of it.
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var m in matches)
        {
            AppendLongRunsMasked(sb, text.AsSpan(at, m.Index - at));
            sb.Append(m.Masked);
            at = m.Index + m.Length;
        }

        AppendLongRunsMasked(sb, text.AsSpan(at));
        return sb.ToString();
    }

    /// <summary>A run of this many ASCII digits in a message is masked (<see cref="AppendLongRunsMasked"/>).</summary>
    private const int LongRun = 11;

    /// <summary>Whether <paramref name="text"/> has a run of <see cref="LongRun"/> ASCII digits or more (<see cref="AppendLongRunsMasked"/> masks it).</summary>
    private static bool HasLongDigitRun(string text)
    {
        var run = 0;
        foreach (var ch in text)
        {
            run = char.IsAsciiDigit(ch) ? run + 1 : 0;
            if (run >= LongRun)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A message may put a number next to other digits (a unit named <c>南山村13512345678</c> before <c>2026年</c>), where
    /// the scanner, which needs a number to stand alone, sees none. A message never needs 11 digits in a row, so any such
    /// run keeps only its first 3 and last 4.
    /// </summary>
    private static void AppendLongRunsMasked(System.Text.StringBuilder sb, ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i - start >= LongRun)
            {
                sb.Append(text.Slice(start, 3)).Append('*', i - start - 7).Append(text.Slice(i - 4, 4));
            }
            else
            {
                sb.Append(text[start..i]);
            }

            if (i < text.Length)
            {
                sb.Append(text[i]);
                i++;
            }
        }
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z.])(?<i>[1-9])\.(?<f>[0-9]{1,17})[Ee]\+?(?<e>1[4-8])(?![0-9A-Za-z])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ScientificRegex();

    /// <summary>Adds <paramref name="match"/> unless it overlaps one already found (earlier kinds take precedence).</summary>
    private static void TryAdd(List<PersonalDataMatch> found, PersonalDataMatch match)
    {
        var end = match.Index + match.Length;
        foreach (var f in found)
        {
            if (match.Index < f.Index + f.Length && f.Index < end)
            {
                return;
            }
        }

        found.Add(match);
    }

    /// <summary>
    /// The boundary rules beyond what the regexes check (no ASCII letter or digit on either side): not the fraction
    /// of an amount, not followed by a decimal fraction, and for grouped numbers
    /// not joined to more digits by a space or hyphen.
    /// </summary>
    private static bool HasBoundaries(string s, int index, int length, bool grouped)
    {
        var before = index - 1;
        if (before >= 0)
        {
            var c = s[before];
            if (char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            var digitBefore = before >= 1 && char.IsAsciiDigit(s[before - 1]);
            if (digitBefore && (c == '.' || (grouped && c is ' ' or '-')))
            {
                return false;
            }
        }

        var after = index + length;
        if (after < s.Length)
        {
            var c = s[after];
            if (char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            var digitAfter = after + 1 < s.Length && char.IsAsciiDigit(s[after + 1]);
            if (digitAfter && (c == '.' || (grouped && c is ' ' or '-')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Full-width ASCII (U+FF01–FF5E) becomes ASCII; the ideographic, no-break and other spaces and the zero-width
    /// characters become a space; everything else stays, one char for one.
    /// </summary>
    private static string Normalize(string text)
    {
        // One character for one, so the matches' places hold in the text; most text has nothing to change and is itself.
        var first = 0;
        while (first < text.Length && NormalChar(text[first]) == text[first])
        {
            first++;
        }

        return first == text.Length ? text : string.Create(text.Length, (text, first), static (into, state) =>
        {
            state.text.AsSpan(0, state.first).CopyTo(into);
            for (var i = state.first; i < into.Length; i++)
            {
                into[i] = NormalChar(state.text[i]);
            }
        });
    }

    private static char NormalChar(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' or '\u2007' or '\u202F' or (>= '\u2000' and <= '\u200A') => ' ',

        // Zero-width and invisible characters between digits hide a number from a plain search, not from readers.
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => ' ',
        _ => c,
    };

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[1-9][0-9]{15,18}|[1-9][0-9]{3}(?<s>[ -])[0-9]{4}\k<s>[0-9]{4}\k<s>[0-9]{4}(?:\k<s>[0-9]{1,3})?)(?![0-9A-Za-z])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex BankCardRegex();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:(?:\+|00)?86[ -]?)?(?<n>1[3-9][0-9](?<s>[ -]?)[0-9]{4}\k<s>[0-9]{4})(?![0-9A-Za-z])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MobileRegex();

    [GeneratedRegex(Estate + "|" + Road + "|" + Village + "|" + Group + "|" + Building + "|" + DoorPlate, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex AddressRegex();

    [GeneratedRegex(@"[0-9]+(?:-[0-9]+)*|[" + ChineseNumerals + "]+", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRegex();
}
