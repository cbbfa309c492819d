using System.Text;
using DisclosureSite.Site.Render;
using DisclosureSite.Site.Render.Steps;
using DisclosureSite.Site.Write;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// The manifest (the auditor's contract, SPEC) and the disclosures' JSON list are written field by field with a
/// <see cref="System.Text.Json.Utf8JsonWriter"/> for speed: their bytes must stay exactly those of the serializer they
/// replaced (<see cref="SiteJson.Write"/> of the same objects), for every kind of text a clerk may write.
/// </summary>
[TestFixture]
public class ManifestAndDataJsonTests
{
    // Chinese, quotes, a backslash, HTML-significant characters, a control character, an emoji (a surrogate pair), empty.
    private static readonly string[] Texts = ["东山村2026年第三季度财务公开", "他说:\"已入账\"\\", "<b>&amp;</b> 'x' + =1", "tab\tline\nend\u0001", "笑😀", string.Empty];

    [Test]
    public void The_manifest_has_the_bytes_of_the_serialized_object()
    {
        var files = Texts.Select((t, i) => new OutputFile($"a/{i}/{t}.html", new string('a', 64), i * 1_000_000_007L)).ToList();
        var items = Texts.Select((t, i) => new GenerateManifest.Item($"u/{t}/", "dongshan", "2026-Q3", t, "village.finance", new string('b', 64), i % 2 == 0 ? "2026-10-12" : null, "ledger", i % 3 == 0)).ToList();
        foreach (var generatedAt in new[] { null, "2026-11-24T08:00:00Z" })
        {
            var expected = Serialized(new
            {
                generated_at = generatedAt,
                as_of = "2026-11-24",
                base_url = "https://example.org/青石/",
                files = files.Select(f => new { path = f.Path, sha256 = f.Sha256, bytes = f.Bytes }),
                items,
            });
            var actual = Written(stream => GenerateManifest.Write(stream, generatedAt, "2026-11-24", "https://example.org/青石/", files, items));
            Assert.That(actual, Is.EqualTo(expected));
        }
    }

    [Test]
    public void The_disclosures_list_has_the_bytes_of_the_serialized_rows()
    {
        var rows = Texts.Select((t, i) => RenderDataDownloads.CsvHeader.Select((_, c) => (c + i) % 4 == 0 ? null : t + c).ToArray()).ToList();

        // Enough rows to flush the writer several times on the way.
        rows.AddRange(Enumerable.Range(0, 3_000).Select(i => RenderDataDownloads.CsvHeader.Select(h => (string?)(h + "值" + i)).ToArray()));
        var expected = Serialized(new
        {
            as_of = "2026-11-24",
            disclosures = rows.Select(r => RenderDataDownloads.CsvHeader.Select((h, c) => KeyValuePair.Create(h, (object?)r[c])).ToDictionary(StringComparer.Ordinal)).ToList(),
        });
        var actual = Written(stream => RenderDataDownloads.WriteDisclosuresJson(stream, "2026-11-24", rows));
        Assert.That(actual, Is.EqualTo(expected));
    }

