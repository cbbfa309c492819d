using DisclosureSite.Loading;

namespace DisclosureSite.Tests;

/// <summary>Finds the repository's folders from the test output directory.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    public static string DemoInput => Path.Combine(RepoRoot, "input");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DisclosureSite.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DisclosureSite.sln not found above the test directory");
    }

    /// <summary>
    /// Loads through the input cache in <paramref name="cacheFolder"/> with a clock 3 s ahead: files the test wrote a moment
    /// ago already count as settled (the cache skips files changed within 2 s of its clock), so no test sleeps.
    /// </summary>
    public static LoadOptions Cached(string cacheFolder) =>
        new() { UseCache = true, CacheFolder = cacheFolder, Clock = new ShiftedClock(TimeSpan.FromSeconds(3)) };

    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> Made = new();

    /// <summary>A fresh empty temporary folder; the caller may delete it, and whatever is left goes after the last test.</summary>
    public static string TempDir(string prefix = "ds-test")
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        Made.Enqueue(path);
        return path;
    }

    /// <summary>Deletes every folder <see cref="TempDir"/> made that is still there (run once, after the last test).</summary>
    internal static void RemoveTempDirs()
    {
        while (Made.TryDequeue(out var path))
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    /// <summary>A loopback port nobody listens on right now (for a preview server under test).</summary>
    public static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}

/// <summary>A temporary folder (not made until something is copied or written into it), deleted afterwards.</summary>
public sealed class TempFolder(string prefix = "ds-test") : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");

    /// <summary>Copies the folder <paramref name="from"/> to <c>Root/name</c> and returns that path.</summary>
    public string Copy(string from, string name)
    {
        var to = Path.Combine(Root, name);
        TestPaths.CopyDirectory(from, to);
        return to;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

/// <summary>After the last test of the assembly: the temporary folders the tests left, those of failed tests too.</summary>
[SetUpFixture]
public sealed class TempDirCleanup
{
    [OneTimeTearDown]
    public void Remove() => TestPaths.RemoveTempDirs();
}

/// <summary>The system clock moved by a fixed amount (ahead or behind).</summary>
public sealed class ShiftedClock(TimeSpan by) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + by;
}
