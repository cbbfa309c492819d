using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using DisclosureSite.Model;

namespace DisclosureSite.Tests.Publishing;

/// <summary>
/// The <c>disclosure</c> .NET tool as a township gets it: this build packed into a temporary folder feed and installed
/// from there into a temporary tool path (<c>dotnet tool install --tool-path</c>), with a NuGet configuration that
/// knows only that feed and an empty package cache, so nothing stale or downloaded can stand in for it. Packed and
/// installed once per test run (the end-to-end test and the workflow replay share it); removed at the end.
/// </summary>
internal static class InstalledTool
{
    private static readonly Lazy<Installation> Made = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The installed <c>disclosure</c> program.</summary>
    public static string Program => Made.Value.Program;

    /// <summary>The folder of the installed program (to put on PATH).</summary>
    public static string Folder => Path.GetDirectoryName(Made.Value.Program)!;

    /// <summary>How long packing and installing took (reported by the tests).</summary>
    public static TimeSpan PackTime => Made.Value.PackTime;

    public static TimeSpan InstallTime => Made.Value.InstallTime;

    /// <summary>The folder where the .NET runtime is (for DOTNET_ROOT: the tool's launcher finds the runtime with it).</summary>
    public static string DotnetRoot { get; } = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>Deletes the feed and the tool path when this run made them.</summary>
    public static void Remove()
    {
        if (Made.IsValueCreated)
        {
            TestSites.DeleteDir(Made.Value.Root);
        }
    }

    /// <summary>Runs the installed tool (or another program) with the given environment on top of a clean one; returns its exit code and output as UTF-8.</summary>
    public static (int Code, string Out, string Err) Run(string cwd, IReadOnlyDictionary<string, string> env, params string[] args) =>
        Exec(Program, args, cwd, env);

    public static (int Code, string Out, string Err) Exec(string program, IEnumerable<string> args, string cwd, IReadOnlyDictionary<string, string> env, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(program, args)
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.Environment["DOTNET_ROOT"] = DotnetRoot;
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new AssertionException($"{program} {string.Join(' ', args)} did not finish in time");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private sealed record Installation(string Root, string Program, TimeSpan PackTime, TimeSpan InstallTime);

    private static Installation Install()
    {
        var root = TestSites.TempDir("ds-installed-tool");
        var feed = Directory.CreateDirectory(Path.Combine(root, "feed")).FullName;
        var tools = Path.Combine(root, "tools");
        var config = Path.Combine(root, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages"), ["HOME"] = root };

        // The test run has just built the CLI in this configuration: pack that build (no second build, no restore).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var project = Path.Combine(TestSites.RepoRoot, "src", "DisclosureSite.Cli", "DisclosureSite.Cli.csproj");
        var clock = Stopwatch.StartNew();
        var pack = Exec("dotnet", ["pack", project, "-c", configuration, "--no-build", "-o", feed], root, env, TimeSpan.FromMinutes(10));
        var packTime = clock.Elapsed;
        if (pack.Code != 0 || Directory.GetFiles(feed, "DisclosureSite.Cli.*.nupkg").Length != 1)
        {
            throw new AssertionException($"dotnet pack failed (exit {pack.Code}):\n{pack.Out}\n{pack.Err}");
        }

        clock.Restart();
        var install = Exec("dotnet", ["tool", "install", "DisclosureSite.Cli", "--version", ToolInfo.Version, "--tool-path", tools, "--configfile", config], root, env, TimeSpan.FromMinutes(10));
        if (install.Code != 0)
        {
            throw new AssertionException($"dotnet tool install failed (exit {install.Code}):\n{install.Out}\n{install.Err}");
        }

        var program = Path.Combine(tools, OperatingSystem.IsWindows() ? "disclosure.exe" : "disclosure");
        TestContext.Progress.WriteLine($"[installed tool] pack {packTime.TotalSeconds:0.0} s, install {clock.Elapsed.TotalSeconds:0.0} s: {program}");
        return new Installation(root, program, packTime, clock.Elapsed);
    }
}

/// <summary>Removes the packed and installed tool and the native binary after the last test of this namespace.</summary>
[SetUpFixture]
public sealed class InstalledToolCleanup
{
    [OneTimeTearDown]
    public void Remove()
    {
        InstalledTool.Remove();
        NativeBinary.Remove();
    }
}
