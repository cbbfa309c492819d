namespace DisclosureSite.Model;

/// <summary>
/// Every message the tool says to a clerk, in Chinese and English, in one table. A message says what is
/// wrong and how to fix it, with an example where that helps.
/// </summary>
public static partial class Messages
{
    private static LocalizedText T(string zh, string en) => new(zh, en);

    private static string List(IEnumerable<string> items) => string.Join(", ", items);

    // ---- files and encodings ----
    public static LocalizedText FileTooLarge(long bytes, long limit) => T(
        $"文件太大({bytes / 1024 / 1024} MB),超过上限 {limit / 1024 / 1024} MB。公开数据不应这么大,请检查是否放错了文件。",
        $"The file is too large ({bytes / 1024 / 1024} MB, limit {limit / 1024 / 1024} MB); check that the right file was saved.");

    public static LocalizedText CannotRead(string reason) => T($"无法读取这个文件:{reason}", $"The file cannot be read: {reason}");

    public static LocalizedText NotARegularFile() => T("这里不是一个普通文件(而是文件夹、管道或设备),无法读取。请放一个真正的文件。", "This is not a regular file (a folder, pipe or device) and cannot be read. Put a real file here.");

    public static LocalizedText LineTooLong(int length) => T(
        $"这一行有 {length} 个字符,太长了(上限 65536)。这通常不是手写的数据,请检查文件是否损坏或放错。",
        $"This line has {length} characters (limit 65536); the file is probably damaged or not a data file.");

    public static LocalizedText Utf16() => T(
        "文件是 UTF-16 编码(Excel 的“Unicode 文本”)。请在 Excel/WPS 中“另存为” → “CSV UTF-8(逗号分隔)”。",
        "The file is UTF-16 (Excel \"Unicode text\"). Save it as \"CSV UTF-8 (comma delimited)\".");

    public static LocalizedText Binary() => T(
        "文件里有不可见的控制字符,看起来不是文本文件(可能是图片、压缩包或损坏的文件)。请重新导出为 CSV 或 Markdown。",
        "The file contains control characters; it is not a text file. Export it again as CSV or Markdown.");

    public static LocalizedText UnknownEncoding() => T(
        "无法识别文件编码:既不是 UTF-8,也不是 GB18030/GBK。请用记事本或 WPS 另存为“UTF-8”编码。",
        "Unknown encoding: neither UTF-8 nor GB18030. Save the file as UTF-8.");

    // ---- YAML ----
    public static LocalizedText YamlTab() => T(
        "YAML 不能用 Tab 键缩进。请把这一行开头的 Tab 换成空格(通常两个空格)。",
        "YAML does not allow tabs for indentation; replace the tab at the start of this line with spaces.");

    public static LocalizedText YamlSyntax(string detail) => T(
        $"YAML 格式有误,请检查冒号、缩进和引号是否成对。(详情:{detail})",
        $"YAML syntax error; check colons, indentation and quotes. ({detail})");

    public static LocalizedText YamlDuplicateKey() => T("同一个字段写了两次,请删除重复的一行。", "A key appears twice; remove the duplicate line.");

    public static LocalizedText YamlKeyNotText() => T("字段名必须是文字,例如 item:。", "Keys must be plain text, e.g. item:.");

    public static LocalizedText UnknownKey(string key, string? suggestion, IEnumerable<string> known) => T(
        suggestion is null ? $"不认识的字段 '{key}'。可用的字段有:{List(known)}。" : $"不认识的字段 '{key}',是不是想写 '{suggestion}'?",
        suggestion is null ? $"Unknown key '{key}'. Known keys: {List(known)}." : $"Unknown key '{key}'; did you mean '{suggestion}'?");

    public static LocalizedText MissingKey(string key) => T($"缺少必填字段 '{key}'。", $"The required key '{key}' is missing.");

    public static LocalizedText ExpectedText(string key) => T($"'{key}' 应该是一段文字,不是列表或嵌套内容。", $"'{key}' must be a single value.");

