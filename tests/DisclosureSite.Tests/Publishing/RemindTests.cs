using System.Text.Json.Nodes;
using DisclosureSite.Publishing.Reminders;

namespace DisclosureSite.Tests.Publishing;

/// <summary>
/// <c>disclosure remind</c> through Octokit against a fake GitHub REST API on loopback (SPEC §10): one issue per
/// unit, assigned and labelled, updated in place, closed with a comment, never duplicated; clear failures.
/// </summary>
[TestFixture]
[NonParallelizable]
public class RemindTests
{
    private const string Token = "ghs_test-token-0123456789";
    private string _root = "";
    private string _input = "";
    private FakeGitHub _github = null!;

    [SetUp]
    public async Task SetUp()
    {
        _root = TestSites.TempDir("ds-remind");
        _input = TestSites.WriteSmallSite(Path.Combine(_root, "input"));
        _github = await FakeGitHub.StartAsync();
        _github.Assignable.UnionWith(["town-clerk", "ds-clerk"]);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _github.DisposeAsync();
        TestSites.DeleteDir(_root);
    }

    private CliRun Remind(params string[] extra) =>
        TestSites.Run(["remind", "--repo", "example/town", "--input", _input, "--as-of", "2026-11-24", "--api-url", _github.Url, .. extra],
            new Dictionary<string, string> { ["GITHUB_TOKEN"] = Token });

    private JsonObject IssueOf(string unit) =>
        _github.Issues.Values.Single(i => i["body"]!.GetValue<string>().Contains(ReminderMarker.For(unit), StringComparison.Ordinal));

    private static string[] Logins(JsonObject issue) => [.. issue["assignees"]!.AsArray().Select(a => a!["login"]!.GetValue<string>())];

    private static string[] LabelNames(JsonObject issue) => [.. issue["labels"]!.AsArray().Select(a => a!["name"]!.GetValue<string>())];

    private string[] Sequence() => [.. _github.Requests.Select(r => r.ToString())];

    private string[] Writes() => [.. _github.Requests.Where(r => r.Method != "GET").Select(r => r.ToString())];

    [Test]
    public void Octokit_puts_a_non_github_api_url_under_api_v3_like_github_enterprise()
    {
        var run = Remind();

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(_github.Requests.Select(r => r.RawPath), Has.All.StartWith("/api/v3/repos/example/town/"));
        Assert.That(_github.Requests.Select(r => r.Authorization), Has.All.Contains(Token));
    }

