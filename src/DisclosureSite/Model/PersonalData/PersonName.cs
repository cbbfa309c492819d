namespace DisclosureSite.Model.PersonalData;

/// <summary>
/// Whether a cell that must name a person masked (民情台账 反映人) holds a full name instead. A full name is two to four Han
/// characters with no mask (<c>*</c>, <c>＊</c>, <c>×</c>, <c>某</c>); words that name no one (匿名, 群众, 村民代表…) and longer
/// descriptions (第三村民小组, 东山小学) are not names.
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
        var s = text?.Trim() ?? string.Empty;
        if (s.Length is < 2 or > 4 || NoOne.Contains(s) || Masks.Any(m => s.Contains(m, StringComparison.Ordinal)))
        {
            return false;
        }

        return s.All(c => c is >= '\u4e00' and <= '\u9fff');
    }

    /// <summary>The masked form: the first and last characters with <c>*</c> between (<c>张*明</c>; two characters <c>张*</c>).</summary>
    public static string Mask(string name)
    {
        var s = name.Trim();
        return s.Length <= 2 ? s[..1] + "*" : s[..1] + new string('*', s.Length - 2) + s[^1..];
    }
}
