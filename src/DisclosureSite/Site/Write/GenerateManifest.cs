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

    /// <param name="memory">A session's memory (the preview): the manifest is put together from the entries it kept, and
    /// only the entries of files and items that changed are made again (<see cref="RowBytes"/>).</param>
    public static void Run(SiteData data, SiteOutput output, DigestMemory? memory = null)
    {
        var items = data.Disclosures.All.Select(d =>
        {
            var (date, source) = data.Disclosures.Published(d);
            return new Item(d.UrlPath, d.Unit, d.Period.ToString(), d.Slug, d.Item, d.ContentSha256, SiteJson.Iso(date), SiteJson.DateSource(source), data.Disclosures.IsWithdrawn(d));
        }).Concat(data.Requests.Matters.Where(m => m.IsToldOn(data.Site.AsOf)).Select(m =>
        {
            // A 民情台账 matter's told result is an item like a disclosure (its page carries the same content hash).
            var (date, source) = data.Requests.ToldOn(m);
            return new Item(m.PageUrl, m.Unit, m.Quarter.ToString(), m.Anchor, DisclosureSite.Ledger.LedgerPlan.RequestsItem, m.ContentSha256, Dates.Iso(date), SiteJson.DateSource(source), false);
        })).ToList();
        if (!IsSortedByUrl(items))
        {
            // A stable sort, as OrderBy was: the disclosures usually come in URL order already, so this is rare.
            items = items.OrderBy(i => i.Url, StringComparer.Ordinal).ToList();
        }

        var generatedAt = data.History.Ledger.Entries.Count > 0 ? data.History.Ledger.Entries[^1].PublishedAtUtc : null;
        var files = output.Files.Where(f => f.Path != Path);
        output.Write(Path, stream =>
        {
            if (memory is null)
            {
                Write(stream, generatedAt, Dates.Iso(data.Site.AsOf), data.Site.Urls.BaseUrl, files, items);
            }
            else
            {
                Write(stream, generatedAt, Dates.Iso(data.Site.AsOf), data.Site.Urls.BaseUrl, files, items, memory);
            }
        });
    }

    /// <summary>The bytes of <see cref="Write(System.IO.Stream, string?, string, string, IEnumerable{OutputFile}, IEnumerable{Item})"/>, put together from the entries <paramref name="memory"/> kept.</summary>
    internal static void Write(System.IO.Stream stream, string? generatedAt, string asOf, string baseUrl, IEnumerable<OutputFile> files, IEnumerable<Item> items, DigestMemory memory)
    {
        var (fileRows, itemRows) = Kept(memory, files, items);
        Write(stream, generatedAt, asOf, baseUrl, json => RowBytes.WriteRaw(json, fileRows), json => RowBytes.WriteRaw(json, itemRows));
    }

    /// <summary>A file's entry as a session keeps it, with the hash and size it shows.</summary>
    internal sealed record FileMemo(string Sha256, long Bytes, byte[] Json);

    /// <summary>An item's entry as a session keeps it, with the item it shows.</summary>
    internal sealed record ItemMemo(Item Item, byte[] Json);

    /// <summary>The entries' bytes: the kept ones where the file or item is unchanged, else made; the memory then holds this build's.</summary>
    private static (List<byte[]> Files, List<byte[]> Items) Kept(DigestMemory memory, IEnumerable<OutputFile> files, IEnumerable<Item> items)
    {
        using var rows = new RowBytes.Json();
        var fileMemos = new Dictionary<string, FileMemo>(memory.ManifestFiles.Count + 64, StringComparer.Ordinal);
        var fileRows = new List<byte[]>(memory.ManifestFiles.Count + 64);
        foreach (var f in files)
        {
            if (!memory.ManifestFiles.TryGetValue(f.Path, out var memo) || memo.Sha256 != f.Sha256 || memo.Bytes != f.Bytes)
            {
                memo = new FileMemo(f.Sha256, f.Bytes, rows.Of(f, WriteFile));
            }

            fileMemos[f.Path] = memo;
            fileRows.Add(memo.Json);
        }

        var itemMemos = new Dictionary<string, ItemMemo>(memory.ManifestItems.Count + 64, StringComparer.Ordinal);
        var itemRows = new List<byte[]>(memory.ManifestItems.Count + 64);
        foreach (var i in items)
        {
            if (!memory.ManifestItems.TryGetValue(i.Url, out var memo) || memo.Item != i)
            {
                memo = new ItemMemo(i, rows.Of(i, WriteItem));
            }

            itemMemos[i.Url] = memo;
            itemRows.Add(memo.Json);
        }

        memory.ManifestFiles = fileMemos;
        memory.ManifestItems = itemMemos;
        return (fileRows, itemRows);
    }

    private static bool IsSortedByUrl(List<Item> items)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (string.CompareOrdinal(items[i - 1].Url, items[i].Url) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static readonly JsonEncodedText[] ItemNames =
        new[] { "url", "unit", "period", "slug", "item", "content_sha256", "published", "date_source", "withdrawn" }.Select(n => JsonEncodedText.Encode(n, SiteJson.Options.Encoder)).ToArray();

    /// <summary>
    /// The manifest written field by field: the same bytes as <see cref="SiteJson.Write"/> of the object
    /// <c>{generated_at, as_of, base_url, files, items}</c> (ManifestAndDataJsonTests compare the two), without serializing
    /// 100,000 objects through reflection.
    /// </summary>
    internal static void Write(System.IO.Stream stream, string? generatedAt, string asOf, string baseUrl, IEnumerable<OutputFile> files, IEnumerable<Item> items) =>
        Write(stream, generatedAt, asOf, baseUrl, json => WriteAll(json, files, WriteFile), json => WriteAll(json, items, WriteItem));

    private static void Write(System.IO.Stream stream, string? generatedAt, string asOf, string baseUrl, Action<Utf8JsonWriter> files, Action<Utf8JsonWriter> items)
    {
        using var json = new Utf8JsonWriter(stream, SiteJson.WriterOptions);
        json.WriteStartObject();
        json.WriteString("generated_at", generatedAt); // a null string is written as JSON null, as the serializer does
        json.WriteString("as_of", asOf);
        json.WriteString("base_url", baseUrl);
        json.WriteStartArray("files");
        files(json);
        json.WriteEndArray();
        json.WriteStartArray("items");
        items(json);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteAll<T>(Utf8JsonWriter json, IEnumerable<T> rows, Action<Utf8JsonWriter, T> write)
    {
        foreach (var row in rows)
        {
            write(json, row);
            SiteJson.FlushSometimes(json);
        }
    }

    private static void WriteFile(Utf8JsonWriter json, OutputFile f)
    {
        json.WriteStartObject();
        json.WriteString("path", f.Path);
        json.WriteString("sha256", f.Sha256);
        json.WriteNumber("bytes", f.Bytes);
        json.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter json, Item i)
    {
        json.WriteStartObject();
        json.WriteString(ItemNames[0], i.Url);
        json.WriteString(ItemNames[1], i.Unit);
        json.WriteString(ItemNames[2], i.Period);
        json.WriteString(ItemNames[3], i.Slug);
        json.WriteString(ItemNames[4], i.ItemId);
        json.WriteString(ItemNames[5], i.ContentSha256);
        json.WriteString(ItemNames[6], i.Published);
        json.WriteString(ItemNames[7], i.DateSource);
        json.WriteBoolean(ItemNames[8], i.Withdrawn);
        json.WriteEndObject();
    }

    /// <summary>An item of the manifest (names as written to JSON).</summary>
    internal sealed record Item(
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
