using System.Text;

namespace DisclosureSite.Site.Render;

/// <summary>
/// Where a page's outer layout is rendered: straight into UTF-8 bytes (no byte-order mark) in a buffer the thread
/// keeps from page to page, so a page is neither a string nor a new byte array before it is written. The bytes are
/// those <see cref="Encoding.UTF8"/> makes of the whole text at once: one encoder carries a surrogate pair split
/// between two writes, and <see cref="Complete"/> flushes it as the end of the text.
/// </summary>
internal sealed class PageWriter : TextWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Pages are rendered in parallel, each whole on one thread.
    [ThreadStatic]
    private static PageWriter? _ofThread;

    private readonly Encoder _encoder = Utf8.GetEncoder();
    private byte[] _bytes = new byte[64 * 1024];
    private int _length;

    private PageWriter()
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
    }

    public override Encoding Encoding => Utf8;

    /// <summary>This thread's writer, emptied.</summary>
    public static PageWriter Start()
    {
        var writer = _ofThread ??= new PageWriter();
        writer._length = 0;
        writer._encoder.Reset();
        return writer;
    }

    /// <summary>Ends the text; the page's bytes, valid until this thread starts its next page.</summary>
    public ReadOnlySpan<byte> Complete()
    {
        Append([], flush: true);
        return _bytes.AsSpan(0, _length);
    }

    public override void Write(char value) => Append([value], flush: false);

    public override void Write(char[] buffer, int index, int count) => Append(buffer.AsSpan(index, count), flush: false);

    public override void Write(ReadOnlySpan<char> buffer) => Append(buffer, flush: false);

    public override void Write(string? value) => Append(value, flush: false);

    // TextWriter's own asynchronous writes hand each call to a task; these are synchronous, as StringWriter's are.
    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        WriteLine(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Append(ReadOnlySpan<char> chars, bool flush)
    {
        var most = _length + Utf8.GetMaxByteCount(chars.Length);
        if (most > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(most, _bytes.Length * 2));
        }

        _length += _encoder.GetBytes(chars, _bytes.AsSpan(_length), flush);
    }
}
