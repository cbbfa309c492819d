namespace DisclosureSite.Loading;

/// <summary>How <see cref="InputLoader.Load(string, LoadOptions)"/> reads an input folder.</summary>
public sealed record LoadOptions
{
    /// <summary>Takes disclosures from the persistent <see cref="InputCache"/> where their files are unchanged.</summary>
    public bool UseCache { get; init; }

    /// <summary>Where the input cache lives (null: <see cref="InputCache.DefaultFolder"/>).</summary>
    public string? CacheFolder { get; init; }

    /// <summary>Validation's per-file checks, run on every file the cache loads afresh and kept with it (<see cref="LoadResult.PerFile"/>).</summary>
    public IPerFileChecks? Checks { get; init; }

    /// <summary>
    /// The clock the cache compares file change times with: a file changed within the last 2 s of it is not cached (a
    /// later write in the same clock tick could keep its stamp). Tests set it ahead instead of sleeping.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>With <see cref="UseCache"/>: the cache's entries kept in memory by a long-lived process (the preview), read instead of the cache files.</summary>
    public InputCacheMemory? Memory { get; init; }
}
