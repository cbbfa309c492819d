using System.Globalization;
using System.Text;
using DisclosureSite.Loading;

namespace DisclosureSite.Ledger;

/// <summary>
/// The one serialization of a ledger entry (docs/审计核验.md §3): keys in the fixed order of the records, no
/// whitespace, integers in plain decimal, <c>null</c> for an absent value, strings escaped as in RFC 8785 (only
/// <c>"</c>, <c>\</c> and control characters are escaped; everything else is written as UTF-8). A line of the
/// ledger is this serialization; its <c>hash</c> is the SHA-256 of the same line without <c>,"hash":"…"</c>.
/// </summary>
// Our own writer, not System.Text.Json: the hash needs one exact byte form (fixed key order, RFC 8785 escaping), which JsonSerializer does not promise across versions.
public static class CanonicalJson
{
    public const string UtcTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    public const string LocalTimeFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    /// <summary>The bytes hashed for <c>hash</c>: the entry without its <c>hash</c> key.</summary>
    public static string Unhashed(LedgerEntry e) => Write(e, withHash: false);

    /// <summary>The ledger line (without the newline).</summary>
    public static string Line(LedgerEntry e) => Write(e, withHash: true);

    public static string HashOf(LedgerEntry e) => ContentHash.Sha256(Encoding.UTF8.GetBytes(Unhashed(e)));

    private static string Write(LedgerEntry e, bool withHash)
    {
        var sb = new StringBuilder(256 + (e.Items.Count * 400));
        sb.Append('{');
        Key(sb, "seq", first: true).Append(e.Seq.ToString(CultureInfo.InvariantCulture));
        Key(sb, "published_at_utc"); Str(sb, e.PublishedAtUtc);
        Key(sb, "published_at_local"); Str(sb, e.PublishedAtLocal);
        Key(sb, "as_of"); Str(sb, e.AsOf);
        Key(sb, "commit"); Str(sb, e.Commit);
        Key(sb, "items"); Array(sb, e.Items, Item);
        Key(sb, "manifest_sha256"); Str(sb, e.ManifestSha256);
        Key(sb, "prev"); Str(sb, e.Prev);
        if (withHash)
        {
            Key(sb, "hash"); Str(sb, e.Hash);
        }

        return sb.Append('}').ToString();
    }

    /// <summary>A JSON array of <paramref name="values"/>, each written by <paramref name="write"/>, comma-separated, no spaces.</summary>
    private static void Array<T>(StringBuilder sb, IReadOnlyList<T> values, Action<StringBuilder, T> write)
    {
        sb.Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            write(sb, values[i]);
        }

        sb.Append(']');
    }

    private static void Item(StringBuilder sb, LedgerItem it)
    {
        sb.Append('{');
        Key(sb, "url", first: true); Str(sb, it.Url);
        Key(sb, "unit"); Str(sb, it.Unit);
        Key(sb, "period"); Str(sb, it.Period);
        Key(sb, "item"); Str(sb, it.Item);
        Key(sb, "file"); Str(sb, it.File);
        Key(sb, "files"); Array(sb, it.Files, Str);
        Key(sb, "content_sha256"); Str(sb, it.ContentSha256);
        Key(sb, "revision").Append(it.Revision.ToString(CultureInfo.InvariantCulture));
        Key(sb, "revision_note"); Str(sb, it.RevisionNote);
        Key(sb, "change"); Str(sb, it.Change);
        Key(sb, "withdrawn_reason"); Str(sb, it.WithdrawnReason);
        sb.Append('}');
    }

    private static StringBuilder Key(StringBuilder sb, string key, bool first = false)
    {
        if (!first)
        {
            sb.Append(',');
        }

        Str(sb, key);
        return sb.Append(':');
    }

    /// <summary>RFC 8785 string form: <c>\"</c>, <c>\\</c>, <c>\b \f \n \r \t</c>, other controls as <c>\u00xx</c> (lower-case hex).</summary>
    public static void Str(StringBuilder sb, string? s)
    {
        if (s is null)
        {
            sb.Append("null");
            return;
        }

        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }
}
