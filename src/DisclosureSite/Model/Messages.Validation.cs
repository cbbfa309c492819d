namespace DisclosureSite.Model;

/// <summary>Messages of the validator: schedule, tables, personal data, standing information, 四议两公开.</summary>
public static partial class Messages
{
    private static string D(DateOnly d) => Dates.Iso(d);

    // Messages also shown to villagers (四议两公开 on /decisions/) use the site's date form and Chinese punctuation.
    private static string Cn(DateOnly d) => Dates.Chinese(d);

    public static string DateSourceChinese(DateSource source) => source switch
    {
        DateSource.Ledger => "发布记录",
        DateSource.Git => "版本库首次提交",
        DateSource.Declared => "自行填报",
        _ => "未记录",
    };

    public static string DateSourceEnglish(DateSource source) => source switch
    {
        DateSource.Ledger => "publication ledger",
        DateSource.Git => "first Git commit",
        DateSource.Declared => "self-declared",
        _ => "not recorded",
    };

    // ---- schedule ----
    public static LocalizedText Missing(string unit, Period period, string item, DateOnly deadline, int days) => T(
        $"缺报:{unit}{period.ToChinese()}“{item}”应在 {D(deadline)} 前公开,已超期 {days} 天。请尽快补报;如本期确无此类事项,请提交无事项说明(nil: …)。",
        $"Missing: {unit} {period.ToEnglish()} \"{item}\" was due by {D(deadline)}; {days} days overdue. Publish it, or file a nil report (nil: …).");

    public static LocalizedText Late(string unit, Period period, string item, DateOnly deadline, DateOnly? on, DateSource source, int days) => T(
        $"逾期公开:{unit}{period.ToChinese()}“{item}”截止 {D(deadline)},实际公开于 {(on is { } o ? D(o) : "?")}(来源:{DateSourceChinese(source)}),晚了 {days} 天。",
        $"Late: {unit} {period.ToEnglish()} \"{item}\" was due by {D(deadline)} and published on {(on is { } o2 ? D(o2) : "?")} ({DateSourceEnglish(source)}), {days} days late.");

    public static LocalizedText DueSoon(string unit, Period period, string item, DateOnly deadline, int days) => T(
        $"即将到期:{unit}{period.ToChinese()}“{item}”须在 {D(deadline)} 前公开,还剩 {days} 天。",
        $"Due soon: {unit} {period.ToEnglish()} \"{item}\" is due by {D(deadline)}, {days} days left.");

    public static LocalizedText EmbargoedPastDeadline(string unit, Period period, string item, DateOnly deadline, DateOnly? at, int days) => T(
        $"缺报:{unit}{period.ToChinese()}“{item}”已提交,但设定在 {(at is { } a ? D(a) : "?")} 才公开(publish_at),截止日 {D(deadline)} 已过 {days} 天。",
        $"Missing: {unit} {period.ToEnglish()} \"{item}\" is filed but embargoed until {(at is { } a2 ? D(a2) : "?")}; the deadline {D(deadline)} passed {days} days ago.");

    public static LocalizedText GitDatesUnavailable(string reason) => T(
        reason == "shallow"
            ? "这是浅克隆(shallow clone),读不到提交历史,发布日期按自行填报的 published 计算。CI 中请设置 fetch-depth: 0。"
            : "输入文件夹不在 Git 版本库中,发布日期按自行填报的 published 计算。",
        reason == "shallow"
            ? "Shallow clone: no commit history, so dates are self-declared. Use fetch-depth: 0 in CI."
            : "The input is not in a Git repository; publication dates are self-declared.");

    // ---- tables ----
    public static LocalizedText MissingLedgerColumn(string column, IEnumerable<string> aliases) => T(
        $"收支表缺少“{column}”列。可用的列名:{List(aliases)}。",
        $"The ledger has no '{column}' column. Accepted names: {List(aliases)}.");

    public static LocalizedText MissingIncomeExpense(IEnumerable<string> aliases) => T(
        $"收支表至少要有“收入”或“支出”其中一列。可用的列名:{List(aliases)}。",
        $"A ledger needs an income or an expense column. Accepted names: {List(aliases)}.");

    public static LocalizedText MissingNameColumn(IEnumerable<string> aliases) => T(
        $"名单表缺少姓名列。可用的列名:{List(aliases)}。",
        $"The roster has no name column. Accepted names: {List(aliases)}.");

    public static LocalizedText BadAmount(string column, string text) => T(
        $"“{column}”这一格的 '{text}' 不是金额。请写成 1234.50、1,234.50 或 ¥1234.5(最多两位小数)。",
        $"'{text}' in column '{column}' is not an amount; write e.g. 1234.50 (at most two decimals).");

    /// <param name="count">A count (人数, 户数): whole numbers, not money.</param>
    public static LocalizedText TotalMismatch(string column, decimal written, decimal computed, bool count = false)
    {
        string F(decimal v) => count ? v.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : Amount.Format(v);
        return T(
            $"合计行的“{column}”写的是 {F(written)},但各行相加是 {F(computed)},相差 {F(written - computed)}。请核对。",
            $"The total row says {F(written)} for '{column}' but the rows add up to {F(computed)}.");
    }

