using System.Text;

namespace DisclosureSite.Site.Write;

/// <summary>What the build cache remembers of one file of the published site.</summary>
/// <param name="Key">The page's <see cref="Render.RenderKey"/> (null for files written from bytes).</param>
/// <param name="Sha256">The file's SHA-256 (hex).</param>
/// <param name="Bytes">Its size.</param>
/// <param name="WriteTicks">Its last-write time (UTC ticks): with the size, proof that nobody changed the file since.</param>
/// <param name="Step">The render step that wrote it and the digest of what that step read (<see cref="Render.StepDigests"/>),
/// or null: the next build takes over every file of a step whose tag is unchanged without running it.</param>
public sealed record CachedFile(string? Key, string Sha256, long Bytes, long WriteTicks, string? Step = null);

/// <summary>
/// The persistent build cache: one file beside the output (<c>.{output}.build-cache</c>, never inside the published
/// site, safe to delete) describing every file of the current output — its render key, hash, size and time. The next
/// build does not render a page whose key is unchanged, and hard-links unchanged files from the current output into
/// the new one instead of writing them, so they keep their timestamps. The cache is removed before the swap and
/// written after it, so it always describes the site in place or nothing.
/// </summary>
public static class BuildCache
{
    private const string Format = "disclosure-build-cache 2";

