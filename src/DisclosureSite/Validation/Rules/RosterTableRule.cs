using DisclosureSite.Model;
using DisclosureSite.Validation.Tables;

namespace DisclosureSite.Validation.Rules;

/// <summary>
/// Roster (名单) tables: a name column, and a 合计 row checked like a ledger's — every column where it writes a
/// number must equal the sum of the rows above (SPEC §4). Their personal data is checked by <see cref="PersonalDataRule"/>.
/// </summary>
public sealed class RosterTableRule : ITableRule
{
    /// <summary>Words of a money column; the other number columns of a roster are counts (人数, 户数).</summary>
    private static readonly string[] MoneyWords = ["金额", "元", "款", "费", "补贴", "资金", "工资"];

    public IEnumerable<Finding> Check(Disclosure d, IReadOnlyList<Table> tables, RuleSet rules)
    {
        foreach (var table in tables)
        {
            Finding Make(string code, LocalizedText text, int line, int column) =>
                new(code, FindingCodes.SeverityOf(code), text, d.Unit, d.Period.ToString(), d.Item, table.File, line, column);

            var name = TableSchema.Roster.Column(table, rules, "name");
            if (name < 0)
            {
                yield return Make(FindingCodes.MissingColumn, Messages.MissingNameColumn(TableSchema.Roster.Aliases(rules, "name")), table.HeaderLine, 1);
                continue;
            }

            foreach (var f in CheckTotals(table, rules, Make))
            {
                yield return f;
            }
        }
    }

    /// <summary>
    /// The 合计 row against the rows: the columns checked are those where the 合计 row has a number (金额, 人数), so
    /// text columns and the label are left alone. A cell of such a column that is not a number is <c>table.bad-amount</c>.
    /// </summary>
    private static IEnumerable<Finding> CheckTotals(Table table, RuleSet rules, Func<string, LocalizedText, int, int, Finding> make)
    {
        var rows = table.Rows.ToList();
        if (rows.FirstOrDefault(TotalRows.IsTotal) is not { } total)
        {
            yield break;
        }

        for (var c = 0; c < table.Columns.Count; c++)
        {
            if (total[c] is not { Length: > 0 } written || TotalRows.IsLabel(written) || TableSchema.Roster.IsDate(rules, table.Columns[c]) || !Amount.TryParse(written, out var stated))
            {
                continue;
            }

            var sum = 0m;
            var readable = true;
            foreach (var row in rows.Where(r => !TotalRows.IsTotal(r)))
            {
                var cell = row.Cells[c];
                if (cell.Text.Length == 0)
                {
                    continue;
                }

                if (Amount.TryParse(cell.Text, out var v))
                {
                    sum += v;
                }
                else
                {
                    readable = false;
                    yield return make(FindingCodes.BadAmount, Messages.BadAmount(table.Columns[c], cell.Text), cell.Line, cell.Column);
                }
            }

            if (readable && sum != stated)
            {
                var cell = total.Cells[c];
                var count = stated == decimal.Truncate(stated) && sum == decimal.Truncate(sum) && !MoneyWords.Any(w => table.Columns[c].Contains(w, StringComparison.Ordinal));
                yield return make(FindingCodes.TotalMismatch, Messages.TotalMismatch(table.Columns[c], stated, sum, count), cell.Line, cell.Column);
            }
        }
    }
}
