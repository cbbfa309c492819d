using DisclosureSite.Model;
using DisclosureSite.Site.Render.Views;
using DisclosureSite.Validation.Tables;

namespace DisclosureSite.Site.Render;

/// <summary>
/// How a table of one schema is shown on its item page (and in its print view): the <see cref="TableView"/> the theme's
/// template <c>themes/default/partials/table.liquid</c> draws.
/// </summary>
public interface ITableSchemaView
{
    TableView Of(RuleSet rules, Disclosure d, Table table, string csvUrl);
}

/// <summary>
/// The view and template of each disclosure <see cref="TableSchema"/> (Model/TableSchema.cs), registered here because
/// views belong to Site. To add a schema's view: an <see cref="ITableSchemaView"/> (copy <see cref="LedgerTableView"/>)
/// and its line below. Every schema is drawn by one template, <c>themes/default/partials/table.liquid</c> (the view's
/// <c>schema</c> is the table's CSS class; a ledger's totals and chart are drawn when the view has them). The 民情台账 (<see cref="TableSchema.Requests"/>) is not a disclosure's table: it has its own
/// pages (Steps/RenderRequestPages.cs).
/// </summary>
public static class TableSchemaViews
{
    private static readonly Dictionary<TableSchema, ITableSchemaView> BySchema = new()
    {
        [TableSchema.Ledger] = new LedgerTableView(),
        [TableSchema.Roster] = new PlainTableView(),
        [TableSchema.Generic] = new PlainTableView(),
    };

    /// <summary>The view of <paramref name="schema"/>; every schema of <see cref="TableSchema.OfDisclosures"/> has one (TableSchemaTests).</summary>
    public static ITableSchemaView For(TableSchema schema) => BySchema[schema];
}

/// <summary>
/// Rosters and other tables: a column whose every cell is a number is right-aligned, and one named as an amount (金额,
/// 元) is written like a ledger's (1,234.50); the clerk's text stays as it is elsewhere.
/// </summary>
public sealed class PlainTableView : ITableSchemaView
{
    public TableView Of(RuleSet rules, Disclosure d, Table table, string csvUrl)
    {
        var numeric = table.Columns.Select((_, i) => table.Rows.Any(r => r[i].Length > 0) && table.Rows.All(r => r[i].Length == 0 || Amount.TryParse(r[i], out decimal _))).ToList();
        var money = table.Columns.Select((c, i) => numeric[i] && IsAmountColumn(c)).ToList();
        var css = numeric.Select(n => n ? "num" : string.Empty).ToList();
        var plain = TableRows.Of(table, _ => false, css, money);
        return new TableView(table.Caption, table.Schema.Name, table.Columns, css, plain, null, null, csvUrl);
    }

    /// <summary>A column named as money: 金额, 补贴金额(元), 保障金额（元/月）, 单价（元）…</summary>
    private static bool IsAmountColumn(string name) => name.Contains("金额", StringComparison.Ordinal) || name.Contains('元');
}

/// <summary>A ledger: date, summary and amount columns marked, the 合计 row, the totals computed from the rows, the balance check and the chart.</summary>
public sealed class LedgerTableView : ITableSchemaView
{
    public TableView Of(RuleSet rules, Disclosure d, Table table, string csvUrl)
    {
        var ledger = LedgerAnalysis.Of(table, rules);
        var classes = table.Columns.Select((_, i) => i == ledger.Income || i == ledger.Expense ? "num" : i == ledger.Date ? "date" : i == ledger.Summary ? "summary" : string.Empty).ToList();
        var totals = new HashSet<TableRow>(ledger.Lines.Where(l => l.IsTotal).Select(l => l.Row));
        var opening = d.Meta.OpeningBalance;
        var closing = d.Meta.ClosingBalance;
        var computed = opening is { } o ? o + ledger.IncomeTotal - ledger.ExpenseTotal : (decimal?)null;
        var view = new LedgerTotalsView(
            ledger.IncomeTotal,
            ledger.ExpenseTotal,
            ledger.Income >= 0,
            ledger.Expense >= 0,
            opening,
            closing,
            computed,
            computed is { } c && closing is { } cl ? c == cl : null);
        var chart = LedgerChart.Of(opening, ledger.IncomeTotal, ledger.ExpenseTotal, closing ?? computed);
        var rows = TableRows.Of(table, totals.Contains, classes, classes.Select(c => c == "num").ToList());
        return new TableView(table.Caption, table.Schema.Name, table.Columns, classes, rows, view, chart, csvUrl);
    }
}

/// <summary>
/// A table's rows as cell views: each cell with its column's class and header (the label a phone shows beside it), and in a
/// column of <paramref name="money"/> an amount written as a ledger writes it (1,234.50; other text as it is). One pass,
/// one view per cell: the item pages make one for every cell of every table.
/// </summary>
internal static class TableRows
{
    public static RowView[] Of(Table table, Func<TableRow, bool> isTotal, IReadOnlyList<string> classes, IReadOnlyList<bool> money)
    {
        var columns = table.Columns;
        var rows = new RowView[table.Rows.Count];
        var at = 0;
        foreach (var row in table.Rows)
        {
            var cells = new CellView[columns.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                var text = row[i];
                if (money[i] && Amount.TryParse(text, out var amount))
                {
                    text = Amount.Format(amount);
                }

                cells[i] = new CellView(text, classes[i] == "num", columns[i], classes[i]);
            }

            rows[at++] = new RowView(cells, isTotal(row));
        }

        return rows;
    }
}