    public static LocalizedText ExpectedTextList(string key) => T($"'{key}' 应该是文字列表,例如 [a.pdf, b.pdf]。", $"'{key}' must be a list of values, e.g. [a.pdf, b.pdf].");

    public static LocalizedText ExpectedMapping(string key) => T($"'{key}' 的格式不对:这里应该是“字段: 值”的形式。", $"'{key}' must be a mapping of key: value pairs.");

    public static LocalizedText ExpectedList(string key) => T($"'{key}' 应该是列表(每项以 - 开头)。", $"'{key}' must be a list (items starting with -).");

    public static LocalizedText BadDate(string key, string text) => T(
        $"'{key}' 的日期 '{text}' 不存在或格式不对。请写成 2026-10-15 这样的形式。",
        $"'{key}': '{text}' is not a valid date. Write dates as 2026-10-15.");

    public static LocalizedText BadPeriod(string text) => T(
        $"'{text}' 不是有效的期次。期次写法:2026-H1/2026-H2(半年)、2026-Q1..2026-Q4(季度)、2026-M01..2026-M12(月)、2026(年度)。",
        $"'{text}' is not a period. Use 2026-H1, 2026-Q1..Q4, 2026-M01..M12 or 2026.");

    public static LocalizedText BadNumber(string key, string text) => T(
        $"'{key}' 的值 '{text}' 不是金额。请写成 152340.50 或 152,340.50。",
        $"'{key}': '{text}' is not an amount. Write e.g. 152340.50.");

    public static LocalizedText BadInteger(string key, string text, int min, int max) => T(
        $"'{key}' 的值 '{text}' 应该是 {min} 到 {max} 之间的整数。",
        $"'{key}': '{text}' must be a whole number between {min} and {max}.");

    public static LocalizedText BadChoice(string key, string text, IEnumerable<string> choices) => T(
        $"'{key}' 的值 '{text}' 不对,只能是:{List(choices)}。",
        $"'{key}': '{text}' is not allowed; use one of: {List(choices)}.");

    // ---- site.yaml ----
    public static LocalizedText NoSiteYaml() => T(
        "找不到 site.yaml。输入文件夹的最上层必须有 site.yaml(站点名称、规则等),可用 disclosure init 生成。",
        "site.yaml is missing from the input folder; create it (disclosure init makes one).");

    public static LocalizedText BadUrl(string url) => T($"网址 '{url}' 不对,应以 https:// 开头,例如 https://example.github.io/qingshi/。", $"'{url}' is not an http(s) URL.");

    public static LocalizedText BadTimeZone(string tz) => T($"时区 '{tz}' 不认识,一般写 Asia/Shanghai。", $"Unknown time zone '{tz}'; use e.g. Asia/Shanghai.");

    public static LocalizedText BadRepository(string repo) => T($"repository 应写成“所有者/仓库名”,例如 example/qingshi-disclosure,而不是 '{repo}'。", $"repository must be owner/name, not '{repo}'.");

    // ---- rule presets ----
    public static LocalizedText BadPresetName(string name) => T(
        $"规则名 '{name}' 不对:只能用小写字母、数字和 -,例如 rules: sanwu。",
        $"Rule preset name '{name}' must be lower-case letters, digits and '-', e.g. sanwu.");

    public static LocalizedText UnknownPreset(string name, IEnumerable<string> builtIn) => T(
        $"找不到规则 '{name}'。内置规则有:{List(builtIn)};自定义规则请放在 seeds/{name}.yaml。",
        $"Rule preset '{name}' not found. Built-in: {List(builtIn)}; put custom presets at seeds/{name}.yaml.");

    public static LocalizedText PresetNotMapping() => T("规则文件应是一个 YAML 映射(id、levels、decisions …)。", "A rule preset must be a YAML mapping (id, levels, decisions …).");

    public static LocalizedText BadLevel(string level) => T(
        $"单位级别 '{level}' 不对,只能是 township(乡镇)、village(村)或 community(社区)。",
        $"Level '{level}' must be township, village or community.");

    public static LocalizedText DuplicateLevel(string level) => T($"级别 '{level}' 写了两次。", $"Level '{level}' appears twice.");

