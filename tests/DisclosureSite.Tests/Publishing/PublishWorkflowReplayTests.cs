using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DisclosureSite.Model;
using YamlDotNet.RepresentationModel;

namespace DisclosureSite.Tests.Publishing;

/// <summary>
/// Plays .github/workflows/publish.yml locally as it runs in a township's data repository: a bare Git repository
/// stands in for GitHub, the data repository is made by the installed tool (<see cref="InstalledTool"/>: packed,
/// installed from a folder feed), each job starts from a fresh clone, and every <c>run:</c> step of the workflow is
/// executed by bash exactly as written, with the <c>${{ }}</c> expressions a runner would substitute. The setup
/// action's own steps run too: it reads <c>.github/disclosure.env</c>, downloads the pinned release binary from the
/// project's release folder (here a <c>file://</c> copy holding this source's native binary, <see cref="NativeBinary"/>)
/// and checks its SHA-256, so <c>disclosure</c> on PATH in every job (check, build, ledger, remind through Octokit) is
/// the release binary. Pagefind's npm install is stood in for by the one npm ci installed.
/// Steps that only <c>uses:</c> a GitHub action (checkout, Pages) are stood in for by the clone.
/// </summary>
[TestFixture]
[NonParallelizable]
public partial class PublishWorkflowReplayTests
{
    private const string AsOf = "2026-11-24";
    private string _root = "";
    private string _origin = "";
    private string _bin = "";
    private string _project = "";
    private FakeGitHub _github = null!;

    /// <summary>Commits are dated before the as-of day, so trusted dates from Git are in the past of the publication.</summary>
    private static readonly Dictionary<string, string> GitDates = new()
    {
        ["GIT_AUTHOR_DATE"] = "2026-11-20T10:00:00+08:00",
        ["GIT_COMMITTER_DATE"] = "2026-11-20T10:00:00+08:00",
    };

