using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace DisclosureSite.Site.Render;

/// <summary>
/// The theme's Liquid templates, parsed once per build and cached (Fluid's parse-once, render-many). A page is
/// its kind's template (<c>layouts/item.liquid</c>) rendered into a base layout (<c>layouts/base.liquid</c>) as
/// <c>content</c>. Partials come through <see cref="ThemeFiles"/>, so a township's override of a partial is used too.
/// The files were read before Render (<see cref="Load.ReadTheme"/>): parsing and rendering read none.
/// </summary>
public sealed class ThemeTemplates
{
    // Escapes HTML-special characters only: Chinese text stays readable (and small) in the output.
    private static readonly TextEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly FluidParser _parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _cache = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options;
    private readonly ConcurrentDictionary<(string Kind, string Layout, string Word), bool> _mentions = new();

    public ThemeTemplates(ThemeFiles files)
    {
        Files = files;
        _options = new TemplateOptions
        {
            FileProvider = files,
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },

            // A partial that includes itself (directly or round a cycle) stops here, with a message, not a stack overflow.
            MaxRecursion = 20,
        };
        LiquidFilters.Register(_options.Filters);
        TableRowsTag.Register(_parser);
    }

    public ThemeFiles Files { get; }

    /// <summary>
    /// Renders <c>layouts/{kind}.liquid</c> into <paramref name="writer"/>: a page's outer layout goes straight into the
    /// UTF-8 bytes written to disk, never held as a string as well (a tenth of a clean build's allocations).
    /// </summary>
    public void Render(string kind, IReadOnlyDictionary<string, object?> variables, TextWriter writer) =>
        Render(kind, variables, (template, context) =>
        {
            RenderInto(template, context, writer);
            return 0;
        });

    /// <summary>
    /// Renders a page's own template, <c>layouts/{kind}.liquid</c>, into the thread's content buffer: its layout then
    /// writes it as <c>content</c> from there (<see cref="ContentValue"/>).
    /// </summary>
    internal ContentValue RenderContent(string kind, IReadOnlyDictionary<string, object?> variables) =>
        Render(kind, variables, static (template, context) => ContentValue.Render(writer => RenderInto(template, context, writer)));

    private static void RenderInto(IFluidTemplate template, TemplateContext context, TextWriter writer)
    {
        // Fluid's own Render does the same: its statements complete synchronously on a synchronous writer.
        var task = template.RenderAsync(writer, Encoder, context);
        if (!task.IsCompletedSuccessfully)
        {
            task.AsTask().GetAwaiter().GetResult();
        }
    }

    private T Render<T>(string kind, IReadOnlyDictionary<string, object?> variables, Func<IFluidTemplate, TemplateContext, T> render)
    {
        var template = Get("layouts/" + kind + ".liquid");
        var context = new TemplateContext(_options);
        foreach (var (name, value) in variables)
        {
            // A view reads its members through its generated wrapper, not Fluid's reflection (LiquidViews).
            if (Views.LiquidViews.Wrap(value) is { } view)
            {
                context.SetValue(name, view);
            }
            else
            {
                context.SetValue(name, value);
            }
        }

        try
        {
            return render(template, context);
        }
        catch (Exception e) when (e is not ThemeException and (FileNotFoundException or InvalidOperationException or Fluid.ParseException or ArgumentException or NullReferenceException or FormatException or InvalidCastException or IndexOutOfRangeException))
        {
            // A missing or cyclic include, or a template that fails on this page's data: the theme's fault, told as such.
            throw new ThemeException($"模板 layouts/{kind}.liquid 渲染失败(包含的文件缺失、互相包含成环,或模板出错):{e.Message}");
        }
    }

    /// <summary>
    /// Whether a page of <paramref name="kind"/> in <paramref name="layout"/> may read <paramref name="word"/>: its two
    /// templates or any partial (overrides included) mention it. Used to leave a variable out of a page's render key.
    /// </summary>
    /// <remarks>Asked for every page's key; the theme passed as the factory's argument, so that a found answer makes no delegate.</remarks>
    public bool Mentions(string kind, string layout, string word) =>
        _mentions.GetOrAdd((kind, layout, word), static (k, files) =>
            new[] { "layouts/" + k.Kind + ".liquid", "layouts/" + k.Layout + ".liquid" }.Concat(files.FilesUnder("partials"))
                .Select(files.Bytes)
                .Any(bytes => bytes is not null && Text(bytes).Contains(k.Word, StringComparison.Ordinal)), Files);

    private IFluidTemplate Get(string relative) => _cache.GetOrAdd(relative, Parse);

    /// <summary>
    /// Parses every layout before the first page asks for it (a build does this beside Load, on a core Load leaves idle).
    /// A layout that does not parse is left alone: the first page that uses it reports it, as it would have.
    /// </summary>
    public void ParseLayouts()
    {
        foreach (var relative in Files.FilesUnder("layouts"))
        {
            if (relative.EndsWith(".liquid", StringComparison.Ordinal) && Files.Bytes(relative) is { } bytes && _parser.TryParse(Text(bytes), out var template, out _))
            {
                _cache.TryAdd(relative, template);
            }
        }
    }

    private IFluidTemplate Parse(string relative)
    {
        var bytes = Files.Bytes(relative) ?? throw new ThemeException($"The theme has no template '{relative}' (looked in input/theme/ and {Files.DefaultRoot}).");
        var path = Files.Resolve(relative);
        if (!_parser.TryParse(Text(bytes), out var template, out var error))
        {
            throw new ThemeException($"Template {path}: {error}");
        }

        return template;
    }

    /// <summary>A template's text as <see cref="File.ReadAllText(string)"/> reads it: UTF-8 unless a byte-order mark says otherwise.</summary>
    private static string Text(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}

/// <summary>A theme file is missing or is not valid Liquid: the build stops with this message.</summary>
public sealed class ThemeException(string message) : Exception(message);
