using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DisclosureSite.Model;

namespace DisclosureSite.Validation.Output;

/// <summary>Output formats of <c>disclosure check</c>.</summary>
public enum ReportFormat
{
    Text,
    Github,
    Json,
    Markdown,
}

/// <summary>Writes a <see cref="CheckReport"/> as text for people, GitHub workflow commands, JSON (SPEC §6) or a Markdown job summary.</summary>
public static class ReportWriter
{
    public static string Write(CheckReport report, ReportFormat format, string lang, IReadOnlyDictionary<string, string>? unitNames = null) => format switch
    {
        ReportFormat.Json => Json(report, lang),
        ReportFormat.Github => Github(report, lang),
        ReportFormat.Markdown => Markdown(report, lang, unitNames),
        _ => Text(report, lang, unitNames),
    };

    private static bool En(string lang) => lang.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static string SeverityWord(Severity s, string lang) => (s, En(lang)) switch
    {
        (Severity.Error, false) => "错误",
        (Severity.Warning, false) => "警告",
        (Severity.Notice, false) => "提示",
        (Severity.Error, true) => "error",
        (Severity.Warning, true) => "warning",
        _ => "notice",
    };

    private static string Place(Finding f) =>
        f.File is null ? string.Empty : f.Line is { } l ? (f.Column is { } c ? $"{f.File}:{l}:{c}" : $"{f.File}:{l}") : f.File;

    public static string SummaryLine(CheckSummary s, string lang) => En(lang)
        ? $"{s.Units} units, {s.ItemsDue} items due: {s.OnTime} on time, {s.Late} late, {s.Missing} missing, {s.Nil} nil reports; {s.Errors} errors, {s.Warnings} warnings, {s.Notices} notices"
        : $"{s.Units} 个单位,应公开 {s.ItemsDue} 项:按时 {s.OnTime},逾期 {s.Late},缺报 {s.Missing},无事项说明 {s.Nil};错误 {s.Errors},警告 {s.Warnings},提示 {s.Notices}";

    /// <summary>Grouped by unit, one finding per line with file:line:col, then the summary line.</summary>
    public static string Text(CheckReport report, string lang, IReadOnlyDictionary<string, string>? unitNames = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine(En(lang) ? $"Checked as of {Dates.Iso(report.AsOf)}" : $"检查日期:{Dates.Iso(report.AsOf)}");
        foreach (var note in report.Notes)
        {
            sb.AppendLine(note.In(lang));
        }
        foreach (var group in report.Findings.GroupBy(f => f.Unit))
        {
            sb.AppendLine();
            var title = group.Key is null
                ? (En(lang) ? "Site" : "全站")
                : unitNames is not null && unitNames.TryGetValue(group.Key, out var name) ? $"{name}({group.Key})" : group.Key;
            sb.AppendLine($"== {title} ==");
            foreach (var f in group)
            {
                var place = Place(f);
                sb.Append("  ").Append(SeverityWord(f.Severity, lang)).Append(' ').Append(f.Code);
                if (place.Length > 0)
                {
                    sb.Append("  ").Append(place);
                }

                sb.AppendLine();
                sb.Append("    ").AppendLine(f.Text.In(lang));
            }
        }

        sb.AppendLine();
        sb.AppendLine(SummaryLine(report.Summary, lang));
        if (!report.HasErrors)
        {
            sb.AppendLine(En(lang) ? "No input errors: the site can be published." : "没有数据错误,可以发布。");
        }
        else
        {
            sb.AppendLine(En(lang) ? "Errors block publishing: fix them and run the check again." : "有错误,暂时不能发布:请按上面的提示改正后再检查。");
        }

        return sb.ToString();
    }

