using System.Text;
using DisclosureSite.Ledger;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Revisions;

namespace DisclosureSite.Site.Render.Views;

/// <summary>
/// One recorded revision of an item on its page: number, date, what happened, the note, and what changed from the one
/// before — in words (<see cref="Changes"/>: "第3行 支出 由 1,200.00 改为 1,020.00", "标题由……改为……") and as the
/// changed paragraphs with the changed words marked (<see cref="Paragraphs"/>). Never file names, field names or YAML.
/// </summary>
public sealed record RevisionView(
    long Number,
    string Date,
    string Change,
    string? Note,
    string? Reason,
    int Seq,
    string ContentSha256,
    IReadOnlyList<string> Changes,
    IReadOnlyList<ParagraphDiffView> Paragraphs,
    bool HasDiff,
    bool DiffUnavailable);

/// <summary>A paragraph of the text that changed (<c>op</c>: changed, ins, del) as spans of same, deleted and inserted words.</summary>
public sealed record ParagraphDiffView(string Op, IReadOnlyList<SpanView> Spans);

/// <summary>A run of text in a paragraph diff: <c>op</c> is same, del or ins.</summary>
public sealed record SpanView(string Op, string Text);

/// <summary>Turns the ledger's revision history of an item into what the item page shows.</summary>
public static class RevisionViews
{
    /// <summary>Front matter fields a villager may care about, in their words; other fields changing are said once.</summary>
    private static readonly (string Key, string Name, Func<string, string> Show)[] Fields =
    [
        ("title", "标题", v => $"“{v}”"),
        ("published", "公开日期", Date),
        ("publish_at", "公开时间", Date),
        ("withdraw_at", "公示截止日期", Date),
        ("withdrawn", "撤下原因", v => $"“{v}”"),
        ("nil", "“本期无此类事项”说明", v => $"“{v}”"),
        ("opening_balance", "期初结余", Money),
        ("closing_balance", "期末结余", Money),
    ];

    /// <param name="history">The item's recorded revisions.</param>
    /// <param name="captionOf">The caption of a table by its file name (the item's current tables), so a table is named as villagers see it.</param>
    public static IReadOnlyList<RevisionView> Of(ItemHistory? history, Func<string, string?>? captionOf = null)
    {
        if (history is null || !history.HasRevisions)
        {
            return [];
        }

        return history.Revisions.Select(r =>
        {
            var changes = new List<string>();
            IReadOnlyList<ParagraphDiffView> paragraphs = [];
            if (r.Diff is { } diff)
            {
                var (oldText, newText) = Sides(diff.Text);
                var (oldMeta, oldBody) = Split(oldText);
                var (newMeta, newBody) = Split(newText);
                changes.AddRange(MetaChanges(oldMeta, newMeta));
                paragraphs = Paragraphs(oldBody, newBody);
                foreach (var t in diff.Tables)
                {
                    var file = t.File[(t.File.LastIndexOf('/') + 1)..];
                    changes.AddRange(TableChanges(t, captionOf?.Invoke(file) ?? "附表"));
                }

                changes.AddRange(diff.OtherFilesChanged.Select(f => $"附件 {f[(f.LastIndexOf('/') + 1)..]} 有改动。"));
            }

            return new RevisionView(
                r.Revision,
                Dates.Iso(r.Date),
                r.Change switch { LedgerChange.New => "首次发布", LedgerChange.Revised => "修订", _ => "撤下" },
                r.Note,
                r.WithdrawnReason,
                (int)r.Seq,
                r.ContentSha256,
                changes,
                paragraphs,
                r.Diff is not null,
                r.DiffUnavailable);
        }).Reverse().ToList();
    }

    /// <summary>The old and the new file, put back together from the line diff.</summary>
    private static (List<string> Old, List<string> New) Sides(IReadOnlyList<DiffLine> lines) =>
        (lines.Where(l => l.Op != DiffOp.Added).Select(l => l.Text).ToList(), lines.Where(l => l.Op != DiffOp.Removed).Select(l => l.Text).ToList());

    /// <summary>Front matter (between the first two <c>---</c> lines) and body.</summary>
    private static (List<string> Meta, List<string> Body) Split(List<string> lines)
    {
        if (lines.Count == 0 || lines[0].Trim() != "---")
        {
            return ([], lines);
        }

        var end = lines.FindIndex(1, l => l.Trim() == "---");
        return end < 0 ? ([], lines) : (lines.GetRange(1, end - 1), lines.GetRange(end + 1, lines.Count - end - 1));
    }

