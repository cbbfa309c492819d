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

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;
}

/// <summary>Messages of <c>ledger record</c>.</summary>
public static partial class Messages
{
    public static LocalizedText RecordInputErrors() => T(
        "数据或发布记录有错误(见上),本次没有写入发布记录。请先改正错误,再运行 disclosure check 确认无误。",
        "The input or the ledger has errors (above); nothing was recorded. Fix them and run disclosure check.");

    public static LocalizedText RecordNothingNew(long lastSeq) => T(
        $"没有新的发布内容:所有公开条目都与发布记录(截至第 {lastSeq} 条)一致,本次不追加记录。",
        $"Nothing new to record: every public item matches the ledger (last entry {lastSeq}).");

    public static LocalizedText RecordNoManifest(string site, string error) => T(
        $"网站文件夹 '{site}' 里没有可用的 data/manifest.json({error})。请先运行 disclosure build 生成网站,再记录发布。",
        $"The site folder '{site}' has no usable data/manifest.json ({error}); run disclosure build first.");

    public static LocalizedText RecordSiteDiffers(string site, IReadOnlyList<string> urls) => T(
        $"网站 '{site}' 与数据不一致:{urls.Count} 个条目在网站上不存在或内容 hash 不同(如 {string.Join("、", urls.Take(3))})。"
            + "请用同一个日期(--as-of)重新构建网站后再记录。",
        $"The site '{site}' does not match the input: {urls.Count} items are missing or differ (e.g. {string.Join(", ", urls.Take(3))}). Rebuild with the same --as-of.");

    public static LocalizedText RecordDirtyInput() => T(
        "注意:数据文件夹有未提交的修改,这条记录不写提交号(commit 为 null),以后无法从 Git 历史取出这一版内容做对照。正式发布请先提交。",
        "Note: the input has uncommitted changes, so this entry records no commit; commit before publishing for real.");

    public static LocalizedText RecordDone(long seq, int added, int revised, int withdrawn, string hash, string? manifest) => T(
        (added + revised + withdrawn == 0
            ? $"已追加发布记录第 {seq} 条:没有新发布、修订或撤回的条目,登记了这次部署的网站。"
            : $"已追加发布记录第 {seq} 条:新发布 {added} 项,修订 {revised} 项,撤回 {withdrawn} 项。")
            + (manifest is null ? "(没有 --site,未登记网站清单)" : $"网站清单 SHA-256 {manifest}。") + $"\n链头(第 {seq} 条的 hash):{hash}",
        (added + revised + withdrawn == 0
            ? $"Appended ledger entry {seq}: no item changed; the deployed site is recorded. "
            : $"Appended ledger entry {seq}: {added} new, {revised} revised, {withdrawn} withdrawn. ")
            + (manifest is null ? "(no --site: no manifest bound)" : $"Site manifest SHA-256 {manifest}.") + $"\nChain head (hash of entry {seq}): {hash}");

    public static LocalizedText RecordInputNotInGit(string input) => T(
        $"数据文件夹 '{input}' 不在 Git 仓库里。发布记录必须和数据一起提交到同一个 Git 仓库,审计人员才能核对;请先 git init 并提交数据,再记录发布。",
        $"The input '{input}' is not in a Git repository; the ledger must be committed with the data. Run git init and commit first.");

    public static LocalizedText RecordLedgerOutsideRepository(string path, string repository, string defaultPath) => T(
        $"没有写入:发布记录 '{path}' 不在数据所在的 Git 仓库 '{repository}' 里,发布流程不会提交它,审计人员也就看不到。"
            + $"请去掉 --ledger 使用默认位置 '{defaultPath}',或把 --ledger 指向仓库里面的路径。",
        $"Not written: the ledger '{path}' is outside the data's Git repository '{repository}', so it would never be committed. "
            + $"Drop --ledger to use '{defaultPath}', or point it inside the repository.");

