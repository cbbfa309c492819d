namespace DisclosureSite.Model;

/// <summary>Messages of the publication ledger (SPEC §7): chain problems, silent changes, vanished items.</summary>
public static partial class Messages
{
    private const string LedgerFix = "发布记录只能由发布流程追加,不能手工修改;请从 Git 历史恢复这个文件(git checkout <提交> -- ledger/publications.jsonl),并报告审计人员。";
    private const string LedgerFixEn = "The ledger is append-only and written by the publisher; restore it from Git history and tell the auditors.";

    // ---- the chain ----
    public static LocalizedText LedgerUnreadable(string reason) => T($"无法读取发布记录文件:{reason}", $"The ledger cannot be read: {reason}");

    public static LocalizedText LedgerLineNotUtf8(int line) => T(
        $"发布记录第 {line} 行不是 UTF-8 文字,文件已被改动。{LedgerFix}",
        $"Ledger line {line} is not UTF-8; the file was altered. {LedgerFixEn}");

    public static LocalizedText LedgerEmptyLine(int line) => T(
        $"发布记录第 {line} 行是空行;发布记录每行一条,不应有空行(可能有记录被删除)。{LedgerFix}",
        $"Ledger line {line} is empty; an entry may have been deleted. {LedgerFixEn}");

    public static LocalizedText LedgerUnparsable(int line, string detail) => T(
        $"发布记录第 {line} 行无法解析:{detail}。这一行被改动或损坏了。{LedgerFix}",
        $"Ledger line {line} cannot be read: {detail}. The line was altered or damaged. {LedgerFixEn}");

    public static LocalizedText LedgerNotCanonical(int line, long seq) => T(
        $"发布记录第 {line} 行(第 {seq} 条)不是规范格式(字段顺序、空格或转义与规定不同),说明这一行被手工改动过。{LedgerFix}",
        $"Ledger line {line} (entry {seq}) is not in canonical form; it was edited by hand. {LedgerFixEn}");

    public static LocalizedText LedgerHashMismatch(int line, long seq, string claimed, string computed) => T(
        $"发布记录第 {line} 行(第 {seq} 条)的内容与它的 hash 不符:记录的 hash 是 {Short(claimed)},按内容算出的是 {Short(computed)}。这条记录在写入后被改动过。{LedgerFix}",
        $"Ledger line {line} (entry {seq}): its hash {Short(claimed)} does not match its content ({Short(computed)}); the entry was altered. {LedgerFixEn}");

    public static LocalizedText LedgerSeqGap(int line, long expected, long actual) => T(
        $"发布记录第 {line} 行的序号是 {actual},应为 {expected}:中间有记录被删除、插入或调换了顺序。{LedgerFix}",
        $"Ledger line {line} has seq {actual}, expected {expected}: entries were deleted, inserted or reordered. {LedgerFixEn}");

    public static LocalizedText LedgerFirstPrev(string prev) => T(
        $"发布记录第 1 行的 prev 应为 64 个 0,实际是 {Short(prev)}:开头的记录被删除了。{LedgerFix}",
        $"Ledger line 1 must have prev = 64 zeros, found {Short(prev)}: the first entries were deleted. {LedgerFixEn}");

    public static LocalizedText LedgerPrevMismatch(int line, long seq, int previousLine) => T(
        $"发布记录第 {line} 行(第 {seq} 条)的 prev 与第 {previousLine} 行的 hash 不符:链条在这里断开,中间的记录被删除、插入、调换或改动了。{LedgerFix}",
        $"Ledger line {line} (entry {seq}): prev does not match the hash of line {previousLine}; the chain is broken here. {LedgerFixEn}");

    public static LocalizedText LedgerUnterminated(int line) => T(
        $"发布记录第 {line} 行没有以换行结束:上一次写入可能被中断,或文件被截断。{LedgerFix}",
        $"Ledger line {line} does not end with a newline: a write was interrupted or the file truncated. {LedgerFixEn}");

    public static LocalizedText LedgerUnknownChange(int line, string url, string change) => T(
        $"发布记录第 {line} 行中 {url} 的 change 是 '{change}',只能是 new、revised 或 withdrawn。{LedgerFix}",
        $"Ledger line {line}: change '{change}' of {url} must be new, revised or withdrawn. {LedgerFixEn}");

    // ---- changes after publication ----
    public static LocalizedText LedgerChangedWithoutNote(string file, long revision, DateOnly recorded, long seq) => T(
        $"{file} 已于 {Dates.Iso(recorded)} 发布(第 {revision} 版,发布记录第 {seq} 条),之后内容被修改了,但没有写更正说明。"
            + "请在 front matter 里加一行说明改了什么,例如 revision_note: 更正第3行支出金额;如果不该修改,请恢复原来的内容。",
        $"{file} was published on {Dates.Iso(recorded)} (revision {revision}, ledger entry {seq}) and has changed since, without a revision note. "
            + "Add e.g. revision_note: corrected the amount in row 3, or restore the published content.");

    public static LocalizedText LedgerNoteUnchanged(string file, long revision, string note) => T(
        $"{file} 的内容在第 {revision} 版之后又改了,但 revision_note 还是上一版的“{note}”。请把 revision_note 改成这一次的更正说明。",
        $"{file} changed after revision {revision} but its revision_note is still the previous one (\"{note}\"); describe this change.");

    public static LocalizedText LedgerRepublishedWithoutNote(string file, DateOnly withdrawn) => T(
        $"{file} 已于 {Dates.Iso(withdrawn)} 撤回,现在又要重新发布。请写一行 revision_note 说明重新发布的原因。",
        $"{file} was withdrawn on {Dates.Iso(withdrawn)} and is being published again; add a revision_note saying why.");

    public static LocalizedText LedgerVanished(string file, string url, DateOnly recorded, long seq) => T(
        $"已发布的 {file}(网址 {url},{Dates.Iso(recorded)} 记录于发布记录第 {seq} 条)从数据中消失了,但没有撤回记录。"
            + "已公开的内容不能悄悄删除:请恢复这个文件;如确需撤下,请保留文件并在 front matter 写 withdrawn: 撤回原因。",
        $"The published {file} ({url}, ledger entry {seq} of {Dates.Iso(recorded)}) is gone from the input without a withdrawal. "
            + "Restore it; to take it down, keep the file and add withdrawn: <reason>.");

    public static LocalizedText LedgerEmbargoedAfterPublication(string file, DateOnly recorded, DateOnly? publishAt) => T(
        $"{file} 已于 {Dates.Iso(recorded)} 公开,现在却被设为 {(publishAt is { } p ? Dates.Iso(p) : "以后")} 才发布,这会让它从网站上消失。"
            + "已公开的内容不能改回未发布:请删除 publish_at;如确需撤下,请写 withdrawn: 撤回原因。",
        $"{file} was public on {Dates.Iso(recorded)} but is now embargoed until {(publishAt is { } p2 ? Dates.Iso(p2) : "later")}; "
            + "remove publish_at, or withdraw it with withdrawn: <reason>.");

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;
}