    [Test]
    public void First_run_creates_one_labelled_issue_per_unit_assigned_to_its_clerk()
    {
        var run = Remind();

        Assert.That(run.Code, Is.Zero, run.ToString());
        TestContext.Out.WriteLine("first run:\n  " + string.Join("\n  ", Sequence()));
        Assert.That(Sequence(), Is.EqualTo(new[]
        {
            "GET /repos/example/town/issues?filter=all&state=open&labels=三务公开提醒&sort=created&direction=asc&per_page=100",
            "GET /repos/example/town/labels?per_page=100",
            "POST /repos/example/town/labels",
            "POST /repos/example/town/labels",
            "POST /repos/example/town/labels",
            "POST /repos/example/town/labels",
            "GET /repos/example/town/assignees/town-clerk",
            "POST /repos/example/town/issues",
            "GET /repos/example/town/assignees/ds-clerk",
            "POST /repos/example/town/issues",
            "GET /repos/example/town/assignees/xb-clerk",
            "POST /repos/example/town/issues",
        }));
        Assert.That(_github.Labels, Is.EquivalentTo(new[] { "三务公开提醒", "unit:town", "unit:dongshan", "unit:xiba" }));
        Assert.That(_github.Issues, Has.Count.EqualTo(3));

        var dongshan = IssueOf("dongshan");
        var body = dongshan["body"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(dongshan["title"]!.GetValue<string>(), Is.EqualTo("【三务公开提醒】东山村:8 项已逾期"));
            Assert.That(Logins(dongshan), Is.EqualTo(new[] { "ds-clerk" }));
            Assert.That(LabelNames(dongshan), Is.EquivalentTo(new[] { "三务公开提醒", "unit:dongshan" }));
            Assert.That(body, Does.StartWith("<!-- disclosure-remind:unit=dongshan -->"));
            Assert.That(body, Does.Contain("- [ ] **年度财务计划及执行、各项收支情况**(`village.finance`)· 2026年第三季度 · 截止 2026年10月20日 · **已逾期 35 天**"));
            Assert.That(body, Does.Contain("(https://github.com/example/town/tree/HEAD/input/disclosures/dongshan/2026-Q3)"));
            Assert.That(body, Does.Contain("https://github.com/example/town/blob/HEAD/docs/%E6%95%B0%E6%8D%AE%E6%A0%BC%E5%BC%8F.md"));
            Assert.That(Logins(IssueOf("town")), Is.EqualTo(new[] { "town-clerk" }));
            Assert.That(Logins(IssueOf("xiba")), Is.Empty, "xb-clerk cannot be assigned in this repository");
            Assert.That(run.Out, Does.Contain("文书 xb-clerk 不能被指派"));
            Assert.That(run.Out + run.Error, Does.Not.Contain(Token));
        });
    }

    [Test]
    public void Rerun_with_nothing_changed_writes_nothing_and_never_duplicates()
    {
        Assert.That(Remind().Code, Is.Zero);
        _github.ClearRequests();

        var run = Remind();

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(Writes(), Is.Empty);
        Assert.That(_github.Issues, Has.Count.EqualTo(3));
        Assert.That(run.Out, Does.Contain("无变化 3"));
    }

    [Test]
    public void Rerun_updates_the_same_issue_when_items_come_in_and_closes_it_with_a_comment_when_all_are_in()
    {
        Assert.That(Remind().Code, Is.Zero);
        var dongshan = IssueOf("dongshan")["number"]!.GetValue<int>();
        var xiba = IssueOf("xiba")["number"]!.GetValue<int>();
        _github.ClearRequests();
        TestSites.WriteNilReports(_input, "dongshan", "2026-Q3");
        TestSites.WriteNilReports(_input, "xiba", "2026-Q3", count: 5);

        var run = Remind();

        Assert.That(run.Code, Is.Zero, run.ToString());
        TestContext.Out.WriteLine("rerun:\n  " + string.Join("\n  ", Sequence()));
        Assert.That(Writes(), Is.EqualTo(new[]
        {
            $"POST /repos/example/town/issues/{dongshan}/comments",
            $"PATCH /repos/example/town/issues/{dongshan}",
            $"PATCH /repos/example/town/issues/{xiba}",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(_github.Issues[dongshan]["state"]!.GetValue<string>(), Is.EqualTo("closed"));
            Assert.That(_github.Issues[dongshan]["state_reason"]!.GetValue<string>(), Is.EqualTo("completed"));
            Assert.That(_github.Comments[dongshan], Has.One.Contains("所有到期事项均已公开"));
            Assert.That(_github.Issues[xiba]["state"]!.GetValue<string>(), Is.EqualTo("open"));
            Assert.That(_github.Issues[xiba]["title"]!.GetValue<string>(), Is.EqualTo("【三务公开提醒】西坝村:3 项已逾期"));
            Assert.That(_github.Issues, Has.Count.EqualTo(3), "no new issue");
        });

        // The closed issue stays closed on the next run; nothing else is written.
        _github.ClearRequests();
        Assert.That(Remind().Code, Is.Zero);
        Assert.That(Writes(), Is.Empty);
    }

    [Test]
    public void A_new_clerk_is_assigned_to_the_existing_issue()
    {
        Assert.That(Remind().Code, Is.Zero);
        var xiba = IssueOf("xiba")["number"]!.GetValue<int>();
        _github.Assignable.Add("xb-clerk");
        _github.ClearRequests();

        Assert.That(Remind().Code, Is.Zero);

        Assert.That(Writes(), Is.EqualTo(new[] { $"PATCH /repos/example/town/issues/{xiba}" }));
        Assert.That(Logins(_github.Issues[xiba]), Is.EqualTo(new[] { "xb-clerk" }));
    }

    [Test]
    public void A_duplicate_made_by_hand_is_closed_and_the_oldest_issue_kept()
    {
        Assert.That(Remind().Code, Is.Zero);
        var kept = IssueOf("xiba")["number"]!.GetValue<int>();
        var copy = _github.AddIssue("copy", ReminderMarker.For("xiba") + "\nhand-made copy", "open", ReminderMarker.Label);
        var copyNumber = copy["number"]!.GetValue<int>();
        _github.ClearRequests();

        Assert.That(Remind().Code, Is.Zero);

        Assert.That(Writes(), Is.EqualTo(new[]
        {
            $"POST /repos/example/town/issues/{copyNumber}/comments",
            $"PATCH /repos/example/town/issues/{copyNumber}",
        }));
        Assert.That(_github.Comments[copyNumber], Has.One.Contains($"以 #{kept} 为准"));
        Assert.That(_github.Issues[kept]["state"]!.GetValue<string>(), Is.EqualTo("open"));
    }

    [Test]
    public void Dry_run_without_a_token_makes_no_request_and_prints_the_plan()
    {
        var run = TestSites.Run(["remind", "--repo", "example/town", "--input", _input, "--as-of", "2026-11-24", "--api-url", _github.Url, "--dry-run"]);

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(_github.Requests, Is.Empty);
        Assert.That(run.Out, Does.Contain("将新建提醒“【三务公开提醒】东山村:8 项已逾期”,指派给 @ds-clerk"));
        Assert.That(run.Out, Does.Contain("2026-Q3 village.finance"));
    }

    [Test]
    public void Dry_run_with_a_token_only_reads()
    {
        var run = Remind("--dry-run");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(_github.Requests, Is.Not.Empty);
        Assert.That(Writes(), Is.Empty);
        Assert.That(run.Out, Does.Contain("[演练]"));
    }

    [Test]
    public void Without_a_token_it_says_so_and_exits_2()
    {
        var run = TestSites.Run(["remind", "--repo", "example/town", "--input", _input, "--api-url", _github.Url]);

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("GITHUB_TOKEN"));
        Assert.That(_github.Requests, Is.Empty);
    }

    [TestCase(401, "Bad credentials", "401", TestName = "Remind_401_bad_token_exits_3")]
    [TestCase(403, "Resource not accessible by integration", "issues: write", TestName = "Remind_403_without_permission_exits_3")]
    [TestCase(404, "Not Found", "找不到仓库 example/town", TestName = "Remind_404_unknown_repository_exits_3")]
    [TestCase(502, "Bad Gateway", "GitHub 服务器出错(502)", TestName = "Remind_5xx_server_error_exits_3")]
    public void Api_errors_give_a_clear_chinese_message_and_exit_3(int status, string message, string expected)
    {
        _github.Failure = (status, message, new Dictionary<string, string>());

        var run = Remind();

        Assert.That(run.Code, Is.EqualTo(RemindCommandExit.ApiFailure), run.ToString());
        Assert.That(run.Error, Does.Contain("提醒失败").And.Contain(expected));
        Assert.That(run.Out + run.Error, Does.Not.Contain(Token));
        Assert.That(Writes(), Is.Empty);
    }

    [Test]
    public void Rate_limit_names_the_reset_time_in_china_and_exits_3()
    {
        var reset = new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
        _github.Failure = (403, "API rate limit exceeded", new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "1000",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var run = Remind();

        Assert.That(run.Code, Is.EqualTo(RemindCommandExit.ApiFailure), run.ToString());
        Assert.That(run.Error, Does.Contain("速率限制").And.Contain("2026-11-24 10:00"));
    }
}

/// <summary>The exit code the remind command documents for API failures.</summary>
internal static class RemindCommandExit
{
    public const int ApiFailure = DisclosureSite.Cli.Commands.RemindCommand.ApiFailure;
}
