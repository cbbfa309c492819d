using System.Security.Cryptography;
using System.Text;
using DisclosureSite.Site.Render.Steps;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// The sitemap's key is the digest of the pages it lists: hashed a buffer at a time, it must stay the digest of each
/// path's UTF-8 length (4 bytes, little-endian) and bytes in turn, or every build cache written before would be missed —
/// or, worse, two lists would meet in one key.
/// </summary>
[TestFixture]
public class SitemapDigestTests
{
    public static IEnumerable<TestCaseData> Lists()
    {
        yield return new TestCaseData(new List<string>()).SetName("No_pages");
        yield return new TestCaseData(new List<string> { string.Empty, "beiling/", "beiling/2026-Q3/finance/" }).SetName("Ascii_paths");
        yield return new TestCaseData(new List<string> { "东山村/", "topics/村务/📄/", "a\u0301/" }).SetName("Chinese_emoji_and_combining_marks");
        yield return new TestCaseData(Enumerable.Range(0, 20_000).Select(i => $"unit-{i % 300}/2026-Q{(i % 4) + 1}/item-{i}/").ToList()).SetName("Many_paths_across_buffers");
        yield return new TestCaseData(new List<string> { "a/", new string('长', 40_000) + "/", "b/" }).SetName("A_path_longer_than_the_buffer");
    }

    [TestCaseSource(nameof(Lists))]
    public void The_digest_is_that_of_each_path_length_and_bytes_in_turn(List<string> pages)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var page in pages)
        {
            var bytes = Encoding.UTF8.GetBytes(page);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        Assert.That(GenerateSitemap.DigestOf(pages), Is.EqualTo(Convert.ToHexStringLower(hash.GetHashAndReset())));
    }

    [TestCaseSource(nameof(Lists))]
    public void The_digest_of_the_pages_files_is_that_of_the_pages(List<string> pages) =>
        Assert.That(GenerateSitemap.DigestOf(pages.Select(p => p + "index.html").ToList(), "index.html".Length), Is.EqualTo(GenerateSitemap.DigestOf(pages)));

    [Test]
    public void Lists_that_differ_only_in_where_a_path_ends_have_different_digests() =>
        Assert.That(GenerateSitemap.DigestOf(["ab/", "c/"]), Is.Not.EqualTo(GenerateSitemap.DigestOf(["a", "b/c/"])));
}
