namespace DisclosureSite.Model;

/// <summary>When a stream's periods fall due: on <see cref="Day"/> of the month <see cref="MonthsAfterEnd"/> after the period's last month.</summary>
public sealed record DueRule(int Day, int MonthsAfterEnd)
{
    /// <summary>The 20th of the month after the period (SPEC §5 for quarters and half-years).</summary>
    public static DueRule Standard { get; } = new(20, 1);

    /// <summary>The last day on which a disclosure for <paramref name="period"/> is on time (inclusive).</summary>
    public DateOnly DeadlineFor(Period period)
    {
        var month = new DateOnly(period.End.Year, period.End.Month, 1).AddMonths(MonthsAfterEnd);
        var day = Math.Min(Day, DateTime.DaysInMonth(month.Year, month.Month));
        return new DateOnly(month.Year, month.Month, day);
    }
}

/// <summary>One required item of the catalogue (e.g. <c>village.finance</c> 财务计划及执行、各项收支).</summary>
public sealed record CatalogueItem(
    string Id,
    string Name,
    UnitLevel Level,
    string StreamId,
    PeriodKind Schedule,
    DueRule Due,
    bool FirstHalfOnly,
    TableSchema? TableSchema,
    string Source)
{
    /// <summary>True when this item is owed for <paramref name="period"/>.</summary>
    public bool IsRequiredIn(Period period) =>
        period.Kind == Schedule && (!FirstHalfOnly || period.IsInFirstHalf);

    /// <summary>
    /// The default title of this item's disclosure for <paramref name="period"/>: the period, then the name without a
    /// leading 年度 the period already says (2026年第三季度财务计划及执行…, 2026年度工作计划…, never 第三季度年度…).
    /// </summary>
    public string TitleIn(Period period) =>
        period.ToChinese() + (Name.StartsWith("年度", StringComparison.Ordinal) ? Name[2..] : Name);
}

/// <summary>A stream of a level (党务 party, 政务 gov, 村务 village, 居务 community) with its schedule.</summary>
public sealed record Stream(string Id, string Name, UnitLevel Level, PeriodKind Schedule, DueRule Due, string Source, IReadOnlyList<CatalogueItem> Items);

/// <summary>Standing information a level must keep posted (contact card, duty roster, commitments, hotline, 民情台账).</summary>
public sealed record StandingRules(bool ContactCard, IReadOnlyList<string> ContactCardRoles, bool DutyRoster, bool Commitments, bool Hotline, string Source)
{
    /// <summary>The level keeps a 民情台账 (<c>units/&lt;unit&gt;/requests.csv</c>); a unit without one for a whole quarter is <c>standing.missing</c>.</summary>
    public bool Requests { get; init; }
}

/// <summary>A step of 四议两公开.</summary>
public sealed record DecisionStepRule(string Id, string Name, bool IsDisclosure);

/// <summary>The 四议两公开 rules: step names and order, and the days a resolution has to be disclosed.</summary>
public sealed record DecisionRules(IReadOnlyList<DecisionStepRule> Steps, int PublishDays, string Source);

/// <summary>An optional preset a site can switch on (monthly finance, monthly board photos).</summary>
public sealed record OptionalPreset(string Id, string Name, IReadOnlyList<UnitLevel> Levels, IReadOnlyList<string> Items, PeriodKind Schedule, DueRule Due, string Source);

/// <summary>A rule preset from <c>seeds/</c> with the site's overrides applied: catalogue, schedules, defaults and column aliases.</summary>
public sealed record RuleSet(
    string Id,
    string Name,
    IReadOnlyList<Stream> Streams,
    IReadOnlyDictionary<UnitLevel, StandingRules> Standing,
    DecisionRules Decisions,
    int GraceDays,
    int DueSoonDays,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> ColumnAliases,
    IReadOnlyDictionary<string, OptionalPreset> OptionalPresets,
    IReadOnlyList<string> ActivePresets,
    string SourceFile)
{
    /// <summary>The 民情台账 rules (categories and time limits) with the site's overrides applied.</summary>
    public RequestRules Requests { get; init; } = RequestRules.Default;

    public IEnumerable<CatalogueItem> ItemsFor(UnitLevel level) =>
        Streams.Where(s => s.Level == level).SelectMany(s => s.Items);

    public CatalogueItem? FindItem(UnitLevel level, string id) =>
        ItemsFor(level).FirstOrDefault(i => i.Id == id);

    /// <summary>Every item id the catalogue knows at any level (to tell "wrong level" from "unknown").</summary>
    public IEnumerable<CatalogueItem> AllItems => Streams.SelectMany(s => s.Items);

    /// <summary>Column names accepted for a logical column of a table schema (e.g. ledger/income → 收入, 收入(元) …).</summary>
    public IReadOnlyList<string> AliasesOf(string schema, string column) =>
        ColumnAliases.TryGetValue(schema, out var cols) && cols.TryGetValue(column, out var names) ? names : [];
}
