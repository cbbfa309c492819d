using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DisclosureSite.Ledger;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Ledger;

namespace DisclosureSite.Cli.Commands;

/// <summary><c>disclosure ledger record|anchor|verify</c>: append to, anchor and verify the publication ledger (SPEC §7, docs/审计核验.md).</summary>
public static class LedgerCommand
{
    internal const string Name = "ledger";

    internal const string Description = "发布记录(给审计的哈希链):登记一次发布、打锚点标签、核验网站和记录";

    private const string LedgerHelp = "发布记录文件(默认:数据文件夹旁边的 ledger/publications.jsonl)";

    internal static Command Create(CliContext context)
    {
        var command = new Command(Name, Description);
        command.Subcommands.Add(RecordCommand(context));
        command.Subcommands.Add(AnchorCommand(context));
        command.Subcommands.Add(VerifyCommand(context));
        return command;
    }

    private static Command RecordCommand(CliContext context)
    {
        var input = CliOptions.Input();
        var site = CliOptions.Text("--site", "文件夹", "刚生成、要部署的网站文件夹(登记它的清单 SHA-256)");
        var asOf = CliOptions.AsOf("生成网站时用的日期(与 build 的 --as-of 相同;不同时拒绝登记)");
        var ledger = CliOptions.Text("--ledger", "文件", LedgerHelp);
        var lang = CliOptions.Lang();
        var command = new Command("record", "把这次发布(新事项、修订、撤回和网站清单)追加到发布记录") { input, site, asOf, ledger, lang };
        command.SetAction(p => Record(p.GetValue(input)!, p.GetValue(site), p.GetValue(asOf), p.GetValue(ledger), p.GetValue(lang)!, context));
        return command;
    }

    private static Command AnchorCommand(CliContext context)
    {
        var input = CliOptions.Input();
        var ledger = CliOptions.Text("--ledger", "文件", LedgerHelp);
        var lang = CliOptions.Lang();
        var command = new Command("anchor", "给已提交的链头打 Git 标签 ledger-<序号> 并显示它") { input, ledger, lang };
        command.SetAction(p => Anchor(p.GetValue(input)!, p.GetValue(ledger), p.GetValue(lang)!, context));
        return command;
    }

    private static Command VerifyCommand(CliContext context)
    {
        var input = CliOptions.OptionalInput("数据仓库里的数据文件夹(核对事项内容、Git 历史和锚点)");
        var site = CliOptions.Text("--site", "文件夹", "已发布网站的本地副本(核对清单和每个文件)");
        var ledger = CliOptions.Text("--ledger", "文件", LedgerHelp);
        var lang = CliOptions.Lang();
        var head = CliOptions.Text("--head", "HASH", "上次核验时保存的链头 hash(64 位十六进制):此后对记录的任何改写都会被发现");
        var format = CliOptions.Choice("--format", "结论的格式:text 一页中文结论,json 给程序", "text", "text", "json");
        var rebuild = CliOptions.Flag("--rebuild", "按登记的提交重新生成网站,逐个文件比较(需要 --site 和 --input)");
        var command = new Command("verify", "核验发布记录和网站:链完整、网站与登记的清单一致、每页内容与记录相符;通过时退出码为 0")
        {
            input, site, ledger, lang, head, format, rebuild,
        };
        command.SetAction(p => Verify(p.GetValue(input), p.GetValue(site), p.GetValue(ledger), p.GetValue(lang)!, p.GetValue(head), p.GetValue(format)!, p.GetValue(rebuild), context));
        return command;
    }

