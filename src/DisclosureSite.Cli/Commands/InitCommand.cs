using DisclosureSite.Model;
using DisclosureSite.Publishing.Scaffolding;

namespace DisclosureSite.Cli.Commands;

/// <summary><c>disclosure init &lt;folder&gt;</c>: scaffolds a new township's data repository. Refuses a non-empty folder (exit 2).</summary>
public static class InitCommand
{
    private static readonly string[] Options = ["name", "repo"];

    public static int Run(string[] args, CliContext context)
    {
        var a = new Arguments(args, Options, []);
        var folder = a.Single("文件夹 (folder)");
        var name = a.Get("name", "示例镇三务公开");
        var repo = a.Get("repo", ScaffoldOptions.DefaultRepository);
        if (repo.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            throw new UsageException($"--repo '{repo}' 的格式不对,应写成“所有者/仓库名”,例如 qingshi/disclosure。");
        }

        if (!RepositoryScaffold.IsEmptyEnough(folder))
        {
            context.Error.WriteLine($"文件夹 '{folder}' 不是空的,为了不覆盖已有文件,init 不会在这里生成。请换一个新文件夹名。");
            return 2;
        }

        var since = Period.Containing(SiteClock.Today(context.Clock, SiteClock.Zone(SiteSettings.DefaultTimeZone)), PeriodKind.Quarter);
        var written = RepositoryScaffold.Write(folder, new ScaffoldOptions(name, repo, since));
        context.Out.WriteLine($"已在 {folder} 生成数据仓库({written.Count} 个文件):");
        foreach (var path in written)
        {
            context.Out.WriteLine("  " + path);
        }

        context.Out.WriteLine();
        context.Out.WriteLine("下一步:");
        context.Out.WriteLine($"  1. 改 input/site.yaml、units.csv、people.csv,把示例镇、示例村换成本镇和各村;");
        context.Out.WriteLine($"  2. disclosure check --input {Path.Combine(folder, "input")}    (应当没有错误)");
        context.Out.WriteLine($"  3. disclosure new village1 {since} --input {Path.Combine(folder, "input")}    (生成一期要填的文件)");
        context.Out.WriteLine("  4. 推送到 GitHub,在 Settings → Pages → Source 选 GitHub Actions。详见 docs/发布与部署.md。");
        return 0;
    }
}
