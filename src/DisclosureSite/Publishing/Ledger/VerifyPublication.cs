using System.Diagnostics;
using System.Security.Cryptography;
using DisclosureSite.Ledger;
using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Publishing.Ledger;

/// <summary>
/// What <c>disclosure ledger verify</c> checks: the ledger, and optionally the published site, the input's Git history
/// (with the anchor tags), the chain head an auditor kept, and a rebuild of the site from the recorded commit.
/// </summary>
public sealed record VerifyOptions(string LedgerPath, string? SiteRoot, string? InputRoot)
{
    /// <summary>The head hash an auditor kept from an earlier verification (<c>--head</c>): it must still be in the chain.</summary>
    public string? KeptHead { get; init; }

    /// <summary>Given (<c>--rebuild</c>): rebuilds the site from the recorded commit with it and compares the two file by file.</summary>
    public SiteRebuilder? Rebuilder { get; init; }

    /// <summary>Clock of the report's "checked at" line only.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>How one part of the verification came out.</summary>
public enum VerifyStatus
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>One part of the report: a key for tools, a title, an outcome, a one-line summary and the problems, each naming what broke.</summary>
public sealed record VerifySection(string Key, LocalizedText Title, VerifyStatus Status, LocalizedText Summary, IReadOnlyList<LocalizedText> Problems)
{
    public static VerifySection Of(string key, LocalizedText title, LocalizedText summary, IReadOnlyList<LocalizedText> problems) =>
        new(key, title, problems.Count == 0 ? VerifyStatus.Passed : VerifyStatus.Failed, summary, problems);
}

/// <summary>The verification report; <see cref="Passed"/> is false on any break.</summary>
public sealed record VerifyReport(string LedgerPath, int Entries, IReadOnlyList<VerifySection> Sections, TimeSpan Elapsed)
{
    public bool Passed => Sections.All(s => s.Status != VerifyStatus.Failed);

    public IEnumerable<LocalizedText> Problems => Sections.SelectMany(s => s.Problems);

    /// <summary>The last entry: the chain head an auditor keeps.</summary>
    public LedgerEntry? Head { get; init; }

    /// <summary>The site copy checked, and its manifest's SHA-256.</summary>
    public string? SiteRoot { get; init; }

    public string? ManifestSha256 { get; init; }

    /// <summary>The entry that recorded the site copy's manifest, when one did.</summary>
    public long? BoundSeq { get; init; }

    public string? InputRoot { get; init; }

    public DateTimeOffset CheckedAt { get; init; }
}

/// <summary>
/// <c>disclosure ledger verify</c> (docs/审计核验.md §5): the chain and every entry's hash; the site copy's manifest bound
/// by an entry; the site's files against that manifest; every recorded item on the site with its latest recorded content,
/// its trusted date, date source and status; the site's copy of the ledger; the recorded commits still holding the
/// recorded content; the ledger file having only grown in Git with entry times between the commits around them; the
/// anchor tags; and, asked for, a rebuild of the site from the recorded commit compared file by file.
/// </summary>
public static class VerifyPublication
{
    /// <summary>A clerk's computer clock may run a little ahead of the publisher's: commit times are allowed this much slack.</summary>
    public static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(10);

