using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace DisclosureSite.Site.Render;

/// <summary>
/// The theme as one set of files: a file under <c>input/theme/</c> wins over the same relative path under
/// <c>themes/default/</c> (Hugo's lookup order, one level deep). Also the <see cref="IFileProvider"/> Fluid reads
/// partials through. Every file is read only when <see cref="Loading.InputFolder.Refusal"/> allows it: an override
/// must resolve (links included) inside the input folder and outside <c>.git</c>, a default file inside its theme.
/// </summary>
public sealed class ThemeFiles : IFileProvider
{
    private readonly string[] _roots;
    private readonly Loading.InputFolder[] _guards;

    /// <param name="defaultTheme">The tool's theme folder.</param>
    /// <param name="overrides">The township's overrides (<c>input/theme</c>), or null.</param>
    /// <param name="inputRoot">The input folder the overrides must stay in (default: the folder holding them).</param>
    public ThemeFiles(string defaultTheme, string? overrides, string? inputRoot = null)
    {
        var withOverrides = overrides is not null && Directory.Exists(overrides);
        _roots = withOverrides ? [overrides!, defaultTheme] : [defaultTheme];
        _guards = withOverrides
            ? [new Loading.InputFolder(inputRoot ?? Path.GetDirectoryName(Path.GetFullPath(overrides!))!), new Loading.InputFolder(defaultTheme)]
            : [new Loading.InputFolder(defaultTheme)];
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

        for (var i = 0; i < _roots.Length; i++)
        {
            var path = Path.Combine(_roots[i], clean.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(path))
            {
                return Checked(i, path);
            }
        }

        return null;
    }

    /// <summary>The path when the theme may read it; a link out of the input folder (or into .git) stops the build.</summary>
    private string Checked(int root, string path) =>
        _guards[root].Refusal(path, path) is null ? path : throw new ThemeException(Model.Messages.ThemeFileOutside(path).Zh);

    /// <summary>Every file under a theme folder (<c>assets</c>), overrides merged in, as relative paths.</summary>
    public IReadOnlyList<string> FilesUnder(string folder) =>
        _roots.Select((r, i) => (Dir: Path.Combine(r, folder), Root: i))
            .Where(d => Directory.Exists(d.Dir))
            .SelectMany(d => Directory.EnumerateFiles(d.Dir, "*", SearchOption.AllDirectories)
                .Select(f => folder + "/" + Path.GetRelativePath(d.Dir, Checked(d.Root, f)).Replace(Path.DirectorySeparatorChar, '/')))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every file of every theme folder (overrides first), each checked as it is listed: the theme's fingerprint reads them.</summary>
    public IEnumerable<(string Root, string Path)> AllFiles() =>
        _roots.SelectMany((r, i) => Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (r, Checked(i, f))));

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
