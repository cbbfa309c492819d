using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Site.Render;

namespace DisclosureSite.Site.Load;

/// <summary>
/// Reads the theme before Render: every file of the township's overrides (<c>input/theme/</c>) and of the default
/// theme, into memory (<see cref="ThemeFiles"/>), so rendering reads no file. Each file is read only when
/// <see cref="InputFolder.Refusal"/> allows it: an override must resolve (links included) inside the input folder and
/// outside <c>.git</c>, a default file inside its theme; a link out of them stops the build.
/// </summary>
public static class ReadTheme
{
    /// <param name="defaultTheme">The tool's theme folder (<see cref="ThemeLocator"/>).</param>
    /// <param name="overrides">The township's overrides (<c>input/theme</c>), or null.</param>
    /// <param name="inputRoot">The input folder the overrides must stay in (default: the folder holding them).</param>
    public static ThemeFiles Run(string defaultTheme, string? overrides, string? inputRoot = null)
    {
        var withOverrides = overrides is not null && Directory.Exists(overrides);
        string[] roots = withOverrides ? [overrides!, defaultTheme] : [defaultTheme];
        InputFolder[] guards = withOverrides
            ? [new InputFolder(inputRoot ?? Path.GetDirectoryName(Path.GetFullPath(overrides!))!), new InputFolder(defaultTheme)]
            : [new InputFolder(defaultTheme)];
        var files = new List<ThemeFile>();
        for (var i = 0; i < roots.Length; i++)
        {
            foreach (var path in Directory.EnumerateFiles(roots[i], "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (guards[i].Refusal(path, path) is not null)
                {
                    throw new ThemeException(Messages.ThemeFileOutside(path).Zh);
                }

                var relative = Path.GetRelativePath(roots[i], path).Replace(Path.DirectorySeparatorChar, '/');
                files.Add(new ThemeFile(roots[i], relative, path, File.ReadAllBytes(path), File.GetLastWriteTimeUtc(path)));
            }
        }

        return new ThemeFiles(roots, files);
    }
}