    public static LocalizedText RecordAsOfDisagrees(string site, DateOnly built, DateOnly given) => T(
        $"没有写入:网站 '{site}' 是按 {Dates.Iso(built)} 构建的(data/manifest.json 的 as_of),本次记录却写了 --as-of {Dates.Iso(given)}。"
            + $"两者必须是同一天,否则记录的内容与网站显示的状态对不上。请运行 disclosure ledger record --site {site} --as-of {Dates.Iso(built)}(或不写 --as-of),"
            + $"或者先运行 disclosure build --as-of {Dates.Iso(given)} 重新构建网站,再记录。",
        $"Not written: the site '{site}' was built as of {Dates.Iso(built)} but --as-of is {Dates.Iso(given)}. Record with --as-of {Dates.Iso(built)} "
            + $"(or none), or rebuild with disclosure build --as-of {Dates.Iso(given)} first.");

    public static LocalizedText RecordAsOfInFuture(DateOnly asOf, DateOnly today) => T(
        $"没有写入:as_of {Dates.Iso(asOf)} 晚于今天({Dates.Iso(today)},本站时区)。发布记录只记已经发生的发布:请去掉 --as-of,或按今天重新构建网站后再记录。",
        $"Not written: as-of {Dates.Iso(asOf)} is after today ({Dates.Iso(today)}, site time zone); a publication cannot be recorded in advance.");

    public static LocalizedText RecordHeadMoved(string path, long seenSeq) => T(
        $"没有写入:读取时发布记录 '{path}' 的最后一条是第 {seenSeq} 条,写入前它已被另一个发布进程改动。为避免链条分叉,本次拒绝追加;请重新运行(会基于最新记录计算)。",
        $"Not written: the ledger '{path}' changed after it was read (last entry seen: {seenSeq}); another publish run appended first. Run again.");

    public static LocalizedText RecordLocked(string path) => T(
        $"没有写入:另一个发布进程正在写发布记录 '{path}'。请等它结束后重新运行。",
        $"Not written: another publish run is writing the ledger '{path}'. Run again when it has finished.");

    public static LocalizedText RecordWriteFailed(string path, string error) => T(
        $"无法写入发布记录 '{path}':{error}",
        $"Cannot write the ledger '{path}': {error}");
}

/// <summary>Messages of <c>ledger verify</c>: section titles, summaries and one line per break.</summary>
public static partial class Messages
{
    public static LocalizedText VerifyChainTitle() => T("发布记录链条", "Ledger chain");

    public static LocalizedText VerifyFilesTitle() => T("网站文件与清单", "Site files and manifest");

    public static LocalizedText VerifyItemsTitle() => T("已发布和已撤回的条目", "Published and withdrawn items");

    public static LocalizedText VerifyCopyTitle() => T("网站公布的发布记录副本", "The site's copy of the ledger");

    public static LocalizedText VerifyGitTitle() => T("Git 历史中的记录内容", "Recorded content in Git history");

    public static LocalizedText VerifyNoLedger(string path) => T($"找不到发布记录文件 '{path}'。请用 --ledger 指定,或在数据仓库的根目录运行。", $"No ledger at '{path}'; pass --ledger.");

    public static LocalizedText VerifyChainSummary(int lines, int entries) => T(
        $"共 {lines} 行,{entries} 条记录;逐条检查了序号、prev 与 hash",
        $"{lines} lines, {entries} entries; seq, prev and hash checked for each");

    public static LocalizedText VerifyNoManifest(string site, string error) => T($"网站 '{site}' 没有可用的 data/manifest.json:{error}", $"The site '{site}' has no usable data/manifest.json: {error}");

    public static LocalizedText VerifyFilesSummary(int files) => T($"清单列出 {files} 个文件,逐个核对了 SHA-256 和大小,并查找清单外的文件", $"{files} files listed; SHA-256 and size checked, unlisted files searched");

    public static LocalizedText VerifyFileMissing(string path) => T($"清单中的文件 {path} 在网站上不存在(被删除)", $"{path} is in the manifest but missing from the site");

    public static LocalizedText VerifyFileChanged(string path, string expected, string actual) => T(
        $"文件 {path} 被改动:清单中的 SHA-256 是 {Short(expected)},实际是 {Short(actual)}",
        $"{path} was changed: manifest SHA-256 {Short(expected)}, actual {Short(actual)}");

    public static LocalizedText VerifyFileUnlisted(string path) => T($"网站上的文件 {path} 不在清单中(被添加)", $"{path} is on the site but not in the manifest");

