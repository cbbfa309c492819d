using System.Collections.Concurrent;
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
public sealed class SiteOutput
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, OutputFile> _files = new(StringComparer.Ordinal);
    private readonly string? _previous;

    public SiteOutput(string root, string? previousRoot)
    {
        Root = root;
        _previous = previousRoot is not null && Directory.Exists(previousRoot) ? previousRoot : null;
    }

    public string Root { get; }

    /// <summary>Every file written so far, sorted by path.</summary>
    public IReadOnlyList<OutputFile> Files => _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

    public int PageCount => _files.Keys.Count(p => p.EndsWith(".html", StringComparison.Ordinal));

    public bool Contains(string path) => _files.ContainsKey(path);

    public void WriteText(string path, string text) => Write(path, Utf8.GetBytes(text));

    public void Copy(string path, string sourceFile) => Write(path, File.ReadAllBytes(sourceFile));

    public void Write(string path, byte[] bytes)
    {
        CheckPath(path);
        var entry = new OutputFile(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length);
        if (!_files.TryAdd(path, entry))
        {
            // Two steps claiming one URL is a bug in the site's URL scheme, not bad input.
            throw new InvalidOperationException($"Two render steps wrote the same file: {path}");
        }

        var full = FullPath(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        KeepTimestampIfUnchanged(path, full, bytes);
    }

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
