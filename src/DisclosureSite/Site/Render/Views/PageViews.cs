namespace DisclosureSite.Site.Render.Views;

/// <summary><c>/</c>: the township's latest due period first (figures, what is missing or late, by unit), the units with
/// their latest figures, then the current period and its deadline, all-time figures and the latest items.</summary>
public sealed record HomeView(CurrentPeriodView Current, CountsView Total, PeriodSummaryView? LastDue, IReadOnlyList<ItemLinkView> Latest, IReadOnlyList<UnitSummaryView> Units)
{
    /// <summary>The latest quarter whose deadline has passed, across the township.</summary>
    public LatestView? LatestDue { get; init; }

    /// <summary>Township-wide 民情台账 figures per quarter (null when no unit keeps one).</summary>
    public RequestsOverviewView? Requests { get; init; }
}

/// <summary>
/// The top task of a unit page (and, across units, of the home page): the latest period whose deadline has passed —
/// its figures, the items missing (缺报) and late, each named, and the money in and out of the latest finance item.
/// </summary>
public sealed record LatestView(string Code, string Name, string Url, string Deadline, CountsView Counts, IReadOnlyList<ShortfallView> Missing, IReadOnlyList<ShortfallView> Late, MoneyView? Money);

/// <summary>A required item missing or late in a period: which unit, which item, where to see it, how many days.</summary>
public sealed record ShortfallView(string UnitName, string ItemName, string Url, int? Days);

/// <summary>收入、支出、结余 of a unit's latest finance ledger (the catalogue item <c>*.finance</c>), computed from its rows.</summary>
public sealed record MoneyView(string Title, string Url, string PeriodName, decimal Income, decimal Expense, decimal? Balance);

/// <summary>The period being filled now and when it falls due.</summary>
public sealed record CurrentPeriodView(string Code, string Name, string Deadline, int DaysLeft);

/// <summary>A period's figures across all units, with its compliance page.</summary>
public sealed record PeriodSummaryView(string Code, string Name, string Deadline, string Url, CountsView Counts);

/// <summary>A unit in a list, with its figures.</summary>
public sealed record UnitSummaryView(string Id, string Name, string Level, string Url, string? Note, CountsView Counts)
{
    /// <summary>The unit's figures in the township's latest due period (home page).</summary>
    public CountsView? LatestCounts { get; init; }

    /// <summary>Its open and overdue 民情台账 matters (null when it keeps none and owes none).</summary>
    public RequestSummaryView? Requests { get; init; }
}

/// <summary><c>/{unit}/</c>.</summary>
public sealed record UnitView(
    string Id,
    string Name,
    string Level,
    string? Note,
    IReadOnlyList<PersonView> Contacts,
    IReadOnlyList<DutyView> Duty,
    CommitmentsView? Commitments,
    bool OwesStanding,
    CountsView Counts,
    IReadOnlyList<UnitPeriodView> Periods,
    string FeedUrl)
{
    /// <summary>What the page opens with: the latest period whose deadline has passed.</summary>
    public LatestView? Latest { get; init; }

    /// <summary>Its 民情台账: open and overdue counts and the link (null when it keeps none and owes none).</summary>
    public RequestSummaryView? Requests { get; init; }
}

/// <summary>A row of the contact card (民情联系卡).</summary>
public sealed record PersonView(string Role, string Name, string? Phone, string? Note);

/// <summary>A row of the duty roster (值班安排表).</summary>
public sealed record DutyView(string Day, string Name, string? Role, string? Phone);

/// <summary>The unit's public commitments for a year.</summary>
public sealed record CommitmentsView(string Title, string? Year, string Html, bool Stale);

/// <summary>A period on the unit page: its items with their status.</summary>
public sealed record UnitPeriodView(string Code, string Name, string Url, CountsView Counts, IReadOnlyList<EntryView> Entries)
{
    /// <summary>Shown unfolded: the two most recent periods whose deadline has passed.</summary>
    public bool Open { get; init; }
}

