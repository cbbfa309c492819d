using System.CommandLine;
using DisclosureSite.Ledger;
using DisclosureSite.Validation;
using DisclosureSite.Validation.Output;

namespace DisclosureSite.Cli.Commands;

/// <summary><c>disclosure check</c>: load and validate an input folder and report every finding.</summary>
public static class CheckCommand
{
    internal const string Name = "check";

    internal const string Description = "检查数据:列出每一处错误、逾期、缺报和提醒;有错误时退出码为 1";

    internal static Command Create(CliContext context)
    {
        var input = CliOptions.Input();
        var asOf = CliOptions.AsOf("把这一天当作“今天”来判断是否逾期、缺报(默认:网站时区的今天)");
        var format = CliOptions.Choice("--format", "报告格式:text 给人看,github 给 GitHub 工作流,json 给程序,markdown 给工作流摘要", "text", "text", "github", "json", "markdown");
        var lang = CliOptions.Lang();
        var ledger = CliOptions.Text("--ledger", "文件", "发布记录文件(默认:数据文件夹旁边的 ledger/publications.jsonl)");
        var command = new Command(Name, Description) { input, asOf, format, lang, ledger };
        command.SetAction(p => Run(
            p.GetValue(input)!,
            p.GetValue(asOf),
            Enum.Parse<ReportFormat>(p.GetValue(format)!, ignoreCase: true),
            p.GetValue(lang)!,
            p.GetValue(ledger),
            context));
        return command;
    }

    private static int Run(string inputDir, DateOnly? asOfOption, ReportFormat format, string lang, string? ledgerPath, CliContext context)
    {
        var timer = new Diagnostics.PhaseTimer(context.Error);
        var opened = CliInput.Open(inputDir, context, lang);
        if (opened is not null)
        {
            CollectorHold.UntilExit(context, Site.EditBudget.OfCheck(opened.Root));
        }

        var loaded = opened?.Load(context, lang, useCache: true);
        timer.Lap("load");
        if (loaded is null)
        {
            return CommandLine.UsageError;
        }

        var asOf = asOfOption ?? Model.SiteClock.Today(context.Clock, Model.SiteClock.Zone(loaded.Input?.Settings.TimeZone ?? Model.SiteSettings.DefaultTimeZone));
        var ledger = loaded.Input is { } input ? LedgerStore.Load(input.Root, ledgerPath is null ? null : context.FullPath(ledgerPath)) : LedgerState.Empty;
        var report = Validator.Check(loaded, asOf, ledger);
        timer.Lap("validate");
        var names = loaded.Input?.Units.ToDictionary(u => u.Id, u => u.Name);
        context.Out.Write(ReportWriter.Write(report, format, lang, names));
        timer.Lap("report");
        return report.HasErrors ? 1 : 0;
    }
}
