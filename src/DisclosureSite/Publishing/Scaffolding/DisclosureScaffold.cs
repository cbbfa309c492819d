using System.Data;
using System.Text;
using DisclosureSite.Model;
using MiniExcelLibs;

namespace DisclosureSite.Publishing.Scaffolding;

/// <summary>One file <c>disclosure new</c> makes: its path relative to the input folder, and whether it was written or already there.</summary>
public sealed record ScaffoldedFile(string Path, bool Written);

/// <summary>
/// <c>disclosure new &lt;unit&gt; &lt;period&gt;</c>: a Markdown file for every item a unit owes in a period (front matter
/// filled in), and for items with a ledger or roster table a CSV and an .xlsx template beside it with the right
/// columns. Existing files are never overwritten.
/// </summary>
public static class DisclosureScaffold
{
    /// <summary>The columns of a new ledger (收支明细) table, in the clerks' usual order.</summary>
    public static IReadOnlyList<string> LedgerColumns { get; } = ["日期", "摘要", "科目", "收入", "支出", "经手人", "凭证号"];

    /// <summary>The columns of a new roster (名单) table.</summary>
    public static IReadOnlyList<string> RosterColumns { get; } = ["姓名", "户别", "人数", "金额(元)", "备注"];

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
    public static IReadOnlyList<ScaffoldedFile> Write(string inputRoot, Unit unit, Period period, IReadOnlyList<CatalogueItem> items)
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
            var schema = item.TableSchema is "ledger" or "roster" ? item.TableSchema : null;
            var table = schema is null ? null : $"{slug}-{schema}";
            results.Add(WriteIfAbsent(inputRoot, $"{folder}/{slug}.md", path => File.WriteAllText(path, Markdown(unit, period, item, table, schema), new UTF8Encoding(false))));
            if (table is null || schema is null)
            {
                continue;
            }

            var columns = schema == "ledger" ? LedgerColumns : RosterColumns;
            results.Add(WriteIfAbsent(inputRoot, $"{folder}/{table}.csv", path => File.WriteAllText(path, Csv(columns, schema), new UTF8Encoding(true))));
            results.Add(WriteIfAbsent(inputRoot, $"{folder}/{table}.xlsx", path => Xlsx(path, columns, schema)));
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

    private static string Markdown(Unit unit, Period period, CatalogueItem item, string? table, string? schema)
    {
        var nilWord = period.Kind switch
        {
            PeriodKind.HalfYear => "本半年",
            PeriodKind.Quarter => "本季度",
            PeriodKind.Month => "本月",
            _ => "本年度",
        };
        var b = new StringBuilder();
        b.Append("---\n");
        b.Append($"item: {item.Id}\n");
        b.Append($"title: {period.ToChinese()}{item.Name}\n");
        b.Append("# published: 可不填。公开日期以提交到仓库主分支的时间为准。\n");
        b.Append($"# nil: {nilWord}无此类事项    ← 本期确实没有可公开的内容时,去掉这一行开头的“# ”,并删掉下面的表格\n");
        if (table is not null)
        {
            b.Append("tables:\n");
            b.Append($"  - file: {table}.csv    # 用 Excel/WPS 填写 {table}.xlsx 的,把这里改成 {table}.xlsx\n");
            b.Append($"    schema: {schema}\n");
            b.Append($"    caption: {(schema == "ledger" ? "收支明细" : "名单")}\n");
        }

        b.Append("---\n");
        b.Append($"现将{unit.Name}{period.ToChinese()}{item.Name}公开如下。\n\n");
        b.Append("(请在这里写公开内容:做了什么、花了多少钱、经谁审核。写好后删掉这一段括号里的提示。)\n");
        if (schema == "ledger")
        {
            b.Append("\n明细见下表。表格最后一行“合计”的收入、支出请填上总数,系统会核对。\n");
        }
        else if (schema == "roster")
        {
            b.Append("\n名单见下表。姓名、身份证号等个人信息要按规定部分隐藏(例如 张*明),不要写手机号和详细住址。\n");
        }

        b.Append("\n有疑问请找村务监督委员会,或拨打监督投诉电话。\n");
        return b.ToString();
    }

    private static string Csv(IReadOnlyList<string> columns, string schema)
    {
        var b = new StringBuilder();
        b.Append(string.Join(',', columns)).Append('\n');
        if (schema == "ledger")
        {
            b.Append(",合计").Append(new string(',', columns.Count - 2)).Append('\n');
        }

        return b.ToString();
    }

    private static void Xlsx(string path, IReadOnlyList<string> columns, string schema)
    {
        using var table = new DataTable(schema == "ledger" ? "收支明细" : "名单");
        foreach (var c in columns)
        {
            table.Columns.Add(c, typeof(string));
        }

        if (schema == "ledger")
        {
            var row = table.NewRow();
            row["摘要"] = "合计";
            table.Rows.Add(row);
        }

        using var stream = File.Create(path);
        stream.SaveAs(table, sheetName: table.TableName, excelType: ExcelType.XLSX);
    }
}
