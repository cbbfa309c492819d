namespace DisclosureSite.Model;

/// <summary>Where trusted publication dates come from when there is no ledger entry.</summary>
public enum DatesFrom
{
    /// <summary>The first commit that added the file (default), falling back to the self-declared date.</summary>
    Git,

    /// <summary>Only the self-declared <c>published</c> date (demo data, imported archives).</summary>
    Declared,
}

/// <summary>An item a site adds to a stream of the preset (<c>overrides.add_items</c>).</summary>
public sealed record AddedItem(UnitLevel Level, string Stream, string Id, string Name, SourceRef Source);

/// <summary>Overrides of the rule preset a site may set in <c>site.yaml</c>.</summary>
public sealed record RuleOverrides(
    int? GraceDays = null,
    int? DueSoonDays = null,
    int? DecisionPublishDays = null,
    IReadOnlyList<string>? Presets = null,
    IReadOnlyList<string>? RemoveItems = null,
    IReadOnlyList<AddedItem>? AddItems = null,
    SourceRef? Source = null)
{
    /// <summary><c>request_days</c>: the 民情台账 time limit in days for categories the preset gives none.</summary>
    public int? RequestDays { get; init; }

    /// <summary><c>request_categories</c>: categories with their time limits in days, changing the preset's or adding new ones.</summary>
    public IReadOnlyDictionary<string, int>? RequestCategories { get; init; }

    public static RuleOverrides None { get; } = new();
}

/// <summary><c>site.yaml</c>.</summary>
public sealed record SiteSettings(
    string Name,
    string? BaseUrl,
    string TimeZone,
    string Language,
    string Rules,
    RuleOverrides Overrides,
    Period? Since,
    string? Hotline,
    string? Repository,
    DatesFrom DatesFrom)
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    public static SiteSettings Default { get; } = new("三务公开", null, DefaultTimeZone, "zh-CN", "sanwu", RuleOverrides.None, null, null, null, DatesFrom.Git);
}
