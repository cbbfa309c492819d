using System.Diagnostics;
using System.Globalization;
using DisclosureSite.Model;

namespace DisclosureSite.Corpus;

/// <summary>
/// <c>disclosure-corpus</c>: generates a synthetic county (and its Hugo twin) for the benchmark (bench/run.sh) and the
/// tests. A developer's tool beside the product: the <c>disclosure</c> command does not carry it.
/// </summary>
public static class CorpusProgram
{
    public const string Usage = """
        disclosure-corpus — 生成用于基准测试的虚拟县数据 (synthetic county for the benchmark)

        用法 (usage):
          dotnet run --project tools/DisclosureSite.Corpus -- --out DIR [--units 10] [--years 1] [--seed 1] [--end-period 2026-Q3] [--hugo HUGODIR]

        退出码 (exit codes): 0 正常, 2 用法错误或输出文件夹不能用
        """;

    private static readonly string[] Options = ["units", "years", "seed", "out", "hugo", "end-period"];

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the generator; relative folders resolve against <paramref name="workingDirectory"/> (default: the current directory).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? workingDirectory = null)
    {
        workingDirectory ??= Directory.GetCurrentDirectory();
        if (args.Any(a => a is "-h" or "--help"))
        {
            stdout.WriteLine(Usage);
            return 0;
        }

        CorpusOptions options;
        try
        {
            options = Parse(args, workingDirectory);
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine(e.Message);
            stderr.WriteLine();
            stderr.WriteLine(Usage);
            return 2;
        }

        var watch = Stopwatch.StartNew();
        CorpusSummary summary;
        try
        {
            summary = CorpusGenerator.Generate(options);
        }
        catch (Site.Write.ToolFolderRefusedException ex)
        {
            stderr.WriteLine(ex.Text.Zh);
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(Messages.OutputNotWritable(Path.GetFullPath(options.OutputDir), ex.Message).Zh);
            return 2;
        }

        stdout.WriteLine(
            $"corpus: {summary.Units} units, {summary.Disclosures} disclosures ({summary.Late} late, {summary.Missing} missing, {summary.Nil} nil), " +
            $"{summary.Decisions} decisions, {summary.Requests} 民情台账 matters, {summary.Files} files, {summary.Bytes / 1024.0 / 1024.0:F1} MiB" +
            (options.HugoDir is null ? string.Empty : $"; hugo: {summary.HugoFiles} files") +
            $" in {watch.Elapsed.TotalSeconds:F1} s → {Path.GetFullPath(options.OutputDir)}");
        return 0;
    }

    private static CorpusOptions Parse(string[] args, string workingDirectory)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            if (name is null || !Options.Contains(name))
            {
                throw new ArgumentException($"未知参数 '{args[i]}'(unknown option)。");
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"--{name} 后面需要一个值(--{name} needs a value)。");
            }

            values[name] = args[++i];
        }

        int Int(string name, int fallback) =>
            !values.TryGetValue(name, out var text) ? fallback
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new ArgumentException($"--{name} 应是整数,而不是 '{text}'。");

        var units = Int("units", 10);
        var years = Int("years", 1);
        var seed = Int("seed", 1);
        var outDir = values.GetValueOrDefault("out") ?? throw new ArgumentException("需要 --out 指定输出文件夹(--out DIR is required)。");
        if (units is < 1 or > CorpusOptions.MaxVillages || years is < 1 or > 30)
        {
            throw new ArgumentException($"--units 应在 1..{CorpusOptions.MaxVillages},--years 应在 1..30 之间。");
        }

        Period? end = null;
        if (values.GetValueOrDefault("end-period") is { } e)
        {
            end = Period.TryParse(e, out var p) && p.Kind == PeriodKind.Quarter && p.ToString() == e
                ? p
                : throw new ArgumentException($"--end-period 应是季度,例如 2026-Q3,而不是 '{e}'。");
        }

        var hugo = values.GetValueOrDefault("hugo");
        return new CorpusOptions(units, years, seed, Path.GetFullPath(outDir, workingDirectory), hugo is null ? null : Path.GetFullPath(hugo, workingDirectory), end)
        {
            WorkingDirectory = workingDirectory,
        };
    }
}
