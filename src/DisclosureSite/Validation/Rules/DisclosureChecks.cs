using System.Security.Cryptography;
using System.Text;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Validation.Tables;

namespace DisclosureSite.Validation.Rules;

/// <summary>
/// The per-file part of validation — a disclosure's tables (ledger sums, roster totals, dates), whether it is still a
/// template, and its personal data — which depends only on the disclosure and the rule set's column names. Handed to
/// the loader (<see cref="LoadOptions.Checks"/>) so the input cache keeps the
/// results with each file; <see cref="DisclosureFileRule"/> and <see cref="PersonalDataRule"/> use what the load
/// result carries (<see cref="ValidationContext.PerFile"/>) and compute the rest.
/// </summary>
public sealed class DisclosureChecks : IPerFileChecks
{
    public static DisclosureChecks Instance { get; } = new();

    private DisclosureChecks()
    {
    }

    public PerFileFindings Run(Disclosure d, RuleSet rules)
    {
        var read = d.WithRowsDecoded();
        return new(Kept(ContentOf(read, rules).ToList()), Kept(PersonalDataRule.ScanDisclosure(read)));
    }

    /// <summary>
    /// The findings of a disclosure's content (kept as <see cref="PerFileFindings.Content"/>): its tables and what is left
    /// of a template in it. The table rules, the dates and the template check each walk every row: the rows are decoded
    /// once for all of them.
    /// </summary>
    public static IEnumerable<Finding> ContentOf(Disclosure d, RuleSet rules)
    {
        var read = d.WithRowsDecoded();
        return TableSchemaRules.Check(read, rules)
            .Concat(PlaceholderRule.CheckDisclosure(read));
    }

    public IReadOnlyList<Finding> Run(RequestLog log) => Kept(PersonalDataRule.ScanRequests(log).ToList());

    /// <summary>Results are kept for every disclosure of the load, and nearly all are empty: those share the empty array.</summary>
    private static IReadOnlyList<Finding> Kept(List<Finding> findings) => findings.Count == 0 ? [] : findings;

    /// <summary>A hash of what the per-file checks read from the rules: the column names.</summary>
    public string FingerprintOf(RuleSet rules)
    {
        var text = new StringBuilder();
        foreach (var (schema, columns) in rules.ColumnAliases.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            text.Append(schema).Append('\u001d');
            foreach (var (column, names) in columns.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                text.Append(column).Append('\u001f').AppendJoin('\u001f', names).Append('\u001e');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
