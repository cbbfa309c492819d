using System.IO.Compression;
using System.Text;

namespace DisclosureSite.Loading;

/// <summary>
/// The attachments a site may publish (issue 12, class 3): PDF, images other than SVG (PNG, JPEG, GIF, WebP), office
/// documents (Word, Excel, PowerPoint, WPS, OpenDocument) and plain text. Each is recognised by its content, and its name must say
/// the same type, because the web server picks the Content-Type from the name: an HTML page or an SVG with a script
/// renamed to <c>.pdf</c> is refused, as is anything not on the list (<c>.html</c>, <c>.svg</c>, <c>.js</c>, <c>.exe</c>…).
/// </summary>
public static class AttachmentTypes
{
    private enum Kind
    {
        Pdf,
        Png,
        Jpeg,
        Gif,
        WebP,
        OleOffice,
        Docx,
        Xlsx,
        Pptx,
        Odt,
        Ods,
        Odp,
        Text,
    }

    private static readonly Dictionary<string, Kind> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Kind.Pdf,
        [".png"] = Kind.Png,
        [".jpg"] = Kind.Jpeg,
        [".jpeg"] = Kind.Jpeg,
        [".gif"] = Kind.Gif,
        [".webp"] = Kind.WebP,
        [".doc"] = Kind.OleOffice,
        [".xls"] = Kind.OleOffice,
        [".ppt"] = Kind.OleOffice,
        [".wps"] = Kind.OleOffice,
        [".et"] = Kind.OleOffice,
        [".dps"] = Kind.OleOffice,
        [".docx"] = Kind.Docx,
        [".xlsx"] = Kind.Xlsx,
        [".pptx"] = Kind.Pptx,
        [".odt"] = Kind.Odt,
        [".ods"] = Kind.Ods,
        [".odp"] = Kind.Odp,
        [".txt"] = Kind.Text,
    };

    private static readonly byte[] PngStart = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly byte[] JpegStart = [0xFF, 0xD8, 0xFF];

    /// <summary>The compound file header of Word 97–2003, Excel 97–2003, PowerPoint 97–2003 and WPS files.</summary>
    private static readonly byte[] OleStart = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The extensions on the list, for messages and docs.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [.. ByExtension.Keys];

    /// <summary>True when the name's extension is on the list and the content is of that type.</summary>
    public static bool IsSafe(string name, ReadOnlySpan<byte> content) =>
        ByExtension.TryGetValue(Path.GetExtension(name), out var kind) && Matches(kind, content);

    /// <summary>True when the extension alone is on the list (the content is checked by <see cref="IsSafe"/>).</summary>
    public static bool IsListed(string name) => ByExtension.ContainsKey(Path.GetExtension(name));

    private static bool Matches(Kind kind, ReadOnlySpan<byte> c) => kind switch
    {
        Kind.Pdf => c.StartsWith("%PDF-"u8),
        Kind.Png => c.StartsWith(PngStart),
        Kind.Jpeg => c.StartsWith(JpegStart),
        Kind.Gif => c.StartsWith("GIF87a"u8) || c.StartsWith("GIF89a"u8),
        Kind.WebP => c.Length >= 12 && c.StartsWith("RIFF"u8) && c[8..12].SequenceEqual("WEBP"u8),
        Kind.OleOffice => c.StartsWith(OleStart),
        Kind.Docx => IsOfficeZip(c, "word/"),
        Kind.Xlsx => IsOfficeZip(c, "xl/"),
        Kind.Pptx => IsOfficeZip(c, "ppt/"),
        Kind.Odt => IsOpenDocument(c, "application/vnd.oasis.opendocument.text"),
        Kind.Ods => IsOpenDocument(c, "application/vnd.oasis.opendocument.spreadsheet"),
        Kind.Odp => IsOpenDocument(c, "application/vnd.oasis.opendocument.presentation"),

        // Served as text/plain, which browsers show and never run; it must really be text (UTF-8 or GB18030, no control characters).
        Kind.Text => TextFile.Decode(c.ToArray(), "attachment", new FindingSink(), out _) is not null,
        _ => false,
    };

    /// <summary>An Office Open XML package: a zip with <c>[Content_Types].xml</c> and its main part's folder.</summary>
    private static bool IsOfficeZip(ReadOnlySpan<byte> content, string folder) =>
        ZipNames(content) is { } names && names.Contains("[Content_Types].xml") && names.Any(n => n.StartsWith(folder, StringComparison.Ordinal));

    /// <summary>An OpenDocument package: a zip whose <c>mimetype</c> entry names the type.</summary>
    private static bool IsOpenDocument(ReadOnlySpan<byte> content, string mimeType)
    {
        if (!content.StartsWith("PK\u0003\u0004"u8))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            var entry = zip.GetEntry("mimetype");
            if (entry is null || entry.Length > 200)
            {
                return false;
            }

            using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
            return reader.ReadToEnd().Trim() == mimeType;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return false;
        }
    }

    private static HashSet<string>? ZipNames(ReadOnlySpan<byte> content)
    {
        if (!content.StartsWith("PK\u0003\u0004"u8))
        {
            return null;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return null;
        }
    }
}
