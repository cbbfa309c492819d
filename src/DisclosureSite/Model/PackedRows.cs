using System.Collections;
using System.Runtime.InteropServices;

namespace DisclosureSite.Model;

/// <summary>
/// A table's rows kept encoded — about a sixth of the memory of <see cref="TableRow"/>s with a string per cell (a county
/// has 36,000 tables, 4 million cells) — and decoded afresh on every enumeration; nothing decoded is kept, so rows cost
/// memory only while something walks them. A cell is a header (text length, text width, and whether its line and
/// column are other than its row's line and its index + 1), then its text: one byte per character when every
/// character is below U+0100, else UTF-16. The same bytes are what the input cache stores; rows read from it are a
/// slice of its mapped file (<c>Loading.MappedFile</c>), which they keep mapped while anything holds them.
/// </summary>
public sealed class PackedRows : IReadOnlyList<TableRow>
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly int _start;

    private PackedRows(ReadOnlyMemory<byte> bytes)
    {
        _bytes = bytes;
        var at = 0;
        Count = checked((int)ReadVarint(bytes.Span, ref at));
        _start = at;
    }

    public int Count { get; }

    /// <summary>
    /// The encoded form (<see cref="FromEncoded(ReadOnlyMemory{byte})"/> reads it back). When the rows were read from a
    /// mapped cache file the span lies in the mapping: keep the rows alive (<see cref="GC.KeepAlive"/>) until done with it.
    /// </summary>
    public ReadOnlySpan<byte> Encoded => _bytes.Span;

    /// <summary>Decodes rows up to <paramref name="index"/>: enumerate instead of indexing in a loop.</summary>
    public TableRow this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var bytes = _bytes.Span;
            var at = _start;
            var line = 0;
            for (var i = 0; i < index; i++)
            {
                Skip(bytes, ref at, ref line);
            }

            var row = Decode(bytes, ref at, ref line);
            GC.KeepAlive(this);
            return row;
        }
    }

    public static PackedRows Pack(IEnumerable<TableRow> rows)
    {
        if (rows is PackedRows packed)
        {
            return packed;
        }

        var w = new Writer();
        var list = rows as IReadOnlyCollection<TableRow> ?? rows.ToList();
        w.Varint((uint)list.Count);
        var previous = 0;
        foreach (var row in list)
        {
            w.Varint(ZigZag(row.Line - previous));
            previous = row.Line;
            w.Varint((uint)row.Cells.Count);
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var cell = row.Cells[c];
                var text = cell.Text;
                var wide = !IsLatin1(text);
                var moved = cell.Line != row.Line || cell.Column != c + 1;
                w.Varint(((uint)text.Length << 2) | (wide ? 2u : 0u) | (moved ? 1u : 0u));
                if (moved)
                {
                    w.Varint(ZigZag(cell.Line - row.Line));
                    w.Varint(ZigZag(cell.Column - (c + 1)));
                }

                if (wide)
                {
                    w.Bytes(MemoryMarshal.AsBytes(text.AsSpan()));
                }
                else
                {
                    w.Narrow(text);
                }
            }
        }

        return new PackedRows(w.ToArray());
    }

    /// <summary>As <see cref="FromEncoded(ReadOnlyMemory{byte})"/>, from an array.</summary>
    public static PackedRows FromEncoded(byte[] bytes) => FromEncoded(bytes.AsMemory());

    /// <summary>
    /// Rows from their <see cref="Encoded"/> form (the bytes are kept, not copied); <see cref="FormatException"/> if they do
    /// not parse. Bytes known to be what <see cref="Encoded"/> gave (<paramref name="verified"/>: checked against the
    /// checksum of the cache file they lie in) are not walked: only their count is read.
    /// </summary>
    public static PackedRows FromEncoded(ReadOnlyMemory<byte> encoded, bool verified = false)
    {
        try
        {
            var rows = new PackedRows(encoded);
            if (verified)
            {
                return rows;
            }

            var bytes = encoded.Span;
            var at = rows._start;
            var line = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                Skip(bytes, ref at, ref line);
            }

            return at == bytes.Length ? rows : throw new FormatException("packed rows: trailing bytes");
        }
        catch (OverflowException e)
        {
            throw new FormatException("packed rows: bad length", e);
        }
    }

    public IEnumerator<TableRow> GetEnumerator()
    {
        var at = _start;
        var line = 0;
        for (var i = 0; i < Count; i++)
        {
            yield return Decode(_bytes.Span, ref at, ref line);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static TableRow Decode(ReadOnlySpan<byte> bytes, ref int at, ref int line)
    {
        line += UnZigZag(ReadVarint(bytes, ref at));
        var cells = new TableCell[checked((int)ReadVarint(bytes, ref at))];
        for (var c = 0; c < cells.Length; c++)
        {
            var header = ReadVarint(bytes, ref at);
            var length = checked((int)(header >> 2));
            var (cellLine, column) = (header & 1) != 0
                ? (line + UnZigZag(ReadVarint(bytes, ref at)), c + 1 + UnZigZag(ReadVarint(bytes, ref at)))
                : (line, c + 1);
            string text;
            if (length == 0)
            {
                text = string.Empty;
            }
            else if ((header & 2) != 0)
            {
                text = new string(MemoryMarshal.Cast<byte, char>(bytes.Slice(at, checked(length * 2))));
                at += length * 2;
            }
            else
            {
                text = System.Text.Encoding.Latin1.GetString(bytes.Slice(at, length));
                at += length;
            }

            cells[c] = new TableCell(text, cellLine, column);
        }

        return new TableRow(line, cells);
    }

    private static void Skip(ReadOnlySpan<byte> bytes, ref int at, ref int line)
    {
        line += UnZigZag(ReadVarint(bytes, ref at));
        var count = ReadVarint(bytes, ref at);
        for (var c = 0u; c < count; c++)
        {
            var header = ReadVarint(bytes, ref at);
            if ((header & 1) != 0)
            {
                ReadVarint(bytes, ref at);
                ReadVarint(bytes, ref at);
            }

            at = checked(at + (int)((header >> 2) * ((header & 2) != 0 ? 2 : 1)));
            if (at > bytes.Length)
            {
                throw new FormatException("packed rows: truncated");
            }
        }
    }

    private static uint ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (at >= bytes.Length)
            {
                throw new FormatException("packed rows: truncated");
            }

            var b = bytes[at++];
            value |= (uint)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("packed rows: bad number");
    }

    /// <summary>
    /// Whether every character fits in one byte. A plain loop: the generic <c>ContainsAnyExceptInRange&lt;char&gt;</c>
    /// boxed its bounds on every call in the precompiled build (12 MiB of garbage in a 10-village build).
    /// </summary>
    private static bool IsLatin1(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u00ff')
            {
                return false;
            }
        }

        return true;
    }

    private static uint ZigZag(int v) => (uint)((v << 1) ^ (v >> 31));

    private static int UnZigZag(uint v) => (int)(v >> 1) ^ -(int)(v & 1);

    /// <summary>A growable byte buffer.</summary>
    private sealed class Writer
    {
        private byte[] _buffer = new byte[256];
        private int _length;

        public void Varint(uint value)
        {
            Ensure(5);
            while (value >= 0x80)
            {
                _buffer[_length++] = (byte)(value | 0x80);
                value >>= 7;
            }

            _buffer[_length++] = (byte)value;
        }

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            Ensure(bytes.Length);
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        /// <summary>Characters below U+0100, one byte each.</summary>
        public void Narrow(string text)
        {
            Ensure(text.Length);
            System.Text.Encoding.Latin1.GetBytes(text, _buffer.AsSpan(_length));
            _length += text.Length;
        }

        public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

        private void Ensure(int more)
        {
            if (_length + more > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
            }
        }
    }
}
