using System.Text;
using DisclosureSite.Loading;
using DisclosureSite.Site.Write;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// The take-over's per-file check (<c>SiteOutput.IsIntact</c>) reads a file's size and time with one <c>statx</c>: its
/// time must be the very ticks <see cref="FileInfo.LastWriteTimeUtc"/> gives (the build cache records those), and the
/// path check must refuse exactly what the split-based check refused.
/// </summary>
[TestFixture]
public class TakeOverCheckTests
{
    [Test]
    public void A_statx_time_is_the_ticks_FileInfo_gives()
    {
        var dir = TestPaths.TempDir("disclosure-ticks");
        var file = Path.Combine(dir, "page.html");
        File.WriteAllText(file, "<p>本期公开</p>");
        var times = new[]
        {
            new DateTime(2026, 11, 24, 8, 30, 15, DateTimeKind.Utc).AddTicks(1234567),
            new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9999999),
            new DateTime(1950, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1),
            new DateTime(2100, 2, 28, 23, 59, 59, DateTimeKind.Utc).AddTicks(5000001),
        };

        // First the time the file system gave it (nanoseconds, not a multiple of 100 in general), then times set.
        Assert.That(SiteOutput.WriteTicksOf(InputCache.StampOf(file).Mtime), Is.EqualTo(new FileInfo(file).LastWriteTimeUtc.Ticks));
        foreach (var time in times)
        {
            File.SetLastWriteTimeUtc(file, time);
            var stamp = InputCache.StampOf(file);
            Assert.Multiple(() =>
            {
                Assert.That(SiteOutput.WriteTicksOf(stamp.Mtime), Is.EqualTo(new FileInfo(file).LastWriteTimeUtc.Ticks), time.ToString("O"));
                Assert.That(SiteOutput.WriteTicksOf(stamp.Mtime), Is.EqualTo(time.Ticks), time.ToString("O"));
                Assert.That(stamp.Size, Is.EqualTo(new FileInfo(file).Length));
            });
        }

