using DisclosureSite.Site.Render;

namespace DisclosureSite.Site.Write;

/// <summary>Writes <c>assets/</c> of the theme (CSS, the search script; a township's overrides win, read by <see cref="Load.ReadTheme"/>) to <c>/assets/</c>.</summary>
public static class CopyThemeAssets
{
    public static void Run(ThemeFiles theme, SiteOutput output)
    {
        foreach (var relative in theme.FilesUnder("assets"))
        {
            output.Write(relative, theme.Bytes(relative)!);
        }
    }
}
