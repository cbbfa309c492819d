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
        var duty = new List<DutyEntry>();
        var commitments = new List<Commitments>();
        var requests = new List<RequestLog>();
        foreach (var dir in input.Directories("units"))
        {
            var id = Path.GetFileName(dir);
            if (!byId.ContainsKey(id))
            {
                sink.Report(FindingCodes.UnknownUnit, new SourceRef(dir), Messages.UnknownUnitFolder(id));
                continue;
            }

            duty.AddRange(StandingLoader.LoadDuty(input, id, sink));
            if (StandingLoader.LoadCommitments(input, id, sink) is { } c)
            {
                commitments.Add(c);
            }

            if (RequestsLoader.Load(input, id, rules, sink) is { } r)
            {
                requests.Add(r);
            }
        }

        var perFile = new Dictionary<Disclosure, PerFileFindings>(ReferenceEqualityComparer.Instance);
        var disclosures = DisclosureLoader.LoadAll(input, byId, rules, sink, options.UseCache ? InputCache.For(input, rules, options) : null, perFile)
            .Concat(BoardPhotoLoader.Load(input, byId, rules, SiteClock.Zone(settings.TimeZone), sink))
            .ToList();
        var decisions = new List<Decision>();
        foreach (var dir in input.Directories("decisions"))
        {
            var id = Path.GetFileName(dir);
            if (!byId.TryGetValue(id, out var unit))
            {
                sink.Report(FindingCodes.UnknownUnit, new SourceRef(dir), Messages.UnknownUnitFolder(id));
                continue;
            }

            foreach (var file in input.Files(dir).Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
            {
                if (DecisionLoader.Load(input, file, id, rules, unit.Level, sink) is { } d)
                {
                    decisions.Add(d);
                }
            }
        }

        var siteInput = new SiteInput(input.Root, settings, rules, units, people, duty, commitments, disclosures, decisions) { Requests = requests };
        return new LoadResult(siteInput, sink.Findings) { PerFile = perFile };
    }
}
