using System.Globalization;
using DisclosureSite.Model;
using YamlDotNet.RepresentationModel;

namespace DisclosureSite.Loading;

/// <summary>
/// Typed, checked access to the keys of a YAML mapping. Unknown keys, wrong types, bad dates and
/// periods become findings at the key's line and column; values that fail read as null.
/// </summary>
public sealed class YamlFields
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly FindingSink _sink;
    private readonly int _lineOffset;
    private readonly string? _unit;
    private readonly string? _period;
    private readonly string? _item;

    public YamlFields(YamlMappingNode node, string file, FindingSink sink, IReadOnlyCollection<string> knownKeys, int lineOffset = 0, string? unit = null, string? period = null, string? item = null)
    {
        File = file;
        Node = node;
        _sink = sink;
        _lineOffset = lineOffset;
        _unit = unit;
        _period = period;
        _item = item;
        foreach (var (k, v) in node.Children)
        {
            if (k is not YamlScalarNode key || key.Value is null)
            {
                Report(FindingCodes.Syntax, k, Messages.YamlKeyNotText());
                continue;
            }

            if (!knownKeys.Contains(key.Value))
            {
                Report(FindingCodes.Syntax, key, Messages.UnknownKey(key.Value, Suggest(key.Value, knownKeys), knownKeys));
                continue;
            }

            _entries[key.Value] = (key, v);
        }
    }

    public string File { get; }

    public YamlMappingNode Node { get; }

    public SourceRef At(YamlNode node) => node.At(File, _lineOffset);

    public SourceRef AtKey(string key) => _entries.TryGetValue(key, out var e) ? At(e.Key) : At(Node);

    public bool Has(string key) => _entries.ContainsKey(key);

    public YamlNode? Value(string key) => _entries.TryGetValue(key, out var e) ? e.Value : null;

    private void Report(string code, YamlNode node, LocalizedText text) => _sink.Report(code, At(node), text, _unit, _period, _item);

    /// <summary>Reports at the key's value (where the clerk has to change something), or at the key if it has none.</summary>
    public void ReportAt(string key, string code, LocalizedText text) =>
        _sink.Report(code, _entries.TryGetValue(key, out var e) ? At(e.Value) : At(Node), text, _unit, _period, _item);

    public string? String(string key, bool required = false)
    {
        if (!_entries.TryGetValue(key, out var e))
        {
            if (required)
            {
                _sink.Report(FindingCodes.MissingField, At(Node), Messages.MissingKey(key), _unit, _period, _item);
            }

            return null;
        }

        if (e.Value is not YamlScalarNode scalar)
        {
            Report(FindingCodes.Syntax, e.Value, Messages.ExpectedText(key));
            return null;
        }

        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value) || (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "~" or "null"))
        {
            if (required)
            {
                Report(FindingCodes.MissingField, e.Key, Messages.MissingKey(key));
            }

            return null;
        }

        return value;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (Dates.TryParse(text, out var date))
        {
            return date;
        }

        Report(FindingCodes.BadDate, _entries[key].Value, Messages.BadDate(key, text));
        return null;
    }

    public Period? Period(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (Model.Period.TryParse(text, out var p))
        {
            return p;
        }

        Report(FindingCodes.BadPeriod, _entries[key].Value, Messages.BadPeriod(text));
        return null;
    }

    public decimal? Decimal(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (Amount.TryParse(text, out var value))
        {
            return value;
        }

        Report(FindingCodes.Syntax, _entries[key].Value, Messages.BadNumber(key, text));
        return null;
    }

    public int? Int(string key, int min = 0, int max = int.MaxValue)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Report(FindingCodes.Syntax, _entries[key].Value, Messages.BadInteger(key, text, min, max));
        return null;
    }

    /// <summary>A list of strings: <c>[a, b]</c>, a block sequence, or a single scalar.</summary>
    public IReadOnlyList<string> StringList(string key)
    {
        var node = Value(key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value):
                return [s.Value!.Trim()];
            case YamlScalarNode:
                return [];
            case YamlSequenceNode seq:
                var list = new List<string>();
                foreach (var child in seq.Children)
                {
                    if (child is YamlScalarNode cs && !string.IsNullOrWhiteSpace(cs.Value))
                    {
                        list.Add(cs.Value!.Trim());
                    }
                    else
                    {
                        Report(FindingCodes.Syntax, child, Messages.ExpectedTextList(key));
                    }
                }

                return list;
            default:
                Report(FindingCodes.Syntax, node, Messages.ExpectedTextList(key));
                return [];
        }
    }

    public YamlMappingNode? Mapping(string key)
    {
        var node = Value(key);
        if (node is null or YamlMappingNode)
        {
            return (YamlMappingNode?)node;
        }

        if (node is YamlScalarNode { Value: null or "" or "~" })
        {
            return null;
        }

        Report(FindingCodes.Syntax, node, Messages.ExpectedMapping(key));
        return null;
    }

    public YamlSequenceNode? Sequence(string key)
    {
        var node = Value(key);
        if (node is null or YamlSequenceNode)
        {
            return (YamlSequenceNode?)node;
        }

        if (node is YamlScalarNode { Value: null or "" or "~" })
        {
            return null;
        }

        Report(FindingCodes.Syntax, node, Messages.ExpectedList(key));
        return null;
    }

    /// <summary>The known key closest to a misspelt one (edit distance ≤ 2), to say "did you mean".</summary>
    public static string? Suggest(string key, IEnumerable<string> known) =>
        known.Select(k => (k, d: EditDistance(key.ToLowerInvariant(), k))).Where(x => x.d <= 2).OrderBy(x => x.d).Select(x => x.k).FirstOrDefault();

    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}
