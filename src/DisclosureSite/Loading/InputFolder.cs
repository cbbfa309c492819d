using System.IO.Enumeration;
using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>
/// The input folder: turns relative, <c>/</c>-separated references into real paths, refusing anything that
/// would leave the folder (<c>..</c>, absolute paths, symlinks pointing outside) or enter a <c>.git</c> folder.
/// <see cref="Refusal"/> is the one check every reader of input files goes through (texts, tables, attachments,
/// theme overrides): a file is read only when its real path, links resolved, is inside the folder and outside <c>.git</c>.
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
    public IReadOnlyList<string> Files(string relativeDir, string pattern = "*") => Entries(relativeDir, pattern, files: true);

    /// <summary>Sub-folders of a folder, sorted ordinally, as input-relative paths. Missing folder: none.</summary>
    public IReadOnlyList<string> Directories(string relativeDir) => Entries(relativeDir, "*", files: false);

    /// <summary>
    /// The entries of a folder as input-relative paths, sorted ordinally. A county's load lists ~10,000 folders: a
    /// folder given in its plain relative form (no <c>.</c>, <c>..</c> or empty part) has its entries named by joining
    /// instead of working out each path's relative form again (the same strings).
    /// </summary>
    private List<string> Entries(string relativeDir, string pattern, bool files)
    {
        var full = FullPath(relativeDir);
        if (!Directory.Exists(full))
        {
            return [];
        }

        var prefix = IsPlainRelative(relativeDir) ? (relativeDir.Length == 0 ? string.Empty : relativeDir + "/") : null;
        var list = new List<string>();
        if (prefix is not null && pattern == "*")
        {
            // Every entry, named from its name as listed (the enumeration of Directory.EnumerateFiles and
            // EnumerateDirectories with "*", without making each entry's full path first only to cut it again).
            list.AddRange(new FileSystemEnumerable<string>(full, (ref FileSystemEntry entry) => string.Concat(prefix, entry.FileName), EnumerationOptions)
            {
                ShouldIncludePredicate = files ? (ref FileSystemEntry entry) => !entry.IsDirectory : (ref FileSystemEntry entry) => entry.IsDirectory,
            });
            list.Sort(StringComparer.Ordinal);
            return list;
        }

        foreach (var path in files ? Directory.EnumerateFiles(full, pattern) : Directory.EnumerateDirectories(full, pattern))
        {
            list.Add(prefix is null ? Relative(path) : prefix + Path.GetFileName(path));
        }

        list.Sort(StringComparer.Ordinal);
        return list;
    }

    /// <summary>What <see cref="Directory.EnumerateFiles(string, string)"/> lists with (<c>EnumerationOptions.Compatible</c>).</summary>
    private static readonly EnumerationOptions EnumerationOptions = new() { MatchType = MatchType.Win32, AttributesToSkip = 0, IgnoreInaccessible = false };

    /// <summary>An input-relative folder path with no <c>.</c>, <c>..</c> or empty part and no <c>\</c> (the empty string is the root).</summary>
    private static bool IsPlainRelative(string relative)
    {
        if (relative.Length == 0)
        {
            return true;
        }

        if (relative.Contains('\\') || relative.Contains('\0'))
        {
            return false;
        }

        // The parts looked at where they lie (a load lists ~5,000 folders: an array of parts for each was garbage).
        var path = relative.AsSpan();
        foreach (var range in path.Split('/'))
        {
            var part = path[range];
            if (part.IsEmpty || part is "." or "..")
            {
                return false;
            }
        }

        return true;
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

        if (Refusal(full, r) is { } refusal)
        {
            sink.Report(FindingCodes.BadReference, at, refusal, unit, period, item);
            return null;
        }

        return relative;
    }

    /// <summary>
    /// Reads a file of the input folder: the one door every loader reads through. A file outside the folder or in
    /// <c>.git</c> (<see cref="Refusal"/>) is <c>input.bad-reference</c>, one larger than <paramref name="maxBytes"/>
    /// <c>input.too-large</c>, an unreadable one <c>input.unreadable</c>; null then.
    /// </summary>
    public byte[]? ReadBytes(string relative, long maxBytes, FindingSink sink, string? unit = null, string? period = null, string? item = null)
    {
        var at = new SourceRef(relative);
        try
        {
            // A regular file, not a link, read in one go (InputFile): only the folders on its way can lead outside.
            var full = Path.GetFullPath(FullPath(relative));
            switch (InputFile.TryRead(full, maxBytes, out var read, out var size))
            {
                case InputFile.Outcome.Read or InputFile.Outcome.TooLarge or InputFile.Outcome.NotAFile when RefusalOf(full, RealPathOfFile(full), relative) is { } outside:
                    sink.Report(FindingCodes.BadReference, at, outside, unit, period, item);
                    return null;
                case InputFile.Outcome.Read:
                    return read;
                case InputFile.Outcome.TooLarge:
                    sink.Report(FindingCodes.TooLarge, at, Messages.FileTooLarge(size, maxBytes), unit, period, item);
                    return null;
                case InputFile.Outcome.NotAFile:
                    sink.Report(FindingCodes.Unreadable, at, Messages.NotARegularFile(), unit, period, item);
                    return null;
            }

            var info = new FileInfo(full);
            if (Refusal(info.FullName, relative) is { } refusal)
            {
                sink.Report(FindingCodes.BadReference, at, refusal, unit, period, item);
                return null;
            }

            if (info.Length > maxBytes)
            {
                sink.Report(FindingCodes.TooLarge, at, Messages.FileTooLarge(info.Length, maxBytes), unit, period, item);
                return null;
            }

            return File.ReadAllBytes(info.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            sink.Report(FindingCodes.Unreadable, at, Messages.CannotRead(e.Message), unit, period, item);
            return null;
        }
    }

    /// <summary>True when the path, with every symlink on the way resolved, is inside the input folder and outside <c>.git</c>.</summary>
    public bool StaysInside(string fullPath) => Refusal(fullPath, fullPath) is null;

    /// <summary>
    /// Why the file at <paramref name="fullPath"/> may not be read (null when it may): with every link on the way
    /// resolved it lies outside the input folder, or in a <c>.git</c> folder (when the input folder is the repository
    /// root, <c>.git/config</c> holds CI's credential header). <paramref name="shown"/> is how the message names it.
    /// </summary>
    public LocalizedText? Refusal(string fullPath, string shown)
    {
        var full = Path.GetFullPath(fullPath);
        return RefusalOf(full, RealPathInside(full), shown);
    }

    /// <summary><see cref="Refusal"/> of <paramref name="full"/> (a full path) whose real path is <paramref name="real"/>.</summary>
    private LocalizedText? RefusalOf(string full, string real, string shown)
    {
        var root = _realRoot.Value;
        if (!(real.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || real == root))
        {
            return Messages.SymlinkOutside(shown);
        }

        return IsUnderGit(Path.GetRelativePath(root, real)) || IsUnderGit(Path.GetRelativePath(Root, full)) ? Messages.InsideGitFolder(shown) : null;
    }

    /// <summary>A relative path with a <c>.git</c> component (any case: Windows and macOS file systems ignore it).</summary>
    private static bool IsUnderGit(string relative)
    {
        // Part by part, without making each part a string: every file the load reads is checked.
        var text = relative.AsSpan();
        foreach (var part in text.SplitAny(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
        {
            if (text[part].Equals(".git", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="RealPath"/> for a path under <see cref="Root"/>, walking only the components below the root and
    /// remembering the folders it has resolved. Same result as resolving the whole path.
    /// </summary>
    private string RealPathInside(string full) => IsBelowRoot(full) ? Resolve(InRealFolder(full)) : RealPath(full);

    /// <summary><see cref="RealPathInside"/> of a path whose last component is known not to be a link: only its folders are resolved.</summary>
    private string RealPathOfFile(string full) => IsBelowRoot(full) ? InRealFolder(full) : RealPath(full);

    private bool IsBelowRoot(string full) => full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>A path below the root with its folder's real path (remembered) and its own name.</summary>
    private string InRealFolder(string full)
    {
        var parent = Path.GetDirectoryName(full)!;
        var realParent = parent == Root ? _realRoot.Value : _realFolders.GetOrAdd(parent, RealPathInside);
        return Path.Combine(realParent, Path.GetFileName(full));
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
        // One lstat answers "not a link" for a file or folder that exists (the common case); a link, or a path that
        // does not exist (-1: every flag), takes the longer way below.
        var attributes = new FileInfo(path).Attributes;
        if (attributes != (FileAttributes)(-1) && (attributes & FileAttributes.ReparsePoint) == 0)
        {
            return path;
        }

        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            return Path.GetFullPath(target.FullName);
        }

        return path;
    }
}
