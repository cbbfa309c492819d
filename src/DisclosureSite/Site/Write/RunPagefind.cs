using System.Diagnostics;
using DisclosureSite.Model;

namespace DisclosureSite.Site.Write;

/// <summary>How Pagefind is started: the program and the arguments that come before <c>--site</c>, and where it was found.</summary>
public sealed record PagefindCommand(string Program, IReadOnlyList<string> Prefix, string Source);

/// <summary>
/// Builds the search index with Pagefind (npm <c>pagefind</c>, which segments Chinese) inside the temporary folder,
/// so the index is part of the atomic swap. Pagefind is found, in this order: <c>node_modules/.bin/pagefind</c> in the
/// working directory, the input folder or a folder above either (a clone after <c>npm ci</c>); <c>pagefind</c> on PATH
/// (what a data repository's workflow installs); else, when Node.js is there, the pinned version through
/// <c>npx</c> (downloaded once into npm's cache). Without any of them the site is built without search, and says so.
/// </summary>
public static class RunPagefind
{
    /// <summary>What <c>build</c> says when a site goes out without a search index, and how to get one, in one line.</summary>
    public static string NotFoundMessage =>
        $"这次生成的网站没有搜索功能(没有找到 Pagefind,也没有 Node.js 的 npx)。搜索页仍可按单位、期次和事项分类浏览。"
        + $"要有搜索:安装 Node.js(https://nodejs.org/zh-cn)后重新运行这条命令即可,或者运行 npm install --global pagefind@{ToolInfo.PagefindVersion}。";

    public static PagefindCommand? Find(params string?[] starts) => Find(starts, Environment.GetEnvironmentVariable("PATH"));

    public static PagefindCommand? Find(IEnumerable<string?> starts, string? path)
    {
        foreach (var start in starts.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start!)); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", OperatingSystem.IsWindows() ? "pagefind.cmd" : "pagefind");
                if (File.Exists(candidate))
                {
                    return new PagefindCommand(candidate, [], candidate);
                }
            }
        }

        if (OnPath("pagefind", path) is { } installed)
        {
            return new PagefindCommand(installed, [], installed);
        }

        if (OnPath("npx", path) is { } npx)
        {
            var pinned = "pagefind@" + ToolInfo.PagefindVersion;
            return new PagefindCommand(npx, ["--yes", pinned], $"npx {pinned}");
        }

        return null;
    }

    /// <summary>A program on PATH (on Windows the .cmd or .exe that npm and Node install), or null.</summary>
    public static string? OnPath(string name, string? path)
    {
        var names = OperatingSystem.IsWindows() ? new[] { name + ".cmd", name + ".exe" } : [name];
        foreach (var dir in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var file in names)
            {
                var candidate = Path.Combine(dir, file);
                if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Runs Pagefind on <paramref name="siteFolder"/>; returns null on success or a message saying what went wrong.</summary>
    public static string? Run(PagefindCommand pagefind, string siteFolder)
    {
        var start = new ProcessStartInfo(pagefind.Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in pagefind.Prefix)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--site");
        start.ArgumentList.Add(siteFolder);
        start.ArgumentList.Add("--quiet");
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                return "Pagefind 超过 5 分钟未结束,已停止;这次生成的网站没有搜索功能。";
            }

            return process.ExitCode == 0
                ? null
                : $"Pagefind 出错(退出码 {process.ExitCode},{pagefind.Source}),这次生成的网站没有搜索功能:{stderr.Result.Trim()} {stdout.Result.Trim()}".Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"无法运行 Pagefind({pagefind.Source}),这次生成的网站没有搜索功能:{e.Message}";
        }
    }
}
