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
        Directory.Exists(outputRoot) ? Read(PathFor(outputRoot)) ?? new Dictionary<string, CachedFile>(StringComparer.Ordinal) : new Dictionary<string, CachedFile>(StringComparer.Ordinal);

    /// <summary>The entries of a cache file, or null when there is none or it cannot be read.</summary>
    public static Dictionary<string, CachedFile>? Read(string path)
    {
        var entries = new Dictionary<string, CachedFile>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            // Read whole, then decoded from memory: through a file stream's 4 KiB buffer, a 300-village cache (130,000
            // entries, 29 MB) took ~7,000 reads and most of a second; it is read twice per build (the cache and the spare's list).
            var bytes = File.ReadAllBytes(path);
            var reader = new Loading.WrittenBytes(bytes);
            if (reader.ReadString() != Format)
            {
                return null;
            }

            var count = reader.ReadInt32();
            if (count < 0)
            {
                return null;
            }

            entries.EnsureCapacity(count);
            var steps = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var file = reader.ReadString();
                var key = reader.ReadString();
                var entry = new CachedFile(key.Length == 0 ? null : key, reader.ReadString(), reader.ReadInt64(), reader.ReadInt64());
                // A step's tag is written once, then by its number.
                var step = reader.ReadInt32();
                if (step == steps.Count)
                {
                    steps.Add(reader.ReadString());
                }

                entries[file] = step < 0 ? entry : entry with { Step = steps[step] };
            }

            return reader.AtEnd ? entries : null;
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

    /// <summary>Writes a cache file through a temporary file and a rename; returns whether it was written.</summary>
    public static bool Write(string path, IReadOnlyCollection<(string Path, CachedFile File)> files)
    {
        var temp = path + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var writer = new BinaryWriter(new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20), Encoding.UTF8))
            {
                writer.Write(Format);
                writer.Write(files.Count);
                var steps = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var (file, entry) in files)
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
                    else if (steps.TryGetValue(entry.Step, out var number))
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
            }

            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch (IOException)
        {
            // Without a cache the next build is a full one: never a reason to fail this build.
            File.Delete(temp);
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
