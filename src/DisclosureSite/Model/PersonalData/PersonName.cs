using System.Globalization;
using System.Text;

namespace DisclosureSite.Model.PersonalData;

/// <summary>
/// Whether a cell that must name a person masked (民情台账 反映人) holds a full name instead. A full name is two to four Han
/// characters with no mask (<c>*</c>, <c>＊</c>, <c>×</c>, <c>某</c>); words that name no one (匿名, 群众, 村民代表…) and longer
/// descriptions (第三村民小组, 东山小学) are not names. Spaces and invisible characters between the characters (王 建国,
/// 王&#x200B;建国) do not hide a name, rare characters (Extension A/B, compatibility ideographs) are Han characters too, and a
/// note in brackets after the name (王建国（代）) is not part of it.
/// </summary>
public static class PersonName
{
    private static readonly string[] Masks = ["*", "＊", "×", "某", "○", "〇"];

    private static readonly HashSet<string> NoOne = new(StringComparer.Ordinal)
    {
        "匿名", "群众", "村民", "居民", "多名村民", "多户村民", "村民们", "联名", "集体", "网友", "来电", "来信", "党员", "村民代表", "居民代表", "不愿具名",
    };

    public static bool IsFullName(string? text)
    {
        var s = Core(text);
        if (NoOne.Contains(s) || Masks.Any(m => s.Contains(m, StringComparison.Ordinal)))
        {
            return false;
        }

        var runes = s.EnumerateRunes().ToList();
        return runes.Count is >= 2 and <= 4 && runes.All(IsHan);
    }

    /// <summary>The masked form: the first and last characters with <c>*</c> between (<c>张*明</c>; two characters <c>张*</c>).</summary>
    public static string Mask(string name)
    {
        var runes = Core(name).EnumerateRunes().Select(r => r.ToString()).ToList();
        return runes.Count <= 2 ? runes[0] + "*" : runes[0] + new string('*', runes.Count - 2) + runes[^1];
    }

    /// <summary>The text without spaces and invisible characters, and without a bracketed note at its end.</summary>
    private static string Core(string? text)
    {
        var s = new StringBuilder();
        foreach (var c in text ?? string.Empty)
        {
            if (!char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                s.Append(c);
            }
        }

        var core = s.ToString();
        var open = core.IndexOfAny(['（', '(']);
        return open > 0 && core[^1] is '）' or ')' ? core[..open] : core;
    }

    private static bool IsHan(Rune r) => r.Value is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3134F);
}
