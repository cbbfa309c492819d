using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace DisclosureSite.Site.Render;

/// <summary>
/// The theme as one set of files: a file under <c>input/theme/</c> wins over the same relative path under
/// <c>themes/default/</c> (Hugo's lookup order, one level deep). Also the <see cref="IFileProvider"/> Fluid reads
/// partials through.
/// </summary>
public sealed class ThemeFiles : IFileProvider
{
    private readonly string[] _roots;

    public ThemeFiles(string defaultTheme, string? overrides)
    {
        _roots = overrides is not null && Directory.Exists(overrides) ? [overrides, defaultTheme] : [defaultTheme];
    }

    public string DefaultRoot => _roots[^1];

    /// <summary>The theme folders, the township's overrides first.</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>The full path of a theme file (override first), or null. Remembered: the theme does not change during a build,
    /// and Fluid asks for every partial of every page.</summary>
    public string? Resolve(string relative) => _resolved.GetOrAdd(relative, Find);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _resolved = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IFileInfo> _infos = new(StringComparer.Ordinal);

    private string? Find(string relative)
    {
        var clean = relative.Replace('\\', '/').TrimStart('/');
        if (clean.Split('/').Any(s => s is ".." or "."))
        {
            return null;
        }

        return _roots.Select(r => Path.Combine(r, clean.Replace('/', Path.DirectorySeparatorChar))).FirstOrDefault(File.Exists);
    }

    /// <summary>Every file under a theme folder (<c>assets</c>), overrides merged in, as relative paths.</summary>
    public IReadOnlyList<string> FilesUnder(string folder) =>
        _roots.Select(r => Path.Combine(r, folder))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)
                .Select(f => folder + "/" + Path.GetRelativePath(d, f).Replace(Path.DirectorySeparatorChar, '/')))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    public IFileInfo GetFileInfo(string subpath) =>
        _infos.GetOrAdd(subpath, p => Resolve(p) is { } path ? new ThemeFile(new FileInfo(path)) : new NotFoundFileInfo(p));

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class ThemeFile(FileInfo file) : IFileInfo
    {
        public bool Exists => file.Exists;

        public long Length => file.Length;

        public string PhysicalPath => file.FullName;

        public string Name => file.Name;

        public DateTimeOffset LastModified => file.LastWriteTimeUtc;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => file.OpenRead();
    }
}