    public static VerifyReport Run(VerifyOptions options)
    {
        var clock = Stopwatch.StartNew();
        var sections = new List<VerifySection>();
        var checkedAt = options.Clock.GetUtcNow();
        var read = LedgerFile.Read(options.LedgerPath);
        if (!read.Exists)
        {
            sections.Add(new VerifySection("chain", Messages.VerifyChainTitle(), VerifyStatus.Failed, Messages.VerifyNoLedger(options.LedgerPath), [Messages.VerifyNoLedger(options.LedgerPath)]));
            return new VerifyReport(options.LedgerPath, 0, sections, clock.Elapsed) { CheckedAt = checkedAt, SiteRoot = options.SiteRoot, InputRoot = options.InputRoot };
        }

        var ledger = LedgerState.From(read);
        sections.Add(VerifySection.Of("chain", Messages.VerifyChainTitle(), Messages.VerifyChainSummary(read.Lines.Count, read.Entries.Count), [.. read.Problems.Select(p => p.Text)]));
        if (options.KeptHead is { } kept)
        {
            sections.Add(KeptHead(kept.Trim().ToLowerInvariant(), read));
        }

        SiteManifest? manifest = null;
        LedgerEntry? bound = null;
        if (options.SiteRoot is { } site)
        {
            manifest = SiteManifest.Read(site, out var error);
            if (manifest is null)
            {
                var why = Messages.VerifyNoManifest(site, error ?? string.Empty);
                sections.Add(new VerifySection("binding", Messages.VerifyBindingTitle(), VerifyStatus.Failed, why, [why]));
            }
            else
            {
                bound = read.Entries.LastOrDefault(e => e.ManifestSha256 == manifest.Sha256);
                sections.Add(Binding(manifest, bound, read));
                sections.Add(Files(site, manifest));
                var copy = SiteLedgerCopy(site, read, out var copyLines);
                sections.AddRange(Items(site, manifest, read.Entries, bound, copyLines));
                sections.Add(copy);
            }
        }

        GitObjects? git = null;
        if (options.InputRoot is { } input)
        {
            git = GitObjects.Open(input);
            if (git is null || git.IsShallow())
            {
                var why = git is null ? Messages.VerifyGitNoRepo(input) : Messages.VerifyGitShallow();
                sections.Add(new VerifySection("git-content", Messages.VerifyGitTitle(), VerifyStatus.Skipped, why, []));
                sections.Add(new VerifySection("git-growth", Messages.VerifyGrowthTitle(), VerifyStatus.Skipped, why, []));
                sections.Add(new VerifySection("anchor", Messages.VerifyAnchorTitle(), VerifyStatus.Skipped, why, []));
                git = null;
            }
            else
            {
                sections.Add(GitContent(git, ledger));
                sections.Add(LedgerHistory.Growth(git, input, options.LedgerPath, read));
                sections.Add(Anchor(git, read));
            }
        }

        var head = read.Entries.Count > 0 ? read.Entries[^1] : null;
        if (options.Rebuilder is { } rebuilder)
        {
            sections.Add(RebuildSite.Compare(manifest is null ? null : options.SiteRoot, git, bound ?? head, rebuilder));
        }

        return new VerifyReport(options.LedgerPath, read.Entries.Count, sections, clock.Elapsed)
        {
            Head = head,
            SiteRoot = options.SiteRoot,
            ManifestSha256 = manifest?.Sha256,
            BoundSeq = bound?.Seq,
            InputRoot = options.InputRoot,
            CheckedAt = checkedAt,
        };
    }

    /// <summary>The head an auditor kept earlier is still one of the chain's hashes (the chain was only appended to since).</summary>
    private static VerifySection KeptHead(string kept, LedgerRead read)
    {
        var at = read.Entries.FirstOrDefault(e => e.Hash == kept);
        return at is null
            ? VerifySection.Of("kept-head", Messages.VerifyKeptHeadTitle(), Messages.VerifyKeptHeadAbsent(kept), [Messages.VerifyKeptHeadAbsent(kept)])
            : VerifySection.Of("kept-head", Messages.VerifyKeptHeadTitle(), Messages.VerifyKeptHeadFound(kept, at.Seq, read.Entries.Count), []);
    }

    /// <summary>The site copy's manifest is the one an entry recorded: rewriting the manifest to match an altered page shows here.</summary>
    private static VerifySection Binding(SiteManifest manifest, LedgerEntry? bound, LedgerRead read)
    {
        if (bound is null)
        {
            var why = Messages.VerifyManifestUnbound(manifest.Sha256, read.Entries.LastOrDefault(e => e.ManifestSha256 is not null)?.Seq);
            return VerifySection.Of("binding", Messages.VerifyBindingTitle(), why, [why]);
        }

        return VerifySection.Of("binding", Messages.VerifyBindingTitle(), Messages.VerifyManifestBound(manifest.Sha256, bound.Seq, read.Entries.Count), []);
    }

    /// <summary>Every file listed in the manifest is on disk with its hash and size, and nothing else is.</summary>
    private static VerifySection Files(string site, SiteManifest manifest)
    {
        var problems = new List<LocalizedText>();
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
        problems.AddRange(results.OfType<LocalizedText>());
        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var root = Path.GetFullPath(site);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!SiteContract.IsUnlisted(rel) && !listed.Contains(rel))
            {
                problems.Add(Messages.VerifyFileUnlisted(rel));
            }
        }

