using DisclosureSite.Loading;
using Microsoft.Win32.SafeHandles;

namespace DisclosureSite.Site.Write;

/// <summary>
/// The take-over's look at the spare's files (each one's size and time as its list says, <see cref="SiteOutput"/>'s
/// <c>TakeOver</c>), made ahead on a thread of its own from the moment the list is read: a one-file edit loads and
/// validates its input on one core for tens of milliseconds while the other idles, and its render steps then spend
/// ~80 ms of CPU at 50 villages (~22,000 <c>statx</c>) on these looks (docs/performance.md, "Point 2, twenty-seventh
/// round"). Each file is looked at once, here or by the take-over, whichever comes first; the answer is the same one the
/// take-over would get, a moment earlier.
/// </summary>
/// <remarks>
/// The spare is still where the last build left it when the look starts, and the build claims it (renames it) later:
/// the files are looked up from a handle on the folder itself, which follows it through the rename, and the answers are
/// used only when the folder the build claimed is that same folder (<see cref="InputFile.IdentityOf"/>) with the same
/// list. The search index's folder is not looked at: the claim removes it. Every other file of the spare is changed or
/// removed by the build only after it is taken off the spare's unclaimed files, where the take-over stops asking.
/// Linux on x64 and arm64 only (elsewhere the take-over looks for itself, as before).
/// </remarks>
internal sealed class SpareCheck : IDisposable
{
    private const int Unknown = 0;
    private const int Taken = 1;
    private const int Intact = 2;
    private const int Changed = 3;

    private readonly SafeFileHandle _folder;
    private readonly (uint Major, uint Minor, ulong Inode) _identity;
    private readonly string[] _paths;
    private readonly CachedFile[] _entries;
    private readonly Dictionary<CachedFile, int> _index;
    private readonly int[] _state;
    private readonly Task _run;
    private readonly int _count;
    private volatile bool _stopped;

    private SpareCheck(SafeFileHandle folder, (uint, uint, ulong) identity, IReadOnlyDictionary<string, CachedFile> files)
    {
        _folder = folder;
        _identity = identity;
        Files = files;
        _paths = new string[files.Count];
        _entries = new CachedFile[files.Count];
        _index = new Dictionary<CachedFile, int>(files.Count, ReferenceEqualityComparer.Instance);
        _state = new int[files.Count];
        var i = 0;
        foreach (var (path, entry) in files)
        {
            // An entry shared by two paths (never made so by the cache's decode) would be looked at for its first path only.
            if (_index.TryAdd(entry, i))
            {
                _paths[i] = path;
                _entries[i++] = entry;
            }
        }

        _count = i;
        _run = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Ends when every file was looked at or the looking was stopped.</summary>
    internal Task Done => _run;

    /// <summary>The spare's list the answers are of (the very object the build claims the spare with).</summary>
    public IReadOnlyDictionary<string, CachedFile> Files { get; }

    /// <summary>Starts looking at the files of the spare <paramref name="spareFolder"/> as <paramref name="files"/> lists them; null where this cannot be done.</summary>
    public static SpareCheck? Start(string spareFolder, IReadOnlyDictionary<string, CachedFile>? files)
    {
        if (files is null || files.Count == 0 || InputFile.OpenToLookUpFrom(spareFolder) is not { } folder)
        {
            return null;
        }

        if (InputFile.IdentityOf(folder) is not { } identity)
        {
            folder.Dispose();
            return null;
        }

        return new SpareCheck(folder, identity, files);
    }

    /// <summary>
    /// This check, for the folder the build claimed with <paramref name="present"/>, when that is the spare it looked at;
    /// else it is stopped and null.
    /// </summary>
    public SpareCheck? For(string claimedFolder, IReadOnlyDictionary<string, CachedFile>? present)
    {
        if (ReferenceEquals(present, Files) && InputFile.OpenToLookUpFrom(claimedFolder) is { } claimed)
        {
            using (claimed)
            {
                if (InputFile.IdentityOf(claimed) == _identity)
                {
                    return this;
                }
            }
        }

        Dispose();
        return null;
    }

    /// <summary>
    /// Whether the spare's file of <paramref name="entry"/> was found as the list says (true), changed or gone (false), or
    /// not looked at yet (null: the caller looks, and this check no longer will).
    /// </summary>
    public bool? Answer(CachedFile entry)
    {
        if (!_index.TryGetValue(entry, out var i))
        {
            return null;
        }

        return Interlocked.CompareExchange(ref _state[i], Taken, Unknown) switch
        {
            Intact => true,
            Changed => false,
            _ => null,
        };
    }

    /// <summary>Stops the looking (an answer not yet given stays unknown) and closes the folder's handle once it has stopped.</summary>
    public void Dispose()
    {
        _stopped = true;
        _run.GetAwaiter().GetResult();
        _folder.Dispose();
    }

    private void Run()
    {
        var folder = (int)_folder.DangerousGetHandle();
        for (var i = 0; i < _count && !_stopped; i++)
        {
            var path = _paths[i];
            if (path.StartsWith("pagefind/", StringComparison.Ordinal) || Interlocked.CompareExchange(ref _state[i], Taken, Unknown) != Unknown)
            {
                continue;
            }

            Volatile.Write(ref _state[i], SiteOutput.Matches(InputCache.StampAt(folder, path, separator: false, []), _entries[i]) ? Intact : Changed);
        }
    }
}
