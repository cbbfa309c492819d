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
    /// <summary>Aliases used when a preset does not list any (SPEC §4).</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Defaults = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["date"] = ["日期", "时间"],
        ["summary"] = ["摘要", "开支项目", "项目", "事由"],
        ["income"] = ["收入", "收入金额", "收入(元)"],
        ["expense"] = ["支出", "支出金额", "支出(元)", "金额(元)"],
        ["amount_words"] = ["大写金额"],
        ["name"] = ["姓名", "户主姓名", "户主"],
    };

    private static readonly string[] TotalWords = ["合计", "总计"];

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

    public static IReadOnlyList<string> Aliases(RuleSet rules, string schema, string column)
    {
        var fromPreset = rules.AliasesOf(schema, column);
        return fromPreset.Count > 0 ? fromPreset : Defaults.TryGetValue(column, out var d) ? d : [];
    }

    public static int Column(Table table, RuleSet rules, string column, string schema = "ledger") =>
        table.ColumnIndex(Aliases(rules, schema, column));

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

    private bool IsTotalRow(TableRow row)
    {
        var label = (Summary >= 0 ? row[Summary] : string.Empty) + (Date >= 0 ? row[Date] : string.Empty);
        var compact = label.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal);
        return TotalWords.Any(w => compact.Contains(w, StringComparison.Ordinal));
    }

    private static decimal? Read(TableRow row, int column) =>
        column >= 0 && row[column].Length > 0 && Amount.TryParse(row[column], out var v) ? v : null;
}