/// <summary>A required item of a period: status, deadline and the disclosures filed for it.</summary>
public sealed record EntryView(string ItemId, string ItemName, string Status, int? Days, string Deadline, string Published, string DateSource, IReadOnlyList<ItemLinkView> Items);

/// <summary><c>/{unit}/{period}/</c>: every catalogue item of the period, grouped by stream.</summary>
public sealed record PeriodView(string UnitId, string UnitName, string UnitUrl, string Code, string Name, string Url, CountsView Counts, IReadOnlyList<StreamGroupView> Streams, IReadOnlyList<ItemLinkView> Others, string PrintUrl, string? QrSvg, string? PageUrl);

/// <summary>The items of one stream (党务, 村务 …) in a period and their deadline.</summary>
public sealed record StreamGroupView(string Name, string Deadline, IReadOnlyList<EntryView> Entries);

/// <summary><c>/{unit}/{period}/{slug}/</c>: one disclosure in full.</summary>
public sealed record ItemView(
    string Title,
    string UnitName,
    string UnitUrl,
    string Period,
    string PeriodName,
    string PeriodUrl,
    string ItemId,
    string ItemName,
    string Status,
    int? Days,
    string Deadline,
    string Published,
    string DateSource,
    string? Nil,
    string BodyHtml,
    IReadOnlyList<TableView> Tables,
    IReadOnlyList<LinkView> Attachments,
    LinkView? Corrects,
    IReadOnlyList<CorrectionLinkView> CorrectedBy,
    string? RevisionNote,
    string? WithdrawAt,
    string ContentSha256,
    string Url,
    string AbsoluteUrl,
    string? QrSvg,
    IReadOnlyList<RevisionView> Revisions)
{
    /// <summary>The issuing body printed on the notice: the unit and the township it belongs to ("东山村（青石镇）").</summary>
    public string Issuer { get; init; } = UnitName;
}

/// <summary>A correction published for a disclosure: its title, page, publication date and what it corrects (its revision note).</summary>
public sealed record CorrectionLinkView(string Title, string Url, string Date, string? Note);

/// <summary>
/// A table of a disclosure, as given, with the computed totals for a ledger and its chart; the unit and other lines the
/// sheet states above its header, and its signature block (制表人：… 审核人：…), one list of parts per line.
/// </summary>
public sealed record TableView(string? Caption, string Schema, IReadOnlyList<string> Columns, IReadOnlyList<string> ColumnClasses, IReadOnlyList<RowView> Rows, LedgerTotalsView? Ledger, string? ChartSvg, string CsvUrl)
{
    public string? Unit { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> Signature { get; init; } = [];
}

/// <summary>A table row; <see cref="IsTotal"/> for the clerk's own 合计 row.</summary>
public sealed record RowView(IReadOnlyList<CellView> Cells, bool IsTotal);

/// <summary>A table cell; <see cref="Num"/> for an amount or number column (right-aligned); <see cref="Label"/> is its
/// column's name (shown beside the value when a narrow screen stacks each row as a card) and <see cref="Css"/> its
/// column's class (num, date, summary). Each cell says it itself: a template looking these up by column index for
/// every cell costs more than the rest of the page.</summary>
public sealed record CellView(string Text, bool Num, string Label = "", string Css = "");

/// <summary>Totals computed from a ledger's rows, and the balance check (opening + income − expense = closing).</summary>
public sealed record LedgerTotalsView(decimal Income, decimal Expense, bool HasIncome, bool HasExpense, decimal? Opening, decimal? Closing, decimal? ComputedClosing, bool? BalanceOk);

/// <summary>The notice page left where a withdrawn disclosure was (never a 404).</summary>
public sealed record WithdrawnView(string Title, string UnitName, string UnitUrl, string PeriodName, string PeriodUrl, string ItemName, string Published, string DateSource, string WithdrawnOn, string Reason);
