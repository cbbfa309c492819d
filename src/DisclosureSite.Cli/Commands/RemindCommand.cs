using System.CommandLine;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Reminders;
using DisclosureSite.Validation;
using Octokit;
using ProductHeaderValue = Octokit.ProductHeaderValue;

namespace DisclosureSite.Cli.Commands;

/// <summary>
/// <c>disclosure remind</c>: opens, updates or closes one reminder issue per unit on GitHub (SPEC §10).
/// Exit codes: 0 done, 1 the input cannot be loaded, 2 usage or missing token, 3 the GitHub API failed.
/// </summary>
public static class RemindCommand
{
    public const int ApiFailure = 3;

    internal static Command Create(CliContext context)
    {
        var repo = CliOptions.Text("--repo", "owner/name", "发提醒的 GitHub 仓库(默认:site.yaml 的 repository,或工作流的 GITHUB_REPOSITORY)");
        var input = CliOptions.Input();
        var asOf = CliOptions.AsOf("把这一天当作“今天”计算到期和逾期(默认:网站时区的今天)");
        var dryRun = CliOptions.Flag("--dry-run", "演练:只显示会新建、更新、关闭哪些提醒,不改动 GitHub(没有 GITHUB_TOKEN 也可以)");
        var apiUrl = CliOptions.Text("--api-url", "URL", "GitHub 接口地址(默认:GITHUB_API_URL 或 https://api.github.com)");
        var command = new Command("remind", "为每个单位新建、更新或关闭一个 GitHub 提醒 issue,列出到期和逾期的事项;GitHub 接口出错时退出码为 3")
        {
            repo, input, asOf, dryRun, apiUrl,
        };
        command.SetAction(p => Run(p.GetValue(repo), p.GetValue(input)!, p.GetValue(asOf), p.GetValue(dryRun), p.GetValue(apiUrl), context));
        return command;
    }

    private static int Run(string? repoOption, string inputDir, DateOnly? asOfOption, bool dryRun, string? apiOption, CliContext context)
    {
        var apiUrl = apiOption ?? context.Environment("GITHUB_API_URL") ?? "https://api.github.com";
        if (!Uri.TryCreate(apiUrl, UriKind.Absolute, out var apiUri) || apiUri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--api-url '{apiUrl}' 不是有效的网址,例如 https://api.github.com。");
        }

        var loaded = CliInput.Load(inputDir, context);
        if (loaded is null)
        {
            return CommandLine.UsageError;
        }

        if (loaded.Input is not { } input)
        {
            context.Error.WriteLine("数据有错误,无法计算提醒。请先运行 disclosure check 并改正错误。");
            return 1;
        }

        var repo = repoOption ?? input.Settings.Repository ?? context.Environment("GITHUB_REPOSITORY");
        if (repo?.Split('/') is not [{ Length: > 0 } owner, { Length: > 0 } name])
        {
            throw new UsageException(repo is null
                ? "请用 --repo 所有者/仓库名 指定发提醒的仓库(或在 site.yaml 中写 repository:)。"
                : $"--repo '{repo}' 的格式不对,应写成“所有者/仓库名”,例如 qingshi/disclosure。");
        }

        var token = context.Environment("GITHUB_TOKEN");
        if (string.IsNullOrWhiteSpace(token) && !dryRun)
        {
            context.Error.WriteLine("没有找到 GITHUB_TOKEN 环境变量,无法访问 GitHub。在工作流中请设置 env: GITHUB_TOKEN: ${{ github.token }};只想看看会做什么,请加 --dry-run。");
            return 2;
        }

        if (loaded.HasErrors)
        {
            context.Error.WriteLine($"注意:数据中有 {loaded.Findings.Count(f => f.IsError)} 处错误(见 disclosure check),提醒按能读取的数据计算。");
        }

        var asOf = asOfOption ?? SiteClock.Today(context.Clock, SiteClock.Zone(input.Settings.TimeZone));
        var validation = Validator.Context(input, asOf);
        var links = new ReminderLinks(repo, context.Environment("GITHUB_SERVER_URL") ?? "https://github.com", RepositoryPath(inputDir));
        var reminders = ReminderPlanner.Plan(validation, links);

        if (dryRun && string.IsNullOrWhiteSpace(token))
        {
            PrintOffline(reminders, repo, asOf, context.Out);
            return 0;
        }

        // Octokit's own client puts a non-github.com API under /api/v3/ (GitHub Enterprise); the bounded connection keeps that address.
        var baseAddress = new GitHubClient(new ProductHeaderValue("disclosure-site"), apiUri).Connection.BaseAddress;
        var connection = new Connection(
            new ProductHeaderValue("disclosure-site"),
            baseAddress,
            new Octokit.Internal.InMemoryCredentialStore(new Credentials(token)),
            new Octokit.Internal.HttpClientAdapter(() => new BoundedResponses(new HttpClientHandler())),
            new Octokit.Internal.SimpleJsonSerializer());
        var github = new GitHubClient(connection);
        github.SetRequestTimeout(TimeSpan.FromSeconds(60));
        context.Out.WriteLine($"{(dryRun ? "[演练] " : string.Empty)}同步 {repo} 的提醒 issue(截至 {Dates.Iso(asOf)}):");
        try
        {
            var actions = new ReminderSync(github, owner, name)
                .RunAsync(reminders, dryRun, act => context.Out.WriteLine((dryRun ? "  [演练] " : "  ") + act.Description))
                .GetAwaiter().GetResult();
            context.Out.WriteLine($"完成:新建 {Count(actions, ReminderActionKind.Create)},更新 {Count(actions, ReminderActionKind.Update)},"
                + $"无变化 {Count(actions, ReminderActionKind.Unchanged)},关闭 {Count(actions, ReminderActionKind.Close) + Count(actions, ReminderActionKind.CloseDuplicate)}。");
            return 0;
        }
        catch (Exception e) when (GitHubErrors.IsApiFailure(e))
        {
            context.Error.WriteLine("提醒失败:" + GitHubErrors.Describe(e, repo, SiteClock.Zone(input.Settings.TimeZone)));
            return ApiFailure;
        }
    }

