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
    internal const string Name = "preview";

    internal const string Description = "生成网站并在本机打开预览(http://127.0.0.1:端口);改动数据或主题文件会自动重新生成";

    // Editors save in a burst of events (write, rename, chmod) within a few milliseconds; the wait is part of what the
    // user waits for, so it is short.
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(60);

    internal static Command Create(CliContext context)
    {
        var input = CliOptions.Input();
        var output = CliOptions.Output();
        var asOf = CliOptions.AsOf("把这一天当作“今天”生成网站(默认:每次构建时网站时区的今天)");
        var port = CliOptions.Port();
        var command = new Command(Name, Description) { input, output, asOf, port };
        command.SetAction(p => Run(p.GetValue(input)!, p.GetValue(output)!, p.GetValue(asOf), p.GetValue(port), context));
        return command;
    }

    private static int Run(string inputDir, string outputDir, DateOnly? fixedAsOf, int port, CliContext context)
    {
        if (CliInput.Open(inputDir, context) is not { } input)
        {
            return CommandLine.UsageError;
        }

        using var preview = Start(input, context.FullPath(outputDir), port, () => input.Today(fixedAsOf, context), context);
        context.Out.WriteLine(preview.Rebuilder.Problem is null
            ? $"预览地址:{preview.Url}(按 Ctrl+C 停止;改动 input 或主题文件会自动重新构建,浏览器里的页面随后自动刷新;搜索用的是启动时的索引)"
            : $"构建有问题,先显示上次的网站(页面顶部写明问题):{preview.Url}");
        preview.App.Run();
        return 0;
    }

    /// <summary>
    /// Builds the site once and sets up the server and the watcher (the server is started by the caller). One
    /// <see cref="SiteSession"/> for the server's life: each rebuild reads only the files that changed and renders only
    /// the pages whose keys changed (issue 17 point 3), then the pages open in a browser reload. The search index is
    /// made by the first build only and kept by later ones (Pagefind indexes the whole site: seconds to minutes), so the
    /// preview's search finds the contents as they were when it started; <c>disclosure build</c> indexes them anew.
    /// </summary>
    internal static Preview Start(CliInput input, string outputRoot, int port, Func<DateOnly> asOf, CliContext context)
    {
        PreviewRebuilder? rebuilder = null;
        // The browser reloads as soon as the pages are in place; the site-wide data files follow (SiteOptions.PagesWritten).
        var session = new SiteSession(new SiteOptions(input.Root, outputRoot, asOf()) { WorkingDirectory = context.WorkingDirectory, PagesWritten = () => rebuilder?.PagesWritten() });
        var changes = new ChangeSet(outputRoot);
        var reload = new ReloadSignal();
        rebuilder = new PreviewRebuilder(
            () =>
            {
                changes.MoveTo(session);
                return BuildAndDescribe(session, asOf(), context);
            },
            reload.Fire);
        rebuilder.Request();
        var basePath = input.BasePath();
        var app = CreateServer(outputRoot, basePath, port, () => rebuilder.Problem, reload);
        var watcher = Watch(input.Root, changes, () =>
        {
            context.Out.WriteLine($"[{DateTime.Now:HH:mm:ss}] 发现文件改动,正在重新构建……");
            rebuilder.Request();
        });
        return new Preview(app, watcher, rebuilder, reload, $"http://127.0.0.1:{port}{basePath}", session);
    }

    /// <summary>
    /// A preview set up by <see cref="Start"/>: its server, the watcher, its rebuilds and their signal, its session. Disposed,
    /// the watcher stops and the session writes the build cache it kept in memory (after any rebuild still running).
    /// </summary>
    internal sealed record Preview(WebApplication App, IDisposable Watcher, PreviewRebuilder Rebuilder, ReloadSignal Reload, string Url, SiteSession Session) : IDisposable
    {
        public void Dispose()
        {
            Watcher.Dispose();
            Session.Dispose();
        }
    }

    /// <summary>One rebuild of the preview's session (see the other overload).</summary>
    internal static string? BuildAndDescribe(SiteSession session, DateOnly asOf, CliContext context) =>
        Describe(context, captured =>
        {
            var result = BuildCommand.Build(session.Options with { AsOf = asOf }, captured, out _, session);
            if (result is not null && Diagnostics.PhaseTimer.Enabled)
            {
                // DISCLOSURE_TIMINGS=1: each rebuild's phases, as `build --verbose` prints them.
                foreach (var phase in result.Phases)
                {
                    context.Error.WriteLine($"[timing] {phase.Name,-24} {phase.Elapsed.TotalMilliseconds,8:0} ms {phase.WorkingSet / (1024 * 1024),6} MiB");
                }
            }

            return result;
        });

    /// <summary>
    /// One build for the preview: what went wrong (input errors, a broken theme, any exception), or null when the site was
    /// built. Everything is also written to the terminal as <c>build</c> does; the server shows the problem on every page.
    /// </summary>
    internal static string? BuildAndDescribe(SiteOptions options, CliContext context) =>
        Describe(context, captured => BuildCommand.Build(options, captured, out _));

    private static string? Describe(CliContext context, Func<CliContext, BuildResult?> build)
    {
        var errors = new StringWriter();
        var captured = context with { Out = context.Out, Error = new TeeWriter(context.Error, errors) };
        try
        {
            var result = build(captured);
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
    /// With <paramref name="reload"/>, every HTML page it serves carries <see cref="ReloadScript"/>, which waits on
    /// <see cref="ReloadPath"/> (server-sent events) and reloads the page when a rebuild has finished; the files on
    /// disk never hold it.
    /// </summary>
    public static WebApplication CreateServer(string siteRoot, string basePath, int port, Func<string?>? problem = null, ReloadSignal? reload = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var types = new FileExtensionContentTypeProvider();
        app.Run(async http =>
        {
            var path = http.Request.Path.Value ?? "/";
            if (reload is not null && path == ReloadPath)
            {
                await ServeReloadEvents(http, reload, app.Lifetime.ApplicationStopping).ConfigureAwait(false);
                return;
            }

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
            string Page(string html) => (trouble is null ? html : WithProblem(html, trouble)) is var page && reload is not null ? WithReloadScript(page) : page;
            http.Response.Headers.CacheControl = "no-cache";
            if (!File.Exists(file))
            {
                if (trouble is not null)
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync(Page("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>预览</title><body></body></html>")).ConfigureAwait(false);
                }

                return;
            }

            http.Response.ContentType = types.TryGetContentType(file, out var type) ? (type.StartsWith("text/", StringComparison.Ordinal) ? type + "; charset=utf-8" : type) : "application/octet-stream";
            if ((trouble is not null || reload is not null) && file.EndsWith(".html", StringComparison.Ordinal))
            {
                await http.Response.WriteAsync(Page(await File.ReadAllTextAsync(file).ConfigureAwait(false))).ConfigureAwait(false);
                return;
            }

            await http.Response.SendFileAsync(file).ConfigureAwait(false);
        });
        return app;
    }

    /// <summary>Where a preview page listens for "a rebuild finished" (outside any site path: site paths never start with <c>/__</c>).</summary>
    public const string ReloadPath = "/__disclosure-preview/reload";

    /// <summary>
    /// The script the preview adds to the pages it serves (never to a built site): it remembers the first build number it
    /// hears and reloads the page when it hears another. EventSource reconnects by itself if the server restarts.
    /// </summary>
    public const string ReloadScript = "<script data-disclosure-preview>(()=>{let seen;const events=new EventSource(\"" + ReloadPath + "\");"
        + "events.onmessage=e=>{if(seen!==undefined&&e.data!==seen){events.close();location.reload();}seen=e.data;};})();</script>";

    /// <summary>The page with <see cref="ReloadScript"/> before <c>&lt;/body&gt;</c> (at the end when there is none).</summary>
    internal static string WithReloadScript(string html)
    {
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + ReloadScript : html[..end] + ReloadScript + html[end..];
    }

    /// <summary>
    /// Server-sent events: the current build number at once, then each new one as rebuilds finish, until the browser
    /// leaves or the server stops.
    /// </summary>
    private static async Task ServeReloadEvents(HttpContext http, ReloadSignal reload, CancellationToken stopping)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        using var done = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        try
        {
            var (version, next) = reload.Current;
            await http.Response.WriteAsync($"retry: 1000\ndata: {version}\n\n", done.Token).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(done.Token).ConfigureAwait(false);
            while (!done.IsCancellationRequested)
            {
                await next.WaitAsync(done.Token).ConfigureAwait(false);
                (version, next) = reload.Current;
                await http.Response.WriteAsync($"data: {version}\n\n", done.Token).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(done.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed or the server is stopping.
        }
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

    /// <summary>
    /// Watches the input folder (which holds theme overrides too) and the default theme; every path created, changed,
    /// renamed or deleted goes into <paramref name="changes"/>, and <paramref name="rebuild"/> is called once per burst.
    /// </summary>
    private static IDisposable Watch(string inputDir, ChangeSet changes, Action rebuild)
    {
        var timer = new Timer(_ => rebuild());
        var watchers = new List<FileSystemWatcher>();
        foreach (var dir in new[] { Path.GetFullPath(inputDir), Site.Load.ThemeLocator.Find() }.OfType<string>())
        {
            var w = new FileSystemWatcher(dir) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            void Changed(object? sender, FileSystemEventArgs e)
            {
                var any = changes.Add(e.FullPath);
                if (e is RenamedEventArgs renamed)
                {
                    any |= changes.Add(renamed.OldFullPath);
                }

                if (any)
                {
                    timer.Change(Debounce, Timeout.InfiniteTimeSpan);
                }
            }

            w.Changed += Changed;
            w.Created += Changed;
            w.Deleted += Changed;
            w.Renamed += Changed;
            w.Error += (_, _) =>
            {
                // Events were lost (the watcher's buffer overflowed): read everything again.
                changes.AddEverything();
                timer.Change(Debounce, Timeout.InfiniteTimeSpan);
            };
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
internal sealed class PreviewRebuilder(Func<string?> build, Action? finished = null)
{
    private readonly object _gate = new();
    private bool _running;
    private bool _pending;
    private bool _announced;

    /// <summary>What went wrong in the last finished build, or null when it succeeded.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// Called by the running build once its pages are in place (<see cref="SiteOptions.PagesWritten"/>): they reload now,
    /// without the last build's problem, while the build writes the site-wide data files.
    /// </summary>
    public void PagesWritten()
    {
        Problem = null;
        _announced = true;
        finished?.Invoke();
    }

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
            _announced = false;
            try
            {
                Problem = build();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Problem = Model.Messages.Unexpected(e.GetType().Name, e.Message).Zh;
            }

            // The pages open in a browser reload now (a failed build too: they show its problem), unless they did already
            // when the build's pages were in place (PagesWritten) and the build went on to succeed.
            if (!_announced || Problem is not null)
            {
                finished?.Invoke();
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

/// <summary>
/// The paths the watcher reported since the last rebuild, handed to the <see cref="SiteSession"/> when a rebuild starts
/// (a change saved during a build goes to the next one). The preview's own output, its spare and its caches are not
/// input and are left out (they may sit inside the input folder).
/// </summary>
internal sealed class ChangeSet(string outputRoot)
{
    private readonly object _gate = new();
    private readonly string _output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputRoot));
    private HashSet<string> _paths = new(StringComparer.Ordinal);
    private bool _everything;

    /// <summary>Adds a path; false when it is the preview's own output (nothing to rebuild for).</summary>
    public bool Add(string fullPath)
    {
        var dir = Path.GetDirectoryName(_output) ?? _output;
        if (fullPath.StartsWith(_output, StringComparison.Ordinal) || fullPath.StartsWith(Path.Combine(dir, "." + Path.GetFileName(_output) + "."), StringComparison.Ordinal))
        {
            return false;
        }

        lock (_gate)
        {
            _paths.Add(fullPath);
        }

        return true;
    }

    public void AddEverything()
    {
        lock (_gate)
        {
            _everything = true;
        }
    }

    /// <summary>Gives what was collected to the session and starts collecting afresh.</summary>
    public void MoveTo(SiteSession session)
    {
        HashSet<string> paths;
        bool everything;
        lock (_gate)
        {
            (paths, everything) = (_paths, _everything);
            _paths = new HashSet<string>(StringComparer.Ordinal);
            _everything = false;
        }

        session.Changed(paths);
        if (everything)
        {
            session.ChangedEverything();
        }
    }
}

/// <summary>"A rebuild finished": a build number that changes, and a task that completes when it does.</summary>
public sealed class ReloadSignal
{
    private readonly object _gate = new();
    private readonly string _server = Guid.NewGuid().ToString("N")[..8];
    private int _version;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The current build number (unique to this server) and a task that completes at the next one.</summary>
    public (string Version, Task Next) Current
    {
        get
        {
            lock (_gate)
            {
                return ($"{_server}-{_version}", _next.Task);
            }
        }
    }

    /// <summary>A rebuild finished.</summary>
    public void Fire()
    {
        TaskCompletionSource finished;
        lock (_gate)
        {
            _version++;
            finished = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        finished.SetResult();
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
