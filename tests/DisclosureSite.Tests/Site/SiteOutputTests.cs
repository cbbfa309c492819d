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

    [Test]
    public void A_group_is_taken_over_whole_or_rendered_under_its_tag_and_the_enclosing_tag_comes_back()
    {
        var root = Path.Combine(Path.GetTempPath(), "disclosure-group-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = new DisclosureSite.Site.Write.SiteOutput(Path.Combine(root, "a"), previousRoot: null);
            first.StepTag = "step:units";
            Assert.That(first.RenderGroup("unit:beiling", () => first.WriteText("beiling/index.html", "北岭村")), Is.False, "nothing to take over: rendered");
            Assert.That(first.StepTag, Is.EqualTo("step:units"), "the enclosing tag is back after the group");
            Assert.That(first.RenderGroup(null, () => first.WriteText("nanshan/index.html", "南山村")), Is.False);
            Assert.Throws<InvalidOperationException>(() => first.RenderGroup("unit:broken", () => throw new InvalidOperationException("模板出错")));
            Assert.That(first.StepTag, Is.EqualTo("step:units"), "the enclosing tag is back after a group that threw");
            first.StepTag = null;
            first.Finish();
            var cache = first.CacheEntries.ToDictionary(e => e.Path, e => e.File, StringComparer.Ordinal);
            Assert.Multiple(() =>
            {
                Assert.That(cache["beiling/index.html"].Step, Is.EqualTo("unit:beiling"), "a file of a group is recorded under the group's tag");
                Assert.That(cache["nanshan/index.html"].Step, Is.EqualTo("step:units"), "with no tag of its own, under the enclosing one");
            });

            var second = new DisclosureSite.Site.Write.SiteOutput(Path.Combine(root, "b"), Path.Combine(root, "a"), cache);
            var rendered = false;
            Assert.Multiple(() =>
            {
                Assert.That(second.RenderGroup("unit:beiling", () => rendered = true), Is.True, "the unchanged group is taken over");
                Assert.That(rendered, Is.False, "a group taken over is not rendered");
                Assert.That(second.Reused, Is.EqualTo(1));
                Assert.That(File.ReadAllText(Path.Combine(root, "b", "beiling", "index.html")), Is.EqualTo("北岭村"));
                Assert.That(second.RenderGroup("unit:beiling-changed", () => rendered = true), Is.False, "a new tag renders");
                Assert.That(rendered, Is.True);
            });
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
