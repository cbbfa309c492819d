using DisclosureSite.Validation;

namespace DisclosureSite.Site.Render;

/// <summary>How a status is said on the site: an icon and words (never colour alone), and a CSS class for the colour that only adds to them.</summary>
public sealed record StatusWord(string Key, string Icon, string Text, string Css)
{
    public string Label => $"{Icon} {Text}";

    /// <summary>For narrow matrix cells: "✔ 按时", "⚠ 逾期16天", "✖ 缺报".</summary>
    public string ShortLabel => $"{Icon} {Short}";

    public string Short { get; init; } = Text;
}

/// <summary>The one place that turns an <see cref="ItemStatus"/> into words for pages, CSV and JSON.</summary>
public static class StatusWords
{
    public static string Key(ItemStatus status) => status switch
    {
        ItemStatus.OnTime => "on-time",
        ItemStatus.Late => "late",
        ItemStatus.Nil => "nil",
        ItemStatus.Embargoed => "embargoed",
        ItemStatus.Missing => "missing",
        ItemStatus.DueSoon => "due-soon",
        _ => "pending",
    };

    public static StatusWord Of(ItemStatus status, int? days) => Of(Key(status), days);

    /// <summary>A 民情台账 matter's status on <paramref name="asOf"/> and its days (over, left, or late).</summary>
    public static (string Key, int? Days) Of(Model.RequestMatter m, DateOnly asOf) => m.Status switch
    {
        Model.RequestStatus.Transferred => ("request-transferred", null),
        Model.RequestStatus.Closed => m.ClosedLate ? ("request-late", m.DaysOver(asOf)) : ("request-closed", null),
        _ => m.IsOverdueOn(asOf) ? ("request-overdue", m.DaysOver(asOf)) : ("request-open", m.Due.DayNumber - asOf.DayNumber),
    };

    public static StatusWord Of(string key, int? days) => key switch
    {
        "on-time" => new(key, "✔", "按时公开", "ok") { Short = "按时" },
        "late" => new(key, "⚠", days is { } d ? $"逾期 {d} 天公开" : "逾期公开", "late") { Short = days is { } d2 ? $"逾期{d2}天" : "逾期" },
        "nil" => new(key, "○", "本期无此类事项", "nil") { Short = "无此事项" },
        "embargoed" => new(key, "◷", "待公开(未到公开日期)", "wait") { Short = "待公开" },
        "missing" => new(key, "✖", days is { } m ? $"缺报(已逾期 {m} 天)" : "缺报", "missing") { Short = "缺报" },
        "due-soon" => new(key, "◷", days is { } s ? $"即将到期(还剩 {s} 天)" : "即将到期", "soon") { Short = days is { } s2 ? $"还剩{s2}天" : "将到期" },
        "withdrawn" => new(key, "⊘", "已撤下", "withdrawn"),
        "request-overdue" => new(key, "✖", days is { } o ? $"超期 {o} 天未办结" : "超期未办结", "missing") { Short = days is { } o2 ? $"超期{o2}天" : "超期" },
        "request-open" => new(key, "◷", days is { } l ? (l == 0 ? "办理中（今天到期）" : $"办理中（还剩 {l} 天）") : "办理中", "wait") { Short = "办理中" },
        "request-closed" => new(key, "✔", "按时办结", "ok") { Short = "按时办结" },
        "request-late" => new(key, "⚠", days is { } d3 ? $"逾期 {d3} 天办结" : "逾期办结", "late") { Short = days is { } d4 ? $"逾期{d4}天办结" : "逾期办结" },
        "request-transferred" => new(key, "➜", "已转办", "nil"),
        "correction" => new(key, "✎", "更正", "nil"),
        _ => new("pending", "◷", "未到截止日期", "wait") { Short = "未到期" },
    };
}
