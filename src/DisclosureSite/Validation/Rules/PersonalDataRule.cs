using DisclosureSite.Model;
using DisclosureSite.Model.PersonalData;

namespace DisclosureSite.Validation.Rules;

/// <summary>
/// Unmasked personal data (SPEC §8) anywhere in the data: table cells, Markdown bodies, front matter,
/// contact cards, duty rosters, commitments and decisions. The finding names the cell or line and the masked form.
/// </summary>
public sealed class PersonalDataRule : IValidationRule
{
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var input = context.Input;
        // Disclosures are scanned in parallel (most of the text is theirs), each into its own list, merged in order.
        var perDisclosure = new IReadOnlyList<Finding>[input.Disclosures.Count];
        Parallel.For(0, input.Disclosures.Count, i =>
        {
            var d = input.Disclosures[i];
            perDisclosure[i] = context.PerFile.GetValueOrDefault(d)?.PersonalData ?? ScanDisclosure(d);
        });
        var findings = perDisclosure.SelectMany(f => f).ToList();
        foreach (var p in input.People)
        {
            foreach (var text in new[] { p.Name, p.Role, p.Phone, p.Note })
            {
                foreach (var m in PersonalDataScanner.Scan(text ?? string.Empty))
                {
                    findings.Add(PersonalDataFindings.Make(m, $"联系卡第 {p.Source.Line} 行", $"contact card line {p.Source.Line}", p.Source.File, p.Source.Line, null, p.Unit, null, null));
                }
            }
        }

        foreach (var e in input.Duty)
        {
            foreach (var text in new[] { e.Name, e.Role, e.Phone })
            {
                foreach (var m in PersonalDataScanner.Scan(text ?? string.Empty))
                {
                    findings.Add(PersonalDataFindings.Make(m, $"值班表第 {e.Source.Line} 行", $"duty roster line {e.Source.Line}", e.Source.File, e.Source.Line, null, e.Unit, null, null));
                }
            }
        }

        foreach (var c in input.Commitments)
        {
            PersonalDataFindings.ScanLines(findings, c.Body, c.Source.File, c.Source.Line ?? 1, c.Unit, null, null);
        }

        foreach (var log in input.Requests)
        {
            findings.AddRange(ScanRequests(log));
        }

        foreach (var d in input.Decisions)
        {
            var text = TextOf(input.Root, d.File);
            PersonalDataFindings.ScanLines(findings, text, d.File, 1, d.Unit, null, d.Item);
        }

        return findings;
    }

    /// <summary>
    /// The personal data in one disclosure (front matter, body, table cells): a function of the disclosure only. The front
    /// matter was scanned by the loader (<see cref="PersonalDataFindings.ScanFrontMatter"/>, <see cref="Disclosure.FrontMatterPersonalData"/>).
    /// </summary>
    public static List<Finding> ScanDisclosure(Disclosure d)
    {
        var findings = new List<Finding>(d.FrontMatterPersonalData);
        var period = d.Period.ToString();
        PersonalDataFindings.ScanLines(findings, d.Body, d.File, d.BodyLine, d.Unit, period, d.Item);
        foreach (var table in d.Tables)
        {
            ScanTable(findings, table, d.Unit, period, d.Item);
        }

        return findings;
    }

    /// <summary>Every cell of a table file (its header was read as the header, not scanned).</summary>
    private static void ScanTable(List<Finding> findings, Table table, string unit, string? period, string? item)
    {
        foreach (var row in table.Rows)
        {
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var cell = row.Cells[c];
                var column = c < table.Columns.Count ? table.Columns[c] : string.Empty;
                foreach (var m in PersonalDataScanner.Scan(cell.Text))
                {
                    findings.Add(PersonalDataFindings.Make(m, $"第 {cell.Line} 行“{column}”列", $"row {cell.Line}, column '{column}'", table.File, cell.Line, cell.Column, unit, period, item));
                }
            }
        }
    }

    /// <summary>
    /// A 民情台账: every cell (an ID number or mobile anywhere), and each 反映人, which must be masked (<c>张*明</c>): a full
    /// name is <c>privacy.name</c>. A file with such an error is never published (errors stop the build).
    /// </summary>
    public static IEnumerable<Finding> ScanRequests(RequestLog log)
    {
        var findings = new List<Finding>();
        ScanTable(findings, log.Table, log.Unit, null, null);
        var column = log.RequesterColumn;
        foreach (var row in log.Table.Rows)
        {
            if (column < 0 || column >= row.Cells.Count)
            {
                continue;
            }

            var cell = row.Cells[column];
            if (PersonName.IsFullName(cell.Text))
            {
                var text = Messages.UnmaskedRequester($"第 {cell.Line} 行", PersonName.Mask(cell.Text));
                findings.Add(new Finding(FindingCodes.PersonName, Severity.Error, text with { En = Messages.UnmaskedRequester($"row {cell.Line}", PersonName.Mask(cell.Text)).En }, log.Unit, null, null, log.File, cell.Line, cell.Column));
            }
        }

        return findings;
    }

    private static string TextOf(string root, string file)
    {
        try
        {
            return Loading.TextFile.NormalizeNewlines(File.ReadAllText(Path.Combine(root, file)));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
