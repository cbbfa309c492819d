using DisclosureSite.Ledger;

namespace DisclosureSite.Site;

/// <summary>What one build is asked to do. "Today" is <see cref="AsOf"/>, never the machine clock: no wall-clock time reaches the output.</summary>
public sealed record SiteOptions(string InputRoot, string OutputRoot, DateOnly AsOf)
{
    /// <summary>Overrides <c>base_url</c> of site.yaml (the preview server and tests set their own).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The theme folder; found automatically when null (see <see cref="Load.ThemeLocator"/>).</summary>
    public string? ThemeRoot { get; init; }

    /// <summary>Trusted dates from the publication ledger, keyed by item URL path (passed on to the validator).</summary>
    public IReadOnlyDictionary<string, DateOnly>? LedgerDates { get; init; }

    /// <summary>
    /// The publication ledger (<see cref="LedgerStore.Load"/>): its dates are trusted, its rule blocks silent
    /// changes, its revisions are shown on item pages and it is offered at <c>/history/publications.jsonl</c>.
    /// </summary>
    public LedgerState? Ledger { get; init; }

    /// <summary>
    /// Keeps the build cache beside the output (<see cref="Write.BuildCache"/>): pages whose inputs did not change are not
    /// rendered again and unchanged files are taken over from the previous output.
    /// </summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Where the persistent input cache lives (null: <see cref="Loading.InputCache.DefaultFolder"/>); used with <see cref="UseCache"/>.</summary>
    public string? InputCacheFolder { get; init; }

    /// <summary>Runs Pagefind on the output before the swap when it can be found.</summary>
    public bool RunPagefind { get; init; } = true;

    /// <summary>
    /// The command's working directory (the CLI's, which tests set without changing the process's): where to start looking
    /// for <c>node_modules/.bin/pagefind</c> besides the input folder, and a folder the build never replaces.
    /// </summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Told the name of each phase and step as it starts (<c>build --verbose</c> prints them; tests stop builds there).</summary>
    public Action<string>? StepStarted { get; init; }

    /// <summary>
    /// Called once every page a browser shows is in place — the HTML pages and the attachments they link — before the
    /// site-wide data files (the downloads, the feeds, the sitemap, the manifest) are written. Given (the preview does),
    /// the build writes the pages first and those files after; the preview reloads the browser then, and the rest of the
    /// build finishes before the next one starts. Not called when the build stops before its pages (input errors).
    /// </summary>
    public Action? PagesWritten { get; init; }
}
