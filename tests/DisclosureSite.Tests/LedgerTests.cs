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
        f.Clock.Advance(TimeSpan.FromDays(7));
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
        Assert.That(ledger.Dates["dongshan/2026-Q3/public-works/"], Is.EqualTo(new DateOnly(2026, 11, 26)));

        var loaded = InputLoader.Load(f.Input);
        var context = Validator.Context(loaded.Input!, new DateOnly(2026, 11, 30), ledger);
        var works = loaded.Input!.Disclosures.Single(d => d.Slug == "public-works");
        Assert.That(context.Dates.Of(works), Is.EqualTo(new TrustedDate(new DateOnly(2026, 11, 26), DateSource.Ledger)));
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
    [TestCase("truncate-last-line", "ledger-3", "末尾的记录被删除了")]
    [TestCase("truncate-last-line", "publications.jsonl", "从第 3 行起被改动")]
    [TestCase("change-page", "dongshan/2026-Q3/land/", "与发布记录不符")]
    [TestCase("change-page-file", "dongshan/2026-Q3/land/index.html", "被改动")]
    [TestCase("remove-page", "dongshan/2026-Q3/finance/", "没有页面")]
    [TestCase("add-file", "extra.html", "不在清单中")]
    [TestCase("show-withdrawn", "dongshan/2026-Q3/notice/", "仍在显示内容")]
    [TestCase("withdraw-unrecorded", "dongshan/2026-Q3/land/", "没有撤回记录")]
    [TestCase("rewrite-git-history", "第 1 条的提交", "历史被改写")]
    [TestCase("rewrite-git-history", "ledger-3", "没有锚定标签")]
    [TestCase("forge-manifest", "data/manifest.json", "不是任何一条发布记录登记的清单")]
    [TestCase("backdate-entry", "从第 2 行起", "改写")]
    [TestCase("backdate-entry", "锚定标签 ledger-2", "在锚定之后被改写了")]
    [TestCase("backdate-entry", "dongshan/2026-Q3/public-works/", "发布时间被改早了")]
    [TestCase("postdate-entry", "第 3 条的发布时间", "晚于把这条记录写进仓库的提交")]
    [TestCase("drop-last-entry-committed", "ledger-3", "末尾的记录被删除了")]
    [TestCase("drop-last-entry-committed", "从第 3 行起", "改写或删除")]
    [TestCase("uncommitted-entry", "第 4–4 条", "还没有提交")]
    [TestCase("delete-anchor", "ledger-3", "没有锚定标签")]
    [TestCase("lightweight-anchor", "ledger-3", "不是附注标签")]
    [TestCase("page-date-forged", "dongshan/2026-Q3/public-works/", "不是发布记录里的日期")]
    [TestCase("status-forged", "dongshan/2026-Q3/land/", "推出的是“逾期”")]
    [TestCase("claim-ledger-source", "dongshan/2026-Q3/land/", "声称发布日期 2026-10-15 来自发布记录")]
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

    // ---- issue 14: where the ledger lives, what record stamps, what binds a deployment --------------------------

    /// <summary>Issue 14 (c): with the data at the repository's root the ledger goes in the root's ledger/, and never outside the repository.</summary>
    [Test]
    public void Ledger_of_data_at_the_repository_root_stays_inside_it_and_a_path_outside_is_refused()
    {
        using var f = new DataRepo();
        Directory.Delete(Path.Combine(f.Root, ".git"), recursive: true);
        f.GitIn(f.Input, "init", "-q", "-b", "main");
        f.GitIn(f.Input, "add", "-A");
        f.GitIn(f.Input, "commit", "-q", "-m", "数据在仓库根目录");

        var outside = Path.Combine(f.Root, "ledger", "publications.jsonl");
        var (code, output) = f.Cli("ledger", "record", "--input", f.Input, "--ledger", outside);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("不在数据所在的 Git 仓库").And.Contain(Path.Combine(f.Input, "ledger", "publications.jsonl")));
        Assert.That(File.Exists(outside), Is.False, "nothing is written outside the repository");

        (code, output) = f.Cli("ledger", "record", "--input", f.Input);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(File.Exists(Path.Combine(f.Input, "ledger", "publications.jsonl")), Is.True, output);
        Assert.That(LedgerStore.DefaultPath(f.Input), Is.EqualTo(Path.Combine(f.Input, "ledger", "publications.jsonl")));
        Assert.That(f.Cli("check", "--input", f.Input, "--as-of", "2026-11-24").Code, Is.EqualTo(0), "the ledger folder inside the data is not input");
    }

    /// <summary>
    /// Where the input folder has no <c>.git</c>, the default ledger's place is decided without starting git: beside a
    /// repository's subfolder and beside a folder in no repository; inside a work tree's top, a linked work tree's too
    /// (whose <c>.git</c> is a file).
    /// </summary>
    [Test]
    public void The_default_ledger_is_beside_a_subfolder_or_a_folder_outside_Git_and_inside_a_work_tree_top()
    {
        using var f = new DataRepo();
        var beside = Path.Combine(f.Root, "ledger", "publications.jsonl");
        Assert.That(LedgerStore.DefaultPath(f.Input), Is.EqualTo(beside), "a subfolder of the repository");
        Assert.That(LedgerStore.IsTopOfWorkTree(f.Input), Is.False);
        Assert.That(LedgerStore.IsTopOfWorkTree(f.Root), Is.True);

        var linked = f.Root + "-linked";
        f.GitIn(f.Root, "worktree", "add", "-q", "--detach", linked);
        try
        {
            Assert.That(File.Exists(Path.Combine(linked, ".git")), Is.True, "a linked work tree's .git is a file");
            Assert.That(LedgerStore.DefaultPath(linked), Is.EqualTo(Path.Combine(linked, "ledger", "publications.jsonl")));
            Assert.That(LedgerStore.DefaultPath(Path.Combine(linked, "input")), Is.EqualTo(Path.Combine(linked, "ledger", "publications.jsonl")));
        }
        finally
        {
            Directory.Delete(linked, recursive: true);
        }

        Directory.Delete(Path.Combine(f.Root, ".git"), recursive: true);
        Assert.That(LedgerStore.DefaultPath(f.Input), Is.EqualTo(beside), "a folder in no repository");
        Assert.That(LedgerStore.IsTopOfWorkTree(f.Root), Is.False);
    }

    [Test]
    public void Record_refuses_data_that_is_not_in_Git()
    {
        using var f = new DataRepo();
        Directory.Delete(Path.Combine(f.Root, ".git"), recursive: true);
        var result = f.Record();
        Assert.That(result.Outcome, Is.EqualTo(RecordOutcome.Refused));
        Assert.That(result.Notes.Single().Zh, Does.Contain("不在 Git 仓库里"));
        Assert.That(File.Exists(f.LedgerPath), Is.False);
    }

    /// <summary>Issue 14 (3): record stamps the time it runs; its as-of is the build's, a different one is refused with what to rerun.</summary>
    [Test]
    public void Record_stamps_now_takes_the_sites_as_of_and_refuses_a_different_or_future_one()
    {
        using var f = new DataRepo();
        f.BuildSite();
        var disagree = f.Record(new DateOnly(2026, 11, 23), site: true);
        Assert.That(disagree.Outcome, Is.EqualTo(RecordOutcome.Refused));
        Assert.That(disagree.Notes.Single().Zh, Does.Contain("按 2026-11-24 构建").And.Contain("--as-of 2026-11-23")
            .And.Contain("disclosure ledger record --site " + f.Site + " --as-of 2026-11-24").And.Contain("disclosure build --as-of 2026-11-23"));

        var future = f.Record(new DateOnly(2026, 12, 24));
        Assert.That(future.Outcome, Is.EqualTo(RecordOutcome.Refused));
        Assert.That(future.Notes.Single().Zh, Does.Contain("晚于今天(2026-11-24"));
        Assert.That(File.Exists(f.LedgerPath), Is.False);

        f.Clock.Advance(TimeSpan.FromMinutes(7));
        var (code, output) = f.Cli("ledger", "record", "--input", f.Input, "--site", f.Site);
        Assert.That(code, Is.EqualTo(0), output);
        var entry = LedgerFile.Read(f.LedgerPath).Entries.Single();
        Assert.That((entry.AsOf, entry.PublishedAtUtc, entry.PublishedAtLocal), Is.EqualTo(("2026-11-24", "2026-11-24T02:07:00Z", "2026-11-24T10:07:00+08:00")));
        Assert.That(entry.ManifestSha256, Is.EqualTo(ContentHash.Sha256(File.ReadAllBytes(SiteManifest.PathIn(f.Site)))));
        Assert.That(output, Does.Contain("链头(第 1 条的 hash):" + entry.Hash));
    }

    [Test]
    public void A_deployment_without_item_changes_is_recorded_to_bind_its_manifest_once()
    {
        using var f = DataRepo.WithThreeEntries();
        f.BuildSite();
        var deploy = f.Record(site: true);
        Assert.That(deploy.Outcome, Is.EqualTo(RecordOutcome.Recorded));
        Assert.That(deploy.Entry!.Items, Is.Empty);
        Assert.That(deploy.Notes[0].Zh, Does.Contain("没有新发布、修订或撤回的条目,登记了这次部署的网站"));
        Assert.That(f.Record(site: true).Outcome, Is.EqualTo(RecordOutcome.NothingNew), "the same site is bound already");
        Assert.That(f.Verify().Sections.Single(x => x.Key == "binding").Summary.Zh, Does.Contain("第 4 条登记"));
    }

    [Test]
    public void Anchor_tags_the_committed_head_once_and_refuses_an_uncommitted_ledger()
    {
        using var f = new DataRepo();
        Assert.That(f.Record().Outcome, Is.EqualTo(RecordOutcome.Recorded));
        var (code, output) = f.Cli("ledger", "anchor", "--input", f.Input);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("请先提交发布记录"));

        f.Commit("ledger");
        (code, output) = f.Cli("ledger", "anchor", "--input", f.Input);
        var head = LedgerFile.Read(f.LedgerPath).Entries.Single().Hash;
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("已创建锚定标签 ledger-1").And.Contain("链头(第 1 条的 hash):" + head));
        Assert.That(f.Git("for-each-ref", "--format=%(objecttype)|%(contents:subject)", "refs/tags/ledger-1").Trim(), Is.EqualTo("tag|发布记录第 1 条 链头 " + head));
        (code, output) = f.Cli("ledger", "anchor", "--input", f.Input);
        Assert.That((code, output.Contains("已锚定", StringComparison.Ordinal)), Is.EqualTo((0, true)), output);
    }

    /// <summary>
    /// A forger who rewrites the whole repository — history, ledger (entry 2 back-dated and the chain recomputed) and
    /// anchor tags — is caught by the head an auditor kept from an earlier verification.
    /// </summary>
    [Test]
    public void The_head_an_auditor_kept_catches_a_rewrite_of_the_whole_repository()
    {
        using var f = DataRepo.WithThreeEntries();
        var kept = f.Verify().Head!.Hash;
        Assert.That(f.Verify(head: kept).Sections.Single(x => x.Key == "kept-head").Status, Is.EqualTo(VerifyStatus.Passed));

        f.Tamper("backdate-entry");
        f.Git("checkout", "-q", "--orphan", "rewritten");
        f.Commit("rewritten history");
        f.Git("branch", "-q", "-D", "main");
        f.Git("branch", "-q", "-m", "main");
        f.DeleteAnchors();
        Assert.That(LedgerAnchor.Create(f.LedgerPath).Ok, Is.True);

        var problems = f.Verify(head: kept).Problems.Select(p => p.Zh).ToList();
        Assert.That(problems, Has.Some.Contains("您保存的链头 " + kept).And.Contains("不在现在的发布记录中"), string.Join("\n", problems));
    }

    /// <summary>The real site generator's markers: a ledger-dated item says so, and the published site rebuilds byte for byte.</summary>
    [Test]
    public void Real_site_shows_ledger_dates_and_rebuilds_identically()
    {
        // Publications a few hours apart on the build's as-of day (a ledger date after the as-of date would be an embargo).
        using var f = new DataRepo();
        f.Publish(real: true, later: TimeSpan.FromHours(2));
        f.Write("disclosures/dongshan/2026-Q3/public-works.md", Md("village.public-works", "村道修缮工程完工。"));
        f.Commit("new item");
        f.Publish(real: true, later: TimeSpan.FromHours(2));
        f.Publish(real: true, later: TimeSpan.FromHours(2));

        var metas = SiteContract.MetasOf(File.ReadAllText(SiteContract.PageOf(f.Site, "dongshan/2026-Q3/public-works/")));
        Assert.That(metas[SiteContract.PublishedMeta], Is.EqualTo("2026-11-24"));
        Assert.That(metas[SiteContract.DateSourceMeta], Is.EqualTo("ledger"));
        Assert.That(metas[SiteContract.StatusMeta], Is.Not.Empty);
        using (var json = JsonDocument.Parse(File.ReadAllBytes(SiteManifest.PathIn(f.Site))))
        {
            Assert.That(json.RootElement.GetProperty("generated_at").GetString(), Is.EqualTo(LedgerFile.Read(f.LedgerPath).Entries[1].PublishedAtUtc), "generated_at is the last entry the build read");
        }

        var report = f.Verify(rebuild: true);
        Assert.That(report.Passed, Is.True, string.Join("\n", report.Problems.Select(p => p.Zh)));
        Assert.That(report.Sections.Single(x => x.Key == "dates").Summary.Zh, Does.Contain("其中 1 项的日期应来自发布记录"));
    }

    [Test]
    public void Verify_prints_a_one_page_verdict_and_json_for_tools()
    {
        using var f = DataRepo.WithThreeEntries();
        var head = LedgerFile.Read(f.LedgerPath).Entries[^1];
        var (code, text) = f.Cli("ledger", "verify", "--input", f.Input, "--site", f.Site);
        Assert.That(code, Is.EqualTo(0), text);
        Assert.That(text, Does.StartWith("三务公开发布记录核验结论").And.Contain("核验时间:").And.Contain("链头:第 3 条").And.Contain(head.Hash)
            .And.Contain("由第 3 条登记").And.Contain("检查项目:").And.Contain("[通过]   链头锚定标签").And.Contain("结论:核验通过").And.Contain("--head " + head.Hash));

        (code, var json) = f.Cli("ledger", "verify", "--input", f.Input, "--site", f.Site, "--format", "json");
        Assert.That(code, Is.EqualTo(0), json);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("result").GetString(), Is.EqualTo("passed"));
        Assert.That(root.GetProperty("ledger").GetProperty("head").GetProperty("hash").GetString(), Is.EqualTo(head.Hash));
        Assert.That(root.GetProperty("site").GetProperty("recorded_by_seq").GetInt64(), Is.EqualTo(3));
        Assert.That(root.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("key").GetString()),
            Is.EqualTo(new[] { "chain", "binding", "files", "items", "dates", "copy", "git-content", "git-growth", "anchor" }));

        f.Tamper("forge-manifest");
        (code, json) = f.Cli("ledger", "verify", "--input", f.Input, "--site", f.Site, "--format", "json");
        Assert.That(code, Is.EqualTo(1));
        using var failed = JsonDocument.Parse(json);
        var binding = failed.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "binding");
        Assert.That(binding.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(binding.GetProperty("problems")[0].GetString(), Does.Contain("不是任何一条发布记录登记的清单"));
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
    public void A_revised_xlsx_sheet_with_a_title_row_is_diffed_as_the_clerks_rows()
    {
        // Both workbooks made by openpyxl (tests/fixtures/make_sheets.py): title, 编制单位/单位 line, header on row 3, 合计, signature.
        var sheets = Path.Combine(TestPaths.Fixtures, "sheets");
        var before = new Dictionary<string, byte[]> { ["d/ledger.xlsx"] = File.ReadAllBytes(Path.Combine(sheets, "ledger-clerk.xlsx")) };
        var after = new Dictionary<string, byte[]> { ["d/ledger.xlsx"] = File.ReadAllBytes(Path.Combine(sheets, "ledger-clerk-revised.xlsx")) };

        var diff = RevisionHistory.Compare(before, after);

        Assert.That(diff.OtherFilesChanged, Is.Empty, "the workbook is compared row by row, not as a changed file");
        var table = diff.Tables.Single();
        Assert.That(table.Columns, Is.EqualTo(new[] { "日期", "摘要", "科目", "收入", "支出", "经手人", "凭证号" }));
        var changed = table.Rows.Where(r => r.Op != DiffOp.Same).ToList();
        Assert.That(changed.Select(r => (r.Op, r.Cells[1], r.OldCells![4], r.Cells[4])), Is.EqualTo(new[]
        {
            (DiffOp.Changed, "村道维修材料款", "1200.5", "1020.5"),
            (DiffOp.Changed, string.Empty, "1500.5", "1320.5"),
        }));
    }

    [Test]
    public void A_revised_csv_with_a_title_and_unit_line_is_diffed_from_its_header()
    {
        static byte[] Csv(string amount) => System.Text.Encoding.UTF8.GetBytes($"东山村2026年第三季度收支明细,,,\n单位：元,,,\n日期,摘要,收入,支出\n2026-07-01,租金收入,1200.00,\n2026-07-02,误工补贴,,{amount}\n制表人：陈*,,审核人：林*,\n");
        var diff = RevisionHistory.Compare(new Dictionary<string, byte[]> { ["t.csv"] = Csv("800.00") }, new Dictionary<string, byte[]> { ["t.csv"] = Csv("880.00") });

        var table = diff.Tables.Single();
        Assert.That(table.Columns, Is.EqualTo(new[] { "日期", "摘要", "收入", "支出" }), "the header, not the title line");
        Assert.That(table.Rows.Select(r => r.Op), Is.EqualTo(new[] { DiffOp.Same, DiffOp.Changed }), "title, unit and signature lines are not rows");
        Assert.That((table.Rows[1].OldCells![3], table.Rows[1].Cells[3], table.Rows[1].NewLine), Is.EqualTo(("800.00", "880.00", 5)));
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
        Assert.That(land.Revisions[1].Date, Is.EqualTo(new DateOnly(2026, 11, 27)));
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
    /// Issue 6's and 14's "done" on the demo, published as the workflow does (build, record with the site, commit, anchor):
    /// change an item with a revision note, publish again — the page shows both revisions and the diff; publish once more
    /// (nothing changed, the deployment is still recorded); <c>ledger verify --rebuild</c> passes, then fails on a page
    /// altered together with the manifest. The auditor's guide's figures are the demo's (docs/审计核验.md §7).
    /// </summary>
    [Test]
    [Category("EndToEnd")]
    public void Demo_published_revised_and_republished_verifies_with_a_rebuild_then_fails_on_tampering()
    {
        using var f = DataRepo.FromDemo();
        var first = f.Publish(real: true);
        var manifest = SiteManifest.Read(f.Site, out _)!;
        var figures = new DemoFigures(
            InputLoader.Load(f.Input).Input!.Units.Count,
            first.Entry!.Items.Count,
            manifest.Files.Count,
            manifest.Files.Sum(x => x.Bytes));
        Assert.That(AuditorsGuideFigures(), Is.EqualTo(figures with { Bytes = 0 }), "docs/审计核验.md §7 states the demo's figures");
        Assert.That(Math.Abs((figures.Bytes / 1_000_000.0) - AuditorsGuideMegabytes()), Is.LessThan(1.0), $"site size {figures.Bytes} bytes");

        f.Edit("disclosures/dongshan/2026-Q3/finance.md", "未发现问题。", "未发现问题,监督委员会已签字确认。");
        f.Edit("disclosures/dongshan/2026-Q3/finance.md", "published: 2026-10-15\n", "published: 2026-10-15\nrevision_note: 补充监督委员会签字确认情况\n");
        f.Edit("disclosures/dongshan/2026-Q3/finance-correction-table.csv", "村级网格员补贴", "村级网格员误工补贴");
        f.Edit("disclosures/dongshan/2026-Q3/finance-correction.md", "revision_note: 更正收支明细第1行的会计科目", "revision_note: 更正对照表的摘要文字");
        f.Commit("revise two items");
        var second = f.Publish(real: true);
        Assert.That(second.Entry!.Items.Select(i => (i.Url, i.Change, i.Revision)), Is.EqualTo(new[]
        {
            ("dongshan/2026-Q3/finance-correction/", "revised", 2L), ("dongshan/2026-Q3/finance/", "revised", 2L),
        }));

        var page = File.ReadAllText(Path.Combine(f.Site, "dongshan/2026-Q3/finance/index.html"));
        Assert.That(page, Does.Contain("修订记录").And.Contain("第 2 版").And.Contain("补充监督委员会签字确认情况").And.Contain("第 1 版"));
        // In words and marked in place, never as lines of the file: no "+ revision_note:", no YAML, no file names.
        Assert.That(page, Does.Contain("<p>8月6日,村务监督委员会对本季度10笔收支的原始凭证逐笔核对,未发现问题<ins>,监督委员会已签字确认</ins>。</p>"));
        Assert.That(page, Does.Match("<strong>已更正</strong>　2026年11月2[0-9]日。更正说明：补充监督委员会签字确认情况"), "the banner at the top");
        var revisions = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page).QuerySelector("section.revisions")!.TextContent;
        Assert.That(revisions, Does.Not.Contain("revision_note").And.Not.Contain(".csv").And.Not.Contain(".md").And.Not.Contain("+ "));
        var correction = File.ReadAllText(Path.Combine(f.Site, "dongshan/2026-Q3/finance-correction/index.html"));
        Assert.That(correction, Does.Contain("<li>更正对照第1行 摘要 由 村级网格员补贴 改为 村级网格员误工补贴。</li>"));

        var third = f.Publish(real: true);
        Assert.That(third.Entry!.Items, Is.Empty, "nothing changed: the entry binds the deployed site only");
        var history = File.ReadAllText(Path.Combine(f.Site, "history/ledger/dongshan/index.html"));
        Assert.That(history, Does.Contain("补充监督委员会签字确认情况").And.Contain("东山村").And.Contain("2026年第三季度"));

        var clock = Stopwatch.StartNew();
        var report = f.Verify(rebuild: true);
        TestContext.Out.WriteLine($"ledger verify --rebuild on the demo: {clock.Elapsed.TotalSeconds:0.00} s, {report.Sections.Count} sections");
        Assert.That(report.Passed, Is.True, string.Join("\n", report.Problems.Select(p => p.Zh)));
        Assert.That(report.Sections.Single(x => x.Key == "rebuild").Status, Is.EqualTo(VerifyStatus.Passed));
        Assert.That(report.Sections.Where(x => x.Key != "kept-head").Select(x => x.Status), Has.All.EqualTo(VerifyStatus.Passed));

        f.Tamper("change-page-file-demo");
        f.WriteManifest();
        var forged = f.Verify(rebuild: true).Problems.Select(p => p.Zh).ToList();
        Assert.That(forged, Has.Some.Contains("data/manifest.json").And.Contains("不是任何一条发布记录登记的清单"), string.Join("\n", forged));
        Assert.That(forged, Has.Some.Contains("dongshan/2026-Q3/finance/index.html").And.Contains("与重建的不同"), string.Join("\n", forged));
        f.Tamper("edit-byte");
        Assert.That(f.Verify().Problems.Select(p => p.Zh), Has.Some.Contains("第 1 行").And.Contains("hash 不符"));
    }

    private sealed record DemoFigures(int Units, int Items, int Files, long Bytes);

    /// <summary>The figures docs/审计核验.md §7 states: "演示数据（9 个单位、614 个条目；网站 1861 个清单文件、约 25 MB".</summary>
    private static DemoFigures AuditorsGuideFigures()
    {
        var m = System.Text.RegularExpressions.Regex.Match(AuditorsGuide(), "演示数据（(\\d+) 个单位、(\\d+) 个条目；网站 (\\d+) 个清单文件、约 (\\d+) MB");
        Assert.That(m.Success, Is.True, "docs/审计核验.md §7 names the demo's figures");
        return new DemoFigures(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), 0);
    }

    private static double AuditorsGuideMegabytes() =>
        double.Parse(System.Text.RegularExpressions.Regex.Match(AuditorsGuide(), "个清单文件、约 (\\d+) MB").Groups[1].Value, CultureInfo.InvariantCulture);

    private static string AuditorsGuide() => File.ReadAllText(Path.Combine(Site_.DemoSite.RepoRoot, "docs", "审计核验.md"));

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
            InitGit();
            Commit("input");
        }

        private DataRepo(string fromInput)
        {
            Root = Path.Combine(Path.GetTempPath(), "ledger-demo-" + Guid.NewGuid().ToString("N")[..10]);
            Input = Path.Combine(Root, "input");
            Site = Path.Combine(Root, "_site");
            CopyTree(fromInput, Input);
            InitGit();
            Commit("demo input");
        }

        public string Root { get; }

        public string Input { get; }

        public string Site { get; }

        public string LedgerPath => Path.Combine(Root, "ledger", "publications.jsonl");

        public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

        /// <summary>
        /// Baseline, a new item, a revision: each published as the workflow does — the site built at the commit, the
        /// publication recorded with the site (binding its manifest), the ledger committed, the head anchored by a tag.
        /// The site left in place is the one the last entry recorded.
        /// </summary>
        public static DataRepo WithThreeEntries()
        {
            var f = new DataRepo();
            f.Publish();
            f.Write("disclosures/dongshan/2026-Q3/public-works.md", Md("village.public-works", "村道修缮工程完工。"));
            f.Commit("new item");
            f.Publish();
            f.Write("disclosures/dongshan/2026-Q3/land.md", Md("village.land", "本季度土地流转 3 宗。", "revision_note: 更正流转宗数\n"));
            f.Commit("revision");
            f.Publish();
            return f;
        }

        /// <summary>One run of the publish workflow (a day later unless told): build, record with the site, commit the ledger, anchor.</summary>
        public RecordResult Publish(bool real = false, TimeSpan? later = null)
        {
            Clock.Advance(later ?? TimeSpan.FromDays(1));
            if (real)
            {
                BuildRealSite();
            }
            else
            {
                BuildSite();
            }

            var r = Record(site: true);
            Assert.That(r.Outcome, Is.EqualTo(RecordOutcome.Recorded), Describe(r));
            Commit("ledger: record " + r.Entry!.Seq);
            var anchor = LedgerAnchor.Create(LedgerPath);
            Assert.That(anchor.Ok, Is.True, anchor.Message.Zh);
            return r;
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

        public VerifyReport Verify(bool rebuild = false, string? head = null) => VerifyPublication.Run(new VerifyOptions(LedgerPath, Site, Input)
        {
            KeptHead = head,
            Rebuilder = rebuild ? DisclosureSite.Site.SiteBuilder.Rebuilder(Path.Combine(Site_.DemoSite.RepoRoot, "themes", "default")) : null,
        });

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
        /// <summary>
        /// Writes the site as the site contract describes: item pages with the content-hash and date markers (the date the
        /// ledger holds, else the declared one), withdrawal notices, the ledger copy, the manifest. <paramref name="shows"/>
        /// makes a page show another date, source or status, as a tampered site generator would.
        /// </summary>
        public void BuildSite(IReadOnlyDictionary<string, (string Date, string Source, string Status, string Deadline)>? shows = null)
        {
            if (Directory.Exists(Site))
            {
                Directory.Delete(Site, recursive: true);
            }

            var input = InputLoader.Load(Input).Input!;
            var dates = LedgerStore.Load(Input).Dates;
            var items = new List<object>();
            WriteSite("index.html", "<!doctype html><title>首页</title>");
            foreach (var d in input.Disclosures)
            {
                var withdrawn = LedgerPlan.WithdrawnReason(d, AsOf);
                var hash = ContentHash.Of(Input, d);
                var shown = shows?.GetValueOrDefault(d.UrlPath) ?? (dates.TryGetValue(d.UrlPath, out var on) ? (Dates.Iso(on), "ledger", "on-time", "2027-01-20") : ("2026-10-15", "declared", "on-time", "2027-01-20"));
                WriteSite(d.UrlPath + "index.html", withdrawn is null
                    ? $"<!doctype html><head>{Meta(SiteContract.ContentHashMeta, hash)}{Meta(SiteContract.PublishedMeta, shown.Date)}{Meta(SiteContract.DateSourceMeta, shown.Source)}"
                        + $"{Meta(SiteContract.StatusMeta, shown.Status)}{Meta(SiteContract.DeadlineMeta, shown.Deadline)}</head><body>{d.Body}</body>"
                    : $"<!doctype html><head>{Meta(SiteContract.ContentHashMeta, hash)}{Meta(SiteContract.WithdrawnMeta, withdrawn)}</head><body>已撤回:{withdrawn}</body>");
                if (withdrawn is null)
                {
                    items.Add(new { url = d.UrlPath, unit = d.Unit, period = d.Period.ToString(), slug = d.Slug, item = d.Item, content_sha256 = hash, published = shown.Date, date_source = shown.Source });
                }
            }

            if (File.Exists(LedgerPath))
            {
                WriteSite(SiteContract.LedgerCopyPath, File.ReadAllText(LedgerPath));
            }

            WriteManifest(items);
        }

        /// <summary>Writes <c>data/manifest.json</c> listing the files on disk now (as a forger who updates it would).</summary>
        public void WriteManifest(IReadOnlyList<object>? items = null)
        {
            var path = SiteManifest.PathIn(Site);
            if (items is null)
            {
                using var old = JsonDocument.Parse(File.ReadAllBytes(path));
                items = old.RootElement.GetProperty("items").EnumerateArray().Select(i => (object)i.Clone()).ToList();
            }

            var files = Directory.EnumerateFiles(Site, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(Site, p).Replace('\\', '/'))
                .Where(p => p != SiteContract.ManifestPath)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new { path = p, sha256 = ContentHash.Sha256(File.ReadAllBytes(Path.Combine(Site, p))), bytes = new FileInfo(Path.Combine(Site, p)).Length })
                .ToList();
            WriteSite(SiteContract.ManifestPath, JsonSerializer.Serialize(new { generated_at = "2026-11-24T16:05:00Z", as_of = "2026-11-24", base_url = "https://example.org/t/", files, items }));
        }

        private static string Meta(string name, string content) => $"<meta name=\"{name}\" content=\"{content}\">";

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
                    File.WriteAllText(Path.Combine(Site, "dongshan/2026-Q3/notice/index.html"), $"<meta name=\"{SiteContract.ContentHashMeta}\" content=\"{new string('1', 64)}\">鱼塘承包公示。");
                    break;
                case "withdraw-unrecorded":
                    File.WriteAllText(Path.Combine(Site, "dongshan/2026-Q3/land/index.html"), $"<meta name=\"{SiteContract.WithdrawnMeta}\" content=\"悄悄撤下\">已撤下");
                    break;
                case "rewrite-git-history":
                    // Rewrite history as a force-push would, then drop the old objects as a fresh clone would not have them.
                    Write("disclosures/dongshan/2026-Q3/land.md", Md("village.land", "本季度土地流转 3 宗。", "revision_note: 更正流转宗数\n") + "(历史上一直是这样)\n");
                    Git("checkout", "-q", "--orphan", "rewritten");
                    Commit("rewritten history");
                    Git("branch", "-q", "-D", "main");
                    Git("branch", "-q", "-m", "main");
                    DeleteAnchors();
                    Git("reflog", "expire", "--expire=now", "--all");
                    Git("gc", "-q", "--prune=now");
                    break;
                case "forge-manifest":
                    // Issue 14 (a): change a figure on a page and put the page's new hash in the site's own manifest.
                    var land = Path.Combine(Site, "dongshan/2026-Q3/land/index.html");
                    File.WriteAllText(land, File.ReadAllText(land).Replace("3 宗", "30 宗", StringComparison.Ordinal));
                    WriteManifest();
                    break;
                case "backdate-entry":
                    // Issue 14 (b): make entry 2 (public works, published 2026-11-26) 41 days earlier, rebuild the site from the
                    // forged ledger, bind the rebuilt manifest in entry 3, recompute the whole chain and commit.
                    var forged = Rewritten(lines, 1, e => Shifted(e, TimeSpan.FromDays(-41)));
                    WriteLedger(forged[..2]);
                    BuildSite();
                    var rebuilt = LedgerParser.Parse(forged[2], out _)! with { ManifestSha256 = ContentHash.Sha256(File.ReadAllBytes(SiteManifest.PathIn(Site))) };
                    WriteLedger(Rewritten([.. forged[..2], CanonicalJson.Line(rebuilt)], 2, e => e));
                    Commit("ledger: 更正");
                    break;
                case "postdate-entry":
                    WriteLedger(Rewritten(lines, 2, e => Shifted(e, TimeSpan.FromDays(2))));
                    Commit("ledger: 更正");
                    break;
                case "drop-last-entry-committed":
                    lines.RemoveAt(2);
                    WriteLedger(lines);
                    Commit("ledger: 删除");
                    break;
                case "uncommitted-entry":
                    Write("disclosures/dongshan/2026-Q3/notice-2.md", Md("village.contracts", "新的公示。"));
                    Clock.Advance(TimeSpan.FromHours(1));
                    Assert.That(Record().Outcome, Is.EqualTo(RecordOutcome.Recorded));
                    break;
                case "delete-anchor":
                    Git("tag", "-d", "ledger-3");
                    break;
                case "lightweight-anchor":
                    Git("tag", "-d", "ledger-3");
                    Git("tag", "ledger-3");
                    break;
                case "page-date-forged":
                case "status-forged":
                case "claim-ledger-source":
                    // A site generator changed to show another date, source or status; its site is recorded as published.
                    BuildSite(how switch
                    {
                        "page-date-forged" => new() { ["dongshan/2026-Q3/public-works/"] = ("2026-10-15", "ledger", "on-time", "2026-10-20") },
                        "status-forged" => new() { ["dongshan/2026-Q3/land/"] = ("2026-10-15", "declared", "on-time", "2026-10-10") },
                        _ => new Dictionary<string, (string, string, string, string)> { ["dongshan/2026-Q3/land/"] = ("2026-10-15", "ledger", "on-time", "2027-01-20") },
                    });
                    Clock.Advance(TimeSpan.FromHours(1));
                    Assert.That(Record(site: true).Outcome, Is.EqualTo(RecordOutcome.Recorded));
                    Commit("ledger: record");
                    Assert.That(LedgerAnchor.Create(LedgerPath).Ok, Is.True);
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

        /// <summary>Deletes every anchor tag, as a forger rewriting the repository would.</summary>
        public void DeleteAnchors()
        {
            foreach (var tag in Git("tag", "-l", "ledger-*").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Git("tag", "-d", tag.Trim());
            }
        }

        /// <summary>The ledger with entry <paramref name="index"/> changed and the chain from there recomputed, as a forger would.</summary>
        private static List<string> Rewritten(IReadOnlyList<string> lines, int index, Func<LedgerEntry, LedgerEntry> change)
        {
            var result = new List<string>();
            var prev = LedgerEntry.Genesis;
            for (var i = 0; i < lines.Count; i++)
            {
                var e = LedgerParser.Parse(lines[i], out _)!;
                if (i >= index)
                {
                    e = (i == index ? change(e) : e) with { Prev = prev };
                    e = e with { Hash = CanonicalJson.HashOf(e) };
                }

                result.Add(CanonicalJson.Line(e));
                prev = e.Hash;
            }

            return result;
        }

        private static LedgerEntry Shifted(LedgerEntry e, TimeSpan by) => e with
        {
            PublishedAtUtc = (e.PublishedAt + by).UtcDateTime.ToString(CanonicalJson.UtcTimeFormat, CultureInfo.InvariantCulture),
            PublishedAtLocal = (e.PublishedAt + by).ToString(CanonicalJson.LocalTimeFormat, CultureInfo.InvariantCulture),
        };

        private void WriteLedger(List<string> lines) => File.WriteAllText(LedgerPath, string.Concat(lines.Select(l => l + "\n")));

        private void WriteSite(string relative, string text)
        {
            var path = Path.Combine(Site, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        /// <summary>Runs git in another folder (dated by <see cref="Clock"/> too).</summary>
        public string GitIn(string dir, params string[] args)
        {
            var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            var date = $"@{Clock.GetUtcNow().ToUnixTimeSeconds()} +0000";
            psi.Environment["GIT_AUTHOR_DATE"] = date;
            psi.Environment["GIT_COMMITTER_DATE"] = date;
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

        private void InitGit()
        {
            Git("init", "-q", "-b", "main");
            Git("config", "user.name", "测试");
            Git("config", "user.email", "t@example.org");
            Git("config", "commit.gpgsign", "false");
            Git("config", "tag.gpgsign", "false");
        }

        /// <summary>Runs git in the repository; commits are dated by <see cref="Clock"/>, so the ledger's times and Git's agree as on a real publisher.</summary>
        public string Git(params string[] args) => GitIn(Root, args);
    }
}
