using System.Text.RegularExpressions;

namespace DisclosureSite.Publishing.Reminders;

/// <summary>
/// The hidden HTML comment that identifies a unit's reminder issue: <c>&lt;!-- disclosure-remind:unit=dongshan --&gt;</c>.
/// Issues are found by label and then by this marker, so a renamed title or an edited label never makes a duplicate.
/// </summary>
public static partial class ReminderMarker
{
    /// <summary>The label every reminder issue carries.</summary>
    public const string Label = "三务公开提醒";

    public static string UnitLabel(string unitId) => "unit:" + unitId;

    public static string For(string unitId) => $"<!-- disclosure-remind:unit={unitId} -->";

    [GeneratedRegex(@"<!--\s*disclosure-remind:unit=([A-Za-z0-9_-]+)\s*-->", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The unit id in an issue body's marker, or null when the body has none.</summary>
    public static string? UnitOf(string? body) =>
        body is not null && Pattern().Match(body) is { Success: true } m ? m.Groups[1].Value : null;
}
