using DisclosureSite.Model;

namespace DisclosureSite.Validation.Rules;

/// <summary>
/// Every cell of a date column is a real date (SPEC §4, <c>table.bad-date</c>): 2026-09-03, 2026/9/3, 2026年9月3日 or a
/// date cell of Excel/WPS; 2026/9/31 and 2026-13-45 are not. Empty cells and the 合计 row's label are left alone.
/// </summary>
public static class TableDateRule
{
    public static IEnumerable<Finding> CheckDisclosure(Disclosure d, RuleSet rules)
    {
        foreach (var table in d.Tables)
        {
            var columns = Enumerable.Range(0, table.Columns.Count).Where(i => table.Schema.IsDate(rules, table.Columns[i])).ToArray();
            if (columns.Length == 0)
            {
                continue;
            }

            foreach (var row in table.Rows)
            {
                foreach (var c in columns)
                {
                    var cell = row.Cells[c];
                    if (cell.Text.Length > 0 && !Dates.TryParse(cell.Text, out _) && !TotalRows.IsLabel(cell.Text))
                    {
                        yield return new Finding(FindingCodes.BadTableDate, Severity.Error, Messages.BadTableDate(table.Columns[c], cell.Text), d.Unit, d.Period.ToString(), d.Item, table.File, cell.Line, cell.Column);
                    }
                }
            }
        }
    }
}
