using System.Buffers;
using System.Text.Json;
using DisclosureSite.Site.Render;

namespace DisclosureSite.Site.Write;

/// <summary>
/// The bytes of one row of a whole-site data file, as the file holds it, so that a long-lived session (the preview,
/// <see cref="DigestMemory"/>) can put the file together again from the rows it kept and make only the rows that
/// changed (a county's manifest is 130,000 entries; an edit changes a handful). The file's bytes are those of the
/// writer that streams it whole: the session's tests compare every rebuild with a clean build.
/// </summary>
internal static class RowBytes
{
    /// <summary>
    /// JSON objects as <see cref="SiteJson.WriterOptions"/> writes them as elements of an array that is a property of
    /// the root object (the data files' shape): the line break and indentation before the object, then the object with its
    /// inner lines indented for that depth. Put back with <see cref="Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/>
    /// into such an array, the writer adds the comma between elements (and the line break before the array's end) as
    /// it would for the object itself.
    /// </summary>
    internal sealed class Json : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(4096);
        private readonly Utf8JsonWriter _json;

        public Json()
        {
            _json = new Utf8JsonWriter(_buffer, SiteJson.WriterOptions);
            _json.WriteStartObject();
            _json.WriteStartArray("rows");
            _json.Flush();
            _buffer.ResetWrittenCount();
        }

        /// <summary>The bytes of the object <paramref name="write"/> writes for <paramref name="row"/>.</summary>
        public byte[] Of<T>(T row, Action<Utf8JsonWriter, T> write)
        {
            write(_json, row);
            _json.Flush();
            var written = _buffer.WrittenSpan;
            var bytes = (written[0] == (byte)',' ? written[1..] : written).ToArray();
            _buffer.ResetWrittenCount();
            return bytes;
        }

        public void Dispose() => _json.Dispose();
    }

    /// <summary>Writes rows kept by <see cref="Json"/> as the elements of the array being written.</summary>
    internal static void WriteRaw(Utf8JsonWriter json, IEnumerable<byte[]> rows)
    {
        foreach (var row in rows)
        {
            json.WriteRawValue(row, skipInputValidation: true);
            SiteJson.FlushSometimes(json);
        }
    }

    /// <summary>Writes <paramref name="head"/> then every row to <paramref name="stream"/>, gathered into large writes.</summary>
    internal static void WriteAll(Stream stream, byte[] head, IEnumerable<byte[]> rows)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 18);
        try
        {
            var used = 0;
            foreach (var part in rows.Prepend(head))
            {
                if (used + part.Length > buffer.Length)
                {
                    stream.Write(buffer, 0, used);
                    used = 0;
                }

                if (part.Length > buffer.Length)
                {
                    stream.Write(part);
                    continue;
                }

                part.CopyTo(buffer, used);
                used += part.Length;
            }

            stream.Write(buffer, 0, used);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
