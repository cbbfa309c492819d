using System.Buffers;
using System.Numerics;
using System.Text;

namespace DisclosureSite.Site.Render;

/// <summary>
/// A QR code (ISO/IEC 18004, model 2) at error correction level M, versions 1–40, smallest version that fits. It encodes
/// exactly what QRCoder 1.8's <c>CreateQrCode(text, ECCLevel.M)</c> encodes, module for module (a test compares the two):
/// text whose characters are all ≤ U+00FF is split into numeric, alphanumeric and byte (ISO-8859-1) segments by the
/// heuristic of Annex J.2; any other text is one byte segment of its UTF-8 bytes without an ECI header (as QRCoder does;
/// readers guess UTF-8 — the site's URLs are ASCII anyway). The mask is the one of the eight with the lowest penalty
/// (the four rules as QRCoder scores them), the lowest number on a tie.
/// Built for speed: per-version templates (function patterns, placement order, mask patterns) built once; codes up to
/// version 11 (61 modules a side, all the site's URLs) are masked and scored 64 modules at a time as bits of a row or
/// a column, larger ones one byte per module; no LINQ, no allocation per module.
/// </summary>
// Our own encoder, not QRCoder: ~7–10 µs a code against ~300 µs (docs/performance.md) for ~68,000 codes a county; ZXing.Net reads it back (QrCodeTests).
public sealed class QrCode
{
    private const int MinVersion = 1;
    private const int MaxVersion = 40;

    private readonly ulong[]? _rows;
    private byte[]? _modules;

    private QrCode(int version, int mask, byte[] modules)
    {
        Version = version;
        Mask = mask;
        Size = (version * 4) + 17;
        _modules = modules;
    }

    private QrCode(int version, int mask, ulong[] rows)
    {
        Version = version;
        Mask = mask;
        Size = (version * 4) + 17;
        _rows = rows;
    }

    /// <summary>1–40.</summary>
    public int Version { get; }

    /// <summary>Modules per side (21–177), without a quiet zone.</summary>
    public int Size { get; }

    /// <summary>The mask pattern chosen (0–7).</summary>
    public int Mask { get; }

    /// <summary>The modules, row by row (<c>y * Size + x</c>): 1 dark, 0 light.</summary>
    public ReadOnlySpan<byte> Modules => _modules ??= ModulesOf(_rows!, Size);

    /// <summary>
    /// Versions 1–11 (at most 64 modules a side): each row as bits, bit x dark for module x; empty for larger codes
    /// (<see cref="HasRows"/> false: their <see cref="Modules"/> are held one byte each). The SVG finds its runs of dark
    /// modules in these a word at a time.
    /// </summary>
    public ReadOnlySpan<ulong> Rows => _rows;

    /// <summary>Whether the code holds its <see cref="Rows"/> as bits (versions 1–11).</summary>
    public bool HasRows => _rows is not null;

    /// <summary>Whether the module in column <paramref name="x"/>, row <paramref name="y"/> is dark.</summary>
    public bool IsDark(int x, int y) => _rows is { } rows ? ((rows[y] >> x) & 1) != 0 : _modules![(y * Size) + x] != 0;

    private static byte[] ModulesOf(ulong[] rows, int size)
    {
        var modules = new byte[size * size];
        for (var y = 0; y < size; y++)
        {
            var row = rows[y];
            for (var x = 0; x < size; x++)
            {
                modules[(y * size) + x] = (byte)((row >> x) & 1);
            }
        }

        return modules;
    }

    /// <summary>Encodes <paramref name="text"/> at level M in the smallest version that holds it.</summary>
    /// <exception cref="ArgumentException">The text does not fit in a version-40 QR code at level M.</exception>
    public static QrCode Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[]? utf8 = null;
        if (!IsLatin1(text))
        {
            utf8 = Encoding.UTF8.GetBytes(text);
        }

        var version = ChooseVersion(text, utf8, out var bits);
        if (version == 0)
        {
            throw new ArgumentException(
                $"The text is too long for a QR code: {text.Length} characters need {bits} bits at error correction level M; " +
                $"the largest QR code (version {MaxVersion}) holds {DataCodewords(MaxVersion) * 8}.", nameof(text));
        }

