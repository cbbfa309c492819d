using DisclosureSite.Ledger;
using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Publishing.Ledger;

/// <summary>Builds a site: (input folder, output folder, as-of date) → null, or why it failed. The site builder provides it.</summary>
public delegate string? SiteRebuilder(string inputRoot, string outputRoot, DateOnly asOf);

/// <summary>
/// <c>ledger verify --rebuild</c>: checks out the commit recorded in the entry that bound the site (the last entry when
/// none did) into a temporary folder, builds the site there as of that entry's date — the ledger it reads is the one in
/// that commit, so <c>generated_at</c> and the history pages come out as they did — and compares the result with the
/// published copy file by file (the manifest included, the search index excluded). Builds are reproducible: nothing in
/// the output depends on the clock or the machine.
/// </summary>
public static class RebuildSite
{
    /// <summary>The largest number of differing files named in the report.</summary>
    public const int MaxNamed = 50;

    public static VerifySection Compare(string? siteRoot, GitObjects? git, LedgerEntry? entry, SiteRebuilder build)
    {
        if (siteRoot is null || git is null)
        {
            return new VerifySection("rebuild", Messages.VerifyRebuildTitle(), VerifyStatus.Skipped, Messages.VerifyRebuildNeeds(), []);
        }

        if (entry?.Commit is not { } commit)
        {
            var why = Messages.VerifyRebuildNoCommit(entry?.Seq);
            return VerifySection.Of("rebuild", Messages.VerifyRebuildTitle(), why, [why]);
        }

        var temp = Path.Combine(Path.GetTempPath(), "disclosure-rebuild-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var clone = Path.Combine(temp, "repo");
            if (GitObjects.Run(git.Top, null, "clone", "--quiet", "--shared", "--no-checkout", git.Top, clone) is null
                || GitObjects.Run(clone, null, "-c", "advice.detachedHead=false", "checkout", "--quiet", "--detach", commit) is null)
            {
                var why = Messages.VerifyRebuildCheckoutFailed(entry.Seq, commit);
                return VerifySection.Of("rebuild", Messages.VerifyRebuildTitle(), why, [why]);
            }

            var input = Path.Combine(clone, git.Prefix.Replace('/', Path.DirectorySeparatorChar));
            var output = Path.Combine(temp, "site");
            if (build(input, output, entry.AsOfDate) is { } error)
            {
                var why = Messages.VerifyRebuildFailed(entry.Seq, commit, error);
                return VerifySection.Of("rebuild", Messages.VerifyRebuildTitle(), why, [why]);
            }

            var published = FilesOf(siteRoot);
            var rebuilt = FilesOf(output);
            var problems = new List<LocalizedText>();
            foreach (var rel in published.Keys.Union(rebuilt.Keys).Order(StringComparer.Ordinal))
            {
                var inPublished = published.TryGetValue(rel, out var a);
                var inRebuilt = rebuilt.TryGetValue(rel, out var b);
                if (!inRebuilt)
                {
                    problems.Add(Messages.VerifyRebuildOnlyPublished(rel));
                }
                else if (!inPublished)
                {
                    problems.Add(Messages.VerifyRebuildOnlyRebuilt(rel));
                }
                else if (!SameBytes(a!, b!))
                {
                    problems.Add(Messages.VerifyRebuildDiffers(rel));
                }
            }

            var named = problems.Count > MaxNamed ? [.. problems.Take(MaxNamed), Messages.VerifyRebuildMore(problems.Count - MaxNamed)] : problems;
            return VerifySection.Of("rebuild", Messages.VerifyRebuildTitle(), Messages.VerifyRebuildSummary(entry.Seq, commit, entry.AsOf, rebuilt.Count), named);
        }
        finally
        {
            try
            {
                if (Directory.Exists(temp))
                {
                    Directory.Delete(temp, recursive: true);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static Dictionary<string, string> FilesOf(string root)
    {
        var full = Path.GetFullPath(root);
        return Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Select(f => (Rel: Path.GetRelativePath(full, f).Replace(Path.DirectorySeparatorChar, '/'), Path: f))
            .Where(f => !f.Rel.StartsWith(SiteContract.SearchIndexFolder, StringComparison.Ordinal))
            .ToDictionary(f => f.Rel, f => f.Path, StringComparer.Ordinal);
    }

    private static bool SameBytes(string a, string b)
    {
        var fa = new FileInfo(a);
        var fb = new FileInfo(b);
        return fa.Length == fb.Length && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
    }
}