    public static LocalizedText BadSchedule(string text) => T(
        $"公开周期 '{text}' 不对,只能是 half-year、quarter、month 或 year。",
        $"Schedule '{text}' must be half-year, quarter, month or year.");

    public static LocalizedText BadSchema(string text) => T(
        $"表格类型 '{text}' 不对,只能是 ledger(收支)、roster(名单)或 generic(普通表格)。",
        $"Table schema '{text}' must be ledger, roster or generic.");

    public static LocalizedText BadItemId(string id) => T($"事项编号 '{id}' 应写成“栏目.事项”,如 village.finance。", $"Item id '{id}' must look like stream.item, e.g. village.finance.");

    public static LocalizedText DuplicateItem(string id, string level) => T($"事项 '{id}' 在 {level} 级别中重复。", $"Item '{id}' appears twice at level {level}.");

    public static LocalizedText DuplicateStep(string id) => T($"步骤 '{id}' 重复。", $"Step '{id}' appears twice.");

    public static LocalizedText UnknownSource(string id, IEnumerable<string> known) => T(
        $"出处 '{id}' 没有在 sources 中列出。已列出的有:{List(known)}。",
        $"Source '{id}' is not listed under sources ({List(known)}).");

    public static LocalizedText UnknownOptionalPreset(string id, IEnumerable<string> known) => T(
        $"可选规则 '{id}' 不存在。可用的有:{List(known)}。",
        $"Optional preset '{id}' does not exist. Available: {List(known)}.");

    public static LocalizedText UnknownStream(string stream, UnitLevel level, IEnumerable<string> known) => T(
        $"{level.ToChinese()}没有栏目 '{stream}'。可用的栏目有:{List(known)}。",
        $"Level {level.ToKey()} has no stream '{stream}'. Streams: {List(known)}.");

    public static LocalizedText UnknownItemInOverride(string id) => T($"overrides 里要去掉的事项 '{id}' 不在目录中。", $"Item '{id}' in overrides is not in the catalogue.");

    // ---- CSV ----
    public static LocalizedText CsvUnclosedQuote() => T(
        "这里的双引号 \" 没有配对结束。请检查这一格的内容,引号要成对出现。",
        "A double quote opened here is never closed; quotes must come in pairs.");

    public static LocalizedText CsvTextAfterQuote() => T("引号结束后还有文字。整格内容都要放在引号里。", "Text follows a closing quote; put the whole cell inside the quotes.");

    public static LocalizedText CsvStrayQuote() => T(
        "这一格中间出现了双引号。含引号的内容请整格用双引号括起来,并把里面的 \" 写成 \"\"。",
        "A quote appears inside an unquoted cell; quote the whole cell and double the inner quotes.");

    public static LocalizedText CsvRagged(int got, int expected) => T(
        $"这一行有 {got} 列,表头有 {expected} 列。请检查是否多了或少了逗号(内容里的逗号要用引号括起来)。",
        $"This row has {got} cells but the header has {expected}; check the commas (quote cells that contain commas).");

    public static LocalizedText EmptyTable() => T("文件是空的,没有表头和数据。", "The file is empty: no header and no rows.");

    public static LocalizedText NotExcel() => T(
        "这不是有效的 Excel 文件(可能是改了扩展名的 CSV 或损坏的文件)。请在 Excel/WPS 中重新“另存为 .xlsx”,或改回 .csv。",
        "This is not a valid Excel file (perhaps a renamed CSV). Save it again as .xlsx, or rename it to .csv.");

    public static LocalizedText MissingColumns(IEnumerable<string> missing, IEnumerable<string> required) => T(
        $"缺少列:{List(missing)}。第一行表头必须包含:{List(required)}。",
        $"Missing columns: {List(missing)}. The header row must contain: {List(required)}.");

    public static LocalizedText MissingCell(string column) => T($"'{column}' 这一格不能为空。", $"The '{column}' cell must not be empty.");

    // ---- units ----
    public static LocalizedText NoUnitsCsv() => T("找不到 units.csv(单位名单:id,name,level,parent …)。", "units.csv is missing (id,name,level,parent …).");

