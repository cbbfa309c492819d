using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DisclosureSite.Site.Render;

namespace DisclosureSite.Site.Write;

/// <summary>
/// A whole-site file written in a build that keeps a cache as a list of parts — a unit's rows of <c>data/disclosures.csv</c>
/// and <c>.json</c>, a folder's entries and a unit's items in <c>data/manifest.json</c> — each with a key of what its bytes
/// show. A part whose key is the one the previous build recorded is copied from the previous output's file (when that
/// file is as the cache recorded it); the others are made. The file's key in the build cache is its first line (for the
/// data files, the key of the whole file, as for any file) and then a line per part: its list, its name, its key, and where
/// its bytes lie in the file, so the next build knows which bytes it can take. A new process's edit made every row of these
/// files again for one changed item (docs/performance.md, "Point 2, twenty-ninth round"). The bytes are those of the file
/// made whole: the incremental tests compare every rebuild with a clean build.
/// </summary>
internal sealed class FileByParts : IDisposable
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string List, bool Copied), long> Counts = new();

    /// <summary>Parts of lists named <paramref name="list"/> copied from a previous file, and made, in this process so far (tests).</summary>
    internal static (long Copied, long Made) CountsOf(string list) => (Counts.GetValueOrDefault((list, true)), Counts.GetValueOrDefault((list, false)));

    /// <summary>One part of a list: its name (unique in the list), its key, and its rows (made only when the part is not copied).</summary>
    internal sealed record Part<T>(string Name, string Key, Func<IEnumerable<T>> Rows);

    private readonly Stream _stream;
    private readonly Previous? _previous;
    private readonly StringBuilder _key;
    private long _written;

    private FileByParts(SiteOutput output, string path, Stream stream, string firstLine)
    {
        _stream = stream;
        _previous = Previous.Open(output, path);
        _key = new StringBuilder(firstLine, 1 << 12);
    }

    /// <summary>The JSON writer of a JSON file (<see cref="JsonFile"/>), else null.</summary>
    public Utf8JsonWriter? Json { get; private init; }

    /// <summary>Takes the previous output's file over when its key's first line is <paramref name="firstLine"/> (nothing it is made of changed).</summary>
    public static bool TryReuse(SiteOutput output, string path, string firstLine) =>
        output.PreviousKeyOf(path) is { } previous && FirstLineOf(previous).SequenceEqual(firstLine) && output.TryReuse(path, previous);

    /// <summary>A CSV (or any file of raw records) written to <paramref name="stream"/> (the file at <paramref name="path"/>).</summary>
    public static FileByParts Raw(SiteOutput output, string path, Stream stream, string firstLine) => new(output, path, stream, firstLine);

    /// <summary>A JSON file written through <see cref="Json"/> (the site's writer options) to <paramref name="stream"/>.</summary>
    public static FileByParts JsonFile(SiteOutput output, string path, Stream stream, string firstLine) =>
        new(output, path, stream, firstLine) { Json = new Utf8JsonWriter(stream, SiteJson.WriterOptions) };

    /// <summary>Writes <paramref name="bytes"/> as they are (a CSV's head).</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        _stream.Write(bytes);
        _written += bytes.Length;
    }

    /// <summary>The CSV records of the parts (a list named <paramref name="list"/> in the key), each part's copied or made.</summary>
    public void Records(string list, IReadOnlyList<Part<string?[]>> parts)
    {
        using var records = new SafeCsv.Records();
        foreach (var part in parts)
        {
            var start = _written;
            if (Kept(list, part.Name, part.Key) is { } kept)
            {
                Write(kept.Span);
            }
            else
            {
                foreach (var cells in part.Rows())
                {
                    _written += records.Write(_stream, cells);
                }
            }

            Line(list, part.Name, part.Key, start, _written);
        }
    }

    /// <summary>
    /// The elements of the JSON array being written, part by part, each row an object written by <paramref name="writeRow"/>:
    /// a part's bytes lie from the line break before its first object to its last object's end, and a copied part is put
    /// back as one raw value (the writer adds the comma before it as before an object: <see cref="RowBytes"/>).
    /// </summary>
    public void Elements<T>(string list, IReadOnlyList<Part<T>> parts, Action<Utf8JsonWriter, T> writeRow)
    {
        var json = Json!;
        var first = true;
        foreach (var part in parts)
        {
            // Past the comma the writer puts before every element but the first.
            var start = json.BytesCommitted + json.BytesPending + (first ? 0 : 1);
            if (Kept(list, part.Name, part.Key) is { } kept)
            {
                json.WriteRawValue(kept.Span, skipInputValidation: true);
                first = false;
            }
            else
            {
                foreach (var row in part.Rows())
                {
                    writeRow(json, row);
                    first = false;
                }
            }

            Line(list, part.Name, part.Key, start, json.BytesCommitted + json.BytesPending);
            SiteJson.FlushSometimes(json);
        }
    }

    /// <summary>Flushes what is written; returns the file's key.</summary>
    public string Finish()
    {
        Json?.Flush();
        return _key.ToString();
    }

    public void Dispose()
    {
        Json?.Dispose();
        _previous?.Dispose();
    }

    /// <summary>The part's bytes in the previous file when it was recorded there with the same key, else null (the part is made).</summary>
    private ReadOnlyMemory<byte>? Kept(string list, string name, string key)
    {
        var kept = _previous?.Read(list, name, key);
        Counts.AddOrUpdate((list, kept is not null), 1, static (_, n) => n + 1);
        return kept;
    }

    private static ReadOnlySpan<char> FirstLineOf(string key) => key.AsSpan(0, key.IndexOf('\n') is var end and >= 0 ? end : key.Length);

    private void Line(string list, string name, string key, long start, long end) =>
        _key.Append('\n').Append(list).Append('\t').Append(name).Append('\t').Append(key).Append('\t')
            .Append(start.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(end.ToString(CultureInfo.InvariantCulture));

    /// <summary>The previous output's file and where each part lies in it, as its key says.</summary>
    private sealed class Previous : IDisposable
    {
        private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _file;
        private readonly Dictionary<(string List, string Name), (string Key, long Start, long End)> _parts;
        private byte[]? _buffer;

        private Previous(Microsoft.Win32.SafeHandles.SafeFileHandle file, Dictionary<(string, string), (string, long, long)> parts)
        {
            _file = file;
            _parts = parts;
        }

        /// <summary>The previous file when it is as the cache recorded it and its key lists its parts, else null (every part is made).</summary>
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

        /// <summary>The part's bytes when its key is the same, else null (also when the file reads short).</summary>
        public ReadOnlyMemory<byte>? Read(string list, string name, string key)
        {
            if (!_parts.TryGetValue((list, name), out var kept) || kept.Key != key)
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

        /// <summary>The parts' lines of a key (after its first line), or null when one does not parse, lies outside the file's <paramref name="bytes"/> or names a part twice.</summary>
        private static Dictionary<(string, string), (string, long, long)>? PartsOf(string key, long bytes)
        {
            var parts = new Dictionary<(string, string), (string, long, long)>();
            var lines = key.Split('\n');
            for (var i = 1; i < lines.Length; i++)
            {
                var fields = lines[i].Split('\t');
                if (fields.Length != 5
                    || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                    || !long.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
                    || start > end || end > bytes || end - start > int.MaxValue
                    || !parts.TryAdd((fields[0], fields[1]), (fields[2], start, end)))
                {
                    return null;
                }
            }

            return parts;
        }
    }
}
