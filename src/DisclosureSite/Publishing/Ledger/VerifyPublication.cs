using System.Diagnostics;
using System.Security.Cryptography;
using DisclosureSite.Ledger;
using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Publishing.Ledger;

/// <summary>What <c>disclosure ledger verify</c> checks: the ledger, and optionally the built site and the input's Git history.</summary>
public sealed record VerifyOptions(string LedgerPath, string? SiteRoot, string? InputRoot);

/// <summary>How one part of the verification came out.</summary>
public enum VerifyStatus
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>One part of the report: a title, an outcome, a one-line summary and the problems, each naming what broke.</summary>
public sealed record VerifySection(LocalizedText Title, VerifyStatus Status, LocalizedText Summary, IReadOnlyList<LocalizedText> Problems);

/// <summary>The verification report; <see cref="Passed"/> is false on any break.</summary>
public sealed record VerifyReport(string LedgerPath, int Entries, IReadOnlyList<VerifySection> Sections, TimeSpan Elapsed)
{
    public bool Passed => Sections.All(s => s.Status != VerifyStatus.Failed);

    public IEnumerable<LocalizedText> Problems => Sections.SelectMany(s => s.Problems);
}

/// <summary>
/// <c>disclosure ledger verify</c> (docs/审计核验.md): the chain and every entry's hash; the site's files against its own
/// manifest; every recorded item on the site with its latest recorded content hash (withdrawn ones as notices);
/// the site's copy of the ledger against the repository's; and the recorded commits still holding the recorded content.
/// </summary>
public static class VerifyPublication
{
    public static VerifyReport Run(VerifyOptions options)
    {
        var clock = Stopwatch.StartNew();
        var sections = new List<VerifySection>();
        var read = LedgerFile.Read(options.LedgerPath);
        if (!read.Exists)
        {
            sections.Add(new VerifySection(Messages.VerifyChainTitle(), VerifyStatus.Failed, Messages.VerifyNoLedger(options.LedgerPath), [Messages.VerifyNoLedger(options.LedgerPath)]));
            return new VerifyReport(options.LedgerPath, 0, sections, clock.Elapsed);
        }

        var ledger = LedgerState.From(read);
        sections.Add(Chain(read));
        if (options.SiteRoot is { } site)
        {
            sections.AddRange(Site(site, ledger, read));
        }

        if (options.InputRoot is { } input)
        {
            sections.Add(Git(input, ledger));
        }

        return new VerifyReport(options.LedgerPath, read.Entries.Count, sections, clock.Elapsed);
    }

    private static VerifySection Chain(LedgerRead read)
    {
        var problems = read.Problems.Select(p => p.Text).ToList();
        return new VerifySection(Messages.VerifyChainTitle(), problems.Count == 0 ? VerifyStatus.Passed : VerifyStatus.Failed, Messages.VerifyChainSummary(read.Lines.Count, read.Entries.Count), problems);
    }

    private static IEnumerable<VerifySection> Site(string site, LedgerState ledger, LedgerRead read)
    {
        var manifest = SiteManifest.Read(site, out var error);
        if (manifest is null)
        {
            yield return new VerifySection(Messages.VerifyFilesTitle(), VerifyStatus.Failed, Messages.VerifyNoManifest(site, error ?? string.Empty), [Messages.VerifyNoManifest(site, error ?? string.Empty)]);
            yield break;
        }

        yield return Files(site, manifest);
        yield return Items(site, manifest, ledger);
        yield return SiteLedgerCopy(site, read);
    }

    /// <summary>Every file listed in the manifest is on disk with its hash and size, and nothing else is.</summary>
    private static VerifySection Files(string site, SiteManifest manifest)
    {
        var problems = new List<LocalizedText>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var results = new LocalizedText?[manifest.Files.Count];
        Parallel.For(0, manifest.Files.Count, i =>
        {
            var f = manifest.Files[i];
            var full = Path.Combine(site, f.Path.Replace('/', Path.DirectorySeparatorChar));
            if (f.Path.Contains("..", StringComparison.Ordinal) || !File.Exists(full))
            {
                results[i] = Messages.VerifyFileMissing(f.Path);
                return;
            }

            using var stream = File.OpenRead(full);
            var length = stream.Length;
            var hash = ContentHash.Hex(SHA256.HashData(stream));
            if (hash != f.Sha256 || (f.Bytes >= 0 && length != f.Bytes))
            {
                results[i] = Messages.VerifyFileChanged(f.Path, f.Sha256, hash);
            }
        });
        foreach (var f in manifest.Files)
        {
            listed.Add(f.Path);
        }

        problems.AddRange(results.OfType<LocalizedText>());
        var root = Path.GetFullPath(site);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (rel == SiteManifest.RelativePath || rel.StartsWith("pagefind/", StringComparison.Ordinal) || listed.Contains(rel))
            {
                continue;
            }

            problems.Add(Messages.VerifyFileUnlisted(rel));
        }

