using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace DisclosureSite.Site.Write;

/// <summary>
/// Builds go to a sibling folder (<c>_site.tmp-&lt;pid&gt;-&lt;random&gt;</c>) and are swapped into place at the end, so a
/// failed or killed build never leaves a half-written site (SPEC §9). On Linux the swap is one atomic
/// <c>renameat2(RENAME_EXCHANGE)</c>; elsewhere it is two renames, and a build that dies between them is repaired by
/// the next one (the <c>.old</c> folder is put back).
/// <para>
/// With the build cache on, the previous output is not deleted after the swap but kept as the spare
/// (<c>._site.spare</c>, beside the output, with its file list in <c>._site.spare.build-cache</c>): the next build
/// claims it as its temporary folder and patches only what changed, instead of creating and deleting a tree of
/// 100,000+ files every time. Hard-linked files are shared with the published output, so the spare is never written
/// in place: a changed file is unlinked and created anew.
/// </para>
/// </summary>
public static partial class WriteOutputAtomically
{
    private const string TempMarker = ".tmp-";
    private const string OldMarker = ".old-";

    /// <summary>What shows that a folder is a site this tool built: its marker, or the manifest of an older version's build.</summary>
    public static IReadOnlyList<string> SiteMarkers { get; } = [ToolFolder.SiteMarker, GenerateManifest.Path];

    /// <summary>
    /// Why a build may not write to <paramref name="outputRoot"/> (null when it may): the output and its spare must be new,
    /// empty or made by this tool, and must not be or hold the input folder; the cache files beside it must be this
    /// tool's. Checked before anything is read or written. The command's working directory, when given, is kept like
    /// the process's current directory is.
    /// </summary>
    public static Model.LocalizedText? Refusal(string outputRoot, string inputRoot, string? workingDirectory = null)
    {
        string[] keep = workingDirectory is null ? [inputRoot] : [inputRoot, workingDirectory];
        if (ToolFolder.Refusal(outputRoot, SiteMarkers, keep) is { } output)
        {
            return output;
        }

        var spare = SpareOf(outputRoot);
        if ((File.Exists(spare) || Directory.Exists(spare)) && ToolFolder.Refusal(spare, SiteMarkers, keep) is { } spareRefusal)
        {
            return spareRefusal;
        }

        // A damaged cache beside the tool's own output is the tool's (a full build follows); without that output, a
        // file under the cache's name may be anyone's.
        var ownOutput = ToolFolder.IsMarked(outputRoot, SiteMarkers);
        foreach (var cache in new[] { BuildCache.PathFor(outputRoot), SpareListOf(outputRoot) })
        {
            if (!ownOutput && !BuildCache.IsCacheOrAbsent(cache))
            {
                return Model.Messages.ToolFileNotOurs(cache);
            }
        }

        return null;
    }

    /// <summary>
    /// Repairs what an interrupted build left behind and gives the folder to build into beside <paramref name="outputRoot"/>:
    /// with <paramref name="useSpare"/>, the spare when there is a usable one, with the list of what it holds
    /// (<c>Present</c>); else a fresh empty folder (<c>Present</c> null), and a build without the spare removes any.
    /// A long-lived session that knows what the spare holds (<paramref name="spareFiles"/>: it kept no list on disk, see
    /// <see cref="Swap(string, string, IReadOnlyDictionary{string, CachedFile}?, string?, bool)"/>) gives it instead of the
    /// list being read; every file is still checked (size and time) before it is kept.
    /// </summary>
    public static (string Folder, IReadOnlyDictionary<string, CachedFile>? Present) PrepareTemporaryFolder(string outputRoot, bool useSpare = false, IReadOnlyDictionary<string, CachedFile>? spareFiles = null)
    {
        var full = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        RecoverInterruptedSwap(full);
        RemoveLeftovers(full);
        if (useSpare && ClaimSpare(outputRoot, full, spareFiles) is { } spare)
        {
            return spare;
        }

        if (!useSpare)
        {
            DiscardSpare(outputRoot);
        }

        var temp = TemporaryName(full);
        Directory.CreateDirectory(temp);
        return (temp, null);
    }

