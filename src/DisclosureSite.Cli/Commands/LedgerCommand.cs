using DisclosureSite.Ledger;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Ledger;

namespace DisclosureSite.Cli.Commands;

/// <summary><c>disclosure ledger record|verify</c>: append to and verify the publication ledger (SPEC §7, docs/审计核验.md).</summary>
public static class LedgerCommand
{
    private static readonly string[] RecordOptions = ["input", "site", "as-of", "ledger", "lang"];
    private static readonly string[] VerifyOptions = ["input", "site", "ledger", "lang"];

    public static int Run(string[] args, CliContext context) => args.Length == 0
        ? throw new UsageException("需要子命令 record 或 verify(expected record or verify)。")
        : args[0] switch
        {
            "record" => Record(args[1..], context),
            "verify" => Verify(args[1..], context),
            _ => throw new UsageException($"未知的 ledger 子命令 '{args[0]}',只能是 record 或 verify。"),
        };

    private static int Record(string[] args, CliContext context)
    {
        var a = new Arguments(args, RecordOptions, []);
        a.NoPositionals();
        var lang = a.Choice("lang", "zh", "zh", "en");
        a.Date("as-of");
        var site = a.Get("site");
        var loaded = CheckCommand.Load(a.Get("input", "input"), context, lang);
        if (loaded is null)
        {
            return 2;
        }

        var asOf = a.AsOf(context.Clock, loaded.Input?.Settings.TimeZone ?? SiteSettings.DefaultTimeZone);
        var result = RecordPublication.Run(loaded, new Publishing.Ledger.RecordOptions(site, a.Get("ledger"), asOf, context.Clock));
        foreach (var f in result.Findings)
        {
            var place = f.File is null ? string.Empty : (f.Line is { } l ? $"{f.File}:{l}: " : $"{f.File}: ");
            context.Error.WriteLine($"{place}{f.Code}: {f.Text.In(lang)}");
        }

        foreach (var note in result.Notes)
        {
            (result.Outcome is RecordOutcome.Recorded or RecordOutcome.NothingNew ? context.Out : context.Error).WriteLine(note.In(lang));
        }

        return result.Outcome switch
        {
            RecordOutcome.Recorded or RecordOutcome.NothingNew => 0,
            _ => 1,
        };
    }

    private static int Verify(string[] args, CliContext context)
    {
        var a = new Arguments(args, VerifyOptions, []);
        a.NoPositionals();
        var lang = a.Choice("lang", "zh", "zh", "en");
        var input = a.Get("input");
        var site = a.Get("site");
        var ledger = a.Get("ledger") ?? LedgerStore.DefaultPath(input ?? "input");
        if (site is not null && !Directory.Exists(site))
        {
            context.Error.WriteLine(lang == "en" ? $"The site folder '{site}' does not exist." : $"网站文件夹 '{site}' 不存在。请用 --site 指定已发布网站的本地副本(例如 _site)。");
            return 2;
        }

        if (input is not null && !Directory.Exists(input))
        {
            context.Error.WriteLine(lang == "en" ? $"The input folder '{input}' does not exist." : $"输入文件夹 '{input}' 不存在。");
            return 2;
        }

        var report = VerifyPublication.Run(new VerifyOptions(ledger, site, input));
        context.Out.Write(VerifyReportText.Write(report, lang));
        return report.Passed ? 0 : 1;
    }
}

/// <summary>The plain-text verification report: one line per section, then each problem naming what broke.</summary>
public static class VerifyReportText
{
    private const int MaxProblemsPerSection = 30;

    public static string Write(VerifyReport report, string lang)
    {
        var en = lang == "en";
        var w = new StringWriter();
        w.WriteLine(en ? $"Ledger verification — {report.LedgerPath}" : $"发布记录核验 — {report.LedgerPath}");
        foreach (var s in report.Sections)
        {
            var mark = s.Status switch
            {
                VerifyStatus.Passed => en ? "[ok]     " : "[通过]  ",
                VerifyStatus.Failed => en ? "[FAILED] " : "[不通过]",
                _ => en ? "[skipped]" : "[跳过]  ",
            };
            w.WriteLine($"{mark} {s.Title.In(lang)}:{s.Summary.In(lang)}");
            foreach (var p in s.Problems.Take(MaxProblemsPerSection))
            {
                w.WriteLine($"         - {p.In(lang)}");
            }

            if (s.Problems.Count > MaxProblemsPerSection)
            {
                w.WriteLine(en ? $"         … and {s.Problems.Count - MaxProblemsPerSection} more" : $"         … 还有 {s.Problems.Count - MaxProblemsPerSection} 处");
            }
        }

        var seconds = report.Elapsed.TotalSeconds;
        w.WriteLine((report.Passed ? Messages.VerifyPassed(seconds) : Messages.VerifyFailed(report.Problems.Count(), seconds)).In(lang));
        return w.ToString();
    }
}
