using DisclosureSite.Loading;

namespace DisclosureSite.Tests;

/// <summary>
/// A folder's files and sub-folders as <see cref="InputFolder"/> lists them (named from each entry's name as listed,
/// issue 17) are exactly what <see cref="Directory.EnumerateFiles(string, string)"/> and
/// <see cref="Directory.EnumerateDirectories(string, string)"/> list, as input-relative paths in ordinal order: links
/// count as what they point to, a dangling link as a file, hidden names are listed.
/// </summary>
public class InputFolderListingTests
{
    [Test]
    public void Files_and_folders_are_listed_as_the_directory_enumeration_lists_them()
    {
        var root = Path.Combine(Path.GetTempPath(), "disclosure-listing-" + Guid.NewGuid().ToString("N"));
        var period = Path.Combine(root, "disclosures", "东山村", "2026-Q3");
        Directory.CreateDirectory(Path.Combine(period, "附件"));
        Directory.CreateDirectory(Path.Combine(root, "elsewhere"));
        try
        {
            foreach (var name in new[] { "finance.md", "财务收支.md", "b.csv", "a.xlsx", ".hidden.md", "Z.MD", "名单 (1).csv" })
            {
                File.WriteAllText(Path.Combine(period, name), "x");
            }

            File.WriteAllText(Path.Combine(root, "elsewhere", "target.md"), "x");
            File.CreateSymbolicLink(Path.Combine(period, "linked.md"), Path.Combine(root, "elsewhere", "target.md"));
            Directory.CreateSymbolicLink(Path.Combine(period, "linked-folder"), Path.Combine(root, "elsewhere"));
            File.CreateSymbolicLink(Path.Combine(period, "dangling.md"), Path.Combine(root, "elsewhere", "gone.md"));

            var input = new InputFolder(root);
            foreach (var relative in new[] { "disclosures/东山村/2026-Q3", "disclosures/东山村", "disclosures", string.Empty, "elsewhere", "missing" })
            {
                var full = Path.Combine(root, relative);
                List<string> Expected(IEnumerable<string> paths) =>
                    paths.Select(p => (relative.Length == 0 ? string.Empty : relative + "/") + Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();
                var files = Directory.Exists(full) ? Expected(Directory.EnumerateFiles(full, "*")) : [];
                var folders = Directory.Exists(full) ? Expected(Directory.EnumerateDirectories(full, "*")) : [];
                Assert.Multiple(() =>
                {
                    Assert.That(input.Files(relative), Is.EqualTo(files), relative);
                    Assert.That(input.Directories(relative), Is.EqualTo(folders), relative);
                });
            }

            Assert.That(input.Files("disclosures/东山村/2026-Q3"), Does.Contain("disclosures/东山村/2026-Q3/linked.md").And.Contain("disclosures/东山村/2026-Q3/dangling.md").And.Contain("disclosures/东山村/2026-Q3/.hidden.md"));
            Assert.That(input.Directories("disclosures/东山村/2026-Q3"), Is.EqualTo(new[] { "disclosures/东山村/2026-Q3/linked-folder", "disclosures/东山村/2026-Q3/附件" }));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
