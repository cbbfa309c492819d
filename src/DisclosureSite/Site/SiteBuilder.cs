using System.Diagnostics;
using DisclosureSite.Site.Load;
using DisclosureSite.Site.Render;
using DisclosureSite.Site.Render.Steps;
using DisclosureSite.Site.Validate;
using DisclosureSite.Site.Write;

namespace DisclosureSite.Site;

/// <summary>
/// Builds the site in four phases — Load → Validate → Render → Write — in the spirit of Statiq, without its weight.
/// Render is a list of small verb-noun steps; a new page kind is one new <see cref="IRenderStep"/> added to
/// <see cref="RenderSteps"/>. Write renders into a temporary sibling folder, adds the manifest and the search index,
/// and swaps it into place, so a failed or killed build leaves the previous site whole.
/// </summary>
public static class SiteBuilder
{
    /// <summary>
    /// The Render phase: pure functions of <see cref="SiteData"/> and the theme that write pages and downloads; no step
    /// reads an input file or Git. They run at once (<see cref="RunPageSteps"/>), then <see cref="GenerateSitemap"/>,
    /// which lists the pages written.
    /// </summary>
    public static IReadOnlyList<IRenderStep> RenderSteps { get; } =
    [
        new RenderHomePage(),
        new RenderUnitPages(),
        new RenderPeriodPages(),
        new RenderItemPages(),
        new RenderCompliancePages(),
        new RenderDecisionPages(),
        new RenderRequestPages(),
        new RenderHistoryPages(),
        new RenderLedgerPages(),
        new RenderTopicPages(),
        new RenderSearchPage(),
        new RenderDataDownloads(),
        new RenderFeeds(),
        new RenderNotFoundPage(),
        new GenerateSitemap(),
    ];

    public static BuildResult Build(SiteOptions options) => Build(options, session: null);