        // Not a file: a folder and a missing path have no size (never intact).
        Assert.That(InputCache.StampOf(dir).Size, Is.LessThan(0));
        Assert.That(InputCache.StampOf(Path.Combine(dir, "gone.html")).Size, Is.LessThan(0));
    }

    [Test]
    public void A_stamp_of_a_root_and_a_relative_path_is_the_stamp_of_the_path_they_make()
    {
        var dir = TestPaths.TempDir("disclosure-join");
        var deep = "村/" + string.Concat(Enumerable.Repeat("很长的文件夹名/", 60));
        Directory.CreateDirectory(Path.Combine(dir, deep));
        File.WriteAllText(Path.Combine(dir, "index.html"), "<p>首页</p>");
        File.WriteAllText(Path.Combine(dir, "村", "页.html"), "<p>村务公开,财务收支</p>");
        File.WriteAllText(Path.Combine(dir, deep, "最深.html"), new string('深', 3000));
        string[] relatives = ["index.html", "村/页.html", deep + "最深.html", "村", "gone.html", "村/gone/x.html", "", Path.Combine(dir, "index.html"), "a\u0000b"];
        foreach (var root in new[] { dir, dir + "/", string.Empty })
        {
            foreach (var relative in relatives)
            {
                var joined = Path.Combine(root, relative);
                Assert.That(InputCache.StampOf(root, relative), Is.EqualTo(InputCache.StampOf(joined)), $"{root} + {relative}");
            }
        }

        // Each of these is a real file, found whole (the path is more than the first buffer of 1,024 bytes).
        Assert.That(Encoding.UTF8.GetByteCount(Path.Combine(dir, deep, "最深.html")), Is.GreaterThan(1024));
        Assert.That(InputCache.StampOf(dir, deep + "最深.html").Size, Is.EqualTo(9000));
        Assert.That(InputCache.StampOf(dir, "村/页.html").Size, Is.EqualTo(new FileInfo(Path.Combine(dir, "村", "页.html")).Length));
        Assert.That(InputCache.StampOf(dir, "村").Size, Is.LessThan(0), "a folder");
    }

    [Test]
    public void A_stamp_looked_up_from_a_folder_near_the_file_is_the_stamp_of_the_whole_path()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("stamps are taken on Linux only");
        }

        var dir = TestPaths.TempDir("disclosure-near");
        var deep = "村/" + string.Concat(Enumerable.Repeat("很长的文件夹名/", 60));
        Directory.CreateDirectory(Path.Combine(dir, deep));
        Directory.CreateDirectory(Path.Combine(dir, "u", "2026-Q3", "finance"));
        Directory.CreateDirectory(Path.Combine(dir, "real", "p"));
        File.WriteAllText(Path.Combine(dir, "index.html"), "<p>首页</p>");
        File.WriteAllText(Path.Combine(dir, "村", "页.html"), "<p>村务公开</p>");
        File.WriteAllText(Path.Combine(dir, deep, "最深.html"), new string('深', 3000));
        File.WriteAllText(Path.Combine(dir, "u", "2026-Q3", "finance", "index.html"), "<p>财务</p>");
        File.WriteAllText(Path.Combine(dir, "u", "2026-Q3", "finance", "ledger.csv"), "科目,金额\n");
        File.WriteAllText(Path.Combine(dir, "real", "p", "x.md"), "正文");
        File.WriteAllText(Path.Combine(dir, "u", "a-file"), "not a folder");
        File.CreateSymbolicLink(Path.Combine(dir, "linked"), Path.Combine(dir, "real"));
        File.CreateSymbolicLink(Path.Combine(dir, "real", "p", "to-x.md"), "x.md");
        string[] relatives =
        [
            "index.html", "村/页.html", deep + "最深.html", "u/2026-Q3/finance/index.html", "u/2026-Q3/finance/ledger.csv",
            "u/2026-Q3/finance/gone.html", "u/2026-Q3/finance", "u/2026-Q3/finance/", "linked/p/x.md", "linked/p/to-x.md",
            "u/a-file/x/y.html", "gone/p/q/x.html", "u/2026-Q3/../2026-Q3/finance/index.html", "u//2026-Q3/finance/index.html", "u/2026-Q3//finance/index.html",
            "u/2026-Q3/finance//index.html", "u/2026-Q3/./finance/index.html", "u/2026-Q3/finance/../finance/ledger.csv", "linked/p/../p/x.md",
            "村", "", Path.Combine(dir, "index.html"), "a\u0000b/c/d",
        ];

        // One object for every look-up, in an order that leaves and comes back to folders, from each form of the root,
        // with a handle on the folder two levels up only and with one on the file's own folder too.
        foreach (var fromParent in new[] { false, true })
        {
            using var each = new NearFolder(fromParent);
            foreach (var root in new[] { dir, dir + "/", string.Empty })
            {
                foreach (var relative in relatives.Concat(relatives.Reverse()))
                {
                    Assert.That(each.StampOf(root, relative), Is.EqualTo(InputCache.StampOf(root, relative)), $"{root} + {relative}, from parent: {fromParent}");
                }
            }
        }

        using var near = new NearFolder(fromParent: true);

        // A file changed after its folder was opened is seen changed; a folder moved away and made anew is looked in anew
        // once another folder was looked in.
        var page = Path.Combine(dir, "u", "2026-Q3", "finance", "index.html");
        Assert.That(near.StampOf(dir, "u/2026-Q3/finance/index.html").Size, Is.EqualTo(new FileInfo(page).Length));
        File.WriteAllText(page, "<p>财务收支明细</p>");
        Assert.That(near.StampOf(dir, "u/2026-Q3/finance/index.html"), Is.EqualTo(InputCache.StampOf(page)));
        Directory.Move(Path.Combine(dir, "u", "2026-Q3"), Path.Combine(dir, "u", "moved"));
        Directory.CreateDirectory(Path.Combine(dir, "u", "2026-Q3", "finance"));
        File.WriteAllText(page, "<p>新的一页，长一些</p>");
        Assert.That(near.StampOf(dir, "村/页.html"), Is.EqualTo(InputCache.StampOf(dir, "村/页.html")));
        Assert.That(near.StampOf(dir, "u/2026-Q3/finance/index.html"), Is.EqualTo(InputCache.StampOf(page)));
        Assert.That(near.StampOf(dir, "u/2026-Q3/finance/ledger.csv").Size, Is.LessThan(0), "not in the new folder");
        near.Dispose();
        Assert.That(near.StampOf(dir, "u/2026-Q3/finance/ledger.csv"), Is.EqualTo(InputCache.StampOf(dir, "u/2026-Q3/finance/ledger.csv")), "usable again after Dispose");
    }

    [Test]
    public void Folders_and_files_made_from_a_folder_near_them_are_where_their_whole_paths_say()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("handles near files are used on Linux only");
        }

        var dir = TestPaths.TempDir("disclosure-make");
        using var near = new NearFolder();
        int Create(string relative, string text)
        {
            var fd = near.CreateNew(dir, relative);
            if (fd >= 0)
            {
                using var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
                RandomAccess.Write(handle, Encoding.UTF8.GetBytes(text), 0);
            }

            return fd;
        }

        // Nothing there yet: the folder two levels up is made by its whole path, the file's folder from it.
        Assert.That(near.MakeFolderOf(dir, "houfeng/2026-Q3/finance/index.html"), Is.True);
        Assert.That(Directory.Exists(Path.Combine(dir, "houfeng", "2026-Q3", "finance")), Is.True);
        Assert.That(Create("houfeng/2026-Q3/finance/index.html", "<p>财务</p>"), Is.GreaterThanOrEqualTo(0));
        Assert.That(File.ReadAllText(Path.Combine(dir, "houfeng", "2026-Q3", "finance", "index.html")), Is.EqualTo("<p>财务</p>"));

        // A file already there is not opened again (O_EXCL); a folder already there is taken as it is.
        Assert.That(Create("houfeng/2026-Q3/finance/index.html", "x"), Is.EqualTo(-1));
        Assert.That(near.MakeFolderOf(dir, "houfeng/2026-Q3/finance/ledger.csv"), Is.True);
        Assert.That(near.MakeFolderOf(dir, "houfeng/2026-Q3/村务/index.html"), Is.True);
        Assert.That(Create("houfeng/2026-Q3/村务/index.html", "<p>村务</p>"), Is.GreaterThanOrEqualTo(0));
        Assert.That(File.ReadAllText(Path.Combine(dir, "houfeng", "2026-Q3", "村务", "index.html")), Is.EqualTo("<p>村务</p>"));

        // A file in a folder of the root: that folder is the one two levels up, made when missing.
        Assert.That(near.MakeFolderOf(dir, "data/manifest.json"), Is.True);
        Assert.That(Directory.Exists(Path.Combine(dir, "data")), Is.True);

        // A folder's name taken by a file: not made here (the whole path's call reports it); a link to a folder will do.
        File.WriteAllText(Path.Combine(dir, "houfeng", "2026-Q3", "taken"), "a file");
        Assert.That(near.MakeFolderOf(dir, "houfeng/2026-Q3/taken/index.html"), Is.False);
        Directory.CreateDirectory(Path.Combine(dir, "elsewhere"));
        File.CreateSymbolicLink(Path.Combine(dir, "houfeng", "2026-Q3", "linked"), Path.Combine(dir, "elsewhere"));
        Assert.That(near.MakeFolderOf(dir, "houfeng/2026-Q3/linked/index.html"), Is.True);

        // What is done by the whole path: a file of the root, a rooted path, empty names, a NUL.
        foreach (var relative in new[] { "index.html", "/etc/passwd", "a//b/c.html", "a/b/c/", "a/b\0/c.html" })
        {
            Assert.That(near.MakeFolderOf(dir, relative), Is.False, relative);
            Assert.That(near.CreateNew(dir, relative), Is.EqualTo(-1), relative);
        }
    }

    [TestCase("index.html", true)]
    [TestCase("houfeng/2026-Q3/finance/index.html", true)]
    [TestCase("data/disclosures.csv", true)]
    [TestCase(".well-known/x", true)]
    [TestCase("a/...b/c", true)]
    [TestCase("", false)]
    [TestCase("/index.html", false)]
    [TestCase("a//b", false)]
    [TestCase("a/", false)]
    [TestCase("./a", false)]
    [TestCase("a/./b", false)]
    [TestCase("a/../b", false)]
    [TestCase("..", false)]
    [TestCase(".", false)]
    [TestCase("a\\b", false)]
    [TestCase("村/页.html", true)]
    public void A_site_path_is_checked_as_the_split_check_did(string path, bool safe)
    {
        var split = path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\', StringComparison.Ordinal) && !path.Split('/').Any(s => s is "" or "." or "..");
        Assert.Multiple(() =>
        {
            Assert.That(split, Is.EqualTo(safe), "the check as it was");
            Assert.That(SiteOutput.IsSafePath(path), Is.EqualTo(safe));
        });
    }
}
