using System.CommandLine;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Scaffolding;

namespace DisclosureSite.Cli.Commands;

/// <summary>
/// <c>disclosure init &lt;folder&gt;</c>: scaffolds a new township's data repository and makes it a Git repository with
/// a first commit. Refuses a non-empty folder (exit 2). The next steps it prints are commands run inside that folder.
/// </summary>
public static class InitCommand
{
    internal static Command Create(CliContext context, Dictionary<Command, string> missingArguments)
    {
        var folder = new Argument<string>("folder") { Description = "新数据仓库的文件夹(必须是新的或空的)" };
        var name = CliOptions.Text("--name", "网站名称", "网站名称,例如 青石镇三务公开", "示例镇三务公开");
        var repo = CliOptions.Text("--repo", "owner/name", "数据仓库在 GitHub 上的“所有者/仓库名”", ScaffoldOptions.DefaultRepository);
        var command = new Command("init", "新建一个镇的数据仓库(示例数据、工作流、说明),做成 Git 仓库并做第一次提交") { folder, name, repo };
        missingArguments[command] = "需要一个参数:文件夹 (folder)(expected one argument: 文件夹 (folder))。";
        command.SetAction(p => Run(p.GetValue(folder)!, p.GetValue(name)!, p.GetValue(repo)!, context));
        return command;
    }

    private static int Run(string folder, string name, string repo, CliContext context)
    {
        if (repo.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            throw new UsageException($"--repo '{repo}' 的格式不对,应写成“所有者/仓库名”,例如 qingshi/disclosure。");
        }

        var root = context.FullPath(folder);
        if (!RepositoryScaffold.IsEmptyEnough(root))
        {
            context.Error.WriteLine($"文件夹 '{folder}' 不是空的,为了不覆盖已有文件,init 不会在这里生成。请换一个新文件夹名。");
            return 2;
        }

        var since = Period.Containing(SiteClock.Today(context.Clock, SiteClock.Zone(SiteSettings.DefaultTimeZone)), PeriodKind.Quarter);
        var written = RepositoryScaffold.Write(root, new ScaffoldOptions(name, repo, since));
        context.Out.WriteLine($"已在 {folder} 生成数据仓库({written.Count} 个文件):");
        foreach (var path in written)
        {
            context.Out.WriteLine("  " + path);
        }

        context.Out.WriteLine();
        var (outcome, detail) = FirstCommit.Make(root);
        var gitSteps = outcome switch
        {
            FirstCommitOutcome.Committed => [],
            FirstCommitOutcome.NoGit => new[]
            {
                "没有找到 Git,所以这里还不是 Git 仓库。请先安装 Git(Windows:https://git-scm.com/download/win),然后在这个文件夹里运行:",
                "     git init -b main",
                "     git add -A",
                $"     git commit -m \"{FirstCommit.Message}\"",
            },
            _ => [$"Git 没能做第一次提交({detail})。请在这个文件夹里运行 git add -A 和 git commit -m \"{FirstCommit.Message}\"。"],
        };
        context.Out.WriteLine(outcome == FirstCommitOutcome.Committed
            ? $"已建成 Git 仓库(分支 main),做了第一次提交“{FirstCommit.Message}”。"
            : "注意:" + gitSteps[0]);
        foreach (var line in gitSteps.Skip(1))
        {
            context.Out.WriteLine(line);
        }

        if (ToolInfo.IsDevelopmentBuild)
        {
            context.Out.WriteLine($"注意:这个 disclosure 是开发版({ToolInfo.Version}),没有发布过;推送前请把 {RepositoryScaffold.PinFile} 里的 version= 改成一个发布过的版本号。");
        }

        context.Out.WriteLine();
        context.Out.WriteLine($"下一步(先进入这个文件夹:cd {folder}):");
        context.Out.WriteLine("  1. 改 input/site.yaml、input/units.csv、input/people.csv,把示例镇、示例村换成本镇和各村;");
        context.Out.WriteLine("  2. disclosure check    (应当没有错误)");
        context.Out.WriteLine($"  3. disclosure new village1 {since}    (生成一期要填的文件)");
        context.Out.WriteLine("  4. 在 GitHub 上建一个空仓库,把这里推送上去,在 Settings → Pages → Source 选 GitHub Actions。详见 docs/发布与部署.md。");
        return 0;
    }
}
