using System.Globalization;
using System.Text;
using DisclosureSite.Model;
using DisclosureSite.Validation;

namespace DisclosureSite.Publishing.Reminders;

/// <summary>Where the links in a reminder point: the data repository on GitHub and its input folder.</summary>
public sealed record ReminderLinks(string Repository, string WebUrl = "https://github.com", string InputFolder = "input")
{
    private string Base => $"{WebUrl.TrimEnd('/')}/{Repository}";

    /// <summary>The folder a clerk puts a period's files in.</summary>
    public string DataFolder(string unit, Period period) =>
        $"{Base}/tree/HEAD/{Escape(InputFolder)}/disclosures/{Uri.EscapeDataString(unit)}/{period}";

    /// <summary>A file of the input folder (a unit's 民情台账).</summary>
    public string InputFile(string relative) => $"{Base}/blob/HEAD/{Escape(InputFolder)}/{Escape(relative)}";

    /// <summary>The clerks' guide to the input format.</summary>
    public string FormatGuide => $"{Base}/blob/HEAD/docs/{Uri.EscapeDataString("数据格式.md")}";

    private static string Escape(string path) => string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
}

/// <summary>
/// Turns the compliance matrix into one reminder per unit: its overdue (缺报) and due-soon items as a Chinese
/// Markdown checklist with deadlines, days late and links to the data folder and the format guide.
/// </summary>
public static class ReminderPlanner
{
    public static IReadOnlyList<UnitReminder> Plan(ValidationContext context, ReminderLinks links)
    {
        var byUnit = context.Compliance
            .Where(e => e.Status is ItemStatus.Missing or ItemStatus.DueSoon)
            .ToLookup(e => e.Unit.Id);
        return context.Input.Units
            .Select(unit =>
            {
                var entries = byUnit[unit.Id]
                    .Select(e => new ReminderEntry(e.Item, e.Period, e.Deadline, e.Status, e.Days ?? 0))
                    .OrderBy(e => e.IsOverdue ? 0 : 1)
                    .ThenBy(e => e.Deadline)
                    .ThenBy(e => e.Period)
                    .ThenBy(e => e.Item.Id, StringComparer.Ordinal)
                    .ToList();
                var log = context.Input.RequestsOf(unit.Id);
                var requests = (log?.Matters ?? []).Where(m => m.IsOverdueOn(context.AsOf))
                    .OrderBy(m => m.Due).ThenBy(m => m.Number, StringComparer.Ordinal).ToList();
                return new UnitReminder(
                    unit,
                    entries,
                    Title(unit, entries, requests.Count),
                    Body(unit, entries, context.AsOf, links, requests, log?.File),
                    [ReminderMarker.Label, ReminderMarker.UnitLabel(unit.Id)])
                {
                    OverdueRequests = requests,
                };
            })
            .ToList();
    }

    public static string Title(Unit unit, IReadOnlyList<ReminderEntry> entries, int overdueRequests = 0)
    {
        var overdue = entries.Count(e => e.IsOverdue);
        var soon = entries.Count - overdue;
        var parts = new List<string>();
        if (overdue > 0)
        {
            parts.Add($"{overdue} 项已逾期");
        }

        if (soon > 0)
        {
            parts.Add($"{soon} 项即将到期");
        }

        if (overdueRequests > 0)
        {
            parts.Add($"{overdueRequests} 件民情事项超期未办结");
        }

        return parts.Count == 0 ? $"【三务公开提醒】{unit.Name}:全部已公开" : $"【三务公开提醒】{unit.Name}:{string.Join(",", parts)}";
    }

