using System.Text;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Scaffolding;
using ExcelDataReader;

namespace DisclosureSite.Tests.Publishing;

/// <summary><c>disclosure init</c> makes a repository that checks clean at once; <c>disclosure new</c> makes a period's files and never overwrites.</summary>
[TestFixture]
public class ScaffoldTests
{
    private string _root = "";

    [SetUp]
    public void SetUp() => _root = TestSites.TempDir("ds-scaffold");

    [TearDown]
    public void TearDown() => TestSites.DeleteDir(_root);

    private string Repo => Path.Combine(_root, "town");

    private string Input => Path.Combine(Repo, "input");

    private CliRun Init(params string[] extra) => TestSites.Run(["init", Repo, .. extra]);

    private string Git(params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("git", args) { WorkingDirectory = Repo, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output.Trim();
    }

    [Test]
    public void Init_writes_the_data_repository_and_check_passes_at_once_with_no_warnings()
    {
        var init = Init("--name", "青石镇三务公开", "--repo", "qingshi/disclosure");
        Assert.That(init.Code, Is.Zero, init.ToString());

        foreach (var file in new[]
        {
            "input/site.yaml", "input/units.csv", "input/people.csv", "input/units/village1/duty.csv", "input/units/village1/commitments.md",
            ".github/workflows/check.yml", ".github/workflows/publish.yml", ".github/actions/setup-disclosure/action.yml",
            ".gitignore", "README.md", "docs/数据格式.md", "docs/发布与部署.md",
        })
        {
            Assert.That(File.Exists(Path.Combine(Repo, file)), Is.True, file);
        }

        var site = File.ReadAllText(Path.Combine(Input, "site.yaml"));
        Assert.That(site, Does.Contain("name: 青石镇三务公开").And.Contain("repository: qingshi/disclosure").And.Contain("since: 2026-Q4")
            .And.Contain("base_url: https://qingshi.github.io/disclosure/").And.Contain("hotline:"));
        Assert.That(File.ReadAllText(Path.Combine(Repo, "README.md")), Does.Not.Contain("{{"));

        var check = TestSites.Run(["check", "--input", Input, "--format", "json"]);
        Assert.That(check.Code, Is.Zero, check.ToString());
        Assert.That(check.Out, Does.Contain("\"findings\": []").Or.Contain("\"findings\":[]"), check.Out);
    }

    [Test]
    public void Init_copies_this_repositorys_workflows_byte_for_byte()
    {
        Assert.That(Init().Code, Is.Zero);

        foreach (var file in new[] { ".github/workflows/check.yml", ".github/workflows/publish.yml", ".github/actions/setup-disclosure/action.yml", "docs/发布与部署.md", "docs/数据格式.md" })
        {
            Assert.That(File.ReadAllText(Path.Combine(Repo, file)), Is.EqualTo(File.ReadAllText(Path.Combine(TestSites.RepoRoot, file)).ReplaceLineEndings("\n")), file);
        }
    }

    [Test]
    public void Init_makes_a_git_repository_on_main_with_one_commit_holding_every_file()
    {
        var init = Init();
        Assert.That(init.Code, Is.Zero, init.ToString());
        Assert.That(init.Out, Does.Contain("已建成 Git 仓库(分支 main)"));

        Assert.That(Git("rev-parse", "--abbrev-ref", "HEAD"), Is.EqualTo("main"));
        Assert.That(Git("log", "--format=%s"), Is.EqualTo(FirstCommit.Message));
        Assert.That(Git("status", "--porcelain"), Is.Empty, "every file is in the first commit");
        var tracked = Git("-c", "core.quotepath=off", "ls-files").Split('\n');
        Assert.That(tracked, Does.Contain(".github/disclosure.env").And.Contain(".github/workflows/publish.yml").And.Contain("input/site.yaml").And.Contain("docs/数据格式.md"));
        Assert.That(tracked, Has.None.Contains("release.yml"), "the project's release workflow is not a data repository's");
    }

    [Test]
    public void Init_pins_the_version_that_made_it_and_the_readme_says_how_to_upgrade_in_one_line()
    {
        Assert.That(Init().Code, Is.Zero);

        var pin = File.ReadAllText(Path.Combine(Repo, ".github", "disclosure.env"));
        Assert.That(pin.Split('\n').Where(l => !l.StartsWith('#') && l.Length > 0), Is.EqualTo(new[] { $"version={ToolInfo.Version}", $"project={ToolInfo.RepositoryUrl}" }));
        var readme = File.ReadAllText(Path.Combine(Repo, "README.md"));
        Assert.That(readme, Does.Contain($"[DisclosureSite]({ToolInfo.RepositoryUrl})").And.Not.Contain("](https://github.com/)"));
        Assert.That(readme, Does.Contain($"把 `.github/disclosure.env` 里的 `version={ToolInfo.Version}` 改成新版本号"));
        Assert.That(readme, Does.Contain($"{ToolInfo.RepositoryUrl}/releases"));
    }

    [Test]
    public void Nothing_in_a_data_repository_or_what_init_says_tells_a_clerk_to_run_npm_ci_or_dotnet_run()
    {
        var init = Init();
        Assert.That(init.Code, Is.Zero);
        Assert.That(TestSites.Run(["new", "village1", "2026-Q4", "--input", Input, "--csv"]).Code, Is.Zero);
        TestSites.FillTemplates(Path.Combine(Input, "disclosures", "village1", "2026-Q4"));
        var build = TestSites.Run(["build", "--input", Input, "--output", Path.Combine(_root, "site"), "--as-of", "2026-11-24", "--no-search"]);
        Assert.That(build.Code, Is.Zero, build.ToString());

        foreach (var text in Directory.EnumerateFiles(Repo, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.git/", StringComparison.Ordinal) && !f.EndsWith(".xlsx", StringComparison.Ordinal))
            .Select(File.ReadAllText).Append(init.Out).Append(build.Out).Append(build.Error))
        {
            Assert.That(text, Does.Not.Contain("npm ci").And.Not.Contain("dotnet run"));
        }

        Assert.That(init.Out, Does.Contain("disclosure check    (应当没有错误)").And.Contain("cd " + Repo));
        Assert.That(build.Out, Does.Contain("没有搜索索引:这次生成的网站没有搜索功能").And.Contain("预览:disclosure preview --input "));
    }

    [Test]
    public void Init_refuses_a_folder_that_is_not_empty_and_leaves_it_alone()
    {
        Directory.CreateDirectory(Repo);
        File.WriteAllText(Path.Combine(Repo, "notes.txt"), "mine");

        var run = Init();

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("不是空的"));
        Assert.That(Directory.GetFileSystemEntries(Repo), Has.Length.EqualTo(1));
    }

    [Test]
    public void Init_accepts_a_folder_holding_only_a_fresh_git_directory()
    {
        Directory.CreateDirectory(Path.Combine(Repo, ".git"));

        Assert.That(Init().Code, Is.Zero);
        Assert.That(File.Exists(Path.Combine(Input, "site.yaml")), Is.True);
    }

    [Test]
    public void New_creates_every_item_the_village_owes_with_front_matter_and_one_table_template_each()
    {
        Assert.That(Init().Code, Is.Zero);

        var run = TestSites.Run(["new", "village1", "2026-Q4", "--input", Input]);

        Assert.That(run.Code, Is.Zero, run.ToString());
        var folder = Path.Combine(Input, "disclosures", "village1", "2026-Q4");
        var md = Directory.GetFiles(folder, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.That(md, Is.EqualTo(new[] { "assets.md", "construction-funds.md", "contracts.md", "finance.md", "land.md", "public-works.md", "subsidies.md", "welfare.md" }));
        var finance = File.ReadAllText(Path.Combine(folder, "finance.md"));
        Assert.That(finance, Does.StartWith("---\nitem: village.finance\ntitle: 2026年第四季度财务计划及执行、各项收支情况\n"));
        Assert.That(finance, Does.Contain("  - file: finance-ledger.xlsx\n    schema: ledger\n").And.Contain("【请填写:").And.Contain("【填写说明:明细填在 finance-ledger.xlsx"));
        Assert.That(Directory.GetFiles(folder, "*.csv"), Is.Empty, "one table file per table, not a CSV and an .xlsx of the same table");
        Assert.That(File.Exists(Path.Combine(folder, "finance-ledger.xlsx")) && File.Exists(Path.Combine(folder, "welfare-roster.xlsx")), Is.True);
    }

    [Test]
    public void An_untouched_template_is_an_error_on_its_file_and_line_and_is_not_published()
    {
        Assert.That(Init().Code, Is.Zero);
        Assert.That(TestSites.Run(["new", "village1", "2026-Q4", "--input", Input]).Code, Is.Zero);

        var check = TestSites.Run(["check", "--input", Input, "--as-of", "2026-11-24", "--format", "json"]);

        Assert.That(check.Code, Is.EqualTo(1), check.ToString());
        Assert.That(check.Out, Does.Not.Contain("没有数据错误"));
        using var json = System.Text.Json.JsonDocument.Parse(check.Out);
        var placeholders = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("code").GetString() == "input.placeholder")
            .Select(f => $"{f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()}")
            .ToList();

        // Every .md at its 【请填写 line (line 12 with a table, 10 without), every table at its 合计 row (row 14).
        var folder = "disclosures/village1/2026-Q4/";
        Assert.That(placeholders, Is.SupersetOf(new[] { folder + "finance.md:12", folder + "finance-ledger.xlsx:14", folder + "welfare-roster.xlsx:14", folder + "land.md:9" }));
        Assert.That(placeholders, Has.Count.EqualTo(13));
        Assert.That(TestSites.Run(["build", "--input", Input, "--output", Path.Combine(_root, "site"), "--as-of", "2026-11-24"]).Code, Is.EqualTo(1));
    }

    [Test]
    public void The_xlsx_template_is_the_sheet_a_clerk_makes_and_reads_back_with_caption_unit_and_signature()
    {
        Assert.That(Init().Code, Is.Zero);
        Assert.That(TestSites.Run(["new", "village1", "2026-Q4", "--input", Input]).Code, Is.Zero);
        var file = "disclosures/village1/2026-Q4/finance-ledger.xlsx";

        var sink = new DisclosureSite.Loading.FindingSink();
        var request = new DisclosureSite.Loading.SheetRequest(new HashSet<string> { "日期", "摘要", "收入", "支出" }, RequireKnown: true);
        var sheet = DisclosureSite.Loading.TableReader.ReadSheet(new DisclosureSite.Loading.InputFolder(Input), file, request, sink, out _);

        Assert.That(sink.Findings, Is.Empty);
        Assert.That(sheet, Is.Not.Null);
        Assert.That(sheet!.Sheet, Is.EqualTo("收支明细"));
        Assert.That(sheet.Title, Is.EqualTo("示例村2026年第四季度收支明细表"));
        Assert.That(sheet.Unit, Is.EqualTo("元"));
        Assert.That(sheet.Header.Select(h => h.Text), Is.EqualTo(new[] { "日期", "摘要", "科目", "收入", "支出", "经手人", "凭证号" }));
        Assert.That(sheet.Header[0].Line, Is.EqualTo(3));
        Assert.That(sheet.Rows.Select(r => (r.Line, r[0])), Is.EqualTo(new[] { (14, "合计") }));
        Assert.That(sheet.Signature.Single().Parts, Is.EqualTo(new[] { "制表人：", "审核人：", "村务监督委员会：", "日期：" }));
    }

    [Test]
    public void A_csv_template_filled_in_with_a_text_editor_checks_clean()
    {
        Assert.That(Init().Code, Is.Zero);
        Assert.That(TestSites.Run(["new", "village1", "2026-Q4", "--input", Input, "--csv"]).Code, Is.Zero);
        var folder = Path.Combine(Input, "disclosures", "village1", "2026-Q4");
        var ledger = Path.Combine(folder, "finance-ledger.csv");
        var csv = File.ReadAllText(ledger, Encoding.UTF8);
        Assert.That(csv, Does.StartWith("示例村2026年第四季度收支明细表,,,,,,\n单位：元,,,,,,\n日期,摘要,科目,收入,支出,经手人,凭证号\n合计,,,,,,\n制表人：,"));
        File.WriteAllText(ledger, csv.Replace("合计,,,,,,", "2026/10/8,收到土地租金,租赁收入,800.00,,陈国强,记-001\n2026/11/3,购买办公用品,管理费用,,300.00,陈国强,记-002\n合计,,,800.00,300.00,,", StringComparison.Ordinal), new UTF8Encoding(true));
        var md = Path.Combine(folder, "finance.md");
        var own = string.Join('\n', File.ReadAllLines(md).Where(l => !l.StartsWith('【'))) + "\n";
        File.WriteAllText(md, own.Replace("finance-ledger.xlsx", "finance-ledger.csv", StringComparison.Ordinal));
        foreach (var other in Directory.GetFiles(folder, "*.md").Where(f => f != md))
        {
            File.Delete(other);
        }

        var check = TestSites.Run(["check", "--input", Input, "--as-of", "2026-11-24", "--format", "json"]);

        Assert.That(check.Code, Is.Zero, check.ToString());
        Assert.That(check.Out, Does.Not.Contain("input.placeholder"));
    }

    [Test]
    public void New_never_overwrites_and_reports_the_files_it_skipped()
    {
        Assert.That(Init().Code, Is.Zero);
        Assert.That(TestSites.Run(["new", "village1", "2026-Q4", "--input", Input]).Code, Is.Zero);
        var finance = Path.Combine(Input, "disclosures", "village1", "2026-Q4", "finance.md");
        File.WriteAllText(finance, "clerk's own text");
        File.Delete(Path.Combine(Input, "disclosures", "village1", "2026-Q4", "land.md"));

        var run = TestSites.Run(["new", "village1", "2026-Q4", "--input", Input]);

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(File.ReadAllText(finance), Is.EqualTo("clerk's own text"));
        Assert.That(run.Out, Does.Contain("新建 1 个文件,跳过已有的 12 个").And.Contain("新建 disclosures/village1/2026-Q4/land.md").And.Contain("已有,跳过 disclosures/village1/2026-Q4/finance.md"));
    }

    [Test]
    public void New_first_half_has_the_h1_only_items_and_the_second_half_does_not()
    {
        Assert.That(Init().Code, Is.Zero);

        Assert.That(TestSites.Run(["new", "village1", "2026-H1", "--input", Input]).Code, Is.Zero);
        Assert.That(TestSites.Run(["new", "village1", "2026-H2", "--input", Input]).Code, Is.Zero);

        var h1 = Directory.GetFiles(Path.Combine(Input, "disclosures", "village1", "2026-H1"), "*.md").Select(Path.GetFileName).ToList();
        var h2 = Directory.GetFiles(Path.Combine(Input, "disclosures", "village1", "2026-H2"), "*.md").Select(Path.GetFileName).ToList();
        Assert.That(h1, Has.Count.EqualTo(7).And.Contain("party-plan.md").And.Contain("party-review.md"));
        Assert.That(h2, Has.Count.EqualTo(5).And.No.Contain("party-plan.md").And.No.Contain("party-review.md"));
    }

    [TestCase("nope", "2026-Q4", "units.csv 里没有单位代码 'nope'", TestName = "New_unknown_unit_exits_2")]
    [TestCase("village1", "2026-Q5", "期次 '2026-Q5' 写法不对", TestName = "New_bad_period_exits_2")]
    [TestCase("village1", "2026-M03", "党务公开按半年(2026-H1、2026-H2);村务公开按季度", TestName = "New_period_the_level_owes_nothing_in_names_the_periods_that_apply")]
    public void New_refuses_with_a_clear_chinese_message(string unit, string period, string expected)
    {
        Assert.That(Init().Code, Is.Zero);

        var run = TestSites.Run(["new", unit, period, "--input", Input]);

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(expected));
        Assert.That(Directory.Exists(Path.Combine(Input, "disclosures")), Is.False);
    }

