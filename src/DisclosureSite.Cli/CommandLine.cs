using System.CommandLine;
using System.CommandLine.Parsing;
using DisclosureSite.Cli.Commands;
using DisclosureSite.Model;

namespace DisclosureSite.Cli;

/// <summary>The environment a command runs in: output streams, the clock and the working directory (all injected, so tests need no process-wide state).</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, TimeProvider Clock)
{
    /// <summary>Reads an environment variable (GITHUB_TOKEN, GITHUB_SERVER_URL …); tests replace it.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>
    /// The folder that relative paths on the command line (<c>--input input</c>, <c>--output _site</c>, <c>init town</c>)
    /// are resolved against: the process's current directory, unless the caller gives another. Commands hand only full
    /// paths to the library, so nothing depends on the process's current directory.
    /// </summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>
    /// The command is the whole process (<see cref="Program.Main"/>), not one of many in a host (the tests): it may set what
    /// belongs to the process, such as the collector's mode (<see cref="CollectorHold"/>).
    /// </summary>
    public bool OwnsProcess { get; init; }

    /// <summary>A path from the command line as a full path (relative ones against <see cref="WorkingDirectory"/>).</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);
}

/// <summary>
/// <c>disclosure &lt;command&gt;</c>: the command tree (System.CommandLine) of the commands in Commands/. Every option,
/// default and help text is declared once, in the command's <c>Create</c>; the usage lines, the per-command help
/// (<c>disclosure build --help</c>) and the README's command list are generated from the tree (<see cref="CliHelp"/>).
/// A usage error is one Chinese line on standard error and exit code 2, never the library's English text.
/// </summary>
public static class CommandLine
{
    /// <summary>Exit code of a usage error (also: an input folder that cannot be read, an output folder refused).</summary>
    public const int UsageError = 2;

    private static readonly ParserConfiguration Parsing = new()
    {
        // A clerk's folder may start with @ (e.g. "@备份"): it is a name, not a response file.
        ResponseFileTokenReplacer = null,
        EnablePosixBundling = false,
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CliContext(stdout, stderr, TimeProvider.System));

    public static int Run(string[] args, CliContext context)
    {
        args = Aliases(args);
        var tree = CommandTree.Create(context, args);
        var parse = tree.Root.Parse(args, Parsing);
        var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        if (parse.Action is CliHelp.HelpWriter)
        {
            return parse.Invoke(invocation);
        }

        if (UsageMessage(parse, args, tree) is { } message)
        {
            context.Error.WriteLine(WithHint(message, parse.CommandResult.Command));
            return UsageError;
        }

        try
        {
            return parse.Invoke(invocation);
        }
        catch (UsageException e)
        {
            context.Error.WriteLine(WithHint(e.Message, parse.CommandResult.Command));
            return UsageError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The last line of defence (issue 12): no stack trace reaches a user. Every known bad input is a finding or a
            // message before this; what lands here is a bug, told in one line that can be reported.
            context.Error.WriteLine(Messages.Unexpected(e.GetType().Name, e.Message).Zh);
            return UsageError;
        }
    }

    /// <summary><c>disclosure help [command …]</c> and <c>disclosure version</c>, kept from the first versions of the tool.</summary>
    private static string[] Aliases(string[] args) => args switch
    {
        ["version"] => ["--version"],
        ["help", .. var rest] => [.. rest, "--help"],
        _ => args,
    };

    /// <summary>The one Chinese line that says what is wrong with the command line, or null when it parsed.</summary>
    internal static string? UsageMessage(ParseResult parse, string[] args, CommandTree tree)
    {
        if (parse.Errors.Count == 0 && parse.UnmatchedTokens.Count == 0 && parse.CommandResult.Command.Arguments.Count == 0)
        {
            return null;
        }

        var doubleDash = Array.IndexOf(args, "--");
        bool BeforeDoubleDash(string token) => doubleDash < 0 || Array.IndexOf(args, token) is var i && i >= 0 && i < doubleDash;
        bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-' && BeforeDoubleDash(token);
        var command = parse.CommandResult.Command;

        // An unknown --name is taken by the library for an argument when the command has arguments: it never is one here.
        var arguments = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value);
        foreach (var token in parse.UnmatchedTokens.Concat(arguments))
        {
            if (LooksLikeOption(token))
            {
                return $"未知选项 {token.Split('=')[0]}(unknown option)。";
            }
        }

