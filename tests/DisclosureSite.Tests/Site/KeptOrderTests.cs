using DisclosureSite.Site.Render;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// <see cref="KeptOrder{TKey}.SortGrouped"/> finds the positions <see cref="KeptOrder{TKey}.Sort"/> finds with the
/// comparison "group (ordinal), then within": the same stable order, group by group.
/// </summary>
[TestFixture]
public class KeptOrderTests
{
    private static readonly string[] Groups = ["a", "a-b", "a/b", "b", "B", "村", "村委", "z", string.Empty];

    private static int Within((string Group, int Rank, int Id) x, (string Group, int Rank, int Id) y) => x.Rank.CompareTo(y.Rank);

    private static int Whole((string Group, int Rank, int Id) x, (string Group, int Rank, int Id) y) =>
        string.CompareOrdinal(x.Group, y.Group) is var c && c != 0 ? c : Within(x, y);

    [Test]
    public void Sorting_group_by_group_gives_the_positions_of_one_stable_sort()
    {
        var random = new Random(17);
        for (var round = 0; round < 300; round++)
        {
            var count = random.Next(0, 400);
            var keys = Enumerable.Range(0, count)
                .Select(i => (Group: Groups[random.Next(round % 3 == 0 ? 2 : Groups.Length)], Rank: random.Next(round % 2 == 0 ? 3 : 1000), Id: i))
                .ToList();
            var grouped = KeptOrder<(string Group, int Rank, int Id)>.SortGrouped(keys, k => k.Group, Within);
            var whole = KeptOrder<(string Group, int Rank, int Id)>.Sort(keys, Whole);
            Assert.That(grouped, Is.EqualTo(whole), $"round {round}, {count} keys");
        }
    }

    [Test]
    public void Keys_in_order_already_need_no_positions()
    {
        var keys = new List<(string Group, int Rank, int Id)> { ("a", 1, 0), ("a", 1, 1), ("a", 2, 2), ("a-b", 0, 3), ("b", 0, 4) };
        Assert.That(KeptOrder<(string Group, int Rank, int Id)>.SortGrouped(keys, k => k.Group, Within), Is.Null);

        // A unit that comes back after another is not in order, even when each of its runs is.
        keys.Add(("a", 5, 5));
        Assert.That(KeptOrder<(string Group, int Rank, int Id)>.SortGrouped(keys, k => k.Group, Within), Is.EqualTo(new[] { 0, 1, 2, 5, 3, 4 }));
    }
}
