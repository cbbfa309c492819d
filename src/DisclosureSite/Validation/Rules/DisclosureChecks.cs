using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using DisclosureSite.Model;

namespace DisclosureSite.Validation.Rules;

/// <summary>
/// The per-file part of validation — a disclosure's tables (ledger sums, roster totals, dates), whether it is still a
/// template, and its personal data — which depends only on the disclosure and the rule set's column names. The input
/// cache (<see cref="Loading.InputCache"/>) computes it when it loads a file and keeps it with the file, so a warm
/// <c>check</c> neither scans nor analyses unchanged files; <see cref="DisclosureFileRule"/> and
/// <see cref="PersonalDataRule"/> use what is remembered here and compute the rest.
/// </summary>
public static class DisclosureChecks
{
    private static readonly ConditionalWeakTable<Disclosure, Results> Known = new();
    private static readonly ConditionalWeakTable<RuleSet, string> Fingerprints = new();

    /// <summary>Results for a disclosure, with the fingerprint of the rules they were computed with.</summary>
    public sealed record Results(string RulesFingerprint, IReadOnlyList<Finding> Content, IReadOnlyList<Finding> PersonalData);

    public static Results Compute(Disclosure d, RuleSet rules) =>
        new(FingerprintOf(rules), Kept(ContentOf(d, rules).ToList()), Kept(PersonalDataRule.ScanDisclosure(d)));

    /// <summary>The findings of a disclosure's content: its tables and what is left of a template in it.</summary>
    public static IEnumerable<Finding> ContentOf(Disclosure d, RuleSet rules) =>
        LedgerTableRule.CheckDisclosure(d, rules)
            .Concat(RosterTableRule.CheckDisclosure(d, rules))
            .Concat(TableDateRule.CheckDisclosure(d, rules))
            .Concat(PlaceholderRule.CheckDisclosure(d));

    /// <summary>Results are kept for every disclosure of the load, and nearly all are empty: those share the empty array.</summary>
    private static IReadOnlyList<Finding> Kept(List<Finding> findings) => findings.Count == 0 ? [] : findings;

    public static void Remember(Disclosure d, Results results) => Known.AddOrUpdate(d, results);

    /// <summary>The remembered results of <paramref name="d"/> if they were computed with rules like <paramref name="rules"/>.</summary>
    public static Results? Find(Disclosure d, RuleSet rules) =>
        Known.TryGetValue(d, out var r) && r.RulesFingerprint == FingerprintOf(rules) ? r : null;

    /// <summary>A hash of what the per-file checks read from the rules: the column names.</summary>
    public static string FingerprintOf(RuleSet rules) => Fingerprints.GetValue(rules, static r =>
    {
        var text = new StringBuilder();
        foreach (var (schema, columns) in r.ColumnAliases.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            text.Append(schema).Append('\u001d');
            foreach (var (column, names) in columns.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                text.Append(column).Append('\u001f').AppendJoin('\u001f', names).Append('\u001e');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    });
}
