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
        Assert.That(TestSites.Run(["new", "village1", "2026-Q4", "--input", Input]).Code, Is.Zero);
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
    public void New_creates_every_item_the_village_owes_with_front_matter_and_table_templates()
    {
        Assert.That(Init().Code, Is.Zero);

        var run = TestSites.Run(["new", "village1", "2026-Q4", "--input", Input]);

        Assert.That(run.Code, Is.Zero, run.ToString());
        var folder = Path.Combine(Input, "disclosures", "village1", "2026-Q4");
        var md = Directory.GetFiles(folder, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.That(md, Is.EqualTo(new[] { "assets.md", "construction-funds.md", "contracts.md", "finance.md", "land.md", "public-works.md", "subsidies.md", "welfare.md" }));
        var finance = File.ReadAllText(Path.Combine(folder, "finance.md"));
        Assert.That(finance, Does.StartWith("---\nitem: village.finance\ntitle: 2026年第四季度年度财务计划及执行、各项收支情况\n"));
        Assert.That(finance, Does.Contain("  - file: finance-ledger.csv").And.Contain("    schema: ledger"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "finance-ledger.csv"), Encoding.UTF8), Is.EqualTo("日期,摘要,科目,收入,支出,经手人,凭证号\n,合计,,,,,\n"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "welfare-roster.csv"), Encoding.UTF8), Is.EqualTo("姓名,户别,人数,金额(元),备注\n"));

        var check = TestSites.Run(["check", "--input", Input, "--as-of", "2026-11-24"]);
        Assert.That(check.Code, Is.Zero, check.ToString());
    }

    [TestCase("finance-ledger.xlsx", new[] { "日期", "摘要", "科目", "收入", "支出", "经手人", "凭证号" }, 1)]
    [TestCase("welfare-roster.xlsx", new[] { "姓名", "户别", "人数", "金额(元)", "备注" }, 0)]
    public void New_xlsx_templates_have_the_same_header_on_the_first_sheet_for_ExcelDataReader(string file, string[] header, int rows)
    {
        Assert.That(Init().Code, Is.Zero);
        Assert.That(TestSites.Run(["new", "village1", "2026-Q4", "--input", Input]).Code, Is.Zero);

        using var stream = File.OpenRead(Path.Combine(Input, "disclosures", "village1", "2026-Q4", file));
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheet = new List<string?[]>();
        while (reader.Read())
        {
            sheet.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())]);
        }

        Assert.That(sheet[0], Is.EqualTo(header));
        Assert.That(sheet, Has.Count.EqualTo(1 + rows));
        if (rows == 1)
        {
            Assert.That(sheet[1][1], Is.EqualTo("合计"));
        }
    }

    [Test]
    public void A_disclosure_pointing_at_the_xlsx_template_checks_clean()
    {
        Assert.That(Init().Code, Is.Zero);
        Assert.That(TestSites.Run(["new", "village1", "2026-Q4", "--input", Input]).Code, Is.Zero);
        var md = Path.Combine(Input, "disclosures", "village1", "2026-Q4", "finance.md");
        File.WriteAllText(md, File.ReadAllText(md).Replace("file: finance-ledger.csv", "file: finance-ledger.xlsx", StringComparison.Ordinal));

        var check = TestSites.Run(["check", "--input", Input, "--as-of", "2026-11-24"]);

        Assert.That(check.Code, Is.Zero, check.ToString());
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
        Assert.That(run.Out, Does.Contain("新建 1 个文件,跳过已有的 17 个").And.Contain("新建 disclosures/village1/2026-Q4/land.md").And.Contain("已有,跳过 disclosures/village1/2026-Q4/finance.md"));
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