    public static string Body(Unit unit, IReadOnlyList<ReminderEntry> entries, DateOnly asOf, ReminderLinks links, IReadOnlyList<RequestMatter>? overdueRequests = null, string? requestsFile = null)
    {
        var requests = overdueRequests ?? [];
        var b = new StringBuilder();
        b.Append(ReminderMarker.For(unit.Id)).Append('\n');
        b.Append(CultureInfo.InvariantCulture, $"**{unit.Name}**(`{unit.Id}`)三务公开提醒 · 截至 {Dates.Chinese(asOf)}\n\n");
        if (entries.Count == 0 && requests.Count == 0)
        {
            b.Append("所有到期事项均已公开,谢谢!\n");
            return b.ToString();
        }

        if (entries.Count == 0)
        {
            b.Append("所有到期事项均已公开,谢谢!下列群众反映的事项已超过办结时限,请抓紧办理。\n");
            RequestSection(b, requests, asOf, links, requestsFile);
            b.Append("\n<sub>本提醒由 `disclosure remind` 自动生成和更新;请不要删除第一行的隐藏标记。</sub>\n");
            return b.ToString();
        }

        b.Append("您好!下列事项需要公开。请把对应文件放进数据文件夹并提交。发布流程每天凌晨(北京时间)自动检查一次:");
        b.Append("补齐的事项会从清单中去掉,全部补齐后本提醒自动关闭。\n");
        Section(b, "已逾期(缺报)", entries.Where(e => e.IsOverdue), links, unit.Id);
        Section(b, "即将到期", entries.Where(e => !e.IsOverdue), links, unit.Id);
        RequestSection(b, requests, asOf, links, requestsFile);
        b.Append("\n### 怎么做\n\n");
        b.Append(CultureInfo.InvariantCulture, $"1. 生成这一期要填的文件:`disclosure new {unit.Id} <期次>`(例如 `disclosure new {unit.Id} {entries[0].Period}`),或复制上一期的文件修改;\n");
        b.Append(CultureInfo.InvariantCulture, $"2. 按[数据填写指南]({links.FormatGuide})填写内容和表格,提交(commit)到仓库;\n");
        b.Append("3. 本期确实没有可公开内容的事项,也要交一份“无事项”报告:在文件开头写 `nil: 本季度无……事项`。\n\n");
        b.Append("<sub>本提醒由 `disclosure remind` 自动生成和更新;请不要删除第一行的隐藏标记。</sub>\n");
        return b.ToString();
    }

    /// <summary>The unit's 民情台账 matters open past their limit:办理后把状态改为“已办结”并填办结日期和办理结果.</summary>
    private static void RequestSection(StringBuilder b, IReadOnlyList<RequestMatter> requests, DateOnly asOf, ReminderLinks links, string? file)
    {
        if (requests.Count == 0)
        {
            return;
        }

        b.Append(CultureInfo.InvariantCulture, $"\n### 民情事项超期未办结({requests.Count} 件)\n\n");
        foreach (var m in requests)
        {
            var handler = m.Handler is { } h ? $" · 经办人 {h}" : string.Empty;
            b.Append(CultureInfo.InvariantCulture,
                $"- [ ] **第 {m.Number} 号:{m.Subject}**({m.Category})· {Dates.Chinese(m.Received)}受理 · 时限 {Dates.Chinese(m.Due)} · **已超期 {m.DaysOver(asOf)} 天**{handler}\n");
        }

        if (file is not null)
        {
            b.Append(CultureInfo.InvariantCulture, $"\n办结后,在[民情台账]({links.InputFile(file)})里把状态改为“已办结”,填上办结日期和办理结果,并告知反映人。\n");
        }
    }

    private static void Section(StringBuilder b, string heading, IEnumerable<ReminderEntry> entries, ReminderLinks links, string unitId)
    {
        var list = entries.ToList();
        if (list.Count == 0)
        {
            return;
        }

        b.Append(CultureInfo.InvariantCulture, $"\n### {heading}({list.Count} 项)\n\n");
        foreach (var e in list)
        {
            var when = e.IsOverdue ? $"**已逾期 {e.Days} 天**" : (e.Days == 0 ? "**今天截止**" : $"还有 {e.Days} 天");
            b.Append(CultureInfo.InvariantCulture,
                $"- [ ] **{e.Item.Name}**(`{e.Item.Id}`)· {e.Period.ToChinese()} · 截止 {Dates.Chinese(e.Deadline)} · {when} · [数据文件夹]({links.DataFolder(unitId, e.Period)})\n");
        }
    }
}