        return new VerifySection(Messages.VerifyFilesTitle(), problems.Count == 0 ? VerifyStatus.Passed : VerifyStatus.Failed, Messages.VerifyFilesSummary(manifest.Files.Count), problems);
    }

    /// <summary>Every recorded item as its latest record says: on the site with that content hash, or a withdrawal notice.</summary>
    private static VerifySection Items(string site, SiteManifest manifest, LedgerState ledger)
    {
        var problems = new List<LocalizedText>();
        var published = 0;
        var withdrawn = 0;
        foreach (var (url, last) in ledger.Latest.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var item = last.Item;
            var page = SiteManifest.PageOf(site, url);
            var html = File.Exists(page) ? File.ReadAllText(page) : null;
            if (item.IsWithdrawal)
            {
                withdrawn++;
                if (html is null)
                {
                    problems.Add(Messages.VerifyNoticeMissing(url, last.Entry.Seq));
                }
                else if (!SiteManifest.IsWithdrawalNotice(html))
                {
                    problems.Add(Messages.VerifyWithdrawnStillShown(url, last.Entry.Seq));
                }

                continue;
            }

            published++;
            if (html is null)
            {
                problems.Add(Messages.VerifyPageMissing(url, item.File, last.Entry.Seq));
                continue;
            }

            if (SiteManifest.IsWithdrawalNotice(html))
            {
                problems.Add(Messages.VerifyShownAsWithdrawn(url, item.Revision, last.Entry.Seq));
                continue;
            }

            var pageHash = SiteManifest.ContentHashOfPage(html);
            if (pageHash != item.ContentSha256)
            {
                problems.Add(Messages.VerifyPageDiffers(url, item.Revision, last.Entry.Seq, item.ContentSha256, pageHash));
            }

            if (!manifest.Items.TryGetValue(url, out var m))
            {
                problems.Add(Messages.VerifyManifestItemMissing(url, last.Entry.Seq));
            }
            else if (m.ContentSha256 != item.ContentSha256)
            {
                problems.Add(Messages.VerifyManifestItemDiffers(url, item.Revision, item.ContentSha256, m.ContentSha256));
            }
        }

        return new VerifySection(Messages.VerifyItemsTitle(), problems.Count == 0 ? VerifyStatus.Passed : VerifyStatus.Failed, Messages.VerifyItemsSummary(published, withdrawn), problems);
    }

    /// <summary>The site's downloadable copy is the repository's ledger or an earlier state of it (built before the last record).</summary>
    private static VerifySection SiteLedgerCopy(string site, LedgerRead repo)
    {
        var path = Path.Combine(site, "history", "publications.jsonl");
        if (!File.Exists(path))
        {
            return new VerifySection(Messages.VerifyCopyTitle(), VerifyStatus.Skipped, Messages.VerifyCopyAbsent(), []);
        }

        var copy = LedgerFile.Parse(path, File.ReadAllBytes(path));
        var problems = new List<LocalizedText>();
        for (var i = 0; i < copy.Lines.Count; i++)
        {
            if (i >= repo.Lines.Count)
            {
                problems.Add(Messages.VerifyCopyLonger(copy.Lines.Count, repo.Lines.Count));
                break;
            }

            if (copy.Lines[i] != repo.Lines[i])
            {
                problems.Add(Messages.VerifyCopyDiffers(i + 1));
                break;
            }
        }

        return new VerifySection(Messages.VerifyCopyTitle(), problems.Count == 0 ? VerifyStatus.Passed : VerifyStatus.Failed, Messages.VerifyCopySummary(copy.Lines.Count, repo.Lines.Count), problems);
    }

    /// <summary>Each recorded commit is on the current branch and still holds, file for file, the recorded content.</summary>
    private static VerifySection Git(string inputRoot, LedgerState ledger)
    {
        var git = GitObjects.Open(inputRoot);
        if (git is null)
        {
            return new VerifySection(Messages.VerifyGitTitle(), VerifyStatus.Skipped, Messages.VerifyGitNoRepo(inputRoot), []);
        }

        if (git.IsShallow())
        {
            return new VerifySection(Messages.VerifyGitTitle(), VerifyStatus.Skipped, Messages.VerifyGitShallow(), []);
        }

        var reachable = git.ReachableFromHead();
        var problems = new List<LocalizedText>();
        var withCommit = ledger.Entries.Where(e => e.Commit is not null).ToList();
        var specs = withCommit.SelectMany(e => e.Items.SelectMany(i => i.Files.Select(f => git.Spec(e.Commit!, f))));
        var blobs = git.ReadBlobs(specs);
        var checkedItems = 0;
        foreach (var entry in withCommit)
        {
            var commit = entry.Commit!;
            if (!reachable.Contains(commit))
            {
                problems.Add(Messages.VerifyCommitNotOnBranch(entry.Seq, commit));
            }

            foreach (var item in entry.Items)
            {
                // A 民情台账 matter records its told result, not its file: the file must be in the commit; the result is
                // checked against its page and the manifest (Items above).
                var isRequest = item.Item == LedgerPlan.RequestsItem && item.Url.Contains("/requests/", StringComparison.Ordinal);
                var missing = item.Files.Where(f => blobs.GetValueOrDefault(git.Spec(commit, f)) is null).ToList();
                if (missing.Count > 0)
                {
                    problems.Add(Messages.VerifyCommitLacksFile(entry.Seq, commit, item.Url, missing[0]));
                    continue;
                }

                if (isRequest)
                {
                    continue;
                }

                checkedItems++;
                var hash = ContentHash.Sha256(ContentHash.Canonical(item.Files, f => blobs[git.Spec(commit, f)]!));
                if (hash != item.ContentSha256)
                {
                    problems.Add(Messages.VerifyCommitContentDiffers(entry.Seq, commit, item.Url, item.ContentSha256, hash));
                }
            }
        }

        var without = ledger.Entries.Count - withCommit.Count;
        return new VerifySection(Messages.VerifyGitTitle(), problems.Count == 0 ? VerifyStatus.Passed : VerifyStatus.Failed,
            Messages.VerifyGitSummary(withCommit.Select(e => e.Commit).Distinct().Count(), checkedItems, without), problems);
    }
}