    /// <summary>GitHub workflow commands (<c>::error file=…,line=…::message</c>), so a PR shows each finding on its line.</summary>
    public static string Github(CheckReport report, string lang)
    {
        var sb = new StringBuilder();
        foreach (var f in report.Findings)
        {
            var command = f.Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "notice",
            };
            var props = new List<string>();
            if (f.File is not null)
            {
                props.Add("file=" + EscapeProperty(f.File));
            }

            if (f.Line is { } l)
            {
                props.Add("line=" + l.ToString(CultureInfo.InvariantCulture));
            }

            if (f.Column is { } c)
            {
                props.Add("col=" + c.ToString(CultureInfo.InvariantCulture));
            }

            props.Add("title=" + EscapeProperty(f.Code));
            sb.Append("::").Append(command).Append(' ').Append(string.Join(',', props)).Append("::").AppendLine(EscapeData(f.Text.In(lang)));
        }

        sb.AppendLine(SummaryLine(report.Summary, lang));
        return sb.ToString();
    }

    /// <summary>Workflow command data escaping (%, CR, LF), as the Actions toolkit does.</summary>
    public static string EscapeData(string s) =>
        s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Workflow command property escaping: data escaping plus : and ,.</summary>
    public static string EscapeProperty(string s) =>
        EscapeData(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>SPEC §6: <c>{"as_of", "findings": [{code, severity, unit, period, item, file, line, column, message, days}], "summary"}</c>.</summary>
    public static string Json(CheckReport report, string lang)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("as_of", Dates.Iso(report.AsOf));
            w.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                w.WriteStartObject();
                w.WriteString("code", f.Code);
                w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
                WriteOrNull(w, "unit", f.Unit);
                WriteOrNull(w, "period", f.Period);
                WriteOrNull(w, "item", f.Item);
                WriteOrNull(w, "file", f.File);
                WriteOrNull(w, "line", f.Line);
                WriteOrNull(w, "column", f.Column);
                w.WriteString("message", f.Text.In(lang));
                WriteOrNull(w, "days", f.Days);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            var s = report.Summary;
            w.WriteStartObject("summary");
            w.WriteNumber("units", s.Units);
            w.WriteNumber("items_due", s.ItemsDue);
            w.WriteNumber("on_time", s.OnTime);
            w.WriteNumber("late", s.Late);
            w.WriteNumber("missing", s.Missing);
            w.WriteNumber("nil", s.Nil);
            w.WriteNumber("embargoed", s.Embargoed);
            w.WriteNumber("due_soon", s.DueSoon);
            w.WriteNumber("errors", s.Errors);
            w.WriteNumber("warnings", s.Warnings);
            w.WriteNumber("notices", s.Notices);
            w.WriteString("dates_from", s.DatesFrom);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteOrNull(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>A job-summary table per unit.</summary>
    public static string Markdown(CheckReport report, string lang, IReadOnlyDictionary<string, string>? unitNames = null)
    {
        var en = En(lang);
        var sb = new StringBuilder();
        sb.AppendLine(en ? $"## Disclosure check — {Dates.Iso(report.AsOf)}" : $"## 三务公开检查 — {Dates.Iso(report.AsOf)}");
        sb.AppendLine();
        sb.AppendLine(SummaryLine(report.Summary, lang));
        foreach (var group in report.Findings.GroupBy(f => f.Unit))
        {
            sb.AppendLine();
            var title = group.Key is null ? (en ? "Site" : "全站") : unitNames is not null && unitNames.TryGetValue(group.Key, out var n) ? $"{n} ({group.Key})" : group.Key;
            sb.AppendLine($"### {MdCell(title)}");
            sb.AppendLine();
            sb.AppendLine(en ? "| severity | code | period | item | place | message |" : "| 级别 | 代码 | 期次 | 事项 | 位置 | 说明 |");
            sb.AppendLine("|---|---|---|---|---|---|");
            foreach (var f in group)
            {
                sb.AppendLine($"| {SeverityWord(f.Severity, lang)} | `{f.Code}` | {MdCell(f.Period ?? string.Empty)} | {MdCell(f.Item ?? string.Empty)} | {MdCell(Place(f))} | {MdCell(f.Text.In(lang))} |");
            }
        }

        return sb.ToString();
    }

    private static string MdCell(string s) =>
        s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
