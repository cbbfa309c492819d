using DisclosureSite.Ledger;
using DisclosureSite.Loading;
using DisclosureSite.Validation;
using DisclosureSite.Validation.Output;
using DisclosureSite.Validation.Rules;

namespace DisclosureSite.Cli.Commands;

/// <summary><c>disclosure check</c>: load and validate an input folder and report every finding.</summary>
public static class CheckCommand
{
    private static readonly string[] Options = ["input", "as-of", "format", "lang", "ledger"];

    public static int Run(string[] args, CliContext context)
    {
        var a = new Arguments(args, Options, []);
        a.NoPositionals();
        var inputDir = a.Get("input", "input");
        var format = Enum.Parse<ReportFormat>(a.Choice("format", "text", "text", "github", "json", "markdown"), ignoreCase: true);
        var lang = a.Choice("lang", "zh", "zh", "en");
        a.Date("as-of");

        var timer = new Diagnostics.PhaseTimer(context.Error);
        var loaded = Load(inputDir, context, lang, useCache: true);
        timer.Lap("load");
        if (loaded is null)
        {
            return 2;
        }

        var asOf = a.AsOf(context.Clock, loaded.Input?.Settings.TimeZone ?? Model.SiteSettings.DefaultTimeZone);
        var ledger = loaded.Input is { } input ? LedgerStore.Load(input.Root, a.Get("ledger")) : LedgerState.Empty;
        var report = Validator.Check(loaded, asOf, ledger);
        timer.Lap("validate");
        var names = loaded.Input?.Units.ToDictionary(u => u.Id, u => u.Name);
        context.Out.Write(ReportWriter.Write(report, format, lang, names));
        timer.Lap("report");
        return report.HasErrors ? 1 : 0;
    }

    /// <summary>Loads the input folder; a folder that does not exist is exit code 2, with a clear message.</summary>
    public static LoadResult? Load(string inputDir, CliContext context, string lang, bool useCache = false)
    {
        if (!Directory.Exists(inputDir))
        {
            context.Error.WriteLine(lang == "en"
                ? $"The input folder '{inputDir}' does not exist."
                : $"输入文件夹 '{inputDir}' 不存在。请用 --input 指定数据文件夹(默认 input)。");
            return null;
        }

        try
        {
            return InputLoader.Load(inputDir, new LoadOptions { UseCache = useCache, Checks = DisclosureChecks.Instance });
        }
        catch (UnauthorizedAccessException e)
        {
            context.Error.WriteLine($"无法读取输入文件夹 '{inputDir}':{e.Message}");
            return null;
        }
    }
}
