using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Site.Write;

namespace DisclosureSite.Site;

/// <summary>
/// What a build in a new process allocates when the previous build's caches serve it — the one-file edit: about 4.3
/// bytes per byte of the caches it decodes (the input cache's unit files, the build cache and the spare's list), measured
/// with the native binary at 50 villages × 5 years (147 MiB for 35 MB of caches) and at 300 (835 MiB for 203 MB). Most of
/// it is the loaded model, which lives to the end of the build: every collection during such a build copies it, and the
/// collector's pauses were a quarter of a 300-village edit. The CLI's <c>build</c> holds the collector off for this many
/// bytes, and <c>check</c> for what its load and validation will allocate (docs/performance.md, "Point 2, thirteenth round").
/// </summary>
public static class EditBudget
{
    /// <summary>
    /// Bytes set aside per byte of cache, well over the measured 4.3: a build that goes past its budget pays one full
    /// collection of all it allocated (1.2–1.8 s at 300 villages), and a budget of 5 was not enough there (the runtime
    /// counts more than the bytes allocated). What is set aside is address space: only what is allocated is touched.
    /// </summary>
    internal const long PerCacheByte = 8;

    /// <summary>Never less than this (a small site's edit: the collector's first budgets are about this size anyway).</summary>
    internal const long Floor = 64L << 20;

    /// <summary>Never more than this, nor more than a quarter of the memory the process may use.</summary>
    private const long Ceiling = 2L << 30;

    /// <summary>
    /// The budget for the build of <paramref name="options"/> (what it will allocate, with room) when it is an edit served by the caches, or null: no
    /// build cache, no input cache of this build of the tool, a site of another as-of date (a clean build, or one that
    /// renders most pages again, allocates ten times its caches, and its collections free most of it), or more than the ceiling.
    /// </summary>
    public static long? Of(SiteOptions options)
    {
        if (!options.UseCache || !InputCache.IsOn)
        {
            return null;
        }

        if (GenerateManifest.AsOfIn(options.OutputRoot) != Dates.Iso(options.AsOf))
        {
            // Another as-of date: statuses, deadlines and every page that shows them change — far more than an edit.
            return null;
        }

        var buildCache = SizeOf(BuildCache.PathFor(options.OutputRoot));
        var inputCache = InputCache.BytesIn(options.InputCacheFolder ?? InputCache.DefaultFolder(options.InputRoot));
        return buildCache == 0 || inputCache == 0 ? null : Within(buildCache + inputCache + SizeOf(WriteOutputAtomically.SpareListOf(options.OutputRoot)));
    }

    /// <summary>
    /// The budget for <c>disclosure check</c> of <paramref name="inputRoot"/> (what it will allocate, with room) when the input cache
    /// serves its load (it allocated 3 bytes per byte of cache at 300 villages: 455 MiB for 157 MB, a third of it in collections' pauses), or null:
    /// no input cache of this build of the tool, or more than the ceiling.
    /// </summary>
    public static long? OfCheck(string inputRoot)
    {
        var inputCache = InputCache.IsOn ? InputCache.BytesIn(InputCache.DefaultFolder(inputRoot)) : 0;
        return inputCache == 0 ? null : Within(inputCache);
    }

    /// <summary>The budget for <paramref name="cacheBytes"/> of caches decoded, or null past the ceiling.</summary>
    private static long? Within(long cacheBytes)
    {
        var budget = Math.Max(Floor, PerCacheByte * cacheBytes);
        return budget <= Math.Min(Ceiling, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4) ? budget : null;
    }

    private static long SizeOf(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? file.Length : 0;
    }
}