        var total = Tables.TotalCodewords[version];
        var dataLength = DataCodewords(version);
        var rented = ArrayPool<byte>.Shared.Rent(total + dataLength);
        try
        {
            var data = rented.AsSpan(total, dataLength);
            data.Clear();
            var writer = new BitWriter(data);
            if (utf8 is null)
            {
                WriteLatin1(text, version, ref writer);
            }
            else
            {
                WriteBytes(utf8, version, ref writer);
            }

            Pad(data, writer.Length);
            var codewords = rented.AsSpan(0, total);
            AddErrorCorrectionAndInterleave(version, data, codewords);
            return Draw(version, codewords);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // ---- Data encoding -----------------------------------------------------------------------------------------------

    private enum Mode
    {
        Numeric = 1,
        Alphanumeric = 2,
        Byte = 4,
    }

    private static bool IsLatin1(string text)
    {
        foreach (var c in text)
        {
            if (c > 0xFF)
            {
                return false;
            }
        }

        return true;
    }

    private static int DataCodewords(int version) => Tables.TotalCodewords[version] - (Tables.EccPerBlock[version] * Tables.Blocks[version]);

    /// <summary>The smallest version whose data capacity holds the encoded text; 0 if none.</summary>
    private static int ChooseVersion(string text, byte[]? utf8, out int bits)
    {
        bits = 0;
        // The segmentation and the count indicator lengths change only at versions 10 and 27.
        ReadOnlySpan<int> groupStart = [1, 10, 27, 41];
        for (var g = 0; g < 3; g++)
        {
            var counter = new BitWriter(Span<byte>.Empty);
            if (utf8 is null)
            {
                WriteLatin1(text, groupStart[g], ref counter);
            }
            else
            {
                WriteBytes(utf8, groupStart[g], ref counter);
            }

            bits = counter.Length;
            for (var version = groupStart[g]; version < groupStart[g + 1]; version++)
            {
                if (DataCodewords(version) * 8 >= bits)
                {
                    return version;
                }
            }
        }

        return 0;
    }

    private static int CountBits(Mode mode, int version) => mode switch
    {
        Mode.Numeric => version < 10 ? 10 : version < 27 ? 12 : 14,
        Mode.Alphanumeric => version < 10 ? 9 : version < 27 ? 11 : 13,
        _ => version < 10 ? 8 : 16,
    };

    private static void WriteBytes(ReadOnlySpan<byte> bytes, int version, ref BitWriter writer)
    {
        writer.Write((int)Mode.Byte, 4);
        writer.Write(bytes.Length, CountBits(Mode.Byte, version));
        foreach (var b in bytes)
        {
            writer.Write(b, 8);
        }
    }

    /// <summary>Text of ISO-8859-1 characters in numeric, alphanumeric and byte segments, switched as in Annex J.2 (QRCoder's reading of it).</summary>
    private static void WriteLatin1(ReadOnlySpan<char> text, int version, ref BitWriter writer)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var mode = InitialMode(text, 0, version);
        var start = 0;
        do
        {
            Mode next;
            var end = mode switch
            {
                Mode.Numeric => NumericEnd(text, start, version, out next),
                Mode.Alphanumeric => AlphanumericEnd(text, start, version, out next),
                _ => ByteEnd(text, start, version, out next),
            };
            WriteSegment(text.Slice(start, end - start), mode, version, ref writer);
            start = end;
            mode = next;
        }
        while (start < text.Length);
    }

    private static void WriteSegment(ReadOnlySpan<char> text, Mode mode, int version, ref BitWriter writer)
    {
        writer.Write((int)mode, 4);
        writer.Write(text.Length, CountBits(mode, version));
        var i = 0;
        switch (mode)
        {
            case Mode.Numeric:
                for (; i + 2 < text.Length; i += 3)
                {
                    writer.Write(((text[i] - '0') * 100) + ((text[i + 1] - '0') * 10) + (text[i + 2] - '0'), 10);
                }

                if (text.Length - i == 2)
                {
                    writer.Write(((text[i] - '0') * 10) + (text[i + 1] - '0'), 7);
                }
                else if (text.Length - i == 1)
                {
                    writer.Write(text[i] - '0', 4);
                }

                break;
            case Mode.Alphanumeric:
                for (; i + 1 < text.Length; i += 2)
                {
                    writer.Write((AlphanumericValue(text[i]) * 45) + AlphanumericValue(text[i + 1]), 11);
                }

                if (i < text.Length)
                {
                    writer.Write(AlphanumericValue(text[i]), 6);
                }

                break;
            default:
                foreach (var c in text)
                {
                    writer.Write(c, 8);
                }

                break;
        }
    }

    private static int Breakpoint(int version, int upTo9, int upTo26, int upTo40) => version < 10 ? upTo9 : version < 27 ? upTo26 : upTo40;

    private static bool IsNumeric(char c) => c is >= '0' and <= '9';

