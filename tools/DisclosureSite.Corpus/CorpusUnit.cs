using DisclosureSite.Model;

namespace DisclosureSite.Corpus;

/// <summary>A generated unit with the people and things its texts mention.</summary>
internal sealed record CorpusUnit(
    int Index,
    string Id,
    string Name,
    UnitLevel Level,
    string DivisionCode,
    string Office,
    string Leader,
    string LeaderTitle,
    string LeaderPhone,
    IReadOnlyList<string> Residents,
    string Secretary,
    string Director,
    string Supervisor,
    IReadOnlyList<string> Handlers,
    string Industry,
    IReadOnlyList<string> Assets,
    IReadOnlyList<string> Projects,
    int Seed)
{
    /// <summary>村 for villages, 社区 for communities, 镇 for the township: the word the texts use for "us".</summary>
    public string Short => Level switch
    {
        UnitLevel.Village => "村",
        UnitLevel.Community => "社区",
        _ => "镇",
    };

    public string Folk => Level == UnitLevel.Community ? "居民" : "村民";
}
