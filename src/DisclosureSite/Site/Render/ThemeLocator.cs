namespace DisclosureSite.Site.Render;

/// <summary>
/// Finds the default theme: beside the tool (copied into its output folder, so a packed tool works), else in
/// <c>themes/default</c> of a folder above the input or above the tool (a fresh clone run with <c>dotnet run</c>).
/// </summary>
public static class ThemeLocator
{
    public const string DefaultTheme = "themes/default";

    public static string? Find(string inputRoot)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetFullPath(inputRoot), Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "themes", "default");
                if (File.Exists(Path.Combine(candidate, "layouts", "base.liquid")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>A township's overrides: <c>input/theme/</c>, same relative paths as the default theme.</summary>
    public static string OverridesOf(string inputRoot) => Path.Combine(Path.GetFullPath(inputRoot), "theme");
}
