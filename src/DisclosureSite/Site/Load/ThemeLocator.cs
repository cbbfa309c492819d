namespace DisclosureSite.Site.Load;

/// <summary>
/// Finds the default theme: <c>themes/default</c> of a folder above the tool itself (a clone run with <c>dotnet run</c>,
/// the tests or the bench, so a theme edit shows at once), else the copy embedded in this library, unpacked once per
/// build of the tool into the temporary folder (the installed .NET tool and the native release binaries carry
/// nothing beside themselves). Never from above the input folder or the working directory: a <c>themes/default</c>
/// anyone left there (in a data repository, in /tmp) would be rendered into the site instead of the tool's theme; a
/// township changes the theme only through <c>input/theme/</c>.
/// </summary>
public static class ThemeLocator
{
    public const string DefaultTheme = "themes/default";

    private const string ResourcePrefix = "theme/";

    public static string? Find() => Find(AppContext.BaseDirectory);

    /// <summary>The theme for a tool run from <paramref name="toolDirectory"/>.</summary>
    public static string? Find(string toolDirectory)
    {
        for (var dir = new DirectoryInfo(toolDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "themes", "default");
            if (File.Exists(Path.Combine(candidate, "layouts", "base.liquid")))
            {
                return candidate;
            }
        }

        return Embedded();
    }

    /// <summary>A township's overrides: <c>input/theme/</c>, same relative paths as the default theme.</summary>
    public static string OverridesOf(string inputRoot) => Path.Combine(Path.GetFullPath(inputRoot), "theme");

    /// <summary>
    /// The embedded theme as a folder: <c>&lt;temp&gt;/disclosure-theme/&lt;module version id&gt;</c>, written to a
    /// sibling and renamed into place, so concurrent runs never see half a theme. Null when the build embedded none.
    /// </summary>
    public static string? Embedded()
    {
        var assembly = typeof(ThemeLocator).Assembly;
        var resources = assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).ToList();
        if (resources.Count == 0)
        {
            return null;
        }

        var parent = Path.Combine(Path.GetTempPath(), "disclosure-theme");
        var folder = Path.Combine(parent, assembly.ManifestModule.ModuleVersionId.ToString("N"));
        if (File.Exists(Path.Combine(folder, "layouts", "base.liquid")))
        {
            return folder;
        }

        var staging = folder + "." + Guid.NewGuid().ToString("N")[..8];
        foreach (var name in resources)
        {
            var target = Path.Combine(staging, name[ResourcePrefix.Length..].Replace('\\', '/').Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var from = assembly.GetManifestResourceStream(name)!;
            using var to = File.Create(target);
            from.CopyTo(to);
        }

        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Another run unpacked the same theme first: use theirs.
            Directory.Delete(staging, recursive: true);
        }

        return folder;
    }
}
