using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render;

/// <summary>
/// The key of a rendered page for the build cache: a 128-bit hash (<see cref="Digest"/>) of everything its bytes are a function of — the theme
/// and tool (<see cref="Fingerprint"/>) and the page's variables, walked structurally (records, lists, dictionaries,
/// strings and numbers; views are plain immutable data, never services). Equal keys mean equal pages, so a page whose
/// key is unchanged since the previous build is not rendered again. One per build: it remembers the keys of the views
/// shared by many pages.
/// </summary>
public sealed class RenderKey
{
    // The digests of the shared views, by identity (they live as long as the build's view factory anyway).
    private readonly ConcurrentDictionary<object, string> _fragments = new(ReferenceEqualityComparer.Instance);

    /// <summary>The theme's files (overrides included) and the code that renders them; any change → every page is rendered again.</summary>
    public static string Fingerprint(ThemeFiles theme)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        foreach (var assembly in new[] { typeof(RenderKey).Assembly, typeof(Fluid.FluidParser).Assembly, typeof(Markdig.Markdown).Assembly })
        {
            Add(assembly.ManifestModule.ModuleVersionId.ToString());
        }

        Add(CultureInfo.CurrentCulture.Name);
        Add(TimeZoneInfo.Local.Id);
        string? current = null;
        foreach (var file in theme.AllFiles())
        {
            if (file.Root != current)
            {
                Add("root " + file.Root);
                current = file.Root;
            }

            Add($"file {Path.GetRelativePath(file.Root, file.FullPath)} {file.Bytes.Length}");
            hash.AppendData(file.Bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public string Of(string fingerprint, params object?[] parts)
    {
        // One builder per thread, reused: keys are made for every page of every build.
        var writer = _writer ??= new StringBuilder(4096);
        writer.Clear();
        writer.Append(fingerprint).Append('\n');
        foreach (var part in parts)
        {
            Write(writer, part, 0);
        }

        return Digest(writer);
    }

    [ThreadStatic]
    private static StringBuilder? _writer;

    [ThreadStatic]
    private static System.IO.Hashing.XxHash128? _hash;

    /// <summary>
    /// The XxHash128 (hex) of the text's UTF-16 code units, as they are in memory (no transcoding): keys are only ever
    /// compared with keys of the same tool version (<see cref="Fingerprint"/> holds its module version id). A key tells
    /// whether a page's inputs changed since the build before, on the machine that made both; it guards nothing a
    /// committer could not change directly, so a non-cryptographic hash is enough — 128 bits, so no two inputs of a
    /// real site share one — and every item of every build is keyed: 62,298 digests of 2 KB take ~10 ms against ~150 ms
    /// with SHA-256 on this project's machine (docs/performance.md, "Point 2, ninth round").
    /// </summary>
    internal static string Digest(StringBuilder text) => Digest(text, string.Empty);

    /// <summary>As <see cref="Digest(StringBuilder)"/>, after <paramref name="prefix"/> in the same string (one string made, not two).</summary>
    internal static string Digest(StringBuilder text, string prefix)
    {
        var hash = _hash ??= new System.IO.Hashing.XxHash128();
        foreach (var chunk in text.GetChunks())
        {
            hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(chunk.Span));
        }

        Span<byte> digest = stackalloc byte[16];
        hash.GetHashAndReset(digest);
        Span<char> hex = stackalloc char[32];
        Convert.TryToHexStringLower(digest, hex, out _);
        return string.Concat(prefix, hex);
    }

    private void Write(StringBuilder w, object? value, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidOperationException("A page view nests too deeply to be keyed (views must be trees of plain data).");
        }

        if (value is null)
        {
            w.Append("\u0001n");
            return;
        }

        if (value is string s)
        {
            w.Append("\u0001s").Append(CultureInfo.InvariantCulture, $"{s.Length}:").Append(s);
            return;
        }

        var shape = Shapes.GetOrAdd(value.GetType(), ShapeOf);
        switch (shape.Kind)
        {
            case ValueKind.Boolean:
                w.Append((bool)value ? "\u0001T" : "\u0001F");
                return;
            case ValueKind.Enum:
                w.Append("\u0001e").Append(value.ToString());
                return;
            case ValueKind.Formattable:
                w.Append(shape.Header);
                Span<char> text = stackalloc char[64];
                if (value is ISpanFormattable span && span.TryFormat(text, out var written, default, CultureInfo.InvariantCulture))
                {
                    w.Append(text[..written]);
                }
                else
                {
                    w.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                }

                return;
            case ValueKind.Dictionary:
                w.Append("\u0001{");
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    Write(w, entry.Key, depth + 1);
                    Write(w, entry.Value, depth + 1);
                }

                w.Append("\u0001}");
                return;
            case ValueKind.List:
                w.Append("\u0001[");
                foreach (var item in (IEnumerable)value)
                {
                    Write(w, item, depth + 1);
                }

                w.Append("\u0001]");
                return;
            case ValueKind.Shared:
                // Shared, immutable views (one per disclosure or entry, listed on many pages): walked and hashed once per
                // build, then written as their digest. Keyed by identity: views are records, and structural equality
                // would walk the view to find its key.
                if (!_fragments.TryGetValue(value, out var digest))
                {
                    var fragment = new StringBuilder(512);
                    WriteObject(fragment, value, shape, depth);
                    digest = _fragments.GetOrAdd(value, Digest(fragment));
                }

                w.Append("\u0001h").Append(digest);
                return;
            default:
                WriteObject(w, value, shape, depth);
                return;
        }
    }

    private void WriteObject(StringBuilder w, object value, Shape shape, int depth)
    {
        w.Append(shape.Header);
        foreach (var (label, get) in shape.Properties)
        {
            w.Append(label);
            Write(w, get(value), depth + 1);
        }

        w.Append(')');
    }

    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

    private enum ValueKind
    {
        Object,
        Shared,
        Boolean,
        Enum,
        Formattable,
        Dictionary,
        List,
    }

    /// <summary>How values of one type are written: what they are, their header, and for objects their properties.</summary>
    private sealed record Shape(ValueKind Kind, string Header, (string Label, Func<object, object?> Get)[] Properties);

    private static Shape ShapeOf(Type type)
    {
        if (type == typeof(bool))
        {
            return new Shape(ValueKind.Boolean, string.Empty, []);
        }

        if (type.IsEnum)
        {
            return new Shape(ValueKind.Enum, string.Empty, []);
        }

        if (typeof(IFormattable).IsAssignableFrom(type) && (type.IsPrimitive || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid)))
        {
            return new Shape(ValueKind.Formattable, "\u0001f" + type.Name + ":", []);
        }

        if (typeof(IDictionary).IsAssignableFrom(type))
        {
            return new Shape(ValueKind.Dictionary, string.Empty, []);
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            return new Shape(ValueKind.List, string.Empty, []);
        }

        if (type.IsPrimitive || type.IsPointer || typeof(Delegate).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"A page view holds a {type.Name}, which cannot be keyed.");
        }

        var kind = type == typeof(ItemLinkView) || type == typeof(EntryView) ? ValueKind.Shared : ValueKind.Object;
        return new Shape(kind, "\u0001o" + type.FullName + "(", Getters(type).Select(g => (g.Name + "=", g.Get)).ToArray());
    }

    /// <summary>
    /// A view type's public properties in declaration order, each with a getter bound to its property (reflection's
    /// GetValue is ~10× slower). Bound as delegates, not compiled expression trees: a build keys ~400 properties, and
    /// compiling each tree (and jitting its dynamic method) cost more CPU than the typed delegates' few shared
    /// instantiations (measured in docs/performance.md, "Round two"). <c>Bind</c> is called through a delegate, not
    /// <c>MethodInfo.Invoke</c>, which emitted and jitted an invoke stub per property (64 of a build's 718 jitted methods).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "View types are records of this library, which the native binary keeps whole (TrimMode=partial trims only the framework).")]
    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "Only bound where dynamic code is supported; the native binary reads properties by reflection.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only bound where dynamic code is supported; the native binary reads properties by reflection.")]
    private static (string Name, Func<object, object?> Get)[] Getters(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            // By name: a key needs one fixed order, and the native (ahead-of-time) binary has no metadata tokens.
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p.Name, type.IsValueType || !RuntimeFeature.IsDynamicCodeSupported
                // A struct's getter takes it by reference: no such delegate; a few keyed structs (tuples) only. The native
                // binary cannot make generic instantiations it was not compiled with: its reflection reads are precompiled.
                ? p.GetValue
                : BindGetter.MakeGenericMethod(type, p.PropertyType).CreateDelegate<Func<MethodInfo, Func<object, object?>>>()(p.GetMethod!)))
            .ToArray();

    private static readonly MethodInfo BindGetter = typeof(RenderKey).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Func<object, object?> Bind<TView, TValue>(MethodInfo getter)
    {
        var get = getter.CreateDelegate<Func<TView, TValue>>();
        return view => get((TView)view);
    }
}
