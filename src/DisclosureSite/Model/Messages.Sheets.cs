namespace DisclosureSite.Model;

/// <summary>Messages about clerks' sheets (the header, the sheet, dates in cells) and their own words (templates left in).</summary>
public static partial class Messages
{
    /// <summary>At most this many names or cells are listed in a message.</summary>
    private const int Listed = 12;

    private static string Quoted(IEnumerable<string> items, string separator) =>
        string.Join(separator, items.Take(Listed).Select(i => $"“{i}”")) + (items.Skip(Listed).Any() ? " …" : string.Empty);

    public static LocalizedText HeaderNotFound(int line, IReadOnlyList<string> found, IEnumerable<string> accepted, string sheet = "") => T(
        $"找不到表头:{(sheet.Length > 0 ? $"工作表“{sheet}”" : string.Empty)}第 {line} 行应是表头(列名),这里写的是 {Quoted(found, "、")},没有一个是认得的列名。表头可以在前 10 行的任意一行,"
        + $"上面可以有标题和“单位:元”;列名要用这些写法之一:{string.Join("、", accepted.Take(30))}。",
        $"No header found: {(sheet.Length > 0 ? $"sheet '{sheet}', " : string.Empty)}row {line} should be the header (column names) but holds {Quoted(found, ", ")}, none of which is a known column name. "
        + $"The header may be on any of the first 10 rows, under a title and a unit line; accepted names: {string.Join(", ", accepted.Take(30))}.");

    public static LocalizedText RowUnderSignature(int signatureLine) => T(
        $"这一行在第 {signatureLine} 行的签名栏（或“注：”说明）下面，却像表格里的一行。签名栏下面的内容不会当成表格的行，也不会检查和公开。请把这一行移到签名栏上面的表格里，或把签名栏移到表格最下面。",
        $"This row is under the signature (or note) line on row {signatureLine} but looks like a row of the table; nothing under the signature is read as rows, checked or published. Move the row up into the table, or the signature to the bottom.");

    public static LocalizedText CellOutsideHeader(string text, int width) => T(
        $"这一格“{text}”在表头的右边(表头只有 {width} 列),不属于表格,不会公开。请把它移进表格的某一列,或删掉;说明文字请写在表格下方或 .md 正文里。",
        $"The cell \"{text}\" is right of the header (which has {width} columns): it is not part of the table and would not be published. Move it into a column or delete it.");

    public static LocalizedText NoSuchSheet(string file, string sheet, IEnumerable<string> sheets) => T(
        $"“{file}”里没有名为“{sheet}”的工作表。这个工作簿的工作表有:{Quoted(sheets, "、")}。请把 sheet: 改成其中之一,或删掉 sheet: 使用第一张有内容的表。",
        $"\"{file}\" has no sheet named \"{sheet}\". Its sheets: {Quoted(sheets, ", ")}. Name one of them in sheet:, or leave sheet: out to use the first sheet with content.");

    public static LocalizedText BadTableDate(string column, string text)
    {
        var serial = int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 20_000 and < 80_000;
        return T(
            serial
                ? $"“{column}”列的 '{text}' 不是日期,而是一个数字(看起来是 Excel 的日期序号)。请在 Excel/WPS 里把这一列设为“日期”格式,或写成 2026-09-03。"
                : $"“{column}”列的 '{text}' 不是真实的日期(日期不存在或写法不对)。请写成 2026-09-03、2026/9/3 或 2026年9月3日,或在 Excel/WPS 里用“日期”格式。",
            serial
                ? $"'{text}' in column '{column}' is a number (it looks like an Excel date serial), not a date. Format the column as a date, or write 2026-09-03."
                : $"'{text}' in column '{column}' is not a real date. Write 2026-09-03, 2026/9/3 or 2026年9月3日, or use a date cell in Excel/WPS.");
    }

    public static LocalizedText PlaceholderLine(string text) => T(
        $"这一行是 disclosure new 模板里的提示或占位文字,还没有换成公开内容:“{Shorten(text)}”。请写上本期真实的公开内容,并删掉所有【】提示。没改完的文件不会发布,也不算已公开。",
        $"This line is a placeholder or instruction from the template of disclosure new: \"{Shorten(text)}\". Write the real content and remove every 【】 hint; an unfinished file is not published and does not count as disclosed.");

    public static LocalizedText PlaceholderNoRows(string file, bool onlyTotal) => T(
        onlyTotal
            ? $"表格“{file}”只有表头和合计行,没有一行明细。请填上本期的明细;本期确实没有的,在 .md 里写 nil: 并删掉 tables:。没有数据的表不会发布,也不算已公开。"
            : $"表格“{file}”只有表头,没有一行数据。请填上本期的数据;本期确实没有的,在 .md 里写 nil: 并删掉 tables:。没有数据的表不会发布,也不算已公开。",
        onlyTotal
            ? $"The table \"{file}\" has a header and a total row but no data rows. Fill them in, or write nil: in the .md and remove tables:. An empty table is not published and does not count as disclosed."
            : $"The table \"{file}\" has a header but no data rows. Fill them in, or write nil: in the .md and remove tables:. An empty table is not published and does not count as disclosed.");

    public static LocalizedText DeclaredDateOverruled(DateOnly declared, DateOnly trusted, DateSource source)
    {
        var (zh, en) = source == DateSource.Ledger
            ? ("发布记录是 CI 发布时写下的,不能事后改动", "the publication ledger is written by CI when it publishes and cannot be changed afterwards")
            : ("这是文件第一次提交到主分支的时间,任何人都能核对,不能自行填写", "it is when the file was first committed to the main branch, which anyone can verify and no one can declare");
        return T(
            $"front matter 写的公开日期是 published: {D(declared)},但{DateSourceChinese(source)}的日期是 {D(trusted)},相差 {Math.Abs(trusted.DayNumber - declared.DayNumber)} 天。按时/逾期以 {D(trusted)} 为准:{zh}。"
            + "如果这个文件早已在公开栏张贴,日期仍以进入本站的时间计;published: 可以删掉。",
            $"The front matter declares published: {D(declared)}, but the {DateSourceEnglish(source)} says {D(trusted)} ({Math.Abs(trusted.DayNumber - declared.DayNumber)} days apart). "
            + $"On time or late is judged by {D(trusted)}: {en}.");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
