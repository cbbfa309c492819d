using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>The result of loading an input folder: the data (when the core files could be read) and every finding.</summary>
public sealed record LoadResult(SiteInput? Input, IReadOnlyList<Finding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.IsError);

    /// <summary>
    /// The findings of the per-file checks the loader was handed (<see cref="IPerFileChecks"/>), by disclosure, computed
    /// with <see cref="SiteInput.Rules"/> or taken from the input cache; validation computes those of the others.
    /// </summary>
    public IReadOnlyDictionary<Disclosure, PerFileFindings> PerFile { get; init; } = EmptyPerFile;

    private static readonly IReadOnlyDictionary<Disclosure, PerFileFindings> EmptyPerFile = new Dictionary<Disclosure, PerFileFindings>();
}

/// <summary>Loads a whole input folder (SPEC §4): site, rules, units, standing information, disclosures, decisions.</summary>
public static class InputLoader
{
    /// <summary>Loads without the input cache (every file is read).</summary>
    public static LoadResult Load(string root) => Load(root, new LoadOptions());

    /// <summary>Loads; with <see cref="LoadOptions.UseCache"/>, disclosures come from the persistent <see cref="InputCache"/> where
    /// their files are unchanged. Table rows are kept packed (<see cref="PackedRows"/>) and decoded when walked.
    /// <see cref="LoadOptions.Checks"/>, when given, run on every file the cache loads afresh and are kept with it; their
    /// findings are in <see cref="LoadResult.PerFile"/>.</summary>
    public static LoadResult Load(string root, LoadOptions options)
    {
        var input = new InputFolder(root);
        var sink = new FindingSink();
        if (!Directory.Exists(input.Root))
        {
            throw new DirectoryNotFoundException(input.Root);
        }

        var site = SiteSettingsLoader.Load(input, sink);
        if (site is null)
        {
            return new LoadResult(null, sink.Findings);
        }

        var (settings, rulesAt) = site.Value;
        var rules = RulePresetLoader.Load(input, settings, rulesAt, sink);
        var units = UnitsLoader.Load(input, sink);
        if (rules is null)
        {
            return new LoadResult(null, sink.Findings);
        }

        var byId = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var people = StandingLoader.LoadPeople(input, byId.Keys, sink);

        // The units' own files (duty roster, commitments, 民情台账) are read beside the disclosures, each unit into its own
        // findings, merged in folder order as a sequential load reports them (a county has 300 such folders, ~2 s of work
        // read one after the other).
        var cache = options.UseCache ? InputCache.For(input, rules, options) : null;
        var unitFolders = Task.Run(() => LoadUnitFolders(input, byId, rules, cache, options.Checks));
        var unitDecisions = Task.Run(() => LoadDecisions(input, byId, rules, cache));
        var perFile = new Dictionary<Disclosure, PerFileFindings>(ReferenceEqualityComparer.Instance);
        var disclosureSink = new FindingSink();
        var loadedDisclosures = DisclosureLoader.LoadAll(input, byId, rules, disclosureSink, cache, options.Checks, perFile);
        var duty = new List<DutyEntry>();
        var commitments = new List<Commitments>();
        var requests = new List<RequestLog>();
        foreach (var folder in unitFolders.GetAwaiter().GetResult())
        {
            sink.AddRange(folder.Findings);
            duty.AddRange(folder.Duty);
            if (folder.Commitments is { } c)
            {
                commitments.Add(c);
            }

            if (folder.Requests is { } r)
            {
                requests.Add(r);
            }
        }

        sink.AddRange(disclosureSink.Findings);
        var disclosures = loadedDisclosures
            .Concat(BoardPhotoLoader.Load(input, byId, rules, SiteClock.Zone(settings.TimeZone), sink))
            .ToList();
        var (decisions, decisionFindings) = unitDecisions.GetAwaiter().GetResult();
        sink.AddRange(decisionFindings);

        var siteInput = new SiteInput(input.Root, settings, rules, units, people, duty, commitments, disclosures, decisions) { Requests = requests };
        return new LoadResult(siteInput, sink.Findings) { PerFile = perFile };
    }

    /// <summary>What one folder under <c>units/</c> holds, and the findings of reading it in the order a sequential load reports them.</summary>
    private sealed record UnitFolder(IReadOnlyList<Finding> Findings, IReadOnlyList<DutyEntry> Duty, Commitments? Commitments, RequestLog? Requests);

    /// <summary>
    /// The 四议两公开 records of <c>decisions/</c>, in folder and file order, and the findings of reading them; with
    /// <paramref name="cache"/>, each unit's through its cache (<see cref="InputCache.OpenDecisions"/>).
    /// </summary>
    private static (List<Decision> Decisions, IReadOnlyList<Finding> Findings) LoadDecisions(InputFolder input, Dictionary<string, Unit> byId, RuleSet rules, InputCache? cache)
    {
        var stepRules = cache is null ? null : DecisionLoader.RulesFingerprint(rules);
        var sink = new FindingSink();
        var decisions = new List<Decision>();
        foreach (var dir in input.Directories("decisions"))
        {
            var id = Path.GetFileName(dir);
            if (!byId.TryGetValue(id, out var unit))
            {
                sink.Report(FindingCodes.UnknownUnit, new SourceRef(dir), Messages.UnknownUnitFolder(id));
                continue;
            }

            var own = cache?.OpenDecisions(input, unit, stepRules!);
            foreach (var file in input.Files(dir).Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
            {
                if (DecisionLoader.Load(input, file, id, rules, unit.Level, sink, own) is { } d)
                {
                    decisions.Add(d);
                }
            }

            own?.Save();
        }

        return (decisions, sink.Findings);
    }

    /// <summary>
    /// Every folder under <c>units/</c>, read in parallel, in folder order (a failure throws as a sequential read would);
    /// with <paramref name="cache"/>, each unit's 民情台账 through its cache (<see cref="InputCache.OpenOwnFiles"/>), scanned by
    /// <paramref name="checks"/> when read afresh.
    /// </summary>
    private static UnitFolder[] LoadUnitFolders(InputFolder input, Dictionary<string, Unit> byId, RuleSet rules, InputCache? cache, IPerFileChecks? checks)
    {
        var requestRules = cache is null ? null : RequestsLoader.RulesFingerprint(rules);
        var dirs = input.Directories("units");
        var folders = new UnitFolder[dirs.Count];
        try
        {
            Parallel.For(0, dirs.Count, ReadFolder);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        return folders;

        void ReadFolder(int i)
        {
            var dir = dirs[i];
            var id = Path.GetFileName(dir);
            var sink = new FindingSink();
            if (!byId.ContainsKey(id))
            {
                sink.Report(FindingCodes.UnknownUnit, new SourceRef(dir), Messages.UnknownUnitFolder(id));
                folders[i] = new UnitFolder(sink.Findings, [], null, null);
                return;
            }

            var duty = StandingLoader.LoadDuty(input, id, sink);
            var commitments = StandingLoader.LoadCommitments(input, id, sink);
            var own = cache?.OpenOwnFiles(input, id, requestRules!);
            var requests = RequestsLoader.Load(input, id, rules, sink, own, checks);
            own?.Save();
            folders[i] = new UnitFolder(sink.Findings, duty, commitments, requests);
        }
    }
}
