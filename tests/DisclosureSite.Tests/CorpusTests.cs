using System.Security.Cryptography;
using DisclosureSite.Corpus;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Validation;

namespace DisclosureSite.Tests;

/// <summary><c>disclosure-corpus</c> (tools/DisclosureSite.Corpus): a deterministic, valid synthetic county and its Hugo twin (issue 8).</summary>
[TestFixture]
public class CorpusTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 24);
    private string _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("corpus-test-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    private static Dictionary<string, string> Hashes(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    [Test]
    public void Same_seed_gives_byte_identical_files_and_another_seed_does_not()
    {
        CorpusGenerator.Generate(new CorpusOptions(4, 2, 42, Path.Combine(_root, "a"), Path.Combine(_root, "ha")));
        CorpusGenerator.Generate(new CorpusOptions(4, 2, 42, Path.Combine(_root, "b"), Path.Combine(_root, "hb")));
        CorpusGenerator.Generate(new CorpusOptions(4, 2, 43, Path.Combine(_root, "c")));

        Assert.That(Hashes(Path.Combine(_root, "b")), Is.EqualTo(Hashes(Path.Combine(_root, "a"))));
        Assert.That(Hashes(Path.Combine(_root, "hb")), Is.EqualTo(Hashes(Path.Combine(_root, "ha"))));
        Assert.That(Hashes(Path.Combine(_root, "c")), Is.Not.EqualTo(Hashes(Path.Combine(_root, "a"))));
    }

    [Test]
    public void A_small_corpus_passes_check_with_zero_errors_and_has_late_and_missing_items()
    {
        var dir = Path.Combine(_root, "in");
        var summary = CorpusGenerator.Generate(new CorpusOptions(5, 1, 7, dir));

        var loaded = InputLoader.Load(dir);
        var report = Validator.Check(loaded, AsOf);

        Assert.That(report.Findings.Where(f => f.IsError).Select(f => $"{f.Code} {f.File}:{f.Line} {f.Message}"), Is.Empty);
        Assert.That(loaded.Input!.Units, Has.Count.EqualTo(1 + 5 + 1));
        Assert.That(loaded.Input.Disclosures, Has.Count.EqualTo(summary.Disclosures));
        Assert.That(report.Summary.Errors, Is.Zero);
    }

    [TestCase(3, 42)]
    [TestCase(6, 9)]
    public void Corpora_of_several_years_have_late_missing_and_nil_items_and_exact_ledgers(int years, int seed)
    {
        var dir = Path.Combine(_root, "in");
        var summary = CorpusGenerator.Generate(new CorpusOptions(6, years, seed, dir));

        var report = Validator.Check(InputLoader.Load(dir), AsOf);

        Assert.That(report.Findings.Where(f => f.IsError).Select(f => $"{f.Code} {f.File}:{f.Line}"), Is.Empty);
        Assert.That(summary.Late, Is.Positive);
        Assert.That(summary.Missing, Is.Positive);
        Assert.That(summary.Nil, Is.Positive);
        Assert.That(report.Findings.Any(f => f.Code == FindingCodes.Late), Is.True);
        Assert.That(report.Findings.Any(f => f.Code == FindingCodes.Missing), Is.True);

        // Every village and community keeps a 民情台账, with overdue and late matters among them, and no finding about the file.
        var input = InputLoader.Load(dir).Input!;
        Assert.That(input.Requests, Has.Count.EqualTo(6 + 1));
        Assert.That(input.Requests.Sum(r => r.Matters.Count), Is.EqualTo(summary.Requests));
        Assert.That(report.Findings.Any(f => f.Code == FindingCodes.RequestsOverdue), Is.True);
        Assert.That(report.Findings.Any(f => f.Code == FindingCodes.RequestsLate), Is.True);
        Assert.That(report.Findings.Where(f => f.Code == FindingCodes.StandingMissing && f.File!.EndsWith("requests.csv", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void The_hugo_twin_has_one_page_per_disclosure_and_section_pages_for_units_and_periods()
    {
        var input = Path.Combine(_root, "in");
        var hugo = Path.Combine(_root, "hugo");
        CorpusGenerator.Generate(new CorpusOptions(3, 1, 5, input, hugo));

        foreach (var layout in new[] { "hugo.toml", "layouts/_default/baseof.html", "layouts/_default/single.html", "layouts/_default/list.html", "layouts/index.html", "content/_index.md" })
        {
            Assert.That(File.Exists(Path.Combine(hugo, layout)), Is.True, layout);
        }

        var disclosures = Directory.EnumerateFiles(Path.Combine(input, "disclosures"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(input, "disclosures"), f).Replace('\\', '/')).Order().ToList();
        var pages = Directory.EnumerateFiles(Path.Combine(hugo, "content"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(hugo, "content"), f).Replace('\\', '/')).ToList();
        Assert.That(pages.Where(p => !p.EndsWith("_index.md", StringComparison.Ordinal) && !p.Contains("/requests/", StringComparison.Ordinal)).Order(), Is.EqualTo(disclosures));

        // 民情台账: the list page of every village and community, and a page per told result, as on the site.
        var told = InputLoader.Load(input).Input!.Requests.SelectMany(r => r.Matters).Where(m => m.IsToldOn(AsOf)).Select(m => $"{m.Unit}/requests/{m.Number}.md").Order().ToList();
        Assert.That(told, Is.Not.Empty);
        Assert.That(pages.Where(p => p.Contains("/requests/", StringComparison.Ordinal) && !p.EndsWith("_index.md", StringComparison.Ordinal)).Order(), Is.EqualTo(told));

        var units = File.ReadAllLines(Path.Combine(input, "units.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        foreach (var unit in units)
        {
            Assert.That(pages, Does.Contain($"{unit}/_index.md"));
        }

        var periods = disclosures.Select(d => d[..d.LastIndexOf('/')]).Distinct();
        Assert.That(periods.Select(p => p + "/_index.md"), Is.SubsetOf(pages));

        var finance = Directory.EnumerateFiles(Path.Combine(hugo, "content"), "finance.md", SearchOption.AllDirectories).First();
        Assert.That(File.ReadAllText(finance), Does.Contain("| **合计** |"));
    }

    [Test]
    public void Rosters_show_only_masked_names_and_ids_and_phones_are_office_numbers()
    {
        var dir = Path.Combine(_root, "in");
        CorpusGenerator.Generate(new CorpusOptions(3, 1, 11, dir));

        var rosters = Directory.EnumerateFiles(dir, "*-roster.csv", SearchOption.AllDirectories).ToList();
        Assert.That(rosters, Is.Not.Empty);
        foreach (var line in rosters.SelectMany(f => File.ReadAllLines(f).Skip(1)))
        {
            var cells = line.Split(',');
            Assert.That(cells[0], Does.Match(@"^\p{IsCJKUnifiedIdeographs}\*\p{IsCJKUnifiedIdeographs}$"), line);
            Assert.That(cells.Where(c => c.Length == 18), Has.All.Match(@"^\d{6}\*{8}\d{4}$"), line);
        }

        var phones = File.ReadAllLines(Path.Combine(dir, "people.csv")).Skip(1).Select(l => l.Split(',')[3]);
        Assert.That(phones, Has.All.Match(@"^0591-\d{7}$"));
    }

    [Test]
    public void The_command_refuses_a_folder_that_is_not_a_corpus()
    {
        var dir = Path.Combine(_root, "precious");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "x");
        var err = new StringWriter();

        var code = CorpusProgram.Run(["--units", "2", "--out", dir], new StringWriter(), err);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(File.Exists(Path.Combine(dir, "keep.txt")), Is.True);
    }

    [Test]
    public void The_command_regenerates_over_an_earlier_corpus()
    {
        var dir = Path.Combine(_root, "again");
        var output = new StringWriter();

        Assert.That(CorpusProgram.Run(["--units", "2", "--out", dir], output, new StringWriter()), Is.Zero);
        Assert.That(CorpusProgram.Run(["--units", "2", "--out", dir, "--end-period", "2025-Q4"], output, new StringWriter()), Is.Zero);
        Assert.That(File.ReadAllText(Path.Combine(dir, "site.yaml")), Does.Contain("since: 2025-Q1"));
        Assert.That(Directory.Exists(Path.Combine(dir, "disclosures")), Is.True);
    }
}
