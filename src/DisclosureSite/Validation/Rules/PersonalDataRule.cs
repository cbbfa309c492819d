using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Model.PersonalData;

namespace DisclosureSite.Validation.Rules;

/// <summary>
/// Unmasked personal data (SPEC §8) anywhere in what is published: table cells and headers, Markdown bodies (as
/// written and with HTML entities decoded), front matter (its parsed values, escapes resolved), file names (they become
/// URLs), contact cards, duty rosters, commitments, decisions, units.csv and site.yaml. The finding names the place and
/// the masked form, never the value.
/// </summary>
public sealed class PersonalDataRule : IValidationRule
{
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        // Disclosures are scanned in parallel (most of the text is theirs).
        var findings = context.EachDisclosure((d, known) => known?.PersonalData ?? ScanDisclosure(d));
        findings.AddRange(context.StandingPersonalData);
        return findings;
    }

    /// <summary>
    /// The personal data in the contact cards, duty rosters, commitments, 民情台账, decisions, units.csv and site.yaml: a
    /// function of those lists only (<see cref="ValidationContext.StandingPersonalData"/> keeps it for a session's rerun
    /// over the same lists).
    /// </summary>
    internal static List<Finding> ScanStanding(SiteInput input)
    {
        var findings = new List<Finding>();
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
            findings.AddRange(log.PersonalData ?? ScanRequests(log));
        }

        foreach (var d in input.Decisions)
        {
            PersonalDataFindings.ScanLines(findings, d.Text, d.File, 1, d.Unit, null, d.Item);
        }

        foreach (var u in input.Units)
        {
            foreach (var text in new[] { u.Id, u.Name, u.Clerk, u.DivisionCode })
            {
                foreach (var m in PersonalDataScanner.Scan(text ?? string.Empty))
                {
                    findings.Add(PersonalDataFindings.Make(m, $"units.csv 第 {u.Source.Line} 行", $"units.csv line {u.Source.Line}", u.Source.File, u.Source.Line, null, u.Id, null, null));
                }
            }
        }

        var s = input.Settings;
        foreach (var text in new[] { s.Name, s.BaseUrl, s.Hotline, s.Repository })
        {
            foreach (var m in PersonalDataScanner.Scan(text ?? string.Empty))
            {
                findings.Add(PersonalDataFindings.Make(m, "site.yaml", "site.yaml", SiteSettingsLoader.File, null, null, null, null, null));
            }
        }

        return findings;
    }

    /// <summary>
    /// A finding whose message quotes what a clerk wrote, with any personal data in the quote masked: only the
    /// privacy findings may speak of personal data, and they give the masked form alone.
    /// </summary>
    public static Finding Redact(Finding f) => Redact(f, RedactText);

    /// <summary><see cref="Redact(Finding)"/> with the message's masked form given by <paramref name="redact"/> (a memo of <see cref="RedactText"/>).</summary>
    public static Finding Redact(Finding f, Func<LocalizedText, LocalizedText> redact) =>
        IsMaskedAlready(f) ? f : f with { Text = redact(f.Text) };

    /// <summary>A privacy finding: its message gives the masked form alone, and <see cref="Redact(Finding)"/> leaves it as it is.</summary>
    public static bool IsMaskedAlready(Finding f) => f.Code.StartsWith("privacy.", StringComparison.Ordinal);

    /// <summary>A message with any personal data in it masked, in both languages.</summary>
    public static LocalizedText RedactText(LocalizedText text) => new(PersonalDataScanner.Redact(text.Zh), PersonalDataScanner.Redact(text.En));

    /// <summary>
    /// The personal data in one disclosure (front matter, body, table cells): a function of the disclosure only. The front
    /// matter was scanned by the loader (<see cref="PersonalDataFindings.ScanFrontMatter"/>, <see cref="Disclosure.FrontMatterPersonalData"/>).
    /// </summary>
    public static List<Finding> ScanDisclosure(Disclosure d)
    {
        var findings = new List<Finding>(d.FrontMatterPersonalData);
        var period = d.Period.ToString();

        // File names become URLs: /dongshan/2026-Q3/13812345678/ publishes the number as surely as the page does.
        foreach (var name in new[] { d.File }.Concat(d.Tables.Select(t => t.File)).Concat(d.Meta.Attachments))
        {
            foreach (var m in PersonalDataScanner.Scan(Path.GetFileNameWithoutExtension(name)))
            {
                findings.Add(PersonalDataFindings.Make(m, $"文件名“{PersonalDataScanner.Redact(Path.GetFileName(name))}”", $"file name '{PersonalDataScanner.Redact(Path.GetFileName(name))}'", name, null, null, d.Unit, period, d.Item));
            }
        }

        PersonalDataFindings.ScanLines(findings, d.Body, d.File, d.BodyLine, d.Unit, period, d.Item);
        foreach (var table in d.Tables)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                foreach (var m in PersonalDataScanner.Scan(table.Columns[c]))
                {
                    findings.Add(PersonalDataFindings.Make(m, $"表头第 {c + 1} 列", $"header, column {c + 1}", table.File, table.HeaderLine, c + 1, d.Unit, period, d.Item));
                }
            }

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
}
