using System.Security.Cryptography;
using System.Text;
using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Ledger;

/// <summary>A problem with one line of the ledger (1-based), for <c>ledger.broken-chain</c>.</summary>
public sealed record LedgerProblem(int Line, LocalizedText Text);

/// <summary>What a writer saw when it read the ledger: appending is refused unless the file is still exactly this.</summary>
public readonly record struct LedgerHead(long Length, string FileSha256, string LastHash, long LastSeq);

/// <summary>The ledger as read from disk, with every chain problem found.</summary>
public sealed record LedgerRead(string Path, bool Exists, IReadOnlyList<LedgerEntry> Entries, IReadOnlyList<LedgerProblem> Problems, LedgerHead Head)
{
    /// <summary>The raw lines, for comparing the site's copy with the repository's.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];
}

/// <summary>How an append ended.</summary>
public enum AppendOutcome
{
    Appended,

    /// <summary>Someone else appended (or changed the file) after we read it: refuse rather than fork the chain.</summary>
    HeadMoved,

    /// <summary>Another writer holds the lock right now.</summary>
    Locked,

    Failed,
}

/// <summary>
/// Reads and appends <c>publications.jsonl</c>. Reading checks every line: JSON, canonical form, <c>hash</c>,
/// <c>seq</c> and <c>prev</c>. Appending takes an exclusive lock and re-checks that the file is byte for byte what was read.
/// </summary>
public static class LedgerFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static LedgerRead Read(string path)
    {
        byte[] bytes;
        try
        {
            if (!File.Exists(path))
            {
                return new LedgerRead(path, false, [], [], new LedgerHead(0, ContentHash.Sha256([]), LedgerEntry.Genesis, 0));
            }

            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var ms = new MemoryStream();
            fs.CopyTo(ms);
            bytes = ms.ToArray();
        }
        catch (IOException e)
        {
            return Unreadable(path, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Unreadable(path, e.Message);
        }

        return Parse(path, bytes);
    }

    /// <summary>Checks ledger bytes (a file or the site's downloadable copy).</summary>
    public static LedgerRead Parse(string path, byte[] bytes)
    {
        var problems = new List<LedgerProblem>();
        var entries = new List<LedgerEntry>();
        var rawLines = new List<string>();
        var lines = SplitLines(bytes, out var unterminated);
        string? prevHash = LedgerEntry.Genesis;
        long? prevSeq = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var n = i + 1;
            string text;
            try
            {
                text = StrictUtf8.GetString(lines[i]);
            }
            catch (DecoderFallbackException)
            {
                problems.Add(new LedgerProblem(n, Messages.LedgerLineNotUtf8(n)));
                rawLines.Add(string.Empty);
                prevHash = null;
                prevSeq = null;
                continue;
            }

            rawLines.Add(text);
            if (text.Length == 0)
            {
                problems.Add(new LedgerProblem(n, Messages.LedgerEmptyLine(n)));
                continue;
            }

            var entry = LedgerParser.Parse(text, out var error);
            if (entry is null)
            {
                problems.Add(new LedgerProblem(n, Messages.LedgerUnparsable(n, error ?? string.Empty)));
                prevHash = null;
                prevSeq = prevSeq + 1;
                continue;
            }

            if (CanonicalJson.Line(entry) != text)
            {
                problems.Add(new LedgerProblem(n, Messages.LedgerNotCanonical(n, entry.Seq)));
            }

            var computed = CanonicalJson.HashOf(entry);
            if (computed != entry.Hash)
            {
                problems.Add(new LedgerProblem(n, Messages.LedgerHashMismatch(n, entry.Seq, entry.Hash, computed)));
            }

            if (prevSeq is { } ps && entry.Seq != ps + 1)
            {
                problems.Add(new LedgerProblem(n, Messages.LedgerSeqGap(n, ps + 1, entry.Seq)));
            }

            if (prevHash is { } ph && entry.Prev != ph)
            {
                problems.Add(new LedgerProblem(n, n == 1 ? Messages.LedgerFirstPrev(entry.Prev) : Messages.LedgerPrevMismatch(n, entry.Seq, n - 1)));
            }

            foreach (var problem in CheckItems(entry, n))
            {
                problems.Add(problem);
            }

            entries.Add(entry);
            prevHash = entry.Hash;
            prevSeq = entry.Seq;
        }

        if (unterminated)
        {
            problems.Add(new LedgerProblem(lines.Count, Messages.LedgerUnterminated(lines.Count)));
        }

        var last = entries.Count > 0 ? entries[^1] : null;
        var head = new LedgerHead(bytes.LongLength, ContentHash.Sha256(bytes), last?.Hash ?? LedgerEntry.Genesis, last?.Seq ?? 0);
        return new LedgerRead(path, true, entries, problems, head) { Lines = rawLines };
    }

    /// <summary>
    /// Appends one entry. Refuses when another writer holds the lock or when the file is no longer what
    /// <paramref name="expected"/> describes (another publish run appended first).
    /// </summary>
    public static AppendOutcome Append(string path, LedgerHead expected, LedgerEntry entry, out string? error)
    {
        error = null;
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
            {
                Directory.CreateDirectory(dir);
            }

            FileStream fs;
            try
            {
                fs = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                error = e.Message;
                return AppendOutcome.Locked;
            }

            using (fs)
            {
                var current = new byte[fs.Length];
                fs.ReadExactly(current);
                if (current.LongLength != expected.Length || ContentHash.Hex(SHA256.HashData(current)) != expected.FileSha256)
                {
                    return AppendOutcome.HeadMoved;
                }

                fs.Seek(0, SeekOrigin.End);
                fs.Write(Encoding.UTF8.GetBytes(CanonicalJson.Line(entry) + "\n"));
                fs.Flush(flushToDisk: true);
            }

            return AppendOutcome.Appended;
        }
        catch (IOException e)
        {
            error = e.Message;
        }
        catch (UnauthorizedAccessException e)
        {
            error = e.Message;
        }

        return AppendOutcome.Failed;
    }

    private static IEnumerable<LedgerProblem> CheckItems(LedgerEntry entry, int line)
    {
        foreach (var it in entry.Items)
        {
            if (!LedgerChange.IsKnown(it.Change))
            {
                yield return new LedgerProblem(line, Messages.LedgerUnknownChange(line, it.Url, it.Change));
            }
        }
    }

    private static LedgerRead Unreadable(string path, string reason) =>
        new(path, true, [], [new LedgerProblem(0, Messages.LedgerUnreadable(reason))], new LedgerHead(-1, string.Empty, LedgerEntry.Genesis, 0));

    private static List<byte[]> SplitLines(byte[] bytes, out bool unterminated)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        unterminated = start < bytes.Length;
        if (unterminated)
        {
            lines.Add(bytes[start..]);
        }

        return lines;
    }
}
