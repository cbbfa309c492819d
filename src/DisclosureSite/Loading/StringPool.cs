using System.Collections.Concurrent;

namespace DisclosureSite.Loading;

/// <summary>
/// One copy of each repeated string of a load (item ids, slugs, titles, table schemas, captions and column names repeat
/// across thousands of disclosures), shared by the units loaded in parallel; it lives as long as the load.
/// </summary>
internal sealed class StringPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Intern(string value) => value.Length == 0 ? string.Empty : _strings.GetOrAdd(value, value);

    public string? InternOrNull(string? value) => value is null ? null : Intern(value);
}
