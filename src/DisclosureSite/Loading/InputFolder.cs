using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>
/// The input folder: turns relative, <c>/</c>-separated references into real paths, refusing anything that
/// would leave the folder (<c>..</c>, absolute paths, symlinks pointing outside).
/// </summary>
public sealed class InputFolder
{
    // Real paths of folders already walked: a county has ~100,000 files in ~10,000 folders, and resolving every
    // component of every path again (two system calls each) was most of the load time (issue 8).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _realFolders = new(StringComparer.Ordinal);
    private readonly Lazy<string> _realRoot;

    public InputFolder(string root)
    {
        Root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        _realRoot = new Lazy<string>(() => RealPath(Root));
    }

    public string Root { get; }

    public string FullPath(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The input-relative, <c>/</c>-separated form of a path inside the folder.</summary>
    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    public bool Exists(string relative) => File.Exists(FullPath(relative));

    public bool DirectoryExists(string relative) => Directory.Exists(FullPath(relative));

    /// <summary>Files of a folder, sorted ordinally, as input-relative paths. Missing folder: none.</summary>
    public IReadOnlyList<string> Files(string relativeDir, string pattern = "*")
    {
        var full = FullPath(relativeDir);
        return Directory.Exists(full)
            ? Directory.EnumerateFiles(full, pattern).Select(Relative).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    public IReadOnlyList<string> Directories(string relativeDir)
    {
        var full = FullPath(relativeDir);
        return Directory.Exists(full)
            ? Directory.EnumerateDirectories(full).Select(Relative).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>
    /// Resolves a reference written in a file (a table or attachment) relative to that file's folder.
    /// Returns the input-relative path, or null with an <c>input.bad-reference</c> finding.
    /// </summary>
    public string? ResolveReference(string fromFile, string reference, SourceRef at, FindingSink sink, string? unit = null, string? period = null, string? item = null) =>
        ResolveReference(fromFile, reference, at, sink, null, unit, period, item);

    /// <summary>As above; every path looked at is added to <paramref name="looked"/> with its stamp (for <see cref="InputCache"/>).</summary>
    internal string? ResolveReference(string fromFile, string reference, SourceRef at, FindingSink sink, List<(string Path, InputCache.Stamp Stamp)>? looked, string? unit = null, string? period = null, string? item = null)
    {
        var r = reference.Trim();
        if (r.Length == 0)
        {
            sink.Report(FindingCodes.MissingField, at, Messages.EmptyReference(), unit, period, item);
            return null;
        }

        var unsafeForm = r.StartsWith('/') || r.StartsWith('\\') || r.Contains(':', StringComparison.Ordinal) || r.StartsWith('~')
            || r.Replace('\\', '/').Split('/').Any(s => s is ".." or ".");
        if (unsafeForm)
        {
            sink.Report(FindingCodes.BadReference, at, Messages.UnsafeReference(r), unit, period, item);
            return null;
        }

        var dir = Path.GetDirectoryName(fromFile.Replace('/', Path.DirectorySeparatorChar)) ?? string.Empty;
        var relative = Path.Combine(dir, r.Replace('\\', '/').Replace('/', Path.DirectorySeparatorChar)).Replace(Path.DirectorySeparatorChar, '/');
        var full = FullPath(relative);
        looked?.Add((relative, InputCache.StampOf(full)));
        if (!File.Exists(full))
        {
            sink.Report(FindingCodes.BadReference, at, Messages.MissingReference(r, relative), unit, period, item);
            return null;
        }

        if (!StaysInside(full))
        {
            sink.Report(FindingCodes.BadReference, at, Messages.SymlinkOutside(r), unit, period, item);
            return null;
        }

        return relative;
    }

    /// <summary>True when the path, with every symlink on the way resolved, is inside the input folder.</summary>
    public bool StaysInside(string fullPath)
    {
        var real = RealPathInside(Path.GetFullPath(fullPath));
        var root = _realRoot.Value;
        return real.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || real == root;
    }

    /// <summary>
    /// <see cref="RealPath"/> for a path under <see cref="Root"/>, walking only the components below the root and
    /// remembering the folders it has resolved. Same result as resolving the whole path.
    /// </summary>
    private string RealPathInside(string full)
    {
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return RealPath(full);
        }

        var parent = Path.GetDirectoryName(full)!;
        var realParent = parent == Root ? _realRoot.Value : _realFolders.GetOrAdd(parent, RealPathInside);
        return Resolve(Path.Combine(realParent, Path.GetFileName(full)));
    }

    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var parts = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(full) ?? "/";
        for (var i = 0; i < parts.Length; i++)
        {
            current = Resolve(Path.Combine(current, parts[i]));
        }

        return current;
    }

    /// <summary>Follows <paramref name="path"/> if its last component is a symlink.</summary>
    private static string Resolve(string path)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            return Path.GetFullPath(target.FullName);
        }

        return path;
    }
}
