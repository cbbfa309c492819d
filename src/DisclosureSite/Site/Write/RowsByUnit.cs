using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DisclosureSite.Site.Render;

namespace DisclosureSite.Site.Write;

/// <summary>
/// A whole-site data file of rows that come unit by unit (<c>data/disclosures.csv</c> and <c>.json</c>), in a build that
/// keeps a cache: each unit whose rows' key (<see cref="StepDigests.UnitRows"/>) is the one the previous build recorded
/// has its rows copied from the previous output's file, the others' rows are made. The file's key in the build cache is
/// its whole key (what the file is made of, as for any file) and then a line per unit — its id, its rows' key, and where
/// its rows lie in the file — so the next build knows which bytes it can take. A new process's edit made every row of
/// every unit again (~40 ms of CPU at 50 villages for one changed unit; docs/performance.md, "Point 2, twenty-ninth round").
/// The bytes are those of the file made whole: the incremental tests compare every rebuild with a clean build.
/// </summary>
internal static class RowsByUnit
{
    private static long _copied;
    private static long _made;

    /// <summary>Units' rows copied from a previous file in this process so far (tests).</summary>
    internal static long Copied => Interlocked.Read(ref _copied);

    /// <summary>Units' rows made in this process so far (tests).</summary>
    internal static long Made => Interlocked.Read(ref _made);

    /// <summary>One unit's part of the file: its id, its rows' key, and its rows' cells (made only when its rows are not copied).</summary>
    internal sealed record Part(string Unit, string Key, Func<IEnumerable<string?[]>> Rows);

    /// <summary>Takes the previous output's file over when its whole key is <paramref name="wholeKey"/>.</summary>
    public static bool TryReuse(SiteOutput output, string path, string wholeKey) =>
        output.PreviousKeyOf(path) is { } previous && WholeOf(previous).SequenceEqual(wholeKey) && output.TryReuse(path, previous);

    /// <summary>The CSV: <paramref name="head"/> (its BOM and header line), then every unit's records.</summary>
    public static void WriteCsv(SiteOutput output, string path, string wholeKey, byte[] head, IReadOnlyList<Part> parts) =>
        output.Write(path, stream =>
        {
            using var previous = Previous.Open(output, path);
            using var records = new SafeCsv.Records();
            var key = new StringBuilder(wholeKey, wholeKey.Length + (parts.Count * 96));
            stream.Write(head);
            long at = head.Length;
            foreach (var part in parts)
            {
                var start = at;
                if (previous?.Read(part) is { } kept)
                {
                    stream.Write(kept.Span);
                    at += kept.Length;
                    Interlocked.Increment(ref _copied);
                }
                else
                {
                    Interlocked.Increment(ref _made);
                    foreach (var cells in part.Rows())
                    {
                        at += records.Write(stream, cells);
                    }
                }

                Line(key, part, start, at);
            }

            return key.ToString();
        });

    /// <summary>
    /// The JSON <c>{"as_of": …, "<paramref name="list"/>": [rows]}</c>, each row an object written by <paramref name="writeRow"/>
    /// (the bytes of <c>RenderDataDownloads.WriteDisclosuresJson</c>): a unit's rows lie from the line break before its first
    /// object to its last object's end, and a copied unit's are put back as one raw value (the writer adds the comma before it).
    /// </summary>
    public static void WriteJson(SiteOutput output, string path, string wholeKey, string asOf, string list, Action<Utf8JsonWriter, string?[]> writeRow, IReadOnlyList<Part> parts) =>
        output.Write(path, stream =>
        {
            using var previous = Previous.Open(output, path);
            var key = new StringBuilder(wholeKey, wholeKey.Length + (parts.Count * 96));
            using var json = new Utf8JsonWriter(stream, SiteJson.WriterOptions);
            json.WriteStartObject();
            json.WriteString("as_of", asOf);
            json.WriteStartArray(list);
            var first = true;
            foreach (var part in parts)
            {
                // Past the comma the writer puts before every element but the first.
                var start = json.BytesCommitted + json.BytesPending + (first ? 0 : 1);
                if (previous?.Read(part) is { } kept)
                {
                    json.WriteRawValue(kept.Span, skipInputValidation: true);
                    first = false;
                    Interlocked.Increment(ref _copied);
                }
                else
                {
                    Interlocked.Increment(ref _made);
                    foreach (var cells in part.Rows())
                    {
                        writeRow(json, cells);
                        first = false;
                    }
                }

                Line(key, part, start, json.BytesCommitted + json.BytesPending);
                SiteJson.FlushSometimes(json);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            return key.ToString();
        });

    private static ReadOnlySpan<char> WholeOf(string key) => key.AsSpan(0, key.IndexOf('\n') is var end and >= 0 ? end : key.Length);

    private static void Line(StringBuilder key, Part part, long start, long end) =>
        key.Append('\n').Append(part.Unit).Append('\t').Append(part.Key).Append('\t')
            .Append(start.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(end.ToString(CultureInfo.InvariantCulture));

    /// <summary>The previous output's file and where each unit's rows lie in it, as its key says (units with no rows left out).</summary>
    private sealed class Previous : IDisposable
    {
        private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _file;
        private readonly Dictionary<string, (string Key, long Start, long End)> _parts;
        private byte[]? _buffer;

        private Previous(Microsoft.Win32.SafeHandles.SafeFileHandle file, Dictionary<string, (string Key, long Start, long End)> parts)
        {
            _file = file;
            _parts = parts;
        }

        /// <summary>The previous file when it is as the cache recorded it and its key lists its units, else null (every row is made).</summary>
        public static Previous? Open(SiteOutput output, string path)
        {
            if (output.OpenPrevious(path) is not { } previous)
            {
                return null;
            }

            if (previous.Key is { } key && PartsOf(key, previous.Bytes) is { Count: > 0 } parts)
            {
                return new Previous(previous.Handle, parts);
            }

            previous.Handle.Dispose();
            return null;
        }

        /// <summary>The unit's rows from the previous file when their key is the same, else null (also when the file reads short).</summary>
        public ReadOnlyMemory<byte>? Read(Part part)
        {
            if (!_parts.TryGetValue(part.Unit, out var kept) || kept.Key != part.Key)
            {
                return null;
            }

            var length = checked((int)(kept.End - kept.Start));
            if (_buffer is null || _buffer.Length < length)
            {
                if (_buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(_buffer);
                }

                _buffer = ArrayPool<byte>.Shared.Rent(length);
            }

            try
            {
                var read = 0;
                while (read < length && RandomAccess.Read(_file, _buffer.AsSpan(read, length - read), kept.Start + read) is var n and > 0)
                {
                    read += n;
                }

                return read == length ? _buffer.AsMemory(0, length) : null;
            }
            catch (IOException)
            {
                return null;
            }
        }

        public void Dispose()
        {
            _file.Dispose();
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }
        }

        /// <summary>The units' lines of a key (after its first line), or null when one does not parse, lies outside the file's <paramref name="bytes"/> or names a unit twice.</summary>
        private static Dictionary<string, (string Key, long Start, long End)>? PartsOf(string key, long bytes)
        {
            var parts = new Dictionary<string, (string, long, long)>(StringComparer.Ordinal);
            var lines = key.Split('\n');
            for (var i = 1; i < lines.Length; i++)
            {
                var fields = lines[i].Split('\t');
                if (fields.Length != 4
                    || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                    || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
                    || start > end || end > bytes || end - start > int.MaxValue
                    || !parts.TryAdd(fields[0], (fields[1], start, end)))
                {
                    return null;
                }
            }

            return parts;
        }
    }
}
