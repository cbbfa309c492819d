namespace DisclosureSite.Model;

/// <summary>The kind of unit; the preset lists obligations per level.</summary>
public enum UnitLevel
{
    Township,
    Village,
    Community,
}

/// <summary>The site's own top-level folders: a unit's pages live at <c>/{id}/</c>, so no unit may take one of these names.</summary>
public static class ReservedUnitIds
{
    public static IReadOnlyList<string> All { get; } = ["assets", "compliance", "data", "decisions", "history", "pagefind", "search", "topics"];

    public static bool Contains(string id) => All.Contains(id, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A row of <c>units.csv</c>.</summary>
public sealed record Unit(
    string Id,
    string Name,
    UnitLevel Level,
    string? Parent,
    string? DivisionCode,
    string? Clerk,
    Period? Since,
    Period? Until,
    SourceRef Source)
{
    /// <summary>True when the unit exists for at least part of <paramref name="period"/> (撤并村 owe nothing after they are merged away).</summary>
    public bool ExistsIn(Period period) =>
        (Since is not { } s || period.End >= s.Start) && (Until is not { } u || period.Start <= u.End);
}

public static class UnitLevels
{
    public static string ToKey(this UnitLevel level) => level switch
    {
        UnitLevel.Township => "township",
        UnitLevel.Village => "village",
        _ => "community",
    };

    public static string ToChinese(this UnitLevel level) => level switch
    {
        UnitLevel.Township => "乡镇",
        UnitLevel.Village => "行政村",
        _ => "社区",
    };

    public static bool TryParse(string? text, out UnitLevel level)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "township":
                level = UnitLevel.Township;
                return true;
            case "village":
                level = UnitLevel.Village;
                return true;
            case "community":
                level = UnitLevel.Community;
                return true;
            default:
                level = default;
                return false;
        }
    }
}
