using System.Text.Json;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Ledger;
using DisclosureSite.Site.Render;

namespace DisclosureSite.Site.Write;

/// <summary>
/// <c>/data/manifest.json</c> (<see cref="SiteContract.ManifestPath"/>): the SHA-256 and size of every file of the site
/// (except the manifest itself and the search index, which Pagefind writes afterwards) and the content hash of every
/// public item. The auditor's ledger reads exactly this shape: <c>{generated_at, as_of, base_url, files: [{path, sha256,
/// bytes}], items: [{url, unit, period, slug, item, content_sha256, published, date_source, withdrawn}]}</c>, both lists
/// sorted. No wall-clock time goes in: <c>generated_at</c> is the publication time of the last ledger entry the build
/// read (null without a ledger), so the same commit and as-of date rebuild the same bytes (<c>ledger verify --rebuild</c>).
/// </summary>
public static class GenerateManifest
{
    public const string Path = SiteContract.ManifestPath;

    public static void Run(SiteData data, SiteOutput output)
    {
        var manifest = new
        {
            generated_at = data.Ledger.Entries.Count > 0 ? data.Ledger.Entries[^1].PublishedAtUtc : null,
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
