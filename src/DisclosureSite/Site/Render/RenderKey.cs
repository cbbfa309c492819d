using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render;

/// <summary>
/// The key of a rendered page for the build cache: a SHA-256 over everything its bytes are a function of — the theme
/// and tool (<see cref="Fingerprint"/>) and the page's variables, walked structurally (records, lists, dictionaries,
/// strings and numbers; views are plain immutable data, never services). Equal keys mean equal pages, so a page whose
/// key is unchanged since the previous build is not rendered again. One per build: it remembers the keys of the views
/// shared by many pages.
/// </summary>
public sealed class RenderKey
{
    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Get)[]> Properties = new();

    // Keyed by identity: views are records, and structural equality would walk the view to find its key.
    private readonly ConditionalWeakTable<object, string> _fragments = new();

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

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> bytes = stackalloc byte[1024];
        foreach (var chunk in writer.GetChunks())
        {
            var text = chunk.Span;
            while (!text.IsEmpty)
            {
                var take = Math.Min(text.Length, 256);
                if (take < text.Length && char.IsHighSurrogate(text[take - 1]))
                {
                    take--;
                }

                hash.AppendData(bytes[..Encoding.UTF8.GetBytes(text[..take], bytes)]);
                text = text[take..];
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [ThreadStatic]
    private static StringBuilder? _writer;

    private void Write(StringBuilder w, object? value, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidOperationException("A page view nests too deeply to be keyed (views must be trees of plain data).");
        }

        switch (value)
        {
            case null:
                w.Append("\u0001n");
                return;
            case string s:
                w.Append("\u0001s").Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s);
                return;
            case bool b:
                w.Append(b ? "\u0001T" : "\u0001F");
                return;
            case Enum e:
                w.Append("\u0001e").Append(e.ToString());
                return;
            case IFormattable f when value.GetType().IsPrimitive || value is decimal or DateOnly or DateTime or DateTimeOffset or TimeSpan or Guid:
                w.Append("\u0001f").Append(value.GetType().Name).Append(':').Append(f.ToString(null, CultureInfo.InvariantCulture));
                return;
            case IDictionary dictionary:
                w.Append("\u0001{");
                foreach (DictionaryEntry entry in dictionary)
                {
                    Write(w, entry.Key, depth + 1);
                    Write(w, entry.Value, depth + 1);
                }

                w.Append("\u0001}");
                return;
            case IEnumerable list:
                w.Append("\u0001[");
                foreach (var item in list)
                {
                    Write(w, item, depth + 1);
                }

                w.Append("\u0001]");
                return;
        }

        if (value is ItemLinkView or EntryView)
        {
            // Shared, immutable views (one per disclosure or entry, listed on many pages): walked once per build.
            w.Append(_fragments.GetValue(value, v =>
            {
                var fragment = new StringBuilder(512);
                WriteObject(fragment, v, depth);
                return fragment.ToString();
            }));
            return;
        }

        WriteObject(w, value, depth);
    }

    private void WriteObject(StringBuilder w, object value, int depth)
    {
        var type = value.GetType();
        if (type.IsPrimitive || type.IsPointer || typeof(Delegate).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"A page view holds a {type.Name}, which cannot be keyed.");
        }

        w.Append("\u0001o").Append(type.FullName).Append('(');
        foreach (var (name, get) in Properties.GetOrAdd(type, Getters))
        {
            w.Append(name).Append('=');
            Write(w, get(value), depth + 1);
        }

        w.Append(')');
    }

    /// <summary>A view type's public properties in declaration order, each with a compiled getter (reflection's GetValue is ~10× slower).</summary>
    private static (string Name, Func<object, object?> Get)[] Getters(Type type)
    {
        var instance = Expression.Parameter(typeof(object));
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken)
            .Select(p => (p.Name, Expression.Lambda<Func<object, object?>>(Expression.Convert(Expression.Property(Expression.Convert(instance, type), p), typeof(object)), instance).Compile()))
            .ToArray();
    }
}
