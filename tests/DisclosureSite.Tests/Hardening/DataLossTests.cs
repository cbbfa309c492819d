using DisclosureSite.Tests.Publishing;

namespace DisclosureSite.Tests.Hardening;

/// <summary>
/// Issue 12, class 1: a build (or the corpus generator) replaces only a folder it made. Anything else is refused with
/// exit 2 before anything is touched — the folder, its spare and the cache files beside it.
/// </summary>
public class DataLossTests
{
    [Test]
    public void Output_folder_holding_someones_documents_is_refused_and_left_as_it_was()
    {
        using var a = new Attack();
        a.Write("docs/合同.txt", "重要文件");
        var run = a.Build("docs");
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("不是本工具生成的"));
        Assert.That(File.ReadAllText(a.Path("docs/合同.txt")), Is.EqualTo("重要文件"));
        Assert.That(Directory.EnumerateFileSystemEntries(a.Root).Select(Path.GetFileName), Is.EquivalentTo(new[] { "docs", "input" }));
    }

    [Test]
    public void Input_folder_as_output_is_refused()
    {
        using var a = new Attack();
        var run = a.Build("input");
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(File.Exists(a.Path("input/site.yaml")), Is.True);
        Assert.That(Directory.EnumerateFileSystemEntries(a.Root).Select(Path.GetFileName), Is.EquivalentTo(new[] { "input" }));
    }

    [Test]
    public void Repository_root_as_output_is_refused_and_git_survives()
    {
        using var a = new Attack();
        a.Write(".git/config", "[core]\n");
        a.Write("README.md", "# data\n");
        foreach (var output in new[] { ".", a.Root, a.Root + "/" })
        {
            var run = a.Build(output);
            Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        }

        Assert.That(File.Exists(a.Path(".git/config")), Is.True);
        Assert.That(File.Exists(a.Path("README.md")), Is.True);
    }

    [Test]
    public void Folder_above_the_input_is_refused_even_without_git()
    {
        using var a = new Attack();
        var run = a.Run("build", "--input", "input", "--output", a.Root, "--no-search", "--as-of", "2026-11-24");
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(File.Exists(a.Path("input/units.csv")), Is.True);
    }

    [Test]
    public void Output_that_is_a_file_is_refused_with_one_line()
    {
        using var a = new Attack();
        a.Write("site.html", "mine");
        var run = a.Build("site.html");
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("是一个文件").And.Not.Contain("   at "));
        Assert.That(File.ReadAllText(a.Path("site.html")), Is.EqualTo("mine"));
    }

    [Test]
    public void Spare_folder_and_cache_file_beside_the_output_that_the_tool_did_not_make_are_refused()
    {
        using var a = new Attack();
        a.Write("._site.spare/照片.jpg", "photo");
        var run = a.Build();
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(File.ReadAllText(a.Path("._site.spare/照片.jpg")), Is.EqualTo("photo"));
        Assert.That(Directory.Exists(a.Path("_site")), Is.False, "nothing is written before the refusal");

        Directory.Delete(a.Path("._site.spare"), recursive: true);
        a.Write("._site.build-cache", "my notes");
        run = a.Build();
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(File.ReadAllText(a.Path("._site.build-cache")), Is.EqualTo("my notes"));
    }

    [Test]
    public void The_tools_own_output_is_rebuilt_and_carries_the_marker_in_its_manifest()
    {
        using var a = new Attack();
        Assert.That(a.Build().Code, Is.EqualTo(0));
        Assert.That(File.Exists(a.Path("_site/.disclosure-site")), Is.True);
        Assert.That(File.ReadAllText(a.Path("_site/data/manifest.json")), Does.Contain("\".disclosure-site\""));
        Assert.That(a.Build().Code, Is.EqualTo(0), "second build over its own output");
        Assert.That(a.Build().Code, Is.EqualTo(0), "third build, with the spare");
        Assert.That(Directory.Exists(a.Path("._site.spare")), Is.True);

        // An output of an older version has no marker but has the tool's manifest.
        File.Delete(a.Path("_site/.disclosure-site"));
        Assert.That(a.Build().Code, Is.EqualTo(0));
    }

    [Test]
    public void A_leftover_looking_folder_the_tool_did_not_make_is_never_deleted()
    {
        using var a = new Attack();
        a.Write("_site.tmp-999999-abc/mine.txt", "keep");
        a.Write("_site.old-999999-abc/mine.txt", "keep");
        Assert.That(a.Build().Code, Is.EqualTo(0));
        Assert.That(File.Exists(a.Path("_site.tmp-999999-abc/mine.txt")), Is.True);
        Assert.That(File.Exists(a.Path("_site.old-999999-abc/mine.txt")), Is.True);
    }

    [Test]
    public void Corpus_out_holding_other_files_or_the_current_folder_is_refused()
    {
        using var a = new Attack();
        a.Write("work/report.docx", "x");
        var run = a.Corpus("--out", "work", "--units", "1");
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(File.Exists(a.Path("work/report.docx")), Is.True);

        a.Write(".disclosure-corpus", "forged marker in the current folder");
        run = a.Corpus("--out", ".", "--units", "1");
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(File.Exists(a.Path("input/site.yaml")), Is.True);

        run = a.Corpus("--out", "input", "--units", "1");
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(File.Exists(a.Path("input/site.yaml")), Is.True);

        Assert.That(a.Corpus("--out", "corpus", "--units", "1").Code, Is.EqualTo(0));
        Assert.That(a.Corpus("--out", "corpus", "--units", "1").Code, Is.EqualTo(0), "its own corpus is replaced");
    }

    [Test]
    public void Output_that_cannot_be_made_is_a_one_line_message_with_exit_2()
    {
        // (Read-only folders do not stop root, who runs CI containers; a file where a folder must go stops everyone.)
        using var a = new Attack();
        a.Write("blocker", "a file where the output's parent folder should be");
        var run = a.Build("blocker/_site");
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("无法写入").And.Not.Contain("   at "));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
    }
}
