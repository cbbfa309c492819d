using System.Text.RegularExpressions;
using DisclosureSite.Ledger;
using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Publishing.Ledger;

/// <summary>How <c>disclosure ledger anchor</c> ended: the tag naming the chain head, or why there is none.</summary>
public sealed record AnchorResult(bool Ok, string? Tag, LedgerEntry? Head, LocalizedText Message);

/// <summary>
/// The chain head anchored outside the ledger file (SPEC §7): after each publication is committed, the publish workflow
/// creates an annotated tag <c>ledger-&lt;seq&gt;</c> on the commit holding the entry, whose message names the entry's
/// hash, pushes it and prints the head in the job log. Rewriting the chain (even with the whole Git history) leaves the
/// tags, the job logs and the auditors' kept head naming hashes the new chain does not have.
/// </summary>
public static partial class LedgerAnchor
{
    public const string TagPattern = "refs/tags/" + TagPrefix + "*";

    private const string TagPrefix = "ledger-";

    public static string TagName(long seq) => TagPrefix + seq.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The tag message's first line: it names the entry and its hash.</summary>
    public static string Subject(LedgerEntry entry) => $"发布记录第 {entry.Seq} 条 链头 {entry.Hash}";

    /// <summary>The entry number a ledger tag names, or null when the name is not <c>ledger-&lt;n&gt;</c>.</summary>
    public static long? SeqOf(string tag) =>
        tag.StartsWith(TagPrefix, StringComparison.Ordinal) && long.TryParse(tag[TagPrefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>The head hash a tag message names, or null.</summary>
    public static string? HashIn(string subject) => Sha256Hex().Match(subject) is { Success: true } m ? m.Value : null;

    /// <summary>Tags the commit checked out with the ledger's head; refuses when the ledger's last entry is not committed there.</summary>
    public static AnchorResult Create(string ledgerPath)
    {
        var read = LedgerFile.Read(ledgerPath);
        if (!read.Exists || read.Entries.Count == 0)
        {
            return new AnchorResult(false, null, null, Messages.AnchorNoEntries(ledgerPath));
        }

        if (read.Problems.Count > 0)
        {
            return new AnchorResult(false, null, null, Messages.AnchorBrokenChain(read.Problems[0].Text));
        }

        var head = read.Entries[^1];
        var git = GitObjects.Open(Path.GetDirectoryName(Path.GetFullPath(ledgerPath))!);
        if (git?.TopRelative(ledgerPath) is not { } inRepo || git.Head() is not { } commit)
        {
            return new AnchorResult(false, null, head, Messages.AnchorNotInRepository(ledgerPath));
        }

        var committed = git.ReadBlobs([commit + ":" + inRepo]).GetValueOrDefault(commit + ":" + inRepo);
        if (committed is null || !committed.AsSpan().SequenceEqual(File.ReadAllBytes(ledgerPath)))
        {
            return new AnchorResult(false, null, head, Messages.AnchorUncommitted(inRepo, head.Seq));
        }

        var name = TagName(head.Seq);
        if (git.Tags("refs/tags/" + name) is [var existing])
        {
            return HashIn(existing.Subject) == head.Hash
                ? new AnchorResult(true, name, head, Messages.AnchorExists(name, head.Seq, head.Hash))
                : new AnchorResult(false, name, head, Messages.AnchorTagDiffers(name, HashIn(existing.Subject) ?? existing.Subject, head.Hash));
        }

        var body = $"发布时间 {head.PublishedAtLocal} · as_of {head.AsOf} · 构建所用提交 {head.Commit ?? "(无)"} · 网站清单 SHA-256 {head.ManifestSha256 ?? "(无)"}";
        return git.CreateAnnotatedTag(name, Subject(head), body) is { } error
            ? new AnchorResult(false, name, head, Messages.AnchorTagFailed(name, error))
            : new AnchorResult(true, name, head, Messages.AnchorCreated(name, head.Seq, head.Hash));
    }

    [GeneratedRegex("\\b[0-9a-f]{64}\\b")]
    private static partial Regex Sha256Hex();
}
