using DisclosureSite.Model;

namespace DisclosureSite.Validation.Rules;

/// <summary>
/// A disclosure must be the clerk's own words (SPEC §4, <c>input.placeholder</c>): placeholder sentences and
/// instructions of the <c>disclosure new</c> templates (<see cref="TemplateText"/>) left in the body or a table, and
/// tables with no data rows (or only a 合计 row), are errors. Such a disclosure is never published and never counts
/// as disclosed (<see cref="ComplianceCalculator"/>). A nil report may keep an empty table: it says there is nothing.
/// </summary>
public static class PlaceholderRule
{
    public static IEnumerable<Finding> CheckDisclosure(Disclosure d)
    {
        Finding Make(LocalizedText text, string file, int? line, int? column = null) =>
            new(FindingCodes.Placeholder, FindingCodes.SeverityOf(FindingCodes.Placeholder), text, d.Unit, d.Period.ToString(), d.Item, file, line, column);

        if (FirstPlaceholderLine(d.Body) is { } at)
        {
            yield return Make(Messages.PlaceholderLine(at.Text), d.File, d.BodyLine + at.Index);
        }

        foreach (var table in d.Tables)
        {
            var rows = 0;
            var totals = 0;
            TableCell? marked = null;
            TableRow? firstTotal = null;
            foreach (var row in table.Rows)
            {
                rows++;
                if (TotalRows.IsTotal(row))
                {
                    totals++;
                    firstTotal ??= row;
                }

                foreach (var cell in row.Cells)
                {
                    if (marked is null && TemplateText.IsPlaceholder(cell.Text))
                    {
                        marked = cell;
                    }
                }
            }

            if (marked is { } m)
            {
                yield return Make(Messages.PlaceholderLine(m.Text), table.File, m.Line, m.Column);
            }
            else if (!d.IsNil && rows == totals)
            {
                yield return Make(Messages.PlaceholderNoRows(Path.GetFileName(table.File), totals > 0), table.File, firstTotal?.Line ?? table.HeaderLine);
            }
        }
    }

    /// <summary>True when <paramref name="d"/> is (still) a template: it is not published and does not count as disclosed.</summary>
    public static bool IsPlaceholder(Disclosure d, RuleSet rules) =>
        DisclosureChecks.Find(d, rules) is { } known ? known.Content.Any(f => f.Code == FindingCodes.Placeholder) : CheckDisclosure(d).Any();

    private static (int Index, string Text)? FirstPlaceholderLine(string body)
    {
        var index = 0;
        foreach (var line in body.AsSpan().EnumerateLines())
        {
            if (TemplateText.IsPlaceholder(line.ToString()))
            {
                return (index, line.Trim().ToString());
            }

            index++;
        }

        return null;
    }
}
