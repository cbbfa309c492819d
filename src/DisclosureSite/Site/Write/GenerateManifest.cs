using System.Text;
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
    /// <param name="items">The items (<see cref="Items"/>) when the caller had them made beforehand, else null.</param>
    /// <param name="digests">The step digests of a build of a new process that keeps a cache: the manifest is put together
    /// from the previous output's (<see cref="WriteByParts"/>).</param>
    internal static void Run(SiteData data, SiteOutput output, DigestMemory? memory = null, IReadOnlyList<Item>? items = null, StepDigests? digests = null)
    {
        var generatedAt = data.History.Ledger.Entries.Count > 0 ? data.History.Ledger.Entries[^1].PublishedAtUtc : null;
        var files = output.Files.Where(f => f.Path != Path);
        if (memory is not null)
        {
            var kept = KeptItems(data, memory);
            output.Write(Path, stream => Write(stream, generatedAt, Dates.Iso(data.Site.AsOf), data.Site.Urls.BaseUrl, json => RowBytes.WriteRaw(json, KeptFiles(memory, files)), json => RowBytes.WriteRaw(json, kept)));
            return;
        }

        items ??= Items(data);
        if (digests is not null && WriteByParts(data, output, digests, generatedAt, files, items))
        {
            return;
        }

        output.Write(Path, stream => Write(stream, generatedAt, Dates.Iso(data.Site.AsOf), data.Site.Urls.BaseUrl, files, items));
    }

    /// <summary>
    /// The manifest as a <see cref="FileByParts"/>: its files' entries by the first segment of their path (a unit's folder,
    /// <c>data/</c>, a file at the top), each part keyed by a digest of its entries; its items by unit, keyed by what they
    /// show (<see cref="StepDigests.UnitItems"/>). An edit rewrites the entries of the few folders it wrote into and of its
    /// unit's items; the others are copied from the previous manifest. False (nothing written) when the items are not
    /// grouped by unit (every URL starts with its unit's id: they always are).
    /// </summary>
    private static bool WriteByParts(SiteData data, SiteOutput output, StepDigests digests, string? generatedAt, IEnumerable<OutputFile> files, IReadOnlyList<Item> items)
    {
        var runs = Runs.ByUnit(items, static i => i.Unit);
        if (runs.DistinctBy(r => r.Unit, StringComparer.Ordinal).Count() != runs.Count)
        {
            return false;
        }

        var itemParts = runs.ConvertAll(run => new FileByParts.Part<Item>(run.Unit, digests.UnitItems(run.Unit), () => items.Skip(run.Start).Take(run.Count)));

        var fileParts = new List<FileByParts.Part<OutputFile>>();
        var text = new StringBuilder(1 << 16);
        var group = new List<OutputFile>();
        void Close()
        {
            if (group.Count > 0)
            {
                var members = group.ToArray();
                fileParts.Add(new(FirstSegmentOf(members[0].Path).ToString(), digests.KeyOf("manifest files", text), () => members));
                group.Clear();
                text.Clear();
            }
        }

        foreach (var f in files)
        {
            if (group.Count > 0 && !FirstSegmentOf(f.Path).SequenceEqual(FirstSegmentOf(group[0].Path)))
            {
                Close();
            }

            group.Add(f);
            text.Append(f.Path).Append('\u001f').Append(f.Sha256).Append('\u001f').Append(f.Bytes).Append('\u001e');
        }

        Close();
        output.Write(Path, stream =>
        {
            using var file = FileByParts.JsonFile(output, Path, stream, "manifest");
            var json = file.Json!;
            WriteHead(json, generatedAt, Dates.Iso(data.Site.AsOf), data.Site.Urls.BaseUrl);
            json.WriteStartArray("files");
            file.Elements("files", fileParts, WriteFile);
            json.WriteEndArray();
            json.WriteStartArray("items");
            file.Elements("items", itemParts, WriteItem);
            json.WriteEndArray();
            json.WriteEndObject();
            return file.Finish();
        });
        return true;
    }

    /// <summary>A path's first segment with its slash (<c>baizhou/</c>), or the whole path of a file at the top.</summary>
    private static ReadOnlySpan<char> FirstSegmentOf(string path) => path.AsSpan(0, path.IndexOf('/') is var slash and >= 0 ? slash + 1 : path.Length);

    /// <summary>
    /// The <c>as_of</c> date of the manifest of the site at <paramref name="outputRoot"/> (read from its first kilobyte: the
    /// date comes before the lists), or null when there is none or it cannot be read.
    /// </summary>
    internal static string? AsOfIn(string outputRoot)
    {
        try
        {
            using var file = File.OpenHandle(System.IO.Path.Combine(outputRoot, Path));
            var head = new byte[1024];
            var json = new Utf8JsonReader(head.AsSpan(0, RandomAccess.Read(file, head, 0)), isFinalBlock: false, state: default);
            while (json.Read() && json.CurrentDepth <= 1 && json.TokenType != JsonTokenType.StartArray)
            {
                if (json.TokenType == JsonTokenType.PropertyName && json.ValueTextEquals("as_of") && json.Read())
                {
                    return json.TokenType == JsonTokenType.String ? json.GetString() : null;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
        }

        return null;
    }

    /// <summary>
    /// The manifest's items in URL order: every public disclosure and every told 民情台账 matter. A function of the site's
    /// data only, not of the files written, so a build makes them while its sitemap is written (<see cref="SiteBuilder"/>).
    /// </summary>
    internal static IReadOnlyList<Item> Items(SiteData data)
    {
        var items = data.Disclosures.All.Select(d => ItemOf(data, d)).Concat(ToldItems(data)).ToList();
        return KeptOrder<string>.Apply(items, KeptOrder<string>.Sort(items.ConvertAll(i => i.Url), string.CompareOrdinal));
    }

    /// <summary>The item of a public disclosure.</summary>
    private static Item ItemOf(SiteData data, Disclosure d)
    {
        var (date, source) = data.Disclosures.Published(d);
        return new Item(d.UrlPath, d.Unit, d.Period.ToString(), d.Slug, d.Item, d.ContentSha256, SiteJson.Iso(date), SiteJson.DateSource(source), data.Disclosures.IsWithdrawn(d));
    }

    /// <summary>The items of the 民情台账 matters told by the as-of date.</summary>
    private static IEnumerable<Item> ToldItems(SiteData data) => data.Requests.Matters.Where(m => m.IsToldOn(data.Site.AsOf)).Select(m => ItemOf(data, m));

    /// <summary>The item of a told 民情台账 matter (its told result is an item like a disclosure; its page carries the same content hash).</summary>
    private static Item ItemOf(SiteData data, RequestMatter m)
    {
        var (date, source) = data.Requests.ToldOn(m);
        return new Item(m.PageUrl, m.Unit, m.Quarter.ToString(), m.Anchor, DisclosureSite.Ledger.LedgerPlan.RequestsItem, m.ContentSha256, Dates.Iso(date), SiteJson.DateSource(source), false);
    }

    /// <summary>A file's entry as a session keeps it, with the hash and size it shows.</summary>
    internal sealed record FileMemo(string Sha256, long Bytes, byte[] Json);

    /// <summary>A 民情台账 item's entry as a session keeps it, with the item it shows.</summary>
    internal sealed record ItemMemo(Item Item, byte[] Json);

    /// <summary>A public disclosure's entry as a session keeps it (by the disclosure, immutable), with the facts it shows (date, source, withdrawn).</summary>
    internal sealed record DisclosureItemMemo(DisclosureSite.Site.Render.Inputs.DisclosureFacts Facts, byte[] Json);

    /// <summary>
    /// The items' entries in URL order, put together from what a session kept: a disclosure's entry is made again only when
    /// the disclosure is new (reloaded) or its facts changed, a matter's when its item changed. The same order and bytes
    /// as <see cref="Write(System.IO.Stream, string?, string, string, IEnumerable{OutputFile}, IEnumerable{Item})"/>'s.
    /// </summary>
    private static List<byte[]> KeptItems(SiteData data, DigestMemory memory)
    {
        using var rows = new RowBytes.Json();
        var entries = new List<(string Url, byte[] Json)>(data.Disclosures.All.Count + 64);
        foreach (var d in data.Disclosures.All)
        {
            var facts = data.Disclosures.FactsOf(d);
            if (!memory.ManifestDisclosures.TryGetValue(d, out var memo) || !memo.Facts.IsSameAs(facts))
            {
                memo = new DisclosureItemMemo(facts, rows.Of(ItemOf(data, d), WriteItem));
                memory.ManifestDisclosures.AddOrUpdate(d, memo);
            }

            entries.Add((d.UrlPath, memo.Json));
        }

        entries.AddRange(KeptByUrl(memory, ToldItems(data), rows));
        return KeptOrder<(string Url, byte[] Json)>.Apply(entries, memory.ManifestOrder.Of(entries.ConvertAll(e => e.Url))).ConvertAll(e => e.Json);
    }

    /// <summary>The bytes of <see cref="Write(System.IO.Stream, string?, string, string, IEnumerable{OutputFile}, IEnumerable{Item})"/> (items in the order given), put together from the entries <paramref name="memory"/> kept (by file path and item URL).</summary>
    internal static void Write(System.IO.Stream stream, string? generatedAt, string asOf, string baseUrl, IEnumerable<OutputFile> files, IEnumerable<Item> items, DigestMemory memory)
    {
        List<byte[]> itemRows;
        using (var rows = new RowBytes.Json())
        {
            itemRows = KeptByUrl(memory, items, rows).ConvertAll(e => e.Json);
        }

        Write(stream, generatedAt, asOf, baseUrl, json => RowBytes.WriteRaw(json, KeptFiles(memory, files)), json => RowBytes.WriteRaw(json, itemRows));
    }

    /// <summary>Items' entries kept by URL (the memory then holds this build's): made again when the item changed.</summary>
    private static List<(string Url, byte[] Json)> KeptByUrl(DigestMemory memory, IEnumerable<Item> items, RowBytes.Json rows)
    {
        var entries = new List<(string Url, byte[] Json)>();
        var kept = new Dictionary<string, ItemMemo>(memory.ManifestItems.Count + 16, StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!memory.ManifestItems.TryGetValue(item.Url, out var memo) || memo.Item != item)
            {
                memo = new ItemMemo(item, rows.Of(item, WriteItem));
            }

            kept[item.Url] = memo;
            entries.Add((item.Url, memo.Json));
        }

        memory.ManifestItems = kept;
        return entries;
    }

    /// <summary>
    /// The files' entries, the kept ones where the file's hash and size are unchanged, else made. The memory is updated
    /// in place (an edit changes a few entries of 130,000), and made again only when files were removed.
    /// </summary>
    private static IEnumerable<byte[]> KeptFiles(DigestMemory memory, IEnumerable<OutputFile> files)
    {
        using var rows = new RowBytes.Json();
        var known = memory.ManifestFiles;
        var count = 0;
        foreach (var f in files)
        {
            if (!known.TryGetValue(f.Path, out var memo) || memo.Sha256 != f.Sha256 || memo.Bytes != f.Bytes)
            {
                memo = new FileMemo(f.Sha256, f.Bytes, rows.Of(f, WriteFile));
                known[f.Path] = memo;
            }

            count++;
            yield return memo.Json;
        }

        if (known.Count != count)
        {
            // Files were removed since: keep only this build's.
            var paths = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            memory.ManifestFiles = known.Where(kv => paths.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        }
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
        WriteHead(json, generatedAt, asOf, baseUrl);
        json.WriteStartArray("files");
        files(json);
        json.WriteEndArray();
        json.WriteStartArray("items");
        items(json);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>The manifest's object opened and its fields before the lists.</summary>
    private static void WriteHead(Utf8JsonWriter json, string? generatedAt, string asOf, string baseUrl)
    {
        json.WriteStartObject();
        json.WriteString("generated_at", generatedAt); // a null string is written as JSON null, as the serializer does
        json.WriteString("as_of", asOf);
        json.WriteString("base_url", baseUrl);
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
