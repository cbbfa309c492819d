using System.CommandLine;
using System.Globalization;
using DisclosureSite.Ledger;
using DisclosureSite.Site;
using DisclosureSite.Site.Render;
using DisclosureSite.Site.Write;
using DisclosureSite.Validation.Output;

namespace DisclosureSite.Cli.Commands;

/// <summary><c>disclosure build</c>: check, render and write the site atomically; input errors leave the previous site as it was.</summary>
public static class BuildCommand
{
    internal const string Name = "build";

    internal const string Description = "检查数据并生成网站;数据有错误时网站保持原样,退出码为 1";

    internal static Command Create(CliContext context)
    {
        var input = CliOptions.Input();
        var output = CliOptions.Output();
        var asOf = CliOptions.AsOf("把这一天当作“今天”生成网站(默认:网站时区的今天)");
        var baseUrl = CliOptions.Text("--base-url", "URL", "网站的完整网址,例如 https://example.github.io/qingshi/(默认:site.yaml 的 base_url)");
        var ledger = CliOptions.Text("--ledger", "文件", "发布记录文件(默认:数据文件夹旁边的 ledger/publications.jsonl)");
        var noSearch = CliOptions.Flag("--no-search", "不建搜索索引(不运行 Pagefind;网站没有搜索功能)");
        var verbose = CliOptions.Flag("--verbose", "列出每一步和它的用时、内存");
        var command = new Command(Name, Description) { input, output, asOf, baseUrl, ledger, noSearch, verbose };
        command.SetAction(p => Run(p.GetValue(input)!, p.GetValue(output)!, p.GetValue(asOf), p.GetValue(baseUrl), p.GetValue(ledger), !p.GetValue(noSearch), p.GetValue(verbose), context));
        return command;
    }

    private static int Run(string inputDir, string outputDir, DateOnly? asOfOption, string? baseUrl, string? ledgerPath, bool search, bool verbose, CliContext context)
    {
        var timer = new Diagnostics.PhaseTimer(context.Error);
        if (baseUrl is not null && !Model.SiteSettings.IsWebAddress(baseUrl))
        {
            throw new UsageException($"--base-url '{baseUrl}' 不是以 http:// 或 https:// 开头的完整网址,例如 https://example.github.io/qingshi/。");
        }

        if (CliInput.Open(inputDir, context) is not { } input)
        {
            return CommandLine.UsageError;
        }

        var options = new SiteOptions(input.Root, context.FullPath(outputDir), input.Today(asOfOption, context))
        {
            BaseUrl = baseUrl,
            Ledger = LedgerStore.Load(input.Root, ledgerPath is null ? null : context.FullPath(ledgerPath)),
            RunPagefind = search,
            WorkingDirectory = context.WorkingDirectory,
            StepStarted = verbose ? step => context.Error.WriteLine("step: " + step) : null,
        };
        CollectorHold.UntilExit(context, EditBudget.Of(options));
        var result = Build(options, context, out var failure);
        timer.Lap("build");
        if (result is not null && verbose)
        {
            foreach (var phase in result.Phases)
            {
                context.Out.WriteLine($"  {phase.Name,-24} {phase.Elapsed.TotalMilliseconds,8:0} ms {phase.WorkingSet / (1024 * 1024),6} MiB");
            }
        }

        if (result is null)
        {
            return failure;
        }

        if (!result.Succeeded)
        {
            return 1;
        }

        context.Out.WriteLine();
        context.Out.WriteLine($"预览:disclosure preview --input {input.Given},然后用浏览器打开 http://127.0.0.1:8080{input.BasePath()}");
        return 0;
    }

    /// <summary>Runs a build and reports it; null when the theme is broken or the output cannot be written (already reported).</summary>
    public static BuildResult? Build(SiteOptions options, CliContext context) => Build(options, context, out _);

    /// <summary>As above; <paramref name="failure"/> is the exit code when null is returned (1: broken theme, 2: output refused or not writable).</summary>
    /// <para>With <paramref name="session"/> (the preview), the build is the session's next one (<paramref name="options"/> are the session's, with the as-of date of this build).</para>
    public static BuildResult? Build(SiteOptions options, CliContext context, out int failure, SiteSession? session = null)
    {
        BuildResult result;
        failure = 0;
        try
        {
            result = session?.Build(options.AsOf) ?? SiteBuilder.Build(options);
        }
        catch (ThemeException e)
        {
            context.Error.WriteLine("主题出错,网站没有更新(the theme is broken; the site was not changed):");
            context.Error.WriteLine(e.Message);
            failure = 1;
            return null;
        }
        catch (ToolFolderRefusedException e)
        {
            context.Error.WriteLine(e.Text.Zh);
            failure = 2;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine(Model.Messages.OutputNotWritable(Path.GetFullPath(options.OutputRoot), e.Message).Zh);
            failure = 2;
            return null;
        }

        if (!result.Succeeded)
        {
            context.Out.Write(ReportWriter.Write(result.Report, ReportFormat.Text, "zh", null));
            context.Error.WriteLine($"输入数据有错误,网站没有更新;{Path.GetFullPath(options.OutputRoot)} 保持原样。请按上面的提示改正后再构建。");
            return result;
        }

        foreach (var warning in result.Warnings)
        {
            context.Error.WriteLine("提示:" + warning);
        }

        var kb = (result.Bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture);
        context.Out.WriteLine($"已生成 {result.Pages} 个页面(共 {result.Files} 个文件,{kb} KB),用时 {result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} 秒;数据截至 {options.AsOf:yyyy-MM-dd}。");
        context.Out.WriteLine($"网站在:{Path.GetFullPath(options.OutputRoot)}{(result.SearchIndexed ? "(含搜索索引)" : "(没有搜索索引:这次生成的网站没有搜索功能)")}");
        var s = result.Report.Summary;
        context.Out.WriteLine($"公开情况:按时 {s.OnTime} 项,逾期 {s.Late} 项,缺报 {s.Missing} 项,无此类事项 {s.Nil} 项;{s.Warnings} 条提醒(disclosure check 可看详情)。");
        return result;
    }
}