    public static LocalizedText VerifyItemsSummary(int published, int withdrawn) => T(
        $"按发布记录,{published} 项应在网站上显示最新版本,{withdrawn} 项应显示撤回公告",
        $"{published} items should show their latest recorded revision, {withdrawn} a withdrawal notice");

    public static LocalizedText VerifyPageMissing(string url, string file, long seq) => T(
        $"已发布的 {url}({file},发布记录第 {seq} 条)在网站上没有页面(被删除或没有生成)",
        $"The published {url} ({file}, entry {seq}) has no page on the site");

    public static LocalizedText VerifyPageDiffers(string url, long revision, long seq, string recorded, string? page) => T(
        page is null
            ? $"{url} 的页面没有内容 hash 标记(disclosure:content-sha256),无法证明显示的是第 {revision} 版(发布记录第 {seq} 条)"
            : $"{url} 的页面显示的内容与发布记录不符:记录的第 {revision} 版(第 {seq} 条)hash 是 {Short(recorded)},页面上是 {Short(page)}",
        page is null
            ? $"The page of {url} carries no disclosure:content-sha256; cannot show it is revision {revision} (entry {seq})"
            : $"The page of {url} differs from the ledger: revision {revision} (entry {seq}) is {Short(recorded)}, the page says {Short(page)}");

    public static LocalizedText VerifyManifestItemMissing(string url, long seq) => T(
        $"已发布的 {url}(发布记录第 {seq} 条)不在网站清单 data/manifest.json 的 items 中",
        $"The published {url} (entry {seq}) is not among the manifest's items");

    public static LocalizedText VerifyManifestItemDiffers(string url, long revision, string recorded, string? listed) => T(
        $"网站清单中 {url} 的内容 hash 是 {Short(listed ?? "(空)")},发布记录的第 {revision} 版是 {Short(recorded)}",
        $"The manifest lists {url} with {Short(listed ?? "(none)")}; the ledger's revision {revision} is {Short(recorded)}");

    public static LocalizedText VerifyNoticeMissing(string url, long seq) => T(
        $"已撤回的 {url}(发布记录第 {seq} 条)在网站上没有撤回公告页(撤回不能变成 404)",
        $"The withdrawn {url} (entry {seq}) has no notice page (a withdrawal must not become a 404)");

    public static LocalizedText VerifyWithdrawnStillShown(string url, long seq) => T(
        $"{url} 已于发布记录第 {seq} 条撤回,但网站页面仍在显示内容(不是撤回公告页)",
        $"{url} was withdrawn in entry {seq} but its page still shows the content");

    public static LocalizedText VerifyShownAsWithdrawn(string url, long revision, long seq) => T(
        $"{url} 在网站上显示为已撤下,但发布记录里它的最新记录是第 {revision} 版(第 {seq} 条),没有撤回记录:撤下没有登记,请运行 disclosure ledger record",
        $"{url} is shown as withdrawn but the ledger has no withdrawal (latest: revision {revision}, entry {seq}); run disclosure ledger record");

    public static LocalizedText VerifyCopyAbsent() => T("网站上没有 history/publications.jsonl,跳过", "The site has no history/publications.jsonl; skipped");

    public static LocalizedText VerifyCopySummary(int site, int repo) => T(
        $"网站副本 {site} 行,仓库 {repo} 行(网站在记录之前构建时,副本可以少最后几行)",
        $"site copy {site} lines, repository {repo} lines (the copy may lag when the site was built before recording)");

    public static LocalizedText VerifyCopyLonger(int site, int repo) => T(
        $"网站公布的发布记录有 {site} 行,仓库里只有 {repo} 行:仓库中的发布记录末尾被删除了",
        $"The site's copy has {site} lines but the repository's ledger only {repo}: entries were removed from its end");

    public static LocalizedText VerifyCopyDiffers(int line) => T(
        $"网站公布的发布记录第 {line} 行与仓库中的不同:两者之一被改动过",
        $"Line {line} of the site's copy differs from the repository's ledger; one of them was altered");

