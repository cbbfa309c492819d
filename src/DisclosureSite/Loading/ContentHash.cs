using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>
/// The canonical content of a disclosure and its SHA-256 (docs/审计核验.md defines it for auditors):
/// one record per file — the .md first, then its table files and attachments in front-matter order —
/// each <c>"file " + path + "\n" + "length " + N + "\n" + bytes + "\n"</c>, where text files (.md, .csv)
/// are decoded, given LF line endings and Unicode NFC and re-encoded as UTF-8 without BOM, and other files
/// (.xlsx, .pdf …) are taken byte for byte. The hash is lower-case hex.
/// </summary>
public static class ContentHash
{
    private static readonly string[] TextExtensions = [".md", ".csv", ".txt", ".yaml", ".yml"];

    /// <summary>The input-relative files that make up a disclosure's content, in canonical order.</summary>
    public static IReadOnlyList<string> FilesOf(Disclosure d) => FilesOf(d.File, d.Tables, d.Meta.Attachments);

    /// <summary>The .md file, then its tables, then its attachments, each once (what <see cref="FilesOf(Disclosure)"/> lists).</summary>
    public static IReadOnlyList<string> FilesOf(string file, IEnumerable<Table> tables, IEnumerable<string> attachments) =>
        new[] { file }.Concat(tables.Select(t => t.File)).Concat(attachments).Distinct(StringComparer.Ordinal).ToList();

    public static string Of(string inputRoot, Disclosure d) => Hex(SHA256.HashData(Canonical(inputRoot, FilesOf(d))));

    /// <summary>
    /// The content of a 民情台账 matter's told result, as the ledger records it: unit, 编号, 状态, 办结日期 and 办理结果, one per
    /// line, NFC UTF-8. Other rows of the file, and the matter's own unpublished details, do not change it.
    /// </summary>
    public static string OfRequest(RequestMatter m) =>
        Sha256(NormalizedText($"{m.Unit}\n{m.Number}\n{RequestMatter.StatusName(m.Status)}\n{(m.Closed is { } c ? Dates.Iso(c) : string.Empty)}\n{m.Result}\n"));

    /// <summary>
    /// The hash of <paramref name="files"/> given each file's normalized content (<see cref="Normalize"/>: what the loader
    /// has already decoded, or <see cref="NormalizedBytes"/> read from disk): the same bytes <see cref="Of"/> hashes.
    /// </summary>
    public static string OfNormalized(IEnumerable<string> files, Func<string, byte[]> normalized)
    {
        // Hashed record by record: a build hashes every disclosure, and the canonical bytes need not be put together first.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        EachRecord(files, normalized, hash.AppendData);
        return Hex(hash.GetHashAndReset());
    }

    /// <summary>The normalized content of a text file the loader has decoded (LF line ends already): NFC, UTF-8 without BOM.</summary>
    public static byte[] NormalizedText(string decoded) => Encoding.UTF8.GetBytes(decoded.Normalize(NormalizationForm.FormC));

    /// <summary>The canonical bytes of a list of input-relative files.</summary>
    public static byte[] Canonical(string inputRoot, IEnumerable<string> files) =>
        Canonical(files, file =>
        {
            var full = Path.Combine(inputRoot, file.Replace('/', Path.DirectorySeparatorChar));
            return File.Exists(full) ? File.ReadAllBytes(full) : [];
        });

    /// <summary>The canonical bytes of files read by <paramref name="read"/> (from disk, or from a Git commit when verifying).</summary>
    public static byte[] Canonical(IEnumerable<string> files, Func<string, byte[]> read) =>
        CanonicalOfNormalized(files, file => Normalize(read(file), file));

    private static byte[] CanonicalOfNormalized(IEnumerable<string> files, Func<string, byte[]> normalized)
    {
        using var ms = new MemoryStream();
        EachRecord(files, normalized, bytes => ms.Write(bytes));
        return ms.ToArray();
    }

    private static readonly byte[] RecordEnd = [(byte)'\n'];

    /// <summary>Hands <paramref name="write"/> the canonical bytes in order, record by record.</summary>
    private static void EachRecord(IEnumerable<string> files, Func<string, byte[]> normalized, Action<byte[]> write)
    {
        foreach (var file in files)
        {
            var content = normalized(file);
            write(Encoding.UTF8.GetBytes($"file {file}\nlength {content.Length.ToString(CultureInfo.InvariantCulture)}\n"));
            write(content);
            write(RecordEnd);
        }
    }

    /// <summary>Text files decoded and normalized (LF, NFC, UTF-8 without BOM); anything else byte for byte.</summary>
    public static byte[] NormalizedBytes(string fullPath, string relative) =>
        Normalize(File.Exists(fullPath) ? File.ReadAllBytes(fullPath) : [], relative);

    /// <summary>Normalizes the bytes of a text file (by extension: .md .csv .txt .yaml .yml); other files are kept as they are.</summary>
    public static byte[] Normalize(byte[] bytes, string relative)
    {
        if (!TextExtensions.Contains(Path.GetExtension(relative).ToLowerInvariant()))
        {
            return bytes;
        }

        var text = TextFile.Decode(bytes, relative, new FindingSink(), out _);
        return text is null ? bytes : NormalizedText(text);
    }

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    public static string Sha256(byte[] bytes) => Hex(SHA256.HashData(bytes));
}
