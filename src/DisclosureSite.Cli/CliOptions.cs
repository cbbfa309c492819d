using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace DisclosureSite.Cli;

/// <summary>A usage error found after parsing (a value that parses but cannot be used): exit code 2, one Chinese line.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The options the commands share, each with its Chinese help text, its default and its parser. A value that does not
/// parse is a parse error with the message written here (the library's own messages are English): the command never
/// runs, and the user gets one Chinese line and exit code 2.
/// </summary>
internal static class CliOptions
{
    public const string DefaultInput = "input";
    public const string DefaultOutput = "_site";

    public static Option<string> Input(string description = "数据文件夹,即放 site.yaml 的文件夹") => new("--input")
    {
        Description = description,
        DefaultValueFactory = _ => DefaultInput,
    };

    /// <summary>An <c>--input</c> without a default (<c>ledger verify</c>: a site can be verified without the data).</summary>
    public static Option<string?> OptionalInput(string description) => new("--input") { Description = description, HelpName = "文件夹" };

    public static Option<string> Output(string description = "网站生成到这个文件夹;只会整体替换本工具生成过的文件夹") => new("--output")
    {
        Description = description,
        DefaultValueFactory = _ => DefaultOutput,
    };

    public static Option<string?> Text(string name, string helpName, string description) => new(name) { Description = description, HelpName = helpName };

    public static Option<string> Text(string name, string helpName, string description, string fallback) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => fallback,
    };

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary><c>--as-of YYYY-MM-DD</c>: "today" for the command; absent means today in the site's time zone.</summary>
    public static Option<DateOnly?> AsOf(string description = "把这一天当作“今天”(默认:网站时区的今天)") => new("--as-of")
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = r => Date(r, "--as-of"),
    };

    public static Option<string> Lang() => Choice("--lang", "消息的语言:zh 中文,en 英文", "zh", "zh", "en");

    /// <summary>An option that takes one of <paramref name="choices"/>; its help name lists them (<c>text|json</c>).</summary>
    public static Option<string> Choice(string name, string description, string fallback, params string[] choices) => new(name)
    {
        Description = description,
        HelpName = string.Join('|', choices),
        DefaultValueFactory = _ => fallback,
        CustomParser = r =>
        {
            var v = Value(r) ?? fallback;
            if (!choices.Contains(v, StringComparer.Ordinal))
            {
                r.AddError($"{name} 只能是 {string.Join(" | ", choices)},而不是 '{v}'。");
            }

            return v;
        },
    };

    public static Option<int> Port() => new("--port")
    {
        Description = "预览服务器的端口,只在本机 127.0.0.1 上打开",
        DefaultValueFactory = _ => 8080,
        CustomParser = r =>
        {
            var v = Value(r);
            if (v is null)
            {
                return 8080;
            }

            if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                r.AddError($"--port 应是整数(must be a whole number): '{v}'");
                return 0;
            }

            if (n is < 1 or > 65535)
            {
                r.AddError($"--port 应在 1 到 65535 之间,而不是 {n}。");
            }

            return n;
        },
    };

    private static DateOnly? Date(ArgumentResult r, string name)
    {
        if (Value(r) is not { } v)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            r.AddError($"{name} 的日期 '{v}' 不对,请写成 YYYY-MM-DD(date must be YYYY-MM-DD)。");
            return null;
        }

        // Deadlines, feeds and time zones are computed around the date: keep it where every one of them exists.
        if (d.Year is < 1900 or > 9000)
        {
            r.AddError($"{name} 的日期 '{v}' 超出范围,应在 1900 年到 9000 年之间(date out of range)。");
            return null;
        }

        return d;
    }

    private static string? Value(ArgumentResult r) => r.Tokens.Count == 0 ? null : r.Tokens[^1].Value;
}
