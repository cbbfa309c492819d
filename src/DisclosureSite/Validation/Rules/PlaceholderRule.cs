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
    /// <remarks>
    /// Cheap enough for every disclosure of a county: one search of the body (or what the input cache noted of it) and
    /// the table row counts; a table's rows are
    /// decoded only when it has so few that they could all be 合计 rows. Template text in a table cell is an error
    /// (<see cref="CheckDisclosure"/>) that blocks publishing without being looked for here.
    /// </remarks>
    public static bool IsPlaceholder(Disclosure d) =>
        d.BodyHoldsTemplateText
        || (!d.IsNil && d.Tables.Any(t => t.Rows.Count <= MaxTotalRows && t.Rows.All(TotalRows.IsTotal)));

    /// <summary>A table has at most this many 合计-like rows (合计, 本月合计, 本年累计).</summary>
    private const int MaxTotalRows = 3;

    /// <summary>
    /// The first line of <paramref name="body"/> holding template text: a body with no marker at all (no marker spans
    /// lines, so a body holds one exactly when a line does) is answered by one search, and lines are looked at in place,
    /// not copied.
    /// </summary>
    private static (int Index, string Text)? FirstPlaceholderLine(string body)
    {
        if (!TemplateText.IsPlaceholder(body))
        {
            return null;
        }

        var index = 0;
        foreach (var line in body.AsSpan().EnumerateLines())
        {
            if (TemplateText.IsPlaceholder(line))
            {
                return (index, line.Trim().ToString());
            }

            index++;
        }

        return null;
    }
}
