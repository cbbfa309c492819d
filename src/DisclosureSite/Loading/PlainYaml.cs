using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DisclosureSite.Loading;

/// <summary>
/// The parsing events YamlDotNet gives for the front matter clerks write — <c>key: value</c> lines, and under a
/// <c>key:</c> a block list of such mappings (<c>  - file: …</c>, <c>    schema: …</c>) — made in one pass over the
/// text, with the same values, styles and marks, for YamlDotNet's representation model to build its nodes from
/// (<see cref="YamlText.Parse"/>). Anything else is null and goes to YamlDotNet's own parser: a comment, a quote, a flow
/// collection, an anchor or tag, a blank line, another indentation, a multi-line or empty value, a carriage return, a
/// character outside the Basic Multilingual Plane, and every sign that could give a plain scalar another meaning.
/// We keep this one because YamlDotNet's scanner was ~15 % of a cold <c>check</c>'s CPU for front matter of a few lines
/// (docs/performance.md, "Point 1, fifteenth round"); PlainYamlTests hold the two to the same nodes and marks.
/// </summary>
internal static class PlainYaml
{
    /// <summary>Keys are ASCII names (<c>opening_balance</c>, <c>publish_at</c>).</summary>
    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>The events of <paramref name="text"/>, or null when it is not of the plain shape above.</summary>
    public static IParser? TryParse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        // The document and its mapping start at the first key, the text's first character.
        var zero = new Mark(0, 1, 1);
        var events = new List<ParsingEvent>(32)
        {
            new StreamStart(zero, zero),
            new DocumentStart(null, null, true, zero, zero),
            new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, zero, zero),
        };

        var lines = 0;
        var at = 0;
        var inList = false;     // under a "key:" whose block list is open
        var inItem = false;     // inside one of its items' mappings
        while (at < text.Length)
        {
            var end = text.IndexOf('\n', at);
            if (end < 0)
            {
                end = text.Length;
            }

            lines++;
            var line = text.AsSpan(at, end - at);
            var here = new Mark(at, lines, 1);

            if (line.StartsWith("  - "))
            {
                // A new item of the open list: its mapping starts at its first key.
                if (!inList)
                {
                    return null;
                }

                var dash = new Mark(at + 2, lines, 3);
                if (inItem)
                {
                    events.Add(new MappingEnd(dash, dash));
                }

                var key = new Mark(at + 4, lines, 5);
                events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, key, key));
                inItem = true;
                if (!Pair(text, at + 4, end, lines, 5, events))
                {
                    return null;
                }
            }
            else if (line.StartsWith("    "))
            {
                // Another key of the current item.
                if (!inItem || !Pair(text, at + 4, end, lines, 5, events))
                {
                    return null;
                }
            }
            else
            {
                // A key of the front matter itself: it closes an open list.
                if (inList)
                {
                    // (An open list always has an item: "key:" is taken only with "  - " on the next line.)
                    events.Add(new MappingEnd(here, here));
                    events.Add(new SequenceEnd(here, here));
                    inList = inItem = false;
                }

                var keyEnd = KeyEnd(text, at, end);
                if (keyEnd < 0)
                {
                    return null;
                }

                if (keyEnd + 1 == end)
                {
                    // "key:" alone opens a block list, which must follow on the next line.
                    events.Add(Key(text, at, keyEnd, lines, 1));
                    var next = end + 1;
                    if (next + 4 > text.Length || string.CompareOrdinal(text, next, "  - ", 0, 4) != 0)
                    {
                        return null;
                    }

                    var dash = new Mark(next + 2, lines + 1, 3);
                    events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, dash, dash));
                    inList = true;
                }
                else if (!Pair(text, at, end, lines, 1, events))
                {
                    return null;
                }
            }

            at = end + 1;
        }

        // The blocks end where the text does: on the line after a final line break, else after the last character.
        var last = text.EndsWith('\n') ? new Mark(text.Length, lines + 1, 1) : new Mark(text.Length, lines, text.Length - text.LastIndexOf('\n'));
        if (inList)
        {
            events.Add(new MappingEnd(last, last));
            events.Add(new SequenceEnd(last, last));
        }

        events.Add(new MappingEnd(last, last));
        events.Add(new DocumentEnd(true, last, last));
        events.Add(new StreamEnd(last, last));
        return new Replay(events);
    }

    /// <summary>Where the ASCII key starting at <paramref name="from"/> ends (its colon), or -1.</summary>
    private static int KeyEnd(string text, int from, int lineEnd)
    {
        var i = from;
        while (i < lineEnd && IsKeyChar(text[i]))
        {
            i++;
        }

        return i > from && i < lineEnd && text[i] == ':' ? i : -1;
    }

    /// <summary><c>key: value</c> from <paramref name="from"/> (at <paramref name="column"/>) to the line's end, as a key and a value scalar; false when it is not one.</summary>
    private static bool Pair(string text, int from, int lineEnd, int line, int column, List<ParsingEvent> events)
    {
        var colon = KeyEnd(text, from, lineEnd);
        if (colon < 0 || colon + 1 >= lineEnd || text[colon + 1] != ' ')
        {
            return false;
        }

        var start = colon + 1;
        while (start < lineEnd && text[start] == ' ')
        {
            start++;
        }

        if (start == lineEnd || !IsPlainValue(text.AsSpan(start, lineEnd - start)))
        {
            return false;
        }

        events.Add(Key(text, from, colon, line, column));
        var valueColumn = column + (start - from);
        events.Add(new Scalar(AnchorName.Empty, TagName.Empty, text[start..lineEnd], ScalarStyle.Plain, true, false,
            new Mark(start, line, valueColumn), new Mark(lineEnd, line, valueColumn + (lineEnd - start)), false));
        return true;
    }

    private static Scalar Key(string text, int from, int colon, int line, int column) =>
        new(AnchorName.Empty, TagName.Empty, text[from..colon], ScalarStyle.Plain, true, false,
            new Mark(from, line, column), new Mark(colon, line, column + (colon - from)), true);

    /// <summary>
    /// A one-line plain scalar that means itself: it does not start with a sign YAML reads as an indicator, ends in no
    /// space, and holds no control character, surrogate or sign that could start a comment, a flow collection, an
    /// anchor, alias, tag, quote, block scalar or directive, or end a key (<c>:</c>).
    /// </summary>
    private static bool IsPlainValue(ReadOnlySpan<char> value)
    {
        if (value[0] is '-' or '?' || value[^1] == ' ')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c < ' ' || c == '\u007f' || char.IsSurrogate(c) || c is ':' or '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`'
                || c is '\u0085' or '\u2028' or '\u2029' or '\ufeff')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The events made, handed to YamlDotNet's model one by one.</summary>
    private sealed class Replay(List<ParsingEvent> events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            if (_next >= events.Count)
            {
                Current = null;
                return false;
            }

            Current = events[_next++];
            return true;
        }
    }
}
