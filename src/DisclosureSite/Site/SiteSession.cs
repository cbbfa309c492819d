using DisclosureSite.Loading;
using DisclosureSite.Publishing.Revisions;
using DisclosureSite.Site.Load;
using DisclosureSite.Site.Render;
using DisclosureSite.Site.Validate;
using DisclosureSite.Site.Write;
using DisclosureSite.Validation;

namespace DisclosureSite.Site;

/// <summary>
/// A long-lived build session (issue 17 point 3, for <c>disclosure preview</c>): builds the same input into the same
/// output again and again, keeping in memory what a build from a new process would read back from disk —
/// <list type="bullet">
/// <item>every disclosure file's load result and per-file findings (<see cref="InputCacheMemory"/>): a rebuild reads
/// only the files whose stamps changed, the others are taken as they are after one <c>statx</c> each;</item>
/// <item>the last load: when every reported path lies in period folders of <c>disclosures/</c>, only those folders are
/// loaded again (<see cref="ReloadInput"/>), and the last validation's dates and compliance matrix are kept when the
/// edited disclosures count for the schedule as before (<see cref="ValidateInput.Rerun"/>);</item>
/// <item>the loaded input, its validation and revision history, reused whole when only theme files changed;</item>
/// <item>the parsed theme, reused until a theme file changes;</item>
/// <item>the build cache (every page's render key, hash, size and time), so pages whose keys did not change are not
/// rendered again and the cache file is not read back nor written (nor the spare's list) until the session ends
/// (<see cref="Dispose"/>);</item>
/// <item>the search index of its first build (<see cref="CarrySearchIndex"/>): Pagefind is not run again.</item>
/// </list>
/// Each build is still a whole build (<see cref="SiteBuilder.Build(SiteOptions)"/>'s phases, into a spare folder swapped in
/// atomically), so the output is always a whole, consistent site and equals a clean build byte for byte. Callers say what
/// changed (<see cref="Changed"/>); when in doubt (<see cref="ChangedEverything"/>) everything is read again. Not
/// thread-safe: one build at a time.
/// </summary>
public sealed class SiteSession(SiteOptions options) : IDisposable
{
    private readonly InputCacheMemory _inputs = new();
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private bool _everything = true;
    private Kept? _kept;
    private LoadResult? _loaded;
    private (LoadResult Loaded, ValidationContext Context)? _validated;
    private List<string>? _inputChanges;
    private ThemeTemplates? _theme;
    private string? _themeRoot;
    private OwnedOutput? _owned;
    private bool _checkOutput = true;
    private IReadOnlyDictionary<string, CachedFile>? _spare;
    private bool _indexed;

    /// <summary>What every build of this session is asked to do (the as-of date is given per build).</summary>
    public SiteOptions Options { get; } = options;

    /// <summary>Builds so far (successful or not).</summary>
    public int Builds { get; private set; }

    /// <summary>Records files (full paths) created, changed, renamed or deleted since the last build.</summary>
    public void Changed(IEnumerable<string> fullPaths)
    {
        foreach (var path in fullPaths)
        {
            _changed.Add(Path.GetFullPath(path));
        }
    }

    /// <summary>Something changed that was not seen file by file (a watcher's buffer overflowed): the next build reads everything.</summary>
    /// <remarks>The output is then checked file by file too (a build into the spare, see <see cref="InPlaceOutput"/>).</remarks>
    public void ChangedEverything()
    {
        _everything = true;
        _checkOutput = true;
    }

    /// <summary>Builds the site as of <paramref name="asOf"/>, from what changed since the last build.</summary>
    public BuildResult Build(DateOnly asOf)
    {
        lock (_gate)
        {
            return BuildLocked(asOf);
        }
    }

    private readonly object _gate = new();