    [Test]
    public void New_with_the_board_photos_preset_makes_the_photo_folder_not_a_markdown_file()
    {
        Assert.That(Init().Code, Is.Zero);
        File.AppendAllText(Path.Combine(Input, "site.yaml"), "overrides: { presets: [board-photos] }\n");

        var run = TestSites.Run(["new", "village1", "2026-M03", "--input", Input]);

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(Directory.Exists(Path.Combine(Input, "board", "village1", "2026-03")), Is.True);
        Assert.That(Directory.Exists(Path.Combine(Input, "disclosures")), Is.False);
        Assert.That(run.Out, Does.Contain("公开栏照片"));
    }

    [Test]
    public void Slugs_follow_the_clerks_guide()
    {
        var rules = DisclosureSite.Loading.InputLoader.Load(TestSites.WriteSmallSite(Path.Combine(_root, "in"))).Input!.Rules;
        var slugs = rules.AllItems.ToDictionary(i => (i.Level, i.Id), DisclosureScaffold.SlugFor);

        Assert.That(slugs[(DisclosureSite.Model.UnitLevel.Village, "village.finance")], Is.EqualTo("finance"));
        Assert.That(slugs[(DisclosureSite.Model.UnitLevel.Village, "party.dues")], Is.EqualTo("party-dues"));
        Assert.That(slugs[(DisclosureSite.Model.UnitLevel.Township, "gov.plans-budget")], Is.EqualTo("plans-budget"));
    }
}
