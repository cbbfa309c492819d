using System.Text.Json;
using System.Text.Json.Serialization;
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
            generated_at = data.History.Ledger.Entries.Count > 0 ? data.History.Ledger.Entries[^1].PublishedAtUtc : null,
            as_of = Dates.Iso(data.Site.AsOf),
            base_url = data.Site.Urls.BaseUrl,
            files = output.Files.Where(f => f.Path != Path).Select(f => new { path = f.Path, sha256 = f.Sha256, bytes = f.Bytes }),
            items = data.Disclosures.All.Select(d =>
            {
                var (date, source) = data.Disclosures.Published(d);
                return new Item(d.UrlPath, d.Unit, d.Period.ToString(), d.Slug, d.Item, d.ContentSha256, SiteJson.Iso(date), SiteJson.DateSource(source), data.Disclosures.IsWithdrawn(d));
            }).Concat(data.Requests.Matters.Where(m => m.IsToldOn(data.Site.AsOf)).Select(m =>
            {
                // A 民情台账 matter's told result is an item like a disclosure (its page carries the same content hash).
                var (date, source) = data.Requests.ToldOn(m);
                return new Item(m.PageUrl, m.Unit, m.Quarter.ToString(), m.Anchor, DisclosureSite.Ledger.LedgerPlan.RequestsItem, m.ContentSha256, Dates.Iso(date), SiteJson.DateSource(source), false);
            })).OrderBy(i => i.Url, StringComparer.Ordinal),
        };
        output.Write(Path, stream => SiteJson.Write(stream, manifest));
    }

    /// <summary>An item of the manifest (names as written to JSON).</summary>
    private sealed record Item(
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("unit")] string Unit,
        [property: JsonPropertyName("period")] string Period,
        [property: JsonPropertyName("slug")] string Slug,
        [property: JsonPropertyName("item")] string ItemId,
        [property: JsonPropertyName("content_sha256")] string ContentSha256,
        [property: JsonPropertyName("published")] string? Published,
        [property: JsonPropertyName("date_source")] string DateSource,
        [property: JsonPropertyName("withdrawn")] bool Withdrawn);
}
