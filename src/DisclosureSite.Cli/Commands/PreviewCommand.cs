using DisclosureSite.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;

namespace DisclosureSite.Cli.Commands;

/// <summary>
/// <c>disclosure preview</c>: builds the site, serves it on 127.0.0.1 under the same base path as the real site
/// (so links and the 404 page behave as they will on GitHub Pages), and rebuilds when input or theme files change.
/// </summary>
public static class PreviewCommand
{
    private static readonly string[] Names = ["input", "output", "as-of", "port"];
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(400);

    public static int Run(string[] args, CliContext context)
    {
        var a = new Arguments(args, Names, []);
        a.NoPositionals();
        var inputDir = a.Get("input", "input");
        var outputDir = a.Get("output", "_site");
        var port = a.Int("port") ?? 8080;
        if (port is < 1 or > 65535)
        {
            throw new UsageException($"--port 应在 1 到 65535 之间,而不是 {port}。");
        }

        if (!Directory.Exists(inputDir))
        {
            context.Error.WriteLine($"输入文件夹 '{inputDir}' 不存在。请用 --input 指定数据文件夹(默认 input)。");
            return 2;
        }

        var fixedAsOf = a.Date("as-of");
        SiteOptions Options() => new(inputDir, outputDir, fixedAsOf ?? a.AsOf(context.Clock, BuildCommand.PeekTimeZone(inputDir)));

        var first = BuildCommand.Build(Options(), context);
        var basePath = SiteUrlsFor(inputDir);
        var app = CreateServer(Path.GetFullPath(outputDir), basePath, port);
        using var rebuild = new SemaphoreSlim(1, 1);
        using var watcher = Watch(inputDir, () =>
        {
            if (!rebuild.Wait(0))
            {
                return;
            }

            try
            {
                context.Out.WriteLine($"[{DateTime.Now:HH:mm:ss}] 发现文件改动,正在重新构建……");
                BuildCommand.Build(Options(), context);
            }
            catch (IOException e)
            {
                context.Error.WriteLine("重新构建失败:" + e.Message);
            }
            finally
            {
                rebuild.Release();
            }
        });
        var url = $"http://127.0.0.1:{port}{basePath}";
        context.Out.WriteLine(first is { Succeeded: true } ? $"预览地址:{url}(按 Ctrl+C 停止;改动 input 或主题文件会自动重新构建)" : $"输入有错误,先显示上次的网站:{url}");
        app.Run();
        return 0;
    }

    /// <summary>The path part of the site's base_url (e.g. /qingshi/), where preview serves it.</summary>
    internal static string SiteUrlsFor(string inputDir)
    {
        var site = Loading.SiteSettingsLoader.Load(new Loading.InputFolder(inputDir), new Loading.FindingSink());
        return Site.Render.SiteUrls.From(site?.Settings.BaseUrl).BasePath;
    }

    /// <summary>A small static file server: base path, index.html for folders, 404.html for anything missing.</summary>
    public static WebApplication CreateServer(string siteRoot, string basePath, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var types = new FileExtensionContentTypeProvider();
        app.Run(async http =>
        {
            var path = http.Request.Path.Value ?? "/";
            if (path == "/" && basePath != "/")
            {
                http.Response.Redirect(basePath);
                return;
            }

            var file = Resolve(siteRoot, basePath, path);
            if (file is null && !path.EndsWith('/') && Resolve(siteRoot, basePath, path + "/") is not null)
            {
                http.Response.Redirect(path + "/");
                return;
            }

            http.Response.StatusCode = file is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            file ??= Path.Combine(siteRoot, "404.html");
            if (!File.Exists(file))
            {
                return;
            }

            http.Response.ContentType = types.TryGetContentType(file, out var type) ? (type.StartsWith("text/", StringComparison.Ordinal) ? type + "; charset=utf-8" : type) : "application/octet-stream";
            http.Response.Headers.CacheControl = "no-cache";
            await http.Response.SendFileAsync(file).ConfigureAwait(false);
        });
        return app;
    }

    private static string? Resolve(string siteRoot, string basePath, string requestPath)
    {
        if (!requestPath.StartsWith(basePath, StringComparison.Ordinal) && requestPath + "/" != basePath)
        {
            return null;
        }

        var relative = Uri.UnescapeDataString(requestPath.Length >= basePath.Length ? requestPath[basePath.Length..] : string.Empty);
        if (relative.Split('/').Any(s => s is ".." || s.Contains('\\', StringComparison.Ordinal)))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(siteRoot, relative));
        if (!full.StartsWith(siteRoot, StringComparison.Ordinal))
        {
            return null;
        }

        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            full = Path.Combine(full, "index.html");
        }

        return File.Exists(full) ? full : null;
    }

    /// <summary>Watches the input folder (which holds theme overrides too) and the default theme; calls back once per burst of changes.</summary>
    private static IDisposable Watch(string inputDir, Action rebuild)
    {
        var timer = new Timer(_ => rebuild());
        var watchers = new List<FileSystemWatcher>();
        foreach (var dir in new[] { Path.GetFullPath(inputDir), Site.Render.ThemeLocator.Find(inputDir) }.OfType<string>())
        {
            var w = new FileSystemWatcher(dir) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            void Changed(object? sender, FileSystemEventArgs e) => timer.Change(Debounce, Timeout.InfiniteTimeSpan);
            w.Changed += Changed;
            w.Created += Changed;
            w.Deleted += Changed;
            w.Renamed += Changed;
            watchers.Add(w);
        }

        return new Watchers(timer, watchers);
    }

    private sealed class Watchers(Timer timer, List<FileSystemWatcher> watchers) : IDisposable
    {
        public void Dispose()
        {
            timer.Dispose();
            watchers.ForEach(w => w.Dispose());
        }
    }
}