    private static int Record(string inputDir, string? site, DateOnly? asOf, string? ledger, string lang, CliContext context)
    {
        var loaded = CliInput.Load(inputDir, context, lang);
        if (loaded is null)
        {
            return CommandLine.UsageError;
        }

        var result = RecordPublication.Run(loaded, new Publishing.Ledger.RecordOptions(Full(site, context), Full(ledger, context), asOf, context.Clock));
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

    private static int Verify(string? inputDir, string? siteDir, string? ledgerPath, string lang, string? head, string format, bool rebuild, CliContext context)
    {
        if (head is not null && !System.Text.RegularExpressions.Regex.IsMatch(head.Trim(), "^[0-9a-fA-F]{64}$"))
        {
            throw new UsageException($"--head 应是您保存的 64 位十六进制链头 hash,而不是 '{head}'。");
        }

        if (rebuild && (siteDir is null || inputDir is null))
        {
            throw new UsageException("--rebuild 需要 --site(已发布网站的副本)和 --input(数据仓库里的数据文件夹)。");
        }

        var site = Full(siteDir, context);
        if (site is not null && !Directory.Exists(site))
        {
            context.Error.WriteLine(lang == "en" ? $"The site folder '{siteDir}' does not exist." : $"网站文件夹 '{siteDir}' 不存在。请用 --site 指定已发布网站的本地副本(例如 _site)。");
            return CommandLine.UsageError;
        }

        string? input = null;
        if (inputDir is not null)
        {
            if (CliInput.Open(inputDir, context, lang) is not { } opened)
            {
                return CommandLine.UsageError;
            }

            input = opened.Root;
        }

        var ledger = Full(ledgerPath, context) ?? LedgerStore.DefaultPath(input ?? context.FullPath(CliOptions.DefaultInput));
        var report = VerifyPublication.Run(new Publishing.Ledger.VerifyOptions(ledger, site, input)
        {
            KeptHead = head,
            Rebuilder = rebuild ? Site.SiteBuilder.Rebuilder() : null,
            Clock = context.Clock,
        });
        context.Out.Write(format == "json" ? VerifyReportText.Json(report) : VerifyReportText.Write(report, lang));
        return report.Passed ? 0 : 1;
    }

    private static int Anchor(string inputDir, string? ledgerPath, string lang, CliContext context)
    {
        var ledger = Full(ledgerPath, context) ?? LedgerStore.DefaultPath(context.FullPath(inputDir));
        var result = LedgerAnchor.Create(ledger);
        (result.Ok ? context.Out : context.Error).WriteLine(result.Message.In(lang));
        if (result.Ok && context.Environment("GITHUB_OUTPUT") is { Length: > 0 } outputs)
        {
            File.AppendAllText(context.FullPath(outputs), $"tag={result.Tag}\nhead={result.Head!.Hash}\nseq={result.Head.Seq}\n");
        }

        return result.Ok ? 0 : 1;
    }

    private static string? Full(string? path, CliContext context) => path is null ? null : context.FullPath(path);
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
        var value = new VerifyJson(
            report.Passed ? "passed" : "failed",
            report.CheckedAt.UtcDateTime.ToString(CanonicalJson.UtcTimeFormat, System.Globalization.CultureInfo.InvariantCulture),
            new VerifyLedgerJson(
                report.LedgerPath,
                report.Entries,
                report.Head is { } h ? new VerifyHeadJson(h.Seq, h.Hash, h.PublishedAtUtc, h.PublishedAtLocal) : null),
            report.SiteRoot is null ? null : new VerifySiteJson(report.SiteRoot, report.ManifestSha256, report.BoundSeq),
            report.InputRoot,
            report.Sections.Select(s => new VerifyCheckJson(
                s.Key,
                s.Title.Zh,
                s.Status switch { VerifyStatus.Passed => "passed", VerifyStatus.Failed => "failed", _ => "skipped" },
                s.Summary.Zh,
                s.Problems.Select(p => p.Zh))),
            Math.Round(report.Elapsed.TotalSeconds, 3));
        return JsonSerializer.Serialize(value, (JsonTypeInfo<VerifyJson>)JsonOptions.GetTypeInfo(typeof(VerifyJson))) + "\n";
    }

    /// <summary>The site's JSON style (indented, Chinese as it is), for the report's own shapes.</summary>
    private static readonly JsonSerializerOptions JsonOptions = new(Site.Render.SiteJson.Options) { TypeInfoResolver = VerifyJsonContext.Default };

    /// <summary>The time in the offset the ledger uses (the site's time zone), else UTC.</summary>
    private static string Time(DateTimeOffset at, LedgerEntry? head) =>
        (head is null ? at : at.ToOffset(head.PublishedAt.Offset)).ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The report of <c>ledger verify --json</c>, for auditors' scripts (docs/ledger.md).</summary>
public sealed record VerifyJson(
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("checked_at")] string CheckedAt,
    [property: JsonPropertyName("ledger")] VerifyLedgerJson Ledger,
    [property: JsonPropertyName("site")] VerifySiteJson? Site,
    [property: JsonPropertyName("input")] string? Input,
    [property: JsonPropertyName("checks")] IEnumerable<VerifyCheckJson> Checks,
    [property: JsonPropertyName("elapsed_seconds")] double ElapsedSeconds);

public sealed record VerifyLedgerJson(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("entries")] int Entries,
    [property: JsonPropertyName("head")] VerifyHeadJson? Head);

public sealed record VerifyHeadJson(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("published_at_utc")] string PublishedAtUtc,
    [property: JsonPropertyName("published_at_local")] string PublishedAtLocal);

public sealed record VerifySiteJson(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("manifest_sha256")] string? ManifestSha256,
    [property: JsonPropertyName("recorded_by_seq")] long? RecordedBySeq);

public sealed record VerifyCheckJson(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("problems")] IEnumerable<string> Problems);

/// <summary>Generated at compile time: the native binary has no reflection-based serializer.</summary>
[JsonSerializable(typeof(VerifyJson))]
public sealed partial class VerifyJsonContext : JsonSerializerContext;
