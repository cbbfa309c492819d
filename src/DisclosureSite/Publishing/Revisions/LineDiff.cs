namespace DisclosureSite.Publishing.Revisions;

/// <summary>What happened to a line or a row between two revisions.</summary>
public enum DiffOp
{
    Same,
    Removed,
    Added,

    /// <summary>A table row replaced by another in the same place (cells compared one by one).</summary>
    Changed,
}

/// <summary>A line of a text diff with its line numbers in the old and the new revision (1-based).</summary>
public sealed record DiffLine(DiffOp Op, string Text, int? OldLine, int? NewLine);

/// <summary>
/// Myers' O((N+M)·D) shortest edit script: the fewest lines removed and added to turn one sequence into another.
/// Used for the text of a disclosure and, row by row, for its tables.
/// </summary>
public static class LineDiff
{
    /// <summary>Above this many differences the sequences are treated as wholly replaced (bounded time and memory).</summary>
    public const int MaxEdits = 1000;

    public static IReadOnlyList<DiffLine> Lines(IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        Align(before, after, StringComparer.Ordinal)
            .Select(s => new DiffLine(s.Op, s.Op == DiffOp.Removed ? before[s.Old!.Value] : after[s.New!.Value], s.Old + 1, s.New + 1))
            .ToList();

    /// <summary>Splits text into lines (LF; a final newline does not make an empty last line).</summary>
    public static IReadOnlyList<string> SplitLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>The edit script as steps: same (both indexes), removed (old index) or added (new index), in order.</summary>
    public static IReadOnlyList<(DiffOp Op, int? Old, int? New)> Align<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, IEqualityComparer<T> eq)
    {
        // Trim the common head and tail: most revisions change a few lines in the middle.
        var head = 0;
        while (head < a.Count && head < b.Count && eq.Equals(a[head], b[head]))
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && eq.Equals(a[a.Count - 1 - tail], b[b.Count - 1 - tail]))
        {
            tail++;
        }

        var steps = new List<(DiffOp, int?, int?)>(a.Count + b.Count);
        for (var i = 0; i < head; i++)
        {
            steps.Add((DiffOp.Same, i, i));
        }

        var n = a.Count - head - tail;
        var m = b.Count - head - tail;
        steps.AddRange(Middle(a, b, head, n, m, eq));
        for (var i = 0; i < tail; i++)
        {
            steps.Add((DiffOp.Same, a.Count - tail + i, b.Count - tail + i));
        }

        return steps;
    }

    private static List<(DiffOp, int?, int?)> Middle<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, int offset, int n, int m, IEqualityComparer<T> eq)
    {
        var result = new List<(DiffOp, int?, int?)>();
        if (n == 0 || m == 0)
        {
            Replace(result, offset, n, m);
            return result;
        }

        var max = Math.Min(n + m, MaxEdits);
        var size = (2 * max) + 1;
        var v = new int[size];
        var trace = new List<int[]>();
        var found = -1;
        for (var d = 0; d <= max && found < 0; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && eq.Equals(a[offset + x], b[offset + y]))
                {
                    x++;
                    y++;
                }

                v[max + k] = x;
                if (x >= n && y >= m)
                {
                    found = d;
                    break;
                }
            }
        }

        if (found < 0)
        {
            Replace(result, offset, n, m);
            return result;
        }

        // Walk back through the saved frontiers from (n, m) to (0, 0).
        var steps = new List<(DiffOp, int?, int?)>();
        int cx = n, cy = m;
        for (var d = found; d > 0; d--)
        {
            var vd = trace[d];
            var k = cx - cy;
            var prevK = k == -d || (k != d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
            var px = vd[max + prevK];
            var py = px - prevK;
            while (cx > px && cy > py)
            {
                cx--;
                cy--;
                steps.Add((DiffOp.Same, offset + cx, offset + cy));
            }

            if (cx == px)
            {
                cy--;
                steps.Add((DiffOp.Added, null, offset + cy));
            }
            else
            {
                cx--;
                steps.Add((DiffOp.Removed, offset + cx, null));
            }
        }

        while (cx > 0 && cy > 0)
        {
            cx--;
            cy--;
            steps.Add((DiffOp.Same, offset + cx, offset + cy));
        }

        steps.Reverse();
        return GroupRemovalsFirst(steps);
    }

    /// <summary>Within each run of changes, removals come before additions, so old and new lines read as pairs.</summary>
    private static List<(DiffOp, int?, int?)> GroupRemovalsFirst(List<(DiffOp Op, int? Old, int? New)> steps)
    {
        var result = new List<(DiffOp, int?, int?)>(steps.Count);
        var i = 0;
        while (i < steps.Count)
        {
            if (steps[i].Op == DiffOp.Same)
            {
                result.Add(steps[i++]);
                continue;
            }

            var run = new List<(DiffOp Op, int? Old, int? New)>();
            while (i < steps.Count && steps[i].Op != DiffOp.Same)
            {
                run.Add(steps[i++]);
            }

            result.AddRange(run.Where(s => s.Op == DiffOp.Removed).Select(s => (s.Op, s.Old, s.New)));
            result.AddRange(run.Where(s => s.Op == DiffOp.Added).Select(s => (s.Op, s.Old, s.New)));
        }

        return result;
    }

    private static void Replace(List<(DiffOp, int?, int?)> result, int offset, int n, int m)
    {
        for (var i = 0; i < n; i++)
        {
            result.Add((DiffOp.Removed, offset + i, null));
        }

        for (var j = 0; j < m; j++)
        {
            result.Add((DiffOp.Added, null, offset + j));
        }
    }
}