    /// <summary>The spare of <paramref name="outputRoot"/>: an earlier output kept for the next build to patch.</summary>
    public static string SpareOf(string outputRoot)
    {
        var full = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".spare");
    }

    /// <summary>The file list of the spare (a build cache file beside it).</summary>
    public static string SpareListOf(string outputRoot) => SpareOf(outputRoot) + ".build-cache";

    /// <summary>
    /// Claims the spare (renamed to a temporary folder of this process) with the list of what it holds; null when there
    /// is no usable spare. The <c>pagefind</c> folder is removed from it: the search index is made anew for every build.
    /// </summary>
    private static (string Folder, IReadOnlyDictionary<string, CachedFile>? Present)? ClaimSpare(string outputRoot, string full, IReadOnlyDictionary<string, CachedFile>? known)
    {
        var spare = SpareOf(outputRoot);
        var list = SpareListOf(outputRoot);
        var files = known ?? BuildCache.Read(list);
        BuildCache.Recycle(list, outputRoot);
        if (!Directory.Exists(spare))
        {
            return null;
        }

        var temp = TemporaryName(full);
        try
        {
            Directory.Move(spare, temp);
        }
        catch (IOException)
        {
            // Another build claimed it first.
            return null;
        }

        if (files is null)
        {
            // A spare without its list cannot be patched safely.
            DeleteQuietly(temp);
            return null;
        }

        DeleteQuietly(Path.Combine(temp, "pagefind"));
        return (temp, files);
    }

    /// <summary>Removes the spare (builds without the cache do not keep one).</summary>
    private static void DiscardSpare(string outputRoot)
    {
        BuildCache.DeleteFile(SpareListOf(outputRoot));
        DeleteQuietly(SpareOf(outputRoot));
    }

    /// <summary>
    /// Puts the finished temporary folder in place of the output. The previous output is deleted, or, when
    /// <paramref name="previousFiles"/> lists what it holds, kept as the spare for the next build.
    /// </summary>
    /// <param name="temporaryFolder">The finished build.</param>
    /// <param name="outputRoot">The output to replace.</param>
    /// <param name="previousFiles">What the previous output holds (its build cache), or null.</param>
    /// <param name="previousList">The previous output's cache file, taken out of its place by <see cref="BuildCache.Retire"/>:
    /// it becomes the spare's list by a rename. Removed in any case.</param>
    /// <param name="spareListOnDisk">False for a long-lived session (the preview) that keeps the spare's list in memory
    /// (<see cref="PrepareTemporaryFolder"/>'s <c>spareFiles</c>): none is written, so no later build of another process
    /// trusts a spare it does not know.</param>
    public static void Swap(string temporaryFolder, string outputRoot, IReadOnlyDictionary<string, CachedFile>? previousFiles = null, string? previousList = null, bool spareListOnDisk = true)
    {
        try
        {
            Swap(temporaryFolder, Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar), outputRoot, previousFiles, spareListOnDisk ? previousList : null, spareListOnDisk);
        }
        finally
        {
            if (previousList is not null)
            {
                BuildCache.DeleteFile(previousList);
            }
        }
    }

    private static void Swap(string temporaryFolder, string full, string outputRoot, IReadOnlyDictionary<string, CachedFile>? previousFiles, string? previousList, bool spareListOnDisk)
    {
        if (!Directory.Exists(full))
        {
            Directory.Move(temporaryFolder, full);
            return;
        }

        if (TryExchange(temporaryFolder, full))
        {
            // The temporary name now holds the previous site.
            if (previousFiles is { Count: > 0 } && KeepAsSpare(temporaryFolder, outputRoot, spareListOnDisk ? previousFiles : null, previousList))
            {
                return;
            }

            DeleteQuietly(temporaryFolder);
            return;
        }

        var old = $"{full}{OldMarker}{Environment.ProcessId}-{Path.GetRandomFileName().Replace(".", string.Empty, StringComparison.Ordinal)}";
        Directory.Move(full, old);
        Directory.Move(temporaryFolder, full);
        DeleteQuietly(old);
    }

    /// <summary>
    /// The list first, then the folder: a list without a spare is ignored, a spare without a list is never used by another
    /// process. With <paramref name="files"/> null (a session keeping the list in memory) only the folder is kept.
    /// </summary>
    private static bool KeepAsSpare(string folder, string outputRoot, IReadOnlyDictionary<string, CachedFile>? files, string? previousList)
    {
        var spare = SpareOf(outputRoot);
        DeleteQuietly(spare);
        if (files is null)
        {
            BuildCache.DeleteFile(SpareListOf(outputRoot));
        }

        if (Directory.Exists(spare) || (files is not null && !(Renamed(previousList, SpareListOf(outputRoot)) || BuildCache.Write(SpareListOf(outputRoot), files.Select(kv => (kv.Key, kv.Value)).ToList()))))
        {
            return false;
        }

        try
        {
            Directory.Move(folder, spare);
            return true;
        }
        catch (IOException)
        {
            BuildCache.DeleteFile(SpareListOf(outputRoot));
            return false;
        }
    }

    /// <summary>Renames the previous output's cache file to the spare's list (it lists exactly what the spare holds).</summary>
    private static bool Renamed(string? previousList, string list)
    {
        if (previousList is null || !File.Exists(previousList))
        {
            return false;
        }

        try
        {
            File.Move(previousList, list, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string TemporaryName(string full) =>
        Path.Combine(Path.GetDirectoryName(full)!, $"{Path.GetFileName(full)}{TempMarker}{Environment.ProcessId}-{Path.GetRandomFileName().Replace(".", string.Empty, StringComparison.Ordinal)}");

    /// <summary>Throws away a temporary folder after a failed build.</summary>
    public static void Discard(string temporaryFolder) => DeleteQuietly(temporaryFolder);

    /// <summary>If a build died between the two renames of a non-atomic swap, the output is missing and its <c>.old</c> copy is whole.</summary>
    private static void RecoverInterruptedSwap(string full)
    {
        if (Directory.Exists(full))
        {
            return;
        }

        // Only a site this tool built is put back: a folder that merely has the name could be anyone's.
        var old = Siblings(full, OldMarker).Where(d => ToolFolder.IsMarked(d, SiteMarkers)).OrderByDescending(Directory.GetLastWriteTimeUtc).FirstOrDefault();
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
            // A folder of that name which this tool did not make (no marker, not empty) is left alone.
            if (!IsOwnerAlive(dir) && ToolFolder.IsEmptyOrMarked(dir, SiteMarkers))
            {
                DeleteQuietly(dir);
            }
        }

        BuildCache.RemoveLeftovers(full);
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
        return dash > 0 && int.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsRunning(pid);
    }

    /// <summary>
    /// Whether the build process <paramref name="pid"/> named in a leftover's name still runs (this process's own number
    /// is a dead process's: what this process names is made after the leftovers are removed).
    /// </summary>
    internal static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
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
