using DisclosureSite.Ledger;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Ledger;
using DataRepo = DisclosureSite.Tests.LedgerTests.DataRepo;

namespace DisclosureSite.Tests;

/// <summary>
/// A 民情台账 matter's result, once told, is recorded in the publication ledger like a disclosure (issue 16, SPEC §7): new
/// once, then a revision only with a new note in the row's revision_note column, else ledger.changed-without-revision at
/// the row; a recorded result that disappears is ledger.vanished; verify checks its page against the record.
/// </summary>
[TestFixture]
public class RequestLedgerTests
{
    private const string File = "units/dongshan/requests.csv";
    private const string Head = "编号,受理日期,反映人,事项,类别,经办人,办结时限,状态,办结日期,办理结果,回访";

    private static DataRepo WithRequests()
    {
        var f = new DataRepo();
        f.Write(File, Head + "\n2026-001,2026-10-08,张*明,村道路灯不亮,民生服务,陈国强,,已办结,2026-10-12,已更换灯泡,满意\n2026-002,2026-11-20,李*,代办医保缴费,代办,陈国强,,办理中,,,\n");
        f.Commit("requests");
        return f;
    }

    [Test]
    public void A_told_result_is_recorded_once_and_an_open_matter_not_at_all()
    {
        using var f = WithRequests();
        var first = f.Record();
        Assert.That(first.Outcome, Is.EqualTo(RecordOutcome.Recorded));
        var item = first.Entry!.Items.Single(i => i.Item == LedgerPlan.RequestsItem);
        Assert.That((item.Url, item.Unit, item.Period, item.File, item.Change, item.Revision), Is.EqualTo(("dongshan/requests/2026-001/", "dongshan", "2026-Q4", File, "new", 1L)));
        Assert.That(item.Files, Is.EqualTo(new[] { File }));

        // Another row added, a follow-up filled in: the told result is unchanged, nothing to record for it.
        f.Write(File, Head + "\n2026-001,2026-10-08,张*明,村道路灯不亮,民生服务,陈国强,,已办结,2026-10-12,已更换灯泡,基本满意\n2026-002,2026-11-20,李*,代办医保缴费,代办,陈国强,,办理中,,,\n2026-003,2026-11-21,王*,水渠堵塞,民生服务,陈国强,,办理中,,,\n");
        f.Commit("more");
        Assert.That(f.Record().Outcome, Is.EqualTo(RecordOutcome.NothingNew));
    }

    [Test]
    public void A_changed_result_needs_a_revision_note_in_its_row()
    {
        using var f = WithRequests();
        f.Record();
        f.Write(File, Head + "\n2026-001,2026-10-08,张*明,村道路灯不亮,民生服务,陈国强,,已办结,2026-10-13,已更换灯泡和线路,满意\n2026-002,2026-11-20,李*,代办医保缴费,代办,陈国强,,办理中,,,\n");
        f.Commit("silent change");
        var refused = f.Record();
        Assert.That(refused.Outcome, Is.EqualTo(RecordOutcome.Refused));
        var finding = refused.Findings.Single();
        Assert.That((finding.Code, finding.File, finding.Line), Is.EqualTo((FindingCodes.ChangedWithoutRevision, File, (int?)2)));
        Assert.That(finding.Message, Does.Contain("第 2026-001 号").And.Contain("revision_note"));
        Assert.That(f.Check().Findings.Where(x => x.IsError).Select(x => x.Code), Is.EqualTo(new[] { FindingCodes.ChangedWithoutRevision }));

        f.Write(File, Head + ",revision_note\n2026-001,2026-10-08,张*明,村道路灯不亮,民生服务,陈国强,,已办结,2026-10-13,已更换灯泡和线路,满意,补记线路更换\n2026-002,2026-11-20,李*,代办医保缴费,代办,陈国强,,办理中,,,,\n");
        f.Commit("with note");
        var revised = f.Record().Entry!.Items.Single();
        Assert.That((revised.Url, revised.Change, revised.Revision, revised.RevisionNote), Is.EqualTo(("dongshan/requests/2026-001/", "revised", 2L, "补记线路更换")));

        f.Edit(File, "已更换灯泡和线路", "已更换灯泡、线路和灯杆");
        f.Commit("same note");
        Assert.That(f.Record().Findings.Single().Message, Does.Contain("还是上次的说明"));
    }

    [Test]
    public void A_recorded_result_whose_row_is_deleted_is_vanished()
    {
        using var f = WithRequests();
        f.Record();
        f.Write(File, Head + "\n2026-002,2026-11-20,李*,代办医保缴费,代办,陈国强,,办理中,,,\n");
        f.Commit("row deleted");
        var refused = f.Record();
        Assert.That(refused.Findings.Select(x => (x.Code, x.File)), Is.EqualTo(new[] { (FindingCodes.Vanished, File) }));
    }

    [Test]
    public void Verify_checks_a_recorded_result_against_its_page_on_the_real_site()
    {
        using var f = WithRequests();
        f.RecordAndCommit();
        f.BuildRealSite();
        var report = f.Verify();
        Assert.That(report.Passed, Is.True, string.Join("\n", report.Problems.Select(p => p.Zh)));

        var page = Path.Combine(f.Site, "dongshan", "requests", "2026-001", "index.html");
        var html = System.IO.File.ReadAllText(page);
        var tampered = System.Text.RegularExpressions.Regex.Replace(html, "content=\"[0-9a-f]{64}\"", "content=\"" + new string('0', 64) + "\"");
        System.IO.File.WriteAllText(page, tampered);
        var after = f.Verify();
        Assert.That(after.Passed, Is.False);
        Assert.That(after.Problems.Select(p => p.Zh), Has.Some.Contains("dongshan/requests/2026-001/"));
    }
}
