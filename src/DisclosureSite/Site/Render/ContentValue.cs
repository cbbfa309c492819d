using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace DisclosureSite.Site.Render;

/// <summary>
/// A page's inner text (its kind's template, rendered) as the layout's <c>content</c>: held in the rendering thread's
/// buffer and written from there into the page's bytes by <c>{{ content | raw }}</c>, never copied into a string of its
/// own (those strings were a tenth of a clean build's allocations). Anything else a theme does with it — a filter, a
/// comparison, <c>{{ content }}</c> without <c>raw</c> — gets the plain string value, made on first use, so a theme
/// sees exactly what a string would give it.
/// </summary>
internal sealed class ContentValue : FluidValue
{
    // Pages are rendered in parallel, each whole on one thread; the layout writes its content before the thread's next page.
    [ThreadStatic]
    private static StringBuilder? _ofThread;

    private readonly StringBuilder _text;
    private readonly bool _raw;
    private StringValue? _value;

    private ContentValue(StringBuilder text, bool raw)
    {
        _text = text;
        _raw = raw;
    }

    /// <summary>Renders <paramref name="render"/> into this thread's buffer, emptied first; valid until the thread's next page.</summary>
    public static ContentValue Render(Action<TextWriter> render)
    {
        var text = _ofThread ??= new StringBuilder(16 * 1024);
        text.Clear();
        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture))
        {
            render(writer);
        }

        return new ContentValue(text, raw: false);
    }

    /// <summary>What Fluid's <c>raw</c> filter gives: the same text, written as it is.</summary>
    public static FluidValue Raw(FluidValue input) =>
        input is ContentValue content ? new ContentValue(content._text, raw: true) : new StringValue(input.ToStringValue(), false);

    /// <summary>Writes the text as UTF-8 into <paramref name="page"/>.</summary>
    public void WriteTo(TextWriter page)
    {
        foreach (var chunk in _text.GetChunks())
        {
            page.Write(chunk.Span);
        }
    }

    public override FluidValues Type => FluidValues.String;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        if (!_raw)
        {
            return String.WriteToAsync(writer, encoder, cultureInfo);
        }

        WriteTo(writer);
        return ValueTask.CompletedTask;
    }

    [Obsolete("Fluid's synchronous write; WriteToAsync is what templates call.")]
    public override void WriteTo(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) =>
        WriteToAsync(writer, encoder, cultureInfo).AsTask().GetAwaiter().GetResult();

    public override bool Equals(FluidValue other) => String.Equals(other);

    public override bool ToBooleanValue() => String.ToBooleanValue();

    public override decimal ToNumberValue() => String.ToNumberValue();

    public override string ToStringValue() => String.ToStringValue();

    public override object ToObjectValue() => String.ToObjectValue();

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => String.GetValueAsync(name, context);

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) => String.GetIndexAsync(index, context);

    public override bool Contains(FluidValue value) => String.Contains(value);

    public override IEnumerable<FluidValue> Enumerate(TemplateContext context) => String.Enumerate(context);

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => String.GetHashCode();

    // The plain string value, as Fluid would have held it (encoded when written, unless raw).
    private StringValue String => _value ??= new StringValue(_text.ToString(), encode: !_raw);
}
