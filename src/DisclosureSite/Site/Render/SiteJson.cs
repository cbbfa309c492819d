using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DisclosureSite.Model;

namespace DisclosureSite.Site.Render;

/// <summary>JSON as the site writes it: indented, Chinese left readable, and the date-source words used in the data files.</summary>
public static class SiteJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The same JSON for a <see cref="Utf8JsonWriter"/> (files written field by field, for speed).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = Options.WriteIndented,
        Encoder = Options.Encoder,
        IndentCharacter = Options.IndentCharacter,
        IndentSize = Options.IndentSize,
        NewLine = Options.NewLine,
    };

    /// <summary>Hands the writer's pending bytes to its stream once they pass 64 KiB, so a whole-site file is written as it goes.</summary>
    public static void FlushSometimes(Utf8JsonWriter json)
    {
        if (json.BytesPending > 1 << 16)
        {
            json.Flush();
        }
    }

    /// <summary>Writes <paramref name="value"/> as UTF-8 JSON in these options to a stream, in small pieces as it goes (a
    /// whole-site file is never one array in memory).</summary>
    public static void Write<T>(System.IO.Stream stream, T value) => JsonSerializer.Serialize(stream, value, Options);

    public static string DateSource(Model.DateSource source) => Publishing.Ledger.SiteContract.DateSourceKey(source);

    internal static string? Iso(DateOnly? d) => d is { } x ? Dates.Iso(x) : null;
}
