using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DisclosureSite.Tests.Publishing;

/// <summary>
/// Plays .github/workflows/publish.yml locally: a bare Git repository stands in for GitHub, each job starts from
/// a fresh clone, and every <c>run:</c> step of the workflow is executed by bash exactly as written, with
/// <c>disclosure</c> on PATH (this build's CLI) and the <c>${{ }}</c> expressions a runner would substitute.
/// Steps that only <c>uses:</c> an action (checkout, setup, Pages) are stood in for by the clone and by
/// assertions on their inputs. The reminder step talks to the fake GitHub API.
/// </summary>
[TestFixture]
[NonParallelizable]
public partial class PublishWorkflowReplayTests
{
    private const string AsOf = "2026-11-24";
    private string _root = "";
    private string _origin = "";
    private string _bin = "";
    private FakeGitHub _github = null!;

    [SetUp]
    public async Task SetUp()
    {
        var probe = TestSites.Run(["ledger", "record", "--help-probe"]);
        var build = TestSites.Run(["build", "--help-probe"]);
        if (probe.Error.Contains("未知命令", StringComparison.Ordinal) || build.Error.Contains("未知命令", StringComparison.Ordinal))
        {
            Assert.Ignore("`disclosure build` or `disclosure ledger record` is not merged into this branch yet; the replay runs once both are.");
        }

        _root = TestSites.TempDir("ds-replay");
        _origin = Path.Combine(_root, "origin.git");
        _bin = Path.Combine(_root, "bin");
        Directory.CreateDirectory(_bin);
        var wrapper = Path.Combine(_bin, "disclosure");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "disclosure.dll")}\" \"$@\"\n");
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("The workflow's steps are bash; the replay runs where a GitHub runner would (Linux).");
        }
        else
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        _github = await FakeGitHub.StartAsync();

        Git(_root, "init", "--bare", "-b", "main", _origin);
        var seed = Path.Combine(_root, "seed");
        Git(_root, "clone", "-q", _origin, seed);
        Assert.That(TestSites.Run(["init", seed, "--name", "测试镇三务公开", "--repo", "example/town"]).Code, Is.Zero);
        var input = Path.Combine(seed, "input");
        Assert.That(TestSites.Run(["new", "village1", "2026-Q4", "--input", input, "--csv"]).Code, Is.Zero);
        TestSites.FillTemplates(Path.Combine(input, "disclosures", "village1", "2026-Q4"));
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
        Assert.That(ledger.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.Not.Empty);

        var remind = RunJob("remind", outputs);
        Assert.That(remind.Code, Is.Zero, remind.Log);
        Assert.That(_github.Requests.Select(r => r.Path), Has.All.StartWith("/repos/example/town/"));
        Assert.That(_github.Requests.Select(r => r.Authorization), Has.All.Contains("replay-token"));

        // The next day's run publishes the same content: the ledger does not change, nothing is committed.
        var commits = Git(_root, "--git-dir", _origin, "rev-list", "--count", "main");
        var again = RunJob("publish", outputs);
        Assert.That(again.Code, Is.Zero, again.Log);
        Assert.That(again.Log, Does.Contain("发布账本没有变化"));
        Assert.That(Git(_root, "--git-dir", _origin, "rev-list", "--count", "main"), Is.EqualTo(commits));
    }

    [Test]
    public void Ledger_commit_is_rebased_when_a_clerk_pushed_during_the_publish()
    {
        var outputs = new Dictionary<string, string> { ["as_of"] = AsOf };
        var publish = RunJob("publish", outputs, beforeLastStep: () =>
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
    private JobRun RunJob(string jobName, Dictionary<string, string> outputs, Action? beforeLastStep = null)
    {
        var workflow = LoadWorkflow();
        var job = (YamlMappingNode)((YamlMappingNode)workflow.Children[new YamlScalarNode("jobs")]).Children[new YamlScalarNode(jobName)];
        var work = Path.Combine(_root, $"{jobName}-{Guid.NewGuid():N}");
        Git(_root, "clone", "-q", _origin, work);
        var temp = Directory.CreateDirectory(Path.Combine(_root, "runner-temp-" + Guid.NewGuid().ToString("N"))).FullName;
        var outputFile = Path.Combine(temp, "output");
        var summaryFile = Path.Combine(temp, "summary");
        File.WriteAllText(outputFile, "");
        File.WriteAllText(summaryFile, "");

        var env = new Dictionary<string, string>
        {
            ["PATH"] = _bin + ":" + Environment.GetEnvironmentVariable("PATH"),
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
        var runSteps = steps.Where(s => s.Children.ContainsKey(new YamlScalarNode("run"))).ToList();
        foreach (var step in runSteps)
        {
            if (step == runSteps[^1])
            {
                beforeLastStep?.Invoke();
            }

            var stepEnv = new Dictionary<string, string>(env);
            Merge(stepEnv, step, outputs);
            var script = Substitute(((YamlScalarNode)step.Children[new YamlScalarNode("run")]).Value!, outputs);
            log.Append("$ ").AppendLine(script);
            var (code, text) = Bash(script, work, stepEnv);
            log.AppendLine(text);
            if (code != 0)
            {
                return new JobRun(code, log.ToString(), work, File.ReadAllText(summaryFile));
            }

            foreach (var line in File.ReadAllLines(outputFile))
            {
                if (line.Split('=', 2) is [var k, var v])
                {
                    outputs[k] = v;
                }
            }
        }

        return new JobRun(0, log.ToString(), work, File.ReadAllText(summaryFile));
    }

    private static YamlMappingNode LoadWorkflow()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(TestSites.RepoRoot, ".github", "workflows", "publish.yml"));
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

        // Commits are dated before the as-of day, so trusted dates from Git are in the past of the publication.
        psi.Environment["GIT_AUTHOR_DATE"] = "2026-11-20T10:00:00+08:00";
        psi.Environment["GIT_COMMITTER_DATE"] = "2026-11-20T10:00:00+08:00";
        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? output.Trim() : throw new AssertionException($"git {string.Join(' ', args)} failed: {error}");
    }
}
