using System.CommandLine;
using System.Text.RegularExpressions;
using DisclosureSite.Cli;
using DisclosureSite.Tests.Hardening;
using DisclosureSite.Tests.Publishing;

namespace DisclosureSite.Tests;

/// <summary>
/// The command line (issue 18, point 4): System.CommandLine parses it; every command has its own Chinese help; the usage
/// lines are generated from the command tree and are the README's list; <c>--</c> ends the options; every mistake is one
/// Chinese line and exit code 2; relative paths resolve against the command's working directory, never the process's.
/// </summary>
public partial class CommandLineTests
{
    private static readonly CliContext Quiet = new(TextWriter.Null, TextWriter.Null, TimeProvider.System);

    private static CliRun Cli(params string[] args) => TestSites.Run(args);

    /// <summary>Every command that runs, as its words (<c>["ledger", "verify"]</c>).</summary>
    private static IEnumerable<string[]> Commands()
    {
        static IEnumerable<string[]> Below(Command command, string[] path) =>
            command.Subcommands.Count == 0 ? [path] : command.Subcommands.SelectMany(c => Below(c, [.. path, c.Name]));
        return Below(CommandTree.Create(Quiet).Root, []);
    }

    private static Command Find(params string[] path) =>
        path.Aggregate(CommandTree.Create(Quiet).Root, (c, name) => c.Subcommands.Single(s => s.Name == name));

    [Test]
    public void Every_command_is_in_the_tree()
    {
        Assert.That(Commands().Select(p => string.Join(' ', p)), Is.EqualTo(new[]
        {
            "check", "build", "preview", "ledger record", "ledger anchor", "ledger verify", "remind", "init", "new",
        }));
    }

    [TestCaseSource(nameof(Commands))]
    public void Each_command_has_its_own_help_in_Chinese(string[] path)
    {
        var command = Find(path);
        var run = TestSites.Run([.. path, "--help"]);
        Assert.That(run.Code, Is.EqualTo(0), run.ToString());
        Assert.That(run.Error, Is.Empty);
        var name = "disclosure " + string.Join(' ', path);
        Assert.That(run.Out, Does.StartWith($"{name}:{command.Description}\n"));
        Assert.That(run.Out, Does.Contain("用法 (usage):\n  " + name + " ").And.Contain("选项:").And.Contain("退出码"));
        Assert.That(run.Out, Does.Not.Contain("Usage:").And.Not.Contain("Options:").And.Not.Contain("Show help"));
        Assert.That(command.Description, Does.Match(@"\p{IsCJKUnifiedIdeographs}"));
        foreach (var option in command.Options)
        {
            Assert.That(option.Description, Does.Match(@"\p{IsCJKUnifiedIdeographs}"), option.Name);
            Assert.That(run.Out, Does.Contain(option.Name).And.Contain(option.Description!), option.Name);
        }

        foreach (var argument in command.Arguments)
        {
            Assert.That(run.Out, Does.Contain($"<{argument.Name}>").And.Contain(argument.Description!), argument.Name);
        }

        // The short forms and `disclosure help <command>` print the same help.
        Assert.That(TestSites.Run([.. path, "-h"]).Out, Is.EqualTo(run.Out));
        Assert.That(TestSites.Run([.. path, "-?"]).Out, Is.EqualTo(run.Out));
        Assert.That(TestSites.Run(["help", .. path]).Out, Is.EqualTo(run.Out));
    }

    [Test]
    public void Defaults_are_in_the_help()
    {
        var build = Cli("build", "--help");
        Assert.That(build.Out, Does.Contain("--input <input>").And.Contain("(默认:input)").And.Contain("--output <_site>").And.Contain("(默认:_site)"));
        var check = Cli("check", "--help");
        Assert.That(check.Out, Does.Contain("--format <text|github|json|markdown>").And.Contain("(默认:text)").And.Contain("(默认:zh)"));
        Assert.That(Cli("preview", "--help").Out, Does.Contain("--port <8080>").And.Contain("(默认:8080)"));
    }

