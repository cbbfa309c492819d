using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace DisclosureSite.Site.Write;

/// <summary>A file of the built site: its path below the site root (<c>/</c>-separated), SHA-256 and size.</summary>
public sealed record OutputFile(string Path, string Sha256, long Bytes);

/// <summary>
/// The folder a build writes into (the temporary sibling of the real output). Files go to disk as soon as they are
/// rendered, so memory stays bounded however large the site is. A file whose bytes equal the previous build's keeps
/// the previous timestamp (it is the same file, hard-linked), so rsync, browsers and CDNs see it as unchanged.
/// The folder may start empty or as a recycled earlier output (<see cref="WriteOutputAtomically.PrepareTemporaryFolder"/>) whose
/// files <paramref name="present"/> describes: a file that is already right stays, a wrong one is replaced (never
/// written in place: it may be a hard link to a published file), and what no step claims is removed by <see cref="Finish"/>.
/// </summary>
public sealed partial class SiteOutput
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, OutputFile> _files;
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedFile> _cached;
    private readonly ConcurrentQueue<string> _written = new();
    private readonly string? _previous;
    private IReadOnlyDictionary<string, CachedFile> _cache;
    private readonly IReadOnlyDictionary<string, CachedFile> _present;
    private readonly ConcurrentDictionary<string, bool> _unclaimed;
    private readonly OwnedOutput? _owned;
    private readonly int _build;
    private int _reused;

    /// <param name="root">The folder to write into.</param>
    /// <param name="previousRoot">The output in place (files are taken over from it), or null.</param>
    /// <param name="cache">What the build cache says of the output in place.</param>
    /// <param name="present">What <paramref name="root"/> already holds (a recycled output), or null when it is empty.</param>
    public SiteOutput(string root, string? previousRoot, IReadOnlyDictionary<string, CachedFile>? cache = null, IReadOnlyDictionary<string, CachedFile>? present = null)
    {
        Root = root;
        _previous = previousRoot is not null && Directory.Exists(previousRoot) ? previousRoot : null;
        _cache = _previous is null ? new Dictionary<string, CachedFile>() : cache ?? new Dictionary<string, CachedFile>();
        _present = present ?? new Dictionary<string, CachedFile>();

        // Sized for a site like the previous one: growing a concurrent table locks it whole while every step adds to it, and
        // makes every entry's node again (made from a list, the table of what the recycled output holds grew ~10 times to
        // its 22,000 paths at 50 villages). With an eighth to spare: a table grows as soon as the entries under one of its
        // locks pass their share, before the whole is full (sized to the count alone, all three still grew once).
        var expected = Headroom(Math.Max(_cache.Count, _present.Count));
        _unclaimed = new ConcurrentDictionary<string, bool>(Environment.ProcessorCount, Headroom(_present.Count), StringComparer.Ordinal);
        foreach (var path in _present.Keys)
        {
            _unclaimed[path] = true;
        }

        _files = new(Environment.ProcessorCount, expected, StringComparer.Ordinal);
        _cached = new(Environment.ProcessorCount, expected, StringComparer.Ordinal);
        _byStep = new(ByStep);
    }

    private static int Headroom(int count) => count + (count / 8) + 64;

    /// <summary>
    /// The look at the recycled output's files made ahead (<see cref="Write.SpareCheck"/>), for the folder this output
    /// builds in and its list of what it holds; the take-over asks it before looking itself.
    /// </summary>
    internal SpareCheck? SpareCheck { get; init; }

    /// <summary>This output with the previous build's files grouped by tag now rather than at the first group's take-over, which every render step would wait for.</summary>
    public SiteOutput WithGroupsIndexed()
    {
        _ = _byStep.Value;
        return this;
    }

    /// <summary>
    /// A rebuild in place of an output a session wrote and knows (<see cref="OwnedOutput"/>): a file whose bytes or key are
    /// unchanged is taken over with no look at the disk, a step's or item's group by its tag alone; a file with new bytes
    /// is written beside its place and renamed over it (a reader sees the old file or the new one, never part of one);
    /// <see cref="Finish"/> removes what no step claimed and records the build in <paramref name="owned"/>.
    /// </summary>
    public SiteOutput(OwnedOutput owned)
        : this(owned.Root, previousRoot: null)
    {
        _owned = owned;
        _cache = owned.Files;
        _build = ++owned.Builds;
    }

    /// <summary>In place: the group of <paramref name="step"/> was taken over whole by this build.</summary>
    private bool Taken(string step) => _owned!.Groups.TryGetValue(step, out var group) && group.TakenIn == _build;

    /// <summary>True for a rebuild in place (<see cref="SiteOutput(OwnedOutput)"/>).</summary>
    public bool InPlace => _owned is not null;

    /// <summary>Files taken over unchanged from the previous output (hard-linked or already in place, not written).</summary>
    public int Reused => _reused;

    /// <summary>The files put on disk with new bytes (not taken over), sorted by path.</summary>
    public IReadOnlyList<string> Written => _written.Order(StringComparer.Ordinal).ToList();

    /// <summary>What the build cache should remember of this output, sorted by path (a rebuild in place records it in its <see cref="OwnedOutput"/>).</summary>
    public IReadOnlyList<(string Path, CachedFile File)> CacheEntries => _owned is { } owned
        ? owned.Sorted.Select(p => (p, owned.Files[p])).ToList()
        : CachedInPathOrder();

    /// <summary>How many files the output holds so far.</summary>
    public int FileCount => _owned is null ? _files.Count : InPlaceFiles().Count;

    /// <summary>The build cache's entry of the file at <paramref name="path"/> (as <see cref="CacheEntries"/> has it), or null.</summary>
    public (string Path, CachedFile File)? CacheEntryOf(string path) => _owned is null && CachedOf(path) is { } entry ? (path, entry) : null;

    /// <summary>
    /// The cache's entries in path order: those of the files in the order <see cref="Files"/> has them (every remembered
    /// file is a file of the output), else, should one not be, sorted on their own.
    /// </summary>
    private List<(string Path, CachedFile File)> CachedInPathOrder()
    {
        var count = _cached.Count + _takenInGroups;
        var entries = new List<(string Path, CachedFile File)>(count);
        foreach (var file in SortedFiles())
        {
            if (CachedOf(file.Path) is { } entry)
            {
                entries.Add((file.Path, entry));
            }
        }

        if (entries.Count == count)
        {
            return entries;
        }

        var all = new ConcurrentDictionary<string, CachedFile>(_cached, StringComparer.Ordinal);
        if (_takenInGroups > 0)
        {
            foreach (var group in _byStep.Value.Values.Where(g => g.Taken))
            {
                foreach (var path in group.Paths)
                {
                    all.TryAdd(path, _cache[path]);
                }
            }
        }

        return InPathOrder(all).ConvertAll(kv => (kv.Key, kv.Value));
    }

    /// <summary>
    /// What the build cache will remember of <paramref name="path"/>: what this build wrote or took over by itself, else,
    /// for a file of a group taken over whole, the previous build's entry as it was (not copied into a table per file).
    /// </summary>
    private CachedFile? CachedOf(string path) =>
        _cached.TryGetValue(path, out var entry) ? entry
        : _takenInGroups > 0 && _cache.TryGetValue(path, out var before) && before.Step is { } tag && _byStep.Value.TryGetValue(tag, out var group) && group.Taken ? before
        : null;

    /// <summary>The key the previous build recorded for its file at <paramref name="path"/>, or null.</summary>
    public string? PreviousKeyOf(string path) => _cache.TryGetValue(path, out var entry) ? entry.Key : null;

    /// <summary>
    /// The previous output's file at <paramref name="path"/> opened for reading, with the key the cache recorded for it,
    /// when it is there as the cache recorded it (its size and time: the check of a take-over); else null. For a file put
    /// together from parts of its previous bytes (<see cref="FileByParts"/>); never in place (a session's output is rewritten as it is read).
    /// </summary>
    public (string? Key, long Bytes, Microsoft.Win32.SafeHandles.SafeFileHandle Handle)? OpenPrevious(string path)
    {
        if (_owned is not null || _previous is null || !_cache.TryGetValue(path, out var entry) || !IsIntact(_previous, path, entry))
        {
            return null;
        }

        try
        {
            return (entry.Key, entry.Bytes, File.OpenHandle(FullPath(_previous, path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Takes over <paramref name="path"/> from the previous output without rendering it when the previous build rendered
    /// it from the same <paramref name="key"/> and the file is still exactly as that build left it.
    /// </summary>
    public bool TryReuse(string path, string key)
    {
        if (!_cache.TryGetValue(path, out var entry) || entry.Key != key || !TakeOver(path, entry))
        {
            return false;
        }

        _cached[path] = entry with { Step = StepTag };
        return true;
    }

    /// <summary>
    /// The tag of the render step running on this flow (<see cref="Render.StepDigests.TagOf"/>), recorded with every file
    /// it writes or takes over; null for the others. The steps run at once, each in its own task (and its pages in
    /// parallel tasks started from it), so the tag is the task's own: set in a step's task, every task it starts sees it.
    /// </summary>
    public string? StepTag { get => _stepTag.Value; set => _stepTag.Value = value; }

    private readonly AsyncLocal<string?> _stepTag = new();

    /// <summary>
    /// One group of files (a render step, a unit's page, an item's page and downloads) under <paramref name="tag"/>: the
    /// previous build's group is taken over whole when <see cref="TryReuseStep"/> can; else it is rendered
    /// (<see cref="RenderUnder"/>). True when the group was taken over.
    /// </summary>
    public bool RenderGroup(string? tag, Action render)
    {
        if (tag is not null && TryReuseStep(tag))
        {
            return true;
        }

        RenderUnder(tag, render);
        return false;
    }

    /// <summary>
    /// Runs <paramref name="render"/> with <see cref="StepTag"/> set to <paramref name="tag"/> (the enclosing tag when null:
    /// a build without a cache), put back afterwards, also when it throws — for a group whose take-over was tried already.
    /// </summary>
    public void RenderUnder(string? tag, Action render)
    {
        var enclosing = StepTag;
        StepTag = tag ?? enclosing;
        try
        {
            render();
        }
        finally
        {
            StepTag = enclosing;
        }
    }

    /// <summary>
    /// Takes over, unchanged, every file the previous build's step wrote under <paramref name="tag"/> — the same step
    /// from the same inputs — when every one of them is still as that build left it; else takes nothing (the step runs).
    /// </summary>
    public bool TryReuseStep(string tag)
    {
        if (_owned is { } owned)
        {
            // In place: the group is the session's own and trusted whole (a file of it written by another step this
            // build is a broken URL scheme, found by Finish).
            if (!owned.Groups.TryGetValue(tag, out var ownGroup) || Interlocked.Exchange(ref ownGroup.TakenIn, _build) == _build)
            {
                return false;
            }

            Interlocked.Add(ref _reused, ownGroup.Count);
            return true;
        }

        if (!_byStep.Value.TryGetValue(tag, out var group))
        {
            return false;
        }

        var paths = group.Paths;
        foreach (var path in paths)
        {
            if (_files.ContainsKey(path))
            {
                return false;
            }
        }

        // One pass (one stat per file, as when the step runs and reuses each page); any file changed since → undone.
        // Whether each file was in the recycled output is kept for an undo: on the stack for an item's group (its page
        // and downloads), on the heap for a step's larger one.
        Span<bool> wasPresent = paths.Length <= 256 ? stackalloc bool[paths.Length] : new bool[paths.Length];
        for (var i = 0; i < paths.Length; i++)
        {
            var path = paths[i];
            wasPresent[i] = _unclaimed.ContainsKey(path);
            var entry = _cache[path];
            if (!TakeOver(path, entry))
            {
                for (var done = 0; done < i; done++)
                {
                    Release(paths[done], wasPresent[done]);
                }

                return false;
            }
        }

        group.Taken = true;
        Interlocked.Add(ref _takenInGroups, paths.Length);
        return true;
    }

    /// <summary>The previous build's files of one step or item (one tag), in the cache's order, and whether this build took them over whole.</summary>
    private sealed class StepGroup(string[] paths)
    {
        public string[] Paths { get; } = paths;

        public volatile bool Taken;
    }

    // The files of the groups taken over whole: their entries are the previous build's (CachedOf).
    private int _takenInGroups;

    // The previous build's files by the tag of the step that wrote them, in the cache's order: made once, by the first
    // step to ask (the steps run at once; a plain ??= let each of them build the table over the whole cache).
    private readonly Lazy<Dictionary<string, StepGroup>> _byStep;

    // Counted, then filled: arrays of their exact size, not grown and copied as a GroupBy's are (an item's page and
    // downloads are a group: ~62,000 of them at 300 villages).
    private Dictionary<string, StepGroup> ByStep()
    {
        var left = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, file) in _cache)
        {
            if (file.Step is { } step)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(left, step, out _)++;
            }
        }

        var groups = new Dictionary<string, StepGroup>(left.Count, StringComparer.Ordinal);
        foreach (var (path, file) in _cache)
        {
            if (file.Step is { } step)
            {
                ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, step, out _);
                ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(left, step);
                group ??= new StepGroup(new string[count]);
                group.Paths[group.Paths.Length - count--] = path;
            }
        }

        return groups;
    }

    /// <summary>Undoes a <see cref="TakeOver"/>: the file is no longer this build's (a recycled one goes back to the unclaimed).</summary>
    private void Release(string path, bool wasPresent)
    {
        _files.TryRemove(path, out _);
        lock (_sorting)
        {
            _sorted = null;
            _claimedSinceSorted = null;
        }

        _cached.TryRemove(path, out _);
        Interlocked.Decrement(ref _reused);
        if (wasPresent && _present.TryGetValue(path, out var here) && IsIntact(Root, path, here))
        {
            _unclaimed[path] = true;
        }
        else
        {
            File.Delete(FullPath(Root, path));
        }
    }

    public string Root { get; }

    /// <summary>Every file written so far, sorted by path.</summary>
    public IReadOnlyList<OutputFile> Files => _owned is null ? SortedFiles() : InPlaceFiles();

    // The files in path order as the last call to Files gave them, and the paths claimed since (files are only added once
    // the pages are written: the sitemap, the attachments, the ledger, the manifest). A build asks four times — sitemap,
    // manifest, the summary, the build cache — and each ordering of ~130,000 paths took ~0.1 s at 300 villages; the later
    // ones merge the few new.
    private List<OutputFile>? _sorted;
    private ConcurrentQueue<string>? _claimedSinceSorted;
    private readonly Lock _sorting = new();

    private List<OutputFile> SortedFiles()
    {
        lock (_sorting)
        {
            if (_sorted is not null && _claimedSinceSorted is { } claimed)
            {
                var added = new List<OutputFile>();
                while (claimed.TryDequeue(out var path))
                {
                    added.Add(_files[path]);
                }

                added.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
                _sorted = Merged(_sorted, added, f => f.Path);
            }

            if (_sorted is null || _sorted.Count != _files.Count)
            {
                _claimedSinceSorted = new ConcurrentQueue<string>();
                _sorted = InPathOrder(_files).ConvertAll(kv => kv.Value);
            }

            // Given out as it is: a list here is never changed once made (Merged and InPathOrder make new ones).
            return _sorted;
        }
    }

    /// <summary>
    /// The entries of <paramref name="byPath"/> sorted by path. The previous build's cache holds its paths sorted (as
    /// <see cref="CacheEntries"/> gave them), and most of this build's paths are among them: those are taken in that
    /// order and the few new ones merged in, instead of sorting ~120,000 paths that share long prefixes (150 ms a sort at
    /// 300 villages; a build orders its files once, <see cref="SortedFiles"/>). A cache not in order is not relied on.
    /// </summary>
    private List<KeyValuePair<string, T>> InPathOrder<T>(ConcurrentDictionary<string, T> byPath)
    {
        // The previous paths in chunks, looked up at once (two cores; ~130,000 look-ups at 300 villages), each chunk's found
        // ones in its order, the chunks then put together in theirs.
        const int Chunk = 16384;
        var paths = _cache.Keys.ToArray();
        var chunks = new List<KeyValuePair<string, T>>[(paths.Length + Chunk - 1) / Chunk];
        var inOrder = true;
        Parallel.For(0, chunks.Length, c =>
        {
            var end = Math.Min(paths.Length, (c + 1) * Chunk);
            var found = new List<KeyValuePair<string, T>>(end - (c * Chunk));
            for (var i = c * Chunk; i < end; i++)
            {
                if (i > 0 && string.CompareOrdinal(paths[i - 1], paths[i]) >= 0)
                {
                    inOrder = false;
                    return;
                }

                if (byPath.TryGetValue(paths[i], out var value))
                {
                    found.Add(new(paths[i], value));
                }
            }

            chunks[c] = found;
        });
        if (!inOrder)
        {
            return byPath.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        }

        var list = new List<KeyValuePair<string, T>>(byPath.Count);
        foreach (var found in chunks)
        {
            list.AddRange(found);
        }

        // Every path was the previous build's (a rebuild of the same site): nothing to merge in.
        return list.Count == byPath.Count
            ? list
            : Merged(list, byPath.Where(kv => !_cache.ContainsKey(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList(), kv => kv.Key);
    }

    /// <summary><paramref name="inOrder"/> and <paramref name="added"/>, both sorted by path and with no path in common, merged in path order.</summary>
    private static List<T> Merged<T>(List<T> inOrder, List<T> added, Func<T, string> pathOf)
    {
        if (added.Count == 0)
        {
            return inOrder;
        }

        var merged = new List<T>(inOrder.Count + added.Count);
        var next = 0;
        foreach (var item in inOrder)
        {
            for (; next < added.Count && string.CompareOrdinal(pathOf(added[next]), pathOf(item)) < 0; next++)
            {
                merged.Add(added[next]);
            }

            merged.Add(item);
        }

        merged.AddRange(added.Skip(next));
        return merged;
    }

    /// <summary>
    /// In place, the files claimed so far: those of the groups taken over whole and those written or taken one by one,
    /// in path order (the previous build's order, merged with the few new paths; nothing sorted again).
    /// </summary>
    private List<OutputFile> InPlaceFiles()
    {
        var owned = _owned!;
        var kept = new List<OutputFile>(owned.Files.Count + 16);
        var (paths, files, groups) = owned.Listing();
        for (var i = 0; i < paths.Length; i++)
        {
            // A file of a group taken over whole as the session recorded it (no other step may write it: Commit checks);
            // else the file as this build wrote or took it, if it did.
            if (groups[i] is { } group && group.TakenIn == _build)
            {
                kept.Add(files[i]);
            }
            else if (_files.TryGetValue(paths[i], out var file))
            {
                kept.Add(file);
            }
        }

        var added = _files.Where(kv => !owned.Files.ContainsKey(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).ToList();
        return Merged(kept, added, f => f.Path);
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark), encoded into a pooled buffer.</summary>
    public void WriteText(string path, string text, string? key = null)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            Write(path, buffer.AsSpan(0, Utf8.GetBytes(text, buffer)), key);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Copy(string path, string sourceFile, string? key = null) => Write(path, File.ReadAllBytes(sourceFile), key);

    public void Write(string path, byte[] bytes, string? key = null) => Write(path, bytes.AsSpan(), key);

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="path"/> (the caller may reuse the buffer afterwards).</summary>
    public void Write(string path, ReadOnlySpan<byte> bytes, string? key = null)
    {
        CheckPath(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (TakeOverSame(path, sha, bytes.Length, key))
        {
            return;
        }

        var full = Prepare(path, sha, bytes.Length);
        if (_owned is not null)
        {
            // In place: the new file is made whole beside its place, then renamed over the old one.
            var partial = PartialOf(full);
            File.Delete(partial);
            try
            {
                var ticks = NewFile.Write(partial, bytes);
                File.Move(partial, full, overwrite: true);
                Placed(path, full, bytes.Length, sha, key, ticks);
            }
            catch
            {
                File.Delete(partial);
                throw;
            }

            return;
        }

        Placed(path, full, bytes.Length, sha, key, NewFile.Write(full, bytes, _near.Value, Root, path));
    }

    private static string PartialOf(string full) =>
        full + ".partial-" + Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes a large file (a whole-site CSV or JSON) through <paramref name="write"/> straight to disk, hashing as it
    /// goes, so the file is never held in memory whole. The same bytes as the previous output's are taken over as usual.
    /// </summary>
    public void Write(string path, Action<Stream> write, string? key = null) =>
        Write(path, stream =>
        {
            write(stream);
            return key;
        });

    /// <summary>
    /// As <see cref="Write(string, Action{Stream}, string?)"/>, with the file's key given by <paramref name="write"/> once it
    /// has written it (a key that says where parts of the file lie: <see cref="FileByParts"/>). <paramref name="write"/> may be called twice
    /// (the file written over first, then made anew): the key of the last call is kept.
    /// </summary>
    public void Write(string path, Func<Stream, string?> write)
    {
        CheckPath(path);
        var full = FullPath(Root, path);
        if (TryWriteOver(path, full, write))
        {
            return;
        }

        CreateFolderOf(path, full);
        var partial = PartialOf(full);
        try
        {
            string sha;
            long length;
            string? key;
            using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                (sha, length, key) = WriteHashed(file, write);
            }

            Place(path, sha, length, key, target => File.Move(partial, target, overwrite: _owned is not null));
        }
        finally
        {
            // Left over when the previous output's file was taken over instead, or when writing failed.
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Writes a large file over the recycled output's own file at <paramref name="path"/> (its bytes from two builds ago,
    /// in this build's folder only: one link, not a link itself) instead of making a new one beside it and deleting the
    /// old: the kernel writes into the pages it has cached for the file rather than taking thousands of fresh ones and
    /// freeing as many (the manifest and the whole-site data files change with every edit, ~17 MB at 50 villages;
    /// docs/performance.md, "Point 2, twenty-second round"). Nobody reads this folder before the swap, and a build that
    /// fails leaves the file with a new time, which the next build's take-over does not trust. False when there is no
    /// such file (nothing done), or when its bytes came out the previous output's and that file could not be taken over
    /// (the file written over is gone then).
    /// </summary>
    private bool TryWriteOver(string path, string full, Func<Stream, string?> write)
    {
        if (_owned is not null || !_unclaimed.ContainsKey(path) || Loading.InputFile.OpenSoleToRewrite(full) is not { } handle)
        {
            return false;
        }

        if (!_unclaimed.TryRemove(path, out _))
        {
            // Claimed by another step meanwhile (a bug in the site's URL scheme, which Claim reports).
            handle.Dispose();
            return false;
        }

        string sha;
        long length;
        string? key;
        using (var file = new FileStream(handle, FileAccess.Write, 64 * 1024))
        {
            (sha, length, key) = WriteHashed(file, write);
            file.SetLength(length);
        }

        if (PreviousWithBytes(path, sha, length) is not null)
        {
            // The previous output's bytes: its file is taken over (linked in this one's place) as Place would; when it
            // cannot be (changed since), the caller writes the file again the usual way.
            File.Delete(full);
            return TakeOverSame(path, sha, length, key);
        }

        Claim(path, new OutputFile(path, sha, length));
        Placed(path, full, length, sha, key, File.GetLastWriteTimeUtc(full).Ticks);
        return true;
    }

    /// <summary>
    /// Puts the file at <paramref name="path"/> with this hash and size in place: taken over from the previous output when
    /// that has the same bytes (so it keeps its timestamp), else made by <paramref name="put"/> at its full path.
    /// </summary>
    private void Place(string path, string sha, long length, string? key, Action<string> put)
    {
        if (TakeOverSame(path, sha, length, key))
        {
            return;
        }

        var full = Prepare(path, sha, length);
        put(full);
        Placed(path, full, length, sha, key, File.GetLastWriteTimeUtc(full).Ticks);
    }

    /// <summary>Takes the previous output's file at <paramref name="path"/> over when it has these very bytes.</summary>
    private bool TakeOverSame(string path, string sha, long length, string? key)
    {
        if (PreviousWithBytes(path, sha, length) is { } previous && TakeOver(path, previous))
        {
            _cached[path] = previous with { Key = key, Step = StepTag };
            return true;
        }

        return false;
    }

    /// <summary>The previous output's file at <paramref name="path"/> when it has these very bytes (hash and size), else null.</summary>
    private CachedFile? PreviousWithBytes(string path, string sha, long length) =>
        _cache.TryGetValue(path, out var previous) && previous.Sha256 == sha && previous.Bytes == length ? previous : null;

    /// <summary>Writes into <paramref name="file"/> through <paramref name="write"/>, hashing as it goes: the bytes' SHA-256 (hex), their number and the key <paramref name="write"/> gave.</summary>
    private static (string Sha, long Length, string? Key) WriteHashed(Stream file, Func<Stream, string?> write)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length;
        string? key;
        using (var hashing = new Loading.HashingStream(file, hash.AppendData))
        {
            key = write(hashing);
            length = hashing.Length;
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), length, key);
    }

    /// <summary>Claims <paramref name="path"/> for a new file and makes room for it; returns its full path.</summary>
    private string Prepare(string path, string sha, long length)
    {
        Claim(path, new OutputFile(path, sha, length));
        var full = FullPath(Root, path);
        RemovePresent(path, full);
        CreateFolderOf(path, full);
        return full;
    }

    /// <summary>Records the new file, written with last-write time <paramref name="writeTicks"/>, in the build cache.</summary>
    private void Placed(string path, string full, long length, string sha, string? key, long writeTicks)
    {
        _written.Enqueue(path);
        if (KeepTimestampIfUnchanged(path, full, length, sha))
        {
            writeTicks = File.GetLastWriteTimeUtc(full).Ticks;
        }

        _cached[path] = new CachedFile(key, sha, length, writeTicks, StepTag);
    }

    private static string Sha256Of(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Removes the files of a recycled output that this build did not write or take over, and folders left empty.</summary>
    public void Finish()
    {
        CloseHandles();
        if (_owned is not null)
        {
            Commit(finished: true);
            return;
        }

        RemoveFiles(_unclaimed.Keys);
        _unclaimed.Clear();
    }

    /// <summary>Closes the threads' handles near this build's files (<see cref="Loading.NearFolder"/>; one that is asked again opens anew).</summary>
    private void CloseHandles()
    {
        foreach (var near in _near.Values)
        {
            near.Dispose();
        }
    }

    /// <summary>
    /// A rebuild in place that failed (a broken theme, say): what it wrote stays in the output, so it is recorded in the
    /// session's <see cref="OwnedOutput"/> — untagged, as are the other files of every group it rewrote part of — and
    /// nothing is removed. The next rebuild takes over or replaces each of them one by one.
    /// </summary>
    public void Abandon()
    {
        CloseHandles();
        if (_owned is not null)
        {
            Commit(finished: false);
        }
    }

    /// <summary>In place: records this build's files in the session's <see cref="OwnedOutput"/>; finished, removes what no step claimed.</summary>
    private void Commit(bool finished)
    {
        var owned = _owned!;
        var touched = _cached.ToArray();
        var rewritten = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, entry) in touched)
        {
            if (owned.Files.TryGetValue(path, out var old) && old.Step is { } step)
            {
                if (finished && Taken(step))
                {
                    // A group taken over whole holds a file another step wrote: two steps claim one URL (as in Claim).
                    throw new InvalidOperationException($"Two render steps wrote the same file: {path}");
                }

                rewritten.Add(step);
            }
        }

        if (!finished)
        {
            foreach (var step in rewritten)
            {
                owned.Ungroup(step);
            }

            foreach (var (path, entry) in touched)
            {
                owned.Record(path, entry with { Step = null });
            }

            return;
        }

        // What the previous build wrote and no step claimed: the files of groups not taken over, and untagged files,
        // that this build did not write or take one by one.
        var gone = owned.Groups.Values.Where(g => g.TakenIn != _build).SelectMany(g => g).Concat(owned.Untagged)
            .Where(p => !_cached.ContainsKey(p)).ToList();
        RemoveFiles(gone);
        foreach (var path in gone)
        {
            owned.Delete(path);
        }

        foreach (var (path, entry) in touched)
        {
            owned.Record(path, entry);
        }
    }

    /// <summary>Deletes the files at <paramref name="paths"/> and the folders they leave empty.</summary>
    private void RemoveFiles(IEnumerable<string> paths)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = FullPath(Root, path);
            File.Delete(full);
            folders.Add(Path.GetDirectoryName(full)!);
        }

        // Deepest first, so a folder emptied by removing its last subfolder goes too.
        var root = Path.GetFullPath(Root).TrimEnd(Path.DirectorySeparatorChar);
        foreach (var folder in folders.OrderByDescending(f => f.Length))
        {
            for (var dir = folder; dir.Length > root.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any(); dir = Path.GetDirectoryName(dir)!)
            {
                Directory.Delete(dir);
            }
        }
    }

    private void Claim(string path, OutputFile entry)
    {
        if (!_files.TryAdd(path, entry))
        {
            // Two steps claiming one URL is a bug in the site's URL scheme, not bad input.
            throw new InvalidOperationException($"Two render steps wrote the same file: {path}");
        }

        _claimedSinceSorted?.Enqueue(path);
    }

    private void CreateFolderOf(string path, string full)
    {
        // Marked as made only once it exists: steps write at once, and one that saw the mark before the folder was made
        // would open a file in a folder not there yet. Two threads may both make it; the second finds it there. Made from
        // a handle on the folder above it where there is one (NearFolder), else by the whole path.
        var folder = Path.GetDirectoryName(full)!;
        if (!_folders.ContainsKey(folder))
        {
            if (!_near.Value!.MakeFolderOf(Root, path))
            {
                Directory.CreateDirectory(folder);
            }

            _folders.TryAdd(folder, true);
        }
    }

    /// <summary>A recycled output's file at <paramref name="path"/> is unlinked before a new one is put there.</summary>
    private void RemovePresent(string path, string full)
    {
        if (_unclaimed.TryRemove(path, out _))
        {
            File.Delete(full);
        }
    }

    /// <summary>
    /// Takes the previous output's file into this one if it is still what the cache says (size and time): it is already
    /// here when the recycled output holds the very same file, else it is hard-linked.
    /// </summary>
    private bool TakeOver(string path, CachedFile entry)
    {
        if (_owned is not null)
        {
            // In place: the file is there as the session left it (trusted, not looked at).
            Claim(path, new OutputFile(path, entry.Sha256, entry.Bytes));
            Interlocked.Increment(ref _reused);
            return true;
        }

        CheckPath(path);
        if (_present.TryGetValue(path, out var here) && (ReferenceEquals(here, entry) || (here.Sha256 == entry.Sha256 && here.Bytes == entry.Bytes && here.WriteTicks == entry.WriteTicks))
            && (SpareCheck?.Answer(here) ?? IsIntact(Root, path, here)) && _unclaimed.TryRemove(path, out _))
        {
            Claim(path, new OutputFile(path, entry.Sha256, entry.Bytes));
            Interlocked.Increment(ref _reused);
            return true;
        }

        if (!IsIntact(_previous!, path, entry))
        {
            return false;
        }

        var full = FullPath(Root, path);
        var old = FullPath(_previous!, path);
        RemovePresent(path, full);
        CreateFolderOf(path, full);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() || link(old, full) != 0)
        {
            // No hard links here (or across devices): a copy with the same timestamp does the same job.
            File.Copy(old, full);
            File.SetLastWriteTimeUtc(full, new DateTime(entry.WriteTicks, DateTimeKind.Utc));
        }

        Claim(path, new OutputFile(path, entry.Sha256, entry.Bytes));
        Interlocked.Increment(ref _reused);
        return true;
    }

    /// <summary>
    /// The file exists with the size and last-write time the cache recorded: nobody changed it since. On Linux one
    /// <c>statx</c> into a per-thread buffer from a folder near the file (<see cref="Loading.NearFolder"/>) instead of a
    /// <see cref="FileInfo"/>: the take-over asks this of ~130,000 files at 300 villages. The same answer: a regular file
    /// (a link followed), its size, and its modification time as <see cref="FileInfo.LastWriteTimeUtc"/> gives it (seconds
    /// and 100-ns ticks).
    /// </summary>
    private bool IsIntact(string root, string path, CachedFile entry)
    {
        if (OperatingSystem.IsLinux())
        {
            return Matches(_near.Value!.StampOf(root, path), entry);
        }

        var info = new FileInfo(FullPath(root, path));
        return info.Exists && info.Length == entry.Bytes && info.LastWriteTimeUtc.Ticks == entry.WriteTicks;
    }

    /// <summary>Whether a file's <c>statx</c> stamp is that of the file as the cache recorded it: there, of its size and last-write time.</summary>
    internal static bool Matches(Loading.InputCache.Stamp stamp, CachedFile entry) =>
        stamp.Size >= 0 && stamp.Size == entry.Bytes && WriteTicksOf(stamp.Mtime) == entry.WriteTicks;

    // Each thread's handles near this build's files (the steps write and take files over on both cores); closed by Finish
    // and Abandon.
    private readonly ThreadLocal<Loading.NearFolder> _near = new(() => new Loading.NearFolder(), trackAllValues: true);

    /// <summary>A modification time in nanoseconds since 1970 as <see cref="DateTime.Ticks"/> (UTC), rounded down as .NET's file times are.</summary>
    internal static long WriteTicksOf(long unixNanoseconds) =>
        DateTime.UnixEpoch.Ticks + (unixNanoseconds / 100) - (unixNanoseconds % 100 < 0 ? 1 : 0);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int link(string oldpath, string newpath);

    /// <summary>Gives files that someone else wrote into the output (Pagefind) the previous timestamps where their bytes did not change.</summary>
    public void KeepTimestampsUnder(string folder)
    {
        var dir = FullPath(Root, folder);
        if (_previous is null || !Directory.Exists(dir))
        {
            return;
        }

        foreach (var full in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, full).Replace(Path.DirectorySeparatorChar, '/');
            KeepTimestampIfUnchanged(relative, full, new FileInfo(full).Length, Sha256Of(full));
        }
    }

    /// <summary>A file with the same bytes (size and SHA-256) as the previous output's gets its timestamp.</summary>
    private bool KeepTimestampIfUnchanged(string path, string full, long length, string sha)
    {
        if (_previous is null)
        {
            return false;
        }

        if (_cache.TryGetValue(path, out var before) && before.Bytes == length && IsIntact(_previous, path, before))
        {
            // The previous file is as the cache describes it: its hash is the cache's, not read again to find that out
            // (the manifest and the whole-site data files, ~100 MB at 300 villages, change with every edit).
            if (before.Sha256 != sha)
            {
                return false;
            }

            File.SetLastWriteTimeUtc(full, new DateTime(before.WriteTicks, DateTimeKind.Utc));
            return true;
        }

        var old = new FileInfo(FullPath(_previous, path));
        if (old.Exists && old.Length == length && Sha256Of(old.FullName) == sha)
        {
            File.SetLastWriteTimeUtc(full, old.LastWriteTimeUtc);
            return true;
        }

        return false;
    }

    private static string FullPath(string root, string path) => Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));

    private static void CheckPath(string path)
    {
        if (!IsSafePath(path))
        {
            throw new ArgumentException($"Not a safe site path: '{path}'", nameof(path));
        }
    }

    /// <summary>Not empty, no <c>\\</c>, and no segment between <c>/</c> empty, <c>.</c> or <c>..</c> (so no leading <c>/</c>); no allocation (it runs per file).</summary>
    internal static bool IsSafePath(ReadOnlySpan<char> path)
    {
        if (path.Length == 0 || path.Contains('\\'))
        {
            return false;
        }

        while (true)
        {
            var slash = path.IndexOf('/');
            var segment = slash < 0 ? path : path[..slash];
            if (segment is "" or "." or "..")
            {
                return false;
            }

            if (slash < 0)
            {
                return true;
            }

            path = path[(slash + 1)..];
        }
    }
}
