namespace DisclosureSite.Model;

/// <summary>Messages about a unit's 民情台账 (<c>units/&lt;unit&gt;/requests.csv</c>).</summary>
public static partial class Messages
{
    public static LocalizedText TwoRequestFiles(string first, string second) => T(
        $"民情台账有两个文件：{first} 和 {second}。每个单位只保留一个，请删除其中一个。",
        $"Two 民情台账 files: {first} and {second}. Keep one.");

    public static LocalizedText RequestColumnsMissing(IEnumerable<string> missing, IEnumerable<string> required) => T(
        $"民情台账缺少列：{List(missing)}。表头必须有：{List(required)}（可另加 经办人、办结时限、办结日期、办理结果、回访）。",
        $"The 民情台账 lacks the columns {List(missing)}. Required: {List(required)} (optional: 经办人, 办结时限, 办结日期, 办理结果, 回访).");

    public static LocalizedText BadRequestNumber(string number) => T(
        $"编号“{number}”不能用：编号会成为这件事的网页地址（…/requests/编号/），不能以 . 开头或结尾、不能是 index.html、print.html、CON、NUL 这样的名字，不能太长（最多 100 字节，约 33 个汉字），也不能有看不见的控制字符。请改成 2026-015 这样的写法。",
        $"Number '{number}' cannot be used: it becomes the matter's page address (…/requests/<number>/), so it may not start or end with '.', be index.html, print.html or a Windows device name (CON, NUL …), be longer than 100 bytes, or hold invisible control characters. Use e.g. 2026-015.");

    public static LocalizedText RequestNumberClash(string number, string other, int firstLine) => T(
        $"编号“{number}”和第 {firstLine} 行的“{other}”会成为同一个网页地址（空格、/、#、: 等都变成 -，不分大小写）。请给这件事换一个编号。",
        $"Number '{number}' and '{other}' on line {firstLine} become the same page address (spaces, /, # … become -, case is ignored); give this matter another number.");

    public static LocalizedText DuplicateRequestNumber(string number, int firstLine) => T(
        $"编号“{number}”重复了，第 {firstLine} 行已经用过。每件事项一个编号，例如 2026-015。",
        $"Number '{number}' is already used on line {firstLine}; give each matter its own number, e.g. 2026-015.");

    public static LocalizedText BadRequestCategory(string category, IEnumerable<string> known) => T(
        $"类别“{category}”不认识，只能是：{List(known)}。要增加类别，请在 site.yaml 的 overrides 里写 request_categories：{{ {category}: 15 }}（类别：办结天数）。",
        $"Unknown category '{category}'; use one of {List(known)}, or add it in site.yaml: overrides: {{ request_categories: {{ {category}: 15 }} }}.");

    public static LocalizedText ClosedBeforeReceived(string closed, string received) => T(
        $"办结日期 {closed} 早于受理日期 {received}，请核对。",
        $"The closing date {closed} is before the date received {received}.");

    public static LocalizedText LimitBeforeReceived(string limit, string received) => T(
        $"办结时限 {limit} 早于受理日期 {received}，请核对。",
        $"The time limit {limit} is before the date received {received}.");

    public static LocalizedText BadRequestLimit(string text) => T(
        $"办结时限“{text}”看不懂。请写日期（2026-10-15）或受理后的天数（15 或 15天）；留空则按类别的默认时限。",
        $"Time limit '{text}' is neither a date (2026-10-15) nor a number of days (15); leave it empty for the category's default.");

    public static LocalizedText ClosedWithoutDate(string status) => T(
        $"状态是“{status}”，但没有填办结日期。请填写办结（转办）的日期，例如 2026-10-15。",
        $"The status is '{status}' but the closing date is empty; fill it in, e.g. 2026-10-15.");

    public static LocalizedText ClosedWithoutResult(string status) => T(
        $"状态是“{status}”，但没有填办理结果。请写明怎么办的、结果如何（转办的写明转给了哪个部门），这是要告知群众的。",
        $"The status is '{status}' but the result is empty; say how it was handled (or which department it went to).");

    public static LocalizedText OpenWithCloseDate() => T(
        "状态是“办理中”，却填了办结日期。已办完的请把状态改为“已办结”，否则清空办结日期。",
        "The status is 办理中 but a closing date is given; set the status to 已办结 or clear the date.");

    public static LocalizedText UnmaskedRequester(string where, string masked) => T(
        $"{where}的反映人是完整姓名，公开前必须遮盖，请改写为 {masked}（或写“匿名”）。",
        $"{where}: the requester's full name must be masked, e.g. {masked} (or 匿名).");

    public static LocalizedText RequestOverdue(string unit, string number, string subject, DateOnly due, int days) => T(
        $"民情事项超期未办结：{unit}第 {number} 号“{subject}”办结时限 {D(due)}，已超期 {days} 天。请尽快办理并把结果告知群众；已办完的请更新状态和办结日期。",
        $"Overdue: {unit} matter {number} '{subject}' was due by {D(due)} and is still open, {days} days over.");

    public static LocalizedText RequestLate(string unit, string number, string subject, DateOnly due, DateOnly closed, int days) => T(
        $"民情事项逾期办结：{unit}第 {number} 号“{subject}”办结时限 {D(due)}，实际办结于 {D(closed)}，晚了 {days} 天。",
        $"Closed late: {unit} matter {number} '{subject}' was due by {D(due)} and closed on {D(closed)}, {days} days late.");

    public static LocalizedText NoRequests(string unit, string id) => T(
        $"{unit}没有民情台账：请添加 units/{id}/requests.csv（编号,受理日期,反映人,事项,类别,经办人,办结时限,状态,办结日期,办理结果,回访），记录群众反映的事项和办理结果。",
        $"{unit} keeps no 民情台账: add units/{id}/requests.csv (编号,受理日期,反映人,事项,类别,经办人,办结时限,状态,办结日期,办理结果,回访).");

    public static LocalizedText RequestResultChanged(string number, DateOnly publishedOn, long seq, bool sameNote) => T(
        $"民情事项第 {number} 号的办理结果已于 {D(publishedOn)} 公开（发布记录第 {seq} 条），现在的状态、办结日期或办理结果和当时不一样，"
            + (sameNote ? "但 revision_note 列还是上次的说明。请写明这次改了什么、为什么。" : "但没有说明。请在这一行的 revision_note 列写明改了什么、为什么（表头没有这一列的，加上 revision_note 列）。"),
        $"Matter {number}'s result was published on {D(publishedOn)} (ledger entry {seq}) and has changed since, "
            + (sameNote ? "but revision_note still holds the previous note; say what changed this time." : "without a note; say what changed and why in the row's revision_note column."));
}