    public static LocalizedText BadUnitId(string id, string suggestion) => T(
        $"单位编号 '{id}' 只能用小写英文字母、数字和 -(会出现在网址里),例如 '{suggestion}'。",
        $"Unit id '{id}' must be lower-case ASCII letters, digits and '-' (it is part of URLs), e.g. '{suggestion}'.");

    public static LocalizedText DuplicateUnit(string id) => T($"单位编号 '{id}' 重复了,每个单位只能写一行。", $"Unit id '{id}' appears twice.");

    public static LocalizedText BadDivisionCode(string code) => T($"行政区划代码 '{code}' 应是 12 位数字,例如 350100101001。", $"Division code '{code}' must be 12 digits.");

    public static LocalizedText BadClerk(string clerk) => T($"clerk 应是 GitHub 用户名(字母、数字和 -),'{clerk}' 不对。", $"clerk must be a GitHub login; '{clerk}' is not.");

    public static LocalizedText UntilBeforeSince(string until, string since) => T($"until({until})早于 since({since})。", $"until ({until}) is before since ({since}).");

    public static LocalizedText UnknownParent(string unit, string parent) => T(
        $"单位 '{unit}' 的上级 '{parent}' 不在 units.csv 中。请先添加上级单位,或改正 parent 列。",
        $"The parent '{parent}' of unit '{unit}' is not in units.csv.");

    public static LocalizedText UnknownUnit(string unit) => T(
        $"单位 '{unit}' 不在 units.csv 中。请检查拼写,或先在 units.csv 中添加这个单位。",
        $"Unit '{unit}' is not in units.csv; check the spelling or add the unit.");

    public static LocalizedText UnknownUnitFolder(string unit) => T(
        $"文件夹名 '{unit}' 不是 units.csv 中的单位编号。请改成正确的单位编号(如 dongshan)。",
        $"Folder '{unit}' is not a unit id from units.csv.");

    public static LocalizedText BadDutyDay(string day) => T(
        $"值班日 '{day}' 不对,请写“周一”…“周日”或日期 2026-10-01。",
        $"Duty day '{day}' must be 周一..周日 or a date such as 2026-10-01.");

    // ---- disclosures ----
    public static LocalizedText EmptyMarkdown() => T(
        "文件是空的。公开内容文件开头要有 --- 包起来的信息(至少 item:),然后写正文。",
        "The file is empty; a disclosure needs front matter between --- lines (at least item:) and a body.");

    public static LocalizedText NoFrontMatter() => T(
        "文件第一行必须是 ---,后面写 item: 等信息,再用 --- 结束,然后才是正文。",
        "The first line must be --- followed by front matter (item: …) and a closing ---.");

    public static LocalizedText UnterminatedFrontMatter() => T(
        "开头的 --- 没有配对的结束 ---。请在 item、title 等信息之后单独一行写 ---。",
        "The front matter opened with --- is never closed; add a line with --- after it.");

    public static LocalizedText MarkdownOutsidePeriod(string unit) => T(
        $"公开文件要放在期次文件夹里:disclosures/{unit}/2026-Q3/文件名.md。",
        $"Disclosures belong in a period folder: disclosures/{unit}/2026-Q3/name.md.");

    public static LocalizedText BadPeriodFolder(string text) => T(
        $"文件夹 '{text}' 不是有效的期次。请用 2026-H1、2026-Q3、2026-M01 或 2026 这样的名字。",
        $"Folder '{text}' is not a period; use names like 2026-H1, 2026-Q3, 2026-M01 or 2026.");

    public static LocalizedText UnknownItem(string id, UnitLevel level, RuleSet rules)
    {
        var elsewhere = rules.AllItems.FirstOrDefault(i => i.Id == id);
        var suggestion = Suggest(id, rules.ItemsFor(level).Select(i => i.Id));
        var zh = elsewhere is not null
            ? $"事项 '{id}' 不属于{level.ToChinese()}(它是{elsewhere.Level.ToChinese()}的事项)。"
            : $"事项编号 '{id}' 不在公开目录中。";
        var en = elsewhere is not null ? $"Item '{id}' is not a {level.ToKey()} item." : $"Item '{id}' is not in the catalogue.";
        if (suggestion is not null)
        {
            zh += $"是不是 '{suggestion}'?";
            en += $" Did you mean '{suggestion}'?";
        }
        else
        {
            zh += $"{level.ToChinese()}的事项有:{List(rules.ItemsFor(level).Select(i => i.Id))}。";
        }

        return T(zh, en);
    }

