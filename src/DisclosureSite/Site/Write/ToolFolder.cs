using DisclosureSite.Model;

namespace DisclosureSite.Site.Write;

/// <summary>
/// The one rule for folders the tool deletes and replaces (the site output, its spare, the corpus): the folder must be
/// new, empty, or one the tool made, recognised by a marker file the tool wrote there. Anything else — someone's
/// documents, the input folder, a repository root, a folder holding the current directory — is refused before
/// anything is touched (issue 12, class 1).
/// </summary>
public static class ToolFolder
{
    /// <summary>The marker of a site output (written first into every build folder, listed in its manifest).</summary>
    public const string SiteMarker = ".disclosure-site";

    /// <summary>What the site marker says to whoever opens it.</summary>
    public const string SiteMarkerText = "Made by `disclosure build` (DisclosureSite): the next build replaces this whole folder.\n本文件夹由 disclosure build 生成，下次构建时会整体替换。\n";

    /// <summary>Why the tool may not replace <paramref name="folder"/>, or null when it may.</summary>
    /// <param name="folder">The folder to be deleted and made anew.</param>
    /// <param name="markers">Files (relative, <c>/</c>-separated) any one of which shows the tool made the folder.</param>
    /// <param name="keep">Folders that must survive (the input folder): the folder may not be one of them or hold one.</param>
    public static LocalizedText? Refusal(string folder, IReadOnlyList<string> markers, IEnumerable<string> keep)
    {
        var full = Normalize(folder);
        if (File.Exists(full))
        {
            return Messages.ToolFolderIsFile(full);
        }

        var protectedFolders = keep.Append(Directory.GetCurrentDirectory()).Select(Normalize);
        if (Path.GetPathRoot(full) == full
            || protectedFolders.Any(p => p == full || p.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            return Messages.ToolFolderHoldsInput(full);
        }

        if (!Directory.Exists(full) || !Directory.EnumerateFileSystemEntries(full).Any())
        {
            return null;
        }

        if (Directory.Exists(Path.Combine(full, ".git")) || File.Exists(Path.Combine(full, ".git")))
        {
            return Messages.ToolFolderIsRepository(full);
        }

        return markers.Any(m => IsMarker(Path.Combine(full, m.Replace('/', Path.DirectorySeparatorChar))))
            ? null
            : Messages.ToolFolderNotOurs(full, Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).Take(3).ToList());
    }

    /// <summary>True when <paramref name="folder"/> is empty or carries one of <paramref name="markers"/> (leftovers of killed builds).</summary>
    public static bool IsEmptyOrMarked(string folder, IReadOnlyList<string> markers)
    {
        try
        {
            return !Directory.EnumerateFileSystemEntries(folder).Any() || markers.Any(m => IsMarker(Path.Combine(folder, m.Replace('/', Path.DirectorySeparatorChar))));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="folder"/> carries one of <paramref name="markers"/>.</summary>
    public static bool IsMarked(string folder, IReadOnlyList<string> markers) =>
        markers.Any(m => IsMarker(Path.Combine(folder, m.Replace('/', Path.DirectorySeparatorChar))));

    /// <summary>A marker is a regular file: a link planted under the marker's name does not count.</summary>
    private static bool IsMarker(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is null;
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}

/// <summary>The tool refuses to write where it would destroy what it did not make; the build stops before touching anything.</summary>
public sealed class ToolFolderRefusedException(LocalizedText text) : Exception(text.Zh)
{
    public LocalizedText Text { get; } = text;
}
