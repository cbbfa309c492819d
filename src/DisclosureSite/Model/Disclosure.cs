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
