using System.IO.Compression;
using System.Security;
using System.Text;
using DisclosureSite.Model;
using Stream = System.IO.Stream;

namespace DisclosureSite.Publishing.Scaffolding;

/// <summary>
/// A table template of <c>disclosure new</c>, laid out as a clerk lays out the sheet for the notice board: a title row
/// (merged across the table), a unit line, the header, empty rows to fill in, a 合计 row and a signature line. Written as
/// .xlsx (cell formats for dates and money, borders, column widths) or as CSV (UTF-8 with BOM, which Excel and WPS open
/// as UTF-8). Both read back through <see cref="Loading.TableReader"/> with the title as the caption and the signature
/// line as the signature block; left untouched, the table has no data rows and is <c>input.placeholder</c>.
/// </summary>
// Our own .xlsx writer, not ClosedXML or DocumentFormat.OpenXml: one fixed sheet shape in ~100 lines of XML; ExcelDataReader (which reads them) does not write.
public sealed record SheetTemplate(string Title, string SheetName, string Unit, IReadOnlyList<TemplateColumn> Columns, bool HasTotal, IReadOnlyList<string> Signers)
{
    /// <summary>The empty rows a template offers: a clerk inserts more above the 合计 row.</summary>
    public const int BlankRows = 10;

    /// <summary>The signature line's labels, one to a cell: the clerk writes each name after its colon.</summary>
    public IReadOnlyList<string> SignatureCells => [.. Signers.Select(s => s + "："), "日期："];

    public string Csv()
    {
        var width = Columns.Count;
        string Line(IEnumerable<string> cells) => string.Join(',', cells.Concat(Enumerable.Repeat(string.Empty, width)).Take(Math.Max(width, cells.Count())));
        var b = new StringBuilder();
        b.Append(Line([Title])).Append('\n');
        b.Append(Line([$"单位：{Unit}"])).Append('\n');
        b.Append(Line(Columns.Select(c => c.Name))).Append('\n');
        if (HasTotal)
        {
            b.Append(Line(["合计"])).Append('\n');
        }

        b.Append(Line(SignatureCells)).Append('\n');
        return b.ToString();
    }

    public void WriteXlsx(Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Entry(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
        Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{Escape(SheetName)}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'{Escape(SheetName)}'!$A$1:${ColumnLetter(Columns.Count - 1)}${LastRow}</definedName></definedNames></workbook>""");
        Entry(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
        Entry(zip, "xl/styles.xml", Styles);
        Entry(zip, "xl/worksheets/sheet1.xml", Sheet());
    }

    private int HeaderRow => 3;

    private int TotalRow => HeaderRow + BlankRows + 1;

    private int LastRow => (HasTotal ? TotalRow : HeaderRow + BlankRows) + 2;

    // Cell formats (cellXfs): 0 default, 1 title, 2 unit line, 3 header, 4 text, 5 date, 6 money, 7 count, 8 total label, 9 total money, 10 total count.
    private const string Styles = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts><fonts count="3"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="16"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="11"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="right"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center"/></xf><xf numFmtId="4" fontId="2" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/><xf numFmtId="1" fontId="2" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";

    private string Sheet()
    {
        var last = ColumnLetter(Columns.Count - 1);
        var s = new StringBuilder();
        s.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">""");
        s.Append($"""<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:{last}{LastRow}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="{HeaderRow}" topLeftCell="A{HeaderRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="20" customHeight="1"/><cols>""");
        for (var i = 0; i < Columns.Count; i++)
        {
            var width = Columns[i].Kind switch
            {
                TemplateColumnKind.Date => 12,
                TemplateColumnKind.Money => 14,
                TemplateColumnKind.Count => 8,
                _ => Columns[i].Name is "摘要" or "备注" ? 28 : 12,
            };
            s.Append($"""<col min="{i + 1}" max="{i + 1}" width="{width}" customWidth="1"/>""");
        }

        s.Append("</cols><sheetData>");
        Row(s, 1, [(Title, 1)], height: 32);
        Row(s, 2, [.. Enumerable.Repeat((string.Empty, 0), Columns.Count - 1), ($"单位：{Unit}", 2)]);
        Row(s, HeaderRow, Columns.Select(c => (c.Name, 3)).ToList());
        for (var r = HeaderRow + 1; r <= HeaderRow + BlankRows; r++)
        {
            Row(s, r, Columns.Select(c => (string.Empty, DataStyle(c.Kind))).ToList());
        }

        if (HasTotal)
        {
            Row(s, TotalRow, Columns.Select((c, i) => (i == 0 ? "合计" : string.Empty, i == 0 ? 8 : c.Kind switch { TemplateColumnKind.Money => 9, TemplateColumnKind.Count => 10, _ => 8 })).ToList());
        }

        // The signature line, its labels spread across the table's width as on a paper form.
        var signature = new (string, int)[Columns.Count];
        var cells = SignatureCells;
        for (var i = 0; i < signature.Length; i++)
        {
            signature[i] = (string.Empty, 0);
        }

        for (var i = 0; i < cells.Count; i++)
        {
            signature[cells.Count == 1 ? 0 : i * (Columns.Count - 1) / (cells.Count - 1)] = (cells[i], 0);
        }

        Row(s, LastRow, signature);
        s.Append($"""</sheetData><mergeCells count="1"><mergeCell ref="A1:{last}1"/></mergeCells><printOptions horizontalCentered="1"/><pageMargins left="0.6" right="0.6" top="0.8" bottom="0.8" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/></worksheet>""");
        return s.ToString();
    }

    private static int DataStyle(TemplateColumnKind kind) => kind switch
    {
        TemplateColumnKind.Date => 5,
        TemplateColumnKind.Money => 6,
        TemplateColumnKind.Count => 7,
        _ => 4,
    };

    private static void Row(StringBuilder s, int row, IReadOnlyList<(string Text, int Style)> cells, int? height = null)
    {
        s.Append($"<row r=\"{row}\"").Append(height is { } h ? $" ht=\"{h}\" customHeight=\"1\"" : string.Empty).Append('>');
        for (var i = 0; i < cells.Count; i++)
        {
            var (text, style) = cells[i];
            var reference = $"{ColumnLetter(i)}{row}";
            if (text.Length > 0)
            {
                s.Append($"<c r=\"{reference}\" s=\"{style}\" t=\"inlineStr\"><is><t>{Escape(text)}</t></is></c>");
            }
            else if (style != 0)
            {
                s.Append($"<c r=\"{reference}\" s=\"{style}\"/>");
            }
        }

        s.Append("</row>");
    }

    private static string ColumnLetter(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnLetter((index / 26) - 1) + (char)('A' + (index % 26));

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static void Entry(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        var bytes = new UTF8Encoding(false).GetBytes(text);
        stream.Write(bytes);
    }
}