    private static int Count(IEnumerable<ReminderAction> actions, ReminderActionKind kind) => actions.Count(x => x.Kind == kind);

    /// <summary>The input folder as a path inside the repository, for links (an absolute path falls back to <c>input</c>).</summary>
    private static string RepositoryPath(string inputDir)
    {
        var p = inputDir.Replace('\\', '/').TrimEnd('/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p.Length == 0 || Path.IsPathRooted(inputDir) || p.Contains("..", StringComparison.Ordinal) ? "input" : p;
    }

    /// <summary>A dry run without a token: nothing is read from GitHub, so every reminder shows as to be created.</summary>
    private static void PrintOffline(IReadOnlyList<UnitReminder> reminders, string repo, DateOnly asOf, TextWriter output)
    {
        output.WriteLine($"[演练] 没有 GITHUB_TOKEN,不访问 GitHub;假设 {repo} 中还没有提醒 issue(截至 {Dates.Iso(asOf)}):");
        foreach (var r in reminders)
        {
            if (!r.HasWork)
            {
                output.WriteLine($"  {r.Unit.Name}({r.Unit.Id}):没有到期或逾期事项,也没有超期的民情事项,不需要提醒(已有的提醒会被关闭)。");
                continue;
            }

            var who = r.Clerk is { } c ? $",指派给 @{c}" : ",units.csv 中没有填写 clerk,不指派";
            output.WriteLine($"  将新建提醒“{r.Title}”{who},标签 {string.Join("、", r.Labels)}:");
            foreach (var e in r.Entries)
            {
                var when = e.IsOverdue ? $"已逾期 {e.Days} 天" : $"还有 {e.Days} 天";
                output.WriteLine($"    - {e.Period} {e.Item.Id} {e.Item.Name}(截止 {Dates.Iso(e.Deadline)},{when})");
            }

            foreach (var m in r.OverdueRequests)
            {
                output.WriteLine($"    - 民情台账 {m.Number} {m.Subject}(时限 {Dates.Iso(m.Due)},已超期 {m.DaysOver(asOf)} 天)");
            }
        }
    }
}
