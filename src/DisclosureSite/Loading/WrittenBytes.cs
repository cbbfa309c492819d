using System.Buffers.Binary;
using System.Text;

namespace DisclosureSite.Loading;

/// <summary>
/// Reads what a <see cref="BinaryWriter"/> wrote (7-bit length-prefixed UTF-8 strings, little-endian numbers) from the
/// <paramref name="bytes"/> in memory — the tool's cache files (the input cache's unit files and the build cache, mapped
/// whole: <see cref="MappedFile"/>). A string is decoded in one call (a <see cref="BinaryReader"/>
/// goes through a <see cref="StringBuilder"/> 128 bytes at a time for a long one, such as a disclosure's body). Stricter
/// than a <see cref="BinaryReader"/>: a length or a number past the end is <see cref="EndOfStreamException"/> (also for
/// <see cref="ReadMemory"/>, which a <see cref="BinaryReader"/> would cut short), text that is not UTF-8 and a bad
/// length are <see cref="FormatException"/>, a bad decimal is <see cref="IOException"/>: a damaged cache is never read as data.
/// </summary>
internal sealed class WrittenBytes(ReadOnlyMemory<byte> bytes)
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private int _at;

    private readonly int length = bytes.Length;

    /// <summary>The first <paramref name="length"/> bytes of <paramref name="bytes"/>.</summary>
    public WrittenBytes(byte[] bytes, int length)
        : this(bytes.AsMemory(0, length))
    {
    }

    /// <summary>Every byte was read.</summary>
    public bool AtEnd => _at == length;

    /// <summary>Where the next read starts.</summary>
    public int Position
    {
        get => _at;
        init => _at = value is >= 0 && value <= length ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public string ReadString()
    {
        var (start, end) = SkipString();
        return StringAt(start, end);
    }

    /// <summary>Passes over a string without decoding it; returns where its UTF-8 bytes lie (see <see cref="StringAt"/>).</summary>
    public (int Start, int End) SkipString()
    {
        var count = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 28)
            {
                throw new FormatException("bad string length in a cache file");
            }

            var b = Take(1)[0];
            count |= (b & 0x7f) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        Take(count);
        return (_at - count, _at);
    }

    /// <summary>The bytes from <paramref name="start"/> to <paramref name="end"/> (as <see cref="SkipString"/> gave them).</summary>
    public ReadOnlySpan<byte> BytesAt(int start, int end) =>
        start >= 0 && end >= start && end <= length ? bytes.Span.Slice(start, end - start) : throw new EndOfStreamException();

    /// <summary>
    /// The next string: <paramref name="same"/> itself when the string's bytes are <paramref name="sameAt"/>'s (a path
    /// the file names again: kept once, not decoded twice), else decoded.
    /// </summary>
    public string ReadString(string same, (int Start, int End) sameAt)
    {
        var at = SkipString();
        return BytesAt(at.Start, at.End).SequenceEqual(BytesAt(sameAt.Start, sameAt.End)) ? same : StringAt(at.Start, at.End);
    }

    /// <summary>The text of the UTF-8 bytes from <paramref name="start"/> to <paramref name="end"/> (as <see cref="SkipString"/> gave them).</summary>
    public string StringAt(int start, int end)
    {
        if (start < 0 || end < start || end > length)
        {
            throw new EndOfStreamException();
        }

        try
        {
            return Strict.GetString(bytes.Span.Slice(start, end - start));
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException("bad text in a cache file", e);
        }
    }

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public bool ReadBoolean() => Take(1)[0] != 0;

    public byte ReadByte() => Take(1)[0];

    /// <summary>
    /// Whether the bytes were checked whole against the checksum their writer gave them (the input cache's unit files):
    /// they are what was written, so what is kept encoded (<see cref="ReadStringBytes"/>) is not checked again here.
    /// </summary>
    public bool Verified { get; init; }

    /// <summary>
    /// The UTF-8 bytes of the next string where they are, not decoded: checked to be UTF-8 (as <see cref="StringAt"/> checks
    /// them) unless the bytes are <see cref="Verified"/>.
    /// </summary>
    public ReadOnlyMemory<byte> ReadStringBytes()
    {
        var (start, end) = SkipString();
        var utf8 = bytes.Slice(start, end - start);
        return Verified || System.Text.Unicode.Utf8.IsValid(utf8.Span) ? utf8 : throw new FormatException("bad text in a cache file");
    }

    /// <summary>The next <paramref name="count"/> bytes where they are: a slice of the memory read from, not a copy.</summary>
    public ReadOnlyMemory<byte> ReadMemory(int count)
    {
        Take(count);
        return bytes.Slice(_at - count, count);
    }

    /// <summary>A decimal as <see cref="BinaryWriter.Write(decimal)"/> wrote it: its low, middle and high words, then its flags.</summary>
    public decimal ReadDecimal()
    {
        var span = Take(16);
        try
        {
            return new decimal([
                BinaryPrimitives.ReadInt32LittleEndian(span),
                BinaryPrimitives.ReadInt32LittleEndian(span[4..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[8..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[12..])]);
        }
        catch (ArgumentException e)
        {
            throw new IOException("bad decimal in a cache file", e);
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > length - _at)
        {
            throw new EndOfStreamException();
        }

        var span = bytes.Span.Slice(_at, count);
        _at += count;
        return span;
    }
}
