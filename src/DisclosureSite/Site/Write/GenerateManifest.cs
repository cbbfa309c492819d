using System.Text.Json;
using DisclosureSite.Model;
using DisclosureSite.Site.Render;

namespace DisclosureSite.Site.Write;

/// <summary>
/// <c>/data/manifest.json</c>: the SHA-256 and size of every file of the site (except the manifest itself and the
/// search index, which Pagefind writes afterwards) and the content hash of every public item. The auditor's ledger
/// reads exactly this shape: <c>{generated_at, as_of, base_url, files: [{path, sha256, bytes}], items: [{url, unit,
/// period, slug, item, content_sha256, published, date_source, withdrawn}]}</c>, both lists sorted.
/// </summary>
public static class GenerateManifest
{
    public const string Path = "data/manifest.json";

    public static void Run(SiteData data, SiteOutput output, TimeProvider clock)
    {
        var manifest = new
        {
            generated_at = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            as_of = Dates.Iso(data.AsOf),
            base_url = data.Urls.BaseUrl,
            files = output.Files.Where(f => f.Path != Path).Select(f => new { path = f.Path, sha256 = f.Sha256, bytes = f.Bytes }),
            items = data.Public.OrderBy(d => d.UrlPath, StringComparer.Ordinal).Select(d =>
            {
                var (date, source) = data.Published(d);
                return new
                {
                    url = d.UrlPath,
                    unit = d.Unit,
                    period = d.Period.ToString(),
                    slug = d.Slug,
                    item = d.Item,
                    content_sha256 = data.ContentSha256(d),
                    published = SiteJson.Iso(date),
                    date_source = SiteJson.DateSource(source),
                    withdrawn = data.IsWithdrawn(d),
                };
            }),
        };
        output.Write(Path, stream => SiteJson.Write(stream, manifest));
    }
}