    private static bool IsAlphanumeric(char c) => c < 128 && Tables.Alphanumeric[c] != 255;

    private static int AlphanumericValue(char c) => Tables.Alphanumeric[c];

    private static int NumericRun(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && IsNumeric(text[i]))
        {
            i++;
        }

        return i - start;
    }

    private static int AlphanumericRun(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && IsAlphanumeric(text[i]))
        {
            i++;
        }

        return i - start;
    }

    /// <summary>Annex J.2 a): the mode to start in at <paramref name="start"/>.</summary>
    private static Mode InitialMode(ReadOnlySpan<char> text, int start, int version)
    {
        var c = text[start];
        if (!IsAlphanumeric(c))
        {
            return Mode.Byte;
        }

        if (IsNumeric(c))
        {
            var digits = NumericRun(text, start);
            var after = start + digits;
            if (digits < Breakpoint(version, 4, 4, 5) && after < text.Length && !IsAlphanumeric(text[after]))
            {
                return Mode.Byte;
            }

            if (digits < Breakpoint(version, 7, 8, 9) && after < text.Length && IsAlphanumeric(text[after]))
            {
                return Mode.Alphanumeric;
            }

            return Mode.Numeric;
        }

        var run = AlphanumericRun(text, start);
        var next = start + run;
        return run < Breakpoint(version, 6, 7, 8) && next < text.Length && !IsAlphanumeric(text[next]) ? Mode.Byte : Mode.Alphanumeric;
    }

    /// <summary>Annex J.2 b): byte mode lasts until a long enough run of digits or of alphanumeric characters.</summary>
    private static int ByteEnd(ReadOnlySpan<char> text, int start, int version, out Mode next)
    {
        var digitsToSwitch = Breakpoint(version, 6, 8, 9);
        var alphanumericToSwitch = Breakpoint(version, 11, 15, 16);
        for (var pos = start; pos < text.Length; pos++)
        {
            if (!IsAlphanumeric(text[pos]))
            {
                continue; // both runs are empty here
            }

            if (NumericRun(text, pos) >= digitsToSwitch)
            {
                next = Mode.Numeric;
                return pos;
            }

            if (AlphanumericRun(text, pos) >= alphanumericToSwitch)
            {
                next = Mode.Alphanumeric;
                return pos;
            }
        }

        next = Mode.Byte;
        return text.Length;
    }

    /// <summary>Annex J.2 c): alphanumeric mode lasts until a byte-only character or a long enough run of digits.</summary>
    private static int AlphanumericEnd(ReadOnlySpan<char> text, int start, int version, out Mode next)
    {
        var digitsToSwitch = Breakpoint(version, 13, 15, 17);
        for (var pos = start; pos < text.Length; pos++)
        {
            if (!IsAlphanumeric(text[pos]))
            {
                next = Mode.Byte;
                return pos;
            }

            if (NumericRun(text, pos) >= digitsToSwitch)
            {
                next = Mode.Numeric;
                return pos;
            }
        }

        next = Mode.Alphanumeric;
        return text.Length;
    }

    /// <summary>Annex J.2 d): numeric mode lasts while there are digits; then the mode is chosen as at the start.</summary>
    private static int NumericEnd(ReadOnlySpan<char> text, int start, int version, out Mode next)
    {
        for (var pos = start; pos < text.Length; pos++)
        {
            if (!IsNumeric(text[pos]))
            {
                next = InitialMode(text, pos, version);
                return pos;
            }
        }

        next = Mode.Numeric;
        return text.Length;
    }

    /// <summary>Writes bits most significant first into a zeroed buffer, or only counts them when the buffer is empty.</summary>
    private ref struct BitWriter(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;

        public int Length { get; private set; }

        public void Write(int value, int bits)
        {
            if (!_buffer.IsEmpty)
            {
                for (var i = bits - 1; i >= 0; i--)
                {
                    if (((value >> i) & 1) != 0)
                    {
                        _buffer[Length >> 3] |= (byte)(0x80 >> (Length & 7));
                    }

                    Length++;
                }
            }
            else
            {
                Length += bits;
            }
        }
    }

    /// <summary>Terminator (up to 4 zero bits) and zero bits to a byte boundary are already there; then 0xEC 0x11 … .</summary>
    private static void Pad(Span<byte> data, int bits)
    {
        var next = (bits + 4 + 7) >> 3;
        for (var i = next; i < data.Length; i++)
        {
            data[i] = ((i - next) & 1) == 0 ? (byte)0xEC : (byte)0x11;
        }
    }

    // ---- Error correction --------------------------------------------------------------------------------------------

    private static void AddErrorCorrectionAndInterleave(int version, ReadOnlySpan<byte> data, Span<byte> result)
    {
        var blocks = Tables.Blocks[version];
        var ecc = Tables.EccPerBlock[version];
        var total = Tables.TotalCodewords[version];
        var longBlocks = total % blocks;
        var shortBlocks = blocks - longBlocks;
        var shortData = (total / blocks) - ecc;
        var divisor = Tables.Divisor(ecc);
        Span<byte> remainder = stackalloc byte[ecc];
        var dataTotal = data.Length;
        var offset = 0;
        for (var b = 0; b < blocks; b++)
        {
            var length = b < shortBlocks ? shortData : shortData + 1;
            var block = data.Slice(offset, length);
            ReedSolomonRemainder(block, divisor, remainder);

            // Interleave: data codeword i of block b goes to i * blocks + b (the short blocks have no codeword at
            // i = shortData, so from there on the long blocks alone fill the row); the error correction follows.
            for (var i = 0; i < length; i++)
            {
                var at = i < shortData ? (i * blocks) + b : (shortData * blocks) + (b - shortBlocks);
                result[at] = block[i];
            }

            for (var i = 0; i < ecc; i++)
            {
                result[dataTotal + (i * blocks) + b] = remainder[i];
            }

            offset += length;
        }
    }

    private static void ReedSolomonRemainder(ReadOnlySpan<byte> data, ReadOnlySpan<byte> divisorLog, Span<byte> remainder)
    {
        remainder.Clear();
        var exp = Tables.Exp;
        var log = Tables.Log;
        var last = remainder.Length - 1;
        foreach (var b in data)
        {
            var factor = b ^ remainder[0];
            remainder[1..].CopyTo(remainder);
            remainder[last] = 0;
            if (factor != 0)
            {
                var factorLog = log[factor];
                for (var i = 0; i <= last; i++)
                {
                    remainder[i] ^= exp[factorLog + divisorLog[i]];
                }
            }
        }
    }

    // ---- Matrix ------------------------------------------------------------------------------------------------------

    private static QrCode Draw(int version, ReadOnlySpan<byte> codewords)
    {
        var template = Template.For(version);
        return template.Size <= 64 ? DrawWithBits(version, template, codewords) : DrawWithBytes(version, template, codewords);
    }

    /// <summary>Versions 1–11: each row and each column is one <see cref="ulong"/> (bit x of row y is module (x, y)).</summary>
    private static QrCode DrawWithBits(int version, Template template, ReadOnlySpan<byte> codewords)
    {
        var size = template.Size;
        Span<ulong> rows = stackalloc ulong[size];
        Span<ulong> columns = stackalloc ulong[size];
        Span<ulong> candidateRows = stackalloc ulong[size];
        Span<ulong> candidateColumns = stackalloc ulong[size];
        Span<ulong> bestRows = stackalloc ulong[size];
        template.BaseRows.CopyTo(rows);
        template.BaseColumns.CopyTo(columns);
        var orderX = template.OrderX;
        var orderY = template.OrderY;
        var bits = codewords.Length * 8; // the remainder bits after them stay light
        for (var i = 0; i < bits; i++)
        {
            if (((codewords[i >> 3] >> (7 - (i & 7))) & 1) != 0)
            {
                int x = orderX[i], y = orderY[i];
                rows[y] |= 1UL << x;
                columns[x] |= 1UL << y;
            }
        }

        var bestMask = -1;
        var bestScore = int.MaxValue;
        for (var mask = 0; mask < 8; mask++)
        {
            var maskRows = template.MaskRows[mask];
            var maskColumns = template.MaskColumns[mask];
            for (var i = 0; i < size; i++)
            {
                candidateRows[i] = rows[i] ^ maskRows[i];
                candidateColumns[i] = columns[i] ^ maskColumns[i];
            }

            var score = Penalty(candidateRows, candidateColumns, size);
            if (score < bestScore)
            {
                bestScore = score;
                bestMask = mask;
                candidateRows.CopyTo(bestRows);
            }
        }

        return new QrCode(version, bestMask, bestRows.ToArray());
    }

    /// <summary>Versions 12–40: one byte per module.</summary>
    private static QrCode DrawWithBytes(int version, Template template, ReadOnlySpan<byte> codewords)
    {
        var size = template.Size;
        var count = size * size;
        var scratch = ArrayPool<byte>.Shared.Rent(count * 2);
        try
        {
            var unmasked = scratch.AsSpan(0, count);
            var candidate = scratch.AsSpan(count, count);
            template.Base.CopyTo(unmasked);
            var order = template.Order;
            var bits = codewords.Length * 8; // the remainder bits after them stay light
            for (var i = 0; i < bits; i++)
            {
                unmasked[order[i]] = (byte)((codewords[i >> 3] >> (7 - (i & 7))) & 1);
            }

            var best = new byte[count];
            var bestMask = -1;
            var bestScore = int.MaxValue;
            for (var mask = 0; mask < 8; mask++)
            {
                Xor(unmasked, template.Masks[mask], candidate);
                PlaceFormat(candidate, template, mask);
                var score = Penalty(candidate, size);
                if (score < bestScore)
                {
                    bestScore = score;
                    bestMask = mask;
                    candidate.CopyTo(best);
                }
            }

            return new QrCode(version, bestMask, best);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static void Xor(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> result)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= a.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                (new Vector<byte>(a[i..]) ^ new Vector<byte>(b[i..])).CopyTo(result[i..]);
            }
        }

        for (; i < a.Length; i++)
        {
            result[i] = (byte)(a[i] ^ b[i]);
        }
    }

    private static void PlaceFormat(Span<byte> modules, Template template, int mask)
    {
        var bits = Tables.FormatBits[mask];
        for (var i = 0; i < 15; i++)
        {
            var bit = (byte)((bits >> i) & 1);
            modules[template.FormatFirst[i]] = bit;
            modules[template.FormatSecond[i]] = bit;
        }
    }

    /// <summary>
    /// <see cref="Penalty(ReadOnlySpan{byte}, int)"/> on rows and columns of at most 64 modules held as bits, 64 modules
    /// at a time: the same four rules, the same sum.
    /// </summary>
    private static int Penalty(ReadOnlySpan<ulong> rows, ReadOnlySpan<ulong> columns, int size)
    {
        var pairs = (1UL << (size - 1)) - 1;   // positions 0..size-2: a module and the next
        var windows = (1UL << (size - 10)) - 1; // positions 0..size-11: 11 modules from there
        var penalty = 0;
        var dark = 0;
        for (var i = 0; i < size; i++)
        {
            var row = rows[i];
            dark += BitOperations.PopCount(row);
            penalty += RunPenalty(row, pairs) + RunPenalty(columns[i], pairs);
            penalty += 40 * (FinderLikePatterns(row, windows) + FinderLikePatterns(columns[i], windows));
            if (i < size - 1)
            {
                var sameBelow = ~(row ^ rows[i + 1]);
                var sameRight = ~(row ^ (row >> 1));
                penalty += 3 * BitOperations.PopCount(sameBelow & (sameBelow >> 1) & sameRight & pairs);
            }
        }

        var fifths = dark * 20 / (size * size);
        return penalty + (Math.Min(Math.Abs(fifths - 10), Math.Abs(fifths - 9)) * 10);
    }

    /// <summary>A run of k ≥ 5 alike costs 3 + (k − 5): one per 5-window inside it, plus 2 per run.</summary>
    private static int RunPenalty(ulong line, ulong pairs)
    {
        var same = ~(line ^ (line >> 1)) & pairs;
        var five = same & (same >> 1) & (same >> 2) & (same >> 3); // modules i..i+4 alike
        return BitOperations.PopCount(five) + (2 * BitOperations.PopCount(five & ~(five << 1)));
    }

    /// <summary>Windows of 11 modules reading 1011101 0000 or 0000 1011101 (from the window's first module on).</summary>
    private static int FinderLikePatterns(ulong line, ulong windows)
    {
        var common = ~(line >> 1) & (line >> 4) & ~(line >> 5) & (line >> 6) & ~(line >> 9) & windows;
        if (common == 0)
        {
            return 0;
        }

        var first = line & (line >> 2) & (line >> 3) & ~(line >> 7) & ~(line >> 8) & ~(line >> 10);
        var second = ~line & ~(line >> 2) & ~(line >> 3) & (line >> 7) & (line >> 8) & (line >> 10);
        return BitOperations.PopCount(common & (first | second));
    }

    /// <summary>
    /// The four penalty rules as QRCoder scores them: runs of ≥ 5 alike in a row or column (3 + run − 5), 2×2 blocks
    /// alike (3 each), 1:1:3:1:1 finder-like patterns with 4 light modules on one side within the symbol (40 each) and
    /// the dark proportion (10 per 5 % step away from 45–55 %). One pass row by row; the columns' state is kept per column.
    /// </summary>
    private static int Penalty(ReadOnlySpan<byte> m, int size)
    {
        Span<int> columnRun = stackalloc int[size];
        Span<int> columnWindow = stackalloc int[size];
        var penalty = 0;
        var dark = 0;
        for (var y = 0; y < size; y++)
        {
            var row = m.Slice(y * size, size);
            var run = 0;
            var last = row[0];
            var window = 0;
            for (var x = 0; x < size; x++)
            {
                var v = row[x];
                dark += v;

                // Rows: runs and the 11-module window.
                if (v == last)
                {
                    run++;
                    if (run == 5)
                    {
                        penalty += 3;
                    }
                    else if (run > 5)
                    {
                        penalty++;
                    }
                }
                else
                {
                    run = 1;
                    last = v;
                }

                window = ((window << 1) | v) & 0x7FF;
                if (x >= 10 && (window == 0x5D0 || window == 0x05D))
                {
                    penalty += 40;
                }

                // Columns: the same, with the state of column x.
                if (y == 0 || v != m[((y - 1) * size) + x])
                {
                    columnRun[x] = 1;
                }
                else
                {
                    var r = ++columnRun[x];
                    if (r == 5)
                    {
                        penalty += 3;
                    }
                    else if (r > 5)
                    {
                        penalty++;
                    }
                }

                var w = columnWindow[x] = ((columnWindow[x] << 1) | v) & 0x7FF;
                if (y >= 10 && (w == 0x5D0 || w == 0x05D))
                {
                    penalty += 40;
                }
            }

            // 2×2 blocks with the row below.
            if (y < size - 1)
            {
                var below = m.Slice((y + 1) * size, size);
                for (var x = 0; x < size - 1; x++)
                {
                    var v = row[x];
                    if (v == row[x + 1] && v == below[x] && v == below[x + 1])
                    {
                        penalty += 3;
                    }
                }
            }
        }

        var fifths = dark * 20 / (size * size);
        return penalty + (Math.Min(Math.Abs(fifths - 10), Math.Abs(fifths - 9)) * 10);
    }

    /// <summary>What every code of one version shares: function patterns, where the data bits go, the mask patterns.</summary>
    private sealed class Template
    {
        private static readonly Template?[] Cache = new Template?[MaxVersion + 1];

        private Template(int version)
        {
            Size = (version * 4) + 17;
            var size = Size;
            Base = new byte[size * size];
            var function = new bool[size * size];

            void Set(int x, int y, bool dark)
            {
                Base[(y * size) + x] = dark ? (byte)1 : (byte)0;
                function[(y * size) + x] = true;
            }

            // Timing patterns first; finders, separators and alignment patterns overwrite their ends.
            for (var i = 0; i < size; i++)
            {
                Set(6, i, i % 2 == 0);
                Set(i, 6, i % 2 == 0);
            }

            // Finder patterns with their separators (the 9×9 squares, clipped to the symbol).
            foreach (var (cx, cy) in new[] { (3, 3), (size - 4, 3), (3, size - 4) })
            {
                for (var dy = -4; dy <= 4; dy++)
                {
                    for (var dx = -4; dx <= 4; dx++)
                    {
                        var x = cx + dx;
                        var y = cy + dy;
                        if (x >= 0 && x < size && y >= 0 && y < size)
                        {
                            var d = Math.Max(Math.Abs(dx), Math.Abs(dy));
                            Set(x, y, d != 2 && d != 4);
                        }
                    }
                }
            }

            // Alignment patterns, except where they would overlap a finder.
            var positions = AlignmentPositions(version);
            var n = positions.Length;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if ((i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0))
                    {
                        continue;
                    }

                    for (var dy = -2; dy <= 2; dy++)
                    {
                        for (var dx = -2; dx <= 2; dx++)
                        {
                            Set(positions[i] + dx, positions[j] + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
                        }
                    }
                }
            }

            // Format information (drawn per mask) and the dark module.
            FormatFirst = new int[15];
            FormatSecond = new int[15];
            for (var i = 0; i < 15; i++)
            {
                var (x1, y1) = i < 6 ? (8, i) : i == 6 ? (8, 7) : i == 7 ? (8, 8) : i == 8 ? (7, 8) : (14 - i, 8);
                var (x2, y2) = i < 8 ? (size - 1 - i, 8) : (8, size - 15 + i);
                Set(x1, y1, false);
                Set(x2, y2, false);
                FormatFirst[i] = (y1 * size) + x1;
                FormatSecond[i] = (y2 * size) + x2;
            }

            Set(8, size - 8, true);

            // Version information (versions 7 and up).
            if (version >= 7)
            {
                var bits = Tables.VersionBits(version);
                for (var i = 0; i < 18; i++)
                {
                    var dark = ((bits >> i) & 1) != 0;
                    var a = size - 11 + (i % 3);
                    var b = i / 3;
                    Set(a, b, dark);
                    Set(b, a, dark);
                }
            }

            // The zig-zag: two columns at a time from the right, up then down, skipping the vertical timing pattern.
            var order = new List<int>(size * size);
            var upward = true;
            for (var right = size - 1; right >= 1; right -= 2)
            {
                if (right == 6)
                {
                    right = 5;
                }

                for (var k = 0; k < size; k++)
                {
                    var y = upward ? size - 1 - k : k;
                    for (var dx = 0; dx < 2; dx++)
                    {
                        var index = (y * size) + right - dx;
                        if (!function[index])
                        {
                            order.Add(index);
                        }
                    }
                }

                upward = !upward;
            }

            Order = order.ToArray();
            OrderX = new byte[Order.Length];
            OrderY = new byte[Order.Length];
            for (var i = 0; i < Order.Length; i++)
            {
                OrderX[i] = (byte)(Order[i] % size);
                OrderY[i] = (byte)(Order[i] / size);
            }

            // Mask patterns over the data modules (x column, y row).
            Masks = new byte[8][];
            for (var mask = 0; mask < 8; mask++)
            {
                var pattern = new byte[size * size];
                for (var y = 0; y < size; y++)
                {
                    for (var x = 0; x < size; x++)
                    {
                        if (!function[(y * size) + x] && MaskBit(mask, x, y))
                        {
                            pattern[(y * size) + x] = 1;
                        }
                    }
                }

                Masks[mask] = pattern;
            }

            // The same as bits, for versions 1–11; each mask with its format bits, as those modules are light in Base.
            if (size <= 64)
            {
                BaseRows = Rows(Base, size);
                BaseColumns = Columns(Base, size);
                MaskRows = new ulong[8][];
                MaskColumns = new ulong[8][];
                var withFormat = new byte[size * size];
                for (var mask = 0; mask < 8; mask++)
                {
                    Masks[mask].CopyTo(withFormat, 0);
                    PlaceFormat(withFormat, this, mask);
                    MaskRows[mask] = Rows(withFormat, size);
                    MaskColumns[mask] = Columns(withFormat, size);
                }
            }
        }

        public int Size { get; }

        /// <summary>Function patterns and version information; data and format modules light.</summary>
        public byte[] Base { get; }

        /// <summary>Module indexes of the data bits, in placement order.</summary>
        public int[] Order { get; }

        public byte[][] Masks { get; }

        /// <summary>Column and row of each data bit, in placement order.</summary>
        public byte[] OrderX { get; }

        public byte[] OrderY { get; }

        /// <summary>For versions 1–11 (else empty): <see cref="Base"/> by rows and by columns as bits.</summary>
        public ulong[] BaseRows { get; } = [];

        public ulong[] BaseColumns { get; } = [];

        /// <summary>For versions 1–11 (else empty): each mask pattern with its format bits, by rows and by columns.</summary>
        public ulong[][] MaskRows { get; } = [];

        public ulong[][] MaskColumns { get; } = [];

        /// <summary>Module indexes of format bits 0–14 (least significant first), both copies.</summary>
        public int[] FormatFirst { get; }

        public int[] FormatSecond { get; }

        public static Template For(int version) =>
            Volatile.Read(ref Cache[version]) ?? Interlocked.CompareExchange(ref Cache[version], new Template(version), null) ?? Cache[version]!;

        private static ulong[] Rows(byte[] modules, int size)
        {
            var rows = new ulong[size];
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    rows[y] |= (ulong)modules[(y * size) + x] << x;
                }
            }

            return rows;
        }

        private static ulong[] Columns(byte[] modules, int size)
        {
            var columns = new ulong[size];
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    columns[x] |= (ulong)modules[(y * size) + x] << y;
                }
            }

            return columns;
        }

        private static bool MaskBit(int mask, int x, int y) => mask switch
        {
            0 => (x + y) % 2 == 0,
            1 => y % 2 == 0,
            2 => x % 3 == 0,
            3 => (x + y) % 3 == 0,
            4 => ((y / 2) + (x / 3)) % 2 == 0,
            5 => ((x * y) % 2) + ((x * y) % 3) == 0,
            6 => (((x * y) % 2) + ((x * y) % 3)) % 2 == 0,
            _ => (((x + y) % 2) + ((x * y) % 3)) % 2 == 0,
        };

        private static int[] AlignmentPositions(int version)
        {
            if (version == 1)
            {
                return [];
            }

            var count = (version / 7) + 2;
            var step = ((version * 8) + (count * 3) + 5) / ((count * 4) - 4) * 2;
            var result = new int[count];
            result[0] = 6;
            for (int i = count - 1, position = (version * 4) + 10; i >= 1; i--, position -= step)
            {
                result[i] = position;
            }

            return result;
        }
    }

    /// <summary>GF(256) tables, the level-M block structure and the BCH-coded format and version words, built once.</summary>
    private static class Tables
    {
        /// <summary>α^i for i in 0..509 (twice round, so a sum of two logarithms needs no modulo).</summary>
        public static readonly byte[] Exp = new byte[512];

        /// <summary>log_α(v) for v in 1..255.</summary>
        public static readonly byte[] Log = new byte[256];

        /// <summary>Error correction codewords per block at level M, by version (index 0 unused).</summary>
        public static readonly int[] EccPerBlock =
            [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];

        /// <summary>Error correction blocks at level M, by version.</summary>
        public static readonly int[] Blocks =
            [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];

        /// <summary>All codewords (data and error correction), by version.</summary>
        public static readonly int[] TotalCodewords = new int[MaxVersion + 1];

        /// <summary>The 15 format bits (level M, BCH, masked with 101010000010010) for masks 0–7.</summary>
        public static readonly int[] FormatBits = new int[8];

        /// <summary>Alphanumeric mode values of ASCII characters; 255 for none.</summary>
        public static readonly byte[] Alphanumeric = new byte[128];

        private static readonly byte[]?[] Divisors = new byte[]?[31];

        static Tables()
        {
            var value = 1;
            for (var i = 0; i < 255; i++)
            {
                Exp[i] = (byte)value;
                Log[value] = (byte)i;
                value <<= 1;
                if (value > 0xFF)
                {
                    value ^= 0x11D;
                }
            }

            for (var i = 255; i < Exp.Length; i++)
            {
                Exp[i] = Exp[i - 255];
            }

            for (var version = MinVersion; version <= MaxVersion; version++)
            {
                // Modules left for data and error correction: all, less the function patterns and format/version bits.
                var raw = (((16 * version) + 128) * version) + 64;
                if (version >= 2)
                {
                    var alignments = (version / 7) + 2;
                    raw -= (((25 * alignments) - 10) * alignments) - 55;
                    if (version >= 7)
                    {
                        raw -= 36;
                    }
                }

                TotalCodewords[version] = raw / 8;
            }

            for (var mask = 0; mask < 8; mask++)
            {
                var data = mask; // level M is 00
                var remainder = data;
                for (var i = 0; i < 10; i++)
                {
                    remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
                }

                FormatBits[mask] = ((data << 10) | remainder) ^ 0x5412;
            }

            Alphanumeric.AsSpan().Fill(255);
            const string alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
            for (var i = 0; i < alphanumeric.Length; i++)
            {
                Alphanumeric[alphanumeric[i]] = (byte)i;
            }
        }

        /// <summary>The 18 version bits (BCH-coded) of versions 7–40.</summary>
        public static int VersionBits(int version)
        {
            var remainder = version;
            for (var i = 0; i < 12; i++)
            {
                remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25);
            }

            return (version << 12) | remainder;
        }

        /// <summary>
        /// The Reed–Solomon generator polynomial of the given degree, Π (x − α^i) for i &lt; degree, without its leading 1,
        /// highest power first, as logarithms of its coefficients (none is zero).
        /// </summary>
        public static ReadOnlySpan<byte> Divisor(int degree)
        {
            var divisor = Volatile.Read(ref Divisors[degree]);
            if (divisor is null)
            {
                Span<byte> coefficients = stackalloc byte[degree];
                coefficients.Clear();
                coefficients[degree - 1] = 1;
                var root = 1;
                for (var i = 0; i < degree; i++)
                {
                    for (var j = 0; j < degree; j++)
                    {
                        coefficients[j] = Multiply(coefficients[j], root);
                        if (j + 1 < degree)
                        {
                            coefficients[j] ^= coefficients[j + 1];
                        }
                    }

                    root = Multiply(root, 2);
                }

                divisor = new byte[degree];
                for (var j = 0; j < degree; j++)
                {
                    divisor[j] = Log[coefficients[j]];
                }

                Volatile.Write(ref Divisors[degree], divisor);
            }

            return divisor;
        }

        private static byte Multiply(int a, int b) => a == 0 || b == 0 ? (byte)0 : Exp[Log[a] + Log[b]];
    }
}
