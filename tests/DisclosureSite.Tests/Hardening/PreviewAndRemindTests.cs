using System.Net;
using DisclosureSite.Cli.Commands;
using DisclosureSite.Tests.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DisclosureSite.Tests.Hardening;

/// <summary>
/// Issue 12, classes 7 and 8: the preview server serves only its output folder, queues rebuilds and survives them;
/// <c>remind</c> survives whatever the API answers; <c>--base-url</c> must be a web address.
/// </summary>
[NonParallelizable]
public class PreviewAndRemindTests
{
    [Test]
    public void Preview_serves_nothing_outside_its_folder()
    {
        using var a = new Attack();
        a.Write("_site/index.html", "<p>site</p>");
        a.Write("_site-secret/key.txt", "secret");
        a.Write("outside.txt", "secret");
        var root = a.Path("_site");
        Assert.That(PreviewCommand.Resolve(root, "/town/", "/town/"), Is.EqualTo(Path.Combine(root, "index.html")));
        foreach (var attack in new[]
        {
            "/town/../_site-secret/key.txt", "/town/%2e%2e/_site-secret/key.txt", "/town/..%2f_site-secret/key.txt",
            "/town/" + a.Path("outside.txt"), "/town//" + a.Path("outside.txt").TrimStart('/'), "/town/%2F" + a.Path("outside.txt").TrimStart('/'),
            "/town/..\\outside.txt", "/town/C:/x",
        })
        {
            Assert.That(PreviewCommand.Resolve(root, "/town/", attack), Is.Null, attack);
        }

        // The sibling whose name starts with the output's name is not inside it.
        Assert.That(PreviewCommand.Resolve(root, "/", "/../_site-secret/key.txt"), Is.Null);
        Assert.That(PreviewCommand.Resolve(root + "/", "/", "/%2e%2e%2f_site-secret%2fkey.txt"), Is.Null);
    }

    [Test]
    public void A_change_saved_during_a_rebuild_is_built_after_it_and_failures_do_not_stop_the_server()
    {
        var builds = 0;
        var inBuild = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var rebuilder = new PreviewRebuilder(() =>
        {
            var n = Interlocked.Increment(ref builds);
            if (n == 1)
            {
                inBuild.Set();
                release.Wait(TimeSpan.FromSeconds(30));
                throw new InvalidOperationException("theme exploded");
            }

            return null;
        });
        var first = Task.Run(rebuilder.Request);
        Assert.That(inBuild.Wait(TimeSpan.FromSeconds(30)), Is.True);

        // Two saves while the first build runs: one more build, after it.
        rebuilder.Request();
        rebuilder.Request();
        release.Set();
        Assert.That(first.Wait(TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(builds, Is.EqualTo(2));
        Assert.That(rebuilder.Problem, Is.Null, "the queued build succeeded");

        var failing = new PreviewRebuilder(() => throw new IOException("disk full"));
        failing.Request();
        Assert.That(failing.Problem, Does.Contain("disk full"));
    }

    [Test]
    public void Pages_reload_once_when_they_are_in_place_and_again_only_if_the_build_then_fails()
    {
        PreviewRebuilder? rebuilder = null;
        var reloads = new List<string?>();
        var outcomes = new Queue<Func<string?>>(
        [
            () => "units.csv 有错误", // input errors: no pages, one reload showing the problem
            () =>
            {
                rebuilder!.PagesWritten(); // the pages are in place: they reload at once, without the last problem
                return null;
            },
            () =>
            {
                rebuilder!.PagesWritten();
                throw new IOException("disk full"); // the data files failed after the pages: reload again with the problem
            },
        ]);
        rebuilder = new PreviewRebuilder(() => outcomes.Dequeue()(), () => reloads.Add(rebuilder!.Problem));

        rebuilder.Request();
        Assert.That(reloads, Is.EqualTo(new[] { "units.csv 有错误" }));
        rebuilder.Request();
        Assert.That(reloads, Is.EqualTo(new[] { "units.csv 有错误", null }), "one reload, when the pages were in place");
        rebuilder.Request();
        Assert.That(reloads, Has.Count.EqualTo(4));
        Assert.That(reloads[2], Is.Null);
        Assert.That(reloads[3], Does.Contain("disk full"));
    }

    [Test]
    public void Preview_build_problems_are_shown_on_the_page()
    {
        using var a = new Attack();
        Assert.That(a.Build().Code, Is.EqualTo(0));
        a.Write("input/units.csv", "id,name\n");
        var options = new DisclosureSite.Site.SiteOptions(a.Input, a.Path("_site"), new DateOnly(2026, 11, 24)) { RunPagefind = false };
        var problem = PreviewCommand.BuildAndDescribe(options, new DisclosureSite.Cli.CliContext(TextWriter.Null, TextWriter.Null, TimeProvider.System));
        Assert.That(problem, Is.Not.Null.And.Contains("units.csv"));
        var page = PreviewCommand.WithProblem(File.ReadAllText(a.Path("_site/index.html")), problem! + "<script>");
        Assert.That(page, Does.Contain("role=\"alert\"").And.Contain("&lt;script&gt;"));
    }

    [TestCase("javascript:alert(1)")]
    [TestCase("data:text/html,<script>alert(1)</script>")]
    [TestCase("file:///etc/")]
    [TestCase("https://")]
    [TestCase("https://example.org/\"><script>")]
    public void Base_url_must_be_a_web_address(string url)
    {
        using var a = new Attack();
        var run = a.Build("_site", "--base-url", url);
        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(Directory.Exists(a.Path("_site")), Is.False);

        File.WriteAllText(a.Path("input/site.yaml"), File.ReadAllText(a.Path("input/site.yaml")).Replace("https://example.github.io/town/", "'" + url.Replace("'", "''", StringComparison.Ordinal) + "'", StringComparison.Ordinal));
        var check = a.Check();
        Assert.That(check.Code, Is.EqualTo(1), check.ToString());
    }

    [TestCase("malformed")]
    [TestCase("huge")]
    [TestCase("wrong-shape")]
    public async Task Remind_survives_whatever_the_API_answers(string answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.Run(async http =>
        {
            http.Response.StatusCode = 200;
            http.Response.ContentType = "application/json; charset=utf-8";
            switch (answer)
            {
                case "malformed":
                    await http.Response.WriteAsync("[{\"number\": 1, \"title\": \"x\", ");
                    break;
                case "wrong-shape":
                    await http.Response.WriteAsync("{\"message\": {\"nested\": [1, 2, 3]}, \"number\": \"one\"}");
                    break;
                default:
                    // 100 MB, streamed without a length: the client must stop reading long before the end.
                    var chunk = new byte[1024 * 1024];
                    Array.Fill(chunk, (byte)' ');
                    await http.Response.Body.WriteAsync("["u8.ToArray());
                    for (var i = 0; i < 100 && !http.RequestAborted.IsCancellationRequested; i++)
                    {
                        await http.Response.Body.WriteAsync(chunk, http.RequestAborted);
                    }

                    break;
            }
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var a = new Attack();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var run = TestSites.Run(["remind", "--input", a.Input, "--as-of", "2026-11-24", "--api-url", url, "--repo", "example/town"], new Dictionary<string, string> { ["GITHUB_TOKEN"] = "t" });
        Assert.That(run.Code, Is.EqualTo(RemindCommand.ApiFailure), run.ToString());
        Assert.That(run.Error, Does.Contain("提醒失败").And.Not.Contain("   at "));
        Assert.That(GC.GetTotalMemory(forceFullCollection: true) - before, Is.LessThan(50L * 1024 * 1024));
    }
}
