using System.Text;
using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>
/// Reads a clerk's text file: UTF-8 (with or without BOM) or GB18030 (what Excel/WPS save on Chinese
/// Windows). UTF-16, binary junk and oversized files become findings, not exceptions.
/// </summary>
public static class TextFile
{
    /// <summary>Files larger than this are refused: disclosure data is never this big, and reading it would stall the build.</summary>
    public const long MaxBytes = InputLimits.MaxTextBytes;

    /// <summary>Lines longer than this are almost certainly not hand-written data.</summary>
    public const int MaxLineLength = InputLimits.MaxLineLength;

    /// <summary>C0 control characters other than tab and line ends, and DEL; with the C1 controls (U+0080–U+009F, searched as
    /// a range) a sign of a binary file. Kept apart because one set of both is a probabilistic map, whose vector shuffle
    /// the native binary runs as a call: every input file is searched (docs/performance.md, "tenth round").</summary>
    private static readonly System.Buffers.SearchValues<char> AsciiControls = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x80).Select(i => (char)i).Where(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))]);

    internal static bool HasControlCharacters(ReadOnlySpan<char> text) =>
        text.IndexOfAny(AsciiControls) >= 0 || text.IndexOfAnyInRange('\u0080', '\u009F') >= 0;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> StrictGb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>The encoding a file was read in, for messages and round trips.</summary>
    public enum Detected
    {
        Utf8,
        Utf8Bom,
        Gb18030,
    }

    public static string? Read(InputFolder input, string relative, FindingSink sink) => Read(input, relative, sink, out _);

    public static string? Read(InputFolder input, string relative, FindingSink sink, out Detected encoding)
    {
        encoding = Detected.Utf8;
        var bytes = input.ReadBytes(relative, MaxBytes, sink);
        if (bytes is null)
        {
            return null;
        }

        var text = Decode(bytes, relative, sink, out encoding);
        if (text is null)
        {
            return null;
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                if (i - lineStart > MaxLineLength)
                {
                    sink.Report(FindingCodes.TooLarge, new SourceRef(relative, line, 1), Messages.LineTooLong(i - lineStart));
                    return null;
                }

                line++;
                lineStart = i + 1;
            }
        }

        return text;
    }

    /// <summary>Decodes bytes as UTF-8 (BOM optional) or GB18030; null with a finding when neither fits.</summary>
    public static string? Decode(byte[] bytes, string relative, FindingSink sink, out Detected encoding)
    {
        encoding = Detected.Utf8;
        var at = new SourceRef(relative);
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            sink.Report(FindingCodes.Encoding, at, Messages.Utf16());
            return null;
        }

        var offset = 0;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            offset = 3;
            encoding = Detected.Utf8Bom;
        }

        var nul = Array.IndexOf(bytes, (byte)0, offset);
        if (nul >= 0)
        {
            sink.Report(FindingCodes.Encoding, at, Messages.Binary());
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            try
            {
                text = StrictGb18030.Value.GetString(bytes, offset, bytes.Length - offset);
                encoding = Detected.Gb18030;
            }
            catch (DecoderFallbackException)
            {
                sink.Report(FindingCodes.Encoding, at, Messages.UnknownEncoding());
                return null;
            }
        }

        if (HasControlCharacters(text))
        {
            sink.Report(FindingCodes.Encoding, at, Messages.Binary());
            return null;
        }

        return NormalizeNewlines(text);
    }

    /// <summary>CRLF and lone CR become LF, so line numbers and hashes do not depend on the clerk's editor.</summary>
    public static string NormalizeNewlines(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
}
