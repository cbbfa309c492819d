using DisclosureSite.Cli.Commands;
using DisclosureSite.Model;

namespace DisclosureSite.Cli;

/// <summary>The environment a command runs in: output streams and the clock (injected, so tests can fix "today").</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, TimeProvider Clock)
{
    /// <summary>Reads an environment variable (GITHUB_TOKEN, GITHUB_SERVER_URL …); tests replace it.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}

/// <summary>Dispatches <c>disclosure &lt;command&gt;</c> to the commands in Commands/.</summary>
public static class CommandLine
{
    public const string Usage = """
        disclosure — 三务公开站点工具 (DisclosureSite)

        用法 (usage):
          disclosure check   [--input input] [--as-of YYYY-MM-DD] [--format text|github|json|markdown] [--lang zh|en] [--ledger PATH]
          disclosure build   [--input input] [--output _site] [--as-of YYYY-MM-DD] [--base-url URL] [--ledger PATH] [--no-search] [--verbose]
          disclosure preview [--input input] [--output _site] [--as-of YYYY-MM-DD] [--port 8080]
          disclosure ledger record [--input input] [--site _site] [--as-of YYYY-MM-DD] [--ledger ledger/publications.jsonl]
          disclosure ledger anchor [--input input] [--ledger ledger/publications.jsonl]
          disclosure ledger verify [--input input] [--site _site] [--ledger ledger/publications.jsonl] [--head HASH] [--rebuild] [--format text|json]
          disclosure remind  [--repo owner/name] [--input input] [--as-of YYYY-MM-DD] [--dry-run] [--api-url URL]
          disclosure init    <folder> [--name 网站名称] [--repo owner/name]
          disclosure new     <unit> <period> [--input input] [--csv]

          disclosure --version

        退出码 (exit codes): 0 正常, 1 有错误, 2 用法错误或输入文件夹无法读取, 3 GitHub 接口出错 (remind)
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CliContext(stdout, stderr, TimeProvider.System));

    public static int Run(string[] args, CliContext context)
    {
        if (args is ["--version"] or ["version"])
        {
            context.Out.WriteLine("disclosure " + ToolInfo.Version);
            return 0;
        }

        if (args.Length == 0 || args[0] is "help" || args.Any(a => a is "-h" or "--help"))
        {
            (args.Length == 0 ? context.Error : context.Out).WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            return args[0] switch
            {
                "check" => CheckCommand.Run(args[1..], context),
                "build" => BuildCommand.Run(args[1..], context),
                "preview" => PreviewCommand.Run(args[1..], context),
                "ledger" => LedgerCommand.Run(args[1..], context),
                "remind" => RemindCommand.Run(args[1..], context),
                "init" => InitCommand.Run(args[1..], context),
                "new" => NewCommand.Run(args[1..], context),
                _ => throw new UsageException($"未知命令 '{args[0]}'(unknown command)。"),
            };
        }
        catch (UsageException e)
        {
            context.Error.WriteLine(e.Message);
            context.Error.WriteLine();
            context.Error.WriteLine(Usage);
            return 2;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The last line of defence (issue 12): no stack trace reaches a user. Every known bad input is a finding or a
            // message before this; what lands here is a bug, told in one line that can be reported.
            context.Error.WriteLine(Model.Messages.Unexpected(e.GetType().Name, e.Message).Zh);
            return 2;
        }
    }
}
