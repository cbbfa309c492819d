namespace DisclosureSite.Model;

/// <summary>A table declared in a disclosure's front matter; <see cref="Sheet"/> names the workbook's sheet that holds it.</summary>
public sealed record TableRef(string File, TableSchema Schema, string? Caption, string? Sheet = null);

/// <summary>Where a trusted publication date came from (SPEC §7), most trusted first.</summary>
public enum DateSource
{
    Ledger,
    Git,
    Declared,
    None,
}

/// <summary>The front matter of a disclosure, as the clerk wrote it.</summary>
public sealed record FrontMatter(
    string Item,
    string? Title,
    DateOnly? Published,
    DateOnly? PublishAt,
    DateOnly? WithdrawAt,
    string? Nil,
    string? Corrects,
    string? RevisionNote,
    string? Withdrawn,
    decimal? OpeningBalance,
    decimal? ClosingBalance,
    IReadOnlyList<TableRef> Tables,
    IReadOnlyList<string> Attachments);

/// <summary>
/// One disclosure: <c>disclosures/&lt;unit&gt;/&lt;period&gt;/&lt;slug&gt;.md</c> with its tables.
/// <see cref="BodyLine"/> is the 1-based line of the file where the Markdown body starts.
/// <see cref="FrontMatterPersonalData"/> is the unmasked personal data the loader found in the front matter (SPEC §8):
/// the front matter's text is not kept once its fields are read. <see cref="ContentSha256"/> is filled by the loaders.
/// </summary>
public sealed record Disclosure(
    string Unit,
    Period Period,
    string Slug,
    string File,
    FrontMatter Meta,
    string Title,
    string Body,
    int BodyLine,
    IReadOnlyList<Table> Tables,
    IReadOnlyList<Finding> FrontMatterPersonalData)
{
    /// <summary>The file line of the front matter's first line (just after the opening <c>---</c>).</summary>
    public const int FrontMatterLine = 2;

    private string? _body = Body;
    private EncodedText? _encodedBody;

    /// <summary>The Markdown body. A body read from the input cache is decoded the first time it is asked for.</summary>
    public string Body
    {
        get => _body ??= _encodedBody!.Decode();
        init
        {
            _body = value;
            _encodedBody = null;
        }
    }

    /// <summary>
    /// The body as the input cache keeps it (UTF-8 in its mapped file), when it was read from there and not replaced
    /// since: a build that renders none of a unit's pages never decodes its bodies (~11 MB of strings at 50 villages).
    /// </summary>
    internal EncodedText? EncodedBody
    {
        get => _encodedBody;
        init
        {
            _encodedBody = value;
            _body = null;
        }
    }

    /// <summary>
    /// Whether the body holds template text (<see cref="TemplateText.IsPlaceholder(string)"/>): asked of every disclosure
    /// at every build (the compliance matrix), answered for a body kept encoded by what the cache noted when it was loaded.
    /// </summary>
    public bool BodyHoldsTemplateText => _encodedBody is { } encoded ? encoded.HoldsTemplateText : TemplateText.IsPlaceholder(Body);

    /// <summary>
    /// Value equality as a record's, member by member, with the body compared by its text however it is kept (the
    /// members a record would compare are its fields, and a body kept encoded is another field than a decoded one).
    /// </summary>
    public bool Equals(Disclosure? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Unit == other.Unit && Period == other.Period && Slug == other.Slug && File == other.File
            && EqualityComparer<FrontMatter>.Default.Equals(Meta, other.Meta) && Title == other.Title && BodyLine == other.BodyLine
            && EqualityComparer<IReadOnlyList<Table>>.Default.Equals(Tables, other.Tables)
            && EqualityComparer<IReadOnlyList<Finding>>.Default.Equals(FrontMatterPersonalData, other.FrontMatterPersonalData)
            && ContentSha256 == other.ContentSha256 && Body == other.Body);

    /// <summary>Of the members <see cref="Equals(Disclosure?)"/> compares, all but the body (which would be decoded for it).</summary>
    public override int GetHashCode() =>
        HashCode.Combine(Unit, Period, Slug, File, Meta, Title, BodyLine, HashCode.Combine(Tables, FrontMatterPersonalData, ContentSha256));

    /// <summary>
    /// The canonical SHA-256 of the disclosure's files (<c>Loading.ContentHash</c>, docs/审计核验.md), computed
    /// while loading from the text and bytes the loader read, and kept in the input cache with the disclosure.
    /// Empty only for a disclosure made outside the loaders.
    /// </summary>
    public string ContentSha256 { get; init; } = string.Empty;

    public string Item => Meta.Item;

    public bool IsNil => !string.IsNullOrWhiteSpace(Meta.Nil);

    public bool IsCorrection => !string.IsNullOrWhiteSpace(Meta.Corrects);

    /// <summary>
    /// This disclosure with every table's rows decoded once (<see cref="Table.WithRowsDecoded"/>), for work that walks its
    /// tables several times; itself when no table is packed. The same values: only the rows' form differs.
    /// </summary>
    public Disclosure WithRowsDecoded() =>
        Tables.Any(t => t.Rows is PackedRows) ? this with { Tables = Tables.Select(t => t.WithRowsDecoded()).ToArray() } : this;

    /// <summary>The site URL path below the base, e.g. <c>dongshan/2026-Q3/finance/</c>.</summary>
    public string UrlPath { get; } = $"{Unit}/{Period}/{Slug}/";
}

/// <summary>
/// A text kept as UTF-8 bytes (checked to be UTF-8 when read), decoded when asked for, with whether it holds template
/// text (<see cref="TemplateText"/>), noted when it was first loaded.
/// </summary>
internal sealed class EncodedText(ReadOnlyMemory<byte> utf8, bool holdsTemplateText)
{
    public bool HoldsTemplateText => holdsTemplateText;

    public string Decode()
    {
        var text = System.Text.Encoding.UTF8.GetString(utf8.Span);
        GC.KeepAlive(this); // the bytes may lie in a mapped file, unmapped once nothing holds them
        return text;
    }

    /// <summary>Writes the text as <see cref="BinaryWriter.Write(string)"/> would: its length in bytes, then the bytes as they are.</summary>
    public void WriteTo(BinaryWriter w)
    {
        w.Write7BitEncodedInt(utf8.Length);
        w.Write(utf8.Span);
        GC.KeepAlive(this);
    }
}
