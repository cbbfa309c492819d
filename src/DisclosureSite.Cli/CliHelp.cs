using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;

namespace DisclosureSite.Cli;

/// <summary>
/// The help the clerks read, in Chinese, generated from the command tree: the library parses <c>--help</c> (and
/// <c>-h</c>, <c>-?</c>) under any command and runs <see cref="Action"/>, which writes that command's help from its
/// symbols; the titles are ours (the library's own help is English and its layout cannot be changed). The usage lines
/// (<see cref="Synopsis"/>) are written from each command's options and arguments, so they cannot drift from what
/// the parser accepts; the README's command list is the root's usage and a test compares the two.
/// </summary>
internal static class CliHelp
{
    public const string Tool = "disclosure";

    public const string ExitCodes = "退出码 (exit codes): 0 正常, 1 有错误, 2 用法错误或输入文件夹无法读取, 3 GitHub 接口出错 (remind)";

    /// <summary>What <c>--help</c> does: writes the help of the command it was given to, to standard output.</summary>
    public static SynchronousCommandLineAction Action() => new HelpWriter();

    /// <summary>Writes the help of <paramref name="command"/>.</summary>
    public static void Write(Command command, TextWriter output)
    {
        var sections = new Func<Command, TextWriter, bool>[] { Title, Usage, Arguments, Options, Subcommands, Footer };
        var first = true;
        foreach (var section in sections)
        {
            var text = new StringWriter();
            if (!section(command, text))
            {
                continue;
            }

            if (!first)
            {
                output.WriteLine();
            }

            output.Write(text.ToString());
            first = false;
        }
    }

    /// <summary>The usage lines of a command: one per command that runs, for <paramref name="command"/> and every command below it.</summary>
    public static IEnumerable<string> Synopsis(Command command)
    {
        if (command.Parents.Any())
        {
            foreach (var line in command.Subcommands.SelectMany(Synopsis))
            {
                yield return line;
            }

            if (command.Subcommands.Count == 0 || command.Action is not null)
            {
                yield return Line(command);
            }

            yield break;
        }

        foreach (var line in command.Subcommands.SelectMany(Synopsis))
        {
            yield return line;
        }

        yield return $"{Tool} --version";
    }

    /// <summary><c>disclosure ledger verify</c> for the verify command.</summary>
    public static string PathOf(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
        {
            names.Add(c.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static string Line(Command command)
    {
        var parts = new List<string> { PathOf(command) };
        parts.AddRange(command.Arguments.Select(a => $"<{a.Name}>"));
        parts.AddRange(command.Options.Where(o => o is not HelpOption && !o.Hidden).Select(o => $"[{o.Name}{ValueText(o)}]"));
        return string.Join(' ', parts);
    }

    /// <summary>What the usage line shows as an option's value: its help name (choices, a placeholder), else its default (<c>[--input input]</c>).</summary>
    private static string ValueText(Option option)
    {
        if (option.Arity.MaximumNumberOfValues == 0)
        {
            return string.Empty;
        }

        if (option.HelpName is { } name && name.Contains('|', StringComparison.Ordinal))
        {
            return " " + name;
        }

        return " " + (option.HelpName ?? Default(option) ?? "VALUE");
    }

    private static string? Default(Option option) =>
        option.HasDefaultValue && option.GetDefaultValue() is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static bool Title(Command c, TextWriter output)
    {
        output.WriteLine(c.Parents.Any() ? $"{PathOf(c)}:{c.Description}" : $"{Tool} — {c.Description}");
        return true;
    }

    private static bool Usage(Command command, TextWriter output)
    {
        output.WriteLine("用法 (usage):");
        foreach (var line in Synopsis(command))
        {
            output.WriteLine("  " + line);
        }

        if (command.Subcommands.Count > 0)
        {
            output.WriteLine($"  {PathOf(command)} <命令> --help    (看一个命令的说明和全部选项)");
        }

        return true;
    }

    private static bool Arguments(Command command, TextWriter output) =>
        Section(output, "参数:", command.Arguments.Where(a => !a.Hidden).Select(a => ($"<{a.Name}>", a.Description ?? string.Empty)));

    private static bool Options(Command command, TextWriter output)
    {
        var options = command.Options.Where(o => o is not HelpOption && !o.Hidden).Append(HelpOf(command));
        return Section(output, "选项:", options.Select(o => (Label(o), Describe(o))));
    }

    /// <summary>The help option, declared once on the root and recursive (it applies to every command).</summary>
    private static HelpOption HelpOf(Command command)
    {
        while (command.Parents.FirstOrDefault() is Command parent)
        {
            command = parent;
        }

        return command.Options.OfType<HelpOption>().First();
    }

    private static string Label(Option option)
    {
        var names = option.Aliases.Order(StringComparer.Ordinal).Append(option.Name);
        var value = option.Arity.MaximumNumberOfValues == 0 ? string.Empty : $" <{option.HelpName ?? Default(option) ?? "VALUE"}>";
        return string.Join(", ", names) + value;
    }

    private static string Describe(Option option) =>
        (option.Description ?? string.Empty) + (option.Arity.MaximumNumberOfValues > 0 && Default(option) is { } d ? $"(默认:{d})" : string.Empty);

    private static bool Subcommands(Command command, TextWriter output) =>
        Section(output, "命令:", command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, c.Description ?? string.Empty)));

    private static bool Footer(Command command, TextWriter output)
    {
        output.WriteLine(ExitCodes);
        return true;
    }

    /// <summary>A titled list of two columns, the second aligned (a Chinese character takes two columns of a terminal).</summary>
    private static bool Section(TextWriter output, string title, IEnumerable<(string First, string Second)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return false;
        }

        output.WriteLine(title);
        var width = list.Max(r => Width(r.First)) + 2;
        foreach (var (first, second) in list)
        {
            output.WriteLine(("  " + first + new string(' ', width - Width(first)) + second).TrimEnd());
        }

        return true;
    }

    private static int Width(string text) => text.Sum(c => c >= '\u1100' && (c <= '\u115F' || c >= '\u2E80') ? 2 : 1);

    internal sealed class HelpWriter : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
            return 0;
        }
    }
}
