using System.CommandLine;
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
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(400);

    internal static Command Create(CliContext context)
    {
        var input = CliOptions.Input();
        var output = CliOptions.Output();
        var asOf = CliOptions.AsOf("把这一天当作“今天”生成网站(默认:每次构建时网站时区的今天)");
        var port = CliOptions.Port();
        var command = new Command("preview", "生成网站并在本机打开预览(http://127.0.0.1:端口);改动数据或主题文件会自动重新生成") { input, output, asOf, port };
        command.SetAction(p => Run(p.GetValue(input)!, p.GetValue(output)!, p.GetValue(asOf), p.GetValue(port), context));
        return command;
    }

    private static int Run(string inputDir, string outputDir, DateOnly? fixedAsOf, int port, CliContext context)
    {
        if (CliInput.Open(inputDir, context) is not { } input)
        {
            return CommandLine.UsageError;
        }

        var outputRoot = context.FullPath(outputDir);
        SiteOptions Options() => new(input.Root, outputRoot, input.Today(fixedAsOf, context)) { WorkingDirectory = context.WorkingDirectory };

        var rebuilder = new PreviewRebuilder(() => BuildAndDescribe(Options(), context));
        rebuilder.Request();
        var basePath = input.BasePath();
        var app = CreateServer(outputRoot, basePath, port, () => rebuilder.Problem);
        using var watcher = Watch(input.Root, () =>
        {
            context.Out.WriteLine($"[{DateTime.Now:HH:mm:ss}] 发现文件改动,正在重新构建……");
            rebuilder.Request();
        });
        var url = $"http://127.0.0.1:{port}{basePath}";
        context.Out.WriteLine(rebuilder.Problem is null ? $"预览地址:{url}(按 Ctrl+C 停止;改动 input 或主题文件会自动重新构建)" : $"构建有问题,先显示上次的网站(页面顶部写明问题):{url}");
        app.Run();
        return 0;
    }

    /// <summary>
    /// One build for the preview: what went wrong (input errors, a broken theme, any exception), or null when the site was
    /// built. Everything is also written to the terminal as <c>build</c> does; the server shows the problem on every page.
    /// </summary>
    internal static string? BuildAndDescribe(SiteOptions options, CliContext context)
    {
        var errors = new StringWriter();
        var captured = context with { Out = context.Out, Error = new TeeWriter(context.Error, errors) };
        try
        {
            var result = BuildCommand.Build(options, captured, out _);
            if (result is { Succeeded: true })
            {
                return null;
            }

            var report = result is null ? string.Empty : Validation.Output.ReportWriter.Write(result.Report, Validation.Output.ReportFormat.Text, "zh", null);
            return (errors + report).Trim() is { Length: > 0 } text ? text : "构建失败。";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A rebuild that fails for any reason must not end the server: say it, keep serving the last good site.
            var message = Model.Messages.Unexpected(e.GetType().Name, e.Message).Zh;
            context.Error.WriteLine(message);
            return message;
        }
    }

    /// <summary>
    /// A small static file server: base path, index.html for folders, 404.html for anything missing. It serves files of
    /// <paramref name="siteRoot"/> only (no <c>..</c>, no absolute paths, no sibling folder that merely starts with the
    /// same name). When <paramref name="problem"/> says the last build failed, every HTML page carries it at the top.
    /// </summary>
    public static WebApplication CreateServer(string siteRoot, string basePath, int port, Func<string?>? problem = null)
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
            var trouble = problem?.Invoke();
            if (!File.Exists(file))
            {
                if (trouble is not null)
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync(WithProblem("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>预览</title><body></body></html>", trouble)).ConfigureAwait(false);
                }

                return;
            }

            http.Response.ContentType = types.TryGetContentType(file, out var type) ? (type.StartsWith("text/", StringComparison.Ordinal) ? type + "; charset=utf-8" : type) : "application/octet-stream";
            http.Response.Headers.CacheControl = "no-cache";
            if (trouble is not null && file.EndsWith(".html", StringComparison.Ordinal))
            {
                await http.Response.WriteAsync(WithProblem(await File.ReadAllTextAsync(file).ConfigureAwait(false), trouble)).ConfigureAwait(false);
                return;
            }

            await http.Response.SendFileAsync(file).ConfigureAwait(false);
        });
        return app;
    }

    /// <summary>The page with a notice of the last build's problem right after <c>&lt;body&gt;</c> (HTML-encoded).</summary>
    internal static string WithProblem(string html, string problem)
    {
        var notice = "<div role=\"alert\" style=\"background:#fff3cd;color:#000;border:3px solid #b00;padding:1em;font-size:1.1em;white-space:pre-wrap\">"
            + "<strong>预览:最近一次构建失败,下面是上次成功构建的网站。</strong>\n" + System.Net.WebUtility.HtmlEncode(problem) + "</div>";
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var end = body < 0 ? -1 : html.IndexOf('>', body);
        return end < 0 ? notice + html : html[..(end + 1)] + notice + html[(end + 1)..];
    }

    /// <summary>The file a request path names inside <paramref name="siteRoot"/>, or null; nothing outside it is ever named.</summary>
    internal static string? Resolve(string siteRoot, string basePath, string requestPath)
    {
        if (!requestPath.StartsWith(basePath, StringComparison.Ordinal) && requestPath + "/" != basePath)
        {
            return null;
        }

        var relative = Uri.UnescapeDataString(requestPath.Length >= basePath.Length ? requestPath[basePath.Length..] : string.Empty);
        if (relative.StartsWith('/') || Path.IsPathRooted(relative) || relative.Contains(':', StringComparison.Ordinal) || relative.Contains('\0', StringComparison.Ordinal)
            || relative.Split('/').Any(s => s is ".." or "." || s.Contains('\\', StringComparison.Ordinal)))
        {
            return null;
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(siteRoot));
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (full != root && !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
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
        foreach (var dir in new[] { Path.GetFullPath(inputDir), Site.Render.ThemeLocator.Find() }.OfType<string>())
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

/// <summary>
/// Rebuilds for the preview, one at a time and none lost: a change saved while a build runs queues one more build,
/// which starts as soon as the running one ends (and sees every change saved until then). A failing build is reported
/// through <see cref="Problem"/>, never thrown: the server outlives any bad input.
/// </summary>
internal sealed class PreviewRebuilder(Func<string?> build)
{
    private readonly object _gate = new();
    private bool _running;
    private bool _pending;

    /// <summary>What went wrong in the last finished build, or null when it succeeded.</summary>
    public string? Problem { get; private set; }

    /// <summary>Builds now, or after the build that is running (several requests meanwhile make one more build).</summary>
    public void Request()
    {
        lock (_gate)
        {
            if (_running)
            {
                _pending = true;
                return;
            }

            _running = true;
        }

        while (true)
        {
            try
            {
                Problem = build();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Problem = Model.Messages.Unexpected(e.GetType().Name, e.Message).Zh;
            }

            lock (_gate)
            {
                if (!_pending)
                {
                    _running = false;
                    return;
                }

                _pending = false;
            }
        }
    }
}

/// <summary>Writes to two writers (the terminal, and the text the preview shows on its pages).</summary>
internal sealed class TeeWriter(TextWriter first, TextWriter second) : TextWriter
{
    public override System.Text.Encoding Encoding => first.Encoding;

    public override void Write(char value)
    {
        first.Write(value);
        second.Write(value);
    }

    public override void Write(string? value)
    {
        first.Write(value);
        second.Write(value);
    }

    public override void WriteLine(string? value)
    {
        first.WriteLine(value);
        second.WriteLine(value);
    }
}