    public static LocalizedText PeriodDoesNotFitSchedule(string item, string period, PeriodKind schedule) => T(
        $"事项 '{item}' 按{ScheduleChinese(schedule)}公开,不能放在期次 '{period}' 下。请移到对应的{ScheduleChinese(schedule)}文件夹(如 {Example(schedule)})。",
        $"Item '{item}' is disclosed per {schedule}; it cannot sit in period '{period}' (use e.g. {Example(schedule)}).");

    public static LocalizedText BadFileName(string name, string suggestion) => T(
        $"文件名 '{name}' 会出现在网址里,只能用英文字母、数字、- 和 _。建议改为 '{suggestion}'。",
        $"File name '{name}' becomes part of a URL: use ASCII letters, digits, '-' and '_', e.g. '{suggestion}'.");

    public static LocalizedText UrlCollision(string file, string other, string slug) => T(
        $"'{file}' 和 '{other}' 的网址相同(都是 {slug}/,网址不分大小写)。请给其中一个改名。",
        $"'{file}' and '{other}' would have the same URL ({slug}/); rename one of them.");

    public static LocalizedText EmptyReference() => T("文件名不能为空。", "The file name is empty.");

    public static LocalizedText UnsafeReference(string r) => T(
        $"文件引用 '{r}' 不安全:不能用绝对路径、盘符或 ..。请把文件放在 .md 旁边,只写文件名。",
        $"Reference '{r}' is unsafe (absolute path or ..); put the file beside the .md and write just its name.");

    public static LocalizedText MissingReference(string r, string path) => T(
        $"找不到引用的文件 '{r}'(应在 {path})。请检查文件名和大小写,或把文件放到 .md 旁边。",
        $"The referenced file '{r}' is missing (expected at {path}).");

    public static LocalizedText SymlinkOutside(string r) => T(
        $"'{r}' 是指向输入文件夹外面的链接,不能发布。请把真实文件复制进来。",
        $"'{r}' is a link pointing outside the input folder; copy the real file in instead.");

    public static LocalizedText TableExtension(string r) => T(
        $"表格文件 '{r}' 必须是 .csv 或 .xlsx。",
        $"Table file '{r}' must be .csv or .xlsx.");

    public static LocalizedText BadBoardFolder(string name) => T(
        $"公开栏照片文件夹 '{name}' 应按月份命名,例如 board/dongshan/2026-03/。",
        $"Board photo folder '{name}' must be named by month, e.g. board/dongshan/2026-03/.");

    public static LocalizedText CorrectsNothing(string target) => T(
        $"corrects: '{target}' 找不到被更正的公开内容。请写成“期次/文件名”,例如 corrects: 2026-Q2/finance。",
        $"corrects: '{target}' names no existing disclosure; write period/slug, e.g. 2026-Q2/finance.");

    // ---- helpers ----
    public static string ScheduleChinese(PeriodKind kind) => kind switch
    {
        PeriodKind.HalfYear => "半年",
        PeriodKind.Quarter => "季度",
        PeriodKind.Month => "月",
        _ => "年度",
    };

    private static string Example(PeriodKind kind) => kind switch
    {
        PeriodKind.HalfYear => "2026-H1",
        PeriodKind.Quarter => "2026-Q3",
        PeriodKind.Month => "2026-M01",
        _ => "2026",
    };

    private static string? Suggest(string id, IEnumerable<string> known)
    {
        var tail = id.Contains('.', StringComparison.Ordinal) ? id[(id.IndexOf('.', StringComparison.Ordinal) + 1)..] : id;
        return known.FirstOrDefault(k => k.EndsWith("." + tail, StringComparison.Ordinal));
    }
}
