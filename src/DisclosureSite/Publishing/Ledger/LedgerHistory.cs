using DisclosureSite.Ledger;
using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Publishing.Ledger;

/// <summary>
/// The ledger file in Git (SPEC §7): every committed version on the branch is the previous one with lines appended, the
/// file on disk is the last committed version (nothing unrecorded), and every entry's publication time lies between the
/// commits around it — not before the commit it was built from nor before the commit that added each of its items, not
/// after the commit that added the entry itself. A chain recomputed after rewriting an entry fails the first rule; a
/// back-dated entry (a late item made on time) fails the second.
/// </summary>
public static class LedgerHistory
{
    public static VerifySection Growth(GitObjects git, string inputRoot, string ledgerPath, LedgerRead read)
    {
        var problems = new List<LocalizedText>();
        if (git.TopRelative(ledgerPath) is not { } rel)
        {
            var why = Messages.VerifyLedgerOutsideRepository(ledgerPath, git.Top);
            return VerifySection.Of("git-growth", Messages.VerifyGrowthTitle(), why, [why]);
        }

        var versions = git.VersionsOf(rel);
        var blobs = git.ReadBlobs(versions.Select(v => v.Commit + ":" + rel));
        var committedAt = new Dictionary<long, (string Commit, DateTimeOffset Time)>();
        byte[] previous = [];
        foreach (var (commit, time) in versions)
        {
            var bytes = blobs.GetValueOrDefault(commit + ":" + rel) ?? [];
            if (!bytes.AsSpan().StartsWith(previous))
            {
                problems.Add(Messages.VerifyLedgerRewritten(rel, commit, time, FirstDifferentLine(previous, bytes)));
            }

            var lines = CompleteLines(bytes);
            for (var seq = 1L; seq <= lines; seq++)
            {
                committedAt.TryAdd(seq, (commit, time));
            }

            previous = bytes;
        }

        var current = File.Exists(ledgerPath) ? File.ReadAllBytes(ledgerPath) : [];
        if (!current.AsSpan().StartsWith(previous))
        {
            problems.Add(Messages.VerifyLedgerWorkingDiffers(rel, FirstDifferentLine(previous, current)));
        }
        else if (CompleteLines(current) > CompleteLines(previous))
        {
            problems.Add(Messages.VerifyEntriesUncommitted(rel, CompleteLines(previous) + 1, CompleteLines(current)));
        }

        var commitTimes = git.CommitTimes();
        var itemAdded = GitHistory.Read(inputRoot).Added;
        foreach (var entry in read.Entries)
        {
            var at = entry.PublishedAt;
            if (entry.Commit is { } c && commitTimes.TryGetValue(c, out var built) && at + VerifyPublication.ClockSlack < built)
            {
                problems.Add(Messages.VerifyEntryBeforeCommit(entry.Seq, c, built, at));
            }

            foreach (var item in entry.Items.Where(i => !i.IsWithdrawal))
            {
                if (itemAdded.TryGetValue(item.File, out var added) && at + VerifyPublication.ClockSlack < added)
                {
                    problems.Add(Messages.VerifyEntryBeforeItem(entry.Seq, item.Url, item.File, added, at));
                }
            }

            if (committedAt.TryGetValue(entry.Seq, out var recorded) && at > recorded.Time)
            {
                problems.Add(Messages.VerifyEntryAfterItsCommit(entry.Seq, recorded.Commit, recorded.Time, at));
            }
        }

        return VerifySection.Of("git-growth", Messages.VerifyGrowthTitle(), Messages.VerifyGrowthSummary(rel, versions.Count, read.Entries.Count), problems);
    }

    private static long CompleteLines(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');

    /// <summary>The 1-based line where <paramref name="after"/> stops being <paramref name="before"/> continued.</summary>
    private static long FirstDifferentLine(byte[] before, byte[] after)
    {
        var common = before.AsSpan().CommonPrefixLength(after);
        return CompleteLines(before.AsSpan(0, common)) + 1;
    }
}
