using System.Text.RegularExpressions;
using DisclosureSite.Model;
using YamlDotNet.RepresentationModel;
using Stream = DisclosureSite.Model.Stream;

namespace DisclosureSite.Loading;

/// <summary>
/// Loads a rule preset (<c>seeds/&lt;name&gt;.yaml</c>) and applies the site's overrides. A preset is
/// checked like user data: a broken one is a finding, never a crash. The site's own
/// <c>input/seeds/&lt;name&gt;.yaml</c> wins over the built-in one.
/// </summary>
public static partial class RulePresetLoader
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PresetName();

    [GeneratedRegex("^[a-z][a-z0-9-]*\\.[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ItemId();

    private static readonly string[] TopKeys = ["id", "name", "version", "sources", "defaults", "levels", "decisions", "columns", "presets", "requests"];
    private static readonly string[] LevelKeys = ["level", "streams", "standing"];
    private static readonly string[] StreamKeys = ["id", "name", "schedule", "due", "source", "items"];
    private static readonly string[] ItemKeys = ["id", "name", "h1_only", "table", "source"];
    private static readonly string[] DueKeys = ["day", "months_after_end"];
    private static readonly string[] StandingKeys = ["contact_card", "duty_roster", "commitments", "hotline", "requests"];
    private static readonly string[] RequestKeys = ["days", "categories", "source"];
    private static readonly string[] StandingEntryKeys = ["required", "roles", "source"];
    private static readonly string[] DecisionKeys = ["publish_days", "source", "steps"];
    private static readonly string[] StepKeys = ["id", "name", "disclosure"];
    private static readonly string[] PresetKeys = ["name", "levels", "items", "schedule", "due", "source"];
    private static readonly string[] SourceKeys = ["id", "document", "title"];
    private static readonly string[] DefaultsKeys = ["grace_days", "due_soon_days"];

    /// <summary>Names of the presets built into the tool.</summary>
    public static IReadOnlyList<string> BuiltIn =>
        typeof(RulePresetLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("seeds/", StringComparison.Ordinal))
            .Select(n => Path.GetFileNameWithoutExtension(n))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>The text of a built-in preset, or null.</summary>
    public static string? BuiltInText(string name)
    {
        using var stream = typeof(RulePresetLoader).Assembly.GetManifestResourceStream($"seeds/{name}.yaml");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return TextFile.NormalizeNewlines(reader.ReadToEnd());
    }

    /// <summary>Finds and loads the preset a site asks for, applying its overrides.</summary>
    public static RuleSet? Load(InputFolder input, SiteSettings site, SourceRef rulesAt, FindingSink sink)
    {
        if (!PresetName().IsMatch(site.Rules))
        {
            sink.Report(FindingCodes.BadReference, rulesAt, Messages.BadPresetName(site.Rules));
            return null;
        }

        var local = $"seeds/{site.Rules}.yaml";
        string? text;
        string file;
        if (input.Exists(local))
        {
            file = local;
            text = TextFile.Read(input, local, sink);
        }
        else
        {
            file = local;
            text = BuiltInText(site.Rules);
            if (text is null)
            {
                sink.Report(FindingCodes.BadReference, rulesAt, Messages.UnknownPreset(site.Rules, BuiltIn));
                return null;
            }
        }

        return text is null ? null : Parse(text, file, site.Overrides, sink, rulesAt);
    }

    /// <summary>Parses preset text and applies overrides; null with findings when the preset is broken.</summary>
    public static RuleSet? Parse(string text, string file, RuleOverrides overrides, FindingSink sink, SourceRef? overridesAt = null)
    {
        var mark = sink.Count;
        var root = YamlText.Parse(text, file, sink);
        if (root is not YamlMappingNode map)
        {
            if (sink.ErrorsSince(mark) == 0)
            {
                sink.Report(FindingCodes.Syntax, new SourceRef(file, 1, 1), Messages.PresetNotMapping());
            }

            return null;
        }

        var top = new YamlFields(map, file, sink, TopKeys);
        var id = top.String("id", required: true) ?? "?";
        var name = top.String("name", required: true) ?? id;
        var sources = ReadSources(top, sink);

        var graceDays = 0;
        var dueSoonDays = 10;
        if (top.Mapping("defaults") is { } defaults)
        {
            var d = new YamlFields(defaults, file, sink, DefaultsKeys);
            graceDays = d.Int("grace_days", 0, 366) ?? graceDays;
            dueSoonDays = d.Int("due_soon_days", 0, 366) ?? dueSoonDays;
        }

        var streams = new List<Stream>();
        var standing = new Dictionary<UnitLevel, StandingRules>();
        var levels = top.Sequence("levels");
        if (levels is null)
        {
            top.String("levels", required: true);
        }

        foreach (var levelNode in levels?.Children ?? [])
        {
            if (levelNode is not YamlMappingNode lm)
            {
                sink.Report(FindingCodes.Syntax, levelNode.At(file), Messages.ExpectedMapping("levels"));
                continue;
            }

            var lf = new YamlFields(lm, file, sink, LevelKeys);
            var levelText = lf.String("level", required: true);
            if (levelText is null)
            {
                continue;
            }

            if (!UnitLevels.TryParse(levelText, out var level))
            {
                lf.ReportAt("level", FindingCodes.Syntax, Messages.BadLevel(levelText));
                continue;
            }

            if (standing.ContainsKey(level))
            {
                lf.ReportAt("level", FindingCodes.Duplicate, Messages.DuplicateLevel(levelText));
                continue;
            }

            standing[level] = ReadStanding(lf, sink);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var streamNode in lf.Sequence("streams")?.Children ?? [])
            {
                if (ReadStream(streamNode, file, level, sources, seen, sink) is { } s)
                {
                    streams.Add(s);
                }
            }
        }

        var decisions = ReadDecisions(top, sink);
        var aliases = ReadColumns(top, sink);
        var presets = ReadPresets(top, sink, streams);
        var requests = ReadRequests(top, sink);

        if (sink.ErrorsSince(mark) > 0)
        {
            return null;
        }

        var set = new RuleSet(id, name, streams, standing, decisions, graceDays, dueSoonDays, aliases, presets, [], file) { Requests = requests };
        return ApplyOverrides(set, overrides, sink, overridesAt ?? new SourceRef("site.yaml"));
    }

    private static HashSet<string> ReadSources(YamlFields top, FindingSink sink)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in top.Sequence("sources")?.Children ?? [])
        {
            if (node is YamlMappingNode m)
            {
                var f = new YamlFields(m, top.File, sink, SourceKeys);
                if (f.String("id", required: true) is { } sid)
                {
                    ids.Add(sid);
                }

                f.String("document", required: true);
            }
        }

        return ids;
    }

    /// <summary>A citation must name a declared source ("seed-003 第一部分 四.4").</summary>
    private static string Citation(YamlFields f, HashSet<string> sources)
    {
        var source = f.String("source", required: true) ?? string.Empty;
        var first = source.Split([' ', ';', ';', ','], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (sources.Count > 0 && first is not null && !sources.Contains(first))
        {
            f.ReportAt("source", FindingCodes.BadReference, Messages.UnknownSource(first, sources));
        }

        return source;
    }

    private static Stream? ReadStream(YamlNode node, string file, UnitLevel level, HashSet<string> sources, HashSet<string> seenItems, FindingSink sink)
    {
        if (node is not YamlMappingNode m)
        {
            sink.Report(FindingCodes.Syntax, node.At(file), Messages.ExpectedMapping("streams"));
            return null;
        }

        var f = new YamlFields(m, file, sink, StreamKeys);
        var id = f.String("id", required: true);
        var name = f.String("name", required: true);
        var schedule = ReadSchedule(f);
        var due = ReadDue(f, sink) ?? DueRule.Standard;
        var source = Citation(f, sources);
        if (id is null || name is null || schedule is null)
        {
            return null;
        }

        var items = new List<CatalogueItem>();
        var itemNodes = f.Sequence("items");
        if (itemNodes is null || itemNodes.Children.Count == 0)
        {
            f.ReportAt("items", FindingCodes.MissingField, Messages.MissingKey("items"));
        }

        foreach (var itemNode in itemNodes?.Children ?? [])
        {
            if (itemNode is not YamlMappingNode im)
            {
                sink.Report(FindingCodes.Syntax, itemNode.At(file), Messages.ExpectedMapping("items"));
                continue;
            }

            var itf = new YamlFields(im, file, sink, ItemKeys);
            var itemId = itf.String("id", required: true);
            var itemName = itf.String("name", required: true);
            var h1 = itf.String("h1_only") is "true" or "yes";
            var tableName = itf.String("table");
            var table = TableSchema.Named(tableName, TableSchema.OfDisclosures);
            var itemSource = itf.Has("source") ? Citation(itf, sources) : source;
            if (tableName is not null && table is null)
            {
                itf.ReportAt("table", FindingCodes.Syntax, Messages.BadSchema(tableName));
            }

            if (itemId is null || itemName is null)
            {
                continue;
            }

            if (!ItemId().IsMatch(itemId))
            {
                itf.ReportAt("id", FindingCodes.BadName, Messages.BadItemId(itemId));
                continue;
            }

            if (!seenItems.Add(itemId))
            {
                itf.ReportAt("id", FindingCodes.Duplicate, Messages.DuplicateItem(itemId, level.ToKey()));
                continue;
            }

            items.Add(new CatalogueItem(itemId, itemName, level, id, schedule.Value, due, h1, table, itemSource));
        }

        return new Stream(id, name, level, schedule.Value, due, source, items);
    }

    private static PeriodKind? ReadSchedule(YamlFields f)
    {
        var text = f.String("schedule", required: true);
        switch (text)
        {
            case null:
                return null;
            case "half-year":
                return PeriodKind.HalfYear;
            case "quarter":
                return PeriodKind.Quarter;
            case "month":
                return PeriodKind.Month;
            case "year":
                return PeriodKind.Year;
            default:
                f.ReportAt("schedule", FindingCodes.Syntax, Messages.BadSchedule(text));
                return null;
        }
    }

    private static DueRule? ReadDue(YamlFields f, FindingSink sink)
    {
        if (f.Mapping("due") is not { } m)
        {
            return null;
        }

        var d = new YamlFields(m, f.File, sink, DueKeys);
        var day = d.Int("day", 1, 31);
        var after = d.Int("months_after_end", 0, 12);
        return day is null || after is null ? null : new DueRule(day.Value, after.Value);
    }

    private static StandingRules ReadStanding(YamlFields level, FindingSink sink)
    {
        var none = new StandingRules(false, [], false, false, false, string.Empty);
        if (level.Mapping("standing") is not { } m)
        {
            return none;
        }

        var f = new YamlFields(m, level.File, sink, StandingKeys);
        bool Required(string key, out IReadOnlyList<string> roles, out string source)
        {
            roles = [];
            source = string.Empty;
            if (f.Mapping(key) is not { } e)
            {
                return false;
            }

            var ef = new YamlFields(e, f.File, sink, StandingEntryKeys);
            roles = ef.StringList("roles");
            source = ef.String("source") ?? string.Empty;
            return ef.String("required") is "true" or "yes";
        }

        var card = Required("contact_card", out var cardRoles, out var cardSource);
        var duty = Required("duty_roster", out _, out var dutySource);
        var commitments = Required("commitments", out _, out var commitmentsSource);
        var hotline = Required("hotline", out _, out var hotlineSource);
        var requests = Required("requests", out _, out var requestsSource);
        var sources = new[] { cardSource, dutySource, commitmentsSource, hotlineSource, requestsSource }.Where(s => s.Length > 0);
        return new StandingRules(card, cardRoles, duty, commitments, hotline, string.Join("; ", sources)) { Requests = requests };
    }

    /// <summary>The 民情台账 section: the default time limit and each known category with its limit in days.</summary>
    private static RequestRules ReadRequests(YamlFields top, FindingSink sink)
    {
        if (top.Mapping("requests") is not { } m)
        {
            return RequestRules.Default;
        }

        var f = new YamlFields(m, top.File, sink, RequestKeys);
        var days = f.Int("days", 1, 366) ?? RequestRules.Default.DefaultDays;
        var (categories, limits) = ReadCategoryDays(f, "categories", sink);
        return new RequestRules(days, limits, categories.Count > 0 ? categories : RequestRules.Default.Categories, f.String("source") ?? string.Empty);
    }

    /// <summary>A mapping of category to days (<c>{ 代办: 7, 民生服务: 15 }</c>): the names in order and the limits given.</summary>
    internal static (List<string> Names, Dictionary<string, int> Days) ReadCategoryDays(YamlFields f, string key, FindingSink sink)
    {
        var names = new List<string>();
        var days = new Dictionary<string, int>(StringComparer.Ordinal);
        if (f.Mapping(key) is not { } cm)
        {
            return (names, days);
        }

        var keys = cm.Children.Keys.OfType<YamlScalarNode>().Select(x => x.Value ?? string.Empty).ToList();
        var cf = new YamlFields(cm, f.File, sink, keys);
        foreach (var name in keys.Where(k => k.Length > 0))
        {
            names.Add(name);
            if (cf.Int(name, 1, 366) is { } d)
            {
                days[name] = d;
            }
        }

        return (names, days);
    }

    private static DecisionRules ReadDecisions(YamlFields top, FindingSink sink)
    {
        var steps = new List<DecisionStepRule>();
        var publishDays = 7;
        var source = string.Empty;
        if (top.Mapping("decisions") is { } m)
        {
            var f = new YamlFields(m, top.File, sink, DecisionKeys);
            publishDays = f.Int("publish_days", 0, 366) ?? publishDays;
            source = f.String("source") ?? string.Empty;
            foreach (var node in f.Sequence("steps")?.Children ?? [])
            {
                if (node is not YamlMappingNode sm)
                {
                    sink.Report(FindingCodes.Syntax, node.At(top.File), Messages.ExpectedMapping("steps"));
                    continue;
                }

                var sf = new YamlFields(sm, top.File, sink, StepKeys);
                var sid = sf.String("id", required: true);
                var sname = sf.String("name", required: true);
                if (sid is not null && sname is not null)
                {
                    if (steps.Any(s => s.Id == sid))
                    {
                        sf.ReportAt("id", FindingCodes.Duplicate, Messages.DuplicateStep(sid));
                        continue;
                    }

                    steps.Add(new DecisionStepRule(sid, sname, sf.String("disclosure") is "true" or "yes"));
                }
            }
        }

        if (steps.Count == 0)
        {
            steps.AddRange(DefaultSteps);
        }

        return new DecisionRules(steps, publishDays, source);
    }

    /// <summary>四议两公开 as seed 004 names it, used when a preset does not list the steps.</summary>
    public static IReadOnlyList<DecisionStepRule> DefaultSteps { get; } =
    [
        new("proposal", "党支部提议", false),
        new("consultation", "两委会商议", false),
        new("review", "党员大会审议", false),
        new("resolution", "村民代表会议或村民会议决议", false),
        new("resolution_published", "决议公开", true),
        new("result_published", "实施结果公开", true),
    ];

    private static Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadColumns(YamlFields top, FindingSink sink)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        if (top.Mapping("columns") is not { } m)
        {
            return result;
        }

        foreach (var (k, v) in m.Children)
        {
            var schema = (k as YamlScalarNode)?.Value ?? string.Empty;
            if (TableSchema.Named(schema) is null)
            {
                sink.Report(FindingCodes.Syntax, k.At(top.File), Messages.BadSchema(schema));
                continue;
            }

            if (v is not YamlMappingNode cols)
            {
                sink.Report(FindingCodes.Syntax, v.At(top.File), Messages.ExpectedMapping(schema));
                continue;
            }

            var keys = cols.Children.Keys.OfType<YamlScalarNode>().Select(x => x.Value ?? string.Empty).ToList();
            var f = new YamlFields(cols, top.File, sink, keys);
            result[schema] = keys.ToDictionary(x => x, x => f.StringList(x), StringComparer.Ordinal);
        }

        return result;
    }

    private static Dictionary<string, OptionalPreset> ReadPresets(YamlFields top, FindingSink sink, List<Stream> streams)
    {
        var result = new Dictionary<string, OptionalPreset>(StringComparer.Ordinal);
        if (top.Mapping("presets") is not { } m)
        {
            return result;
        }

        foreach (var (k, v) in m.Children)
        {
            var id = (k as YamlScalarNode)?.Value ?? string.Empty;
            if (v is not YamlMappingNode pm)
            {
                sink.Report(FindingCodes.Syntax, v.At(top.File), Messages.ExpectedMapping(id));
                continue;
            }

            var f = new YamlFields(pm, top.File, sink, PresetKeys);
            var name = f.String("name", required: true) ?? id;
            var levels = new List<UnitLevel>();
            foreach (var l in f.StringList("levels"))
            {
                if (UnitLevels.TryParse(l, out var level))
                {
                    levels.Add(level);
                }
                else
                {
                    f.ReportAt("levels", FindingCodes.Syntax, Messages.BadLevel(l));
                }
            }

            var schedule = ReadSchedule(f);
            var due = ReadDue(f, sink) ?? DueRule.Standard;
            var source = f.String("source", required: true) ?? string.Empty;
            var items = f.StringList("items");
            if (schedule is not null)
            {
                result[id] = new OptionalPreset(id, name, levels, items, schedule.Value, due, source);
            }
        }

        return result;
    }

    /// <summary>Applies <c>site.yaml</c> overrides: grace and due-soon days, decision days, optional presets, added and removed items.</summary>
    private static RuleSet ApplyOverrides(RuleSet set, RuleOverrides o, FindingSink sink, SourceRef fallback)
    {
        var at = o.Source ?? fallback;
        var streams = set.Streams.ToList();
        var active = new List<string>();
        foreach (var presetId in o.Presets ?? [])
        {
            if (!set.OptionalPresets.TryGetValue(presetId, out var preset))
            {
                sink.Report(FindingCodes.Syntax, at, Messages.UnknownOptionalPreset(presetId, set.OptionalPresets.Keys));
                continue;
            }

            active.Add(presetId);
            streams = ApplyPreset(streams, preset);
        }

        foreach (var remove in o.RemoveItems ?? [])
        {
            if (!streams.Any(s => s.Items.Any(i => i.Id == remove)))
            {
                sink.Report(FindingCodes.UnknownItem, at, Messages.UnknownItemInOverride(remove));
                continue;
            }

            streams = streams.Select(s => s with { Items = s.Items.Where(i => i.Id != remove).ToList() }).ToList();
        }

        foreach (var add in o.AddItems ?? [])
        {
            var stream = streams.FirstOrDefault(s => s.Level == add.Level && s.Id == add.Stream);
            if (stream is null)
            {
                sink.Report(FindingCodes.Syntax, add.Source, Messages.UnknownStream(add.Stream, add.Level, streams.Where(s => s.Level == add.Level).Select(s => s.Id)));
                continue;
            }

            if (!ItemId().IsMatch(add.Id))
            {
                sink.Report(FindingCodes.BadName, add.Source, Messages.BadItemId(add.Id));
                continue;
            }

            if (streams.Any(s => s.Level == add.Level && s.Items.Any(i => i.Id == add.Id)))
            {
                sink.Report(FindingCodes.Duplicate, add.Source, Messages.DuplicateItem(add.Id, add.Level.ToKey()));
                continue;
            }

            var item = new CatalogueItem(add.Id, add.Name, add.Level, stream.Id, stream.Schedule, stream.Due, false, null, "site.yaml overrides");
            streams = streams.Select(s => s == stream ? s with { Items = [.. s.Items, item] } : s).ToList();
        }

        var decisions = o.DecisionPublishDays is { } dpd ? set.Decisions with { PublishDays = dpd } : set.Decisions;
        var requests = set.Requests;
        if (o.RequestDays is { } rd)
        {
            requests = requests with { DefaultDays = rd };
        }

        if (o.RequestCategories is { Count: > 0 } rc)
        {
            var limits = new Dictionary<string, int>(requests.CategoryDays, StringComparer.Ordinal);
            foreach (var (category, days) in rc)
            {
                limits[category] = days;
            }

            requests = requests with { CategoryDays = limits, Categories = [.. requests.Categories, .. rc.Keys.Where(c => !requests.Categories.Contains(c))] };
        }

        return set with
        {
            Requests = requests,
            Streams = streams,
            GraceDays = o.GraceDays ?? set.GraceDays,
            DueSoonDays = o.DueSoonDays ?? set.DueSoonDays,
            Decisions = decisions,
            ActivePresets = active,
        };
    }

    /// <summary>
    /// An optional preset moves its items to its own schedule (monthly finance), or adds a monthly stream
    /// with items the catalogue does not have yet (board photos).
    /// </summary>
    private static List<Stream> ApplyPreset(List<Stream> streams, OptionalPreset preset)
    {
        var result = streams.Select(s => s with
        {
            Items = s.Items.Select(i => preset.Levels.Contains(i.Level) && preset.Items.Contains(i.Id)
                ? i with { Schedule = preset.Schedule, Due = preset.Due, Source = preset.Source }
                : i).ToList(),
        }).ToList();
        foreach (var level in preset.Levels)
        {
            var missing = preset.Items.Where(id => !result.Any(s => s.Level == level && s.Items.Any(i => i.Id == id))).ToList();
            if (missing.Count > 0)
            {
                var items = missing.Select(id => new CatalogueItem(id, preset.Name, level, preset.Id, preset.Schedule, preset.Due, false, null, preset.Source)).ToList();
                result.Add(new Stream(preset.Id, preset.Name, level, preset.Schedule, preset.Due, preset.Source, items));
            }
        }

        return result;
    }
}
