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

    private static string Serialized<T>(T value) => Written(stream => SiteJson.Write(stream, value));

    private static string Written(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