    private BuildResult BuildLocked(DateOnly asOf)
    {
        Builds++;
        var options = Options with { AsOf = asOf, RunPagefind = Options.RunPagefind && !_indexed };
        var changed = _changed.ToList();
        var everything = _everything;
        _changed.Clear();
        _everything = false;
        _inPlace = !_checkOutput;
        _checkOutput = false;
        var themeRoots = ThemeRootsOf(options);
        var themeChanged = everything || changed.Any(p => themeRoots.Any(root => IsUnder(p, root)));
        var inputChanged = everything || changed.Any(p => !themeRoots.Any(root => IsUnder(p, root)));
        if (themeChanged)
        {
            _theme = null;
        }

        // What the Load phase may reload instead of reading the whole input (everything after an overflow or a failure).
        _inputChanges = everything ? null : changed.Where(p => !themeRoots.Any(root => IsUnder(p, root))).ToList();
        if (everything)
        {
            _loaded = null;
            _validated = null;
        }

        if (inputChanged || _kept is not { } kept || kept.AsOf != asOf)
        {
            _kept = null;
        }

        try
        {
            var result = SiteBuilder.Build(options, this);
            if (!result.Succeeded)
            {
                _kept = null;
            }

            return result;
        }
        catch
        {
            // A failed build (a broken theme, an unwritable folder): the next one starts over from the files.
            _everything = true;
            _kept = null;
            _loaded = null;
            _validated = null;
            _theme = null;
            throw;
        }
    }

    /// <summary>The loaded, validated input of the last build, when no input file changed since and the as-of date is the same.</summary>
    internal Kept? Reusable => _kept;

    /// <summary>The in-memory input cache the Load phase reads through.</summary>
    internal InputCacheMemory Inputs => _inputs;

    /// <summary>
    /// The last load with the period folders of <c>disclosures/</c> that changed since loaded again
    /// (<see cref="ReloadInput"/>), or null when the whole input must be loaded (the first build, a change elsewhere, a
    /// watcher overflow, a failed build).
    /// </summary>
    internal LoadResult? Reload(SiteOptions options)
    {
        var reloaded = _loaded is { } previous && _inputChanges is { } changed
            ? ReloadInput.Run(previous, changed, new LoadOptions { CacheFolder = options.InputCacheFolder, Memory = _inputs })
            : null;
        PartialLoads += reloaded is null ? 0 : 1;
        return reloaded;
    }

    /// <summary>Builds whose Load phase reloaded only the changed period folders (tests).</summary>
    internal int PartialLoads { get; private set; }

    /// <summary>
    /// The checks of <paramref name="loaded"/> (a partial load) with the trusted dates and compliance matrix of the last
    /// validation kept (<see cref="ValidateInput.Rerun"/>), or null when the whole validation must run.
    /// </summary>
    internal (ValidationContext Context, CheckReport Report)? Revalidate(LoadResult loaded, DateOnly asOf)
    {
        var rerun = _validated is { } last && !ReferenceEquals(last.Loaded, loaded) ? ValidateInput.Rerun(loaded, last.Loaded, last.Context, asOf) : null;
        Revalidations += rerun is null ? 0 : 1;
        return rerun;
    }

    /// <summary>Builds whose Validate phase kept the last one's dates and compliance matrix (tests).</summary>
    internal int Revalidations { get; private set; }

    /// <summary>Called by the build with what its Validate phase gave: the base of the next build's <see cref="Revalidate"/>.</summary>
    internal void Validated(LoadResult loaded, ValidationContext? context) => _validated = context is null ? null : (loaded, context);

    /// <summary>Called by the build with what its Load phase gave: the base of the next build's <see cref="Reload"/>.</summary>
    internal void Loaded(LoadResult loaded) => _loaded = loaded.Input is null ? null : loaded;

    /// <summary>The parsed theme of <paramref name="themeRoot"/>, kept until a theme file changes.</summary>
    internal ThemeTemplates Theme(string themeRoot, Func<ThemeTemplates> parse)
    {
        if (_theme is null || _themeRoot != themeRoot)
        {
            _theme = parse();
            _themeRoot = themeRoot;
        }

        return _theme;
    }

    /// <summary>The build cache of the output in place as the last build of this session left it, or null when it must be read.</summary>
    internal IReadOnlyDictionary<string, CachedFile>? BuildCache => _owned?.Files;

    private bool _inPlace;

