using DisclosureSite.Loading;
using DisclosureSite.Validation.Rules;

namespace DisclosureSite.Site.Load;

/// <summary>Load phase: reads the input folder (SPEC §4). Bad input becomes findings, not exceptions.</summary>
public static class LoadInput
{
    public static LoadResult Run(string inputRoot) => InputLoader.Load(inputRoot);

    /// <summary>Loads through the persistent input cache when <paramref name="useCache"/> is set (and its in-memory copy <paramref name="memory"/> in a long-lived session); the cache keeps the validator's per-file findings.</summary>
    public static LoadResult Run(string inputRoot, bool useCache, string? cacheFolder = null, InputCacheMemory? memory = null) =>
        InputLoader.Load(inputRoot, new LoadOptions { UseCache = useCache, CacheFolder = cacheFolder, Checks = DisclosureChecks.Instance, Memory = memory });
}
