namespace DisclosureSite.Model.PersonalData;

/// <summary>
/// Personal data found in text, as findings that name the file, line and column and show the masked form (SPEC §8).
/// The validator's personal-data rule uses it for everything it scans; the loader for a disclosure's front matter,
/// which it scans as it reads the file so the text need not be kept.
/// </summary>
public static class PersonalDataFindings
{
    /// <summary>
    /// The personal data in a disclosure's front matter (its YAML, whose first line is line
    /// <see cref="Disclosure.FrontMatterLine"/> of the file): the loader scans it so the text need not be kept.
    /// </summary>
    public static IReadOnlyList<Finding> ScanFrontMatter(string yaml, string file, string unit, string period, string item)
    {
        var findings = new List<Finding>();
        ScanLines(findings, yaml, file, Disclosure.FrontMatterLine, unit, period, item);
        return findings.Count == 0 ? [] : findings.ToArray();
    }

    /// <summary>Scans <paramref name="text"/> line by line, its first line being line <paramref name="firstLine"/> of <paramref name="file"/>.</summary>
    public static void ScanLines(List<Finding> findings, string text, string file, int firstLine, string? unit, string? period, string? item)
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

    public static Finding Make(PersonalDataMatch m, string whereZh, string whereEn, string file, int? line, int? column, string? unit, string? period, string? item)
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
