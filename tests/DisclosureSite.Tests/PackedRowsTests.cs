using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Tests;

/// <summary>Packed table rows (<see cref="PackedRows"/>) decode to exactly the rows they were made from, every time.</summary>
public class PackedRowsTests
{
    private static readonly TableRow[] Sample =
    [
        new(2, [new("2026-07-01", 2, 1), new("收到上级转移支付", 2, 2), new("12,000.00", 2, 3), new(string.Empty, 2, 4)]),
        new(3, [new("Café ÿ", 3, 1), new("多行\n单元格", 3, 2), new("x", 4, 3), new("\ud800 lone surrogate 😀", 4, 4)]),
        new(7, []),
        new(5, [new("back to an earlier line", 5, 1), new("moved", 9, 7), new("no line", 0, 3)]),
        new(int.MaxValue / 2, [new(new string('长', 70_000), int.MaxValue / 2, 1)]),
    ];

    [Test]
    public void Rows_round_trip_through_the_packed_form_and_its_bytes()
    {
        var packed = PackedRows.Pack(Sample);
        Assert.That(packed, Has.Count.EqualTo(Sample.Length));
        for (var pass = 0; pass < 2; pass++)
        {
            Assert.That(packed.Select(Describe), Is.EqualTo(Sample.Select(Describe)));
        }

        Assert.That(Enumerable.Range(0, Sample.Length).Select(i => Describe(packed[i])), Is.EqualTo(Sample.Select(Describe)));
        Assert.That(packed.ToList(), Is.EqualTo(Sample), "rows decoded again are equal to the originals");

        var again = PackedRows.FromEncoded(packed.Encoded.ToArray());
        Assert.That(again.Select(Describe), Is.EqualTo(Sample.Select(Describe)));
        Assert.That(PackedRows.Pack(again), Is.SameAs(again));
        Assert.That(PackedRows.Pack([]), Is.Empty);
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = packed[Sample.Length]);
    }

    [Test]
    public void Damaged_bytes_are_a_format_error()
    {
        var bytes = PackedRows.Pack(Sample).Encoded.ToArray();
        Assert.Throws<FormatException>(() => PackedRows.FromEncoded(bytes[..(bytes.Length - 1)]));
        Assert.Throws<FormatException>(() => PackedRows.FromEncoded([.. bytes, 0]));
        Assert.Throws<FormatException>(() => PackedRows.FromEncoded([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
        Assert.Throws<FormatException>(() => PackedRows.FromEncoded([]));
    }

    [Test]
    public void Rows_of_a_decoded_walk_match_rows_of_another_walk()
    {
        var packed = PackedRows.Pack(Sample);
        var first = packed.ToList();
        var set = new HashSet<TableRow>(first);
        Assert.That(packed.All(set.Contains), Is.True);
        Assert.That(first[0], Is.Not.EqualTo(first[0] with { Line = 99 }));
        Assert.That(first[0], Is.Not.EqualTo(first[0] with { Cells = [.. first[0].Cells.Take(3), new TableCell("x", 2, 4)] }));
    }

    [Test]
    public void Loaded_tables_keep_their_rows_packed()
    {
        var loaded = InputLoader.Load(TestPaths.DemoInput);
        var tables = loaded.Input!.Disclosures.SelectMany(d => d.Tables).ToList();
        Assert.That(tables, Is.Not.Empty);
        Assert.That(tables.Select(t => t.Rows), Has.All.InstanceOf<PackedRows>());
    }

    private static string Describe(TableRow row) =>
        row.Line + ":" + string.Join("|", row.Cells.Select(c => $"{c.Line},{c.Column},{c.Text}"));
}
