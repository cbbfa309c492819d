using System.Diagnostics;
using DisclosureSite.Site;

namespace DisclosureSite.Tests.Site;

/// <summary>The demo site built once per test run (as of 2026-11-24, docs/demo.md) and shared by every site test.</summary>
public static class DemoSite
{
    public static readonly DateOnly AsOf = new(2026, 11, 24);

    private static readonly Lazy<(string Root, BuildResult Result)> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RepoRoot => TestPaths.RepoRoot;

    public static string Input => Path.Combine(RepoRoot, "input");

    /// <summary>The built site folder (its own temp folder, never the repository's _site).</summary>
    public static string Root => Built.Value.Root;

    public static BuildResult Result => Built.Value.Result;

    public static string File(string sitePath) => Path.Combine(Root, sitePath.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string sitePath) => System.IO.File.ReadAllText(File(sitePath));

    private static (string, BuildResult) Build()
    {
        var output = Path.Combine(TestPaths.TempDir("disclosure-demo"), "_site");
        var result = SiteBuilder.Build(new SiteOptions(Input, output, AsOf) { WorkingDirectory = RepoRoot });
        return (output, result);
    }
}

/// <summary>External tools the real-part tests need. Under CI=true a missing tool fails the test; locally it is ignored with the reason.</summary>
public static class RequiredTools
{
    public const string Chromium = "/usr/bin/chromium";

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Require(bool present, string what)
    {
        if (present)
        {
            return;
        }

        var message = $"{what} is missing; scripts/test installs it (apt: chromium fonts-noto-cjk default-jre-headless; npm ci).";
        if (UnderCi)
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
    }

    public static string? Java() => new[] { "/usr/bin/java" }.Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(p => Path.Combine(p, "java"))).FirstOrDefault(System.IO.File.Exists);

    public static string VnuJar => Path.Combine(DemoSite.RepoRoot, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>Runs a process to the end and returns its exit code and output.</summary>
    public static (int Code, string Out, string Err) Run(string file, IEnumerable<string> args, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? DemoSite.RepoRoot };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{file} did not finish in time");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A small input folder written by a test: one township and one village, with whatever disclosures the test adds.</summary>
public sealed class TinyInput : IDisposable
{
    public TinyInput()
    {
        Root = Path.Combine(Path.GetTempPath(), "disclosure-tiny-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Write("site.yaml", """
            name: 测试镇三务公开
            base_url: https://example.org/test/
            since: 2026-Q3
            dates_from: declared
            hotline: 0591-1234567
            """);
        Write("units.csv", "id,name,level,parent,division_code,clerk\nceshi,测试镇,township,,,\nv1,一村,village,ceshi,,\n");
    }

    public string Root { get; }

    public string Input => Root;

    public string Output => Path.Combine(Root + "-out", "_site");

    public void Write(string relative, string text)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }

    public BuildResult Build(DateOnly asOf) => SiteBuilder.Build(new SiteOptions(Root, Output, asOf) { RunPagefind = false });

    public void Dispose()
    {
        foreach (var dir in new[] { Root, Root + "-out" })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
