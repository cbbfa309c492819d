using System.Diagnostics;
using DisclosureSite.Corpus;
using DisclosureSite.Model;

namespace DisclosureSite.Cli.Commands;

/// <summary><c>disclosure corpus</c>: generate a synthetic county (and its Hugo twin) for benchmarks and tests.</summary>
public static class CorpusCommand
{
    private static readonly string[] Options = ["units", "years", "seed", "out", "hugo", "end-period"];

    public static int Run(string[] args, CliContext context)
    {
        var a = new Arguments(args, Options, []);
        a.NoPositionals();
        var units = a.Int("units") ?? 10;
        var years = a.Int("years") ?? 1;
        var seed = a.Int("seed") ?? 1;
        var outDir = a.Get("out") ?? throw new UsageException("需要 --out 指定输出文件夹(--out DIR is required)。");
        if (units is < 1 or > CorpusOptions.MaxVillages || years is < 1 or > 30)
        {
            throw new UsageException($"--units 应在 1..{CorpusOptions.MaxVillages},--years 应在 1..30 之间。");
        }

        Period? end = null;
        if (a.Get("end-period") is { } e)
        {
            end = Period.TryParse(e, out var p) && p.Kind == PeriodKind.Quarter && p.ToString() == e
                ? p
                : throw new UsageException($"--end-period 应是季度,例如 2026-Q3,而不是 '{e}'。");
        }

        var options = new CorpusOptions(units, years, seed, outDir, a.Get("hugo"), end);
        var watch = Stopwatch.StartNew();
        CorpusSummary summary;
        try
        {
            summary = CorpusGenerator.Generate(options);
        }
        catch (Site.Write.ToolFolderRefusedException ex)
        {
            context.Error.WriteLine(ex.Text.Zh);
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine(Messages.OutputNotWritable(Path.GetFullPath(outDir), ex.Message).Zh);
            return 2;
        }

        context.Out.WriteLine(
            $"corpus: {summary.Units} units, {summary.Disclosures} disclosures ({summary.Late} late, {summary.Missing} missing, {summary.Nil} nil), " +
            $"{summary.Decisions} decisions, {summary.Requests} 民情台账 matters, {summary.Files} files, {summary.Bytes / 1024.0 / 1024.0:F1} MiB" +
            (options.HugoDir is null ? string.Empty : $"; hugo: {summary.HugoFiles} files") +
            $" in {watch.Elapsed.TotalSeconds:F1} s → {Path.GetFullPath(outDir)}");
        return 0;
    }
}
