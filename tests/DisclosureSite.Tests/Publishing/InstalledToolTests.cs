using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DisclosureSite.Model;
using DisclosureSite.Tests.Site;

namespace DisclosureSite.Tests.Publishing;

/// <summary>
/// End to end with the tool a township installs, in both its forms: the .NET tool (see <see cref="InstalledTool"/>)
/// and the release's native binary (see <see cref="NativeBinary"/>), outside this repository, in a home folder where
/// Git knows nobody: init → new → fill → check → build (with its search index) → ledger record → ledger anchor → ledger
/// verify (as text and as JSON). Pagefind is on PATH as the data repository's workflow puts it there; nothing of this
/// repository (its theme, its node_modules) is above the data folder.
/// </summary>
[TestFixture(ToolForm.DotnetTool)]
[TestFixture(ToolForm.Native)]
[NonParallelizable]
public partial class InstalledToolTests(ToolForm form)
{
    private string _root = "";
    private Dictionary<string, string> _env = [];

    [SetUp]
    public void SetUp()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("The township's end to end runs where the workflows run (Linux).");
        }

        _root = TestSites.TempDir("ds-township");
        Assert.That(_root, Does.Not.StartWith(TestSites.RepoRoot), "the data repository is outside this repository");
        var pagefind = Path.Combine(TestSites.RepoRoot, "node_modules", ".bin", "pagefind");
        RequiredTools.Require(File.Exists(pagefind), "Pagefind (node_modules/.bin/pagefind)");

        // What the setup action leaves on PATH: the tool and Pagefind (here the one npm ci installed, linked alone).
        var bin = Directory.CreateDirectory(Path.Combine(_root, "runner-bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(bin, "pagefind"), pagefind);
        _env = new Dictionary<string, string>
        {
            ["PATH"] = string.Join(':', ToolFolder, bin, "/usr/local/bin", "/usr/bin", "/bin"),
            ["HOME"] = _root,
            ["LANG"] = "C.UTF-8",
        };
    }

    [TearDown]
    public void TearDown() => TestSites.DeleteDir(_root);

    [Test]
    public void A_township_made_with_the_installed_tool_checks_builds_with_search_records_and_verifies()
    {
        var version = Disclosure(_root, "--version");
        Assert.That(version.Out.Trim(), Is.EqualTo("disclosure " + ToolInfo.Version), version.Err);

        var clock = Stopwatch.StartNew();
        var init = Disclosure(_root, "init", "town", "--name", "测试镇三务公开", "--repo", "example/town");
        Assert.That(init.Code, Is.Zero, init.Out + init.Err);
        var repo = Path.Combine(_root, "town");
        Assert.That(init.Out, Does.Contain("已建成 Git 仓库(分支 main)").And.Contain("disclosure check    (应当没有错误)"));
        Assert.That(GitOut(repo, "log", "--format=%an|%s"), Is.EqualTo($"disclosure init|{DisclosureSite.Publishing.Scaffolding.FirstCommit.Message}"), "Git knows nobody here: the first commit is signed by the tool");
        Assert.That(File.ReadAllText(Path.Combine(repo, ".github", "disclosure.env")), Does.Contain($"version={ToolInfo.Version}\n"));

        var since = Period.Parse(Regex.Match(File.ReadAllText(Path.Combine(repo, "input", "site.yaml")), @"since:\s*(\S+)").Groups[1].Value);
        var made = Disclosure(repo, "new", "village1", since.ToString());
        Assert.That(made.Code, Is.Zero, made.Out + made.Err);
        var folder = Path.Combine(repo, "input", "disclosures", "village1", since.ToString());
        Fill(folder, since);
        Git(repo, "add", "-A");
        Git(repo, "-c", "user.name=文书", "-c", "user.email=clerk@example.org", "commit", "-q", "-m", "village1 本期公开");

        var check = Disclosure(repo, "check");
        Assert.That(check.Code, Is.Zero, check.Out + check.Err);
        Assert.That(check.Out, Does.Contain("没有数据错误"));

        var build = Disclosure(repo, "build");
        clock.Stop();
        Assert.That(build.Code, Is.Zero, build.Out + build.Err);
        Assert.That(build.Out, Does.Contain("(含搜索索引)"));
        var site = Path.Combine(repo, "_site");
        Assert.That(File.Exists(Path.Combine(site, "pagefind", "pagefind.js")), Is.True, "the built site has its search index");
        Assert.That(Directory.GetFiles(Path.Combine(site, "pagefind"), "*.pf_meta", SearchOption.AllDirectories), Is.Not.Empty);
        var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.That(pages, Has.Some.Contains("村部临街店面租金收入"), "the filled ledger is published");
        TestContext.Progress.WriteLine(form == ToolForm.Native
            ? $"[native binary] init → built site: {clock.Elapsed.TotalSeconds:0.0} s (compiled in {NativeBinary.PublishTime.TotalSeconds:0.0} s)"
            : $"[installed tool] init → built site: {clock.Elapsed.TotalSeconds:0.0} s (pack {InstalledTool.PackTime.TotalSeconds:0.0} s, install {InstalledTool.InstallTime.TotalSeconds:0.0} s)");

        var record = Disclosure(repo, "ledger", "record", "--input", "input", "--site", "_site");
        Assert.That(record.Code, Is.Zero, record.Out + record.Err);
        Assert.That(File.ReadAllLines(Path.Combine(repo, "ledger", "publications.jsonl")), Is.Not.Empty);

        // As the publish workflow does: commit the ledger, then anchor its head with an annotated tag.
        Git(repo, "config", "user.name", "发布流程");
        Git(repo, "config", "user.email", "publish@example.org");
        Git(repo, "add", "ledger");
        Git(repo, "commit", "-q", "-m", "发布记录");
        var anchor = Disclosure(repo, "ledger", "anchor", "--input", "input");
        Assert.That(anchor.Code, Is.Zero, anchor.Out + anchor.Err);

        var verify = Disclosure(repo, "ledger", "verify", "--input", "input", "--site", "_site");
        Assert.That(verify.Code, Is.Zero, verify.Out + verify.Err);

        // The report for auditors' scripts (serialized by code generated at compile time: the native binary has no other).
        var json = Disclosure(repo, "ledger", "verify", "--input", "input", "--site", "_site", "--format", "json");
        Assert.That(json.Code, Is.Zero, json.Out + json.Err);
        var report = JsonNode.Parse(json.Out)!;
        Assert.That(report["result"]!.GetValue<string>(), Is.EqualTo("passed"));
        Assert.That(report["ledger"]!["entries"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(report["ledger"]!["head"]!["seq"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(report["site"]!["recorded_by_seq"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(report["checks"]!.AsArray().Select(c => c!["status"]!.GetValue<string>()), Has.All.Not.EqualTo("failed"));
        Assert.That(json.Out, Does.Contain("\"title\": \"链头锚定标签\""), "Chinese is written as it is");
    }

    [Test]
    public void Without_git_init_writes_the_files_and_says_how_to_make_the_repository()
    {
        var env = new Dictionary<string, string>(_env) { ["PATH"] = ToolFolder };

        var init = Run(_root, env, "init", "town");

        Assert.That(init.Code, Is.Zero, init.Out + init.Err);
        Assert.That(Directory.Exists(Path.Combine(_root, "town", ".git")), Is.False);
        Assert.That(File.Exists(Path.Combine(_root, "town", "input", "site.yaml")), Is.True);
        Assert.That(init.Out, Does.Contain("没有找到 Git").And.Contain("git init -b main").And.Contain("git add -A").And.Contain($"git commit -m \"{DisclosureSite.Publishing.Scaffolding.FirstCommit.Message}\""));
        Assert.That(init.Err, Is.Empty);
    }

    [TestCase("C")]
    [TestCase("en_US.ISO-8859-1")]
    public void Messages_are_utf8_whatever_the_locale(string locale)
    {
        var env = new Dictionary<string, string>(_env) { ["LANG"] = locale, ["LC_ALL"] = locale };

        var run = Run(_root, env, "check", "--input", "nowhere");

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Out + run.Err, Does.Contain("输入文件夹").And.Not.Contain("?"), "Chinese comes out as UTF-8, not as question marks");
    }

    [Test]
    public void The_installed_tool_builds_the_demo_with_its_bundled_theme()
    {
        var input = Path.Combine(_root, "demo", "input");
        CopyTree(Path.Combine(TestSites.RepoRoot, "input"), input);

        var build = Run(Path.Combine(_root, "demo"), _env, "build", "--as-of", "2026-11-24", "--no-search");

        Assert.That(build.Code, Is.Zero, build.Out + build.Err);
        var home = File.ReadAllText(Path.Combine(_root, "demo", "_site", "index.html"));
        Assert.That(home, Does.Contain("青石镇"));
        Assert.That(File.ReadAllText(Path.Combine(_root, "demo", "_site", "assets", "site.css")), Is.EqualTo(File.ReadAllText(Path.Combine(TestSites.RepoRoot, "themes", "default", "assets", "site.css"))),
            "the theme inside the installed tool is this repository's");
    }

    /// <summary>What a clerk does with the files <c>new</c> wrote: a real ledger for the finance item, a nil report for the rest.</summary>
    private static void Fill(string folder, Period period)
    {
        foreach (var file in Directory.GetFiles(folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }

        var first = period.Start.AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var second = period.Start.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var md in Directory.GetFiles(folder, "*.md"))
        {
            var item = Regex.Match(File.ReadAllText(md), @"(?m)^item:\s*(\S+)").Groups[1].Value;
            Assert.That(item, Is.Not.Empty, md);
            var text = item == "village.finance"
                ? $"""
                  ---
                  item: village.finance
                  title: 示例村本期村级财务收支情况
                  opening_balance: 50000.00
                  closing_balance: 58500.00
                  tables:
                    - file: finance-ledger.csv
                      schema: ledger
                      caption: 收支明细
                  ---
                  本期期初结余50000.00元,收入12000.00元,支出3500.00元,期末结余58500.00元。收支明细见下表。

                  """
                : $"""
                  ---
                  item: {item}
                  nil: 本期无此类事项
                  ---
                  本期无此类事项。

                  """;
            File.WriteAllText(md, text, new UTF8Encoding(false));
        }

        File.WriteAllText(Path.Combine(folder, "finance-ledger.csv"), $"""
            日期,摘要,科目,收入,支出,经手人,凭证号
            {first},村部临街店面租金收入,租赁收入,12000.00,,王会计,记001
            {second},村干部误工补贴,管理费用,,3500.00,王会计,记002
            ,合计,,12000.00,3500.00,,

            """, new UTF8Encoding(false));
    }

    private (int Code, string Out, string Err) Disclosure(string cwd, params string[] args) => Run(cwd, _env, args);

    private string ToolFolder => form == ToolForm.Native ? NativeBinary.Folder : InstalledTool.Folder;

    private (int Code, string Out, string Err) Run(string cwd, IReadOnlyDictionary<string, string> env, params string[] args) =>
        form == ToolForm.Native ? NativeBinary.Run(cwd, env, args) : InstalledTool.Run(cwd, env, args);

    private void Git(string cwd, params string[] args)
    {
        var run = InstalledTool.Exec("git", args, cwd, _env);
        Assert.That(run.Code, Is.Zero, $"git {string.Join(' ', args)}: {run.Err}");
    }

    private string GitOut(string cwd, params string[] args) => InstalledTool.Exec("git", args, cwd, _env).Out.Trim();

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>The two forms a township gets the tool in.</summary>
public enum ToolForm
{
    /// <summary><c>dotnet tool install DisclosureSite.Cli</c>: the package, run by the .NET runtime.</summary>
    DotnetTool,

    /// <summary>A release binary (<c>disclosure-linux-x64</c>, …): compiled ahead of time, no .NET needed.</summary>
    Native,
}
