using System.Diagnostics;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Validation;

namespace DisclosureSite.Tests;

/// <summary>Trusted publication dates from Git history (SPEC §7, issue 4 §3).</summary>
public class GitDatesTests
{
    private static void Git(string dir, string date, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["GIT_AUTHOR_DATE"] = date;
        psi.Environment["GIT_COMMITTER_DATE"] = date;
        psi.Environment["GIT_AUTHOR_NAME"] = psi.Environment["GIT_COMMITTER_NAME"] = "clerk";
        psi.Environment["GIT_AUTHOR_EMAIL"] = psi.Environment["GIT_COMMITTER_EMAIL"] = "clerk@example.org";
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.EqualTo(0), p.StandardError.ReadToEnd());
    }

    /// <summary>A repository whose input is in a subfolder; gov.finance for 2026-Q3 is committed at <paramref name="commitDate"/>.</summary>
    private static string Repo(string commitDate, string declared)
    {
        var repo = TestPaths.TempDir("ds-git");
        var input = Path.Combine(repo, "input");
        Directory.CreateDirectory(Path.Combine(input, "disclosures", "zhen", "2026-Q3"));
        File.WriteAllText(Path.Combine(input, "site.yaml"), "name: 测试镇\nsince: 2026-Q3\nhotline: 0591-1234567\noverrides: { remove_items: [gov.leaders, gov.plans-budget, gov.procurement, gov.enterprises, gov.land, gov.welfare, gov.projects, gov.personnel, gov.fees, party.plan, party.performance, party.democratic-life, party.decisions, party.integrity, party.members-dues, party.cadres, party.hardship] }\n");
        File.WriteAllText(Path.Combine(input, "units.csv"), "id,name,level,parent\nzhen,测试镇,township,\n");
        Git(repo, "2026-10-01T10:00:00+08:00", "init", "-q", "-b", "main");
        Git(repo, "2026-10-01T10:00:00+08:00", "add", ".");
        Git(repo, "2026-10-01T10:00:00+08:00", "commit", "-q", "-m", "site");
        File.WriteAllText(Path.Combine(input, "disclosures", "zhen", "2026-Q3", "finance.md"), $"---\nitem: gov.finance\npublished: {declared}\n---\n正文\n");
        Git(repo, commitDate, "add", ".");
        Git(repo, commitDate, "commit", "-q", "-m", "finance");
        return repo;
    }

    private static CheckReport Check(string input, DateOnly asOf) => Validator.Check(InputLoader.Load(input), asOf);

    [Test]
    public void The_first_commit_date_in_China_time_is_trusted_over_the_declared_date()
    {
        // Committed 16:30 UTC on Oct 20 = 00:30 Oct 21 in China: one day late, whatever the file claims.
        var repo = Repo("2026-10-20T16:30:00+00:00", declared: "2026-10-15");
        var report = Check(Path.Combine(repo, "input"), new DateOnly(2026, 11, 1));
        var late = report.Findings.Single(f => f.Code == FindingCodes.Late);
        Assert.That((late.Code, late.Days), Is.EqualTo((FindingCodes.Late, (int?)1)));
        Assert.That(late.Message, Does.Contain("版本库首次提交"));
        Assert.That(report.Findings.Select(f => f.Code), Is.EquivalentTo(new[] { FindingCodes.Late, FindingCodes.DeclaredDate }));
        Assert.That(report.Summary.DatesFrom, Is.EqualTo("git"));
    }

    [Test]
    public void A_commit_before_midnight_China_time_is_on_time()
    {
        var repo = Repo("2026-10-20T15:59:00+00:00", declared: "2026-10-21");
        Assert.That(Check(Path.Combine(repo, "input"), new DateOnly(2026, 11, 1)).Findings, Is.Empty);
    }

    [Test]
    public void When_git_overrules_the_declared_date_the_check_says_so_naming_both_dates()
    {
        // The clerk saw 按时 before committing (published: 2026-10-15); the commit landed 41 days after the deadline.
        var repo = Repo("2026-11-30T09:00:00+08:00", declared: "2026-10-15");
        var report = Check(Path.Combine(repo, "input"), new DateOnly(2026, 11, 30));

        var late = report.Findings.Single(f => f.Code == FindingCodes.Late);
        Assert.That(late.Days, Is.EqualTo(41));
        var said = report.Findings.Single(f => f.Code == FindingCodes.DeclaredDate);
        Assert.That(said.Severity, Is.EqualTo(Severity.Notice));
        Assert.That((said.File, said.Line), Is.EqualTo(("disclosures/zhen/2026-Q3/finance.md", (int?)3)));
        Assert.That(said.Message, Does.Contain("published: 2026-10-15").And.Contain("2026-11-30").And.Contain("版本库首次提交").And.Contain("相差 46 天"));
        Assert.That(said.Text.En, Does.Contain("2026-10-15").And.Contain("2026-11-30").And.Contain("first Git commit"));
    }

    [Test]
    public void A_declared_date_a_day_from_the_commit_is_not_worth_a_word()
    {
        var repo = Repo("2026-10-16T09:00:00+08:00", declared: "2026-10-15");
        Assert.That(Check(Path.Combine(repo, "input"), new DateOnly(2026, 11, 1)).Findings, Is.Empty);
    }

    [Test]
    public void A_later_edit_does_not_move_the_publication_date()
    {
        var repo = Repo("2026-10-10T09:00:00+08:00", declared: "2026-10-10");
        File.AppendAllText(Path.Combine(repo, "input", "disclosures", "zhen", "2026-Q3", "finance.md"), "补充说明。\n");
        Git(repo, "2026-11-01T09:00:00+08:00", "commit", "-qam", "edit");
        var history = GitHistory.Read(Path.Combine(repo, "input"));
        Assert.That(history.Added["disclosures/zhen/2026-Q3/finance.md"], Is.EqualTo(DateTimeOffset.Parse("2026-10-10T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void A_shallow_clone_falls_back_to_declared_dates_and_says_so()
    {
        var repo = Repo("2026-10-20T16:30:00+00:00", declared: "2026-10-15");
        var clone = TestPaths.TempDir("ds-shallow");
        Git(clone, "2026-11-01T00:00:00+00:00", "clone", "-q", "--depth", "1", "file://" + repo, "c");
        var report = Check(Path.Combine(clone, "c", "input"), new DateOnly(2026, 11, 1));
        Assert.That(report.Findings, Is.Empty);
        Assert.That(report.Summary.DatesFrom, Is.EqualTo("declared (shallow)"));
        Assert.That(report.Notes.Single().Zh, Does.Contain("浅克隆"));
    }

    [Test]
    public void Dates_from_declared_ignores_git()
    {
        var repo = Repo("2026-10-20T16:30:00+00:00", declared: "2026-10-15");
        File.AppendAllText(Path.Combine(repo, "input", "site.yaml"), "dates_from: declared\n");
        Assert.That(Check(Path.Combine(repo, "input"), new DateOnly(2026, 11, 1)).Findings, Is.Empty);
    }
}
