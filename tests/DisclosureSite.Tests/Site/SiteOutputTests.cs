using DisclosureSite.Site;

namespace DisclosureSite.Tests.Site;

/// <summary>The build renders on every core; its output must not depend on thread timing.</summary>
[TestFixture]
public class SiteOutputTests
{
    [Test]
    public void Two_builds_of_the_demo_are_identical_byte_for_byte()
    {
        var root = Path.Combine(Path.GetTempPath(), "disclosure-twice-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = Path.Combine(root, "a", "_site");
            var second = Path.Combine(root, "b", "_site");
            foreach (var output in new[] { first, second })
            {
                var result = SiteBuilder.Build(new SiteOptions(DemoSite.Input, output, DemoSite.AsOf) { RunPagefind = false, WorkingDirectory = DemoSite.RepoRoot });
                Assert.That(result.Succeeded, Is.True);
            }

            AssertSameFiles(first, second);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>Both folders hold the same relative paths with the same bytes.</summary>
    public static void AssertSameFiles(string expected, string actual)
    {
        static SortedDictionary<string, string> Read(string dir) => new(
            Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
            StringComparer.Ordinal);
        static List<string> Folders(string dir) =>
            Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToList();
        var a = Read(expected);
        var b = Read(actual);
        Assert.Multiple(() =>
        {
            Assert.That(Folders(actual), Is.EqualTo(Folders(expected)), "the same folders (none left empty)");
            Assert.That(b.Keys.Except(a.Keys), Is.Empty, "files only in " + actual);
            Assert.That(a.Keys.Except(b.Keys), Is.Empty, "files only in " + expected);
            Assert.That(a.Where(kv => b.TryGetValue(kv.Key, out var h) && h != kv.Value).Select(kv => kv.Key), Is.Empty, "files whose bytes differ");
        });
    }
}
