using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace DisclosureSite.Site.Write;

/// <summary>
/// Builds go to a sibling folder (<c>_site.tmp-&lt;pid&gt;-&lt;random&gt;</c>) and are swapped into place at the end, so a
/// failed or killed build never leaves a half-written site (SPEC §9). On Linux the swap is one atomic
/// <c>renameat2(RENAME_EXCHANGE)</c>; elsewhere it is two renames, and a build that dies between them is repaired by
/// the next one (the <c>.old</c> folder is put back).
/// </summary>
public static partial class WriteOutputAtomically
{
    private const string TempMarker = ".tmp-";
    private const string OldMarker = ".old-";

    /// <summary>Repairs what an interrupted build left behind and creates a fresh temporary folder beside <paramref name="outputRoot"/>.</summary>
    public static string PrepareTemporaryFolder(string outputRoot)
    {
        var full = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        RecoverInterruptedSwap(full);
        RemoveLeftovers(full);
        var temp = Path.Combine(parent, $"{Path.GetFileName(full)}{TempMarker}{Environment.ProcessId}-{Path.GetRandomFileName().Replace(".", string.Empty, StringComparison.Ordinal)}");
        Directory.CreateDirectory(temp);
        return temp;
    }

    /// <summary>Puts the finished temporary folder in place of the output and deletes the previous output.</summary>
    public static void Swap(string temporaryFolder, string outputRoot)
    {
        var full = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar);
        if (!Directory.Exists(full))
        {
            Directory.Move(temporaryFolder, full);
            return;
        }

        if (TryExchange(temporaryFolder, full))
        {
            // The temporary name now holds the previous site.
            DeleteQuietly(temporaryFolder);
            return;
        }

        var old = $"{full}{OldMarker}{Environment.ProcessId}-{Path.GetRandomFileName().Replace(".", string.Empty, StringComparison.Ordinal)}";
        Directory.Move(full, old);
        Directory.Move(temporaryFolder, full);
        DeleteQuietly(old);
    }

    /// <summary>Throws away a temporary folder after a failed build.</summary>
    public static void Discard(string temporaryFolder) => DeleteQuietly(temporaryFolder);

    /// <summary>If a build died between the two renames of a non-atomic swap, the output is missing and its <c>.old</c> copy is whole.</summary>
    private static void RecoverInterruptedSwap(string full)
    {
        if (Directory.Exists(full))
        {
            return;
        }

        var old = Siblings(full, OldMarker).OrderByDescending(Directory.GetLastWriteTimeUtc).FirstOrDefault();
        if (old is not null)
        {
            Directory.Move(old, full);
        }
    }

    /// <summary>Deletes temporary and old folders whose build process is gone (a running build's folder is left alone).</summary>
    private static void RemoveLeftovers(string full)
    {
        foreach (var dir in Siblings(full, TempMarker).Concat(Siblings(full, OldMarker)))
        {
            if (!IsOwnerAlive(dir))
            {
                DeleteQuietly(dir);
            }
        }
    }

    private static IEnumerable<string> Siblings(string full, string marker)
    {
        var parent = Path.GetDirectoryName(full)!;
        return Directory.Exists(parent)
            ? Directory.EnumerateDirectories(parent, Path.GetFileName(full) + marker + "*")
            : [];
    }

    private static bool IsOwnerAlive(string dir)
    {
        var name = Path.GetFileName(dir);
        var marker = name.Contains(TempMarker, StringComparison.Ordinal) ? TempMarker : OldMarker;
        var rest = name[(name.LastIndexOf(marker, StringComparison.Ordinal) + marker.Length)..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return renameat2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    private static void DeleteQuietly(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover folder is removed by the next build; it must never fail this one.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int renameat2(int olddirfd, string oldpath, int newdirfd, string newpath, uint flags);
}