    public static string PathFor(string outputRoot)
    {
        var full = System.IO.Path.GetFullPath(outputRoot).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, "." + System.IO.Path.GetFileName(full) + ".build-cache");
    }

    /// <summary>The cache of the output in place, or empty when there is none or it cannot be read (a full build follows).</summary>
    public static IReadOnlyDictionary<string, CachedFile> Load(string outputRoot) =>
        (Directory.Exists(outputRoot) ? Read(PathFor(outputRoot)) : null) ?? new Dictionary<string, CachedFile>(StringComparer.Ordinal);

    /// <summary>The entries of a cache file, or null when there is none or it cannot be read.</summary>
    public static Dictionary<string, CachedFile>? Read(string path) => Decode(path, like: null)?.Entries;

    /// <summary>
    /// The cache of the output in place (as <see cref="Load"/>) and the spare's list (as <see cref="Read"/>: null when
    /// there is none or it cannot be read), read together. The spare's list is the cache of the build before: most of
    /// its entries are byte for byte the cache's (a file unchanged by the last build is the same file, linked), and
    /// such an entry is the cache's very <see cref="CachedFile"/>, not a second copy of its strings. Every entry of both
    /// files is still read and checked as <see cref="Read"/> checks it (a damaged list is null, a damaged cache empty).
    /// </summary>
    public static (IReadOnlyDictionary<string, CachedFile> Cache, Dictionary<string, CachedFile>? Spare) LoadWithSpare(string outputRoot, string spareList)
    {
        var cache = Directory.Exists(outputRoot) ? Decode(PathFor(outputRoot), like: null) : null;
        var spare = Decode(spareList, like: cache);
        return ((IReadOnlyDictionary<string, CachedFile>?)cache?.Entries ?? new Dictionary<string, CachedFile>(StringComparer.Ordinal), spare?.Entries);
    }

    /// <summary>A decoded cache file: its entries, and where each entry's bytes lie (to know the same entry in another file without decoding it).</summary>
    private sealed class Decoded(ReadOnlyMemory<byte> bytes, int count)
    {
        public ReadOnlyMemory<byte> Bytes { get; } = bytes;

        public Dictionary<string, CachedFile> Entries { get; } = new(count, StringComparer.Ordinal);

        /// <summary>Per entry, in file order.</summary>
        public Placed[] Order { get; } = new Placed[count];

        /// <summary>Per step number: where its tag's bytes lie.</summary>
        public List<(int Start, int End)> Tags { get; } = [];

        public ReadOnlySpan<byte> PathOf(int i) => Bytes.Span[Order[i].PathStart..Order[i].PathEnd];

        public ReadOnlySpan<byte> FieldsOf(int i) => Bytes.Span[Order[i].PathEnd..Order[i].FieldsEnd];

        public ReadOnlySpan<byte> TagOf(int i) => Order[i].Step < 0 ? default : Bytes.Span[Tags[Order[i].Step].Start..Tags[Order[i].Step].End];
    }

    /// <summary>An entry of a decoded file: where its path's bytes start and end, where its key, hash, size and time end, its step's number, and what was decoded.</summary>
    private readonly record struct Placed(int PathStart, int PathEnd, int FieldsEnd, int Step, string Path, CachedFile File);

    /// <summary>
    /// Decodes a cache file, or null when there is none or it cannot be read. With <paramref name="like"/> (another file
    /// already decoded, written in the same path order), an entry with the very bytes of <paramref name="like"/>'s entry
    /// of the same path is that entry (its path, tag and <see cref="CachedFile"/> are not decoded again).
    /// </summary>
    private static Decoded? Decode(string path, Decoded? like)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            // Mapped, then decoded in place: through a file stream's 4 KiB buffer, a 300-village cache (130,000 entries,
            // 29 MB) took ~7,000 reads and most of a second, and read whole it was 29 MB of fresh memory (the cache and the
            // spare's list: twice that) for strings that are copies. Nothing decoded keeps the mapping.
            var bytes = Loading.MappedFile.Read(path);
            if (bytes.IsEmpty)
            {
                return null;
            }

            var reader = new Loading.WrittenBytes(bytes);
            if (reader.ReadString() != Format)
            {
                return null;
            }

            var count = reader.ReadInt32();
            if (count < 0 || count > bytes.Length)
            {
                return null;
            }

            var decoded = new Decoded(bytes, count);
            var steps = new List<string>();
            var next = 0;
            for (var i = 0; i < count; i++)
            {
                var (pathStart, pathEnd) = reader.SkipString();
                var key = reader.SkipString();
                var sha = reader.SkipString();
                var size = reader.ReadInt64();
                var ticks = reader.ReadInt64();
                var fieldsEnd = reader.Position;

                // The other file's entry of the same path, found by walking its entries alongside (both are in path order;
                // any other order only finds fewer).
                var same = -1;
                if (like is not null)
                {
                    var pathBytes = bytes.Span[pathStart..pathEnd];
                    while (next < like.Order.Length && like.PathOf(next).SequenceCompareTo(pathBytes) < 0)
                    {
                        next++;
                    }

                    same = next < like.Order.Length && like.PathOf(next).SequenceEqual(pathBytes) ? next : -1;
                }

                // A step's tag is written once, then by its number; a tag with the bytes of the other entry's is its string.
                var step = reader.ReadInt32();
                if (step == steps.Count)
                {
                    var (tagStart, tagEnd) = reader.SkipString();
                    var tagBytes = bytes.Span[tagStart..tagEnd];
                    steps.Add(same >= 0 && like!.Order[same].File.Step is { } theirs && like.TagOf(same).SequenceEqual(tagBytes) ? theirs : reader.StringAt(tagStart, tagEnd));
                    decoded.Tags.Add((tagStart, tagEnd));
                }

                var tag = step < 0 ? null : steps[step];
                Placed entry;
                if (same >= 0 && like!.Order[same].File.Step == tag && like.FieldsOf(same).SequenceEqual(bytes.Span[pathEnd..fieldsEnd]))
                {
                    entry = like.Order[same] with { PathStart = pathStart, PathEnd = pathEnd, FieldsEnd = fieldsEnd, Step = step };
                }
                else
                {
                    var file = new CachedFile(key.Start == key.End ? null : reader.StringAt(key.Start, key.End), reader.StringAt(sha.Start, sha.End), size, ticks, tag);
                    entry = new Placed(pathStart, pathEnd, fieldsEnd, step, same >= 0 ? like!.Order[same].Path : reader.StringAt(pathStart, pathEnd), file);
                }

                decoded.Entries[entry.Path] = entry.File;
                decoded.Order[i] = entry;
            }

            return reader.AtEnd ? decoded : null;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when there is nothing at <paramref name="path"/> or a file this tool wrote there (a cache, its temporary form).</summary>
    public static bool IsCacheOrAbsent(string path)
    {
        if (Directory.Exists(path))
        {
            return false;
        }

        if (!File.Exists(path))
        {
            return true;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            return new FileInfo(path).Length == 0 || reader.ReadString() == Format;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static void Delete(string outputRoot) => DeleteFile(PathFor(outputRoot));

    /// <summary>
    /// Takes the cache of the output in place out of its place before the swap (it must describe the site in place or
    /// nothing), keeping its file: after the swap it describes the spare, and is renamed to the spare's list instead
    /// of being written again (<see cref="WriteOutputAtomically.Swap"/>). Returns where it went, or null when there was none.
    /// </summary>
    public static string? Retire(string outputRoot)
    {
        var path = PathFor(outputRoot);
        var retired = path + ".retired";
        if (!IsCacheOrAbsent(retired))
        {
            // Not a file this tool wrote: left alone, and the cache is simply deleted (issue 12).
            DeleteFile(path);
            return null;
        }

        try
        {
            if (File.Exists(path))
            {
                File.Move(path, retired, overwrite: true);
                return retired;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DeleteFile(path);
        }

        DeleteFile(retired);
        return null;
    }

    /// <summary>Deletes a cache file, quietly: a cache that cannot be deleted is not a reason to fail a build.</summary>
    public static void DeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Writes the cache for the output now in place (through a temporary file and a rename).</summary>
    public static void Save(string outputRoot, IReadOnlyList<(string Path, CachedFile File)> files) => Write(PathFor(outputRoot), files);

    /// <summary>
    /// Writes the cache for the output now in place from entries encoded before (<see cref="Encode"/>, on the other core
    /// while the manifest was written) and the entries of the files made since, each put in its place in path order.
    /// Returns false, writing nothing, when a late entry cannot go in as it is (its path already there, or it belongs to
    /// a render step: steps are numbered in path order): the caller writes the cache whole instead.
    /// </summary>
    public static bool Save(string outputRoot, Encoded early, IReadOnlyList<(string Path, CachedFile File)> late)
    {
        var at = new int[late.Count];
        for (var i = 0; i < late.Count; i++)
        {
            var found = early.Paths.BinarySearch(late[i].Path, StringComparer.Ordinal);
            if (found >= 0 || late[i].File.Step is not null || (i > 0 && string.CompareOrdinal(late[i - 1].Path, late[i].Path) >= 0))
            {
                return false;
            }

            at[i] = ~found;
        }

        Interlocked.Increment(ref _savedFromEncoded);
        return WriteFile(PathFor(outputRoot), writer =>
        {
            writer.Write(Format);
            writer.Write(early.Paths.Count + late.Count);
            var bytes = early.Bytes.AsSpan(0, early.Length);
            var from = 0;
            for (var i = 0; i < late.Count; i++)
            {
                var until = at[i] == early.Paths.Count ? early.Length : early.Starts[at[i]];
                writer.Write(bytes[from..until]);
                from = until;
                WriteEntry(writer, late[i].Path, late[i].File, steps: null);
            }

            writer.Write(bytes[from..]);
        });
    }

    private static long _savedFromEncoded;

    /// <summary>Caches written from entries encoded ahead in this process so far (tests).</summary>
    internal static long SavedFromEncoded => Interlocked.Read(ref _savedFromEncoded);

    /// <summary>Entries of a cache encoded ahead of writing it, in path order (<see cref="Encode"/>).</summary>
    public sealed class Encoded
    {
        internal Encoded(List<string> paths, List<int> starts, byte[] bytes, int length)
        {
            Paths = paths;
            Starts = starts;
            Bytes = bytes;
            Length = length;
        }

        /// <summary>How many entries.</summary>
        public int Count => Paths.Count;

        internal List<string> Paths { get; }

        /// <summary>Where each entry's bytes start.</summary>
        internal List<int> Starts { get; }

        internal byte[] Bytes { get; }

        internal int Length { get; }
    }

    /// <summary>Encodes the entries (in path order) of every file but <paramref name="except"/>, as the cache file holds them.</summary>
    public static Encoded Encode(IReadOnlyList<(string Path, CachedFile File)> files, string except)
    {
        var paths = new List<string>(files.Count);
        var starts = new List<int>(files.Count);
        using var stream = new MemoryStream(files.Count * 192);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var steps = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (file, entry) in files)
            {
                if (file == except)
                {
                    continue;
                }

                writer.Flush();
                paths.Add(file);
                starts.Add((int)stream.Position);
                WriteEntry(writer, file, entry, steps);
            }
        }

        return new Encoded(paths, starts, stream.GetBuffer(), (int)stream.Length);
    }

    /// <summary>Writes a cache file through a temporary file and a rename; returns whether it was written.</summary>
    public static bool Write(string path, IReadOnlyCollection<(string Path, CachedFile File)> files) => WriteFile(path, writer =>
    {
        writer.Write(Format);
        writer.Write(files.Count);
        var steps = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (file, entry) in files)
        {
            WriteEntry(writer, file, entry, steps);
        }
    });

    /// <summary>
    /// One entry: its path, key, hash, size and time, then its step's number — the first entry of a step writes the step's
    /// tag after its number (<paramref name="steps"/> numbers them in order; null: the entry has no step).
    /// </summary>
    private static void WriteEntry(BinaryWriter writer, string file, CachedFile entry, Dictionary<string, int>? steps)
    {
        writer.Write(file);
        writer.Write(entry.Key ?? string.Empty);
        writer.Write(entry.Sha256);
        writer.Write(entry.Bytes);
        writer.Write(entry.WriteTicks);
        if (entry.Step is null)
        {
            writer.Write(-1);
        }
        else if (steps!.TryGetValue(entry.Step, out var number))
        {
            writer.Write(number);
        }
        else
        {
            writer.Write(steps.Count);
            writer.Write(entry.Step);
            steps[entry.Step] = steps.Count;
        }
    }

    /// <summary>
    /// Keeps the spare's list, read and no longer needed once the spare is claimed, as the file the next cache of
    /// <paramref name="outputRoot"/> is written over (<see cref="WriteFile"/>: its temporary name for this process) instead
    /// of deleting it: the cache is written after the swap, on one core, and on a host that backs memory lazily a new
    /// file's pages cost like fresh memory (~10 µs per 4 KiB page, ~60 ms for the 23 MB cache at 300 villages), where
    /// the list's pages, just read, are in the page cache (docs/performance.md, "Point 2, twenty-seventh round").
    /// Deleted when it cannot be moved.
    /// </summary>
    public static void Recycle(string spareList, string outputRoot)
    {
        try
        {
            if (File.Exists(spareList))
            {
                File.Move(spareList, TemporaryPath(PathFor(outputRoot)), overwrite: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DeleteFile(spareList);
        }
    }

    /// <summary>Removes the file <see cref="Recycle"/> kept for a cache of <paramref name="outputRoot"/> that will not be written (a failed build).</summary>
    public static void ForgetRecycled(string outputRoot) => DeleteFile(TemporaryPath(PathFor(outputRoot)));

    /// <summary>
    /// Removes the cache files of <paramref name="outputRoot"/> that builds killed before they wrote their cache left under
    /// their temporary names (one kept by <see cref="Recycle"/> lives as long as the build): those of processes gone.
    /// </summary>
    public static void RemoveLeftovers(string outputRoot)
    {
        var cache = PathFor(outputRoot);
        var prefix = System.IO.Path.GetFileName(cache) + ".tmp-";
        try
        {
            foreach (var file in Directory.EnumerateFiles(System.IO.Path.GetDirectoryName(cache)!, prefix + "*"))
            {
                if (int.TryParse(System.IO.Path.GetFileName(file).AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
                    && !WriteOutputAtomically.IsRunning(pid))
                {
                    DeleteFile(file);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover that cannot be listed or removed costs disk space, never a build.
        }
    }

    /// <summary>Where this process writes a cache file before it is renamed to <paramref name="path"/>.</summary>
    private static string TemporaryPath(string path) => path + ".tmp-" + Environment.ProcessId;

    private static bool WriteFile(string path, Action<BinaryWriter> write)
    {
        var temp = TemporaryPath(path);
        try
        {
            // Over the file kept for it (Recycle) when that is a plain file with no other name, its bytes cut to what is
            // written; else a new one (any other thing of that name is removed first, never written through).
            var stream = Loading.InputFile.OpenSoleToRewrite(temp) is { } kept
                ? new FileStream(kept, FileAccess.Write, 1 << 16)
                : NewFile(temp);

            // A 64 KiB buffer: the entries encoded ahead go to the file without it, and a buffer is fresh memory (1 MiB of it
            // cost more than the system calls it saved for a cache written entry by entry: ~60 more writes of 64 KiB for 4 MB).
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                write(writer);
                writer.Flush();
                stream.SetLength(stream.Position);
            }

            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a cache the next build is a full one: never a reason to fail this build.
            DeleteFile(temp);
            return false;
        }
    }

    private static FileStream NewFile(string path)
    {
        DeleteFile(path);
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }
}
