using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Validation.PersonalData;
using YamlDotNet.RepresentationModel;

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
        var input = context.Input;
        // Disclosures are scanned in parallel (most of the text is theirs), each into its own list, merged in order.
        var perDisclosure = new IReadOnlyList<Finding>[input.Disclosures.Count];
        Parallel.For(0, input.Disclosures.Count, i =>
        {
            var d = input.Disclosures[i];
            perDisclosure[i] = DisclosureChecks.Find(d, input.Rules)?.PersonalData ?? ScanDisclosure(d);
        });
        var findings = perDisclosure.SelectMany(f => f).ToList();
        foreach (var p in input.People)
        {
            foreach (var text in new[] { p.Name, p.Role, p.Phone, p.Note })
            {
                foreach (var m in PersonalDataScanner.Scan(text ?? string.Empty))
                {
                    findings.Add(Make(m, $"联系卡第 {p.Source.Line} 行", $"contact card line {p.Source.Line}", p.Source.File, p.Source.Line, null, p.Unit, null, null));
                }
            }
        }

        foreach (var e in input.Duty)
        {
            foreach (var text in new[] { e.Name, e.Role, e.Phone })
            {
                foreach (var m in PersonalDataScanner.Scan(text ?? string.Empty))
                {
                    findings.Add(Make(m, $"值班表第 {e.Source.Line} 行", $"duty roster line {e.Source.Line}", e.Source.File, e.Source.Line, null, e.Unit, null, null));
                }
            }
        }

        foreach (var c in input.Commitments)
        {
            ScanLines(findings, c.Body, c.Source.File, c.Source.Line ?? 1, c.Unit, null, null);
        }

        foreach (var d in input.Decisions)
        {
            var text = TextOf(input.Root, d.File);
            ScanLines(findings, text, d.File, 1, d.Unit, null, d.Item);
        }

        foreach (var u in input.Units)
        {
            foreach (var text in new[] { u.Id, u.Name, u.Clerk, u.DivisionCode })
            {
                foreach (var m in PersonalDataScanner.Scan(text ?? string.Empty))
                {
                    findings.Add(Make(m, $"units.csv 第 {u.Source.Line} 行", $"units.csv line {u.Source.Line}", u.Source.File, u.Source.Line, null, u.Id, null, null));
                }
            }
        }

        var s = input.Settings;
        foreach (var text in new[] { s.Name, s.BaseUrl, s.Hotline, s.Repository })
        {
            foreach (var m in PersonalDataScanner.Scan(text ?? string.Empty))
            {
                findings.Add(Make(m, "site.yaml", "site.yaml", SiteSettingsLoader.File, null, null, null, null, null));
            }
        }

        return findings;
    }

    /// <summary>
    /// A finding whose message quotes what a clerk wrote, with any personal data in the quote masked: only the
    /// privacy findings may speak of personal data, and they give the masked form alone.
    /// </summary>
    public static Finding Redact(Finding f) =>
        f.Code.StartsWith("privacy.", StringComparison.Ordinal)
            ? f
            : f with { Text = new LocalizedText(PersonalDataScanner.Redact(f.Text.Zh), PersonalDataScanner.Redact(f.Text.En)) };

    /// <summary>
    /// The personal data in one disclosure (front matter, body, table cells): a function of the disclosure only. The front
    /// matter was scanned by the loader (<see cref="ScanFrontMatter"/>, <see cref="Disclosure.FrontMatterPersonalData"/>).
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
                findings.Add(Make(m, $"文件名“{PersonalDataScanner.Redact(Path.GetFileName(name))}”", $"file name '{PersonalDataScanner.Redact(Path.GetFileName(name))}'", name, null, null, d.Unit, period, d.Item));
            }
        }

        ScanLines(findings, d.Body, d.File, d.BodyLine, d.Unit, period, d.Item);
        foreach (var table in d.Tables)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                foreach (var m in PersonalDataScanner.Scan(table.Columns[c]))
                {
                    findings.Add(Make(m, $"表头第 {c + 1} 列", $"header, column {c + 1}", table.File, table.HeaderLine, c + 1, d.Unit, period, d.Item));
                }
            }

            foreach (var row in table.Rows)
            {
                for (var c = 0; c < row.Cells.Count; c++)
                {
                    var cell = row.Cells[c];
                    var column = c < table.Columns.Count ? table.Columns[c] : string.Empty;
                    foreach (var m in PersonalDataScanner.Scan(cell.Text))
                    {
                        findings.Add(Make(m, $"第 {cell.Line} 行“{column}”列", $"row {cell.Line}, column '{column}'", table.File, cell.Line, cell.Column, d.Unit, period, d.Item));
                    }
                }
            }
        }

        return findings;
    }

    /// <summary>
    /// The personal data in a disclosure's front matter, scanned as it is published: every key and value as YAML parses
    /// it (so <c>"\u0031\u0033\u0038…"</c> and other escapes are read as the digits they become), at its line in the
    /// file. The loader scans it so the text need not be kept.
    /// </summary>
    public static IReadOnlyList<Finding> ScanFrontMatter(YamlMappingNode frontMatter, string file, string unit, string period, string item)
    {
        var findings = new List<Finding>();
        var stack = new Stack<YamlNode>();
        stack.Push(frontMatter);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case YamlScalarNode { Value: { } value } scalar:
                    var at = scalar.At(file, Disclosure.FrontMatterLine - 1);
                    foreach (var m in PersonalDataScanner.Scan(value))
                    {
                        findings.Add(Make(m, $"第 {at.Line} 行", $"line {at.Line}", file, at.Line, at.Column, unit, period, item));
                    }

                    break;
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children.Reverse())
                    {
                        stack.Push(value);
                        stack.Push(key);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children.Reverse())
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }

        return findings.Count == 0 ? [] : findings.ToArray();
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

    private static void ScanLines(List<Finding> findings, string text, string file, int firstLine, string? unit, string? period, string? item)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = firstLine + i;

            // What the reader sees: HTML entities (&#49;, &amp;…) are shown as the characters they stand for. A line
            // with an entity is scanned as decoded (its columns no longer match the file's, so none is given).
            var decoded = lines[i].Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(lines[i]) : lines[i];
            foreach (var m in PersonalDataScanner.Scan(decoded))
            {
                findings.Add(Make(m, $"第 {line} 行", $"line {line}", file, line, decoded == lines[i] ? m.Index + 1 : null, unit, period, item));
            }
        }
    }

    private static Finding Make(PersonalDataMatch m, string whereZh, string whereEn, string file, int? line, int? column, string? unit, string? period, string? item)
    {
        var (code, zh, en) = m.Kind switch
        {
            PersonalDataKind.IdNumber => (FindingCodes.IdNumber, "身份证号", "ID number"),
            PersonalDataKind.Mobile => (FindingCodes.Mobile, "手机号", "mobile number"),
            PersonalDataKind.BankCard => (FindingCodes.BankCard, "银行卡号", "bank card number"),
            _ => (FindingCodes.Address, "详细住址", "home address"),
        };
        var text = Messages.PersonalData(zh, en, whereZh, m.Masked);
        return new Finding(code, Severity.Error, text with { En = Messages.PersonalData(zh, en, whereEn, m.Masked).En }, unit, period, item, file, line, column);
    }
}
