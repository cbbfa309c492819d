using System.IO.Compression;
using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>
/// Holds a table reader to <see cref="InputLimits"/> while it reads: call <see cref="Admit"/> for every row (empty ones
/// too) before looking at its cells, and stop when it says no. The first limit passed is reported once, as
/// <c>input.too-large</c> naming the limit, so a hostile file costs at most the limit's worth of work.
/// </summary>
public sealed class TableLimits(string file, FindingSink sink, string? unit = null, string? period = null, string? item = null)
{
    private int _rows;
    private long _cells;

    /// <summary>True once a limit was passed (and reported): the table is not used.</summary>
    public bool Exceeded { get; private set; }

    /// <summary>Counts a row of <paramref name="columns"/> cells at <paramref name="line"/>; false (reported once) past a limit.</summary>
    public bool Admit(int line, int columns)
    {
        if (Exceeded)
        {
            return false;
        }

        _rows++;
        _cells += columns;
        if (columns > InputLimits.MaxColumns)
        {
            return Exceed(line, Messages.TooManyColumns(columns, InputLimits.MaxColumns));
        }

        if (_rows > InputLimits.MaxRows)
        {
            return Exceed(line, Messages.TooManyRows(InputLimits.MaxRows));
        }

        return _cells <= InputLimits.MaxCells || Exceed(line, Messages.TooManyCells(InputLimits.MaxCells));
    }

    /// <summary>False (reported once) when a cell's text is longer than <see cref="InputLimits.MaxCellLength"/>.</summary>
    public bool AdmitCell(int line, int column, int length) =>
        length <= InputLimits.MaxCellLength || Exceed(line, Messages.CellTooLong(length, InputLimits.MaxCellLength), column);

    private bool Exceed(int line, LocalizedText text, int? column = null)
    {
        if (!Exceeded)
        {
            sink.Report(FindingCodes.TooLarge, new SourceRef(file, line, column), text, unit, period, item);
        }

        Exceeded = true;
        return false;
    }

    /// <summary>
    /// A spreadsheet within <see cref="InputLimits.MaxSpreadsheetBytes"/> on disk and, when it is a zip (.xlsx),
    /// <see cref="InputLimits.MaxUnpackedBytes"/> unpacked — counted by really inflating every part, since the sizes a
    /// zip declares can lie. False (with <c>input.too-large</c>) for a zip bomb; a file that is no zip is left to the reader.
    /// </summary>
    public static bool AdmitSpreadsheet(byte[] content, string file, FindingSink sink, string? unit = null, string? period = null, string? item = null)
    {
        if (content.Length > InputLimits.MaxSpreadsheetBytes)
        {
            sink.Report(FindingCodes.TooLarge, new SourceRef(file), Messages.FileTooLarge(content.Length, InputLimits.MaxSpreadsheetBytes), unit, period, item);
            return false;
        }

        if (!IsZip(content))
        {
            return true;
        }

        long total = 0;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                // Declared sizes first (cheap), then the real count.
                if (entry.Length > InputLimits.MaxUnpackedBytes - total)
                {
                    return Bomb(file, sink, unit, period, item);
                }

                using var stream = entry.Open();
                int n;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += n;
                    if (total > InputLimits.MaxUnpackedBytes)
                    {
                        return Bomb(file, sink, unit, period, item);
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            // A damaged zip: the spreadsheet reader says it is not a usable workbook.
            return true;
        }

        return true;
    }

    private static bool Bomb(string file, FindingSink sink, string? unit, string? period, string? item)
    {
        sink.Report(FindingCodes.TooLarge, new SourceRef(file), Messages.UnpacksTooLarge(InputLimits.MaxUnpackedBytes), unit, period, item);
        return false;
    }

    private static bool IsZip(byte[] content) => content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
}
