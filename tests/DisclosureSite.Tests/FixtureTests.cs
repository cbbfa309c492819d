using System.Globalization;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Validation;

namespace DisclosureSite.Tests;

/// <summary>
/// The bad- and good-input fixtures: each folder under tests/fixtures/{bad,good}/ is an input folder plus
/// expected.tsv with the exact findings (code, file, line, and the column where the case gives it) the check must report —
/// no more, no fewer.
/// </summary>
public class FixtureTests
{
    private static readonly DateOnly DefaultAsOf = new(2025, 3, 1);

    public static IEnumerable<TestCaseData> Cases(string kind) =>
        Directory.EnumerateDirectories(Path.Combine(TestPaths.Fixtures, kind))
            .Order(StringComparer.Ordinal)
            .Select(d => new TestCaseData(kind, Path.GetFileName(d)).SetName($"{kind}_fixture_{Path.GetFileName(d)}"));

    public static IEnumerable<TestCaseData> BadCases() => Cases("bad");

    public static IEnumerable<TestCaseData> GoodCases() => Cases("good");

    [TestCaseSource(nameof(BadCases))]
    [TestCaseSource(nameof(GoodCases))]
    public void Fixture_reports_exactly_the_expected_findings(string kind, string name)
    {
        var dir = Path.Combine(TestPaths.Fixtures, kind, name);
        var report = Check(dir);
        var expected = File.ReadAllLines(Path.Combine(dir, "expected.tsv"))
            .Where(l => l.Length > 0)
            .Order(StringComparer.Ordinal)
            .ToList();
        // A case whose expected lines have a fourth field (the column) is compared with the columns too.
        var withColumn = expected.Count > 0 && expected[0].Split('\t').Length == 4;
        var actual = report.Findings
            .Select(f => $"{f.Code}\t{f.File}\t{Number(f.Line)}" + (withColumn ? $"\t{Number(f.Column)}" : string.Empty))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(actual, Is.EqualTo(expected), () => "findings:\n" + string.Join("\n", report.Findings.Select(f => $"{f.Code} {f.File}:{f.Line}:{f.Column} {f.Message}")));
        Assert.That(report.Findings.Select(f => f.Message), Has.All.Not.Empty);
    }

    [TestCaseSource(nameof(BadCases))]
    public void Every_bad_fixture_message_is_Chinese_and_has_an_English_twin(string kind, string name)
    {
        var report = Check(Path.Combine(TestPaths.Fixtures, kind, name));
        Assert.That(report.Findings, Is.Not.Empty);
        foreach (var f in report.Findings)
        {
            Assert.That(f.Text.Zh.Any(c => c >= '\u4e00' && c <= '\u9fff'), Is.True, f.Text.Zh);
            Assert.That(f.Text.En, Is.Not.Empty.And.Not.EqualTo(f.Text.Zh));
        }
    }

    [Test]
    public void There_are_at_least_forty_bad_fixtures()
    {
        Assert.That(BadCases().Count(), Is.GreaterThanOrEqualTo(40));
    }

    [Test]
    public void Every_finding_code_except_the_ledgers_has_a_fixture()
    {
        var covered = Directory.EnumerateFiles(Path.Combine(TestPaths.Fixtures, "bad"), "expected.tsv", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines)
            .Select(l => l.Split('\t')[0])
            .ToHashSet();
        var uncovered = FindingCodes.All.Where(c => !c.StartsWith("ledger.", StringComparison.Ordinal) && !covered.Contains(c)).ToList();
        Assert.That(uncovered, Is.Empty);
    }

    private static string Number(int? n) => n is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-";

    public static CheckReport Check(string fixtureDir)
    {
        var asOfFile = Path.Combine(fixtureDir, "asof.txt");
        var asOf = File.Exists(asOfFile) ? DateOnly.ParseExact(File.ReadAllText(asOfFile).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture) : DefaultAsOf;
        var loaded = InputLoader.Load(Path.Combine(fixtureDir, "input"));
        return Validator.Check(loaded, asOf, GitHistory.None("fixture"));
    }
}
