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
/// the previous timestamp, so rsync, browsers and CDNs see it as unchanged.
/// </summary>
public sealed partial class SiteOutput
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, OutputFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedFile> _cached = new(StringComparer.Ordinal);
    private readonly string? _previous;
    private readonly IReadOnlyDictionary<string, CachedFile> _cache;
    private int _reused;

    public SiteOutput(string root, string? previousRoot, IReadOnlyDictionary<string, CachedFile>? cache = null)
    {
        Root = root;
        _previous = previousRoot is not null && Directory.Exists(previousRoot) ? previousRoot : null;
        _cache = _previous is null ? new Dictionary<string, CachedFile>() : cache ?? new Dictionary<string, CachedFile>();
    }

    /// <summary>Files taken over unchanged from the previous output (hard-linked, not written).</summary>
    public int Reused => _reused;

    /// <summary>What the build cache should remember of this output, sorted by path.</summary>
    public IReadOnlyList<(string Path, CachedFile File)> CacheEntries =>
        _cached.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).ToList();

    /// <summary>
    /// Takes over <paramref name="path"/> from the previous output without rendering it when the previous build rendered
    /// it from the same <paramref name="key"/> and the file is still exactly as that build left it.
    /// </summary>
    public bool TryReuse(string path, string key)
    {
        if (!_cache.TryGetValue(path, out var entry) || entry.Key != key || !TryLinkPrevious(path, entry))
        {
            return false;
        }

        _cached[path] = entry;
        return true;
    }

    public string Root { get; }

    /// <summary>Every file written so far, sorted by path.</summary>
    public IReadOnlyList<OutputFile> Files => _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

    public int PageCount => _files.Keys.Count(p => p.EndsWith(".html", StringComparison.Ordinal));

    public bool Contains(string path) => _files.ContainsKey(path);

    public void WriteText(string path, string text, string? key = null) => Write(path, Utf8.GetBytes(text), key);

    public void Copy(string path, string sourceFile) => Write(path, File.ReadAllBytes(sourceFile));

    public void Write(string path, byte[] bytes, string? key = null)
    {
        CheckPath(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (_cache.TryGetValue(path, out var previous) && previous.Sha256 == sha && previous.Bytes == bytes.Length && TryLinkPrevious(path, previous))
        {
            // The same bytes as the file in place: linked, so it keeps its timestamp and costs no new file.
            _cached[path] = previous with { Key = key };
            return;
        }

        var entry = new OutputFile(path, sha, bytes.Length);
        Claim(path, entry);
        var full = FullPath(Root, path);
        CreateFolderOf(full);

        // A new file in a fresh folder: no share lock or truncation needed (File.WriteAllBytes does both).
        using (var handle = File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            RandomAccess.Write(handle, bytes, 0);
        }

        KeepTimestampIfUnchanged(path, full, bytes);
        _cached[path] = new CachedFile(key, sha, bytes.Length, File.GetLastWriteTimeUtc(full).Ticks);
    }

    private void Claim(string path, OutputFile entry)
    {
        if (!_files.TryAdd(path, entry))
        {
            // Two steps claiming one URL is a bug in the site's URL scheme, not bad input.
            throw new InvalidOperationException($"Two render steps wrote the same file: {path}");
        }
    }

    private void CreateFolderOf(string full)
    {
        var folder = Path.GetDirectoryName(full)!;
        if (_folders.TryAdd(folder, true))
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>Hard-links the previous output's file into this one if it is still what the cache says (size and time).</summary>
    private bool TryLinkPrevious(string path, CachedFile entry)
    {
        var old = new FileInfo(FullPath(_previous!, path));
        if (!old.Exists || old.Length != entry.Bytes || old.LastWriteTimeUtc.Ticks != entry.WriteTicks)
        {
            return false;
        }

        CheckPath(path);
        var full = FullPath(Root, path);
        CreateFolderOf(full);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() || link(old.FullName, full) != 0)
        {
            // No hard links here (or across devices): a copy with the same timestamp does the same job.
            File.Copy(old.FullName, full);
            File.SetLastWriteTimeUtc(full, old.LastWriteTimeUtc);
        }

        Claim(path, new OutputFile(path, entry.Sha256, entry.Bytes));
        Interlocked.Increment(ref _reused);
        return true;
    }

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
            KeepTimestampIfUnchanged(relative, full, File.ReadAllBytes(full));
        }
    }

    private void KeepTimestampIfUnchanged(string path, string full, byte[] bytes)
    {
        if (_previous is null)
        {
            return;
        }

        var old = new FileInfo(FullPath(_previous, path));
        if (old.Exists && old.Length == bytes.Length && File.ReadAllBytes(old.FullName).AsSpan().SequenceEqual(bytes))
        {
            File.SetLastWriteTimeUtc(full, old.LastWriteTimeUtc);
        }
    }

    private static string FullPath(string root, string path) => Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));

    private static void CheckPath(string path)
    {
        if (path.Length == 0 || path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || path.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"Not a safe site path: '{path}'", nameof(path));
        }
    }
}
