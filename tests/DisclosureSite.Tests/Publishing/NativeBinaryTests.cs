using DisclosureSite.Tests.Site;

namespace DisclosureSite.Tests.Publishing;

/// <summary>
/// The release's native binary (<see cref="NativeBinary"/>) does what the library does: the same findings for every
/// bad and good fixture, the same site byte for byte, the preview server. (The township's whole path with it — init,
/// new, check, build with search, ledger record, anchor and verify with its JSON report — is
/// <see cref="InstalledToolTests"/>; the publish
/// workflow's replay, remind through Octokit included, runs it as the release binary.) Nothing here may pass on the
/// library's code alone: each test runs the binary as a process.
/// </summary>
[TestFixture]
[NonParallelizable]
public class NativeBinaryTests
{
    private static readonly Dictionary<string, string> NoEnv = [];

    public static IEnumerable<TestCaseData> Fixtures() =>
        FixtureTests.BadCases().Concat(FixtureTests.GoodCases()).Select(c => new TestCaseData(c.Arguments).SetName("native_" + c.TestName));

    [OneTimeSetUp]
    public void Compile()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("The release's Windows binary is compiled and run by release.yml on a Windows runner.");
        }

        _ = NativeBinary.Program;
    }

    [Test]
    public void It_runs_with_no_dotnet_beside_it()
    {
        var run = InstalledTool.Exec(NativeBinary.Program, ["--version"], Path.GetTempPath(), new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["DOTNET_ROOT"] = "/nonexistent" });

        Assert.That(run.Code, Is.Zero, run.Err);
        Assert.That(run.Out.Trim(), Is.EqualTo("disclosure " + DisclosureSite.Model.ToolInfo.Version));
    }

    [TestCaseSource(nameof(Fixtures))]
    public void Check_reports_what_the_library_reports(string kind, string name)
    {
        var dir = Path.Combine(TestPaths.Fixtures, kind, name);
        var asOfFile = Path.Combine(dir, "asof.txt");
        var asOf = File.Exists(asOfFile) ? File.ReadAllText(asOfFile).Trim() : "2025-03-01";
        string[] args = ["check", "--format", "json", "--as-of", asOf, "--input", Path.Combine(dir, "input")];

        var native = NativeBinary.Run(dir, NoEnv, args);
        var library = TestSites.Run(args, workingDirectory: dir);

        Assert.That((native.Code, native.Out), Is.EqualTo((library.Code, library.Out)), native.Err);
        Assert.That(native.Out, Does.Contain("\"findings\""));
    }

    [Test]
    public void Builds_the_demo_byte_for_byte_as_the_library_does()
    {
        using var folder = new TempFolder("ds-native-demo");
        var input = folder.Copy(DemoSite.Input, "input");
        var nativeSite = Path.Combine(folder.Root, "native");
        var librarySite = Path.Combine(folder.Root, "library");

        var native = NativeBinary.Run(folder.Root, NoEnv, "build", "--input", input, "--output", nativeSite, "--as-of", "2026-11-24", "--no-search");
        var library = TestSites.Run(["build", "--input", input, "--output", librarySite, "--as-of", "2026-11-24", "--no-search"]);

        Assert.That(native.Code, Is.Zero, native.Out + native.Err);
        Assert.That(library.Code, Is.Zero, library.ToString());
        var files = Files(nativeSite);
        Assert.That(files, Is.EqualTo(Files(librarySite)));
        Assert.That(files, Has.Member("data/decisions.json").And.Member("data/requests.json").And.Member("compliance/compliance.json"), "the serializer's files are among them");
        var different = files.Where(f => !File.ReadAllBytes(Path.Combine(nativeSite, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(librarySite, f)))).ToList();
        Assert.That(different, Is.Empty);
    }

    [Test]
    public void Its_collector_keeps_the_small_first_generation_the_project_embeds()
    {
        // DisclosureSite.Cli.csproj embeds GCgen0size = 8 MiB; the default budget here is ~80 MiB (from the processor's
        // cache size). DISCLOSURE_TIMINGS=1 prints the budget the collector runs with, and the collections it made.
        using var folder = new TempFolder("ds-native-gen0");
        Directory.CreateDirectory(folder.Root);
        var env = new Dictionary<string, string> { ["DISCLOSURE_TIMINGS"] = "1", ["DISCLOSURE_INPUT_CACHE"] = "off" };
        var run = NativeBinary.Run(folder.Root, env, "build", "--input", DemoSite.Input, "--output", Path.Combine(folder.Root, "_site"), "--as-of", "2026-11-24", "--no-search");

        Assert.That(run.Code, Is.Zero, run.Out + run.Err);
        var last = System.Text.RegularExpressions.Regex.Match(run.Err, @"\[timing\] build .*collections gen0/1/2 (?<gen0>\d+)/\d+/\d+.* (?<mib>\d+) MiB allocated.*first generation (?<budget>\d+) MiB");
        Assert.That(last.Success, Is.True, run.Err);
        Assert.That(int.Parse(last.Groups["budget"].Value), Is.EqualTo(8), run.Err);
        var (gen0, allocated) = (int.Parse(last.Groups["gen0"].Value), int.Parse(last.Groups["mib"].Value));
        Assert.That(gen0, Is.GreaterThanOrEqualTo(allocated / 16), $"{gen0} gen0 collections for {allocated} MiB allocated");
    }

    [Test]
    public void An_edit_and_a_check_run_with_the_collector_held_off_and_the_edit_builds_what_a_clean_build_does()
    {
        using var folder = new TempFolder("ds-native-edit");
        var input = folder.Copy(DemoSite.Input, "input");
        var site = Path.Combine(folder.Root, "_site");
        var env = new Dictionary<string, string> { ["TMPDIR"] = Directory.CreateDirectory(Path.Combine(folder.Root, "tmp")).FullName, ["DISCLOSURE_TIMINGS"] = "1" };
        string[] build = ["build", "--input", input, "--output", site, "--as-of", "2026-11-24", "--no-search"];

        var clean = NativeBinary.Run(folder.Root, env, build);
        Assert.That(clean.Code, Is.Zero, clean.Out + clean.Err);
        Assert.That(clean.Err, Does.Contain("[timing] build").And.Not.Contain("collector NoGCRegion"), "a clean build collects as usual");

        File.AppendAllText(Path.Combine(input, "disclosures", "beiling", "2026-Q3", "finance.md"), "\n本季度另有一笔捐赠,已入账。\n");
        var edit = NativeBinary.Run(folder.Root, env, build);
        Assert.That(edit.Code, Is.Zero, edit.Out + edit.Err);
        Assert.That(edit.Err, Does.Contain("collector NoGCRegion"), "the edit, served by both caches, holds the collector off");
        var check = NativeBinary.Run(folder.Root, env, "check", "--input", input, "--as-of", "2026-11-24");
        Assert.That(check.Err, Does.Contain("[timing] validate").And.Contain("collector NoGCRegion"), "check, served by the input cache, too");

        var librarySite = Path.Combine(folder.Root, "library");
        Assert.That(TestSites.Run(["build", "--input", input, "--output", librarySite, "--as-of", "2026-11-24", "--no-search"]).Code, Is.Zero);
        SiteOutputTests.AssertSameFiles(librarySite, site);
    }

    [Test]
    public async Task Preview_serves_the_site()
    {
        using var folder = new TempFolder("ds-native-preview");
        var input = folder.Copy(DemoSite.Input, "input");
        var port = TestPaths.FreePort();
        var psi = new System.Diagnostics.ProcessStartInfo(NativeBinary.Program, ["preview", "--input", input, "--output", Path.Combine(folder.Root, "_site"), "--as-of", "2026-11-24", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var preview = System.Diagnostics.Process.Start(psi)!;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var page = new Uri($"http://127.0.0.1:{port}/qingshi/beiling/2026-Q3/finance/");
            string? html = null;
            for (var i = 0; i < 240 && html is null && !preview.HasExited; i++)
            {
                try
                {
                    html = await http.GetStringAsync(page).ConfigureAwait(false);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250).ConfigureAwait(false);
                }
            }

            Assert.That(html, Is.Not.Null, () => preview.HasExited ? preview.StandardOutput.ReadToEnd() + preview.StandardError.ReadToEnd() : "no page in 60 s");
            Assert.That(html, Does.Contain("北岭村").And.Contain("data-disclosure-preview"));
        }
        finally
        {
            preview.Kill(entireProcessTree: true);
            await preview.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
}
