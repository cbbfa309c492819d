using DisclosureSite.Site.Write;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// The look at the spare's files made ahead of the take-over (<see cref="SpareCheck"/>) gives the take-over's own answer
/// for each file — as its list says, changed, gone — follows the spare through the build's rename, and gives nothing
/// for a folder or a list that is not the one it looked at.
/// </summary>
[TestFixture]
[Platform(Include = "Linux")]
public class SpareCheckTests
{
    [Test]
    public void Each_file_is_found_as_its_list_says_changed_or_gone_and_the_answers_follow_the_renamed_folder()
    {
        using var folder = new TempFolder("disclosure-spare-check");
        var spare = Path.Combine(folder.Root, ".site.spare");
        var list = new Dictionary<string, CachedFile>(StringComparer.Ordinal)
        {
            ["index.html"] = Listed(spare, "index.html", "<p>首页</p>"),
            ["东山村/2026-Q3/财务/index.html"] = Listed(spare, "东山村/2026-Q3/财务/index.html", "<p>财务</p>"),
            ["data/disclosures.csv"] = Listed(spare, "data/disclosures.csv", "a,b\r\n"),
            ["gone.html"] = Listed(spare, "gone.html", "x"),
            ["pagefind/pagefind.js"] = Listed(spare, "pagefind/pagefind.js", "//"),
        };

        // Changed by hand with its time set back (the size tells), and removed.
        var csv = Path.Combine(spare, "data", "disclosures.csv");
        var time = File.GetLastWriteTimeUtc(csv);
        File.AppendAllText(csv, "c,d\r\n");
        File.SetLastWriteTimeUtc(csv, time);
        File.Delete(Path.Combine(spare, "gone.html"));

        var check = SpareCheck.Start(spare, list);
        Assert.That(check, Is.Not.Null);
        using var started = check!;
        started.Done.Wait();

        // The build claims the spare by a rename: the answers are of the same folder.
        var claimed = Path.Combine(folder.Root, ".site.tmp-1");
        Directory.Move(spare, claimed);
        Assert.That(started.For(claimed, list), Is.SameAs(started));
        Assert.Multiple(() =>
        {
            Assert.That(started.Answer(list["index.html"]), Is.True);
            Assert.That(started.Answer(list["东山村/2026-Q3/财务/index.html"]), Is.True);
            Assert.That(started.Answer(list["data/disclosures.csv"]), Is.False);
            Assert.That(started.Answer(list["gone.html"]), Is.False);
            Assert.That(started.Answer(list["pagefind/pagefind.js"]), Is.Null, "the claim removes the search index: not looked at");
            Assert.That(started.Answer(new CachedFile(null, new string('0', 64), 1, 1)), Is.Null, "not in the list");
        });
    }

    [Test]
    public void Another_folder_or_another_list_gets_no_answers()
    {
        using var folder = new TempFolder("disclosure-spare-check");
        var spare = Path.Combine(folder.Root, ".site.spare");
        var list = new Dictionary<string, CachedFile>(StringComparer.Ordinal) { ["index.html"] = Listed(spare, "index.html", "<p>首页</p>") };

        using (var check = SpareCheck.Start(spare, list)!)
        {
            // Another build claimed the spare looked at, and a new one (same name, same files) was put in its place.
            var other = Path.Combine(folder.Root, ".site.tmp-other");
            Directory.Move(spare, other);
            TestPaths.CopyDirectory(other, spare);
            Assert.That(check.For(spare, list), Is.Null);
        }

        using (var check = SpareCheck.Start(spare, list)!)
        {
            Assert.That(check.For(spare, new Dictionary<string, CachedFile>(list)), Is.Null, "another list of the same files");
        }

        Assert.That(SpareCheck.Start(Path.Combine(folder.Root, "missing"), list), Is.Null);
        Assert.That(SpareCheck.Start(spare, new Dictionary<string, CachedFile>()), Is.Null);
    }

    /// <summary>Writes the file and gives its entry as a build cache lists it (size and time).</summary>
    private static CachedFile Listed(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        var info = new FileInfo(full);
        return new CachedFile(null, new string('a', 64), info.Length, info.LastWriteTimeUtc.Ticks);
    }
}
