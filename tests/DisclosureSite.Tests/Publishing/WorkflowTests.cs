using System.Text.RegularExpressions;
using DisclosureSite.Model;
using YamlDotNet.RepresentationModel;

namespace DisclosureSite.Tests.Publishing;

/// <summary>The workflows in .github/workflows (also what <c>disclosure init</c> writes): triggers, schedule, permissions, concurrency, checkout depth.</summary>
[TestFixture]
public class WorkflowTests
{
    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(TestSites.RepoRoot, ".github", "workflows", name));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;

    private static Dictionary<string, string> Permissions(YamlNode job) =>
        Map(job, "permissions").Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!);

    private static IEnumerable<YamlMappingNode> Steps(YamlNode job) =>
        ((YamlSequenceNode)((YamlMappingNode)job).Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>();

    private static IEnumerable<string> Runs(YamlNode job) => Steps(job).Select(s => Scalar(s, "run")).OfType<string>();

    [Test]
    public void Publish_runs_daily_at_00_10_china_time_which_is_16_10_utc()
    {
        var on = Map(Load("publish.yml"), "on");
        var schedule = (YamlSequenceNode)on.Children[new YamlScalarNode("schedule")];
        var cron = Scalar(schedule.Children[0], "cron");

        Assert.That(cron, Is.EqualTo("10 16 * * *"));
        var utc = new DateTimeOffset(2026, 10, 20, 16, 10, 0, TimeSpan.Zero);
        var china = TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.That((china.Day, china.Hour, china.Minute), Is.EqualTo((21, 0, 10)), "the day after the deadline day, just after midnight");
        Assert.That(((YamlSequenceNode)Map(on, "push").Children[new YamlScalarNode("branches")]).Children.Select(c => ((YamlScalarNode)c).Value), Is.EqualTo(new[] { "main" }));
        Assert.That(on.Children.Keys.Select(k => ((YamlScalarNode)k).Value), Is.EquivalentTo(new[] { "schedule", "push", "workflow_dispatch" }));
        Assert.That(Scalar(Map(Map(Map(on, "workflow_dispatch"), "inputs"), "as_of"), "required"), Is.EqualTo("false"));
    }

    [Test]
    public void Publish_has_one_concurrency_group_that_never_cancels_a_running_publish()
    {
        var concurrency = Map(Load("publish.yml"), "concurrency");

        Assert.That(Scalar(concurrency, "group"), Is.EqualTo("publish"));
        Assert.That(Scalar(concurrency, "cancel-in-progress"), Is.EqualTo("false"));
    }

    [Test]
    public void Publish_jobs_have_least_privilege_permissions()
    {
        var root = Load("publish.yml");
        Assert.That(Map(root, "permissions").Children, Is.Empty, "nothing at workflow level");
        var jobs = Map(root, "jobs");

        Assert.That(jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value), Is.EqualTo(new[] { "check", "publish", "deploy", "remind" }));
        Assert.That(Permissions(Map(jobs, "check")), Is.EqualTo(new Dictionary<string, string> { ["contents"] = "read" }));
        Assert.That(Permissions(Map(jobs, "publish")), Is.EqualTo(new Dictionary<string, string> { ["contents"] = "write" }));
        Assert.That(Permissions(Map(jobs, "deploy")), Is.EqualTo(new Dictionary<string, string> { ["pages"] = "write", ["id-token"] = "write" }));
        Assert.That(Permissions(Map(jobs, "remind")), Is.EqualTo(new Dictionary<string, string> { ["contents"] = "read", ["issues"] = "write" }));
    }

    [Test]
    public void Publish_steps_run_in_order_check_build_ledger_commit_deploy_remind()
    {
        var jobs = Map(Load("publish.yml"), "jobs");
        Assert.That(Runs(Map(jobs, "check")), Has.Some.Contains("disclosure check --input input --as-of \"$AS_OF\" --format github"));
        Assert.That(Runs(Map(jobs, "check")), Has.Some.Contains("TZ=Asia/Shanghai date +%F"));

        var publish = Runs(Map(jobs, "publish")).ToList();
        Assert.That(publish[0], Is.EqualTo("disclosure build --input input --output _site --as-of \"$AS_OF\""));
        Assert.That(publish[1], Is.EqualTo("disclosure ledger record --input input --site _site --as-of \"$AS_OF\""));
        Assert.That(publish[2], Does.Contain("git add ledger").And.Contain("git diff --cached --quiet").And.Contain("git push origin HEAD:main"));
        Assert.That(Steps(Map(jobs, "publish")).Select(s => Scalar(s, "uses")), Has.Some.StartsWith("actions/upload-pages-artifact@"));
        Assert.That(Steps(Map(jobs, "deploy")).Select(s => Scalar(s, "uses")), Has.Some.StartsWith("actions/deploy-pages@"));
        Assert.That(Scalar(Map(Map(jobs, "deploy"), "environment"), "name"), Is.EqualTo("github-pages"));
        Assert.That(Runs(Map(jobs, "remind")).Single(), Is.EqualTo("disclosure remind --repo \"$REPOSITORY\" --input input --as-of \"$AS_OF\""));
    }

    [TestCase("check.yml")]
    [TestCase("publish.yml")]
    public void Every_checkout_takes_full_history_for_trusted_dates(string file)
    {
        var jobs = Map(Load(file), "jobs");
        var checkouts = jobs.Children.Values.SelectMany(Steps).Where(s => Scalar(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true).ToList();

        Assert.That(checkouts, Is.Not.Empty);
        Assert.That(checkouts.Select(s => Scalar(Map(s, "with"), "fetch-depth")), Has.All.EqualTo("0"));
    }

    [Test]
    public void Check_runs_tests_check_with_annotations_summary_and_build_and_keeps_the_site()
    {
        var root = Load("check.yml");
        Assert.That(Map(root, "on").Children.Keys.Select(k => ((YamlScalarNode)k).Value), Is.SupersetOf(new[] { "pull_request", "push" }));
        Assert.That(Permissions(Map(Map(root, "jobs"), "check")), Is.EqualTo(new Dictionary<string, string> { ["contents"] = "read" }));

        var runs = Runs(Map(Map(root, "jobs"), "check")).ToList();
        Assert.That(runs, Is.EqualTo(new[]
        {
            "scripts/test",
            "disclosure check --input input --format github",
            "disclosure check --input input --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
            "disclosure build --input input --output _site",
        }));
        Assert.That(Steps(Map(Map(root, "jobs"), "check")).Select(s => Scalar(s, "uses")), Has.Some.StartsWith("actions/upload-artifact@"));
    }

    [TestCase("check.yml")]
    [TestCase("publish.yml")]
    [TestCase("../actions/setup-disclosure/action.yml")]
    public void Actions_are_pinned_and_no_secret_is_echoed(string file)
    {
        var text = File.ReadAllText(Path.Combine(TestSites.RepoRoot, ".github", "workflows", file));
        var uses = Regex.Matches(text, @"uses:\s*(\S+)").Select(m => m.Groups[1].Value).ToList();

        Assert.That(uses, Is.Not.Empty);
        Assert.That(uses.Where(u => !u.StartsWith("./", StringComparison.Ordinal)), Has.All.Match(@"^[\w.-]+/[\w.-]+@(v\d+|[0-9a-f]{40})$"));
        Assert.That(text, Does.Not.Contain("secrets."), "only the job's own github.token is used");
        Assert.That(Regex.IsMatch(text, @"echo[^\n]*(TOKEN|token)"), Is.False);
    }

    [Test]
    public void The_setup_action_builds_from_source_or_downloads_the_pinned_release_and_installs_the_pinned_pagefind()
    {
        var text = File.ReadAllText(Path.Combine(TestSites.RepoRoot, ".github", "actions", "setup-disclosure", "action.yml"));
        var packageJson = File.ReadAllText(Path.Combine(TestSites.RepoRoot, "package.json"));
        var pagefind = Regex.Match(packageJson, "\"pagefind\":\\s*\"([^\"]+)\"").Groups[1].Value;

        Assert.That(text, Does.Contain("actions/cache@").And.Contain("~/.nuget/packages"));
        Assert.That(text, Does.Contain("dotnet-version: 10.0.x"));
        Assert.That(text, Does.Contain("dotnet publish src/DisclosureSite.Cli/DisclosureSite.Cli.csproj"));
        Assert.That(text, Does.Contain(".github/disclosure.env").And.Contain("releases/download/v$DISCLOSURE_VERSION").And.Contain("sha256sum -c"));
        Assert.That(text, Does.Not.Match(@"\n\s*(default|version):\s*['""]?\d"),
            "the action pins no version of the tool: that is the data repository's .github/disclosure.env (written by init)");
        Assert.That(text, Does.Contain($"PAGEFIND_VERSION: {pagefind}").And.Contain("\"pagefind@$PAGEFIND_VERSION\""));
        Assert.That(ToolInfo.PagefindVersion, Is.EqualTo(pagefind), "the tool's own pin (npx fallback) comes from package.json at build time");
        Assert.That(text, Does.Not.Contain("secrets.").And.Not.Contain("github.token").And.Not.Contain("GITHUB_TOKEN"), "installing needs no account or secret");
    }

    [Test]
    public void Release_runs_on_v_tags_with_least_privilege_and_takes_the_version_from_the_tag_in_one_place()
    {
        var root = Load("release.yml");
        var on = Map(root, "on");
        Assert.That(on.Children.Keys.Select(k => ((YamlScalarNode)k).Value), Is.EqualTo(new[] { "push" }));
        Assert.That(((YamlSequenceNode)Map(on, "push").Children[new YamlScalarNode("tags")]).Children.Select(c => ((YamlScalarNode)c).Value), Is.EqualTo(new[] { "v*" }));
        Assert.That(((YamlMappingNode)root.Children[new YamlScalarNode("permissions")]).Children, Is.Empty, "nothing by default");

        var jobs = Map(root, "jobs");
        Assert.That(Map(Map(jobs, "version"), "permissions").Children, Is.Empty);
        Assert.That(Permissions(Map(jobs, "test")), Is.EqualTo(new Dictionary<string, string> { ["contents"] = "read" }));
        Assert.That(Permissions(Map(jobs, "pack")), Is.EqualTo(new Dictionary<string, string> { ["contents"] = "read" }));
        Assert.That(Permissions(Map(jobs, "binaries")), Is.EqualTo(new Dictionary<string, string> { ["contents"] = "read" }));
        Assert.That(Permissions(Map(jobs, "github-packages")), Is.EqualTo(new Dictionary<string, string> { ["packages"] = "write" }));
        Assert.That(Map(Map(jobs, "nuget"), "permissions").Children, Is.Empty);
        Assert.That(Permissions(Map(jobs, "release")), Is.EqualTo(new Dictionary<string, string> { ["contents"] = "write" }));

        var text = File.ReadAllText(Path.Combine(TestSites.RepoRoot, ".github", "workflows", "release.yml"));
        Assert.That(Regex.Count(text, @"github\.ref_name"), Is.EqualTo(2), "the tag is read by the version job (and names the release), nowhere else");
        Assert.That(Runs(Map(jobs, "version")).Single(), Does.Contain("version=\"${TAG#v}\""));
        Assert.That(Scalar(Map(Map(jobs, "pack"), "env"), "VERSION"), Is.EqualTo("${{ needs.version.outputs.version }}"));
        Assert.That(Scalar(Map(Map(jobs, "binaries"), "env"), "VERSION"), Is.EqualTo("${{ needs.version.outputs.version }}"));
        Assert.That(Runs(Map(jobs, "pack")).Single(), Does.Contain("dotnet pack src/DisclosureSite.Cli").And.Contain("-p:Version=\"$VERSION\""));
        Assert.That(Runs(Map(jobs, "binaries")).First(), Does.Contain("-p:PublishAot=true").And.Contain("-r \"$RID\"").And.Contain("-p:Version=\"$VERSION\""));
        Assert.That(Runs(Map(jobs, "test")).Single(), Is.EqualTo("bash .ci/run"));

        var include = ((YamlSequenceNode)Map(Map(Map(jobs, "binaries"), "strategy"), "matrix").Children[new YamlScalarNode("include")]).Children;
        Assert.That(include.Select(c => Scalar(c, "rid")), Is.EqualTo(new[] { "linux-x64", "win-x64", "osx-arm64" }));
        Assert.That(include.Select(c => Scalar(c, "os")), Is.EqualTo(new[] { "ubuntu-latest", "windows-latest", "macos-latest" }), "a native binary is compiled on the system it runs on");
        Assert.That(string.Join("\n", Runs(Map(jobs, "release"))), Does.Contain("sha256sum -- * > SHA256SUMS").And.Contain("gh release create \"$TAG\" assets/*"));
        Assert.That(Runs(Map(jobs, "github-packages")).Single(), Does.Contain("dotnet nuget push").And.Contain("--api-key \"$GITHUB_TOKEN\""));

        var nuget = Steps(Map(jobs, "nuget")).ToList();
        Assert.That(Scalar(Map(Map(jobs, "nuget"), "env"), "NUGET_API_KEY"), Is.EqualTo("${{ secrets.NUGET_API_KEY }}"));
        Assert.That(nuget.Where(s => Scalar(s, "run")?.Contains("dotnet nuget push", StringComparison.Ordinal) == true).Select(s => Scalar(s, "if")), Is.EqualTo(new[] { "env.NUGET_API_KEY != ''" }), "pushed to the NuGet feed only when the secret is set");
        Assert.That(Regex.IsMatch(text, @"echo[^\n]*\$\{?(NUGET_API_KEY|GITHUB_TOKEN|GH_TOKEN)"), Is.False, "no secret is echoed");
    }

    [Test]
    public void No_file_holds_a_hand_written_release_version()
    {
        var props = File.ReadAllText(Path.Combine(TestSites.RepoRoot, "Directory.Build.props"));
        Assert.That(props, Does.Contain("<VersionPrefix>0.0.0</VersionPrefix>").And.Contain("<VersionSuffix>dev</VersionSuffix>"));
        foreach (var project in Directory.EnumerateFiles(Path.Combine(TestSites.RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            Assert.That(File.ReadAllText(project), Does.Not.Match("<(Version|VersionPrefix|PackageVersion)>"), project);
        }

        Assert.That(ToolInfo.Version, Is.EqualTo("0.0.0-dev"), "a build from a clone says it is no release");
        Assert.That(ToolInfo.IsDevelopmentBuild, Is.True);
        Assert.That(ToolInfo.RepositoryUrl, Does.Match(@"^https://github\.com/[\w.-]+/[\w.-]+$"));
    }
}
