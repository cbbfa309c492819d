using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using DisclosureSite.Model;

namespace DisclosureSite.Site.Render;

/// <summary>JSON as the site writes it: indented, Chinese left readable, and the date-source words used in the data files.</summary>
public static class SiteJson
{
    /// <summary>The serializer's options: the shapes it writes are those of <see cref="SiteJsonContext"/> (generated at
    /// compile time, so the native binary needs no reflection), nothing else.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        TypeInfoResolver = SiteJsonContext.Default,
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
    public static void Write<T>(System.IO.Stream stream, T value) =>
        JsonSerializer.Serialize(stream, value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    public static string DateSource(Model.DateSource source) => Publishing.Ledger.SiteContract.DateSourceKey(source);

    internal static string? Iso(DateOnly? d) => d is { } x ? Dates.Iso(x) : null;
}

/// <summary><c>data/decisions.json</c>: every 四议两公开 decision with its steps.</summary>
public sealed record DecisionsJson([property: JsonPropertyName("as_of")] string AsOf, [property: JsonPropertyName("decisions")] IEnumerable<DecisionJson> Decisions);

public sealed record DecisionJson(
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("item")] string? Item,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("result")] string? Result,
    [property: JsonPropertyName("steps")] IEnumerable<DecisionStepJson> Steps);

/// <summary>A step of a decision; its votes keep the field names they were first published with (Present, For, …).</summary>
public sealed record DecisionStepJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("minutes")] string? Minutes,
    [property: JsonPropertyName("votes")] Votes? Votes);

/// <summary><c>data/requests.json</c>: the 民情台账 matters, each a row of named fields.</summary>
public sealed record RequestsJson([property: JsonPropertyName("as_of")] string AsOf, [property: JsonPropertyName("requests")] IReadOnlyList<Dictionary<string, object?>> Requests);

/// <summary><c>compliance.json</c> (site-wide and per unit): the compliance entries, each a row of named fields.</summary>
public sealed record ComplianceJson([property: JsonPropertyName("as_of")] string AsOf, [property: JsonPropertyName("entries")] IReadOnlyList<Dictionary<string, object?>> Entries);

/// <summary>The JSON the site writes through the serializer, generated at compile time. The rows' field values are
/// strings and numbers; a new kind of value needs its line here (a test writes every data file).</summary>
[JsonSerializable(typeof(DecisionsJson))]
[JsonSerializable(typeof(RequestsJson))]
[JsonSerializable(typeof(ComplianceJson))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
public sealed partial class SiteJsonContext : JsonSerializerContext;