    /// <summary>
    /// A build; within a <see cref="SiteSession"/> (the preview), what the session kept from its last build — the loaded
    /// and validated input when no input file changed, the disclosures' load results, the parsed theme, the build
    /// cache — is taken instead of being read again. The phases and the output are the same.
    /// </summary>
    internal static BuildResult Build(SiteOptions options, SiteSession? session)
    {
        // Nothing is read or written before the output is known to be the tool's to replace (issue 12).
        if (WriteOutputAtomically.Refusal(options.OutputRoot, options.InputRoot, options.WorkingDirectory) is { } refusal)
        {
            throw new ToolFolderRefusedException(refusal);
        }

        var total = Stopwatch.StartNew();

        // The build cache is read beside Load and Validate (it is only the output's list; a build with input errors drops it).
        // So is the spare's list (the previous output's cache, renamed), which PrepareOutputFolder would otherwise read on its
        // own: with the cache, so that the entries the two share are decoded once.
        // Once the spare's list is read, its files are looked at on a thread of their own (SpareCheck): the take-over asks
        // the answers instead of looking itself, and the looking fills the core that Load's end and Validate leave idle.
        var cachesRead = options.UseCache && session is null
            ? Task.Run(() =>
            {
                var (cache, spare) = BuildCache.LoadWithSpare(options.OutputRoot, WriteOutputAtomically.SpareListOf(options.OutputRoot));
                return (Cache: cache, Spare: spare, Check: SpareCheck.Start(WriteOutputAtomically.SpareOf(options.OutputRoot), spare));
            })
            : null;
        try
        {
            return Build(options, session, cachesRead, total);
        }
        finally
        {
            // The look ahead ends with the build (stopped at once when the cache is read; else when it is).
            if (cachesRead is not null)
            {
                _ = cachesRead.ContinueWith(t => t.Result.Check?.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    private static BuildResult Build(SiteOptions options, SiteSession? session, Task<(IReadOnlyDictionary<string, CachedFile> Cache, Dictionary<string, CachedFile>? Spare, SpareCheck? Check)>? cachesRead, Stopwatch total)
    {
        // So is the theme: reading it and parsing its layouts needs nothing Load or Validate make, and the template parser's
        // set-up (its grammar, jitted at first use) would otherwise hold up the first pages. Its errors are raised where the
        // theme is used, after Validate, as before. A session keeps its parsed theme (SiteSession.Theme) and reads it there.
        var themeRead = session is null ? Task.Run(() => ParseTheme(options, prepare: true)) : null;
        var phases = new List<PhaseTiming>();
        var warnings = new List<string>();

        T Timed<T>(string name, Func<T> run)
        {
            options.StepStarted?.Invoke(name);
            var sw = Stopwatch.StartNew();
            var result = run();
            phases.Add(new PhaseTiming(name, sw.Elapsed, Environment.WorkingSet));
            return result;
        }

        var kept = session?.Reusable;
        var loaded = kept?.Loaded ?? Timed("Load", () => session?.Reload(options) ?? LoadInput.Run(options.InputRoot, options.UseCache || session is not null, options.InputCacheFolder, session?.Inputs));
        session?.Loaded(loaded);
        var (validation, report) = kept is not null ? (kept.Validation, kept.Report) : Timed("Validate", () => session?.Revalidate(loaded, options.AsOf) ?? ValidateInput.Run(loaded, options.AsOf, options.LedgerDates, options.Ledger));
        session?.Validated(loaded, validation);
        if (validation is null || report.HasErrors)
        {
            return new BuildResult(BuildOutcome.InputErrors, report, 0, 0, 0, total.Elapsed, options.OutputRoot, warnings, phases);
        }

        var theme = session is not null
            ? session.Theme(ThemeRootOf(options), () => Timed(nameof(ReadTheme), () => ParseTheme(options, prepare: false)))
            : Timed(nameof(ReadTheme), () => themeRead!.GetAwaiter().GetResult());
        var urls = SiteUrls.From(options.BaseUrl ?? validation.Input.Settings.BaseUrl);
        if (!urls.IsAbsolute)
        {
            warnings.Add("site.yaml 没有 base_url:订阅源、站点地图和二维码里的网址将不完整。请在 site.yaml 写上 base_url,例如 https://example.github.io/qingshi/。");
        }

        var revisions = kept?.Revisions ?? Timed(nameof(ReadRevisionHistory), () => ReadRevisionHistory.Run(validation));
        // A session that wrote the output in place and knows it file by file rebuilds it in place (SiteOutput(OwnedOutput)):
        // no folder to prepare, nothing swapped; else the build goes to a temporary folder (the spare) swapped in at the end.
        var owned = options.UseCache ? session?.InPlaceOutput(options) : null;
        var cache = owned is not null ? null : options.UseCache ? session?.BuildCache ?? Timed("LoadBuildCache", () => cachesRead?.GetAwaiter().GetResult().Cache ?? BuildCache.Load(options.OutputRoot)) : null;
        var (temp, present) = owned is not null ? (owned.Root, null) : Timed("PrepareOutputFolder", () => WriteOutputAtomically.PrepareTemporaryFolder(options.OutputRoot, useSpare: options.UseCache, session?.Spare ?? cachesRead?.GetAwaiter().GetResult().Spare));
        SiteOutput? output = null;

        try
        {
            // The output's tables — what the recycled output holds, the previous build's files by tag — are made on the other
            // core while SiteData is made on this one (both from what Load and the caches gave; neither touches the disk).
            var spareCheck = owned is null ? cachesRead?.GetAwaiter().GetResult().Check?.For(temp, present) : null;
            var outputMade = Task.Run(() => owned is not null ? new SiteOutput(owned) : new SiteOutput(temp, options.OutputRoot, cache, present) { SpareCheck = spareCheck }.WithGroupsIndexed());
            var data = Timed(nameof(SiteData), () => new SiteData(validation, report, urls, revisions, session?.Digests));
            output = outputMade.GetAwaiter().GetResult();
            output.WriteText(ToolFolder.SiteMarker, ToolFolder.SiteMarkerText);
            var context = new RenderContext(data, theme, output);
            Timed(nameof(CopyThemeAssets), () =>
            {
                CopyThemeAssets.Run(theme.Files, output);
                return 0;
            });
            // Only a build that keeps a cache compares steps with the previous build's (a clean build without one does not pay for it).
            // The parts several steps share are worked out first, with both cores (StepDigests.WorkOutShared); the others as
            // the steps ask for them.
            var digests = options.UseCache ? new StepDigests(data, context.Fingerprint, session?.Digests) : null;
            context.Digests = digests;
            if (digests is not null)
            {
                Timed(nameof(StepDigests), () =>
                {
                    digests.WorkOutShared();
                    return 0;
                });
            }

            // Whether the step was reused: a site-wide step whose inputs are unchanged since the previous build is not
            // run, its files are taken over. The step's tag is its own flow's (steps run at once), see SiteOutput.StepTag.
            bool RunStep(IRenderStep step) => output.RenderGroup(digests?.TagOf(step), () => step.Run(context, data));

            // The preview (PagesWritten) writes the pages a browser shows first and tells it so, then the site-wide files;
            // a build from the command line runs every step at once (the two cores are busier so).
            var pagesFirst = options.PagesWritten is not null;
            var (stepTimings, stepsReused) = RunPageSteps(RenderSteps.Where(s => s is not GenerateSitemap && (!pagesFirst || !WritesDataFiles(s))), RunStep, options.StepStarted);
            phases.AddRange(stepTimings);
            if (pagesFirst)
            {
                CopyAttachmentsTimed();
                options.PagesWritten!();
                // Not a phase of its own: when the pages were in place, counted from the build's start (the preview's timings show it).
                phases.Add(new PhaseTiming("PagesWritten (from start)", total.Elapsed, Environment.WorkingSet));
                var (fileTimings, filesReused) = RunPageSteps(RenderSteps.Where(WritesDataFiles), RunStep, options.StepStarted);
                phases.AddRange(fileTimings);
                stepsReused.AddRange(filesReused);
            }

            // The manifest's items need only the site's data: made while the sitemap, on one core, lists the pages.
            var manifestItems = session?.Digests is null ? Task.Run(() => GenerateManifest.Items(data)) : null;
            Timed(nameof(GenerateSitemap), () =>
            {
                if (RunStep(Sitemap))
                {
                    stepsReused.Add(nameof(GenerateSitemap));
                }

                return 0;
            });

            if (!pagesFirst)
            {
                CopyAttachmentsTimed();
            }

            Timed(nameof(CopyLedger), () =>
            {
                CopyLedger.Run(data, output);
                return 0;
            });

            // The build cache's entries of every other file are known by now: encoded on the other core while the manifest
            // is written (the cache itself is written after the swap, with the manifest's entry put in its place).
            var cacheEncoded = options.UseCache && session is null ? Task.Run(() => BuildCache.Encode(output.CacheEntries, GenerateManifest.Path)) : null;

            // Its own phase: how long the manifest waits for its items (made on the other core) is not the manifest's time.
            var items = manifestItems is null ? null : Timed("ManifestItems", () => manifestItems.GetAwaiter().GetResult());
            Timed(nameof(GenerateManifest), () =>
            {
                GenerateManifest.Run(data, output, session?.Digests, items, session is null ? digests : null);
                return 0;
            });
            Timed("RemoveStaleFiles", () =>
            {
                output.Finish();
                return 0;
            });
            if (owned is not null)
            {
                // In place: the search index of the session's first build stays where it is; nothing to swap.
                var indexKept = session!.SearchIndexKept(options.OutputRoot);
                session.Built(loaded, validation, report, revisions, options.AsOf, owned, indexKept, previous: null);
                return Result(output, output.Files, indexKept);
            }

            var indexed = session?.CarrySearchIndex(options.OutputRoot, output.Root) == true
                || (options.RunPagefind && Timed(nameof(RunPagefind), () => Index(options, output!, warnings)));
            var files = output.Files;
            Timed(nameof(WriteOutputAtomically), () =>
            {
                // The cache must describe the site in place or nothing: gone before the swap, written after it.
                // The previous cache file is not rewritten: renamed, it becomes the list of the spare (the previous output).
                // A session keeps both in memory instead and writes them when it ends (SiteSession.Dispose).
                session?.ForgetBuildCache();
                var previousList = session is null ? BuildCache.Retire(options.OutputRoot) : null;
                if (session is not null)
                {
                    BuildCache.Delete(options.OutputRoot);
                }

                WriteOutputAtomically.Swap(temp, options.OutputRoot, cache, previousList, spareListOnDisk: session is null);
                return 0;
            });
            Timed(nameof(BuildCache), () =>
            {
                if (cacheEncoded is not null)
                {
                    // Every file's entry but the manifest's encoded before: the manifest is the only file since (else the cache is written whole).
                    var early = cacheEncoded.GetAwaiter().GetResult();
                    if (!(output.FileCount == early.Count + 1 && output.CacheEntryOf(GenerateManifest.Path) is { } manifest && BuildCache.Save(options.OutputRoot, early, [manifest])))
                    {
                        BuildCache.Save(options.OutputRoot, output.CacheEntries);
                    }
                }

                session?.Built(loaded, validation, report, revisions, options.AsOf, options.UseCache ? OwnedOutput.From(options.OutputRoot, output.CacheEntries) : null, indexed, cache);
                return 0;
            });
            return Result(output, files, indexed);

            void CopyAttachmentsTimed() => Timed(nameof(CopyAttachments), () =>
            {
                CopyAttachments.Run(context, data);
                return 0;
            });

            BuildResult Result(SiteOutput built, IReadOnlyList<OutputFile> all, bool searchIndexed) =>
                new(BuildOutcome.Built, report, all.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal)), all.Count, all.Sum(f => f.Bytes), total.Elapsed, options.OutputRoot, warnings, phases)
                {
                    SearchIndexed = searchIndexed,
                    FilesReused = built.Reused,
                    StepsReused = stepsReused,
                    FilesWritten = built.Written,
                };
        }
        catch
        {
            if (owned is not null)
            {
                // In place: what was written stays, and is recorded; the output in place is never deleted.
                output?.Abandon();
            }
            else
            {
                WriteOutputAtomically.Discard(temp);
                BuildCache.ForgetRecycled(options.OutputRoot);
            }

            throw;
        }
    }

    /// <summary>
    /// How <c>ledger verify --rebuild</c> builds a recorded commit: as <c>disclosure build</c> does (the ledger and the theme
    /// found the same way), without the build cache and the search index, which the comparison leaves out.
    /// </summary>
    public static Publishing.Ledger.SiteRebuilder Rebuilder(string? themeRoot = null) => (input, output, asOf) =>
    {
        try
        {
            var result = Build(new SiteOptions(input, output, asOf) { ThemeRoot = themeRoot, UseCache = false, RunPagefind = false, Ledger = DisclosureSite.Ledger.LedgerStore.Load(input) });
            return result.Succeeded ? null : string.Join(";", result.Report.Findings.Where(f => f.IsError).Take(3).Select(f => f.Message));
        }
        catch (ThemeException e)
        {
            return e.Message;
        }
    };

    private static readonly IRenderStep Sitemap = RenderSteps.Single(s => s is GenerateSitemap);

    /// <summary>The steps that write only whole-site data files (and the downloads' page): no other page links what they write anew.</summary>
    private static bool WritesDataFiles(IRenderStep step) => step is RenderDataDownloads or RenderFeeds;

    /// <summary>The theme's folder: the one given, else the default theme found next to the tool or above the input folder.</summary>
    private static string ThemeRootOf(SiteOptions options) =>
        options.ThemeRoot ?? ThemeLocator.Find()
            ?? throw new ThemeException("找不到默认主题 themes/default(the default theme was not found next to the tool or above the input folder).");

    /// <summary>The theme's files read (<see cref="ReadTheme"/>) and, when <paramref name="prepare"/>, its layouts parsed ahead of the pages.</summary>
    private static ThemeTemplates ParseTheme(SiteOptions options, bool prepare)
    {
        var theme = new ThemeTemplates(ReadTheme.Run(ThemeRootOf(options), ThemeLocator.OverridesOf(options.InputRoot), options.InputRoot));
        if (prepare)
        {
            theme.ParseLayouts();
        }

        return theme;
    }

    /// <summary>
    /// Runs the render steps given (never the sitemap, which lists the pages written) at once through <paramref name="run"/>, each
    /// timed on its own (so their times overlap); returns the timings and the names of the reused steps, in step order.
    /// The steps are independent — each writes its own files from <see cref="SiteData"/> through the thread-safe
    /// <see cref="RenderContext"/> — and most of them render on one core for part of their time (the home page, the
    /// feeds, the data files, the first page of each kind while its template is parsed): run one after the other, the
    /// second core idled through them (measured in docs/performance.md, "Round two").
    /// </summary>
    private static (PhaseTiming[] Timings, List<string> Reused) RunPageSteps(IEnumerable<IRenderStep> which, Func<IRenderStep, bool> run, Action<string>? started)
    {
        var steps = which.ToList();
        var timings = new PhaseTiming[steps.Count];
        var reused = new bool[steps.Count];
        foreach (var step in steps)
        {
            started?.Invoke(step.GetType().Name);
        }

        var tasks = steps.Select((step, i) => Task.Run(() =>
        {
            var sw = Stopwatch.StartNew();
            reused[i] = run(step);
            timings[i] = new PhaseTiming(step.GetType().Name, sw.Elapsed, Environment.WorkingSet);
        })).ToArray();
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
            // What a sequential run would have thrown: a broken theme's one message when a page met it (also from inside
            // a step's parallel loop), else the first failed step's own exception.
            var errors = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).ToList();
            var theme = errors.OfType<ThemeException>().Concat(errors.OfType<AggregateException>().SelectMany(e => e.Flatten().InnerExceptions.OfType<ThemeException>())).FirstOrDefault();
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(theme ?? errors[0]);
        }

        return (timings, steps.Where((_, i) => reused[i]).Select(s => s.GetType().Name).ToList());
    }

    private static bool Index(SiteOptions options, SiteOutput output, List<string> warnings)
    {
        var pagefind = RunPagefind.Find(options.WorkingDirectory ?? Directory.GetCurrentDirectory(), options.InputRoot, AppContext.BaseDirectory);
        if (pagefind is null)
        {
            warnings.Add(RunPagefind.NotFoundMessage);
            return false;
        }

        if (RunPagefind.Run(pagefind, output.Root) is { } error)
        {
            warnings.Add(error);
            return false;
        }

        output.KeepTimestampsUnder("pagefind");
        return true;
    }
}
