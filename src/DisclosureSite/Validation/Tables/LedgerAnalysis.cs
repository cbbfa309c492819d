using DisclosureSite.Model;

namespace DisclosureSite.Validation.Tables;

/// <summary>A ledger row with its amounts read (null where the cell is empty or unreadable).</summary>
public sealed record LedgerLine(TableRow Row, decimal? Income, decimal? Expense, bool IsTotal);

/// <summary>
/// Reads a <c>ledger</c> table the way the validator and the site both need it: which columns are which
/// (by the preset's aliases), each row's amounts, the computed totals and the written total row.
/// </summary>
public sealed class LedgerAnalysis
{
    private LedgerAnalysis(Table table, RuleSet rules)
    {
        Table = table;
        Date = Column(table, rules, "date");
        Summary = Column(table, rules, "summary");
        Income = Column(table, rules, "income");
        Expense = Column(table, rules, "expense");
        AmountWords = Column(table, rules, "amount_words");
    }

    public Table Table { get; }

    public int Date { get; }

    public int Summary { get; }

    public int Income { get; }

    public int Expense { get; }

    public int AmountWords { get; }

    public IReadOnlyList<LedgerLine> Lines { get; private set; } = [];

    public decimal IncomeTotal { get; private set; }

    public decimal ExpenseTotal { get; private set; }

    /// <summary>The written 合计/总计 row, if any.</summary>
    public LedgerLine? TotalRow => Lines.FirstOrDefault(l => l.IsTotal);

    private static int Column(Table table, RuleSet rules, string column) => TableSchema.Ledger.Column(table, rules, column);

    /// <summary>Analyses a ledger; unreadable amounts are left null (the rule reports them).</summary>
    public static LedgerAnalysis Of(Table table, RuleSet rules)
    {
        var a = new LedgerAnalysis(table, rules);
        var lines = new List<LedgerLine>();
        decimal income = 0, expense = 0;
        foreach (var row in table.Rows)
        {
            var isTotal = a.IsTotalRow(row);
            var inc = Read(row, a.Income);
            var exp = Read(row, a.Expense);
            if (!isTotal)
            {
                income += inc ?? 0;
                expense += exp ?? 0;
            }

            lines.Add(new LedgerLine(row, inc, exp, isTotal));
        }

        a.Lines = lines;
        a.IncomeTotal = income;
        a.ExpenseTotal = expense;
        return a;
    }

    private bool IsTotalRow(TableRow row) =>
        TotalRows.IsLabel((Summary >= 0 ? row[Summary] : string.Empty) + (Date >= 0 ? row[Date] : string.Empty)) || TotalRows.IsTotal(row);

    private static decimal? Read(TableRow row, int column) =>
        column >= 0 && row[column].Length > 0 && Amount.TryParse(row[column], out var v) ? v : null;
}