        return VerifySection.Of("files", Messages.VerifyFilesTitle(), Messages.VerifyFilesSummary(manifest.Files.Count), problems);
    }

    /// <summary>
    /// Every item recorded up to the entry that bound the site (all entries when none did) as its latest record says: on the
    /// site with that content hash, or a withdrawal notice. Then what each item page says about its date, against the
    /// ledger the site was built with (its copy, <paramref name="copyLines"/> entries): a date that entry recorded shows
    /// as that date from the ledger, no page claims the ledger for a date it does not hold, and the status follows from
    /// the date and the deadline shown.
    /// </summary>
    private static IEnumerable<VerifySection> Items(string site, SiteManifest manifest, IReadOnlyList<LedgerEntry> entries, LedgerEntry? bound, int copyLines)
    {
        var upTo = bound?.Seq ?? long.MaxValue;
        var latest = new Dictionary<string, RecordedItem>(StringComparer.Ordinal);
        var trusted = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Seq <= upTo))
        {
            foreach (var item in entry.Items)
            {
                if (!latest.ContainsKey(item.Url) && entry.Seq <= copyLines && !entry.IsBaseline && !item.IsWithdrawal)
                {
                    trusted[item.Url] = entry;
                }

                latest[item.Url] = new RecordedItem(item, entry);
            }
        }

        var content = new List<LocalizedText>();
        var dates = new List<LocalizedText>();
        var published = 0;
        var withdrawn = 0;
        var pages = latest.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value, Page: ReadPage(site, kv.Key))).ToList();
        foreach (var (url, last, metas) in pages)
        {
            var item = last.Item;
            if (item.IsWithdrawal)
            {
                withdrawn++;
                if (metas is null)
                {
                    content.Add(Messages.VerifyNoticeMissing(url, last.Entry.Seq));
                }
                else if (!metas.ContainsKey(SiteContract.WithdrawnMeta))
                {
                    content.Add(Messages.VerifyWithdrawnStillShown(url, last.Entry.Seq));
                }

                continue;
            }

            published++;
            if (metas is null)
            {
                content.Add(Messages.VerifyPageMissing(url, item.File, last.Entry.Seq));
                continue;
            }

            if (metas.ContainsKey(SiteContract.WithdrawnMeta))
            {
                content.Add(Messages.VerifyShownAsWithdrawn(url, item.Revision, last.Entry.Seq));
                continue;
            }

            var pageHash = metas.GetValueOrDefault(SiteContract.ContentHashMeta);
            if (pageHash != item.ContentSha256)
            {
                content.Add(Messages.VerifyPageDiffers(url, item.Revision, last.Entry.Seq, item.ContentSha256, pageHash));
            }

            if (!manifest.Items.TryGetValue(url, out var m))
            {
                content.Add(Messages.VerifyManifestItemMissing(url, last.Entry.Seq));
            }
            else if (m.ContentSha256 != item.ContentSha256)
            {
                content.Add(Messages.VerifyManifestItemDiffers(url, item.Revision, item.ContentSha256, m.ContentSha256));
            }

            // A 民情台账 matter's page shows its told result, not a disclosure date.
            if (item.Item != LedgerPlan.RequestsItem)
            {
                dates.AddRange(DateProblems(url, metas, trusted.GetValueOrDefault(url)));
            }
        }

        yield return VerifySection.Of("items", Messages.VerifyItemsTitle(), Messages.VerifyItemsSummary(published, withdrawn), content);
        yield return VerifySection.Of("dates", Messages.VerifyDatesTitle(), Messages.VerifyDatesSummary(published, trusted.Count, copyLines), dates);
    }

    private static IReadOnlyDictionary<string, string>? ReadPage(string site, string url)
    {
        var page = SiteContract.PageOf(site, url);
        return File.Exists(page) ? SiteContract.MetasOf(File.ReadAllText(page)) : null;
    }

    private static IEnumerable<LocalizedText> DateProblems(string url, IReadOnlyDictionary<string, string> metas, LedgerEntry? recorded)
    {
        var shown = metas.GetValueOrDefault(SiteContract.PublishedMeta);
        var source = metas.GetValueOrDefault(SiteContract.DateSourceMeta);
        var status = metas.GetValueOrDefault(SiteContract.StatusMeta);
        if (shown is null || source is null || status is null)
        {
            yield return Messages.VerifyDateMarkersMissing(url);
            yield break;
        }

        if (recorded is not null && (shown != Dates.Iso(recorded.PublishedOn) || source != SiteContract.DateSourceKey(DateSource.Ledger)))
        {
            yield return Messages.VerifyDateDiffers(url, shown, source, recorded.Seq, recorded.PublishedOn);
        }
        else if (recorded is null && source == SiteContract.DateSourceKey(DateSource.Ledger))
        {
            yield return Messages.VerifyDateNotInLedger(url, shown);
        }

        var deadline = metas.GetValueOrDefault(SiteContract.DeadlineMeta);
        if (!string.IsNullOrEmpty(deadline) && DateOnly.TryParse(shown, System.Globalization.CultureInfo.InvariantCulture, out var on)
            && DateOnly.TryParse(deadline, System.Globalization.CultureInfo.InvariantCulture, out var due))
        {
            var late = on > due;
            if ((late && status is "on-time" or "nil") || (!late && status == "late"))
            {
                yield return Messages.VerifyStatusContradicts(url, status, shown, deadline);
            }
        }
    }

    /// <summary>The site's downloadable copy is the repository's ledger or an earlier state of it (built before the last record).</summary>
    private static VerifySection SiteLedgerCopy(string site, LedgerRead repo, out int lines)
    {
        var path = Path.Combine(site, SiteContract.LedgerCopyPath.Replace('/', Path.DirectorySeparatorChar));
        lines = 0;
        if (!File.Exists(path))
        {
            return new VerifySection("copy", Messages.VerifyCopyTitle(), VerifyStatus.Skipped, Messages.VerifyCopyAbsent(), []);
        }

        var copy = LedgerFile.Parse(path, File.ReadAllBytes(path));
        lines = copy.Lines.Count;
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

        return VerifySection.Of("copy", Messages.VerifyCopyTitle(), Messages.VerifyCopySummary(copy.Lines.Count, repo.Lines.Count), problems);
    }

    /// <summary>Each recorded commit is on the current branch and still holds, file for file, the recorded content.</summary>
    private static VerifySection GitContent(GitObjects git, LedgerState ledger)
    {
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
        return VerifySection.Of("git-content", Messages.VerifyGitTitle(), Messages.VerifyGitSummary(withCommit.Select(e => e.Commit).Distinct().Count(), checkedItems, without), problems);
    }

    /// <summary>
    /// The anchor tags: each <c>ledger-N</c> is annotated and names the hash entry N has now, and the last entry has one.
    /// </summary>
    private static VerifySection Anchor(GitObjects git, LedgerRead read)
    {
        var problems = new List<LocalizedText>();
        var anchored = new HashSet<long>();
        foreach (var (name, type, subject) in git.Tags(LedgerAnchor.TagPattern))
        {
            if (LedgerAnchor.SeqOf(name) is not { } seq)
            {
                continue;
            }

            var named = LedgerAnchor.HashIn(subject);
            if (type != "tag")
            {
                problems.Add(Messages.VerifyAnchorNotAnnotated(name));
            }
            else if (seq > read.Entries.Count)
            {
                problems.Add(Messages.VerifyAnchorBeyondChain(name, seq, read.Entries.Count));
            }
            else if (named != read.Entries[(int)seq - 1].Hash)
            {
                problems.Add(Messages.VerifyAnchorDiffers(name, seq, named ?? subject, read.Entries[(int)seq - 1].Hash));
            }
            else
            {
                anchored.Add(seq);
            }
        }

        if (read.Entries.Count > 0 && !anchored.Contains(read.Entries.Count) && !problems.Any())
        {
            problems.Add(Messages.VerifyAnchorMissing(read.Entries.Count, LedgerAnchor.TagName(read.Entries.Count)));
        }

        return VerifySection.Of("anchor", Messages.VerifyAnchorTitle(), Messages.VerifyAnchorSummary(anchored.Count, read.Entries.Count), problems);
    }
}