    [SetUp]
    public async Task SetUp()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("The workflow's steps are bash; the replay runs where a GitHub runner would (Linux).");
        }

        _root = TestSites.TempDir("ds-replay");
        _origin = Path.Combine(_root, "origin.git");
        _bin = Path.Combine(_root, "bin");
        Directory.CreateDirectory(_bin);
        var pagefind = Path.Combine(TestSites.RepoRoot, "node_modules", ".bin", "pagefind");
        Site.RequiredTools.Require(File.Exists(pagefind), "Pagefind (node_modules/.bin/pagefind)");
        File.CreateSymbolicLink(Path.Combine(_bin, "pagefind"), pagefind);

        // The project's release page, as the release workflow leaves it: the binary and its SHA-256 sums.
        _project = Path.Combine(_root, "project");
        var release = Directory.CreateDirectory(Path.Combine(_project, "releases", "download", "v" + ToolInfo.Version)).FullName;
        var binary = Path.Combine(release, "disclosure-linux-x64");
        File.Copy(NativeBinary.Program, binary); // the release binary itself, compiled ahead of time as release.yml does
        var sum = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(binary)));
        File.WriteAllText(Path.Combine(release, "SHA256SUMS"), $"{sum}  disclosure-linux-x64\n{new string('0', 64)}  disclosure-win-x64.exe\n");

        _github = await FakeGitHub.StartAsync();

        Git(_root, "init", "--bare", "-b", "main", _origin);
        var seed = Path.Combine(_root, "seed");
        Git(_root, "clone", "-q", _origin, seed);
        var env = new Dictionary<string, string>(GitDates) { ["HOME"] = _root, ["PATH"] = Environment.GetEnvironmentVariable("PATH")! };
        var init = InstalledTool.Run(_root, env, "init", seed, "--name", "测试镇三务公开", "--repo", "example/town");
        Assert.That(init.Code, Is.Zero, init.Out + init.Err);
        var made = InstalledTool.Run(seed, env, "new", "village1", "2026-Q4", "--csv");
        Assert.That(made.Code, Is.Zero, made.Out + made.Err);
        TestSites.FillTemplates(Path.Combine(seed, "input", "disclosures", "village1", "2026-Q4"));

        // A county that releases from its own copy of the project points project= there (here: the folder above).
        var pin = Path.Combine(seed, ".github", "disclosure.env");
        Assert.That(File.ReadAllText(pin), Does.Contain($"\nversion={ToolInfo.Version}\n").And.Contain($"\nproject={ToolInfo.RepositoryUrl}\n"));
        File.WriteAllText(pin, File.ReadAllText(pin).Replace("project=" + ToolInfo.RepositoryUrl, "project=file://" + _project, StringComparison.Ordinal));
        Commit(seed, "示例镇、示例村和 2026 年第四季度的文件");
        Git(seed, "push", "-q", "origin", "main");
    }

    [TearDown]
    public async Task TearDown()
    {
        if (_github is not null)
        {
            await _github.DisposeAsync();
        }

        TestSites.DeleteDir(_root);
    }

    [Test]
    public void Publish_workflow_checks_builds_records_and_commits_the_ledger_then_reminds()
    {
        var outputs = new Dictionary<string, string>();

        var check = RunJob("check", outputs);
        Assert.That(check.Code, Is.Zero, check.Log);
        Assert.That(outputs["as_of"], Is.EqualTo(AsOf));
        Assert.That(check.Summary, Is.Not.Empty, "the markdown report goes to the job summary");

        var publish = RunJob("publish", outputs);
        Assert.That(publish.Code, Is.Zero, publish.Log);
        Assert.That(File.Exists(Path.Combine(publish.WorkDir, "_site", "index.html")), Is.True, "the Pages artifact is the built site");
        var log = Git(_root, "--git-dir", _origin, "log", "--format=%an|%s", "main");
        Assert.That(log.Split('\n')[0], Is.EqualTo($"github-actions[bot]|ledger: 记录 {AsOf} 的发布"), log);
        var ledger = Git(_root, "--git-dir", _origin, "show", "main:ledger/publications.jsonl");
        Assert.That(ledger.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
        var head = ledger.Split('\n')[0][^66..^2];
        Assert.That(publish.Log, Does.Contain("链头(第 1 条的 hash):" + head), "the head is printed in the job log");
        Assert.That(Git(_root, "--git-dir", _origin, "for-each-ref", "--format=%(objecttype) %(contents:subject)", "refs/tags/ledger-1").Trim(),
            Is.EqualTo("tag 发布记录第 1 条 链头 " + head), "the anchor is an annotated tag on the origin naming the head");

        var remind = RunJob("remind", outputs);
        Assert.That(remind.Code, Is.Zero, remind.Log);
        Assert.That(_github.Requests.Select(r => r.Path), Has.All.StartWith("/repos/example/town/"));
        Assert.That(_github.Requests.Select(r => r.Authorization), Has.All.Contains("replay-token"));

        // The next run publishes the same content: no item changes, but the deployed site (now showing entry 1) is a new
        // deployment, so it is recorded and anchored too; a clone of the origin then verifies.
        var again = RunJob("publish", outputs);
        Assert.That(again.Code, Is.Zero, again.Log);
        Assert.That(again.Log, Does.Contain("没有新发布、修订或撤回的条目,登记了这次部署的网站"));
        Assert.That(Git(_root, "--git-dir", _origin, "tag", "-l", "ledger-*").Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "ledger-1", "ledger-2" }));
        var verify = InstalledTool.Run(again.WorkDir, new Dictionary<string, string>(GitDates) { ["HOME"] = _root, ["PATH"] = Environment.GetEnvironmentVariable("PATH")! }, "ledger", "verify", "--input", "input", "--site", "_site");
        Assert.That(verify.Code, Is.Zero, verify.Out + verify.Err);
    }

    [Test]
    public void Ledger_commit_is_rebased_when_a_clerk_pushed_during_the_publish()
    {
        var outputs = new Dictionary<string, string> { ["as_of"] = AsOf };
        var publish = RunJob("publish", outputs, beforeCommitBack: () =>
        {
            var clerk = Path.Combine(_root, "clerk");
            Git(_root, "clone", "-q", _origin, clerk);
            File.AppendAllText(Path.Combine(clerk, "README.md"), "\n村文书在发布期间的提交。\n");
            Commit(clerk, "文书的提交");
            Git(clerk, "push", "-q", "origin", "main");
        });

        Assert.That(publish.Code, Is.Zero, publish.Log);
        var subjects = Git(_root, "--git-dir", _origin, "log", "--format=%s", "main").Split('\n');
        Assert.That(subjects[0], Is.EqualTo($"ledger: 记录 {AsOf} 的发布"));
        Assert.That(subjects[1], Is.EqualTo("文书的提交"));
    }

    [Test]
    public void An_input_error_stops_the_publish_at_the_check_job()
    {
        var work = Path.Combine(_root, "broken");
        Git(_root, "clone", "-q", _origin, work);
        File.AppendAllText(Path.Combine(work, "input", "units.csv"), "Bad Id,坏的单位,village,town,,,,\n");
        Commit(work, "一个错误的单位代码");
        Git(work, "push", "-q", "origin", "main");

        var check = RunJob("check", []);

        Assert.That(check.Code, Is.EqualTo(1), check.Log);
        Assert.That(check.Log, Does.Contain("::error"));
    }

    private sealed record JobRun(int Code, string Log, string WorkDir, string Summary);

    /// <summary>Runs one job of publish.yml in a fresh clone; returns at the first failing step, like a runner.</summary>
    private JobRun RunJob(string jobName, Dictionary<string, string> outputs, Action? beforeCommitBack = null)
    {
        var work = Path.Combine(_root, $"{jobName}-{Guid.NewGuid():N}");
        Git(_root, "clone", "-q", _origin, work);
        var workflow = LoadWorkflow(work);
        var job = (YamlMappingNode)((YamlMappingNode)workflow.Children[new YamlScalarNode("jobs")]).Children[new YamlScalarNode(jobName)];
        var temp = Directory.CreateDirectory(Path.Combine(_root, "runner-temp-" + Guid.NewGuid().ToString("N"))).FullName;
        var outputFile = Path.Combine(temp, "output");
        var summaryFile = Path.Combine(temp, "summary");
        File.WriteAllText(outputFile, "");
        File.WriteAllText(summaryFile, "");

        var env = new Dictionary<string, string>
        {
            ["PATH"] = _bin + ":/usr/local/bin:/usr/bin:/bin",
            ["DOTNET_ROOT"] = InstalledTool.DotnetRoot,
            ["RUNNER_OS"] = "Linux",
            ["RUNNER_ARCH"] = "X64",
            ["GITHUB_OUTPUT"] = outputFile,
            ["GITHUB_STEP_SUMMARY"] = summaryFile,
            ["RUNNER_TEMP"] = temp,
            ["GITHUB_API_URL"] = _github.Url,
            ["GITHUB_REPOSITORY"] = "example/town",
            ["HOME"] = _root,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
        };
        Merge(env, workflow, outputs);
        Merge(env, job, outputs);

        var log = new StringBuilder();
        var steps = ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>().ToList();
        var runSteps = steps.Where(s => s.Children.ContainsKey(new YamlScalarNode("run")) || Scalar(s, "uses") == "./.github/actions/setup-disclosure").ToList();
        foreach (var step in runSteps)
        {
            if (step.Children.TryGetValue(new YamlScalarNode("name"), out var name) && ((YamlScalarNode)name).Value!.StartsWith("Commit the ledger back", StringComparison.Ordinal))
            {
                beforeCommitBack?.Invoke();
            }

            var code = Scalar(step, "uses") is null ? RunStep(step, work, env, outputs, outputFile, log) : RunSetupAction(work, env, temp, log);
            if (code != 0)
            {
                return new JobRun(code, log.ToString(), work, File.ReadAllText(summaryFile));
            }
        }

        return new JobRun(0, log.ToString(), work, File.ReadAllText(summaryFile));
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;

    /// <summary>One <c>run:</c> step; its GITHUB_OUTPUT lines become outputs.</summary>
    private static int RunStep(YamlMappingNode step, string work, Dictionary<string, string> env, Dictionary<string, string> outputs, string outputFile, StringBuilder log)
    {
        var stepEnv = new Dictionary<string, string>(env);
        Merge(stepEnv, step, outputs);
        var script = Substitute(Scalar(step, "run")!, outputs);
        log.Append("$ ").AppendLine(script);
        var (code, text) = Bash(script, work, stepEnv);
        log.AppendLine(text);
        foreach (var line in File.ReadAllLines(outputFile))
        {
            if (line.Split('=', 2) is [var k, var v])
            {
                outputs[k] = v;
            }
        }

        File.WriteAllText(outputFile, "");
        return code;
    }

    /// <summary>
    /// The steps of the data repository's .github/actions/setup-disclosure (from the clone, as a runner reads it) that
    /// run in a data repository; GITHUB_PATH then goes on the job's PATH. The npm install of Pagefind is stood in for.
    /// </summary>
    private static int RunSetupAction(string work, Dictionary<string, string> env, string temp, StringBuilder log)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(work, ".github", "actions", "setup-disclosure", "action.yml")))
        {
            stream.Load(reader);
        }

        var steps = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("runs")]).Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>();
        var pathFile = Path.Combine(temp, "path");
        var outputFile = Path.Combine(temp, "action-output");
        File.WriteAllText(pathFile, "");
        File.WriteAllText(outputFile, "");
        var actionEnv = new Dictionary<string, string>(env) { ["GITHUB_PATH"] = pathFile, ["GITHUB_OUTPUT"] = outputFile };
        var pin = new Dictionary<string, string>();
        var ran = new List<string>();
        foreach (var step in steps)
        {
            var condition = Scalar(step, "if");
            var name = Scalar(step, "name") ?? "";
            if (Scalar(step, "run") is null || (condition is not null && condition != "steps.pin.outputs.from == 'release'") || name.StartsWith("Install Pagefind", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.That(condition is null || pin.GetValueOrDefault("from") == "release", Is.True, "a data repository takes the release path");
            ran.Add(name);
            var code = RunStep(step, work, actionEnv, pin, outputFile, log);
            if (code != 0)
            {
                return code;
            }
        }

        Assert.That(ran, Has.Count.EqualTo(2), "the pin is read, the release downloaded and checked");
        env["PATH"] = string.Join(':', File.ReadAllLines(pathFile).Where(l => l.Length > 0).Reverse().Append(env["PATH"]));
        return 0;
    }

    /// <summary>The data repository's publish.yml (init copied this repository's, byte for byte).</summary>
    private static YamlMappingNode LoadWorkflow(string work)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(work, ".github", "workflows", "publish.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static void Merge(Dictionary<string, string> env, YamlMappingNode node, Dictionary<string, string> outputs)
    {
        if (node.Children.TryGetValue(new YamlScalarNode("env"), out var e) && e is YamlMappingNode map)
        {
            foreach (var (k, v) in map.Children)
            {
                env[((YamlScalarNode)k).Value!] = Substitute(((YamlScalarNode)v).Value ?? "", outputs);
            }
        }
    }

    [GeneratedRegex(@"\$\{\{\s*(.+?)\s*\}\}")]
    private static partial Regex Expression();

    /// <summary>What a runner would put in for the expressions publish.yml uses (a manual run with as_of given).</summary>
    private static string Substitute(string text, Dictionary<string, string> outputs) => Expression().Replace(text, m => m.Groups[1].Value switch
    {
        "inputs.as_of" => AsOf,
        "steps.date.outputs.as_of" or "needs.check.outputs.as_of" => outputs.TryGetValue("as_of", out var v) ? v : throw new AssertionException("as_of output missing"),
        "github.repository" => "example/town",
        "github.token" => "replay-token",
        "steps.pin.outputs.version" or "steps.pin.outputs.project" => outputs[m.Groups[1].Value["steps.pin.outputs.".Length..]],
        var other => throw new AssertionException($"the replay does not know the expression {other}"),
    });

    private static (int Code, string Output) Bash(string script, string cwd, Dictionary<string, string> env)
    {
        var psi = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new AssertionException("step timed out: " + script);
        }

        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static void Commit(string repo, string message)
    {
        Git(repo, "add", "-A");
        Git(repo, "-c", "user.name=文书", "-c", "user.email=clerk@example.org", "commit", "-q", "-m", message);
    }

    private static string Git(string cwd, params string[] args)
    {
        var psi = new ProcessStartInfo("git", args) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };

        foreach (var (k, v) in GitDates)
        {
            psi.Environment[k] = v;
        }

        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? output.Trim() : throw new AssertionException($"git {string.Join(' ', args)} failed: {error}");
    }
}
