using DisclosureSite.Loading;

namespace DisclosureSite.Tests.Hardening;

/// <summary>
/// Issue 12, class 2: every file the build reads — theme, attachments, tables, data — resolves (links included) inside
/// the input folder and outside <c>.git</c>, through <see cref="InputFolder.Refusal"/>.
/// </summary>
public class ReadBoundaryTests
{
    private const string Secret = "AUTHORIZATION: basic c2VjcmV0LXRva2Vu";

    [Test]
    public void Theme_asset_linked_to_a_file_outside_is_not_published()
    {
        using var a = new Attack();
        a.Write("outside/credentials", Secret);
        Directory.CreateDirectory(a.Path("input/theme/assets"));
        File.CreateSymbolicLink(a.Path("input/theme/assets/extra.css"), a.Path("outside/credentials"));
        var run = a.Build();
        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("assets/extra.css").And.Contain("链接"));
        Assert.That(Directory.Exists(a.Path("_site")), Is.False);
    }

    [Test]
    public void Theme_partial_linked_outside_is_not_rendered_into_pages()
    {
        using var a = new Attack();
        a.Write("outside/credentials", Secret);
        Directory.CreateDirectory(a.Path("input/theme/partials"));
        var partial = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "themes/default/partials")).Select(Path.GetFileName).First()!;
        File.CreateSymbolicLink(a.Path("input/theme/partials/" + partial), a.Path("outside/credentials"));
        var run = a.Build();
        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(Directory.Exists(a.Path("_site")), Is.False);
    }

    [Test]
    public void Theme_folder_linked_outside_is_refused()
    {
        using var a = new Attack();
        a.Write("outside/dir/secret.css", Secret);
        Directory.CreateDirectory(a.Path("input/theme/assets"));
        Directory.CreateSymbolicLink(a.Path("input/theme/assets/more"), a.Path("outside/dir"));
        var run = a.Build();
        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(Directory.Exists(a.Path("_site")), Is.False);
    }

    [Test]
    public void A_themes_folder_above_the_input_or_the_working_directory_is_never_the_theme()
    {
        // The installed tool has no themes/default above itself; before, it also looked above the input folder and the
        // working directory, so a themes/default left in a data repository or in /tmp was rendered into the site.
        using var a = new Attack();
        a.Write("themes/default/layouts/base.liquid", Secret);
        var tool = Directory.CreateTempSubdirectory("ds-tool-");
        string? found;
        try
        {
            found = DisclosureSite.Site.Load.ThemeLocator.Find(tool.FullName);
        }
        finally
        {
            tool.Delete();
        }

        Assert.That(found, Is.Not.Null);
        Assert.That(Path.GetFullPath(found!), Does.Not.StartWith(Path.GetFullPath(a.Path("."))), "the embedded theme, not the one above");
        Assert.That(File.ReadAllText(Path.Combine(found!, "layouts", "base.liquid")), Does.Not.Contain(Secret));

        var run = a.Build();
        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(Directory.EnumerateFiles(a.Path("_site"), "*.html", SearchOption.AllDirectories).Any(f => File.ReadAllText(f).Contains(Secret, StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void Attachment_and_table_through_a_link_into_git_are_refused_when_the_input_is_the_repository_root()
    {
        using var a = new Attack();
        a.Write("input/.git/config", "[http]\n\textraheader = " + Secret + "\n");
        var dir = "input/disclosures/dongshan/2026-Q3";
        Directory.CreateDirectory(a.Path(dir));
        File.CreateSymbolicLink(a.Path(dir + "/config.pdf"), a.Path("input/.git/config"));
        File.CreateSymbolicLink(a.Path(dir + "/ledger.csv"), a.Path("input/.git/config"));
        a.WriteDisclosure("finance", "attachments: [config.pdf]\ntables:\n  - file: ledger.csv\n");
        var run = a.Check();
        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Out, Does.Contain("input.bad-reference").And.Contain(".git"));
        Assert.That(run.Out, Does.Not.Contain("c2VjcmV0"));
        Assert.That(a.Build().Code, Is.EqualTo(1));
        Assert.That(Directory.Exists(a.Path("_site")), Is.False);
    }

    [Test]
    public void The_one_check_refuses_git_outside_and_accepts_inside()
    {
        using var a = new Attack();
        a.Write("input/.git/config", "x");
        a.Write("input/.GIT/HEAD", "x");
        a.Write("outside.txt", "x");
        var input = new InputFolder(a.Input);
        Assert.That(input.Refusal(a.Path("input/.git/config"), "c"), Is.Not.Null);
        Assert.That(input.Refusal(a.Path("input/.GIT/HEAD"), "c"), Is.Not.Null);
        Assert.That(input.Refusal(a.Path("outside.txt"), "c"), Is.Not.Null);
        Assert.That(input.Refusal(a.Path("input/units.csv"), "c"), Is.Null);
        File.CreateSymbolicLink(a.Path("input/link.csv"), a.Path("input/units.csv"));
        Assert.That(input.Refusal(a.Path("input/link.csv"), "c"), Is.Null, "a link that stays inside is fine");
    }

    [Test]
    public void The_one_door_reads_plain_files_and_refuses_linked_folders_links_git_and_pipes()
    {
        using var a = new Attack();
        a.Write("outside/secret/ledger.csv", Secret);
        a.Write("input/.git/config", Secret);
        a.Write("input/tables/plain.csv", "日期,金额\n2026-07-01,1.00\n");
        Directory.CreateDirectory(a.Path("input/linked"));
        Directory.CreateSymbolicLink(a.Path("input/linked/away"), a.Path("outside/secret"));
        File.CreateSymbolicLink(a.Path("input/tables/link.csv"), a.Path("outside/secret/ledger.csv"));
        File.CreateSymbolicLink(a.Path("input/tables/inside.csv"), a.Path("input/tables/plain.csv"));
        var input = new InputFolder(a.Input);

        byte[]? Read(string relative, out IReadOnlyList<Model.Finding> findings, long max = 1 << 20)
        {
            var sink = new FindingSink();
            var bytes = input.ReadBytes(relative, max, sink);
            findings = sink.Findings;
            return bytes;
        }

        Assert.That(Read("tables/plain.csv", out var none), Is.EqualTo(File.ReadAllBytes(a.Path("input/tables/plain.csv"))));
        Assert.That(none, Is.Empty);
        Assert.That(Read("tables/inside.csv", out _), Is.EqualTo(File.ReadAllBytes(a.Path("input/tables/plain.csv"))), "a link that stays inside is read");
        foreach (var refused in new[] { "linked/away/ledger.csv", "tables/link.csv", ".git/config" })
        {
            Assert.That(Read(refused, out var findings), Is.Null, refused);
            Assert.That(findings.Select(f => f.Code), Is.EqualTo(new[] { Model.FindingCodes.BadReference }), refused);
        }

        Assert.That(Read("tables/plain.csv", out var large, max: 4), Is.Null);
        Assert.That(large.Select(f => f.Code), Is.EqualTo(new[] { Model.FindingCodes.TooLarge }));
        Assert.That(Read("linked/away/ledger.csv", out var both, max: 4), Is.Null, "outside comes before too large");
        Assert.That(both.Select(f => f.Code), Is.EqualTo(new[] { Model.FindingCodes.BadReference }));
        Assert.That(Read("tables/missing.csv", out var missing), Is.Null);
        Assert.That(missing.Select(f => f.Code), Is.EqualTo(new[] { Model.FindingCodes.Unreadable }));
        Assert.That(Read("tables", out var folder), Is.Null, "a folder is not a file");
        Assert.That(folder.Select(f => f.Code), Is.EqualTo(new[] { Model.FindingCodes.Unreadable }));
        if (OperatingSystem.IsLinux())
        {
            // A pipe nobody writes to would block a plain open: it is never waited on.
            Assert.That(System.Diagnostics.Process.Start("mkfifo", a.Path("input/tables/pipe.csv")).WaitForExit(10_000), Is.True);
            var reading = Task.Run(() => (Read("tables/pipe.csv", out var findings), findings));
            Assert.That(reading.Wait(TimeSpan.FromSeconds(10)), Is.True, "reading a pipe returned");
            Assert.That(reading.Result.Item1, Is.Null);
            Assert.That(reading.Result.findings.Select(f => f.Code), Is.EqualTo(new[] { Model.FindingCodes.Unreadable }));
        }
    }
}