    /// <summary>
    /// The output as this session's builds left it, when this build may rebuild it in place (<see cref="SiteOutput(OwnedOutput)"/>):
    /// the session trusts that nobody else changed it. Null — a build into the spare, every file checked (size and time)
    /// before it is taken over — for the session's first build, after a watcher overflow (<see cref="ChangedEverything"/>),
    /// and when the output is gone or is not the one the session wrote (its marker missing).
    /// </summary>
    internal OwnedOutput? InPlaceOutput(SiteOptions options) =>
        _inPlace && _owned is { } owned && owned.Root == options.OutputRoot && File.Exists(Path.Combine(options.OutputRoot, ToolFolder.SiteMarker)) ? owned : null;

    /// <summary>Called by the build once the new output is in place.</summary>
    /// <remarks><paramref name="previous"/> is what the output held before this build (its cache): now the spare (null: a
    /// rebuild in place, the spare is unchanged).</remarks>
    internal void Built(LoadResult loaded, ValidationContext validation, CheckReport report, IReadOnlyDictionary<string, ItemHistory> revisions, DateOnly asOf, OwnedOutput? output, bool indexed, IReadOnlyDictionary<string, CachedFile>? previous)
    {
        _kept = new Kept(loaded, validation, report, revisions, asOf);
        if (!ReferenceEquals(output, _owned))
        {
            _spare = previous;
        }

        _owned = output;
        _indexed = indexed;
    }

    /// <summary>A rebuild in place leaves the search index of the session's first build where it is: true when there is one.</summary>
    internal bool SearchIndexKept(string outputRoot) => _indexed && Directory.Exists(Path.Combine(outputRoot, "pagefind"));

    /// <summary>
    /// What the spare (the output before the last build, <see cref="WriteOutputAtomically.SpareOf"/>) holds: a session
    /// keeps its list in memory, not on disk (no list written and read back at every rebuild); null when unknown.
    /// </summary>
    internal IReadOnlyDictionary<string, CachedFile>? Spare => _spare;

    /// <summary>
    /// Writes what the session kept in memory of its output for the builds of other processes: the build cache of the
    /// output in place and the spare's list (<c>disclosure build</c> after the preview then patches them as usual).
    /// Without it (a killed preview) the next build finds neither and builds everything, which is slower, never wrong.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            WriteCaches();
        }
    }

    private void WriteCaches()
    {
        if (_owned is { } owned && Options.UseCache && Directory.Exists(Options.OutputRoot))
        {
            Write.BuildCache.Save(Options.OutputRoot, owned.Sorted.Select(p => (p, owned.Files[p])).ToList());
            if (_spare is { Count: > 0 } spare && Directory.Exists(WriteOutputAtomically.SpareOf(Options.OutputRoot)))
            {
                Write.BuildCache.Write(WriteOutputAtomically.SpareListOf(Options.OutputRoot), spare.Select(kv => (kv.Key, kv.Value)).ToList());
            }
        }

        _owned = null;
        _spare = null;
    }

    /// <summary>
    /// The search index is made by the session's first build only (Pagefind indexes the whole site: seconds to minutes);
    /// each later build takes it over from the output in place — one folder rename into the new output just before the
    /// swap — so search keeps working in the preview, with the contents of the first build. True when it was taken over.
    /// </summary>
    internal bool CarrySearchIndex(string outputRoot, string newRoot)
    {
        var index = Path.Combine(outputRoot, "pagefind");
        if (!_indexed || !Directory.Exists(index) || Directory.Exists(Path.Combine(newRoot, "pagefind")))
        {
            _indexed = false;
            return false;
        }

        Directory.Move(index, Path.Combine(newRoot, "pagefind"));
        return true;
    }

    /// <summary>The output's cache is unknown (a build failed after touching it): read it from disk next time.</summary>
    internal void ForgetBuildCache()
    {
        _owned = null;
        _spare = null;
    }

    private static string[] ThemeRootsOf(SiteOptions options) =>
        new[] { options.ThemeRoot ?? ThemeLocator.Find(), ThemeLocator.OverridesOf(options.InputRoot) }
            .OfType<string>().Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r))).ToArray();

    private static bool IsUnder(string path, string root) =>
        path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The last build's loaded and validated input.</summary>
    internal sealed record Kept(LoadResult Loaded, ValidationContext Validation, CheckReport Report, IReadOnlyDictionary<string, ItemHistory> Revisions, DateOnly AsOf);
}
