using DisclosureSite.Model;
using YamlDotNet.RepresentationModel;

namespace DisclosureSite.Loading;

/// <summary>Reads <c>site.yaml</c> (SPEC §4).</summary>
public static class SiteSettingsLoader
{
    public const string File = "site.yaml";

    private static readonly string[] Keys = ["name", "base_url", "timezone", "language", "rules", "overrides", "since", "hotline", "repository", "dates_from"];
    private static readonly string[] AddedItemKeys = ["level", "stream", "id", "name"];
    private static readonly string[] OverrideKeys = ["grace_days", "due_soon_days", "decision_publish_days", "presets", "remove_items", "add_items", "request_days", "request_categories"];

    public static (SiteSettings Settings, SourceRef RulesAt)? Load(InputFolder input, FindingSink sink)
    {
        if (!input.Exists(File))
        {
            sink.Report(FindingCodes.Unreadable, new SourceRef(File), Messages.NoSiteYaml());
            return null;
        }

        var text = TextFile.Read(input, File, sink);
        if (text is null)
        {
            return null;
        }

        var mark = sink.Count;
        var root = YamlText.Parse(text, File, sink);
        if (root is not YamlMappingNode map)
        {
            if (sink.ErrorsSince(mark) == 0)
            {
                sink.Report(FindingCodes.Syntax, new SourceRef(File, 1, 1), Messages.ExpectedMapping(File));
            }

            return null;
        }

        var f = new YamlFields(map, File, sink, Keys);
        var name = f.String("name", required: true) ?? SiteSettings.Default.Name;
        var baseUrl = f.String("base_url");
        if (baseUrl is not null && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            f.ReportAt("base_url", FindingCodes.Syntax, Messages.BadUrl(baseUrl));
            baseUrl = null;
        }

        var timezone = f.String("timezone") ?? SiteSettings.DefaultTimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out _))
        {
            f.ReportAt("timezone", FindingCodes.Syntax, Messages.BadTimeZone(timezone));
            timezone = SiteSettings.DefaultTimeZone;
        }

        var language = f.String("language") ?? "zh-CN";
        var rules = f.String("rules") ?? "sanwu";
        var since = f.Period("since");
        var hotline = f.String("hotline");
        var repository = f.String("repository");
        if (repository is not null && repository.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            f.ReportAt("repository", FindingCodes.Syntax, Messages.BadRepository(repository));
            repository = null;
        }

        var datesFrom = DatesFrom.Git;
        switch (f.String("dates_from"))
        {
            case null or "git":
                break;
            case "declared":
                datesFrom = DatesFrom.Declared;
                break;
            case var other:
                f.ReportAt("dates_from", FindingCodes.Syntax, Messages.BadChoice("dates_from", other, ["git", "declared"]));
                break;
        }

        var overrides = RuleOverrides.None;
        if (f.Mapping("overrides") is { } om)
        {
            var o = new YamlFields(om, File, sink, OverrideKeys);
            overrides = new RuleOverrides(
                o.Int("grace_days", 0, 366),
                o.Int("due_soon_days", 0, 366),
                o.Int("decision_publish_days", 0, 366),
                o.Has("presets") ? o.StringList("presets") : null,
                o.Has("remove_items") ? o.StringList("remove_items") : null,
                ReadAddedItems(o, sink),
                f.AtKey("overrides"))
            {
                RequestDays = o.Int("request_days", 1, 366),
                RequestCategories = o.Has("request_categories") ? RulePresetLoader.ReadCategoryDays(o, "request_categories", sink).Days : null,
            };
        }

        return (new SiteSettings(name, baseUrl, timezone, language, rules, overrides, since, hotline, repository, datesFrom), f.Has("rules") ? f.AtKey("rules") : new SourceRef(File, 1, 1));
    }

    private static List<AddedItem> ReadAddedItems(YamlFields o, FindingSink sink)
    {
        var items = new List<AddedItem>();
        foreach (var node in o.Sequence("add_items")?.Children ?? [])
        {
            if (node is not YamlMappingNode m)
            {
                sink.Report(FindingCodes.Syntax, node.At(File), Messages.ExpectedMapping("add_items"));
                continue;
            }

            var f = new YamlFields(m, File, sink, AddedItemKeys);
            var levelText = f.String("level", required: true);
            var stream = f.String("stream", required: true);
            var id = f.String("id", required: true);
            var name = f.String("name", required: true);
            if (levelText is null || stream is null || id is null || name is null)
            {
                continue;
            }

            if (!UnitLevels.TryParse(levelText, out var level))
            {
                f.ReportAt("level", FindingCodes.Syntax, Messages.BadLevel(levelText));
                continue;
            }

            items.Add(new AddedItem(level, stream, id, name, f.AtKey("id")));
        }

        return items;
    }
}
