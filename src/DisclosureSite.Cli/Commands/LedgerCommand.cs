using DisclosureSite.Ledger;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Ledger;

namespace DisclosureSite.Cli.Commands;

/// <summary><c>disclosure ledger record|anchor|verify</c>: append to, anchor and verify the publication ledger (SPEC §7, docs/审计核验.md).</summary>
public static class LedgerCommand
{
    private static readonly string[] RecordOptions = ["input", "site", "as-of", "ledger", "lang"];
    private static readonly string[] VerifyOptions = ["input", "site", "ledger", "lang", "head", "format"];
    private static readonly string[] AnchorOptions = ["input", "ledger", "lang"];

    public static int Run(string[] args, CliContext context) => args.Length == 0
        ? throw new UsageException("需要子命令 record、anchor 或 verify(expected record, anchor or verify)。")
        : args[0] switch
        {
            "record" => Record(args[1..], context),
            "anchor" => Anchor(args[1..], context),
            "verify" => Verify(args[1..], context),
            _ => throw new UsageException($"未知的 ledger 子命令 '{args[0]}',只能是 record、anchor 或 verify。"),
        };

    private static int Record(string[] args, CliContext context)
    {
        var a = new Arguments(args, RecordOptions, []);
        a.NoPositionals();
        var lang = a.Choice("lang", "zh", "zh", "en");
        var asOf = a.Date("as-of");
        var site = a.Get("site");
        var loaded = CheckCommand.Load(a.Get("input", "input"), context, lang);
        if (loaded is null)
        {
            return 2;
        }

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
        var a = new Arguments(args, VerifyOptions, ["rebuild"]);
        a.NoPositionals();
        var lang = a.Choice("lang", "zh", "zh", "en");
        var format = a.Choice("format", "text", "text", "json");
        var input = a.Get("input");
        var site = a.Get("site");
        var ledger = a.Get("ledger") ?? LedgerStore.DefaultPath(input ?? "input");
        var head = a.Get("head");
        if (head is not null && !System.Text.RegularExpressions.Regex.IsMatch(head.Trim(), "^[0-9a-fA-F]{64}$"))
        {
            throw new UsageException($"--head 应是您保存的 64 位十六进制链头 hash,而不是 '{head}'。");
        }

        if (a.Flag("rebuild") && (site is null || input is null))
        {
            throw new UsageException("--rebuild 需要 --site(已发布网站的副本)和 --input(数据仓库里的数据文件夹)。");
        }

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

        var report = VerifyPublication.Run(new Publishing.Ledger.VerifyOptions(ledger, site, input)
        {
            KeptHead = head,
            Rebuilder = a.Flag("rebuild") ? Site.SiteBuilder.Rebuilder() : null,
            Clock = context.Clock,
        });
        context.Out.Write(format == "json" ? VerifyReportText.Json(report) : VerifyReportText.Write(report, lang));
        return report.Passed ? 0 : 1;
    }

    private static int Anchor(string[] args, CliContext context)
    {
        var a = new Arguments(args, AnchorOptions, []);
        a.NoPositionals();
        var lang = a.Choice("lang", "zh", "zh", "en");
        var ledger = a.Get("ledger") ?? LedgerStore.DefaultPath(a.Get("input", "input"));
        var result = LedgerAnchor.Create(ledger);
        (result.Ok ? context.Out : context.Error).WriteLine(result.Message.In(lang));
        if (result.Ok && context.Environment("GITHUB_OUTPUT") is { Length: > 0 } outputs)
        {
            File.AppendAllText(outputs, $"tag={result.Tag}\nhead={result.Head!.Hash}\nseq={result.Head.Seq}\n");
        }

        return result.Ok ? 0 : 1;
    }
}

/// <summary>
/// The verdict an auditor attaches to a report: one page, in Chinese, saying what was checked, the chain head and its
/// time, the site copy and its manifest, each check with what broke, and the result; or the same as JSON for tools.
/// </summary>
public static class VerifyReportText
{
    private const int MaxProblemsPerSection = 30;

