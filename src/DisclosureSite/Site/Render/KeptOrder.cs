namespace DisclosureSite.Site.Render;

/// <summary>
/// A stable sort's result, and a session's memory of it (<see cref="DigestMemory"/>): the order a list of keys was put
/// in last time is taken again while the keys are the same as then, one by one (an edit changes what an item says,
/// rarely where it sorts). Checking 60,000 keys for equality costs a fraction of sorting them.
/// </summary>
internal sealed class KeptOrder<TKey>(Comparison<TKey> compare, Func<TKey, TKey, bool> same)
{
    private TKey[] _keys = [];
    private int[]? _order;

    /// <summary>The positions of <paramref name="keys"/> in sorted order (equal keys in the order given), or null when they are in order already.</summary>
    public int[]? Of(IReadOnlyList<TKey> keys)
    {
        if (keys.Count == _keys.Length && SameAsKept(keys))
        {
            return _order;
        }

        var order = Sort(keys, compare);
        _keys = [.. keys];
        _order = order;
        return order;
    }

    private bool SameAsKept(IReadOnlyList<TKey> keys)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (!same(keys[i], _keys[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The positions of <paramref name="keys"/> in sorted order (stable), or null when they are in order already.</summary>
    public static int[]? Sort(IReadOnlyList<TKey> keys, Comparison<TKey> compare)
    {
        if (InOrder(keys, compare))
        {
            return null;
        }

        var order = new int[keys.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        SortStably(order, keys, compare);
        return order;
    }

    private static bool InOrder(IReadOnlyList<TKey> keys, Comparison<TKey> compare)
    {
        for (var i = 1; i < keys.Count; i++)
        {
            if (compare(keys[i - 1], keys[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sorts positions of <paramref name="keys"/> in place, with no keys made; the position breaks ties, so the sort is stable.</summary>
    private static void SortStably(int[] positions, IReadOnlyList<TKey> keys, Comparison<TKey> compare) =>
        Array.Sort(positions, (x, y) => compare(keys[x], keys[y]) is var c && c != 0 ? c : x.CompareTo(y));

    /// <summary>
    /// As <see cref="Sort"/> with a comparison that orders by <paramref name="groupOf"/> (ordinal) first and then by
    /// <paramref name="within"/>: the same positions, found group by group. The keys are put in their groups in the
    /// order given, the groups' names sorted, and each group sorted on its own, the groups in parallel: a county's 62,000
    /// disclosures in 300 units took 16 comparisons each in one sort, and take 8 in their units' (docs/performance.md,
    /// "Points 1 and 2, seventeenth round").
    /// </summary>
    public static int[]? SortGrouped(IReadOnlyList<TKey> keys, Func<TKey, string> groupOf, Comparison<TKey> within)
    {
        if (InOrder(keys, (a, b) => string.CompareOrdinal(groupOf(a), groupOf(b)) is var c && c != 0 ? c : within(a, b)))
        {
            return null;
        }

        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            var name = groupOf(keys[i]);
            if (!groups.TryGetValue(name, out var members))
            {
                groups[name] = members = [];
            }

            members.Add(i);
        }

        var names = groups.Keys.ToArray();
        Array.Sort(names, string.CompareOrdinal);
        var parts = new int[names.Length][];
        Parallel.For(0, names.Length, g =>
        {
            var part = groups[names[g]].ToArray();
            SortStably(part, keys, within);
            parts[g] = part;
        });

        var order = new int[keys.Count];
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(order, at);
            at += part.Length;
        }

        return order;
    }

    /// <summary><paramref name="items"/> in the order <paramref name="order"/> gives (null: as they are).</summary>
    public static List<T> Apply<T>(List<T> items, int[]? order)
    {
        if (order is null)
        {
            return items;
        }

        var sorted = new List<T>(items.Count);
        foreach (var i in order)
        {
            sorted.Add(items[i]);
        }

        return sorted;
    }
}
