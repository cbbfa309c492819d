using System.Text;
using DisclosureSite.Model;

namespace DisclosureSite.Publishing.Scaffolding;

/// <summary>What <c>disclosure init</c> fills in: the site's name, its GitHub repository and the first period it covers.</summary>
public sealed record ScaffoldOptions(string Name, string Repository, Period Since)
{
    public const string DefaultRepository = "your-org/your-town-disclosure";

    /// <summary>The GitHub Pages address of the repository (owner.github.io/name/).</summary>
    public string BaseUrl => Repository.Split('/') is [var owner, var name]
        ? $"https://{owner.ToLowerInvariant()}.github.io/{name}/"
        : "https://example.github.io/disclosure/";
}

/// <summary>
/// A new township's data repository (<c>disclosure init</c>): input/ with a site, a township and a village whose
/// standing information is filled in (so <c>disclosure check</c> passes at once), the check and publish workflows,
/// the clerks' docs, a README and a .gitignore. The templates are resources of this library; the workflows and
/// docs among them are this repository's own files, so there is one source for both.
/// </summary>
public static class RepositoryScaffold
{
    private const string Prefix = "templates/";

    /// <summary>Every file of a new repository, by '/'-separated relative path.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files(ScaffoldOptions options)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = options.Name,
            ["repository"] = options.Repository,
            ["base_url"] = options.BaseUrl,
            ["since"] = options.Since.ToString(),
            ["period"] = options.Since.ToString(),
            ["year"] = options.Since.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = ToolInfo.Version,
            ["project"] = ToolInfo.RepositoryUrl,
        };
        var assembly = typeof(RepositoryScaffold).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => (Path: TargetPath(n[Prefix.Length..]), Text: Fill(Read(n), values, isTemplate: !IsVerbatim(n))))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The file that pins the tool's version in a data repository (<c>version=</c>, <c>project=</c>).</summary>
    public const string PinFile = ".github/disclosure.env";

    /// <summary>Templates kept under another name than the file they become (a dot file, or one in .github/, whose resources are verbatim).</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["gitignore"] = ".gitignore",
        ["disclosure.env"] = PinFile,
    };

    /// <summary>The text of an embedded template by its path in the new repository (e.g. <c>.github/workflows/publish.yml</c>), or null.</summary>
    public static string? Template(string path)
    {
        var name = Prefix + (Renamed.FirstOrDefault(r => r.Value == path).Key ?? path);
        var assembly = typeof(RepositoryScaffold).Assembly;
        var match = assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('\\', '/') == name);
        return match is null ? null : Read(match);
    }

    /// <summary>True when the folder may receive a new repository: missing, empty, or holding only a fresh <c>.git</c>.</summary>
    public static bool IsEmptyEnough(string folder) =>
        !Directory.Exists(folder) || Directory.EnumerateFileSystemEntries(folder).All(e => Path.GetFileName(e) == ".git");

    /// <summary>Writes the files (UTF-8 without BOM, '\n' line ends); the caller has checked the folder is empty.</summary>
    public static IReadOnlyList<string> Write(string folder, ScaffoldOptions options)
    {
        var written = new List<string>();
        foreach (var (path, text) in Files(options))
        {
            var full = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(false));
            written.Add(path);
        }

        return written;
    }

    private static string TargetPath(string resource)
    {
        var path = resource.Replace('\\', '/');
        return Renamed.GetValueOrDefault(path, path);
    }

    /// <summary>The repository's own workflows and docs are copied byte for byte; only Publishing/Templates files have placeholders.</summary>
    private static bool IsVerbatim(string resource)
    {
        var path = resource[Prefix.Length..].Replace('\\', '/');
        return path.StartsWith(".github/", StringComparison.Ordinal) || path.StartsWith("docs/", StringComparison.Ordinal);
    }

    private static string Read(string resource)
    {
        using var stream = typeof(RepositoryScaffold).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values, bool isTemplate)
    {
        if (!isTemplate)
        {
            return text;
        }

        foreach (var (key, value) in values)
        {
            text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