    /// <summary>
    /// A session (the preview) keeps each entry's bytes and puts the manifest together from them, making only the entries
    /// of changed files and items: the bytes are those of the manifest written whole, build after build.
    /// </summary>
    [Test]
    public void The_manifest_put_together_from_kept_entries_has_the_same_bytes()
    {
        var memory = new DigestMemory();
        var files = Texts.Select((t, i) => new OutputFile($"a/{i}/{t}.html", new string('a', 64), i * 1_000_000_007L)).ToList();
        var items = Texts.Select((t, i) => new GenerateManifest.Item($"u/{t}/", "dongshan", "2026-Q3", t, "village.finance", new string('b', 64), i % 2 == 0 ? "2026-10-12" : null, "ledger", i % 3 == 0)).ToList();
        void AssertSame(string generatedAt)
        {
            var whole = Written(stream => GenerateManifest.Write(stream, generatedAt, "2026-11-24", "https://example.org/青石/", files, items));
            var kept = Written(stream => GenerateManifest.Write(stream, generatedAt, "2026-11-24", "https://example.org/青石/", files, items, memory));
            Assert.That(kept, Is.EqualTo(whole));
            Assert.That(memory.ManifestFiles.Keys, Is.EquivalentTo(files.Select(f => f.Path)), "the memory holds this build's files only");
            Assert.That(memory.ManifestItems.Keys, Is.EquivalentTo(items.Select(i => i.Url)), "and this build's items only");
        }

        AssertSame("2026-11-24T08:00:00Z");
        var before = memory.ManifestFiles["a/1/他说:\"已入账\"\\.html"].Json;

        // A page rewritten, a page gone, a page added, an item withdrawn, an item added.
        files[0] = files[0] with { Sha256 = new string('c', 64), Bytes = 12 };
        files.RemoveAt(2);
        files.Add(new OutputFile("z/新页.html", new string('d', 64), 7));
        items[1] = items[1] with { Withdrawn = true };
        items.Add(items[0] with { Url = "v/新/", Slug = "新" });
        AssertSame("2026-11-25T08:00:00Z");
        Assert.That(memory.ManifestFiles["a/1/他说:\"已入账\"\\.html"].Json, Is.SameAs(before), "an unchanged file's entry is kept, not made again");

        // Empty lists.
        files.Clear();
        items.Clear();
        AssertSame("2026-11-26T08:00:00Z");
    }

    /// <summary>The disclosures' CSV and JSON lists put together from each row's bytes (as a session keeps them) equal the files written whole.</summary>
    [Test]
    public void The_disclosures_lists_put_together_from_row_bytes_have_the_same_bytes()
    {
        // Cells a spreadsheet would run as formulas, quotes, line breaks, nulls.
        string?[] tricky = ["=1+2", "-3", "+x", "@SUM(A1)", "\t制表", "他说\"好\"", "第一行\r\n第二行", null, "a,b", " 空格 ", string.Empty, "笑😀", "\u0001", "<b>"];
        var rows = Texts.Select((t, i) => RenderDataDownloads.CsvHeader.Select((_, c) => (c + i) % 4 == 0 ? null : t + c).ToArray()).ToList();
        rows.Add(tricky);
        rows.AddRange(Enumerable.Range(0, 3_000).Select(i => RenderDataDownloads.CsvHeader.Select(h => (string?)(h + "值" + i)).ToArray()));
        foreach (var list in new List<string?[]>[] { rows, [] })
        {
            using var records = new SafeCsv.Records();
            using var objects = new RowBytes.Json();
            var csv = list.Select(r => records.Of(r)).ToList();
            var json = list.Select(r => objects.Of(r, RenderDataDownloads.WriteRow)).ToList();
            Assert.That(
                Written(stream => RowBytes.WriteAll(stream, SafeCsv.Of(RenderDataDownloads.CsvHeader, []), csv)),
                Is.EqualTo(Written(stream => SafeCsv.Write(stream, RenderDataDownloads.CsvHeader, list))));
            Assert.That(
                Written(stream => RenderDataDownloads.WriteDisclosuresJson(stream, "2026-11-24", writer => RowBytes.WriteRaw(writer, json))),
                Is.EqualTo(Written(stream => RenderDataDownloads.WriteDisclosuresJson(stream, "2026-11-24", list))));
        }
    }

    /// <summary>The reference: the serializer by reflection in the site's options (the tool itself serializes only the
    /// shapes of <see cref="SiteJsonContext"/>, generated at compile time for the native binary).</summary>
    private static string Serialized<T>(T value) =>
        Written(stream => System.Text.Json.JsonSerializer.Serialize(stream, value, new System.Text.Json.JsonSerializerOptions(SiteJson.Options) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() }));

    private static string Written(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