    [Test]
    public void The_tool_alone_prints_the_usage_as_a_usage_error_and_help_prints_it_to_standard_output()
    {
        var alone = Cli();
        var help = Cli("--help");
        Assert.That(alone.Code, Is.EqualTo(2));
        Assert.That(alone.Out, Is.Empty);
        Assert.That(help.Code, Is.EqualTo(0));
        Assert.That(help.Error, Is.Empty);
        Assert.That(alone.Error, Is.EqualTo(help.Out));
        Assert.That(Cli("help").Out, Is.EqualTo(help.Out));
        Assert.That(help.Out, Does.StartWith("disclosure — ").And.Contain("命令:\n  check ").And.Contain("退出码 (exit codes): 0 正常, 1 有错误, 2 用法错误"));
    }

    [Test]
    public void Version_prints_the_tools_version()
    {
        foreach (var args in new[] { new[] { "--version" }, ["version"] })
        {
            var run = TestSites.Run(args);
            Assert.That(run.Code, Is.EqualTo(0));
            Assert.That(run.Out, Is.EqualTo($"disclosure {DisclosureSite.Model.ToolInfo.Version}\n"));
        }
    }

    /// <summary>The README's command list is the generated usage, line for line (so it cannot go stale).</summary>
    [Test]
    public void Readme_lists_the_commands_the_tool_accepts()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var block = ReadmeCommands().Match(readme);
        Assert.That(block.Success, Is.True, "README.md has a ``` block right after '## Command line'");
        var lines = block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Is.EqualTo(CliHelp.Synopsis(CommandTree.Create(Quiet).Root).ToArray()));
        Assert.That(Cli("--help").Out, Does.Contain(string.Join("\n", lines.Select(l => "  " + l))));
    }

    /// <summary>Every usage line, with its placeholders filled in, parses: the usage is the parser's, not a text kept beside it.</summary>
    [Test]
    public void Every_usage_line_parses()
    {
        var tree = CommandTree.Create(Quiet);
        foreach (var line in CliHelp.Synopsis(tree.Root))
        {
            var args = new List<string>();
            foreach (var word in line.Split(' ').Skip(1))
            {
                var token = word.Trim('[', ']');
                args.Add(token switch
                {
                    "YYYY-MM-DD" => "2026-11-24",
                    "<period>" => "2026-Q4",
                    _ when token.Contains('|', StringComparison.Ordinal) => token.Split('|')[^1],
                    _ when token.StartsWith('<') => "x",
                    _ => token,
                });
            }

            var parse = tree.Root.Parse(args);
            Assert.That(CommandLine.UsageMessage(parse, [.. args], tree), Is.Null, line);
            Assert.That(parse.CommandResult.Command.Action, Is.Not.Null, line);
        }
    }

    [TestCase("未知选项 --frobnicate(unknown option)。用法见 disclosure check --help。", "check", "--frobnicate")]
    [TestCase("未知选项 --frobnicate(unknown option)。用法见 disclosure check --help。", "check", "--frobnicate=1")]
    [TestCase("未知选项 --inptu(unknown option)。用法见 disclosure new --help。", "new", "--inptu", "x", "dongshan", "2026-Q4")]
    [TestCase("未知选项 --verbose(unknown option)。用法见 disclosure check --help。", "check", "--verbose")]
    [TestCase("未知选项 --frobnicate(unknown option)。用法见 disclosure --help。", "--frobnicate")]
    [TestCase("未知命令 'nosuchcommand'(unknown command)。用法见 disclosure --help。", "nosuchcommand")]
    [TestCase("未知命令 'Build'(unknown command)。用法见 disclosure --help。", "Build")]
    [TestCase("未知的 ledger 子命令 'show',只能是 record、anchor 或 verify。用法见 disclosure ledger --help。", "ledger", "show")]
    [TestCase("需要子命令 record、anchor 或 verify(expected record, anchor or verify)。用法见 disclosure ledger --help。", "ledger")]
    [TestCase("多余的参数:extra(unexpected argument)。用法见 disclosure check --help。", "check", "extra")]
    [TestCase("多余的参数:b(unexpected argument)。用法见 disclosure init --help。", "init", "a", "b")]
    [TestCase("需要一个参数:文件夹 (folder)(expected one argument: 文件夹 (folder))。用法见 disclosure init --help。", "init")]
    [TestCase("需要两个参数:单位代码和期次,例如 disclosure new dongshan 2026-Q4(expected <unit> <period>)。用法见 disclosure new --help。", "new", "dongshan")]
    [TestCase("选项 --input 需要一个值(option --input needs a value)。用法见 disclosure build --help。", "build", "--input")]
    [TestCase("选项 --input 只能写一次(option --input given more than once)。用法见 disclosure check --help。", "check", "--input", "a", "--input", "b")]
    [TestCase("--format 只能是 text | github | json | markdown,而不是 'xml'。用法见 disclosure check --help。", "check", "--format", "xml")]
    [TestCase("--format 只能是 text | json,而不是 'markdown'。用法见 disclosure ledger verify --help。", "ledger", "verify", "--format", "markdown")]
    [TestCase("--lang 只能是 zh | en,而不是 'fr'。用法见 disclosure ledger record --help。", "ledger", "record", "--lang", "fr")]
    [TestCase("--as-of 的日期 '2026-13-01' 不对,请写成 YYYY-MM-DD(date must be YYYY-MM-DD)。用法见 disclosure check --help。", "check", "--as-of", "2026-13-01")]
    [TestCase("--as-of 的日期 '9999-12-31' 超出范围,应在 1900 年到 9000 年之间(date out of range)。用法见 disclosure build --help。", "build", "--as-of=9999-12-31")]
    [TestCase("--port 应是整数(must be a whole number): 'eighty'。用法见 disclosure preview --help。", "preview", "--port", "eighty")]
    [TestCase("--port 应在 1 到 65535 之间,而不是 65536。用法见 disclosure preview --help。", "preview", "--port", "65536")]
    [TestCase("--base-url 'ftp://x/' 不是以 http:// 或 https:// 开头的完整网址,例如 https://example.github.io/qingshi/。用法见 disclosure build --help。", "build", "--base-url", "ftp://x/")]
    [TestCase("--repo 'town' 的格式不对,应写成“所有者/仓库名”,例如 qingshi/disclosure。用法见 disclosure init --help。", "init", "x", "--repo", "town")]
    [TestCase("--head 应是您保存的 64 位十六进制链头 hash,而不是 'abc'。用法见 disclosure ledger verify --help。", "ledger", "verify", "--head", "abc")]
    public void A_mistake_is_one_Chinese_line_and_exit_2(string expected, params string[] args)
    {
        var run = TestSites.Run(args);
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Out, Is.Empty);
        Assert.That(run.Error, Is.EqualTo(expected + "\n"));
    }

    [Test]
    public void Double_dash_ends_the_options()
    {
        using var a = new Attack();

        // After --, a word that looks like an option is an argument: here a unit code the command looks up.
        var run = a.Run("new", "--input", "input", "--", "--csv", "2026-Q3");
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.StartWith("units.csv 里没有单位代码 '--csv'"));

        // Without --, the same word is the option.
        run = a.Run("new", "--input", "input", "--csv", "dongshan", "2026-Q3");
        Assert.That(run.Code, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out, Does.Contain("新建 ").And.Contain(".csv").And.Not.Contain(".xlsx"));

        // A command without arguments takes none, even after --.
        run = a.Run("check", "--input", "input", "--", "--format");
        Assert.That(run.Error, Does.StartWith("多余的参数:--format(unexpected argument)。"));
        Assert.That(run.Code, Is.EqualTo(2));

        // A folder whose name starts with a dash.
        run = a.Run("init", "--", "-town");
        Assert.That(run.Code, Is.EqualTo(0), run.ToString());
        Assert.That(File.Exists(a.Path("-town/input/site.yaml")), Is.True);
        Assert.That(run.Out, Does.StartWith("已在 -town 生成数据仓库"));
    }

    [Test]
    public void A_folder_named_like_a_response_file_is_a_folder()
    {
        using var a = new Attack();
        Directory.Move(a.Input, a.Path("@backup"));
        var run = a.Run("check", "--input", "@backup", "--as-of", "2026-11-24");
        Assert.That(run.Code, Is.EqualTo(0), run.ToString());
    }

    /// <summary>
    /// Relative paths and the defaults (<c>input</c>, <c>_site</c>) resolve against the context's working directory: the
    /// process's current directory is not changed by any test and holds no input folder.
    /// </summary>
    [Test]
    public void Relative_paths_and_defaults_resolve_against_the_working_directory()
    {
        Assert.That(Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "input")), Is.False, "the test runs where no input/ is");
        using var a = new Attack();
        var check = a.Run("check", "--as-of", "2026-11-24");
        Assert.That(check.Code, Is.EqualTo(0), check.ToString());

        var build = a.Run("build", "--as-of", "2026-11-24", "--no-search");
        Assert.That(build.Code, Is.EqualTo(0), build.ToString());
        Assert.That(File.Exists(a.Path("_site/index.html")), Is.True);
        Assert.That(build.Out, Does.Contain("网站在:" + a.Path("_site")).And.Contain("disclosure preview --input input,"));

        var elsewhere = TestSites.Run(["check", "--as-of", "2026-11-24"], workingDirectory: a.Path("_site"));
        Assert.That(elsewhere.Code, Is.EqualTo(2));
        Assert.That(elsewhere.Error, Is.EqualTo("输入文件夹 'input' 不存在。请用 --input 指定数据文件夹(默认 input)。\n"));
    }

    [Test]
    public void The_working_directory_is_never_replaced_by_a_build()
    {
        using var a = new Attack();
        var empty = a.Path("work");
        Directory.CreateDirectory(empty);
        var run = TestSites.Run(["build", "--input", a.Input, "--output", ".", "--as-of", "2026-11-24", "--no-search"], workingDirectory: empty);
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(Directory.Exists(empty), Is.True);
        Assert.That(Directory.EnumerateFileSystemEntries(empty), Is.Empty);
    }

    /// <summary>One message for a missing input folder, whichever command opens it (point 4's one "open the input" helper).</summary>
    [TestCase("check", "--as-of", "2026-11-24")]
    [TestCase("build", "--no-search", "--as-of", "2026-11-24")]
    [TestCase("preview", "--as-of", "2026-11-24")]
    [TestCase("ledger", "record", "--as-of", "2026-11-24")]
    [TestCase("ledger", "verify")]
    [TestCase("remind", "--dry-run", "--as-of", "2026-11-24")]
    [TestCase("new", "dongshan", "2026-Q3")]
    public void Every_command_reports_a_missing_input_folder_the_same_way(params string[] command)
    {
        using var a = new Attack();
        var run = a.Run([.. command, "--input", "nosuch"]);
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Is.EqualTo("输入文件夹 'nosuch' 不存在。请用 --input 指定数据文件夹(默认 input)。\n"));
        if (command is ["check", ..] or ["ledger", ..])
        {
            run = a.Run([.. command, "--input", "nosuch", "--lang", "en"]);
            Assert.That(run.Code, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Is.EqualTo("The input folder 'nosuch' does not exist.\n"));
        }
    }

    [Test]
    public void An_input_path_that_is_a_file_is_reported_as_missing_folder()
    {
        using var a = new Attack();
        var run = a.Run("check", "--input", "input/site.yaml");
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.StartWith("输入文件夹 'input/site.yaml' 不存在。"));
    }

    [GeneratedRegex("## Command line\n\n```\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeCommands();
}