    public static string Write(VerifyReport report, string lang)
    {
        var en = lang == "en";
        var w = new StringWriter();
        w.WriteLine(en ? "Publication ledger verification" : "三务公开发布记录核验结论");
        w.WriteLine((en ? "Checked at:    " : "核验时间:") + Time(report.CheckedAt, report.Head));
        w.WriteLine((en ? "Ledger:        " : "发布记录:") + $"{report.LedgerPath}" + (en ? $" ({report.Entries} entries)" : $"(共 {report.Entries} 条)"));
        if (report.Head is { } head)
        {
            w.WriteLine((en ? "Chain head:    " : "链头:") + (en ? $"entry {head.Seq}, published {head.PublishedAtLocal}" : $"第 {head.Seq} 条,发布于 {head.PublishedAtLocal}"));
            w.WriteLine("              " + head.Hash);
        }

        if (report.SiteRoot is { } site)
        {
            w.WriteLine((en ? "Site copy:     " : "网站副本:") + site + (report.ManifestSha256 is { } m
                ? (en ? $", manifest SHA-256 {m}" : $",清单 SHA-256 {m}") + (report.BoundSeq is { } b ? (en ? $", recorded by entry {b}" : $",由第 {b} 条登记") : (en ? ", recorded by no entry" : ",没有任何记录登记"))
                : string.Empty));
        }

        if (report.InputRoot is { } input)
        {
            w.WriteLine((en ? "Data:          " : "数据仓库:") + input);
        }

        w.WriteLine();
        w.WriteLine(en ? "What was checked:" : "检查项目:");
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

        w.WriteLine();
        var seconds = report.Elapsed.TotalSeconds;
        w.WriteLine((report.Passed ? Messages.VerifyPassed(seconds) : Messages.VerifyFailed(report.Problems.Count(), seconds)).In(lang));
        if (report.Head is { } kept)
        {
            w.WriteLine(en
                ? $"Keep this page, or at least the chain head above. Next time, run verify with --head {kept.Hash}: any rewrite of what is recorded now will show."
                : $"请保存本页,至少保存上面的链头 hash。下次核验时加上 --head {kept.Hash},此后对现有记录的任何改写都会被发现。");
        }

        return w.ToString();
    }

    public static string Json(VerifyReport report)
    {
        var value = new
        {
            result = report.Passed ? "passed" : "failed",
            checked_at = report.CheckedAt.UtcDateTime.ToString(CanonicalJson.UtcTimeFormat, System.Globalization.CultureInfo.InvariantCulture),
            ledger = new
            {
                path = report.LedgerPath,
                entries = report.Entries,
                head = report.Head is { } h ? new { seq = h.Seq, hash = h.Hash, published_at_utc = h.PublishedAtUtc, published_at_local = h.PublishedAtLocal } : null,
            },
            site = report.SiteRoot is null ? null : new { path = report.SiteRoot, manifest_sha256 = report.ManifestSha256, recorded_by_seq = report.BoundSeq },
            input = report.InputRoot,
            checks = report.Sections.Select(s => new
            {
                key = s.Key,
                title = s.Title.Zh,
                status = s.Status switch { VerifyStatus.Passed => "passed", VerifyStatus.Failed => "failed", _ => "skipped" },
                summary = s.Summary.Zh,
                problems = s.Problems.Select(p => p.Zh),
            }),
            elapsed_seconds = Math.Round(report.Elapsed.TotalSeconds, 3),
        };
        return System.Text.Json.JsonSerializer.Serialize(value, JsonOptions) + "\n";
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The time in the offset the ledger uses (the site's time zone), else UTC.</summary>
    private static string Time(DateTimeOffset at, LedgerEntry? head) =>
        (head is null ? at : at.ToOffset(head.PublishedAt.Offset)).ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture);
}
