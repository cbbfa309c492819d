using System.Reflection;

namespace DisclosureSite.Model;

/// <summary>
/// What this build of the tool is: its version (from the release tag, or <c>0.0.0-dev</c> for a build from a clone),
/// the project's home page, and the Pagefind version it pins (package.json). Read from the assembly's attributes,
/// which the build writes from Directory.Build.props and the release workflow's <c>-p:Version</c>.
/// </summary>
public static class ToolInfo
{
    private static readonly Assembly Self = typeof(ToolInfo).Assembly;

    /// <summary>The version without the source revision: <c>1.2.3</c>, <c>1.2.3-rc.1</c> or <c>0.0.0-dev</c>.</summary>
    public static string Version { get; } =
        (Self.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0-dev").Split('+')[0];

    /// <summary>True for a build from a clone (version 0.0.0-…): no release of it exists to download.</summary>
    public static bool IsDevelopmentBuild => Version.StartsWith("0.0.0", StringComparison.Ordinal);

    /// <summary>The project's repository, e.g. <c>https://github.com/disclosuresite/DisclosureSite</c> (no trailing slash).</summary>
    public static string RepositoryUrl { get; } = Metadata("RepositoryUrl").TrimEnd('/');

    /// <summary>The Pagefind version the project pins (package.json).</summary>
    public static string PagefindVersion { get; } = Metadata("PagefindVersion");

    private static string Metadata(string key) =>
        Self.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"the build did not write the assembly metadata '{key}'");
}
