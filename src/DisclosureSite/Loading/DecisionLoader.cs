using DisclosureSite.Model;
using YamlDotNet.RepresentationModel;

namespace DisclosureSite.Loading;

/// <summary>Reads <c>decisions/&lt;unit&gt;/&lt;slug&gt;.yaml</c>: 四议两公开 records (SPEC §5).</summary>
public static class DecisionLoader
{
    private static readonly string[] Keys = ["title", "item", "steps", "status", "result"];
    private static readonly string[] StepKeys = ["date", "minutes", "votes"];
    private static readonly string[] VoteKeys = ["present", "for", "against", "abstain"];

    public static Decision? Load(InputFolder input, string file, string unit, RuleSet rules, UnitLevel level, FindingSink sink) => Load(input, file, unit, rules, level, sink, cache: null);

    /// <summary>
    /// <see cref="Load(InputFolder, string, string, RuleSet, UnitLevel, FindingSink)"/> through the unit's cache of its
    /// records (<see cref="InputCache.OpenDecisions"/>), when given: an unchanged file is taken from there with its findings.
    /// </summary>
    internal static Decision? Load(InputFolder input, string file, string unit, RuleSet rules, UnitLevel level, FindingSink sink, InputCache.UnitCache? cache) =>
        cache is null ? Read(input, file, unit, rules, level, sink) : cache.ReadThrough(file, sink, own => Read(input, file, unit, rules, level, own));

    /// <summary>What reading a record depends on in the rules besides its file and the catalogue: the steps' ids, in order.</summary>
    internal static string RulesFingerprint(RuleSet rules) => string.Join('\u001f', rules.Decisions.Steps.Select(s => s.Id));

    private static Decision? Read(InputFolder input, string file, string unit, RuleSet rules, UnitLevel level, FindingSink sink)
    {
        var text = TextFile.Read(input, file, sink);
        if (text is null)
        {
            return null;
        }

        var mark = sink.Count;
        var root = YamlText.Parse(text, file, sink);
        if (root is not YamlMappingNode map)
        {
            if (sink.ErrorsSince(mark) == 0)
            {
                sink.Report(FindingCodes.Syntax, new SourceRef(file, 1, 1), Messages.ExpectedMapping(Path.GetFileName(file)), unit);
            }

            return null;
        }

        var f = new YamlFields(map, file, sink, Keys, 0, unit);
        var title = f.String("title", required: true);
        var item = f.String("item");
        if (item is not null && rules.FindItem(level, item) is null)
        {
            f.ReportAt("item", FindingCodes.UnknownItem, Messages.UnknownItem(item, level, rules));
        }

        var status = DecisionStatus.Proposed;
        switch (f.String("status"))
        {
            case null or "proposed":
                break;
            case "in-progress":
                status = DecisionStatus.InProgress;
                break;
            case "done":
                status = DecisionStatus.Done;
                break;
            case "rejected":
                status = DecisionStatus.Rejected;
                break;
            case var other:
                f.ReportAt("status", FindingCodes.Syntax, Messages.BadChoice("status", other, ["proposed", "in-progress", "done", "rejected"]));
                break;
        }

        var steps = new List<DecisionStep>();
        var stepIds = rules.Decisions.Steps.Select(s => s.Id).ToList();
        if (f.Mapping("steps") is { } sm)
        {
            var sf = new YamlFields(sm, file, sink, stepIds, 0, unit);
            foreach (var id in stepIds.Where(sf.Has))
            {
                var node = sf.Value(id)!;
                if (node is YamlScalarNode)
                {
                    if (sf.Date(id) is { } date)
                    {
                        steps.Add(new DecisionStep(id, date, null, null, sf.AtKey(id)));
                    }

                    continue;
                }

                if (node is not YamlMappingNode stepMap)
                {
                    sf.ReportAt(id, FindingCodes.Syntax, Messages.ExpectedMapping(id));
                    continue;
                }

                var stf = new YamlFields(stepMap, file, sink, StepKeys, 0, unit);
                var stepDate = stf.Date("date", required: true);
                Votes? votes = null;
                if (stf.Mapping("votes") is { } vm)
                {
                    var vf = new YamlFields(vm, file, sink, VoteKeys, 0, unit);
                    votes = new Votes(vf.Int("present"), vf.Int("for"), vf.Int("against"), vf.Int("abstain"));
                }

                if (stepDate is { } d)
                {
                    steps.Add(new DecisionStep(id, d, stf.String("minutes"), votes, sf.AtKey(id)));
                }
            }
        }
        else
        {
            f.String("steps", required: true);
        }

        if (title is null)
        {
            return null;
        }

        var slug = Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
        return new Decision(unit, slug, file, title, item, steps, status, f.String("result")) { Text = text };
    }
}
