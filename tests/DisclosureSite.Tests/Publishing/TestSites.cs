using System.Text;
using DisclosureSite.Cli;
using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Tests.Publishing;

/// <summary>Small input folders written on the fly, and a way to run the CLI the way a workflow step does.</summary>
internal static class TestSites
{
    public static string RepoRoot { get; } = FindRoot();

    public static string TempDir(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteDir(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        foreach (var f in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(f, FileAttributes.Normal);
        }

        Directory.Delete(path, recursive: true);
    }

    /// <summary>
    /// A township (clerk town-clerk) and two villages (ds-clerk, xb-clerk) covering 2026-Q3 onwards, with
    /// self-declared dates, standing information and nothing disclosed yet: at 2026-11-24 every Q3 item is 缺报.
    /// </summary>
    public static string WriteSmallSite(string input)
    {
        Directory.CreateDirectory(input);
        Write(input, "site.yaml", """
            name: 测试镇三务公开
            base_url: https://example.github.io/town/
            rules: sanwu
            since: 2026-Q3
            hotline: 0591-1234567
            repository: example/town
            dates_from: declared
            """);
        Write(input, "units.csv", """
            id,name,level,parent,division_code,clerk
            town,测试镇,township,,,town-clerk
            dongshan,东山村,village,town,,ds-clerk
            xiba,西坝村,village,town,,xb-clerk
            """);
        Write(input, "people.csv", """
            unit,role,name,phone,note
            dongshan,包村领导,张三,0591-1234501,
            xiba,包村领导,李四,0591-1234502,
            """);
        foreach (var v in new[] { "dongshan", "xiba" })
        {
            Write(input, $"units/{v}/duty.csv", "day,name,role,phone\n周一,王五,村党支部书记,0591-1234503\n");
            Write(input, $"units/{v}/commitments.md", "---\nyear: 2026\n---\n# 岗位承诺\n\n按时公开。\n");
        }

        return input;
    }

    /// <summary>Writes a nil report (无事项) for the given items (all the unit owes in the period when null).</summary>
    public static void WriteNilReports(string input, string unitId, string period, int? count = null)
    {
        var loaded = InputLoader.Load(input);
        var site = loaded.Input ?? throw new InvalidOperationException("input does not load");
        var unit = site.FindUnit(unitId)!;
        var p = Period.Parse(period);
        var items = site.Rules.ItemsFor(unit.Level).Where(i => i.IsRequiredIn(p)).ToList();
        foreach (var item in items.Take(count ?? items.Count))
        {
            Write(input, $"disclosures/{unitId}/{period}/{item.Id.Replace('.', '-')}.md",
                $"---\nitem: {item.Id}\npublished: 2026-10-10\nnil: 本期无此类事项\n---\n本期无此类事项。\n");
        }
    }

    /// <summary>
    /// What a clerk does with the files of <c>disclosure new --csv</c>: their own words instead of the 【】 placeholders,
    /// and a row in each table above its 合计 line (ledger: one income; roster: one masked household).
    /// </summary>
    public static void FillTemplates(string folder)
    {
        foreach (var md in Directory.GetFiles(folder, "*.md"))
        {
            var own = File.ReadAllLines(md, Encoding.UTF8).Select(l => l.StartsWith('【') ? "本期公开内容已经村务监督委员会审核。" : l);
            File.WriteAllText(md, string.Join('\n', own) + "\n", new UTF8Encoding(false));
        }

        foreach (var csv in Directory.GetFiles(folder, "*.csv"))
        {
            var row = csv.EndsWith("-roster.csv", StringComparison.Ordinal) ? "张*明,低保户,3,1200.00," : "2026/10/8,收到土地租金,租赁收入,800.00,,陈国强,记-001";
            var text = File.ReadAllText(csv, Encoding.UTF8).Replace("\n合计,", $"\n{row}\n合计,", StringComparison.Ordinal);
            File.WriteAllText(csv, text, new UTF8Encoding(true));
        }
    }

    public static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"), new UTF8Encoding(false));
    }

    /// <summary>
    /// Runs <c>disclosure …</c> in-process, with a fixed clock and environment; relative paths resolve against
    /// <paramref name="workingDirectory"/> (default: the process's current directory, which no test changes).
    /// </summary>
    public static CliRun Run(string[] args, IReadOnlyDictionary<string, string>? env = null, DateTimeOffset? now = null, string? workingDirectory = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var clock = new FixedClock(now ?? new DateTimeOffset(2026, 11, 23, 16, 10, 0, TimeSpan.Zero));
        var context = new CliContext(output, error, clock)
        {
            Environment = name => env is not null && env.TryGetValue(name, out var v) ? v : null,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        var code = CommandLine.Run(args, context);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DisclosureSite.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DisclosureSite.sln not found above the test directory");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>What a CLI run printed and returned.</summary>
internal sealed record CliRun(int Code, string Out, string Error)
{
    public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