    public static LocalizedText VerifyGitNoRepo(string input) => T($"'{input}' 不在 Git 仓库中,跳过历史核对", $"'{input}' is not in a Git repository; skipped");

    public static LocalizedText VerifyGitShallow() => T(
        "这是浅克隆(shallow clone),没有完整历史,跳过。请用 git clone(不加 --depth)或 git fetch --unshallow 后再核验",
        "A shallow clone has no full history; skipped. Clone without --depth or run git fetch --unshallow");

    public static LocalizedText VerifyGitSummary(int commits, int items, int withoutCommit) => T(
        $"{commits} 个记录的提交,从中取出并重新计算了 {items} 项内容的 hash" + (withoutCommit > 0 ? $";{withoutCommit} 条记录没有提交号(记录时数据未提交),无法对照" : string.Empty),
        $"{commits} recorded commits; {items} item contents re-hashed from them" + (withoutCommit > 0 ? $"; {withoutCommit} entries have no commit" : string.Empty));

    public static LocalizedText VerifyCommitNotOnBranch(long seq, string commit) => T(
        $"发布记录第 {seq} 条的提交 {Short(commit)} 不在当前分支的历史中:Git 历史被改写(rebase、amend 或强制推送)了",
        $"The commit {Short(commit)} of entry {seq} is not in the current branch's history: history was rewritten");

    public static LocalizedText VerifyCommitLacksFile(long seq, string commit, string url, string file) => T(
        $"发布记录第 {seq} 条的提交 {Short(commit)} 中找不到 {url} 的文件 {file}:提交已不存在或历史被改写",
        $"The commit {Short(commit)} of entry {seq} lacks {file} of {url}: the commit is gone or history was rewritten");

    public static LocalizedText VerifyCommitContentDiffers(long seq, string commit, string url, string recorded, string actual) => T(
        $"发布记录第 {seq} 条记录的 {url} 内容 hash 是 {Short(recorded)},但提交 {Short(commit)} 中的内容算出来是 {Short(actual)}:Git 历史被改写了",
        $"Entry {seq} records {url} as {Short(recorded)} but commit {Short(commit)} holds {Short(actual)}: history was rewritten");

    public static LocalizedText VerifyKeptHeadTitle() => T("审计人员保存的链头", "The chain head an auditor kept");

    public static LocalizedText VerifyKeptHeadAbsent(string kept) => T(
        $"您保存的链头 {kept} 不在现在的发布记录中:您保存它之后,发布记录被改写了(不是只在末尾追加)",
        $"The head you kept, {kept}, is not in the ledger any more: the ledger was rewritten since, not only appended to");

    public static LocalizedText VerifyKeptHeadFound(string kept, long seq, int entries) => T(
        $"您保存的链头 {Short(kept)} 是第 {seq} 条的 hash;之后追加了 {entries - seq} 条",
        $"The head you kept, {Short(kept)}, is entry {seq}; {entries - seq} entries were appended since");

    public static LocalizedText VerifyBindingTitle() => T("网站清单与发布记录的绑定", "Site manifest bound by the ledger");

    public static LocalizedText VerifyManifestUnbound(string sha, long? lastBound) => T(
        $"网站的 data/manifest.json(SHA-256 {Short(sha)})不是任何一条发布记录登记的清单:清单在发布之后被改写过(例如改了页面再改清单里的校验值),或这次部署没有记录"
            + (lastBound is { } b ? $"。最近一次登记清单的是第 {b} 条" : "。发布记录里没有登记过任何网站清单(记录时要用 --site)"),
        $"The site's data/manifest.json (SHA-256 {Short(sha)}) is not the manifest of any ledger entry: it was rewritten after publication, or this deployment was not recorded"
            + (lastBound is { } b2 ? $". The last entry binding a manifest is {b2}" : ". No entry binds a manifest (record with --site)"));

    public static LocalizedText VerifyManifestBound(string sha, long seq, int entries) => T(
        $"清单 SHA-256 {Short(sha)} 由发布记录第 {seq} 条登记(共 {entries} 条)",
        $"manifest SHA-256 {Short(sha)} is recorded by entry {seq} (of {entries})");

    public static LocalizedText VerifyDatesTitle() => T("条目页上的发布日期、来源和状态", "Dates, date sources and statuses on item pages");

