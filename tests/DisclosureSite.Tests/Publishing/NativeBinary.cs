using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DisclosureSite.Tests.Publishing;

/// <summary>
/// The release binary as a township downloads it: this source compiled ahead of time for this machine
/// (<c>dotnet publish -r RID -p:PublishAot=true</c>, as <c>.github/workflows/release.yml</c> does on each system) into a
/// temporary folder, once per test run, and run as a process with no .NET beside it. Its code reads nothing by
/// reflection that the compiler could not see, so these tests run it through every command.
/// </summary>
internal static class NativeBinary
{
    private static readonly Lazy<(string Root, string Program, TimeSpan Time)> Made = new(Publish, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The native <c>disclosure</c> program.</summary>
    public static string Program => Made.Value.Program;

    /// <summary>Its folder (to put on PATH).</summary>
    public static string Folder => Path.GetDirectoryName(Made.Value.Program)!;

    /// <summary>How long compiling it took (reported by the tests).</summary>
    public static TimeSpan PublishTime => Made.Value.Time;

    public static void Remove()
    {
        if (Made.IsValueCreated)
        {
            TestSites.DeleteDir(Made.Value.Root);
        }
    }

    /// <summary>Runs the native binary with the given environment on top of this one; its exit code and output as UTF-8.</summary>
    public static (int Code, string Out, string Err) Run(string cwd, IReadOnlyDictionary<string, string> env, params string[] args) =>
        InstalledTool.Exec(Program, args, cwd, env);

    private static (string, string, TimeSpan) Publish()
    {
        var root = TestSites.TempDir("ds-native");
        var output = Path.Combine(root, "bin");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var project = Path.Combine(TestSites.RepoRoot, "src", "DisclosureSite.Cli", "DisclosureSite.Cli.csproj");
        var clock = Stopwatch.StartNew();
        // Its own artifacts folder: the repository's bin and obj, which this test run is using, are left alone.
        var publish = InstalledTool.Exec("dotnet", ["publish", project, "-c", configuration, "-r", RuntimeInformation.RuntimeIdentifier, "-p:PublishAot=true",
                "--artifacts-path", Path.Combine(root, "artifacts"), "-o", output, "-nologo"],
            root, new Dictionary<string, string>(), TimeSpan.FromMinutes(15));
        var program = Path.Combine(output, OperatingSystem.IsWindows() ? "disclosure.exe" : "disclosure");
        if (publish.Code != 0 || !File.Exists(program))
        {
            throw new AssertionException($"dotnet publish -p:PublishAot=true failed (exit {publish.Code}):\n{publish.Out}\n{publish.Err}");
        }

        TestContext.Progress.WriteLine($"[native binary] compiled in {clock.Elapsed.TotalSeconds:0.0} s: {program} ({new FileInfo(program).Length / 1_000_000} MB)");
        return (root, program, clock.Elapsed);
    }
}
