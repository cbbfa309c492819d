using DisclosureSite.Model;
using DisclosureSite.Validation.Tables;

namespace DisclosureSite.Validation.Rules;

/// <summary>
/// Ledger (收支) tables: required columns, every amount readable, the 合计 row equals the computed sum,
/// opening + income − expense = closing to the fen, and 大写金额 equals the figure beside it.
/// </summary>
public sealed class LedgerTableRule : ITableRule
{
    /// <summary>The findings of one disclosure's ledgers (a function of the disclosure and the column aliases only).</summary>
    public IEnumerable<Finding> Check(Disclosure d, IReadOnlyList<Table> tables, RuleSet rules)
    {
        var analyses = tables.Select(t => LedgerAnalysis.Of(t, rules)).ToList();
        var clean = true;
        foreach (var analysis in analyses)
        {
            foreach (var f in CheckTable(d, analysis, rules))
            {
                clean = false;
                yield return f;
            }
        }

        // Balances are checked across all ledgers of the item, once their rows are readable.
        if (clean && analyses.Count > 0 && d.Meta.OpeningBalance is { } opening && d.Meta.ClosingBalance is { } closing)
        {
            var income = analyses.Sum(x => x.IncomeTotal);
            var expense = analyses.Sum(x => x.ExpenseTotal);
            if (opening + income - expense != closing)
            {
                yield return new Finding(FindingCodes.BalanceMismatch, Severity.Error, Messages.BalanceMismatch(opening, income, expense, closing), d.Unit, d.Period.ToString(), d.Item, d.File);
            }
        }
    }

    private static IEnumerable<Finding> CheckTable(Disclosure d, LedgerAnalysis a, RuleSet rules)
    {
        var table = a.Table;
        Finding Make(string code, LocalizedText text, int? line = null, int? column = null, string? file = null) =>
            new(code, FindingCodes.SeverityOf(code), text, d.Unit, d.Period.ToString(), d.Item, file ?? table.File, line, column);

        var missing = false;
        foreach (var (index, name) in new[] { (a.Date, "date"), (a.Summary, "summary") })
        {
            if (index < 0)
            {
                missing = true;
                yield return Make(FindingCodes.MissingColumn, Messages.MissingLedgerColumn(name == "date" ? "日期" : "摘要", TableSchema.Ledger.Aliases(rules, name)), table.HeaderLine, 1);
            }
        }

        if (a.Income < 0 && a.Expense < 0)
        {
            yield return Make(FindingCodes.MissingColumn, Messages.MissingIncomeExpense(TableSchema.Ledger.Aliases(rules, "income").Concat(TableSchema.Ledger.Aliases(rules, "expense"))), table.HeaderLine, 1);
            yield break;
        }

        var badAmounts = false;
        foreach (var line in a.Lines)
        {
            foreach (var column in new[] { a.Income, a.Expense })
            {
                if (column < 0)
                {
                    continue;
                }

                var cell = line.Row.Cells[column];
                if (cell.Text.Length > 0 && !Amount.TryParse(cell.Text, out _))
                {
                    badAmounts = true;
                    yield return Make(FindingCodes.BadAmount, Messages.BadAmount(table.Columns[column], cell.Text), cell.Line, cell.Column);
                }
            }

            if (a.AmountWords >= 0 && !line.IsTotal && line.Row[a.AmountWords] is { Length: > 0 } words)
            {
                var cell = line.Row.Cells[a.AmountWords];
                var figure = line.Income ?? line.Expense;
                if (!ChineseAmountWords.TryParse(words, out var value))
                {
                    yield return Make(FindingCodes.BadAmount, Messages.BadAmountWords(words), cell.Line, cell.Column);
                }
                else if (figure is { } fig && value != fig)
                {
                    yield return Make(FindingCodes.AmountWordsMismatch, Messages.AmountWordsMismatch(words, value, fig), cell.Line, cell.Column);
                }
            }
        }

        if (badAmounts || missing)
        {
            yield break;
        }

        if (a.TotalRow is { } total)
        {
            foreach (var (column, computed, written) in new[] { (a.Income, a.IncomeTotal, total.Income), (a.Expense, a.ExpenseTotal, total.Expense) })
            {
                if (column >= 0 && written is { } w && w != computed)
                {
                    var cell = total.Row.Cells[column];
                    yield return Make(FindingCodes.TotalMismatch, Messages.TotalMismatch(table.Columns[column], w, computed), cell.Line, cell.Column);
                }
            }
        }
    }
}