    public static LocalizedText VerifyDatesSummary(int pages, int fromLedger, int copyLines) => T(
        $"核对了 {pages} 个条目页;其中 {fromLedger} 项的日期应来自发布记录(按网站构建时的 {copyLines} 条记录)",
        $"{pages} item pages checked; {fromLedger} should show their date from the ledger (the {copyLines} entries the site was built with)");

    public static LocalizedText VerifyDateMarkersMissing(string url) => T(
        $"{url} 的页面没有发布日期、日期来源或状态标记(disclosure:published 等),无法核对它显示的日期",
        $"The page of {url} lacks the date markers (disclosure:published …); its date cannot be checked");

    public static LocalizedText VerifyDateDiffers(string url, string shown, string source, long seq, DateOnly recorded) => T(
        $"{url} 的页面显示发布日期 {shown}(来源 {source}),但发布记录第 {seq} 条记录它于 {Dates.Iso(recorded)} 发布:页面上的日期不是发布记录里的日期",
        $"The page of {url} shows {shown} (source {source}) but ledger entry {seq} records {Dates.Iso(recorded)}");

    public static LocalizedText VerifyDateNotInLedger(string url, string shown) => T(
        $"{url} 的页面声称发布日期 {shown} 来自发布记录,但网站构建时的发布记录没有记录它的发布日期(它属于建账基线,或还没有记录)",
        $"The page of {url} claims its date {shown} comes from the ledger, which holds no such date for it");

    public static LocalizedText VerifyStatusContradicts(string url, string status, string shown, string deadline) => T(
        $"{url} 的页面显示状态“{(status == "late" ? "逾期" : "按时")}”,但它显示的发布日期 {shown} 与截止日期 {deadline} 推出的是“{(status == "late" ? "按时" : "逾期")}”",
        $"The page of {url} shows \"{status}\" but its date {shown} against the deadline {deadline} says otherwise");

    public static LocalizedText VerifyGrowthTitle() => T("发布记录在 Git 中只增不改、时间可信", "Ledger only grew in Git; entry times plausible");

    public static LocalizedText VerifyLedgerOutsideRepository(string path, string top) => T(
        $"发布记录 '{path}' 不在数据仓库 '{top}' 里,无法从 Git 历史核对它",
        $"The ledger '{path}' is outside the repository '{top}'; its history cannot be checked");

    public static LocalizedText VerifyLedgerRewritten(string rel, string commit, DateTimeOffset time, long line) => T(
        $"提交 {Short(commit)}({Time(time)})中的 {rel} 不是之前版本的延续:从第 {line} 行起被改写或删除了。发布记录只能在末尾追加,这说明有人改写了已有的记录(即使重新计算了整条链)",
        $"In commit {Short(commit)} ({Time(time)}) {rel} does not continue the previous version: rewritten from line {line}. The ledger was rewritten, not appended to");

    public static LocalizedText VerifyLedgerWorkingDiffers(string rel, long line) => T(
        $"磁盘上的 {rel} 与最后一次提交的版本不同:从第 {line} 行起被改动了(没有提交的改写)",
        $"{rel} on disk differs from its last committed version from line {line}");

    public static LocalizedText VerifyEntriesUncommitted(string rel, long from, long to) => T(
        $"{rel} 的第 {from}–{to} 条还没有提交到 Git 仓库,无法核对它们的时间;正式发布时发布流程会提交它们,请提交后再核验",
        $"Entries {from}–{to} of {rel} are not committed; their times cannot be checked. Commit them and verify again");

    public static LocalizedText VerifyEntryBeforeCommit(long seq, string commit, DateTimeOffset commitTime, DateTimeOffset at) => T(
        $"发布记录第 {seq} 条的发布时间 {Time(at)} 早于它构建所用的提交 {Short(commit)} 的时间 {Time(commitTime)}:不可能在内容提交之前发布,发布时间被改早了",
        $"Entry {seq} claims {Time(at)}, before its own commit {Short(commit)} ({Time(commitTime)}): its time was moved earlier");