        if (parse.UnmatchedTokens.Count > 0)
        {
            var first = parse.UnmatchedTokens[0];
            if (command.Subcommands.Count > 0)
            {
                return command == tree.Root
                    ? $"未知命令 '{first}'(unknown command)。"
                    : $"未知的 {command.Name} 子命令 '{first}',只能是 {Or(command, "、", " 或 ")}。";
            }

            return $"多余的参数:{string.Join(' ', parse.UnmatchedTokens)}(unexpected argument)。";
        }

        foreach (var error in parse.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult option when option.Tokens.Count == 0:
                    return $"选项 {option.Option.Name} 需要一个值(option {option.Option.Name} needs a value)。";
                case OptionResult option when option.IdentifierTokenCount > 1:
                    return $"选项 {option.Option.Name} 只能写一次(option {option.Option.Name} given more than once)。";
                case OptionResult or ArgumentResult { Parent: OptionResult }:
                    return error.Message; // written by CliOptions' parsers, in Chinese
                case ArgumentResult { Parent: CommandResult owner } when tree.MissingArguments.TryGetValue(owner.Command, out var missing):
                    return missing;
                case CommandResult { Command.Subcommands.Count: > 0 } parent:
                    return $"需要子命令 {Or(parent.Command, "、", " 或 ")}(expected {Or(parent.Command, ", ", " or ")})。";
            }
        }

        return parse.Errors.Count > 0 ? $"命令行写法不对:{parse.Errors[0].Message}" : null;
    }

    /// <summary>The message and where to read the command's usage, on one line.</summary>
    private static string WithHint(string message, Command command)
    {
        message = message.TrimEnd();
        return $"{message}{(message.EndsWith('。') ? string.Empty : "。")}用法见 {CliHelp.PathOf(command)} --help。";
    }

    private static string Or(Command command, string separator, string or)
    {
        var names = command.Subcommands.Select(c => c.Name).ToList();
        return names.Count == 1 ? names[0] : string.Join(separator, names[..^1]) + or + names[^1];
    }
}

/// <summary>The <c>disclosure</c> command and its subcommands, with their actions bound to one <see cref="CliContext"/>.</summary>
internal sealed class CommandTree
{
    private CommandTree(Command root) => Root = root;

    public Command Root { get; }

    /// <summary>The message when a command's arguments are missing (<c>init</c> without a folder …).</summary>
    public Dictionary<Command, string> MissingArguments { get; } = [];

    /// <summary>The tree for <paramref name="args"/> (the whole tree when null).</summary>
    public static CommandTree Create(CliContext context, IReadOnlyList<string>? args = null)
    {
        var root = new Command(CliHelp.Tool, "三务公开站点工具 (DisclosureSite):检查数据、生成网站、登记和核验发布记录、提醒各单位按时公开。");
        var tree = new CommandTree(root);
        var help = CliHelp.Option();
        var version = new Option<bool>("--version") { Description = "显示版本号", Arity = ArgumentArity.Zero };
        root.Options.Add(help);
        root.Options.Add(version);
        (string Name, string Description, Func<Command> Create)[] commands =
        [
            (CheckCommand.Name, CheckCommand.Description, () => CheckCommand.Create(context)),
            (BuildCommand.Name, BuildCommand.Description, () => BuildCommand.Create(context)),
            (PreviewCommand.Name, PreviewCommand.Description, () => PreviewCommand.Create(context)),
            (LedgerCommand.Name, LedgerCommand.Description, () => LedgerCommand.Create(context)),
            (RemindCommand.Name, RemindCommand.Description, () => RemindCommand.Create(context)),
            (InitCommand.Name, InitCommand.Description, () => InitCommand.Create(context, tree.MissingArguments)),
            (NewCommand.Name, NewCommand.Description, () => NewCommand.Create(context, tree.MissingArguments)),
        ];

        // Start-up: when the command line names a command, only that one is made with its options (the others are
        // names the parser needs to tell them apart; --version needs none); help, an unknown command and the tests get
        // the whole tree.
        var only = args is [var first, ..] && (first == "--version" || commands.Any(c => c.Name == first)) ? first : null;
        foreach (var (name, description, create) in commands)
        {
            root.Subcommands.Add(only is null || only == name ? create() : new Command(name, description));
        }

        root.SetAction(parse =>
        {
            if (parse.GetValue(version))
            {
                context.Out.WriteLine("disclosure " + ToolInfo.Version);
                return 0;
            }

            // `disclosure` alone: the usage, on standard error, as a usage error.
            CliHelp.Write(root, context.Error);
            return CommandLine.UsageError;
        });
        return tree;
    }
}
