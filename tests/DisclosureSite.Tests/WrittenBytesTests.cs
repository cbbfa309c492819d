using System.Text;
using DisclosureSite.Loading;

namespace DisclosureSite.Tests;

/// <summary>
/// The cache files' reader (<see cref="WrittenBytes"/>) reads back exactly what a <see cref="BinaryWriter"/> wrote, and
/// never reads a damaged file as data: cut short anywhere, with text that is not UTF-8, or with a bad decimal, it throws
/// one of the exceptions the caches catch (the cache is then not trusted).
/// </summary>
[TestFixture]
public class WrittenBytesTests
{
    private static readonly string LongBody = string.Concat(Enumerable.Range(0, 2000).Select(i => $"第{i}条:村集体经济收入 1,234.56 元。\n"));

    private static readonly decimal[] Decimals = [0m, 1m, -1m, 1234.56m, -0.01m, 79228162514264337593543950335m, -79228162514264337593543950335m, 0.0000000000000000000000000001m, 100.00m];

    private static byte[] Written()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var s in new[] { string.Empty, "disclosure-input-cache-v7", "houfeng/2026-Q3/finance.md", "财务收支明细", LongBody, "a\uD800b" })
            {
                w.Write(s);
            }

            foreach (var i in new[] { 0, 1, -1, int.MaxValue, int.MinValue, 300 })
            {
                w.Write(i);
            }

            foreach (var l in new[] { 0L, -1L, long.MaxValue, long.MinValue, 638_684_352_000_000_000L })
            {
                w.Write(l);
            }

            w.Write(true);
            w.Write(false);
            w.Write(5);
            w.Write(new byte[] { 1, 2, 3, 250, 0 });
            foreach (var d in Decimals)
            {
                w.Write(d);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads <see cref="Written"/> through both readers' calls, returning what was read, in order, as text.</summary>
    private static List<string> ReadAll(Func<string> str, Func<int> i32, Func<long> i64, Func<bool> b, Func<int, byte[]> bytes, Func<decimal> dec)
    {
        var read = new List<string>();
        for (var k = 0; k < 6; k++)
        {
            read.Add(str());
        }

        for (var k = 0; k < 6; k++)
        {
            read.Add(i32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var k = 0; k < 5; k++)
        {
            read.Add(i64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        read.Add(b().ToString());
        read.Add(b().ToString());
        read.Add(Convert.ToHexString(bytes(i32())));
        foreach (var _ in Decimals)
        {
            var d = dec();
            read.Add(d.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + d.Scale);
        }

        return read;
    }

    [Test]
    public void Reads_back_what_a_BinaryWriter_wrote()
    {
        var bytes = Written();
        using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        var expected = ReadAll(r.ReadString, r.ReadInt32, r.ReadInt64, r.ReadBoolean, r.ReadBytes, r.ReadDecimal);
        var w = new WrittenBytes(bytes);
        var actual = ReadAll(w.ReadString, w.ReadInt32, w.ReadInt64, w.ReadBoolean, n => w.ReadMemory(n).ToArray(), w.ReadDecimal);
        Assert.Multiple(() =>
        {
            Assert.That(actual, Is.EqualTo(expected));
            Assert.That(actual[4], Is.EqualTo(LongBody));
            Assert.That(w.AtEnd, Is.True);
        });

        // Only the first bytes given count: a pooled buffer is longer than the file read into it.
        var padded = bytes.Concat(new byte[100]).ToArray();
        var p = new WrittenBytes(padded, bytes.Length);
        Assert.That(ReadAll(p.ReadString, p.ReadInt32, p.ReadInt64, p.ReadBoolean, n => p.ReadMemory(n).ToArray(), p.ReadDecimal), Is.EqualTo(expected));
        Assert.That(p.AtEnd, Is.True);
    }

    [Test]
    public void A_file_cut_short_anywhere_throws()
    {
        var bytes = Written();
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var w = new WrittenBytes(bytes, cut);
            Assert.That(
                () => ReadAll(w.ReadString, w.ReadInt32, w.ReadInt64, w.ReadBoolean, n => w.ReadMemory(n).ToArray(), w.ReadDecimal),
                Throws.InstanceOf<EndOfStreamException>().Or.InstanceOf<FormatException>(),
                $"cut at {cut} of {bytes.Length}");
        }
    }

    [Test]
    public void Bad_text_a_bad_length_and_a_bad_decimal_throw()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new WrittenBytes(new byte[] { 2, 0xC3, 0x28 }).ReadString(), Throws.InstanceOf<FormatException>(), "not UTF-8");
            Assert.That(() => new WrittenBytes(new byte[] { 2, 0xC3, 0x28 }).ReadStringBytes(), Throws.InstanceOf<FormatException>(), "not UTF-8, kept encoded");
            Assert.That(new WrittenBytes(new byte[] { 3, 0xE6, 0x9D, 0x91 }).ReadStringBytes().ToArray(), Is.EqualTo("村"u8.ToArray()), "UTF-8 kept as it lies");
            Assert.That(() => new WrittenBytes(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }).ReadString(), Throws.InstanceOf<FormatException>(), "a length of more than five bytes");
            Assert.That(() => new WrittenBytes(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }).ReadString(), Throws.InstanceOf<EndOfStreamException>(), "a negative length");
            Assert.That(() => new WrittenBytes(new byte[] { 1, 2 }).ReadMemory(5), Throws.InstanceOf<EndOfStreamException>(), "bytes past the end");
            var flags = new byte[16];
            flags[12] = 0xFF;
            Assert.That(() => new WrittenBytes(flags).ReadDecimal(), Throws.InstanceOf<IOException>(), "decimal flags no decimal has");
        });
    }

    [Test]
    public void A_string_passed_over_is_read_by_where_it_lies_and_a_repeated_one_is_the_same_string()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write("houfeng/2026-Q3/finance.md");
            w.Write("houfeng/2026-Q3/finance.md");
            w.Write("houfeng/2026-Q3/finance.csv");
            w.Write("财务收支明细");
            w.Write(string.Empty);
        }

        var bytes = stream.ToArray();
        var r = new WrittenBytes(bytes);
        var at = r.SkipString();
        var first = r.StringAt(at.Start, at.End);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo("houfeng/2026-Q3/finance.md"));
            Assert.That(Encoding.UTF8.GetString(r.BytesAt(at.Start, at.End)), Is.EqualTo(first));
            Assert.That(r.ReadString(first, at), Is.SameAs(first), "the same bytes: the same string");
            var other = r.ReadString(first, at);
            Assert.That(other, Is.EqualTo("houfeng/2026-Q3/finance.csv").And.Not.SameAs(first));
            Assert.That(r.ReadString(first, at), Is.EqualTo("财务收支明细"));
            Assert.That(r.ReadString(first, at), Is.Empty);
            Assert.That(r.AtEnd, Is.True);
            Assert.That(new WrittenBytes(bytes) { Position = at.End }.ReadString(), Is.EqualTo(first), "read from a position");
        });

        // Where a string lies is checked like any read: outside the bytes given it throws, as does bad text there.
        var cut = new WrittenBytes(bytes, at.End - 1);
        Assert.Multiple(() =>
        {
            Assert.That(() => cut.StringAt(at.Start, at.End), Throws.InstanceOf<EndOfStreamException>());
            Assert.That(() => cut.BytesAt(at.Start, at.End).Length, Throws.InstanceOf<EndOfStreamException>());
            Assert.That(() => cut.StringAt(5, 4), Throws.InstanceOf<EndOfStreamException>());
            Assert.That(() => new WrittenBytes(bytes, 3) { Position = 4 }, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new WrittenBytes(new byte[] { 2, 0xC3, 0x28 }).StringAt(1, 3), Throws.InstanceOf<FormatException>(), "not UTF-8");
        });
    }
}
