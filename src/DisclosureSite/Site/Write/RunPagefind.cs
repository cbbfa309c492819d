using System.Diagnostics;

namespace DisclosureSite.Site.Write;

/// <summary>
/// Builds the search index with Pagefind (npm <c>pagefind</c>, which segments Chinese) inside the temporary folder,
/// so the index is part of the atomic swap. Pagefind is found as <c>node_modules/.bin/pagefind</c> in the working
/// directory, the input folder or a folder above either.
/// </summary>
public static class RunPagefind
{
    public static string? Find(params string?[] starts)
    {
        foreach (var start in starts.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start!)); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", OperatingSystem.IsWindows() ? "pagefind.cmd" : "pagefind");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Runs Pagefind on <paramref name="siteFolder"/>; returns null on success or a message saying what went wrong.</summary>
    public static string? Run(string pagefind, string siteFolder)
    {
        var start = new ProcessStartInfo(pagefind)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
                return "Pagefind 超过 5 分钟未结束,已停止;本次构建没有搜索索引。";
            }

            return process.ExitCode == 0
                ? null
                : $"Pagefind 出错(退出码 {process.ExitCode}):{stderr.Result.Trim()} {stdout.Result.Trim()}".Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"无法运行 Pagefind({pagefind}):{e.Message}";
        }
    }
}
