using DisclosureSite.Loading;
using DisclosureSite.Site;
using DisclosureSite.Site.Write;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// <see cref="EditBudget"/>: a build over a site whose build cache and input cache (of this build of the tool, for the same
/// as-of date) are there is an edit, budgeted from the bytes of those caches; anything else gets no budget.
/// </summary>
[TestFixture]
public class EditBudgetTests
{
    [Test]
    public void An_edit_served_by_the_caches_is_budgeted_from_their_bytes()
    {
        using var folder = new TempFolder("disclosure-budget");
        var options = Options(folder);
        Assert.That(EditBudget.Of(options), Is.Null, "nothing built yet: a clean build");

        Build(options);
        Build(options);
        var caches = Size(BuildCache.PathFor(options.OutputRoot)) + Size(WriteOutputAtomically.SpareListOf(options.OutputRoot))
            + Directory.EnumerateFiles(options.InputCacheFolder!, "*.bin").Sum(Size);
        Assert.That(caches, Is.GreaterThan(0));
        Assert.That(EditBudget.Of(options), Is.EqualTo(Math.Max(EditBudget.Floor, EditBudget.PerCacheByte * caches)));

        Assert.That(EditBudget.Of(options with { AsOf = options.AsOf.AddDays(1) }), Is.Null, "another as-of date renders far more than an edit");
        Assert.That(EditBudget.Of(options with { UseCache = false }), Is.Null, "no caches used");
        Assert.That(EditBudget.Of(options with { InputCacheFolder = Path.Combine(folder.Root, "no-such-cache") }), Is.Null, "no input cache");
    }

    [Test]
    public void Caches_another_version_of_the_tool_wrote_give_no_budget()
    {
        using var folder = new TempFolder("disclosure-budget");
        var options = Options(folder);
        Build(options);
        Assert.That(EditBudget.Of(options), Is.Not.Null);

        // Each unit file as another version writes it: same format, another tool version at the head of its fingerprint.
        foreach (var file in Directory.EnumerateFiles(options.InputCacheFolder!, "*.bin"))
        {
            using var writer = new BinaryWriter(File.Create(file));
            writer.Write("disclosure-input-cache-v7");
            writer.Write(Guid.Empty + "|catalogue|checks|" + Path.GetFileNameWithoutExtension(file) + "|1");
            writer.Write(0);
        }

        Assert.That(InputCache.BytesIn(options.InputCacheFolder!), Is.Zero, "the load will not use them");
        Assert.That(EditBudget.Of(options), Is.Null);
    }

    [Test]
    public void A_site_without_a_readable_manifest_gives_no_budget()
    {
        using var folder = new TempFolder("disclosure-budget");
        var options = Options(folder);
        Build(options);
        File.WriteAllText(Path.Combine(options.OutputRoot, GenerateManifest.Path), "{\"generated_at\": nul");
        Assert.That(GenerateManifest.AsOfIn(options.OutputRoot), Is.Null);
        Assert.That(EditBudget.Of(options), Is.Null);
        Assert.That(GenerateManifest.AsOfIn(Path.Combine(folder.Root, "nowhere")), Is.Null);
    }

    [Test]
    public void A_check_served_by_the_input_cache_is_budgeted_from_its_bytes()
    {
        using var folder = new TempFolder("disclosure-budget");
        var input = folder.Copy(DemoSite.Input, "input");
        var cache = InputCache.DefaultFolder(input);
        try
        {
            Assert.That(EditBudget.OfCheck(input), Is.Null, "no input cache yet");
            Assert.That(InputLoader.Load(input, new LoadOptions { UseCache = true }).Input, Is.Not.Null);
            var bytes = Directory.EnumerateFiles(cache, "*.bin").Sum(Size);
            Assert.That(bytes, Is.GreaterThan(0));
            Assert.That(EditBudget.OfCheck(input), Is.EqualTo(Math.Max(EditBudget.Floor, EditBudget.PerCacheByte * bytes)));
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }

    private static SiteOptions Options(TempFolder folder) =>
        new(folder.Copy(DemoSite.Input, "input"), Path.Combine(folder.Root, "_site"), DemoSite.AsOf)
        {
            RunPagefind = false,
            InputCacheFolder = Path.Combine(folder.Root, "input-cache"),
            ThemeRoot = Path.Combine(DemoSite.RepoRoot, "themes", "default"),
        };

    private static void Build(SiteOptions options) =>
        Assert.That(SiteBuilder.Build(options).Succeeded, Is.True);

    private static long Size(string path) => new FileInfo(path).Length;
}
