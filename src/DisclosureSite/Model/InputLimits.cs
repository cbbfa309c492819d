namespace DisclosureSite.Model;

/// <summary>
/// The resource limits of the input, in one place (docs/site.md lists them). Every limit is far above what a village
/// or township ever publishes, and low enough that <c>check</c> and <c>build</c> finish in seconds on any file within
/// them; a file beyond one is <c>input.too-large</c>, naming the limit. Table readers check rows, columns and cells as
/// they read, so a hostile file is refused before it costs more than the limit.
/// </summary>
public static class InputLimits
{
    /// <summary>A text file (Markdown, CSV, YAML) on disk.</summary>
    public const long MaxTextBytes = 16 * 1024 * 1024;

    /// <summary>A line of a text file, in characters.</summary>
    public const int MaxLineLength = 65_536;

    /// <summary>A spreadsheet file (.xlsx, .xls) on disk.</summary>
    public const long MaxSpreadsheetBytes = 16 * 1024 * 1024;

    /// <summary>What a spreadsheet unpacks to (all the parts of an .xlsx together): a zip bomb stops here.</summary>
    public const long MaxUnpackedBytes = 64 * 1024 * 1024;

    /// <summary>Rows of one table (header included), and of any sheet read to find it.</summary>
    public const int MaxRows = 50_000;

    /// <summary>Columns of one table (Excel's far corner is column XFD, 16,384).</summary>
    public const int MaxColumns = 200;

    /// <summary>Cells of one table (rows × columns).</summary>
    public const long MaxCells = 500_000;

    /// <summary>Characters of one table cell.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>Nesting of Markdown blocks (lists, quotes) and inline emphasis/links in a disclosure body.</summary>
    public const int MaxMarkdownDepth = 32;

    /// <summary>An attachment (PDF, image, office document) on disk.</summary>
    public const long MaxAttachmentBytes = 50 * 1024 * 1024;
}
