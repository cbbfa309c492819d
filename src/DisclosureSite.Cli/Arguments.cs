using System.Globalization;
using DisclosureSite.Model;

namespace DisclosureSite.Cli;

/// <summary>A usage error: wrong option or value. Exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// A small, strict parser for <c>--name value</c>, <c>--name=value</c>, flags and positionals.
/// Unknown options are usage errors, never silently ignored.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    public Arguments(IEnumerable<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a == "--")
            {
                _positionals.Add(a);
                continue;
            }

            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? a[2..eq] : a[2..];
            if (flags.Contains(name))
            {
                _options[name] = null;
                continue;
            }

            if (!valueOptions.Contains(name))
            {
                throw new UsageException($"未知选项 --{name}(unknown option)。");
            }

            if (eq > 0)
            {
                _options[name] = a[(eq + 1)..];
            }
            else if (i + 1 < list.Count)
            {
                _options[name] = list[++i];
            }
            else
            {
                throw new UsageException($"选项 --{name} 需要一个值(option --{name} needs a value)。");
            }
        }
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public bool Flag(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v : null;

    public string Get(string name, string fallback) => Get(name) ?? fallback;

    public DateOnly? Date(string name)
    {
        var v = Get(name);
        if (v is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            throw new UsageException($"--{name} 的日期 '{v}' 不对,请写成 YYYY-MM-DD(date must be YYYY-MM-DD)。");
        }

        // Deadlines, feeds and time zones are computed around the date: keep it where every one of them exists.
        return d.Year is >= 1900 and <= 9000
            ? d
            : throw new UsageException($"--{name} 的日期 '{v}' 超出范围,应在 1900 年到 9000 年之间(date out of range)。");
    }

    public int? Int(string name)
    {
        var v = Get(name);
        if (v is null)
        {
            return null;
        }

        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new UsageException($"--{name} 应是整数(must be a whole number): '{v}'");
    }

    public string Choice(string name, string fallback, params string[] choices)
    {
        var v = Get(name) ?? fallback;
        return choices.Contains(v) ? v : throw new UsageException($"--{name} 只能是 {string.Join(" | ", choices)},而不是 '{v}'。");
    }

    public string Single(string what)
    {
        return _positionals.Count == 1 ? _positionals[0] : throw new UsageException($"需要一个参数:{what}(expected one argument: {what})。");
    }

    public void NoPositionals()
    {
        if (_positionals.Count > 0)
        {
            throw new UsageException($"多余的参数:{string.Join(' ', _positionals)}(unexpected argument)。");
        }
    }

    /// <summary>"Today" for a command: <c>--as-of</c>, else today in the site's time zone.</summary>
    public DateOnly AsOf(TimeProvider clock, string timeZone) =>
        Date("as-of") ?? SiteClock.Today(clock, SiteClock.Zone(timeZone));
}