    public static LocalizedText VerifyEntryBeforeItem(long seq, string url, string file, DateTimeOffset added, DateTimeOffset at) => T(
        $"发布记录第 {seq} 条说 {url} 于 {Time(at)} 发布,但它的文件 {file} 在 {Time(added)} 才提交到仓库:发布时间被改早了(例如把逾期改成按时)",
        $"Entry {seq} says {url} was published at {Time(at)}, but {file} was only committed at {Time(added)}: the time was moved earlier");

    public static LocalizedText VerifyEntryAfterItsCommit(long seq, string commit, DateTimeOffset commitTime, DateTimeOffset at) => T(
        $"发布记录第 {seq} 条的发布时间 {Time(at)} 晚于把这条记录写进仓库的提交 {Short(commit)}({Time(commitTime)}):记录不可能晚于它自己的提交,时间被改过",
        $"Entry {seq} claims {Time(at)}, after the commit {Short(commit)} that added it ({Time(commitTime)}): its time was altered");

    public static LocalizedText VerifyGrowthSummary(string rel, int versions, int entries) => T(
        $"{rel} 在 Git 中有 {versions} 个版本,逐个核对了只在末尾追加;{entries} 条记录的时间与前后提交的时间核对",
        $"{versions} versions of {rel} in Git, each checked to append only; {entries} entry times checked against the commits around them");

    public static LocalizedText VerifyAnchorTitle() => T("链头锚定标签", "Anchor tags of the chain head");

    public static LocalizedText VerifyAnchorNotAnnotated(string name) => T(
        $"标签 {name} 不是附注标签(annotated tag),不是发布流程创建的锚定",
        $"The tag {name} is not annotated; it is not an anchor the publisher made");

    public static LocalizedText VerifyAnchorBeyondChain(string name, long seq, int entries) => T(
        $"锚定标签 {name} 证明曾有第 {seq} 条记录,但现在的发布记录只有 {entries} 条:末尾的记录被删除了",
        $"The anchor {name} names entry {seq} but the ledger has only {entries}: entries were removed from its end");

    public static LocalizedText VerifyAnchorDiffers(string name, long seq, string named, string actual) => T(
        $"锚定标签 {name} 记下的第 {seq} 条 hash 是 {Short(named)},现在第 {seq} 条的 hash 是 {Short(actual)}:发布记录在锚定之后被改写了",
        $"The anchor {name} names {Short(named)} for entry {seq}, which is now {Short(actual)}: the ledger was rewritten after anchoring");

    public static LocalizedText VerifyAnchorMissing(int seq, string tag) => T(
        $"最后一条记录(第 {seq} 条)没有锚定标签 {tag}:发布流程没有完成锚定,或标签被删除了。请查看那次发布的运行日志中打印的链头",
        $"The last entry ({seq}) has no anchor tag {tag}: the publish run did not anchor it, or the tag was deleted");

    public static LocalizedText VerifyAnchorSummary(int anchored, int entries) => T(
        $"{anchored} 个锚定标签与发布记录一致(共 {entries} 条)",
        $"{anchored} anchor tags match the ledger ({entries} entries)");

    public static LocalizedText VerifyRebuildTitle() => T("从记录的提交重建网站并逐个文件比对", "Rebuild from the recorded commit, compared file by file");

    public static LocalizedText VerifyRebuildNeeds() => T("重建需要 --site(已发布网站的副本)和 --input(数据仓库),跳过", "A rebuild needs --site and --input; skipped");

    public static LocalizedText VerifyRebuildNoCommit(long? seq) => T(
        seq is { } s ? $"发布记录第 {s} 条没有提交号(记录时数据有未提交的修改),无法从 Git 重建网站" : "发布记录是空的,无法重建网站",
        seq is { } s2 ? $"Entry {s2} records no commit; the site cannot be rebuilt" : "The ledger is empty; nothing to rebuild");

    public static LocalizedText VerifyRebuildCheckoutFailed(long seq, string commit) => T(
        $"无法取出发布记录第 {seq} 条的提交 {Short(commit)}:提交不在仓库中(历史被改写,或这是浅克隆)",
        $"Cannot check out commit {Short(commit)} of entry {seq}: not in the repository");

