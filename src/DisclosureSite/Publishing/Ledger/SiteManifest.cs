using System.Text.Json;
using System.Text.RegularExpressions;
using DisclosureSite.Loading;

namespace DisclosureSite.Publishing.Ledger;

/// <summary>A file of the built site as listed in <c>data/manifest.json</c>.</summary>
public sealed record ManifestFile(string Path, string Sha256, long Bytes);

/// <summary>An item of the built site as listed in <c>data/manifest.json</c> (only what verification needs).</summary>
public sealed record ManifestItem(string Url, string? ContentSha256);

/// <summary>
/// The site's own account of itself, <c>/data/manifest.json</c>: every file with its SHA-256 (except the manifest
/// and <c>pagefind/</c>) and every item with the hash of its canonical content. Item pages repeat the hash in
/// <c>&lt;meta name="disclosure:content-sha256"&gt;</c>.
/// </summary>
public sealed partial record SiteManifest(string? AsOf, IReadOnlyList<ManifestFile> Files, IReadOnlyDictionary<string, ManifestItem> Items, string Sha256)
{
    public const string RelativePath = "data/manifest.json";
    public const string ContentMetaName = "disclosure:content-sha256";

    /// <summary>The marker of a withdrawal notice page (its content is the reason).</summary>
    public const string WithdrawnMetaName = "disclosure:withdrawn";

    public static string PathIn(string siteRoot) => System.IO.Path.Combine(siteRoot, "data", "manifest.json");

    /// <summary>Reads a site's manifest; null with a reason when it is absent or not the expected JSON.</summary>
    public static SiteManifest? Read(string siteRoot, out string? error)
    {
        error = null;
        var path = PathIn(siteRoot);
        if (!File.Exists(path))
        {
            error = "找不到 " + RelativePath;
            return null;
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            var files = new List<ManifestFile>();
            if (root.TryGetProperty("files", out var fs) && fs.ValueKind == JsonValueKind.Array)
            {
                foreach (var f in fs.EnumerateArray())
                {
                    files.Add(new ManifestFile(
                        f.GetProperty("path").GetString() ?? string.Empty,
                        f.GetProperty("sha256").GetString() ?? string.Empty,
                        f.TryGetProperty("bytes", out var b) && b.TryGetInt64(out var n) ? n : -1));
                }
            }

            var items = new Dictionary<string, ManifestItem>(StringComparer.Ordinal);
            if (root.TryGetProperty("items", out var its) && its.ValueKind == JsonValueKind.Array)
            {
                foreach (var it in its.EnumerateArray())
                {
                    var url = it.GetProperty("url").GetString() ?? string.Empty;
                    var hash = it.TryGetProperty("content_sha256", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
                    items[url] = new ManifestItem(url, hash);
                }
            }

            var asOf = root.TryGetProperty("as_of", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            return new SiteManifest(asOf, files, items, ContentHash.Sha256(bytes));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            error = RelativePath + " 无法解析:" + e.Message;
            return null;
        }
    }

    /// <summary>The content hash an item page declares, or null when it declares none.</summary>
    public static string? ContentHashOfPage(string html) => MetaOfPage(html, ContentMetaName);

    /// <summary>True when the page is a withdrawal notice (it carries the <c>disclosure:withdrawn</c> marker).</summary>
    public static bool IsWithdrawalNotice(string html) => MetaOfPage(html, WithdrawnMetaName) is not null;

    /// <summary>The content of a named meta tag, or null when the page has none.</summary>
    public static string? MetaOfPage(string html, string name)
    {
        foreach (Match m in MetaTag().Matches(html))
        {
            var tag = m.Value;
            if (!tag.Contains("\"" + name + "\"", StringComparison.Ordinal) && !tag.Contains("'" + name + "'", StringComparison.Ordinal))
            {
                continue;
            }

            var content = ContentAttribute().Match(tag);
            return content.Success ? content.Groups[1].Value : string.Empty;
        }

        return null;
    }

    /// <summary>The page file of an item URL below the site root.</summary>
    public static string PageOf(string siteRoot, string url) =>
        System.IO.Path.Combine(siteRoot, url.Replace('/', System.IO.Path.DirectorySeparatorChar), "index.html");

    [GeneratedRegex("<meta\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MetaTag();

    [GeneratedRegex("\\bcontent\\s*=\\s*[\"']([^\"']*)[\"']", RegexOptions.IgnoreCase)]
    private static partial Regex ContentAttribute();
}