    public static LocalizedText BalanceMismatch(decimal opening, decimal income, decimal expense, decimal closing) => T(
        $"余额对不上:期初 {Amount.Format(opening)} + 收入 {Amount.Format(income)} − 支出 {Amount.Format(expense)} = {Amount.Format(opening + income - expense)},但期末余额写的是 {Amount.Format(closing)}(相差 {Amount.Format(closing - (opening + income - expense))})。",
        $"Balances do not agree: opening {Amount.Format(opening)} + income {Amount.Format(income)} − expense {Amount.Format(expense)} = {Amount.Format(opening + income - expense)}, but closing is {Amount.Format(closing)}.");

    public static LocalizedText AmountWordsMismatch(string words, decimal wordsValue, decimal figure) => T(
        $"大写金额“{words}”是 {Amount.Format(wordsValue)} 元,与旁边的数字 {Amount.Format(figure)} 不一致。正确的大写是“{ChineseAmountWords.Format(figure)}”。",
        $"The amount in words '{words}' is {Amount.Format(wordsValue)}, not {Amount.Format(figure)}; it should read '{ChineseAmountWords.Format(figure)}'.");

    public static LocalizedText BadAmountWords(string words) => T(
        $"大写金额“{words}”无法识别。请写成“伍仟叁佰元整”这样的标准大写。",
        $"The amount in words '{words}' cannot be read; write e.g. 伍仟叁佰元整.");

    // ---- personal data ----
    public static LocalizedText PersonalData(string kindZh, string kindEn, string where, string masked) => T(
        $"{where}有未遮盖的{kindZh},公开前必须遮盖。请改写为 {masked}。",
        $"{where}: unmasked {kindEn}; mask it before publishing, e.g. {masked}.");

    // ---- standing information ----
    public static LocalizedText NoContactCard(string unit) => T(
        $"{unit}没有民情联系卡:请在 people.csv 中添加这个单位的包村领导、驻村干部等人员及办公电话。",
        $"{unit} has no contact card: add its people (包村领导, 驻村干部 …) with office phones to people.csv.");

    public static LocalizedText ContactCardMissingRole(string unit, string role) => T(
        $"{unit}的联系卡缺少“{role}”。请在 people.csv 中添加一行 role 为 {role} 的人员。",
        $"{unit}'s contact card lacks a '{role}'; add a people.csv row with that role.");

    public static LocalizedText NoDutyRoster(string unit, string id) => T(
        $"{unit}没有值班安排表:请添加 units/{id}/duty.csv(day,name,role,phone)。",
        $"{unit} has no duty roster: add units/{id}/duty.csv (day,name,role,phone).");

    public static LocalizedText NoCommitments(string unit, string id) => T(
        $"{unit}没有公开承诺:请添加 units/{id}/commitments.md(开头写 year: 年份)。",
        $"{unit} has no public commitments: add units/{id}/commitments.md (with year: in its front matter).");

    public static LocalizedText StaleCommitments(string unit, int? year, int current) => T(
        $"{unit}的公开承诺是 {(year is { } y ? y + " 年" : "未注明年份")}的,请更新为 {current} 年的承诺(front matter 写 year: {current})。",
        $"{unit}'s commitments are for {(year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no stated year")}; publish {current}'s (year: {current}).");

    public static LocalizedText NoHotline() => T(
        "site.yaml 没有填写监督投诉电话(hotline),每个村(社区)页面都要公布。",
        "site.yaml has no complaint hotline (hotline:); every village page must show it.");

    // ---- 四议两公开 ----
    public static LocalizedText DecisionOrder(string title, string step, DateOnly date, string previous, DateOnly previousDate) => T(
        $"“{title}”的“{step}”（{Cn(date)}）早于前一步“{previous}”（{Cn(previousDate)}）。四议两公开必须按顺序进行，请核对日期。",
        $"\"{title}\": step '{step}' ({D(date)}) is before '{previous}' ({D(previousDate)}); the steps must be in order.");

    public static LocalizedText DecisionStepSkipped(string title, string step, string missing) => T(
        $"“{title}”已有“{step}”,但缺少前面的“{missing}”。请补上日期。",
        $"\"{title}\" has '{step}' but not the earlier step '{missing}'.");

    public static LocalizedText ResolutionNotPublished(string title, DateOnly vote, int publishDays, DateOnly deadline, int days) => T(
        $"“{title}”已于{Cn(vote)}表决，决议应在{publishDays}天内（即{Cn(deadline)}前）公开，已超期{days}天。",
        $"\"{title}\" was voted on {D(vote)}; the resolution was due within {publishDays} days (by {D(deadline)}), {days} days overdue.");

    public static LocalizedText ResolutionPublishedLate(string title, DateOnly vote, DateOnly published, int publishDays, int days) => T(
        $"“{title}”于{Cn(vote)}表决，决议{Cn(published)}才公开，超过{publishDays}天时限{days}天。",
        $"\"{title}\" was voted on {D(vote)} but the resolution was published on {D(published)}, {days} days past the {publishDays}-day limit.");

    public static LocalizedText ResultNotPublished(string title) => T(
        $"“{title}”已标记为完成（status: done），但还没有公开实施结果。请填写 result_published 日期和 result 内容。",
        $"\"{title}\" is done but its result has not been published (result_published, result).");

    public static LocalizedText VotesDoNotAddUp(string title, string step, int present, int sum) => T(
        $"“{title}”的“{step}”表决：同意、反对、弃权合计{sum}票，多于到会的{present}人。",
        $"\"{title}\" '{step}': for + against + abstain = {sum}, more than the {present} present.");
}
