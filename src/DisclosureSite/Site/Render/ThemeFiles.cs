using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace DisclosureSite.Site.Render;

/// <summary>
/// The theme as one set of files, held in memory: a file under <c>input/theme/</c> wins over the same relative path
/// under <c>themes/default/</c> (Hugo's lookup order, one level deep). Also the <see cref="IFileProvider"/> Fluid reads
/// partials through. Every file was read (and checked against the read boundary) by <see cref="Load.ReadTheme"/> before
/// Render, so rendering a page reads no file.
/// </summary>
public sealed class ThemeFiles : IFileProvider
{
    private readonly string[] _roots;
    private readonly IReadOnlyList<ThemeFile> _files;

    // The file a relative path resolves to (override first), by '/'-separated path.
    private readonly Dictionary<string, ThemeFile> _resolved = new(StringComparer.Ordinal);

    /// <param name="roots">The theme folders, the township's overrides first.</param>
    /// <param name="files">Every file of every folder, each folder's in ordinal order of their full paths.</param>
    public ThemeFiles(IReadOnlyList<string> roots, IReadOnlyList<ThemeFile> files)
    {
        _roots = [.. roots];
        _files = files;
        foreach (var file in files)
        {
            _resolved.TryAdd(file.Relative, file);
        }
    }

    public string DefaultRoot => _roots[^1];

    /// <summary>The theme folders, the township's overrides first.</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>The full path of a theme file (override first), or null.</summary>
    public string? Resolve(string relative) => Find(relative)?.FullPath;

    /// <summary>The bytes of a theme file (override first), or null.</summary>
    public byte[]? Bytes(string relative) => Find(relative)?.Bytes;

    private ThemeFile? Find(string relative)
    {
        // A path as the theme's files are keyed (every include of every page asks for one) is found as it is: its
        // parts joined again would be itself.
        if (_resolved.TryGetValue(relative, out var file))
        {
            return file;
        }

        var segments = relative.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Any(s => s is ".." or ".") ? null : _resolved.GetValueOrDefault(string.Join('/', segments));
    }

    /// <summary>Every file under a theme folder (<c>assets</c>), overrides merged in, as relative paths.</summary>
    public IReadOnlyList<string> FilesUnder(string folder) =>
        _files.Where(f => f.Relative.StartsWith(folder + "/", StringComparison.Ordinal))
            .Select(f => f.Relative)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every file of every theme folder (overrides first): what the theme's fingerprint is made of.</summary>
    public IReadOnlyList<ThemeFile> AllFiles() => _files;

    public IFileInfo GetFileInfo(string subpath) =>
        Find(subpath) is { } file ? new FileInfo(file) : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class FileInfo(ThemeFile file) : IFileInfo
    {
        public bool Exists => true;

        public long Length => file.Bytes.Length;

        public string PhysicalPath => file.FullPath;

        public string Name => Path.GetFileName(file.FullPath);

        public DateTimeOffset LastModified => file.LastModified;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(file.Bytes, writable: false);
    }
}

/// <summary>A file of a theme folder as read before Render.</summary>
/// <param name="Root">The theme folder it is in.</param>
/// <param name="Relative">Its path inside the folder, <c>/</c>-separated (<c>layouts/item.liquid</c>).</param>
/// <param name="FullPath">Where it was read (for messages).</param>
public sealed record ThemeFile(string Root, string Relative, string FullPath, byte[] Bytes, DateTimeOffset LastModified);
