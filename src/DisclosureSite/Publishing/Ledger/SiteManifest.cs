using System.Text.Json;
using DisclosureSite.Loading;

namespace DisclosureSite.Publishing.Ledger;

/// <summary>A file of the built site as listed in <c>data/manifest.json</c>.</summary>
public sealed record ManifestFile(string Path, string Sha256, long Bytes);

/// <summary>An item of the built site as listed in <c>data/manifest.json</c> (only what verification needs).</summary>
public sealed record ManifestItem(string Url, string? ContentSha256);

/// <summary>
/// The site's own account of itself, <see cref="SiteContract.ManifestPath"/>: every file with its SHA-256 (except the
/// manifest and the search index) and every item with the hash of its canonical content. Item pages repeat the hash in
/// <c>&lt;meta name="disclosure:content-sha256"&gt;</c>. <see cref="Sha256"/> is what a ledger entry binds.
/// </summary>
public sealed record SiteManifest(string? AsOf, string? GeneratedAt, IReadOnlyList<ManifestFile> Files, IReadOnlyDictionary<string, ManifestItem> Items, string Sha256)
{
    public static string PathIn(string siteRoot) => System.IO.Path.Combine(siteRoot, SiteContract.ManifestPath.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>Reads a site's manifest; null with a reason when it is absent or not the expected JSON.</summary>
    public static SiteManifest? Read(string siteRoot, out string? error)
    {
        error = null;
        var path = PathIn(siteRoot);
        if (!File.Exists(path))
        {
            error = "找不到 " + SiteContract.ManifestPath;
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
            var generatedAt = root.TryGetProperty("generated_at", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null;
            return new SiteManifest(asOf, generatedAt, files, items, ContentHash.Sha256(bytes));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            error = SiteContract.ManifestPath + " 无法解析:" + e.Message;
            return null;
        }
    }
}