    /// <summary>Top-level <c>key: value</c> lines; nested blocks (tables:, attachments:) are kept whole under their key.</summary>
    private static Dictionary<string, string> FieldsOf(List<string> meta)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        foreach (var line in meta)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && line[0] != '-' && line[0] != '#' && colon > 0)
            {
                key = line[..colon].Trim();
                map[key] = Unquote(line[(colon + 1)..].Trim());
            }
            else if (key is not null)
            {
                map[key] += "\n" + line;
            }
        }

        return map;
    }

    private static string Unquote(string v) => v.Length >= 2 && (v[0] == '"' || v[0] == '\'') && v[^1] == v[0] ? v[1..^1] : v;

    private static IEnumerable<string> MetaChanges(List<string> oldMeta, List<string> newMeta)
    {
        var a = FieldsOf(oldMeta);
        var b = FieldsOf(newMeta);
        var other = false;
        foreach (var key in a.Keys.Union(b.Keys, StringComparer.Ordinal))
        {
            var before = a.GetValueOrDefault(key);
            var after = b.GetValueOrDefault(key);
            if (before == after || key is "revision_note" or "corrects")
            {
                continue;
            }

            var field = Fields.FirstOrDefault(f => f.Key == key);
            if (field.Key is null)
            {
                other = true;
                continue;
            }

            yield return (before, after) switch
            {
                (null or "", _) => $"{field.Name}：填为 {field.Show(after!)}。",
                (_, null or "") => $"{field.Name}：删去了 {field.Show(before)}。",
                _ => $"{field.Name} 由 {field.Show(before)} 改为 {field.Show(after)}。",
            };
        }

        if (other)
        {
            yield return "其他登记信息（表格、附件的设置等）有改动。";
        }
    }

    private static string Date(string v) => Dates.TryParse(v, out var d) ? Dates.Chinese(d) : v;

    private static string Money(string v) => Amount.TryParse(v, out var m) ? Amount.Format(m) : v;

    /// <summary>A cell in words: an amount with separators (1,020.00), an empty cell as 空白.</summary>
    private static string Cell(string v) => v.Length == 0 ? "空白" : v.Contains('.', StringComparison.Ordinal) && Amount.TryParse(v, out var m) ? Amount.Format(m) : v;

    private static IEnumerable<string> TableChanges(TableDiff t, string caption)
    {
        if (t.ColumnsChanged)
        {
            yield return $"{caption}的列有改动：原为 {string.Join("、", t.OldColumns)}，现为 {string.Join("、", t.Columns)}。";
        }

        foreach (var r in t.Rows.Where(r => r.Op != DiffOp.Same))
        {
            var row = ((r.NewLine ?? r.OldLine) ?? 2) - 1;
            string Name(int i) => i < t.Columns.Count && t.Columns[i].Length > 0 ? t.Columns[i] : $"第{i + 1}列";
            switch (r.Op)
            {
                case DiffOp.Changed:
                    var cells = Enumerable.Range(0, r.ChangedCells.Count).Where(i => r.ChangedCells[i])
                        .Select(i => $"{Name(i)} 由 {Cell(At(r.OldCells, i))} 改为 {Cell(At(r.Cells, i))}");
                    yield return $"{caption}第{row}行 {string.Join("，", cells)}。";
                    break;
                case DiffOp.Added:
                    yield return $"{caption}新增第{row}行：{Row(r.Cells, Name)}。";
                    break;
                default:
                    yield return $"{caption}删去原第{row}行：{Row(r.Cells, Name)}。";
                    break;
            }
        }
    }

    private static string Row(IReadOnlyList<string> cells, Func<int, string> name) =>
        string.Join("，", cells.Select((c, i) => (c, i)).Where(x => x.c.Length > 0).Select(x => $"{name(x.i)} {Cell(x.c)}"));

    private static string At(IReadOnlyList<string>? cells, int i) => cells is not null && i < cells.Count ? cells[i] : string.Empty;

    /// <summary>Paragraphs (blank-line separated) aligned old to new; a replaced paragraph shows its changed words marked.</summary>
    private static List<ParagraphDiffView> Paragraphs(List<string> oldBody, List<string> newBody)
    {
        var a = Paras(oldBody);
        var b = Paras(newBody);
        var steps = LineDiff.Align(a, b, StringComparer.Ordinal);
        var result = new List<ParagraphDiffView>();
        var i = 0;
        while (i < steps.Count)
        {
            if (steps[i].Op == DiffOp.Same)
            {
                i++;
                continue;
            }

            var removed = new List<string>();
            var added = new List<string>();
            for (; i < steps.Count && steps[i].Op != DiffOp.Same; i++)
            {
                if (steps[i].Op == DiffOp.Removed)
                {
                    removed.Add(a[steps[i].Old!.Value]);
                }
                else
                {
                    added.Add(b[steps[i].New!.Value]);
                }
            }

            var pairs = Math.Min(removed.Count, added.Count);
            for (var p = 0; p < pairs; p++)
            {
                result.Add(new ParagraphDiffView("changed", Words(removed[p], added[p])));
            }

            result.AddRange(removed.Skip(pairs).Select(x => new ParagraphDiffView("del", [new SpanView("del", x)])));
            result.AddRange(added.Skip(pairs).Select(x => new ParagraphDiffView("ins", [new SpanView("ins", x)])));
        }

        return result;
    }

    private static List<string> Paras(List<string> lines)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        foreach (var line in lines.Append(string.Empty))
        {
            if (line.Trim().Length == 0)
            {
                if (current.Length > 0)
                {
                    result.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            current.Append(current.Length > 0 && !IsCjk(current[^1]) ? " " : string.Empty).Append(line.Trim());
        }

        return result;
    }

    /// <summary>The word-level difference of two paragraphs: a Chinese character is a word, so is a run of digits or Latin letters.</summary>
    private static List<SpanView> Words(string before, string after)
    {
        var a = Tokens(before);
        var b = Tokens(after);
        var spans = new List<SpanView>();
        foreach (var (op, o, n) in LineDiff.Align(a, b, StringComparer.Ordinal))
        {
            var kind = op switch { DiffOp.Removed => "del", DiffOp.Added => "ins", _ => "same" };
            var text = op == DiffOp.Removed ? a[o!.Value] : b[n!.Value];
            if (spans.Count > 0 && spans[^1].Op == kind)
            {
                spans[^1] = spans[^1] with { Text = spans[^1].Text + text };
            }
            else
            {
                spans.Add(new SpanView(kind, text));
            }
        }

        return spans;
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '.' || text[i] == ',')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || ((text[i] == '.' || text[i] == ',') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
                {
                    i++;
                }

                i = Math.Max(i, start + 1);
            }
            else
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    private static bool IsCjk(char c) => c >= '\u2e80';
}
