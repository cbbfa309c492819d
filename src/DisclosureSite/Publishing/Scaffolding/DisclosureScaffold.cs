using System.Text;
using DisclosureSite.Model;

namespace DisclosureSite.Publishing.Scaffolding;

/// <summary>One file <c>disclosure new</c> makes: its path relative to the input folder, and whether it was written or already there.</summary>
public sealed record ScaffoldedFile(string Path, bool Written);

/// <summary>
/// <c>disclosure new &lt;unit&gt; &lt;period&gt;</c>: a Markdown file for every item a unit owes in a period (front matter
/// filled in, the body a placeholder the clerk replaces), and for items with a ledger or roster table one table
/// template beside it — .xlsx, or CSV on request — which the .md points at. Every placeholder and instruction is a
/// <see cref="TemplateText"/> in 【】, so a template left as it is is <c>input.placeholder</c>, never a disclosure.
/// Existing files are never overwritten.
/// </summary>
public static class DisclosureScaffold
{
    /// <summary>
    /// The file name of an item's disclosure, as in the demo and the clerks' guide: the stream prefix is dropped
    /// (<c>village.finance</c> → <c>finance</c>) except for 党务, whose items keep it (<c>party.dues</c> → <c>party-dues</c>).
    /// </summary>
    public static string SlugFor(CatalogueItem item)
    {
        var dot = item.Id.IndexOf('.', StringComparison.Ordinal);
        return item.StreamId == "party" || dot < 0 ? item.Id.Replace('.', '-') : item.Id[(dot + 1)..];
    }

    /// <summary>The items a unit owes in a period, in catalogue order.</summary>
    public static IReadOnlyList<CatalogueItem> ItemsOwed(RuleSet rules, Unit unit, Period period) =>
        rules.ItemsFor(unit.Level).Where(i => i.IsRequiredIn(period)).ToList();

    /// <summary>The period kinds a unit's level has obligations in (e.g. half-year for 党务, quarter for 村务), with the stream names.</summary>
    public static IReadOnlyList<(PeriodKind Kind, string Streams)> Schedules(RuleSet rules, UnitLevel level) =>
        rules.Streams.Where(s => s.Level == level && s.Items.Count > 0)
            .GroupBy(s => s.Schedule)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, string.Join("、", g.Select(s => s.Name))))
            .ToList();

    /// <summary>Writes the files of <paramref name="unit"/> for <paramref name="period"/> under <paramref name="inputRoot"/>.</summary>
    /// <param name="csv">Table templates as CSV rather than .xlsx, for clerks who keep their tables as text.</param>
    public static IReadOnlyList<ScaffoldedFile> Write(string inputRoot, Unit unit, Period period, IReadOnlyList<CatalogueItem> items, bool csv = false)
    {
        var folder = $"disclosures/{unit.Id}/{period}";
        var results = new List<ScaffoldedFile>();
        foreach (var item in items)
        {
            if (item.Id == Loading.BoardPhotoLoader.ItemId)
            {
                // Notice-board photos are not a Markdown disclosure: they go in board/<unit>/<yyyy-mm>/.
                var month = $"{Loading.BoardPhotoLoader.Folder}/{unit.Id}/{Dates.Iso(period.Start)[..7]}/";
                var dir = Path.Combine(inputRoot, month.Replace('/', Path.DirectorySeparatorChar));
                var existed = Directory.Exists(dir);
                Directory.CreateDirectory(dir);
                results.Add(new ScaffoldedFile(month, !existed));
                continue;
            }

            var slug = SlugFor(item);
            // A schema with a sheet template (ledger, roster: Model/TableSchema.cs) gets one beside the .md.
            var schema = item.TableSchema?.Template is not null ? item.TableSchema : null;
            var table = schema is null ? null : $"{slug}-{schema.Name}{(csv ? ".csv" : ".xlsx")}";
            results.Add(WriteIfAbsent(inputRoot, $"{folder}/{slug}.md", path => File.WriteAllText(path, Markdown(unit, period, item, table, schema), new UTF8Encoding(false))));
            if (table is null || schema is null)
            {
                continue;
            }

            var template = TableTemplate(unit, period, schema);
            results.Add(csv
                ? WriteIfAbsent(inputRoot, $"{folder}/{table}", path => File.WriteAllText(path, template.Csv(), new UTF8Encoding(true)))
                : WriteIfAbsent(inputRoot, $"{folder}/{table}", path =>
                {
                    using var stream = File.Create(path);
                    template.WriteXlsx(stream);
                }));
        }

        return results;
    }

    private static ScaffoldedFile WriteIfAbsent(string root, string relative, Action<string> write)
    {
        var full = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        if (File.Exists(full))
        {
            return new ScaffoldedFile(relative, false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);

        // Written beside and moved into place, so an interrupted run never leaves half a file that a rerun would skip.
        var temp = full + ".tmp";
        write(temp);
        File.Move(temp, full);
        return new ScaffoldedFile(relative, true);
    }

    /// <summary>The table template of a schema (its <see cref="TableSchema.Template"/>): the sheet a clerk would make for the notice board.</summary>
    public static SheetTemplate TableTemplate(Unit unit, Period period, TableSchema schema)
    {
        var shape = schema.Template ?? throw new ArgumentException($"schema {schema} has no sheet template", nameof(schema));
        var signers = unit.Level == UnitLevel.Township ? new[] { "制表人", "审核人", "负责人" } : ["制表人", "审核人", "村务监督委员会"];
        return new SheetTemplate($"{unit.Name}{period.ToChinese()}{shape.TitleSuffix}", shape.SheetName, "元", shape.Columns, HasTotal: true, signers);
    }

    private static string Markdown(Unit unit, Period period, CatalogueItem item, string? table, TableSchema? schema)
    {
        var nilWord = period.Kind switch
        {
            PeriodKind.HalfYear => "本半年",
            PeriodKind.Quarter => "本季度",
            PeriodKind.Month => "本月",
            _ => "本年度",
        };
        var title = item.TitleIn(period);
        var b = new StringBuilder();
        b.Append("---\n");
        b.Append($"item: {item.Id}\n");
        b.Append($"title: {title}\n");
        b.Append("# published: 可不填。公开日期以提交到仓库主分支的时间为准。\n");
        b.Append($"# nil: {nilWord}无此类事项    ← 本期确实没有可公开的内容时,去掉这一行开头的“# ”,删掉下面 tables: 开头的几行和正文里的【】提示\n");
        if (table is not null)
        {
            b.Append("tables:\n");
            b.Append($"  - file: {table}\n");
            b.Append($"    schema: {schema!.Name}\n");
        }

        b.Append("---\n");
        b.Append($"现将{unit.Name}{title}公开如下。\n\n");
        b.Append(TemplateText.Fill(schema?.Template?.Explanation ?? TableSchema.GeneralExplanation)).Append('\n');
        if (table is not null && schema?.Template is { } shape)
        {
            var what = shape.FillIn;
            var open = table.EndsWith(".xlsx", StringComparison.Ordinal) ? "用 Excel 或 WPS 打开" : "用 Excel、WPS 或记事本打开";
            b.Append('\n').Append(TemplateText.Hint($"明细填在 {table}({open}):{what};表格下面写上制表人、审核人的姓名和日期。填好后删掉这一段")).Append('\n');
        }

        b.Append("\n有疑问请找村务监督委员会,或拨打监督投诉电话。\n");
        return b.ToString();
    }
}
