using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DisclosureSite.Cli;
using DisclosureSite.Ledger;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Ledger;
using DisclosureSite.Publishing.Revisions;
using DisclosureSite.Validation;
using Site_ = DisclosureSite.Tests.Site;

namespace DisclosureSite.Tests;

/// <summary>
/// SPEC §7 and issue 6: the hash-chained publication ledger — canonical form, record (new, revised, withdrawn,
/// refusals, racing writers), the validator's ledger rule and trusted dates, and <c>ledger verify</c> against
/// every tampering the issue lists.
/// </summary>
[TestFixture]
public class LedgerTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 24);

    // ---- canonical JSON and hashing ------------------------------------------------------------------------

    [Test]
    public void Entry_hash_is_the_sha256_of_its_line_without_the_hash_key()
    {
        var entry = SampleEntry();
        var line = CanonicalJson.Line(entry);
        var unhashed = line[..line.IndexOf(",\"hash\":", StringComparison.Ordinal)] + "}";

        Assert.That(unhashed, Is.EqualTo(CanonicalJson.Unhashed(entry)));
        Assert.That(entry.Hash, Is.EqualTo(ContentHash.Sha256(Encoding.UTF8.GetBytes(unhashed))));
        Assert.That(LedgerParser.Parse(line, out var error), Is.EqualTo(entry).Using<LedgerEntry>(SameLine), error);
    }

    /// <summary>docs/审计核验.md's worked example: the same files, the same hashes, so the document cannot drift from the code.</summary>
    [Test]
    public void Worked_example_of_the_auditors_guide_recomputes()
    {
        var root = Path.Combine(Path.GetTempPath(), "ledger-doc-" + Guid.NewGuid().ToString("N")[..8]);
        var dir = Path.Combine(root, "disclosures", "dongshan", "2026-Q3");
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "land.md"), "---\nitem: village.land\npublished: 2026-10-15\ntables:\n  - file: land-roster.csv\n    schema: generic\n---\n本季度土地流转 2 宗,明细见下表。\n");
            File.WriteAllText(Path.Combine(dir, "land-roster.csv"), "承包方,面积(亩)\r\n张某,3.5\r\n李某,2.0\r\n");
            string[] files = ["disclosures/dongshan/2026-Q3/land.md", "disclosures/dongshan/2026-Q3/land-roster.csv"];
            var content = ContentHash.Sha256(ContentHash.Canonical(root, files));
            Assert.That(content, Is.EqualTo(DocContentHash));

            var item = new LedgerItem("dongshan/2026-Q3/land/", "dongshan", "2026-Q3", "village.land", files[0], files, content, 1, null, LedgerChange.New, null);
            var entry = new LedgerEntry(1, "2026-10-15T16:05:00Z", "2026-10-16T00:05:00+08:00", "2026-10-16", "9b2e4c1d7a6f3e8b5c0d2a1f4e7b9c3d6a8f0e2b", [item], null, LedgerEntry.Genesis, string.Empty);
            Assert.That(CanonicalJson.HashOf(entry), Is.EqualTo(DocEntryHash), CanonicalJson.Line(entry with { Hash = CanonicalJson.HashOf(entry) }));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private const string DocContentHash = "6be506afb41e8c088de1b233b4a6a00ed6c5ead385345bb6fb00336990a9c516";
    private const string DocEntryHash = "909d22d4b828cdabff55fa512b88fc6702d1719d8db15c728d8b5f354d779d8e";

    [TestCase("引号\"与反斜杠\\", "\"引号\\\"与反斜杠\\\\\"")]
    [TestCase("两行\n制表\t回车\r", "\"两行\\n制表\\t回车\\r\"")]
    [TestCase("控制\u0001字符\u001f", "\"控制\\u0001字符\\u001f\"")]
    [TestCase("斜杠/ 和 é 原样", "\"斜杠/ 和 é 原样\"")]
    public void Strings_are_escaped_as_in_RFC_8785(string value, string expected)
    {
        var sb = new StringBuilder();
        CanonicalJson.Str(sb, value);
        Assert.That(sb.ToString(), Is.EqualTo(expected));
        Assert.That(JsonSerializer.Deserialize<string>(sb.ToString()), Is.EqualTo(value));
    }

    [TestCase("not json at all", "无法解析")]
    [TestCase("{\"seq\":1}", "无法解析")]
    [TestCase("[1,2,3]", "无法解析")]
    [TestCase("", "空行")]
    public void A_damaged_ledger_line_is_a_broken_chain_finding_not_an_exception(string line, string expected)
    {
        var read = LedgerFile.Parse("x.jsonl", Encoding.UTF8.GetBytes(line + "\n"));
        Assert.That(read.Problems, Has.Count.GreaterThanOrEqualTo(1));
        Assert.That(read.Problems[0].Line, Is.EqualTo(1));
        Assert.That(read.Problems[0].Text.Zh, Does.Contain(expected));
    }

    [Test]
    public void Reformatted_entry_with_the_same_values_is_not_canonical()
    {
        var entry = SampleEntry();
        var pretty = CanonicalJson.Line(entry).Replace(",\"as_of\"", ", \"as_of\"", StringComparison.Ordinal);
        var read = LedgerFile.Parse("x.jsonl", Encoding.UTF8.GetBytes(pretty + "\n"));
        Assert.That(read.Problems.Select(p => p.Text.Zh), Has.Some.Contains("不是规范格式"));
    }

    // ---- record ----------------------------------------------------------------------------------------------

    [Test]
    public void First_record_appends_one_baseline_entry_and_the_next_finds_nothing_new()
    {
        using var f = new DataRepo();
        var first = f.Record();
        Assert.That(first.Outcome, Is.EqualTo(RecordOutcome.Recorded), Describe(first));
        Assert.That(first.Entry!.Seq, Is.EqualTo(1));
        Assert.That(first.Entry.Prev, Is.EqualTo(LedgerEntry.Genesis));
        Assert.That(first.Entry.Commit, Is.EqualTo(f.Head()));
        Assert.That(first.Entry.Items.Select(i => (i.Url, i.Change)), Is.EquivalentTo(new[]
        {
            ("dongshan/2026-Q3/finance/", "new"), ("dongshan/2026-Q3/land/", "new"), ("dongshan/2026-Q3/notice/", "withdrawn"),
        }));
        Assert.That(first.Entry.Items.Single(i => i.Change == "withdrawn").WithdrawnReason, Is.EqualTo("公示期满"));

        var again = f.Record();
        Assert.That(again.Outcome, Is.EqualTo(RecordOutcome.NothingNew));
        Assert.That(again.Notes[0].Zh, Does.Contain("没有新的发布内容"));
        Assert.That(File.ReadAllLines(f.LedgerPath), Has.Length.EqualTo(1));
    }

    [Test]
    public void Embargoed_item_is_not_recorded_until_its_publish_at()
    {
        using var f = new DataRepo();
        f.Write("disclosures/dongshan/2026-Q4/finance.md", Md("village.finance", "第四季度财务", "publish_at: 2026-12-01\n"));
        f.Commit("embargoed");
        Assert.That(f.Record().Entry!.Items.Select(i => i.Url), Has.None.EqualTo("dongshan/2026-Q4/finance/"));
        var later = f.Record(new DateOnly(2026, 12, 1));
        Assert.That(later.Entry!.Items.Select(i => (i.Url, i.Change)), Is.EqualTo(new[] { ("dongshan/2026-Q4/finance/", "new") }));
    }

    [Test]
    public void Change_without_revision_note_is_refused_and_check_reports_it()
    {
        using var f = new DataRepo();
        f.Record();
        f.Write("disclosures/dongshan/2026-Q3/land.md", Md("village.land", "本季度土地流转 3 宗(改)"));
        f.Commit("silent change");

        var result = f.Record();
        Assert.That(result.Outcome, Is.EqualTo(RecordOutcome.Refused));
        Assert.That(result.Findings.Select(x => x.Code), Does.Contain(FindingCodes.ChangedWithoutRevision));
        Assert.That(File.ReadAllLines(f.LedgerPath), Has.Length.EqualTo(1), "nothing appended");

        var check = f.Check();
        var finding = check.Findings.Single(x => x.Code == FindingCodes.ChangedWithoutRevision);
        Assert.That(finding.File, Is.EqualTo("disclosures/dongshan/2026-Q3/land.md"));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Error));
        Assert.That(finding.Message, Does.Contain("revision_note"));
    }

    [Test]
    public void Change_with_revision_note_is_revision_2_and_a_second_change_needs_a_new_note()
    {
        using var f = new DataRepo();
        f.Record();
        f.Write("disclosures/dongshan/2026-Q3/land.md", Md("village.land", "本季度土地流转 3 宗", "revision_note: 更正流转宗数\n"));
        f.Commit("revision");
        var second = f.Record();
        var item = second.Entry!.Items.Single();
        Assert.That((item.Url, item.Change, item.Revision, item.RevisionNote), Is.EqualTo(("dongshan/2026-Q3/land/", "revised", 2L, "更正流转宗数")));

        f.Write("disclosures/dongshan/2026-Q3/land.md", Md("village.land", "本季度土地流转 4 宗", "revision_note: 更正流转宗数\n"));
        f.Commit("same note");
        var third = f.Record();
        Assert.That(third.Outcome, Is.EqualTo(RecordOutcome.Refused));
        Assert.That(third.Findings.Single().Message, Does.Contain("还是上一版"));
    }

    [Test]
    public void Withdrawal_is_recorded_once_and_a_withdrawn_file_may_then_be_removed()
    {
        using var f = new DataRepo();
        f.Record();
        f.Write("disclosures/dongshan/2026-Q3/land.md", Md("village.land", "本季度土地流转 2 宗", "withdrawn: 信息有误,核实后重新公开\n"));
        f.Commit("withdraw");
        var w = f.Record().Entry!.Items.Single();
        Assert.That((w.Change, w.Revision, w.WithdrawnReason), Is.EqualTo(("withdrawn", 1L, "信息有误,核实后重新公开")));
        Assert.That(f.Record().Outcome, Is.EqualTo(RecordOutcome.NothingNew));

        f.Delete("disclosures/dongshan/2026-Q3/land.md");
        Assert.That(f.Check().Findings.Select(x => x.Code), Has.None.EqualTo(FindingCodes.Vanished));
    }

    [Test]
    public void Published_item_deleted_without_withdrawal_is_vanished()
    {
        using var f = new DataRepo();
        f.Record();
        f.Delete("disclosures/dongshan/2026-Q3/finance.md");
        f.Delete("disclosures/dongshan/2026-Q3/finance-table.csv");
        var finding = f.Check().Findings.Single(x => x.Code == FindingCodes.Vanished);
        Assert.That(finding.Message, Does.Contain("dongshan/2026-Q3/finance/").And.Contain("withdrawn"));
        Assert.That(f.Record().Outcome, Is.EqualTo(RecordOutcome.Refused));
    }

    [Test]
    public void Ledger_dates_are_trusted_after_the_baseline_entry()
    {
        using var f = new DataRepo();
        f.Record();
        f.Write("disclosures/dongshan/2026-Q3/public-works.md", Md("village.public-works", "村道修缮"));
        f.Commit("new item");
        f.Clock.Advance(TimeSpan.FromDays(2));
        f.Record();

        var ledger = LedgerStore.Load(f.Input);
        Assert.That(ledger.Dates.ContainsKey("dongshan/2026-Q3/land/"), Is.False, "baseline items keep their Git/declared date");
        Assert.That(ledger.Dates["dongshan/2026-Q3/public-works/"], Is.EqualTo(new DateOnly(2026, 11, 22)));

        var loaded = InputLoader.Load(f.Input);
        var context = Validator.Context(loaded.Input!, new DateOnly(2026, 11, 30), ledger);
        var works = loaded.Input!.Disclosures.Single(d => d.Slug == "public-works");
        Assert.That(context.Dates.Of(works), Is.EqualTo(new TrustedDate(new DateOnly(2026, 11, 22), DateSource.Ledger)));
    }

    [Test]
    public void Two_publish_runs_racing_do_not_fork_the_chain()
    {
        using var f = new DataRepo();
        var loaded = InputLoader.Load(f.Input);
        var options = new RecordOptions(null, null, AsOf, f.Clock);
        var a = RecordPublication.Prepare(loaded, options, out _)!;
        var b = RecordPublication.Prepare(loaded, options, out _)!;

        Assert.That(RecordPublication.Append(b).Outcome, Is.EqualTo(RecordOutcome.Recorded));
        var late = RecordPublication.Append(a);
        Assert.That(late.Outcome, Is.EqualTo(RecordOutcome.Conflict));
        Assert.That(late.Notes[0].Zh, Does.Contain("另一个发布进程").And.Contain("拒绝追加"));

        var read = LedgerFile.Read(f.LedgerPath);
        Assert.That((read.Entries.Count, read.Problems.Count), Is.EqualTo((1, 0)));
    }

    [Test]
    public void A_writer_holding_the_lock_makes_the_other_refuse()
    {
        using var f = new DataRepo();
        f.Record();
        f.Write("disclosures/dongshan/2026-Q3/public-works.md", Md("village.public-works", "村道修缮"));
        f.Commit("new item");
        var prepared = RecordPublication.Prepare(InputLoader.Load(f.Input), new RecordOptions(null, null, AsOf, f.Clock), out _)!;
        using (new FileStream(f.LedgerPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var result = RecordPublication.Append(prepared);
            Assert.That(result.Outcome, Is.EqualTo(RecordOutcome.Conflict));
            Assert.That(result.Notes[0].Zh, Does.Contain("正在写发布记录"));
        }

        Assert.That(RecordPublication.Append(prepared).Outcome, Is.EqualTo(RecordOutcome.Recorded));
    }

    [Test]
    public void Record_refuses_a_site_that_does_not_show_what_it_would_record()
    {
        using var f = new DataRepo();
        f.BuildSite();
        f.Write("disclosures/dongshan/2026-Q3/public-works.md", Md("village.public-works", "村道修缮"));
        f.Commit("not built yet");
        var result = f.Record(site: true);
        Assert.That(result.Outcome, Is.EqualTo(RecordOutcome.Refused));
        Assert.That(result.Notes[0].Zh, Does.Contain("dongshan/2026-Q3/public-works/"));

        f.BuildSite();
        var ok = f.Record(site: true);
        Assert.That(ok.Entry!.ManifestSha256, Is.EqualTo(ContentHash.Sha256(File.ReadAllBytes(SiteManifest.PathIn(f.Site)))));
    }

    // ---- verify ----------------------------------------------------------------------------------------------

    [Test]
    public void Verify_passes_on_an_untouched_ledger_site_and_history()
    {
        using var f = DataRepo.WithThreeEntries();
        var report = f.Verify();
        Assert.That(report.Passed, Is.True, string.Join("\n", report.Problems.Select(p => p.Zh)));
        Assert.That(report.Sections.Select(s => s.Status), Has.All.EqualTo(VerifyStatus.Passed));
        Assert.That(report.Entries, Is.EqualTo(3));
    }

    /// <summary>The tamper list (and a few more): each is detected, and the message names what broke.</summary>
    [TestCase("edit-byte", "第 1 行", "hash 不符")]
    [TestCase("delete-line", "第 2 行", "序号是 3")]
    [TestCase("reorder-lines", "第 2 行", "prev 与第 1 行的 hash 不符")]
    [TestCase("truncate-last-line", "网站公布的发布记录有 3 行", "末尾被删除")]
    [TestCase("change-page", "dongshan/2026-Q3/land/", "与发布记录不符")]
    [TestCase("change-page-file", "dongshan/2026-Q3/land/index.html", "被改动")]
    [TestCase("remove-page", "dongshan/2026-Q3/finance/", "没有页面")]
    [TestCase("add-file", "extra.html", "不在清单中")]
    [TestCase("show-withdrawn", "dongshan/2026-Q3/notice/", "仍在显示内容")]
    [TestCase("withdraw-unrecorded", "dongshan/2026-Q3/land/", "没有撤回记录")]
    [TestCase("rewrite-git-history", "第 1 条的提交", "历史被改写")]
    public void Verify_detects_tampering_and_names_what_broke(string tampering, string names, string says)
    {
        using var f = DataRepo.WithThreeEntries();
        f.Tamper(tampering);
        var report = f.Verify();
        var problems = report.Problems.Select(p => p.Zh).ToList();
        Assert.That(report.Passed, Is.False);
        Assert.That(problems, Has.Some.Contains(names).And.Contains(says), string.Join("\n", problems));
    }

    [Test]
    public void Verify_command_prints_a_Chinese_report_and_exits_0_then_1()
    {
        using var f = DataRepo.WithThreeEntries();
        var (code, output) = f.Cli("ledger", "verify", "--input", f.Input, "--site", f.Site);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("[通过]").And.Contain("核验通过"));

        f.Tamper("remove-page");
        (code, output) = f.Cli("ledger", "verify", "--input", f.Input, "--site", f.Site);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("[不通过]").And.Contain("核验不通过"));
    }

    [Test]
    public void Record_command_says_nothing_new_and_refuses_silent_changes_with_exit_1()
    {
        using var f = new DataRepo();
        var (code, output) = f.Cli("ledger", "record", "--input", f.Input, "--as-of", "2026-11-24");
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("已追加发布记录第 1 条"));
        (code, output) = f.Cli("ledger", "record", "--input", f.Input, "--as-of", "2026-11-24");
        Assert.That(output, Does.Contain("没有新的发布内容"));
        Assert.That(code, Is.EqualTo(0));

        f.Write("disclosures/dongshan/2026-Q3/land.md", Md("village.land", "改过的内容"));
        (code, output) = f.Cli("ledger", "record", "--input", f.Input, "--as-of", "2026-11-24");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("ledger.changed-without-revision"));
    }

    [Test]
    public void Check_reports_a_broken_chain_with_the_ledger_line()
    {
        using var f = DataRepo.WithThreeEntries();
        f.Tamper("edit-byte");
        var finding = f.Check().Findings.First(x => x.Code == FindingCodes.BrokenChain);
        Assert.That((finding.File, finding.Line), Is.EqualTo(("../ledger/publications.jsonl", 1)));
    }

    // ---- revisions and diffs --------------------------------------------------------------------------------

    [TestCase("a b c", "a b c", "=a =b =c")]
    [TestCase("a b c", "a x c", "=a -b +x =c")]
    [TestCase("a b c d", "a c d e", "=a -b =c =d +e")]
    [TestCase("", "a b", "+a +b")]
    [TestCase("a b", "", "-a -b")]
    [TestCase("a b c a b b a", "c b a b a c", "-a -b =c +b =a =b -b =a +c")]
    public void Line_diff_is_a_shortest_edit_script(string before, string after, string expected)
    {
        static string[] Split(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var diff = LineDiff.Lines(Split(before), Split(after));
        var text = string.Join(' ', diff.Select(d => (d.Op switch { DiffOp.Same => "=", DiffOp.Removed => "-", _ => "+" }) + d.Text));
        Assert.That(diff.Count(d => d.Op != DiffOp.Same), Is.EqualTo(expected.Split(' ').Count(t => t[0] != '=')), text);
        Assert.That(diff.Where(d => d.Op != DiffOp.Added).Select(d => d.Text), Is.EqualTo(Split(before)));
        Assert.That(diff.Where(d => d.Op != DiffOp.Removed).Select(d => d.Text), Is.EqualTo(Split(after)));
    }

    [Test]
    public void Table_rows_are_diffed_by_row_and_a_replaced_row_shows_its_changed_cells()
    {
        static ParsedTable T(params string[] rows) =>
            new(["项目", "金额"], rows.Select((r, i) => new ParsedRow(i + 2, r.Split(','))).ToList());
        var diff = TableDiff.Compare("t.csv", T("租金,1200.00", "补贴,800.00", "电费,50.00"), T("租金,1200.00", "补贴,880.00", "电费,50.00", "水费,20.00"));

        Assert.That(diff.Rows.Select(r => r.Op), Is.EqualTo(new[] { DiffOp.Same, DiffOp.Changed, DiffOp.Same, DiffOp.Added }));
        var changed = diff.Rows[1];
        Assert.That((changed.OldCells![1], changed.Cells[1]), Is.EqualTo(("800.00", "880.00")));
        Assert.That(changed.ChangedCells, Is.EqualTo(new[] { false, true }));
    }

    [Test]
    public void Revision_history_shows_every_revision_with_date_note_and_diff_from_Git()
    {
        using var f = DataRepo.WithThreeEntries();
        f.Write("disclosures/dongshan/2026-Q3/finance-table.csv", "项目,金额\n租金收入,1200.00\n误工补贴,880.00\n");
        f.Write("disclosures/dongshan/2026-Q3/finance.md", Md("village.finance", "本季度收支如下表。", "revision_note: 更正误工补贴金额\ntables:\n  - file: finance-table.csv\n    schema: generic\n"));
        f.Commit("table revision");
        f.RecordAndCommit();

        var history = RevisionHistory.Build(LedgerStore.Load(f.Input), f.Input);
        var land = history["dongshan/2026-Q3/land/"];
        Assert.That(land.Revisions.Select(r => (r.Revision, r.Change, r.Note)), Is.EqualTo(new[] { (1L, "new", (string?)null), (2L, "revised", "更正流转宗数") }));
        Assert.That(land.Revisions[1].Date, Is.EqualTo(new DateOnly(2026, 11, 23)));
        var text = land.Latest.Diff!.Text;
        Assert.That(text.Where(l => l.Op == DiffOp.Removed).Select(l => l.Text), Is.EqualTo(new[] { "本季度土地流转 2 宗。" }));
        Assert.That(text.Where(l => l.Op == DiffOp.Added).Select(l => l.Text), Is.EqualTo(new[] { "revision_note: 更正流转宗数", "本季度土地流转 3 宗。" }));

        var finance = history["dongshan/2026-Q3/finance/"].Latest;
        var row = finance.Diff!.Tables.Single().Rows.Single(r => r.Op == DiffOp.Changed);
        Assert.That((row.OldCells![1], row.Cells[1]), Is.EqualTo(("800.00", "880.00")));
        Assert.That(history["dongshan/2026-Q3/notice/"].IsWithdrawn, Is.True);
    }

    // ---- end to end on the demo -----------------------------------------------------------------------------

    /// <summary>
    /// Issue 6's "done": build the demo, record, change an item with a revision note, rebuild, record — the page shows
    /// both revisions and the diff; <c>ledger verify</c> passes, then fails on tampering.
    /// </summary>
    [Test]
    [Category("EndToEnd")]
    public void Demo_build_record_revise_rebuild_record_shows_revisions_and_verify_passes_then_fails_on_tampering()
    {
        using var f = DataRepo.FromDemo();
        f.BuildRealSite();
        var first = f.Record(site: true);
        Assert.That(first.Outcome, Is.EqualTo(RecordOutcome.Recorded), Describe(first));
        f.Commit("ledger: record 1");

        f.Edit("disclosures/dongshan/2026-Q3/finance.md", "未发现问题。", "未发现问题,监督委员会已签字确认。");
        f.Edit("disclosures/dongshan/2026-Q3/finance.md", "published: 2026-10-15\n", "published: 2026-10-15\nrevision_note: 补充监督委员会签字确认情况\n");
        f.Edit("disclosures/dongshan/2026-Q3/finance-correction-table.csv", "村级网格员补贴", "村级网格员误工补贴");
        f.Edit("disclosures/dongshan/2026-Q3/finance-correction.md", "revision_note: 更正收支明细第1行的会计科目", "revision_note: 更正对照表的摘要文字");
        f.Commit("revise two items");
        f.Clock.Advance(TimeSpan.FromDays(1));
        f.BuildRealSite();

        var page = File.ReadAllText(Path.Combine(f.Site, "dongshan/2026-Q3/finance/index.html"));
        Assert.That(page, Does.Contain("修订记录").And.Contain("第 2 版").And.Contain("补充监督委员会签字确认情况").And.Contain("第 1 版"));
        Assert.That(page, Does.Contain("<ins>+ 8月6日,村务监督委员会对本季度10笔收支的原始凭证逐笔核对,未发现问题,监督委员会已签字确认。</ins>"));
        Assert.That(page, Does.Contain("<del>- 8月6日,村务监督委员会对本季度10笔收支的原始凭证逐笔核对,未发现问题。</del>"));
        var correction = File.ReadAllText(Path.Combine(f.Site, "dongshan/2026-Q3/finance-correction/index.html"));
        Assert.That(correction, Does.Contain("<del>村级网格员补贴</del> <ins>村级网格员误工补贴</ins>"));

        var second = f.Record(site: true);
        Assert.That(second.Entry!.Items.Select(i => (i.Url, i.Change, i.Revision)), Is.EqualTo(new[]
        {
            ("dongshan/2026-Q3/finance-correction/", "revised", 2L), ("dongshan/2026-Q3/finance/", "revised", 2L),
        }));
        f.Commit("ledger: record 2");
        f.BuildRealSite();
        Assert.That(File.ReadAllText(Path.Combine(f.Site, "history/ledger/dongshan/index.html")), Does.Contain("补充监督委员会签字确认情况"));

        var clock = Stopwatch.StartNew();
        var report = f.Verify();
        TestContext.Out.WriteLine($"ledger verify on the demo: {clock.Elapsed.TotalSeconds:0.00} s, {report.Sections.Count} sections");
        Assert.That(report.Passed, Is.True, string.Join("\n", report.Problems.Select(p => p.Zh)));

        f.Tamper("change-page-file-demo");
        Assert.That(f.Verify().Problems.Select(p => p.Zh), Has.Some.Contains("dongshan/2026-Q3/finance/index.html").And.Contains("被改动"));
        f.Tamper("edit-byte");
        Assert.That(f.Verify().Problems.Select(p => p.Zh), Has.Some.Contains("第 1 行").And.Contains("hash 不符"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static bool SameLine(LedgerEntry a, LedgerEntry b) => CanonicalJson.Line(a) == CanonicalJson.Line(b);

    private static string Describe(RecordResult r) => string.Join("\n", r.Findings.Select(x => x.Code + " " + x.Message).Concat(r.Notes.Select(n => n.Zh)));

    internal static LedgerEntry SampleEntry()
    {
        var item = new LedgerItem("dongshan/2026-Q3/land/", "dongshan", "2026-Q3", "village.land", "disclosures/dongshan/2026-Q3/land.md",
            ["disclosures/dongshan/2026-Q3/land.md"], new string('a', 64), 1, null, LedgerChange.New, null);
        var entry = new LedgerEntry(1, "2026-10-15T16:05:00Z", "2026-10-16T00:05:00+08:00", "2026-10-16", null, [item], null, LedgerEntry.Genesis, string.Empty);
        return entry with { Hash = CanonicalJson.HashOf(entry) };
    }

    internal static string Md(string item, string body, string extra = "") =>
        $"---\nitem: {item}\npublished: 2026-10-15\n{extra}---\n{body}\n";

    /// <summary>A clock the tests move by hand.</summary>
    internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    /// <summary>
    /// A data repository in a temp folder: <c>input/</c> (one village, three disclosures, one withdrawn), Git with a
    /// commit per change, <c>ledger/publications.jsonl</c>, and a site built the way the site contract says.
    /// </summary>
    internal sealed class DataRepo : IDisposable
    {
        public DataRepo()
        {
            Root = Path.Combine(Path.GetTempPath(), "ledger-tests-" + Guid.NewGuid().ToString("N")[..10]);
            Input = Path.Combine(Root, "input");
            Site = Path.Combine(Root, "_site");
            Directory.CreateDirectory(Input);
            Write("site.yaml", "name: 测试镇三务公开\nbase_url: https://example.org/t/\nrules: sanwu\nsince: 2026-Q3\ndates_from: declared\n");
            Write("units.csv", "id,name,level,parent,division_code,clerk\nceshi,测试镇,township,,,\ndongshan,东山村,village,ceshi,,\n");
            Write("disclosures/dongshan/2026-Q3/finance.md", Md("village.finance", "本季度收支如下表。", "tables:\n  - file: finance-table.csv\n    schema: generic\n"));
            Write("disclosures/dongshan/2026-Q3/finance-table.csv", "项目,金额\r\n租金收入,1200.00\r\n误工补贴,800.00\r\n");
            Write("disclosures/dongshan/2026-Q3/land.md", Md("village.land", "本季度土地流转 2 宗。"));
            Write("disclosures/dongshan/2026-Q3/notice.md", Md("village.contracts", "鱼塘承包公示。", "withdrawn: 公示期满\n"));
            Git("init", "-q", "-b", "main");
            Commit("input");
        }

        private DataRepo(string fromInput)
        {
            Root = Path.Combine(Path.GetTempPath(), "ledger-demo-" + Guid.NewGuid().ToString("N")[..10]);
            Input = Path.Combine(Root, "input");
            Site = Path.Combine(Root, "_site");
            CopyTree(fromInput, Input);
            Git("init", "-q", "-b", "main");
            Commit("demo input");
        }

        public string Root { get; }

        public string Input { get; }

        public string Site { get; }

        public string LedgerPath => Path.Combine(Root, "ledger", "publications.jsonl");

        public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

        /// <summary>Baseline, a new item, a revision; each recorded at its commit, the ledger committed after each, then the site built.</summary>
        public static DataRepo WithThreeEntries()
        {
            var f = new DataRepo();
            f.RecordAndCommit();
            f.Write("disclosures/dongshan/2026-Q3/public-works.md", Md("village.public-works", "村道修缮工程完工。"));
            f.Commit("new item");
            f.RecordAndCommit();
            f.Write("disclosures/dongshan/2026-Q3/land.md", Md("village.land", "本季度土地流转 3 宗。", "revision_note: 更正流转宗数\n"));
            f.Commit("revision");
            f.RecordAndCommit();
            f.BuildSite();
            return f;
        }

        /// <summary>The bundled demo (docs/demo.md) in its own Git repository.</summary>
        public static DataRepo FromDemo() => new(Path.Combine(Site_.DemoSite.RepoRoot, "input"));

        /// <summary>Builds with the real site generator, the ledger passed the way <c>disclosure build</c> passes it.</summary>
        public void BuildRealSite()
        {
            var result = DisclosureSite.Site.SiteBuilder.Build(new DisclosureSite.Site.SiteOptions(Input, Site, AsOf)
            {
                ThemeRoot = Path.Combine(Site_.DemoSite.RepoRoot, "themes", "default"),
                RunPagefind = false,
                Clock = Clock,
                Ledger = LedgerStore.Load(Input),
            });
            Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Report.Findings.Where(x => x.IsError).Select(x => x.Message)));
        }

        public void Edit(string relative, string from, string to)
        {
            var path = Path.Combine(Input, relative);
            var text = File.ReadAllText(path);
            Assert.That(text, Does.Contain(from), relative);
            File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        }

        public void RecordAndCommit()
        {
            Clock.Advance(TimeSpan.FromDays(1));
            var r = Record();
            Assert.That(r.Outcome, Is.EqualTo(RecordOutcome.Recorded), Describe(r));
            Commit("ledger: record " + r.Entry!.Seq);
        }

        public RecordResult Record(DateOnly? asOf = null, bool site = false) =>
            RecordPublication.Run(InputLoader.Load(Input), new RecordOptions(site ? Site : null, null, asOf ?? AsOf, Clock));

        public CheckReport Check() => Validator.Check(InputLoader.Load(Input), AsOf, LedgerStore.Load(Input));

        public VerifyReport Verify() => VerifyPublication.Run(new VerifyOptions(LedgerPath, Site, Input));

        public (int Code, string Output) Cli(params string[] args)
        {
            var o = new StringWriter();
            var code = CommandLine.Run(args, new CliContext(o, o, Clock));
            return (code, o.ToString());
        }

        public void Write(string relative, string text)
        {
            var path = Path.Combine(Input, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        public void Delete(string relative) => File.Delete(Path.Combine(Input, relative));

        public void Commit(string message)
        {
            Git("add", "-A");
            Git("commit", "-q", "--allow-empty", "-m", message);
        }

        public string Head() => Git("rev-parse", "HEAD").Trim();

        /// <summary>Writes the site as the site contract describes: item pages with the content-hash meta, notices, the ledger copy, the manifest.</summary>
        public void BuildSite()
        {
            if (Directory.Exists(Site))
            {
                Directory.Delete(Site, recursive: true);
            }

            var input = InputLoader.Load(Input).Input!;
            var items = new List<object>();
            WriteSite("index.html", "<!doctype html><title>首页</title>");
            foreach (var d in input.Disclosures)
            {
                var withdrawn = LedgerPlan.WithdrawnReason(d, AsOf);
                var hash = ContentHash.Of(Input, d);
                WriteSite(d.UrlPath + "index.html", withdrawn is null
                    ? $"<!doctype html><head><meta name=\"{SiteManifest.ContentMetaName}\" content=\"{hash}\"></head><body>{d.Body}</body>"
                    : $"<!doctype html><head><meta name=\"{SiteManifest.ContentMetaName}\" content=\"{hash}\"><meta name=\"{SiteManifest.WithdrawnMetaName}\" content=\"{withdrawn}\"></head><body>已撤回:{withdrawn}</body>");
                if (withdrawn is null)
                {
                    items.Add(new { url = d.UrlPath, unit = d.Unit, period = d.Period.ToString(), slug = d.Slug, item = d.Item, content_sha256 = hash, published = "2026-10-15", date_source = "declared" });
                }
            }

            if (File.Exists(LedgerPath))
            {
                WriteSite("history/publications.jsonl", File.ReadAllText(LedgerPath));
            }

            var files = Directory.EnumerateFiles(Site, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(Site, p).Replace('\\', '/'))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new { path = p, sha256 = ContentHash.Sha256(File.ReadAllBytes(Path.Combine(Site, p))), bytes = new FileInfo(Path.Combine(Site, p)).Length })
                .ToList();
            WriteSite("data/manifest.json", JsonSerializer.Serialize(new { generated_at = "2026-11-24T16:05:00Z", as_of = "2026-11-24", base_url = "https://example.org/t/", files, items }));
        }

        public void Tamper(string how)
        {
            var lines = File.ReadAllLines(LedgerPath).ToList();
            switch (how)
            {
                case "edit-byte":
                    var i = lines[0].IndexOf("\"content_sha256\":\"", StringComparison.Ordinal) + 18;
                    lines[0] = lines[0][..i] + (lines[0][i] == 'a' ? 'b' : 'a') + lines[0][(i + 1)..];
                    WriteLedger(lines);
                    break;
                case "delete-line":
                    lines.RemoveAt(1);
                    WriteLedger(lines);
                    break;
                case "reorder-lines":
                    (lines[1], lines[2]) = (lines[2], lines[1]);
                    WriteLedger(lines);
                    break;
                case "truncate-last-line":
                    lines.RemoveAt(2);
                    WriteLedger(lines);
                    break;
                case "change-page":
                    var page = Path.Combine(Site, "dongshan/2026-Q3/land/index.html");
                    File.WriteAllText(page, File.ReadAllText(page).Replace("content=\"", "content=\"0", StringComparison.Ordinal));
                    break;
                case "change-page-file-demo":
                    File.AppendAllText(Path.Combine(Site, "dongshan/2026-Q3/finance/index.html"), "<p>支出合计 0 元</p>");
                    break;
                case "change-page-file":
                    File.AppendAllText(Path.Combine(Site, "dongshan/2026-Q3/land/index.html"), "<p>本季度土地流转 5 宗。</p>");
                    break;
                case "remove-page":
                    Directory.Delete(Path.Combine(Site, "dongshan/2026-Q3/finance"), recursive: true);
                    break;
                case "add-file":
                    File.WriteAllText(Path.Combine(Site, "extra.html"), "<p>后来加的页面</p>");
                    break;
                case "show-withdrawn":
                    File.WriteAllText(Path.Combine(Site, "dongshan/2026-Q3/notice/index.html"), $"<meta name=\"{SiteManifest.ContentMetaName}\" content=\"{new string('1', 64)}\">鱼塘承包公示。");
                    break;
                case "withdraw-unrecorded":
                    File.WriteAllText(Path.Combine(Site, "dongshan/2026-Q3/land/index.html"), $"<meta name=\"{SiteManifest.WithdrawnMetaName}\" content=\"悄悄撤下\">已撤下");
                    break;
                case "rewrite-git-history":
                    // Rewrite history as a force-push would, then drop the old objects as a fresh clone would not have them.
                    Write("disclosures/dongshan/2026-Q3/land.md", Md("village.land", "本季度土地流转 3 宗。", "revision_note: 更正流转宗数\n") + "(历史上一直是这样)\n");
                    Git("checkout", "-q", "--orphan", "rewritten");
                    Commit("rewritten history");
                    Git("branch", "-q", "-D", "main");
                    Git("branch", "-q", "-m", "main");
                    Git("reflog", "expire", "--expire=now", "--all");
                    Git("gc", "-q", "--prune=now");
                    break;
                default:
                    throw new ArgumentException(how);
            }
        }

        public void Dispose()
        {
            try
            {
                foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
                {
                    File.SetAttributes(file, FileAttributes.Normal);
                }

                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private static void CopyTree(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        private void WriteLedger(List<string> lines) => File.WriteAllText(LedgerPath, string.Concat(lines.Select(l => l + "\n")));

        private void WriteSite(string relative, string text)
        {
            var path = Path.Combine(Site, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        private string Git(params string[] args)
        {
            var psi = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-c", "user.name=测试", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false" }.Concat(args))
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.That(p.ExitCode, Is.EqualTo(0), "git " + string.Join(' ', args) + ": " + err.Result);
            return output;
        }
    }
}