    public static LocalizedText VerifyRebuildFailed(long seq, string commit, string error) => T(
        $"从发布记录第 {seq} 条的提交 {Short(commit)} 重建网站失败:{error}",
        $"Rebuilding from commit {Short(commit)} of entry {seq} failed: {error}");

    public static LocalizedText VerifyRebuildOnlyPublished(string rel) => T($"发布的网站上有 {rel},重建的网站没有(被添加)", $"{rel} is on the published site but not in the rebuild");

    public static LocalizedText VerifyRebuildOnlyRebuilt(string rel) => T($"重建的网站有 {rel},发布的网站上没有(被删除)", $"{rel} is in the rebuild but missing from the published site");

    public static LocalizedText VerifyRebuildDiffers(string rel) => T($"{rel} 与重建的不同(发布后被改动,或发布的不是这个提交生成的)", $"{rel} differs from the rebuild");

    public static LocalizedText VerifyRebuildMore(int more) => T($"另有 {more} 个文件不同", $"{more} more files differ");

    public static LocalizedText VerifyRebuildSummary(long seq, string commit, string asOf, int files) => T(
        $"按发布记录第 {seq} 条,从提交 {Short(commit)} 以 as_of {asOf} 重建,{files} 个文件逐字节比对",
        $"rebuilt from commit {Short(commit)} of entry {seq} as of {asOf}; {files} files compared byte for byte");

    public static LocalizedText VerifyPassed(double seconds) => T($"结论:核验通过。用时 {seconds:0.0} 秒", $"Result: verified. {seconds:0.0} s");

    public static LocalizedText VerifyFailed(int problems, double seconds) => T(
        $"结论:核验不通过,发现 {problems} 处问题(见上)。用时 {seconds:0.0} 秒",
        $"Result: NOT verified, {problems} problems (above). {seconds:0.0} s");
}

/// <summary>Messages of <c>ledger anchor</c>.</summary>
public static partial class Messages
{
    public static LocalizedText AnchorNoEntries(string path) => T($"发布记录 '{path}' 还没有记录,没有可以锚定的链头。", $"The ledger '{path}' has no entries to anchor.");

    public static LocalizedText AnchorBrokenChain(LocalizedText problem) => T($"发布记录的链条有问题,不能锚定:{problem.Zh}", $"The chain is broken; not anchored: {problem.En}");

    public static LocalizedText AnchorNotInRepository(string path) => T(
        $"发布记录 '{path}' 不在 Git 仓库里(或仓库还没有提交),无法创建锚定标签。",
        $"The ledger '{path}' is not in a Git repository with commits; cannot anchor.");

    public static LocalizedText AnchorUncommitted(string rel, long seq) => T(
        $"当前提交(HEAD)中的 {rel} 与磁盘上的不同:请先提交发布记录(包括第 {seq} 条),再锚定。",
        $"{rel} at HEAD differs from the file on disk: commit the ledger (through entry {seq}) first.");

    public static LocalizedText AnchorExists(string tag, long seq, string hash) => T(
        $"已锚定:标签 {tag} 已经记下第 {seq} 条。\n链头(第 {seq} 条的 hash):{hash}",
        $"Already anchored: tag {tag} names entry {seq}.\nChain head (hash of entry {seq}): {hash}");

    public static LocalizedText AnchorTagDiffers(string tag, string named, string hash) => T(
        $"标签 {tag} 已经存在,但它记下的 hash 是 {named},现在这一条的 hash 是 {hash}:发布记录在锚定之后被改写了。请报告审计人员,不要删除标签。",
        $"The tag {tag} exists but names {named}, while the entry is now {hash}: the ledger was rewritten. Tell the auditors; do not delete the tag.");

    public static LocalizedText AnchorTagFailed(string tag, string error) => T($"无法创建标签 {tag}:{error}", $"Cannot create the tag {tag}: {error}");

    public static LocalizedText AnchorCreated(string tag, long seq, string hash) => T(
        $"已创建锚定标签 {tag}(附注标签,指向当前提交)。\n链头(第 {seq} 条的 hash):{hash}",
        $"Created the anchor tag {tag} (annotated, at HEAD).\nChain head (hash of entry {seq}): {hash}");
}
